"""``FullTextScreen``: the readouts side by side, claims tinted by topic, the selected row's claims highlighted in
every side, the panes scrolling in step.

Moving to another row (keys as on the comparison screen) highlights its claims and brings each side's claim into
view (a side that does not report the row shows its claim of the nearest row that it does report); scrolling any
pane by hand scrolls the others to the same fraction of their length. Leaving returns the selected row's index so
the comparison screen keeps the place. When the pair changes on disk, the comparison screen below hands this view
the new comparison (``show_new``): it is built again, never left showing a pair that is gone.

A pair of more sides than fit at ``MIN_PANE`` cells a pane shows as many as do, and ``]`` / ``[`` show the next
or previous ones; the header says which ("full text · sides 1–3 of 300"). 300 panes of two cells showed nothing.
"""

from __future__ import annotations

from functools import partial

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen

from comparisons.model import Comparison, Row
from tui.screens import styles
from tui.screens.comparison import next_difference
from tui.widgets.comparison.pair_header import PairHeader
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.fulltext.legend import ChipLegend
from tui.widgets.fulltext.readout_pane import ReadoutPane
from tui.widgets.key_bar import KeyBar
from tui.widgets.texts import Palette, literal

__all__ = ["FullTextScreen", "topic_colours", "place_in"]

MIN_PANE = 24
"""The narrowest readout pane: a few words a line, with its border."""


def topic_colours(comparison: Comparison, palette: Palette) -> dict[str, str]:
    """A tint per topic that some claim carries first, in taxonomy order (so colours are stable per pair)."""
    used = {topics[0] for topics in comparison.claim_topics.values() if topics}
    ordered = [t.id for t in comparison.topics if t.id in used]
    return {topic: palette.tint(n) for n, topic in enumerate(ordered)}


def place_in(rows: tuple[Row, ...], index: int, side: str) -> int | None:
    """Where ``side``'s text stands at row ``index``: the start of its claim in that row, else of its claim in the
    nearest row that has one (the earlier row on a tie); ``None`` when no row has a claim on that side."""
    for distance in range(len(rows)):
        for at in (index - distance, index + distance):
            if 0 <= at < len(rows):
                claims = rows[at].claims.get(side, ())
                if claims:
                    return claims[0].start
    return None


