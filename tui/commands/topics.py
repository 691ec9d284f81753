"""``dualread topics [--check FILE]``: the taxonomy in force, or whether a taxonomy file is valid.

- ``format_topics(taxonomy, width)``: the listing: where the taxonomy comes from, then id, label and description of
  each topic, the description wrapped to the terminal.
- ``describe_check(taxonomy, path)``: the one-line verdict for ``--check``: how many topics, and how they differ
  from the default (new, changed, left out). ``--check`` also runs each family's examples through the taxonomy
  (``comparisons.topics.examples``): an example its family does not fire is a problem like any other.
- ``add_parser`` / ``run``: the subcommand.

The taxonomy in force is ``--topics FILE`` if given, else the library's ``topics.yaml``, else the default one
(``tui.commands.common.options_from`` decides, as for every comparison). A bad file is one line naming the file, the
field and the value, and exit code 1 (``tui.cli`` prints the ``ComparisonError``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.topics.taxonomy import Taxonomy

__all__ = ["add_parser", "describe_check", "format_topics", "run"]

_MIN_DESCRIPTION = 30
"""Below this many columns for the description, it goes on its own indented line instead."""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "topics",
        help="list the topic taxonomy in force, or check a taxonomy file",
        description="List the topics claims are tagged with: id, label and description. The taxonomy in force is "
        "--topics FILE, else the library's topics.yaml, else the default one. With --check FILE, validate a "
        "taxonomy file instead (flat or grouped in families; each family's example must fire it) and name the "
        "first problem (file, field, value). docs/topics.md explains the format.",
        examples="  dualread topics\n"
        "  dualread topics --check my-topics.yaml\n"
        "  dualread --topics my-topics.yaml topics\n",
    )
    parser.add_argument("--check", metavar="FILE", help="validate this taxonomy file; exit 1 if it has a problem")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.check:
        from comparisons.topics.examples import check_examples
        from comparisons.topics.taxonomy import load_taxonomy

        path = Path(args.check)
        taxonomy = load_taxonomy(path)
        check_examples(taxonomy, file=path)
        verdict = describe_check(taxonomy, path)
        if sys.stdout.isatty():  # wrapped between words on a terminal; whole in a pipe, for a script to read
            from tui.commands.terminal_text import wrap

            first, *rest = wrap(verdict, shutil.get_terminal_size().columns, indent="  ")
            verdict = "\n".join([first.removeprefix("  "), *rest])
        print(verdict)
        return 0

    from tui.commands.common import library_from, options_from

    taxonomy = options_from(args, library_from(args), comparing=False).taxonomy
    if taxonomy is None:
        from comparisons.topics.taxonomy import default_taxonomy

        taxonomy = default_taxonomy()
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    print("\n".join(format_topics(taxonomy, width)))
    return 0


def describe_check(taxonomy: "Taxonomy", path: Path) -> str:
    """``FILE: ok, N topics`` and how they differ from the default: new ids, changed ones, default ones left out."""
    from comparisons.topics.taxonomy import default_taxonomy

    default = default_taxonomy()
    new = [t for t in taxonomy.topics if default.get(t.id) is None]
    changed = [t for t in taxonomy.topics if default.get(t.id) not in (None, t)]
    left_out = [t for t in default.ids if taxonomy.get(t) is None]
    count = f"{len(taxonomy.topics)} topic{'s' if len(taxonomy.topics) != 1 else ''}"
    return (f"{_visible(str(path))}: ok, {count} ({len(new)} new, {len(changed)} changed from the default, "
            f"{len(left_out)} of the default's {len(default.topics)} left out)")


def format_topics(taxonomy: "Taxonomy", width: int | None) -> list[str]:
    """The listing: a line naming the taxonomy's source, a header, then one entry per topic in taxonomy order.

    Descriptions wrap within ``width`` (a terminal) and stay on one line when ``width`` is None (a pipe or file).
    """
    source = "the default taxonomy" if taxonomy.source == "default" else _visible(taxonomy.source)
    count = len(taxonomy.topics)
    lines = [f"{count} topic{'s' if count != 1 else ''} from {source}", ""]
    rows = [(_visible(t.id), _visible(t.label), _visible(t.description)) for t in taxonomy.topics]
    id_width = max(len("ID"), *(len(r[0]) for r in rows))
    label_width = max(len("LABEL"), *(len(r[1]) for r in rows))
    indent = id_width + label_width + 4
    room = None if width is None else width - indent
    side_by_side = room is None or room >= _MIN_DESCRIPTION
    lines.append(f"{'ID'.ljust(id_width)}  {'LABEL'.ljust(label_width)}  DESCRIPTION" if side_by_side
                 else f"{'ID'.ljust(id_width)}  LABEL")
    for topic_id, label, description in rows:
        head = f"{topic_id.ljust(id_width)}  {label.ljust(label_width)}"
        if side_by_side:
            wrapped = textwrap.wrap(description, room, break_on_hyphens=False) if room and description else [description]
            lines.append(f"{head}  {wrapped[0]}".rstrip())
            lines.extend(" " * indent + more for more in wrapped[1:])
        else:
            lines.append(head.rstrip())
            if description:
                lines.extend(textwrap.wrap(description, max(width - 4, 20), break_on_hyphens=False, initial_indent="    ",
                                           subsequent_indent="    "))
    return lines


def _visible(text: str) -> str:
    """Control characters from a user's file (an escape sequence, say) shown as ``\\x1b`` instead of obeyed."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
