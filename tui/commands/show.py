"""``dualread show PAIR_ID``: the comparison as readable text in the terminal, drawn with Rich.

- ``render_comparison(comparison, console)``: the header (event, date, sides), topic coverage per side, the links
  with their word diffs and conflicts, then what each side alone reports (omissions).
- ``add_parser`` / ``run``: the subcommand.

A style given to a label is applied to the label alone (``Text().append(label, style)``), never as the base style of
a line, so the readout text after it keeps the terminal's plain style. Readout text is data: every string that comes
from a readout or pair.yaml enters as ``rich.text.Text`` and is never parsed as markup, so ``[bold]`` in a readout
prints as typed. On a terminal the word diff is coloured; piped or with NO_COLOR it is marked
``[-deleted-]{+inserted+}`` so that nothing is lost without colour. Control characters (an escape sequence in a
readout) are printed as visible symbols (␛), never sent to the terminal.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from rich.console import Console

    from comparisons.model import Comparison, Link, Span
    from readouts.model import Claim

__all__ = ["add_parser", "render_comparison", "run"]

_DELETE = "red strike"
_INSERT = "green underline"
# Control characters in a readout (an escape sequence, a bell) are shown as symbols, never sent to the terminal.
_VISIBLE = (
    {c: 0x2400 + c for c in range(32) if chr(c) not in "\n\t"}
    | {127: 0x2421}
    | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
)


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "show",
        help="print the comparison of a pair: topics, linked claims with word diffs, conflicts, omissions",
        description="Print the comparison of one pair: topic coverage per side, the claims both sides report "
        "(with word diffs and conflicts) and what only one side reports.",
        examples="  dualread show 2021-12-30-biden-putin-call\n"
        "  dualread show 2021-12-30-biden-putin-call | less\n"
        "      piped, no colours: a diff reads [-first side's words-]{+second side's+}\n",
    )
    parser.add_argument("pair_id", metavar="PAIR_ID", help="the pair to show")
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from tui.commands.common import comparison_for

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich exits with code 1 when the reader goes away (``show | head``); code 1 means bad input here, so
            # let ``tui.cli`` end quietly with 0 as for every other command.
            raise BrokenPipeError

    comparison = comparison_for(args, args.pair_id)
    render_comparison(comparison, _Console(highlight=False, emoji=False))
    return 0


def render_comparison(comparison: "Comparison", console: "Console") -> None:
    from rich.rule import Rule
    from rich.text import Text

    from tui.widgets.texts import counted

    plain = console.no_color or console.color_system is None
    labels = {d.key: _visible(d.side.label) for d in comparison.documents}
    pair = comparison.pair

    title = Text(pair.date.isoformat() + " · ", style="bold")
    title.append(_visible(pair.event), style="bold")
    _print_indented(console, title, 0)
    for doc in comparison.documents:
        side = Text()
        side.append(labels[doc.key], style="bold")
        side.append(f" · {counted(len(doc.claims), 'claim')}")
        _print_indented(console, side, 2)
        if doc.side.title:
            _print_indented(console, Text(_visible(doc.side.title), style="dim"), 4)
        if doc.side.url:
            # Whole on one line, never folded: a URL broken across lines cannot be copied or clicked.
            console.print(Text("    " + _visible(doc.side.url), style="dim"), soft_wrap=True)
    in_conflict = sum(1 for link in comparison.links if link.conflicts)
    console.print(Text(f"{counted(len(comparison.links), 'link')} · {counted(len(comparison.omissions), 'omission')}"
                       f" · {counted(in_conflict, 'link')} with conflicts", style="dim"))

    console.print()
    console.print(Text("Topics: claims per side (· = not mentioned)"))
    # Line by line so that no line ends in the padding of an empty cell (a wrapped header's last column).
    for line in console.render_lines(_topic_table(comparison, labels), pad=False):
        row = Text.assemble(*((segment.text, segment.style) for segment in line))
        row.rstrip()
        console.print(row, soft_wrap=True)

    console.print()
    console.print(Rule(Text(f"Reported by more than one side ({len(comparison.links)})"), align="left"))
    for link in comparison.links:
        console.print()
        _print_link(comparison, link, labels, console, plain)

    for doc in comparison.documents:
        omitted = [o for o in comparison.omissions if o.side == doc.key]
        console.print()
        heading = Text("Only in ")
        heading.append(labels[doc.key])
        heading.append(f" ({len(omitted)})")
        console.print(Rule(heading, align="left"))
        for omission in omitted:
            line = Text("• ")
            line.append(_visible(comparison.claim(omission.claim).text))
            line.append_text(_topic_tags(comparison, omission.topics))
            _print_indented(console, line, 2, hang=2)
        if not omitted:
            console.print(Text("nothing: every claim is reported by another side", style="dim"))


def _topic_table(comparison: "Comparison", labels: dict[str, str]):
    """Claims per side for each topic; a side that never mentions the topic shows a highlighted "·"."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(Text("topic"), no_wrap=True)
    for key in comparison.side_keys:
        table.add_column(Text(labels[key]), justify="right")
    table.add_column(Text("links"), justify="right")
    for summary in comparison.topics:
        counts = [Text(str(summary.claims[k])) if summary.claims.get(k) else Text("·", style="bold yellow")
                  for k in comparison.side_keys]
        table.add_row(Text(_visible(summary.label)), *counts, Text(str(summary.links)))
    if not comparison.topics:
        blanks = [Text("") for _ in range(len(comparison.side_keys) + 1)]
        table.add_row(Text("no topics found", style="dim"), *blanks)
    return table


