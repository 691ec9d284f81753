"""``ComparisonScreen``: one pair compared: topics on the left, aligned rows on the right, the row's detail below.

The comparison comes from the app's memory or the disk cache when either has it (painted in the first frame), else
from a worker (a loading state until it lands). Everything shown is read off the ``Comparison``:
``rows_for(topic)`` gives the rows, ``Row`` says what they hold.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker

from comparisons.model import Comparison, Row
from readouts.errors import DualreadError
from tui.screens import styles
from tui.screens.error import WorkerErrors
from tui.widgets.comparison.aligned_rows import AlignedRows, row_key
from tui.widgets.comparison.pair_header import PairHeader
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.comparison.search_box import SearchBox
from tui.widgets.comparison.topic_list import TopicList
from tui.widgets.key_bar import KeyBar
from tui.widgets.texts import literal

__all__ = ["ComparisonScreen", "row_matches", "next_difference"]


def row_matches(row: Row, query: str) -> bool:
    needle = query.strip().casefold()
    return bool(needle) and any(needle in c.text.casefold() for claims in row.claims.values() for c in claims)


def is_difference(row: Row) -> bool:
    return row.omission is not None or row.has_conflict


def next_difference(rows: tuple[Row, ...], start: int, step: int) -> int | None:
    """The index of the nearest conflict or omission after (``step=1``) or before (``step=-1``) ``start``."""
    index = start + step
    while 0 <= index < len(rows):
        if is_difference(rows[index]):
            return index
        index += step
    return None


TWO_SIDES_LEGEND = "● both  ◐ one side\n✖ conflict  · none"
MANY_SIDES_LEGEND = "● all sides  ◐ some\n✖ conflict  · none"


class ComparisonScreen(WorkerErrors, Screen[None]):
    DEFAULT_CSS = styles.COMPARISON
    SCOPED_CSS = False
    DIFFERENCES = Binding.Group("Diff")
    ROWS = Binding.Group("Row")
    BINDINGS = [
        Binding("n", "next_difference", "Next diff", id="comparison.next-difference", group=DIFFERENCES,
                tooltip="Next difference: the next conflict or omission"),
        Binding("N,p", "previous_difference", "Prev diff", id="comparison.previous-difference", group=DIFFERENCES,
                tooltip="Previous difference: the previous conflict or omission"),
        Binding("j", "next_row", "Next row", id="comparison.next-row", group=ROWS),
        Binding("k", "previous_row", "Previous row", id="comparison.previous-row", group=ROWS),
        Binding("t", "topics", "Topic", id="comparison.topic", tooltip="Topic filter: choose a topic on the left"),
        Binding("slash", "search", "Search", id="comparison.search",
                tooltip="Search: highlight a word in every side; Enter jumps"),
        Binding("f", "full_text", "Full text", id="comparison.full-text",
                tooltip="Full text: the readouts side by side"),
        Binding("e", "export", "Export", id="comparison.export",
                tooltip="Export this comparison (HTML, Markdown, CSV, JSON)"),
        Binding("a", "add_pair", "Add pair", id="comparison.add", show=False),
        Binding("question_mark", "help", "Help", id="comparison.help"),
        Binding("escape,q", "back", "Back", id="comparison.back",
                tooltip="Back to the library (or close the search or the topics)"),
    ]

    KEY_BAR_OPTIONAL = ("next_row", "previous_row", "export", "full_text")
    """What the key bar leaves out first when its line is too long (Esc reading "Close search", a narrow window):
    j/k do what the arrows do; export and full text are in the help and the palette. n/N, t, /, ? and Esc stay."""

    AUTO_FOCUS = "#rows"
    LOADING_DELAY = 0.15
    """Seconds before a comparison still loading shows its loading state: a cached one lands well before."""

    def __init__(self, pair_id: str) -> None:
        super().__init__()
        self.pair_id = pair_id
        self.comparison: Comparison | None = None
        self.topic: str | None = None
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield PairHeader(literal(f"dualread › {self.pair_id}"), id="pair-header")
        with Horizontal(id="comparison-body"):
            with Vertical(id="topics-panel") as panel:
                panel.border_title = "Topics"
                yield Static(id="topics-columns")
                yield TopicList(id="topics")
                yield Static(TWO_SIDES_LEGEND, id="topics-legend")
            with Vertical(id="rows-panel") as rows_panel:
                rows_panel.border_title = "All"
                yield AlignedRows(id="rows")
        yield RowDetail(id="row-detail")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        comparison = self.app.known(self.pair_id)
        if comparison is not None:
            self.show_comparison(comparison)
            return
        self.compute()
        self.set_timer(self.LOADING_DELAY, self.show_loading)

    def show_loading(self) -> None:
        if self.comparison is None:
            self.query_one("#comparison-body").loading = True
            self.query_one(RowDetail).update(literal(f"Comparing {self.pair_id}…", "italic"))

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare", name="compare the pair")
    def compute(self) -> None:
        comparison = self.app.compare(self.pair_id)
        self.app.call_from_thread(self.show_comparison, comparison)

    def worker_failed(self, worker: Worker) -> None:
        if worker.group == "compare" and self.app.screen is self:
            self.app.pop_screen()

    def library_changed(self) -> None:
        """The library folder changed on disk (``DualreadApp`` watches it): if this pair was replaced or edited,
        show its new comparison; what is on screen is never the comparison of a pair that is gone."""
        if self.comparison is not None:
            self.recheck(self.comparison)

    @work(thread=True, exclusive=True, exit_on_error=False, group="recheck", name="read the pair again")
    def recheck(self, shown: Comparison) -> None:
        store = self.app.store
        try:
            pair = self.app.library.load(self.pair_id)
            if pair == shown.pair and store.held(pair) is not None:
                return  # what is held for the pair as it is now (texts, settings, review) is what is shown
            comparison = store.compare(pair)
        except DualreadError as error:
            self.app.call_from_thread(self.pair_gone, str(error))
            return
        self.app.call_from_thread(self.pair_replaced, comparison)

    def pair_replaced(self, comparison: Comparison) -> None:
        current = self.query_one(AlignedRows).current
        self.show_comparison(comparison, keep=row_key(current) if current else None)
        self.notify(f"{self.pair_id} changed on disk: this is its new comparison.", title="Pair changed",
                    timeout=6, markup=False)

    def pair_gone(self, problem: str) -> None:
        self.notify(f"{self.pair_id} can no longer be read: {problem}", title="Pair changed", severity="warning",
                    timeout=8, markup=False)

    def show_comparison(self, comparison: Comparison, keep: str | None = None) -> None:
        """Show ``comparison``; the cursor goes to the row keyed ``keep`` when it has one, else the first."""
        self.comparison = comparison
        # Three sides or more on a narrow terminal: the rows take the whole width, the topics come on ``t``.
        self.set_class(len(comparison.side_keys) > 2, "-many-sides")
        with self.app.batch_update():
            self.query_one("#comparison-body").loading = False
            self.query_one(PairHeader).show(comparison.pair)
            if len(comparison.side_keys) > 2:  # "both" and "one side" would mislead with three sides
                self.query_one("#topics-legend", Static).update(MANY_SIDES_LEGEND)
            self.query_one(TopicList).show(comparison, self.topic)
            self.show_rows(keep)
            if self.focused is None:
                self.query_one(AlignedRows).focus()
        self.refresh_bindings()  # the keys dimmed while loading work now

    def recolour(self) -> None:
        if self.comparison is not None:
            current = self.query_one(AlignedRows).current
            self.query_one(TopicList).show(self.comparison, self.topic)
            self.show_rows(row_key(current) if current else None)

    def show_rows(self, keep: str | None = None) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        rows = comparison.rows_for(self.topic)
        self.query_one("#rows-panel").border_title = Content(  # a topic's label is data (topics.yaml), not markup
            (comparison.topic_label(self.topic) if self.topic else "All") + f" · {len(rows)} rows"
        )
        self.query_one(AlignedRows).show(comparison, rows, self.query_text, keep)
        self.update_detail()

    def update_detail(self) -> None:
        if self.comparison is None:
            return
        table = self.query_one(AlignedRows)
        self.query_one(RowDetail).show(self.comparison, table.current, table.cursor_row, len(table.shown))

    def choose_topic(self, topic: str | None) -> None:
        """Show the rows of ``topic`` (``None``: all), as the topic list, the palette or a test asks."""
        self.query_one(TopicList).choose(topic)
        if topic != self.topic:
            self.topic = topic
            current = self.query_one(AlignedRows).current
            self.show_rows(row_key(current) if current else None)

    @on(TopicList.Chosen)
    def topic_chosen(self, event: TopicList.Chosen) -> None:
        if event.topic != self.topic:
            self.topic = event.topic
            current = self.query_one(AlignedRows).current
            self.show_rows(row_key(current) if current else None)
        if event.done:
            self.remove_class("-topics-shown")
            self.query_one(AlignedRows).focus()

    @on(TopicList.Columns)
    def topic_columns(self, event: TopicList.Columns) -> None:
        columns = self.query_one("#topics-columns", Static)
        columns.update(event.header)
        columns.tooltip = event.legend

    @on(AlignedRows.Highlighted)
    def row_highlighted(self) -> None:
        self.update_detail()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.query_one(AlignedRows).search(self.query_text)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.jump_to_match()

    def jump_to_match(self) -> None:
        table = self.query_one(AlignedRows)
        rows = table.shown
        for offset in range(1, len(rows) + 1):
            index = (table.cursor_row + offset) % len(rows)
            if row_matches(rows[index], self.query_text):
                table.go_to(index)
                return
        if self.topic is not None and self.comparison is not None:
            # The search looks only at the rows shown: say so, or a word on screen elsewhere seems missed.
            label = self.comparison.topic_label(self.topic)
            self.notify(f"No row of {label} matches the search; t, then All, searches every row.",
                        severity="warning", timeout=5, markup=False)
            return
        self.notify("No row matches the search.", severity="warning", timeout=3)

    def move(self, step: int) -> None:
        table = self.query_one(AlignedRows)
        table.go_to(table.cursor_row + step)

    def action_next_row(self) -> None:
        self.move(1)

    def action_previous_row(self) -> None:
        self.move(-1)

    def _difference(self, step: int) -> None:
        table = self.query_one(AlignedRows)
        index = next_difference(table.shown, table.cursor_row, step)
        if index is None:
            self.notify("No more differences this way.", timeout=2)
            return
        table.go_to(index)
        table.focus()

    def action_next_difference(self) -> None:
        self._difference(1)

    def action_previous_difference(self) -> None:
        self._difference(-1)

    def action_topics(self) -> None:
        self.add_class("-topics-shown")
        self.query_one(TopicList).focus()

    @property
    def search_box(self) -> Input | None:
        """The search line, mounted the first time it is asked for (most visits never search)."""
        found = self.query("#search")
        return found.first(Input) if found else None

    NEEDS_COMPARISON = {"next_difference", "previous_difference", "next_row", "previous_row", "topics", "search",
                        "full_text", "export"}
    """Actions that do nothing until the comparison has landed: dimmed in the key bar while it loads."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the search line has the focus, "/" is typed into it: the key bar does not offer "/ Search"."""
        if action == "search" and self.focused is not None and self.focused is self.search_box:
            return False
        if self.comparison is None and action in self.NEEDS_COMPARISON:
            return None
        return True

    def action_search(self) -> None:
        search = self.search_box
        if search is None:
            search = SearchBox(placeholder="Search every side (Enter: next match, Esc: close)", id="search")
            self.mount(search, before=self.query_one(RowDetail))
        search.add_class("-open")
        search.focus()

    def _search_open(self) -> bool:
        search = self.search_box
        return search is not None and search.has_class("-open") and (self.focused is search or bool(search.value))

    def _topics_over_rows(self) -> bool:
        return self.has_class("-topics-shown") and self.has_class("-many-sides") and self.has_class("-narrow")

    def describe_binding(self, action: str) -> str | None:
        """What Esc does now, for the key bar: close the search or the topics before going back."""
        if action == "back":
            if self._search_open():
                return "Close search"
            if self._topics_over_rows():
                return "Close topics"
        return None

    def action_back(self) -> None:
        search = self.search_box
        if self._search_open():
            search.value = ""
            search.remove_class("-open")
            self.query_one(AlignedRows).focus()
            return
        if self._topics_over_rows():
            # The topics that t brought over the rows: Esc puts them away, as it closes the search.
            self.remove_class("-topics-shown")
            self.query_one(AlignedRows).focus()
            return
        self.app.pop_screen()

    def action_full_text(self) -> None:
        if self.comparison is None:
            return
        from tui.screens.fulltext import FullTextScreen

        table = self.query_one(AlignedRows)
        self.app.push_screen(
            FullTextScreen(self.comparison, table.shown, table.cursor_row, self.query_text),
            callback=lambda index: table.go_to(index) if index is not None else None,
        )

    def action_export(self) -> None:
        if self.comparison is not None:
            self.app.export(self.comparison)

    def action_add_pair(self) -> None:
        self.app.add_pair()

    def action_help(self) -> None:
        self.app.show_help()
