"""``ComparisonScreen``: one pair compared: topics on the left, aligned rows on the right, the row's detail below.

The comparison comes from the app's memory or the disk cache when either has it (painted in the first frame), else
from a worker (a loading state until it lands). Everything shown is read off the ``Comparison``: a ``RowFilter``
gives the rows, ``Row`` says what they hold. The screen lays out and moves; its other keys live with their
actions: filters in ``comparison_filters.py``, search in ``comparison_search.py``, what is done with a row in
``row_actions.py``, a person's review of the row (why, confirm, split, link, ...) in ``review_actions.py``.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker

from comparisons.model import Comparison
from comparisons.reports.languages import language_caveat
from readouts.errors import DualreadError
from tui.screens import styles
from tui.screens.comparison_filters import FILTER_BINDINGS, FilterActions
from tui.screens.comparison_search import SearchActions
from tui.screens.error import WorkerErrors
from tui.screens.review_actions import REVIEW_BINDINGS, REVIEW_LINKING, ReviewActions
from tui.screens.row_actions import ROW_BINDINGS, RowActions
from tui.widgets.comparison.aligned_rows import AlignedRows, row_key
from tui.widgets.comparison.pair_header import PairHeader
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.comparison.row_filter import RowFilter, next_difference, row_matches
from tui.widgets.comparison.topic_list import TopicList
from tui.widgets.key_bar import KeyBar
from tui.widgets.texts import counted, literal

__all__ = ["ComparisonScreen", "row_matches", "next_difference"]


TWO_SIDES_LEGEND = "● both  ◐ one side\n✖ conflict  · none"
MANY_SIDES_LEGEND = "● all sides  ◐ some\n✖ conflict  · none"


class ComparisonScreen(ReviewActions, FilterActions, RowActions, SearchActions, WorkerErrors, Screen[None]):
    DEFAULT_CSS = styles.COMPARISON
    SCOPED_CSS = False
    DIFFERENCES = Binding.Group("Diff")
    ROWS = Binding.Group("Row")
    BINDINGS = [
        Binding("n", "next_difference", "Next diff", id="comparison.next-difference", group=DIFFERENCES,
                tooltip="Next difference: the next conflict, omission or row a side does not mention"),
        Binding("N,p", "previous_difference", "Prev diff", id="comparison.previous-difference", group=DIFFERENCES,
                tooltip="Previous difference: the previous conflict, omission or row a side does not mention"),
        Binding("j", "next_row", "Next row", id="comparison.next-row", group=ROWS),
        Binding("k", "previous_row", "Previous row", id="comparison.previous-row", group=ROWS),
        Binding("t", "topics", "Topic", id="comparison.topic", tooltip="Topic filter: choose a topic on the left"),
        *FILTER_BINDINGS,
        Binding("slash", "search", "Search", id="comparison.search",
                tooltip="Search: highlight a word in every side; Enter jumps"),
        Binding("f", "full_text", "Full text", id="comparison.full-text",
                tooltip="Full text: the readouts side by side"),
        Binding("e", "export", "Export", id="comparison.export",
                tooltip="Export this comparison (HTML, Markdown, CSV, JSON)"),
        *ROW_BINDINGS,
        *REVIEW_BINDINGS,
        Binding("a", "add_pair", "Add pair", id="comparison.add", show=False),
        Binding("question_mark", "help", "Help", id="comparison.help"),
        Binding("escape,q", "back", "Back", id="comparison.back",
                tooltip="Back to the library (or close the search or the topics, or clear the filter)"),
        *REVIEW_LINKING,
    ]

    KEY_BAR_OPTIONAL = ("export", "full_text", "confirm", "conflicts", "why", "next_row", "previous_row")
    """What the key bar leaves out first when its line is too long (a narrow window, Esc reading "Close search"):
    export and full text, confirm, the filters, then why, are in the help and the palette (and the why pane lists
    the review's keys); j/k do what the arrows do. n/N, t, /, ? and Esc stay."""

    AUTO_FOCUS = "#rows"
    LOADING_DELAY = 0.15
    """Seconds before a comparison still loading shows its loading state: a cached one lands well before."""

    def __init__(self, pair_id: str) -> None:
        super().__init__()
        self.pair_id = pair_id
        self.comparison: Comparison | None = None
        self.row_filter = RowFilter()
        self.rows_title = "All"
        self.caveat_said = ""
        """The language caveat already told for this pair (``comparisons.reports.languages``)."""

    @property
    def topic(self) -> str | None:
        """The topic chosen (``None``: all)."""
        return self.row_filter.topic

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
            comparison = store.compare(pair)  # held in memory unless the texts, settings or review changed
            if comparison == shown:
                return
            # Whether anything is held is no answer: the library screen may have compared the pair as it is now
            # (for its figures) before this check, and what it holds is then not what this screen shows.
        except DualreadError as error:
            self.app.call_from_thread(self.pair_gone, str(error))
            return
        self.app.call_from_thread(self.pair_replaced, comparison)

    def pair_replaced(self, comparison: Comparison) -> None:
        from tui.screens.fulltext import FullTextScreen

        table = self.query_one(AlignedRows)
        current = table.current
        same_pair = self.comparison is not None and self.comparison.pair == comparison.pair
        self.show_comparison(comparison, keep=row_key(current) if current else None)
        for screen in self.app.screen_stack:  # the full text opened from here follows too
            if isinstance(screen, FullTextScreen) and screen.comparison.pair.id == self.pair_id:
                screen.call_later(screen.show_new, comparison, table.shown, table.cursor_row)
        if same_pair:  # the pair is as it was: what it is compared with changed (the taxonomy, a setting, its review)
            self.notify(f"{self.pair_id} compared again with the library's topics, settings and review as they are "
                        "now.", title="Compared again", timeout=6, markup=False)
        else:
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
        caveat = language_caveat(comparison)
        if caveat and caveat != self.caveat_said:  # said once, not again each time the pair is compared anew
            self.caveat_said = caveat
            self.notify(caveat, title="Read with care", severity="warning", timeout=12, markup=False)

    def recolour(self) -> None:
        if self.comparison is not None:
            current = self.query_one(AlignedRows).current
            self.query_one(TopicList).show(self.comparison, self.topic)
            self.show_rows(row_key(current) if current else None)

    def show_rows(self, keep: str | None = None) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        rows = self.row_filter.rows(comparison)
        self.rows_title = f"{self.row_filter.describe(comparison)} · {counted(len(rows), 'row')}"
        self.query_one("#rows-panel").border_title = Content(self.rows_title)  # a label is data, not markup
        self.query_one(AlignedRows).show(comparison, rows, self.query_text, keep)
        self.update_detail()

    @on(AlignedRows.SidesShown)
    def sides_shown(self, event: AlignedRows.SidesShown) -> None:
        """More sides than columns: the title says which are shown, and the keys that show the others."""
        title = self.rows_title
        if event.count < event.total:
            title += f" · sides {event.first + 1}–{event.first + event.count} of {event.total} ([ ] more)"
        self.query_one("#rows-panel").border_title = Content(title)

    def update_detail(self) -> None:
        if self.comparison is None:
            return
        table = self.query_one(AlignedRows)
        empty = (f"No rows: {self.row_filter.describe(self.comparison)}. Esc shows them all."
                 if self.row_filter.narrowed else "No rows for this topic.")
        self.query_one(RowDetail).show(self.comparison, table.current, table.cursor_row, len(table.shown),
                                       empty=empty)

    def choose_topic(self, topic: str | None) -> None:
        """Show the rows of ``topic`` (``None``: all), as the topic list, the palette or a test asks."""
        self.query_one(TopicList).choose(topic)
        self.set_filter(replace(self.row_filter, topic=topic))

    @on(TopicList.Chosen)
    def topic_chosen(self, event: TopicList.Chosen) -> None:
        self.set_filter(replace(self.row_filter, topic=event.topic))
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
        self.review_row_highlighted()
        if self.query_text:
            self.show_match_status()

    @on(Input.Changed, "#search")
    def search_line_changed(self, event: Input.Changed) -> None:
        self.search_changed(event.value)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.jump_to_match()

    def on_key(self, event: events.Key) -> None:
        self.type_ahead(event)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is not self.search_box:
            self.search_typing = False  # the user moved on (a click on the rows, Tab): letters are commands again

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

    NEEDS_COMPARISON = {"next_difference", "previous_difference", "next_row", "previous_row", "topics", "search",
                        "full_text", "export", "conflicts", "silent", "speaker", "detail", "yank", "open_source"}
    """Actions that do nothing until the comparison has landed: dimmed in the key bar while it loads."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the search line has the focus, "/" is typed into it: the key bar does not offer "/ Search"."""
        if action == "search" and self.focused is not None and self.focused is self.search_box:
            return False
        if self.comparison is None and action in self.NEEDS_COMPARISON:
            return None
        return self.check_review_action(action)

    def _topics_over_rows(self) -> bool:
        return self.has_class("-topics-shown") and self.has_class("-many-sides") and self.has_class("-narrow")

    def describe_binding(self, action: str) -> str | None:
        """What Esc does now, for the key bar: close the search or the topics, or clear the filter, before going
        back."""
        if action == "back":
            if self.search_open():
                return "Close search"
            if self._topics_over_rows():
                return "Close topics"
            if self.row_filter.narrowed:
                return "Clear filter"
        return None

    def action_back(self) -> None:
        if self.search_open():
            self.close_search()
            return
        if self._topics_over_rows():
            # The topics that t brought over the rows: Esc puts them away, as it closes the search.
            self.remove_class("-topics-shown")
            self.query_one(AlignedRows).focus()
            return
        if self.row_filter.narrowed:
            self.clear_filters()
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
