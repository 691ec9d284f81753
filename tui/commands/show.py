"""``dualread show PAIR_ID``: the comparison as readable text in the terminal, drawn with Rich.

- ``render_comparison(comparison, console)``: computes the report view (``comparisons.reports.view``) and prints
  it with ``render_view``.
- ``render_view(view, console)``: the header (event, date, sides), the key differences (what each side stressed,
  conflicts, links where one side says much more, contrasting terms, low scores), topic coverage per side, the
  linked points with their marked words and conflicts, then what each side alone reports, weightiest first.
- ``add_parser`` / ``run``: the subcommand.

The terminal says what the HTML and Markdown reports say because it reads the same ``ReportView``: nothing is
derived here. A style given to a label is applied to the label alone (``Text().append(label, style)``), never as
the base style of a line, so the readout text after it keeps the terminal's plain style. Readout text is data:
every string that comes from a readout or pair.yaml enters as ``rich.text.Text`` and is never parsed as markup, so
``[bold]`` in a readout prints as typed. On a terminal the words only one side uses are bold red on the first side
of the word diff and italic green on the second; piped or with NO_COLOR they are marked ``[-first-]`` and
``{+second+}`` so that nothing is lost without colour. Control characters (an escape sequence in a readout) are
printed as visible symbols (␛), never sent to the terminal.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from comparisons.model import Comparison
    from comparisons.reports.view_values import Piece, ReportView, RowView

__all__ = ["add_parser", "render_comparison", "render_view", "run"]

_MARKS = {"del": ("bold red", "[-", "-]"), "ins": ("italic green", "{+", "+}")}
"""How a cell's own words show: (style on a terminal, open and close marks in plain text), by the cell's mark."""
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
        help="print the comparison of a pair: key differences, topics, linked claims with word diffs, omissions",
        description="Print the comparison of one pair: the key differences first (what each side stressed, "
        "conflicts, what only one side reports), topic coverage per side, the claims both sides report "
        "(with their differing words and conflicts) and what only one side reports.",
        examples="  dualread show 2021-12-30-biden-putin-call\n"
        "  dualread show 2021-12-30-biden-putin-call --why\n"
        "      each link's rule, shared features and factors; why each omission is one\n"
        "  dualread show 2021-12-30-biden-putin-call | less\n"
        "      piped, no colours: words only the first side uses read [-so-],\n"
        "      words only the second side uses read {+so+}\n",
    )
    parser.add_argument("pair_id", metavar="PAIR_ID", help="the pair to show")
    parser.add_argument("--why", action="store_true",
                        help="also say why each link was made (the rule, what the claims share, with weights and "
                        "factors), why each omission is one, and what gave each claim its topics")
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
    render_comparison(comparison, _Console(highlight=False, emoji=False), why=args.why)
    return 0


def render_comparison(comparison: "Comparison", console: "Console", *, why: bool = False) -> None:
    from comparisons.reports.view import report_view

    render_view(report_view(comparison), console, why=_reasons(comparison) if why else None)


def _reasons(comparison: "Comparison") -> dict[str, list[str]]:
    """Lines saying why, by link id and by omitted claim id (``comparisons.evidence``), each link's followed by what
    gave its claims their topics."""
    from comparisons.evidence import why_link, why_omission

    reasons: dict[str, list[str]] = {link.id: why_link(link, comparison) for link in comparison.links}
    for omission in comparison.omissions:
        reasons[omission.claim] = why_omission(omission, comparison)
    return reasons


def render_view(view: "ReportView", console: "Console", *, why: dict[str, list[str]] | None = None) -> None:
    """Print ``view``; ``why`` (from ``--why``) adds each link's and omission's reasons under it."""
    from rich.rule import Rule
    from rich.text import Text

    from comparisons.reports.fulltext import score_text
    from tui.widgets.texts import counted

    plain = console.no_color or console.color_system is None
    _header(view, console)

    key = view.key
    if key is not None:
        console.print()
        console.print(Rule(Text("Key differences"), align="left"))
        if key.caveat:
            _print_indented(console, Text("Read with care: " + _visible(key.caveat), style="yellow"), 0)
        for sentence in key.lede:
            _print_indented(console, Text(_visible(sentence)), 0)
        _print_review(view, console)
        for row, conflict in key.conflicts:
            line = Text()
            line.append(f"{row.ref} conflict ({conflict.kind}): ", style="bold red")
            line.append(_visible(conflict.note))
            line.append_text(_values(conflict.values))
            _print_indented(console, line, 0)
        for lop in key.lopsided:
            _print_indented(console, Text(_visible(
                f"{lop.ref}: {lop.longer} gives {lop.longer_chars:,} characters to a point {lop.shorter} makes in "
                f"{lop.shorter_chars:,}.")), 0)
        for contrast in key.terms:
            line = Text("Different words: ")
            for i, (label, _lang, words) in enumerate(contrast.terms):
                line.append(" / " if i else "")
                line.append(_visible(label), style="bold")
                line.append(_visible(" " + ", ".join(f"“{w}”" for w in words)))
            line.append(" (" + ", ".join(ref for ref, _ in contrast.refs) + ")")
            _print_indented(console, line, 0)
        unsure = view.low_score_rows
        if unsure:
            _print_indented(console, Text(
                ", ".join(f"{r.ref} (score {score_text(r.score)})" for r in unsure)
                + f": links scored below {view.low_score:.2f}; the engine is unsure of them, check them.",
                style="yellow"), 0)

    console.print()
    console.print(Text("Topics: claims per side (· = not mentioned, ≠ = in conflict on it)"))
    # Line by line so that no line ends in the padding of an empty cell (a wrapped header's last column).
    for line in console.render_lines(_topic_table(view), pad=False):
        row = Text.assemble(*((segment.text, segment.style) for segment in line))
        row.rstrip()
        console.print(row, soft_wrap=True)

    console.print()
    console.print(Rule(Text(f"Reported by more than one side ({len(view.rows)})"), align="left"))
    for row in view.rows:
        console.print()
        _print_row(row, console, plain)
        _print_reasons((why or {}).get(row.ref), console)

    for group in key.omissions if key is not None else ():
        console.print()
        heading = Text("Only in ")
        heading.append(_visible(group.label))
        heading.append(f" ({len(group.items)}), weightiest first" if len(group.items) > 1 else f" ({len(group.items)})")
        console.print(Rule(heading, align="left"))
        for item in group.items:
            line = Text("• ")
            line.append(_visible(item.claim.text))
            if item.topics:
                line.append(_visible("  [" + "; ".join(item.topics) + "]"), style="dim")
            _print_indented(console, line, 2, hang=2)
            _print_reasons((why or {}).get(item.claim.id), console, indent=4)
        if not group.items:
            claims = next((side.claims for side in view.sides if side.key == group.side), 0)
            said = "every claim is reported by another side" if claims else f"{group.label} makes no claim"
            console.print(Text(_visible(f"nothing: {said}"), style="dim"))
    console.print()
    console.print(Text(f"dualread {view.stamp.dualread}, engine {view.stamp.engine}, {view.stamp.similarity} "
                       f"similarity · {counted(view.links, 'link')} · {counted(view.omissions, 'omission')}",
                       style="dim"))


def _print_review(view: "ReportView", console: "Console") -> None:
    """What a person's review changed, before the differences it bears on."""
    from rich.text import Text

    from tui.widgets.texts import counted

    review = view.review
    if review is None:
        return
    if review.problem:
        _print_indented(console, Text(_visible(f"The review file was not used: {review.problem}"), style="yellow"), 0)
        return
    _print_indented(console, Text(
        f"Reviewed: {counted(review.decisions, 'decision')}; {counted(review.confirmed, 'row')} confirmed, "
        f"{review.added} linked by hand, "
        f"{review.changed} changed; {review.to_review} still to review.", style="green"), 0)
    for action, claims, reason in review.stale:
        _print_indented(console, Text(_visible(f"Stale decision ({action}): {claims} — {reason}"), style="yellow"), 2)


