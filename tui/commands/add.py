"""``dualread add PAIR_ID --event TEXT --date YYYY-MM-DD --side KEY=SOURCE ...``: import a pair into the library.

This module only reads the command line: it turns ``--side KEY=SOURCE`` and the metadata options into the mappings
``readouts.adding.add_pair`` takes, which checks every argument before anything is fetched or written, imports each
side and saves the pair atomically, and prints the one line that says what was added (and, for a replaced pair,
what became of its review: it is kept, and the line says how many decisions went stale). A problem is one
``ReadoutError`` line and exit 1, its field named after the option at fault (``--date``, ``--side``), and the
library is left as it was. When a side comes from a terminal's stdin, a line on stderr says how to end the paste.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from readouts.errors import ReadoutError

__all__ = ["add_parser", "parse_assignments", "parse_participants", "review_note", "run"]

_METADATA = ("publisher", "title", "url", "language")
_OPTION_OF = {"id": "PAIR_ID", "event": "--event", "date": "--date", "sides": "--side",
              **{name: f"--{name}" for name in _METADATA}}
"""The fields ``readouts.adding`` names in its errors, as the options a user of the command line typed."""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "add",
        help="import a pair of readouts into the library",
        description="Import the readouts of one event into the library as a pair: two sides or more, each from a "
        "text, Markdown or HTML file, '-' for stdin, or an http(s) URL. Web pages are reduced to their "
        "article. The pair is written only once every side has been read.",
        examples="  dualread add 2021-12-30-biden-putin-call \\\n"
        "      --event 'Biden–Putin telephone call' --date 2021-12-30 \\\n"
        "      --side white-house=wh.html --side kremlin=kremlin.txt \\\n"
        "      --publisher white-house='The White House' \\\n"
        "      --publisher kremlin='President of Russia'\n"
        "  dualread add 2022-11-14-biden-xi-meeting \\\n"
        "      --event 'Biden–Xi meeting in Bali' --date 2022-11-14 \\\n"
        "      --side white-house=https://example.org/readout \\\n"
        "      --side china-mfa=mfa.md --language china-mfa=en\n"
        "  pbpaste | dualread add my-pair --event 'A call' --date 2024-05-01 \\\n"
        "      --side a=- --side b=b.txt\n"
        "  dualread add my-pair ... --force\n"
        "      replace an existing pair (only once the new one is complete)\n",
    )
    parser.add_argument("pair_id", metavar="PAIR_ID",
                        help="the pair's id and folder name: lowercase a-z, 0-9 and '-', "
                        "e.g. 2021-12-30-biden-putin-call")
    parser.add_argument("--event", required=True, metavar="TEXT", help="what happened, e.g. 'Biden–Putin call'")
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the date of the event")
    parser.add_argument("--side", action="append", required=True, metavar="KEY=SOURCE", type=_assignment("SOURCE"),
                        help="a side: its key (e.g. white-house) and a .txt/.md/.html file, '-' or a URL; "
                        "give it once per side, at least twice")
    parser.add_argument("--publisher", action="append", default=[], metavar="KEY=NAME", type=_assignment("NAME"),
                        help="who published the side's readout")
    parser.add_argument("--title", action="append", default=[], metavar="KEY=TEXT", type=_assignment("TEXT"),
                        help="the readout's title (default: its title line, or the event when its first line"
                        " reads as a sentence)")
    parser.add_argument("--url", action="append", default=[], metavar="KEY=URL", type=_assignment("URL"),
                        help="where the readout was published (default: the source, when it is a URL)")
    parser.add_argument("--language", action="append", default=[], metavar="KEY=CODE", type=_assignment("CODE"),
                        help="the readout's language code, e.g. en, ru (default: guessed)")
    parser.add_argument("--participant", action="append", default=[], metavar="NAME[=ALIAS,...]",
                        help="a person in the event and the other names the readouts use for them, e.g. "
                        "'Joseph R. Biden=Biden,President Biden' (repeat for each; they help tell who said what); "
                        "a name holding , ; or = goes in double quotes: 'Joseph R. Biden=Biden,\"Biden, Jr.\"'")
    parser.add_argument("--force", action="store_true", help="replace a pair with the same id")
    return parser


def _assignment(value_name: str):
    """The argparse ``type`` of a ``KEY=VALUE`` option: a ``(key, value)`` pair, and a usage error (exit 2) when the
    '=' is missing, since the command line was mistyped rather than an input being bad."""

    def split(item: str) -> tuple[str, str]:
        key, sep, value = item.partition("=")
        if not sep:
            raise argparse.ArgumentTypeError(f"expected KEY={value_name}, got {item!r}")
        return key.strip(), value

    split.__name__ = f"KEY={value_name}"  # how argparse names the type in its message
    return split


def parse_participants(values: list[str]) -> list | None:
    """``--participant NAME[=ALIAS,...]`` as ``Participant`` values (``tui.commands.people_syntax``: a part in
    double quotes may hold ``,`` ``;`` ``=``); ``None`` when none is given (a replaced pair then keeps its own).
    Names are one line of text; an empty name is refused."""
    from readouts.model import Participant
    from readouts.textshape import strip_controls
    from tui.commands.people_syntax import read_person

    if not values:
        return None
    found = []
    for item in values:
        name, aliases = read_person(item)
        name = " ".join(strip_controls(name).split())
        if not name:
            raise ReadoutError("a participant needs a name before '='", field="--participant", value=item)
        names = [" ".join(strip_controls(a).split()) for a in aliases]
        found.append(Participant(name, tuple(dict.fromkeys(a for a in names if a and a != name))))
    return found


def parse_assignments(values: list[tuple[str, str]], option: str) -> dict[str, str]:
    """``[(key, value), ...]`` as a dict, refusing a bad key or a key given twice."""
    from readouts.pairfile import check_side_key

    result: dict[str, str] = {}
    for key, value in values:
        check_side_key(key, field=option)
        if key in result:
            raise ReadoutError(f"side '{key}' is given twice", field=option, value=f"{key}={value}")
        result[key] = value
    return result


@contextmanager
def _named_by_options() -> Iterator[None]:
    """Errors about an argument name the option the user typed (``--date``), not the documents layer's field."""
    try:
        yield
    except ReadoutError as error:
        if error.file is None and error.field in _OPTION_OF:
            raise ReadoutError(error.message, field=_OPTION_OF[error.field], value=error.value) from None
        raise


def _prompt_for_stdin(key: str, source: str) -> None:
    if source == "-" and sys.stdin.isatty():
        print(f"dualread: paste the '{key}' readout, then press Ctrl-D on a new line", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from readouts.adding import add_pair
    from tui.commands.common import library_from

    library = library_from(args)
    with _named_by_options():
        sides = list(args.side)
        metadata = {name: parse_assignments(getattr(args, name), f"--{name}") for name in _METADATA}
        result = add_pair(library, args.pair_id, args.event, args.date, sides,
                          publishers=metadata["publisher"], titles=metadata["title"], urls=metadata["url"],
                          languages=metadata["language"], force=args.force, before_read=_prompt_for_stdin,
                          participants=parse_participants(args.participant))
    print(result.summary() + review_note(library, result), file=sys.stdout)
    return 0


def review_note(library, result) -> str:
    """A replaced pair keeps its review: say how much of it still applies to the new texts."""
    if not result.replaced:
        return ""
    from comparisons.review.reviewed import review_kept

    note = review_kept(library, result.pair)
    return f"; {note}" if note else ""
