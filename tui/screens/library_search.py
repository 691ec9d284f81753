"""``LibrarySearchScreen``: search every claim of the library from the terminal UI (Ctrl+F on the library, or the
palette's "Search every claim"); Enter on a result opens the comparison on that claim's row.

One line takes the query and its filters, as ``dualread search`` takes them: words, ``"a phrase"``, ``prefix*``,
``AND``/``OR``/``NOT``, and ``topic:T side:KEY publisher:P speaker:S since:D until:D status:S without:KEY``
(``parse_line``; a value with spaces goes in quotes, ``publisher:"white house"``). The search runs in a worker a
moment after typing stops, over the claims the catalog has indexed (``LibraryView.search``); a line says how many
pairs are not indexed yet (the library screen indexes them in the background). A query FTS5 cannot read, an
unknown filter or a date that is not one is said on that line, never raised.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from readouts.errors import DualreadError
from readouts.textshape import one_line
from tui.screens.error import WorkerErrors
from tui.widgets.key_bar import KeyBar
from tui.widgets.search.results import ResultLine, SearchResults
from tui.widgets.texts import Palette, counted, field_text, literal

if TYPE_CHECKING:
    from comparisons.library_search import SearchQuery, SearchResult

__all__ = ["FILTERS", "LibrarySearchScreen", "parse_line"]

FILTERS = ("topic", "side", "publisher", "speaker", "since", "until", "status", "without")
_FILTER = re.compile(r'(?<!\S)(' + "|".join(FILTERS) + r'):("([^"]*)"|\S+)')
LIMIT = 2000
"""Claims shown at most: a search that finds more says so, and a narrower one is quicker to read anyway."""


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def parse_line(line: str) -> "SearchQuery":
    """The query and filters typed on the search line; ``SearchError`` for a filter value that cannot be one."""
    from comparisons.library_search import SearchQuery
    from tui.commands.search import parse_day

    found: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        found[match[1]] = match[3] if match[3] is not None else match[2]
        return " "

    text = " ".join(_FILTER.sub(take, line).split())
    return SearchQuery(
        text=text, topic=found.get("topic"), side=found.get("side"), publisher=found.get("publisher"),
        speaker=found.get("speaker"),
        since=parse_day(found["since"], field="since", last=False) if "since" in found else None,
        until=parse_day(found["until"], field="until", last=True) if "until" in found else None,
        status=found.get("status"), without=found.get("without"),
    )


class LibrarySearchScreen(WorkerErrors, Screen[None]):
    DEFAULT_CSS = """
    LibrarySearchScreen #search-title { height: 1; padding: 0 1; background: $panel; }
    LibrarySearchScreen #search-line { height: 1; margin: 0 1; border: none; padding: 0; background: $boost; }
    LibrarySearchScreen #search-notes { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    LibrarySearchScreen #results { height: 1fr; padding: 0 1; }
    LibrarySearchScreen #result-detail {
        height: auto; max-height: 40%; padding: 0 1; border-top: solid $panel-lighten-2;
    }
    """
    BINDINGS = [
        Binding("slash", "edit_query", "Query", id="search.query"),
        Binding("escape", "back", "Back", id="search.back"),
    ]
    AUTO_FOCUS = "#search-line"
    PLACEHOLDER = 'Search every claim: words, "a phrase", prefix*, side:… (F1: every filter)'
    """Whole at 80 columns; the help (``GUIDE``) tells every filter."""
    GUIDE = """\