def _header(view: "ReportView", console: "Console") -> None:
    from rich.text import Text

    from tui.widgets.texts import counted

    title = Text(view.date_iso + " · ", style="bold")
    title.append(_visible(view.event), style="bold")
    _print_indented(console, title, 0)
    for side in view.sides:
        line = Text()
        line.append(_visible(side.label), style="bold")
        line.append(f" · {counted(side.claims, 'claim')}")
        _print_indented(console, line, 2)
        if side.title:
            _print_indented(console, Text(_visible(side.title), style="dim"), 4)
        if side.url:
            # Whole on one line, never folded: a URL broken across lines cannot be copied or clicked.
            console.print(Text("    " + _visible(side.url), style="dim"), soft_wrap=True)
    console.print(Text(f"{counted(view.links, 'link')} · {counted(view.omissions, 'omission')}"
                       f" · {counted(view.conflicts, 'link')} with conflicts", style="dim"))


def _topic_table(view: "ReportView"):
    """Claims per side for each topic; a side that never mentions the topic shows a highlighted "·"."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(Text("topic"), no_wrap=True)
    for side in view.sides:
        table.add_column(Text(_visible(side.label)), justify="right")
    table.add_column(Text("links"), justify="right")
    shown = [t for t in view.topics if t.coverage]
    for topic in shown:
        counts = []
        for cell in topic.coverage:
            count = Text(str(cell.count)) if cell.count else Text("·", style="bold yellow")
            if cell.in_conflict:
                count.append(" ≠", style="bold red")
            counts.append(count)
        table.add_row(Text(_visible(topic.label)), *counts, Text(str(topic.links)))
    if not shown:
        blanks = [Text("") for _ in range(len(view.sides) + 1)]
        table.add_row(Text("no topics found", style="dim"), *blanks)
    return table


def _print_row(row: "RowView", console: "Console", plain: bool) -> None:
    """One linked point: its id, score and topics, each side's words, its conflicts."""
    from rich.text import Text

    from comparisons.reports.fulltext import score_text

    head = Text(row.ref, style="bold")
    head.append(f" · score {score_text(row.score)}")
    if row.review is not None:
        head.append(" · ✓ " + _visible(row.review.said), style="green")
        if row.review.note:
            head.append(_visible(f" (“{row.review.note}”)"))
    if row.low_score:
        head.append(" · low score: check it", style="yellow")
    if row.topics:
        head.append(" · ")
        head.append(_visible("; ".join(row.topics)))
    if row.conflicts:
        head.append(" · conflict", style="bold red")
    _print_indented(console, head, 0)
    for cell in row.cells:
        if cell.missing:
            continue
        line = Text()
        line.append(_visible(cell.label) + ": ", style="bold")
        line.append_text(_cell_text(cell.pieces, cell.mark, plain))
        if cell.speakers:
            line.append(_visible(" (speaker: " + ", ".join(cell.speakers) + ")"), style="dim")
        _print_indented(console, line, 2)
    for conflict in row.conflicts:
        line = Text()
        line.append(f"conflict ({conflict.kind}): ", style="bold red")
        line.append(_visible(conflict.note))
        line.append_text(_values(conflict.values))
        _print_indented(console, line, 2)