class FullTextScreen(Screen[int]):
    DEFAULT_CSS = styles.FULL_TEXT
    SCOPED_CSS = False
    # Grouped as on the comparison screen, so the key bar reads "↓/↑ Row  n/N Diff" on both.
    ROWS = Binding.Group("Row")
    DIFFERENCES = Binding.Group("Diff")
    BINDINGS = [
        Binding("down,j", "next_row", "Next row", id="fulltext.next-row", group=ROWS),
        Binding("up,k", "previous_row", "Prev row", id="fulltext.previous-row", group=ROWS),
        Binding("n", "next_difference", "Next diff", id="fulltext.next-difference", group=DIFFERENCES),
        Binding("N,p", "previous_difference", "Prev diff", id="fulltext.previous-difference", group=DIFFERENCES),
        Binding("pagedown,space", "page(1)", "Page down", id="fulltext.page-down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="fulltext.page-up", show=False),
        Binding("right_square_bracket", "page_sides(1)", "More sides: the next of the pair's sides",
                id="fulltext.next-sides", show=False),
        Binding("left_square_bracket", "page_sides(-1)", "Earlier sides: the previous of the pair's sides",
                id="fulltext.previous-sides", show=False),
        Binding("question_mark", "help", "Help", id="fulltext.help"),
        Binding("f,escape,q", "back", "Aligned rows", id="fulltext.back"),
    ]

    def __init__(self, comparison: Comparison, rows: tuple[Row, ...], index: int, query: str = "") -> None:
        super().__init__()
        self.comparison = comparison
        self.rows = rows
        self.index = max(0, min(index, len(rows) - 1)) if rows else 0
        self.search_text = query
        self._syncing = False
        self.first_side = 0

    @property
    def shown_documents(self) -> list:
        """The sides that have a pane: all of them when each gets ``MIN_PANE`` cells, else as many as do."""
        documents = list(self.comparison.documents)
        fit = max(self.app.size.width // MIN_PANE, 2)
        if len(documents) <= fit:
            self.first_side = 0
            return documents
        self.first_side = max(0, min(self.first_side, len(documents) - fit))
        return documents[self.first_side:self.first_side + fit]

    def compose(self) -> ComposeResult:
        yield PairHeader(id="pair-header")
        with Horizontal(id="panes"):
            for document in self.shown_documents:
                yield ReadoutPane(document, id=f"pane-{document.key}", classes="readout-pane")
        yield ChipLegend(id="fulltext-legend")
        yield RowDetail(id="row-detail")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.set_up()

    async def show_new(self, comparison: Comparison, rows: tuple[Row, ...], index: int) -> None:
        """The pair was replaced or edited on disk: show its new comparison (its sides may differ: the panes are
        built again), on the row the comparison screen keeps."""
        self.comparison = comparison
        self.rows = rows
        self.index = max(0, min(index, len(rows) - 1)) if rows else 0
        await self.recompose()
        self.set_up()

    def set_up(self) -> None:
        palette = Palette.from_variables(self.app.theme_variables)
        self.colours = topic_colours(self.comparison, palette)
        shown, total = len(self.panes), len(self.comparison.documents)
        mode = "full text"
        if shown < total:
            mode += f" · sides {self.first_side + 1}–{self.first_side + shown} of {total}: [ ] more"
        self.query_one(PairHeader).show(self.comparison.pair, mode)
        # The selection's key first: with many topics the legend runs past its two lines and loses its end.
        chips = [Text(" selected claim ", Style(reverse=True, bold=True), end=""),
                 Text("   Tints: ", Style(color=palette.muted), end="")]
        for topic, colour in self.colours.items():
            chip = Text(end="")
            chip.append_text(literal(f" {self.comparison.topic_label(topic)} ", Style(bgcolor=colour)))
            chip.append(" ")
            chips.append(chip)
        self.query_one("#fulltext-legend", ChipLegend).show(chips)
        for pane in self.panes:
            self.watch(pane, "scroll_y", partial(self.pane_scrolled, pane), init=False)
        # Panes have no size until the first layout: select (and scroll to) the row once they do.
        self.call_after_refresh(self.select, self.index)

    @property
    def panes(self) -> list[ReadoutPane]:
        return list(self.query(ReadoutPane).results(ReadoutPane))

    @property
    def current(self) -> Row | None:
        return self.rows[self.index] if self.rows else None

    def select(self, index: int) -> None:
        """Highlight row ``index``'s claims in every side and bring each into view."""
        if not self.rows:
            return
        self.index = max(0, min(index, len(self.rows) - 1))
        row = self.rows[self.index]
        selected = {c.id for claims in row.claims.values() for c in claims}
        self._syncing = True
        try:
            for pane in self.panes:
                pane.paint(self.comparison, self.colours, selected, self.search_text)
                # A side that does not report this row shows where it stands: its claim in the nearest row.
                pane.reveal(place_in(self.rows, self.index, pane.document.key))
        finally:
            self._syncing = False
        self.query_one(RowDetail).show(self.comparison, row, self.index, len(self.rows))

    def recolour(self) -> None:
        self.colours = topic_colours(self.comparison, Palette.from_variables(self.app.theme_variables))
        self.select(self.index)

    def pane_scrolled(self, source: ReadoutPane, old: float, new: float) -> None:
        """The user scrolled ``source``: keep the others at the same fraction of their length."""
        if self._syncing or source.revealing:
            return
        self._syncing = True
        try:
            self.follow(source, [p for p in self.panes if p is not source])
        finally:
            self._syncing = False

    @staticmethod
    def follow(source: ReadoutPane, others: list[ReadoutPane]) -> None:
        fraction = source.scroll_y / source.max_scroll_y if source.max_scroll_y else 0.0
        for pane in others:
            pane.scroll_to(y=round(fraction * pane.max_scroll_y), animate=False)

    def action_next_row(self) -> None:
        self.select(self.index + 1)

    def action_previous_row(self) -> None:
        self.select(self.index - 1)

    def action_next_difference(self) -> None:
        found = next_difference(self.rows, self.index, 1)
        if found is not None:
            self.select(found)

    def action_previous_difference(self) -> None:
        found = next_difference(self.rows, self.index, -1)
        if found is not None:
            self.select(found)

    def action_page(self, direction: int) -> None:
        """Page the first pane; the others follow through the scroll sync."""
        panes = self.panes
        if panes:
            first = panes[0]
            first.scroll_to(y=first.scroll_y + direction * max(first.size.height - 2, 1), animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page_sides":  # keys for a pair of more sides than panes only (and in help only then)
            return len(self.panes) < len(self.comparison.documents)
        return True

    async def action_page_sides(self, direction: int) -> None:
        total, shown = len(self.comparison.documents), len(self.panes)
        first = max(0, min(self.first_side + direction * shown, total - shown))
        if shown < total and first != self.first_side:
            self.first_side = first
            await self.recompose()
            self.set_up()

    def action_help(self) -> None:
        self.app.show_help()

    def action_back(self) -> None:
        self.dismiss(self.index)