def _print_link(
    comparison: "Comparison", link: "Link", labels: dict[str, str], console: "Console", plain: bool
) -> None:
    from rich.text import Text

    head = Text(f"{link.id}", style="bold")
    head.append(f" · score {link.score:.2f}")
    if link.topics:
        head.append(" · ")
        head.append(_visible("; ".join(comparison.topic_label(t) for t in link.topics)))
    if link.conflicts:
        head.append(" · conflict", style="bold red")
    _print_indented(console, head, 0)

    by_side: dict[str, list["Claim"]] = {}
    for cid in link.claims:
        claim = comparison.claim(cid)
        by_side.setdefault(claim.side, []).append(claim)
    for key, claims in by_side.items():
        line = Text()
        line.append(labels[key] + ": ", style="bold")
        line.append(_visible(" ".join(c.text for c in claims)))
        speakers = sorted({c.speaker for c in claims if c.speaker})
        if speakers:
            line.append(_visible(" (speaker: " + ", ".join(speakers) + ")"), style="dim")
        _print_indented(console, line, 2)
    if link.diff and any(span.op != "equal" for span in link.diff):
        diff = Text()
        diff.append("diff: ", style="dim")
        diff.append_text(_diff_text(link.diff, plain))
        _print_indented(console, diff, 2)
    for conflict in link.conflicts:
        line = Text()
        line.append(f"conflict ({conflict.kind}): ", style="bold red")
        for i, (key, value) in enumerate(conflict.values.items()):
            if i:
                line.append(" vs ")
            line.append(labels.get(key, _visible(key)) + " ")
            line.append("“" + _visible(value) + "”", style="bold")
        _print_indented(console, line, 2)


def _diff_text(spans: Sequence["Span"], plain: bool):
    """Deleted words (first side only) and inserted words (other side only), coloured or bracketed."""
    from rich.text import Text

    text = Text()
    for span in spans:
        if span.op == "equal":
            text.append(_visible(span.text))
        elif plain:
            mark_open, mark_close = ("[-", "-]") if span.op == "delete" else ("{+", "+}")
            text.append(mark_open + _visible(span.text) + mark_close)
        else:
            text.append(_visible(span.text), style=_DELETE if span.op == "delete" else _INSERT)
    return text


def _print_indented(console: "Console", text, indent: int, *, hang: int = 0) -> None:
    """Print ``text`` wrapped to the console with every line indented, and no padding after the words.

    ``hang`` starts the first line that much further left: a bullet there, its wrapped lines under its text.
    """
    from rich.text import Text

    for number, line in enumerate(text.wrap(console, max(console.width - indent, 20))):
        line.rstrip()
        console.print(Text(" " * (indent - hang if number == 0 else indent)) + line, soft_wrap=True)


def _visible(text: str) -> str:
    return text.translate(_VISIBLE)


def _topic_tags(comparison: "Comparison", topics: Sequence[str]):
    from rich.text import Text

    if not topics:
        return Text("")
    return Text(_visible("  [" + "; ".join(comparison.topic_label(t) for t in topics) + "]"), style="dim")