def _print_reasons(lines: list[str] | None, console: "Console", indent: int = 2) -> None:
    """The reasons ``--why`` asked for, dimmed under what they explain (readout words in them stay data)."""
    from rich.text import Text

    for line in lines or ():
        if line.startswith("  "):  # a detail of the line above it: under that line's words
            _print_indented(console, Text(_visible(line.strip()), style="dim"), indent + 7)
        else:
            _print_indented(console, Text(_visible("why: " + line), style="dim"), indent + 5, hang=5)


def _values(values: Sequence[tuple[str, str]]) -> "Text":
    from rich.text import Text

    line = Text()
    for i, (label, value) in enumerate(values):
        if i:
            line.append(" vs ")
        line.append(_visible(label) + " ")
        line.append("“" + _visible(value) + "”", style="bold")
    return line


def _cell_text(pieces: Sequence["Piece"], mark: str, plain: bool) -> "Text":
    """A side's words, those only it uses marked (see ``_MARKS``): styled on a terminal, bracketed in plain text."""
    from rich.text import Text

    style, opening, closing = _MARKS.get(mark, ("", "", ""))
    text = Text()
    for piece in pieces:
        if not piece.only_here or not mark:
            text.append(_visible(piece.text))
        elif plain:
            text.append(opening + _visible(piece.text) + closing)
        else:
            text.append(_visible(piece.text), style=style)
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