Search line
  Words find the claims holding them all (sanction finds
  sanctions); "a phrase" in this order; prefix* (санкци* for
  Russian); AND, OR, NOT and parentheses. Filters narrow it:
    topic:ID         claims on a topic (topic:sanctions)
    side:KEY         claims of one side (side:kremlin)
    without:KEY      claims side KEY has no counterpart for
    publisher:P      sides whose publisher contains P
    speaker:S        claims by a speaker whose name contains S
    status:S         linked, omission or conflict
    since:D until:D  pairs dated from / up to D (2022, 2022-01)
  A value with spaces goes in quotes: publisher:"white house".
  Filters alone (no words) list every claim they let through.
  Enter goes to the results; Enter on a result opens its
  comparison on that claim's row."""
    """What the help (F1) says about this screen: lines of at most 66 characters (``help.GUIDE``)."""
    DELAY = 0.3
    """Seconds after the last key before the search runs: one search per pause in typing, not per letter."""

    def __init__(self, line: str = "") -> None:
        super().__init__()
        self.initial = line
        self.result: SearchResult | None = None
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal("dualread › search the library", "bold"), id="search-title")
        yield Input(value=self.initial, placeholder=self.PLACEHOLDER, id="search-line", select_on_focus=False)
        yield Static(id="search-notes")
        yield SearchResults(id="results")
        yield Static(id="result-detail")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-line")
    def line_changed(self, event: Input.Changed) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(self.DELAY, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-line")
    def line_submitted(self, event: Input.Submitted) -> None:
        if self._pending is not None:
            self._pending.stop()
        self.run_search(event.value, then_focus=True)

    def run_search(self, line: str, then_focus: bool = False) -> None:
        if not line.strip():
            self.show_result(None, "")
            return
        self.query_one("#search-notes", Static).update(literal("Searching…", "italic"))
        self.search(line, then_focus)

    def library_changed(self) -> None:
        """The library changed on disk (``DualreadApp`` watches it): a review decided in a comparison opened from
        these results, a pair edited or removed. The search shown is run again on the pairs as they are now, the
        cursor staying on its claim, so no result says "linked" of a claim a person has just taken out of its link."""
        line = self.query_one("#search-line", Input).value
        if self.result is None or not line.strip():
            return
        self.search(line, False, refresh=tuple(group.pair_id for group in self.result.pairs))

    @work(thread=True, exclusive=True, exit_on_error=False, group="search", name="search the library")
    def search(self, line: str, then_focus: bool, refresh: tuple[str, ...] = ()) -> None:
        """``refresh``: pairs shown whose changed claims are indexed again first (``library_changed``)."""
        try:
            if refresh:
                self.app.library_view.refresh_claims(refresh)
            result = self.app.library_view.search(parse_line(line), LIMIT)
        except DualreadError as error:
            self.app.call_from_thread(self.show_problem, str(error))
            return
        if result is None:
            self.app.call_from_thread(self.show_problem, "this library has no catalog to search")
            return
        self.app.call_from_thread(self.show_result, result, line, then_focus, bool(refresh))

    def show_problem(self, problem: str) -> None:
        palette = Palette.from_variables(self.app.theme_variables)
        self.query_one("#search-notes", Static).update(literal(problem, Style(color=palette.error)))

    def show_result(self, result: "SearchResult | None", line: str, then_focus: bool = False,
                    again: bool = False) -> None:
        """``again``: the same search after the library changed, the cursor kept on its line."""
        self.result = result
        results = self.query_one(SearchResults)
        results.show(result, keep=results.current if again else None)
        self.query_one("#search-notes", Static).update(self.notes(result))
        self.update_detail()
        if then_focus and results.row_count:
            results.focus()

    def notes(self, result: "SearchResult | None") -> Text:
        if result is None:
            return Text("Type a query; Enter goes to the results, Enter on a result opens its comparison.")
        parts = [f"{_count(result.claims, 'claim')} in {_count(len(result.pairs), 'pair')}" if result.claims
                 else "No claim found"]
        if result.truncated:
            parts[0] = f"the first {parts[0]}: narrow the search for the rest"
        if result.not_indexed:
            parts.append(f"{_count(result.not_indexed, 'pair')} not indexed yet (the library screen is on it)")
        unread = [pair_id for pair_id, _ in (*result.broken, *result.failed)]
        if unread:
            more = f" and {len(unread) - 3:,} more" if len(unread) > 3 else ""
            parts.append(f"could not be read: {', '.join(unread[:3])}{more}")
        return literal(" · ".join(parts))

    @on(SearchResults.Highlighted)
    def update_detail(self) -> None:
        line = self.query_one(SearchResults).current
        self.query_one("#result-detail", Static).update(self.detail(line))

    def detail(self, line: ResultLine | None) -> Text:
        palette = Palette.from_variables(self.app.theme_variables)
        if line is None:
            return Text("")
        group, hit = line.group, line.hit
        text = field_text(group.event, Style(bold=True))
        text.append(f"  {group.date}  ", Style(color=palette.muted))
        text.append_text(literal(group.pair_id, Style(color=palette.muted)))
        if hit is None:
            text.append(f"\n{counted(len(group.hits), 'claim')} found · Enter opens the comparison")
            return text
        text.append("\n")
        text.append_text(field_text(f"{hit.publisher or hit.side} ({hit.id})", Style(bold=True)))
        facts = [hit.status] + ([", ".join(hit.topics)] if hit.topics else []) + (
            [f"speaker {one_line(hit.speaker)}"] if hit.speaker else [])
        text.append_text(literal("  " + " · ".join(facts), Style(color=palette.muted)))
        text.append("\n")
        text.append_text(literal(hit.text))
        for partner in hit.partners:
            text.append("\n↔ ", Style(color=palette.muted))
            text.append_text(literal(f"{one_line(partner.publisher or partner.side)}: ", Style(bold=True)))
            text.append_text(literal(partner.text))
        return text

    @on(SearchResults.Chosen)
    def open_result(self, event: SearchResults.Chosen) -> None:
        from tui.screens.comparison_at import ComparisonAtRow

        hit = event.line.hit
        row = None if hit is None else hit.link or f"omission:{hit.id}"
        self.app.push_screen(ComparisonAtRow(event.line.pair_id, row))

    def action_edit_query(self) -> None:
        self.query_one("#search-line", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_query" and isinstance(self.focused, Input):
            return False  # "/" is typed into the query
        return True

    def action_back(self) -> None:
        if isinstance(self.focused, Input) and self.query_one(SearchResults).row_count:
            self.query_one(SearchResults).focus()
            return
        self.app.pop_screen()
