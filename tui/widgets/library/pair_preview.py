"""``PairPreview``: under the library table, the highlighted pair in full: event, sides, the coverage glance decoded.

The table cuts long events and drops the sides column on a narrow terminal; the preview says what the glance's
glyphs stand for. Its coverage part is one line per kind of coverage ("● both sides: talks, nato", "◐ only
china-mfa: arms-control"), wrapped between topics at the preview's width: a single line of glyphs and topics ran
off the edge at 80 and 100 columns, and the topics cut were the ones a reader was looking for. The glyph that
opens each line is the one the table's Coverage column shows, so no separate legend is needed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.widgets.library.listing import CORE_TOPICS, Figures, Listing
from tui.widgets.library.pair_table import GLYPHS
from tui.widgets.texts import Palette, counted, field_text, literal

__all__ = ["PairPreview", "preview_text", "coverage_groups"]

COVERAGE = "Coverage  "
"""Opens the first coverage line; the other lines are indented as far, so the groups read as one block."""


def coverage_groups(figures: Figures, side_keys: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """The core topics a pair mentions, grouped by how it covers them: ``(state, heading, topics)`` per group.

    Order: every side, a conflict, then each set of sides that alone mention some topics (in the pair's side
    order), then topics no side mentions. With three sides or more "both" would mislead, so it says "all".
    """
    every = "both sides" if len(side_keys) <= 2 else "all sides"
    groups: dict[tuple[str, str], list[str]] = {}
    covered_by = figures.covered_by or ((),) * len(figures.coverage)
    for topic, state, sides in zip(CORE_TOPICS, figures.coverage, covered_by):
        if state == "absent":
            continue
        if state == "both":
            heading = every
        elif state == "conflict":
            heading = "in conflict"
        elif state == "one":
            named = [k for k in side_keys if k in sides] or list(sides)
            heading = "only " + " and ".join(named) if named else "some sides"
        else:
            heading = "no side"
        groups.setdefault((state, heading), []).append(topic)
    rank = {"both": 0, "conflict": 1, "one": 2, "none": 3}
    ordered = sorted(groups.items(), key=lambda item: rank[item[0][0]])
    return [(state, heading, topics) for (state, heading), topics in ordered]


def _coverage_lines(text: Text, figures: Figures, side_keys: tuple[str, ...], palette: Palette,
                    width: int | None) -> None:
    colours = {"both": palette.success, "one": palette.warning, "conflict": palette.error, "none": palette.muted}
    groups = coverage_groups(figures, side_keys)
    text.append(COVERAGE, Style(color=palette.muted))
    if not groups:
        text.append("none of the core topics", Style(color=palette.muted, italic=True))
        return
    for number, (state, heading, topics) in enumerate(groups):
        if number:
            text.append("\n" + " " * len(COVERAGE))
        opening = f"{GLYPHS[state]} {heading}: "
        text.append(GLYPHS[state] + " ", Style(color=colours[state]))
        text.append(heading + ": ", Style(color=palette.muted))
        indent = len(COVERAGE) + cell_len(opening)
        if width is not None and width - indent < 24:
            indent = len(COVERAGE) + 2  # a narrow preview: under the glyph, not under the first topic
        column = cell_len(opening) + len(COVERAGE)
        for index, topic in enumerate(topics):
            piece = topic + ("," if index < len(topics) - 1 else "")
            if index and width is not None and column + 1 + cell_len(piece) > width:
                # Wrap between topics, never inside one; the next line starts under the first topic.
                text.append("\n" + " " * indent)
                column = indent
            elif index:
                text.append(" ")
                column += 1
            text.append(piece)
            column += cell_len(piece)


def preview_text(listing: Listing | None, figures: Figures | None, palette: Palette,
                 width: int | None = None) -> Text:
    """What the preview shows for ``listing``; coverage lines wrap between topics at ``width`` cells (if given)."""
    if listing is None:
        return Text("No pair matches the filter.", style=Style(color=palette.muted, italic=True))
    text = Text(end="")
    if listing.pair is None:
        text.append("Broken pair ", Style(color=palette.error, bold=True))
        text.append_text(literal(listing.id, Style(bold=True)))
        problem = literal(listing.short_problem, Style(color=palette.error))
        # The problem is what the reader came for (the field and the value at fault come last): wrapped, not cut.
        lines = problem.wrap(Console(width=width), width, overflow="fold") if width else [problem]
        for line in lines:
            text.append("\n")
            text.append_text(line)
        return text
    pair = listing.pair
    text.append_text(field_text(pair.event, Style(bold=True)))
    text.append("  ")
    if not pair.id.startswith(pair.date.isoformat()):
        # An id opening with the date says it already: at 80 columns "2022-11-14  2022-11-14…" read as a glitch.
        text.append(f"{pair.date.isoformat()}  ", Style(color=palette.muted))
    text.append_text(literal(pair.id, Style(color=palette.muted)))
    key_width = max(len(key) for key in pair.side_keys)
    for side in pair.sides:
        # The side's key first (the name the coverage lines use), padded so the publishers line up.
        text.append("\n  ")
        text.append_text(literal(side.key.ljust(key_width + 2), Style(color=palette.muted)))
        text.append_text(field_text(side.label, Style(bold=True)))
        if side.title:
            text.append(" — ")
            text.append_text(field_text(side.title))
    text.append("\n")
    if figures is None:
        text.append("Comparing…", Style(color=palette.muted, italic=True))
        return text
    text.append(
        f"{counted(figures.claims, 'claim')} · {counted(figures.links, 'link')} · "
        f"{counted(figures.omissions, 'omission')} · {counted(figures.conflicts, 'conflict')}\n",
    )
    _coverage_lines(text, figures, pair.side_keys, palette, width)
    return text


class PairPreview(Static):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Listing | None, Figures | None] | None = None

    def show(self, listing: Listing | None, figures: Figures | None) -> None:
        self._shown = (listing, figures)
        width = self.content_size.width or None
        text = preview_text(listing, figures, Palette.from_variables(self.app.theme_variables), width)
        # One screen line per line of the preview, cut with an ellipsis: the event and side titles lose their ends
        # on a narrow terminal rather than pushing lines out; the coverage lines are wrapped to fit already.
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.update(text)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
