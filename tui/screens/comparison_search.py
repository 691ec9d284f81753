"""The comparison screen's search: ``/`` opens a line under the rows; what is typed is highlighted in every side;
Enter or ↓ goes to the next row that matches, ↑ to the previous, wrapping round with a notice; the rows panel
says where the cursor is among the matches ("match 2 of 3", "3 matches", "no match"). Esc closes it.

Letters typed fast after ``/`` reach the screen before the search line has the focus (a terminal delivers a burst
at once): they are typed into it, never taken as commands ("/fleet" never opens the full text on its "f").

``SearchActions`` is mixed into ``ComparisonScreen``, which provides ``comparison``, ``row_filter`` and the
``AlignedRows``; the screen's ``@on`` handlers call ``search_changed`` and ``jump_to_match``.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.row_filter import row_matches
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.comparison.search_box import SearchBox
from tui.widgets.texts import counted

__all__ = ["SearchActions", "match_status"]


def match_status(matches: list[int], cursor: int) -> str:
    """What the rows panel says of a search: "match 2 of 3" on a match, else how many there are."""
    if not matches:
        return "no match"
    if cursor in matches:
        return f"match {matches.index(cursor) + 1} of {len(matches)}"
    return counted(len(matches), "match").replace("matchs", "matches")


class SearchActions:
    """Search for ``ComparisonScreen``."""

    query_text = ""
    search_typing = False
    """``/`` was pressed and the search has not been left: letters reaching the screen are typed into it."""

    @property
    def search_box(self) -> Input | None:
        """The search line, mounted the first time it is asked for (most visits never search)."""
        found = self.query("#search")
        return found.first(Input) if found else None

    def open_search_box(self) -> Input:
        search = self.search_box
        if search is None:
            search = SearchBox(placeholder="Search every side (Enter or ↓: next match, ↑: previous, Esc: close)",
                               id="search")
            self.mount(search, before=self.query_one(RowDetail))
        return search

    def action_search(self) -> None:
        search = self.open_search_box()
        self.search_typing = True
        search.add_class("-open")
        search.focus()

    def search_open(self) -> bool:
        search = self.search_box
        return search is not None and search.has_class("-open") and (self.focused is search or bool(search.value))

    def close_search(self) -> None:
        search = self.search_box
        self.search_typing = False
        if search is not None:
            search.value = ""
            search.remove_class("-open")
        self.query_one("#rows-panel").border_subtitle = ""
        self.query_one(AlignedRows).focus()

    def type_ahead(self, event: events.Key) -> bool:
        """Take a letter meant for the search line that reached the screen first (see the module's docstring)."""
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.binding.action == "search":
            self.search_typing = True  # before the binding runs: the letters after "/" are on their way
            return False
        if not (self.search_typing and event.is_printable and event.character and event.character.strip()):
            return False
        # Letters typed on the search line never get here (it takes them): this one was sent to the rows before
        # the focus moved, whether or not it has moved since.
        search = self.open_search_box()
        search.add_class("-open")
        event.stop()
        event.prevent_default()
        search.insert_text_at_cursor(event.character)
        return True

    def search_changed(self, value: str) -> None:
        self.query_text = value
        self.query_one(AlignedRows).search(value)
        self.show_match_status()

    def matches(self) -> list[int]:
        if not self.query_text.strip():
            return []
        return [i for i, row in enumerate(self.query_one(AlignedRows).shown) if row_matches(row, self.query_text)]

    def show_match_status(self) -> None:
        panel = self.query_one("#rows-panel")
        if not self.query_text.strip():
            panel.border_subtitle = ""
            return
        panel.border_subtitle = match_status(self.matches(), self.query_one(AlignedRows).cursor_row)

    def jump_to_match(self, step: int = 1) -> None:
        """The next (``step=1``) or previous (``-1``) matching row, round the end with a notice."""
        table = self.query_one(AlignedRows)
        matches = self.matches()
        if not matches:
            self.no_match()
            return
        cursor = table.cursor_row
        ahead = [i for i in matches if (i - cursor) * step > 0]
        if ahead:
            target = ahead[0] if step > 0 else ahead[-1]
        else:
            target = matches[0] if step > 0 else matches[-1]
            self.notify("Search wrapped to the " + ("first" if step > 0 else "last") + " match.", timeout=2)
        table.go_to(target)
        self.show_match_status()

    def no_match(self) -> None:
        if self.row_filter.topic is not None or self.row_filter.narrowed:
            # The search looks only at the rows shown: say so, or a word on screen elsewhere seems missed.
            shown = self.row_filter.describe(self.comparison) if self.comparison is not None else "the filter"
            self.notify(f"No row of {shown} matches the search; Esc, then t and All, searches every row.",
                        severity="warning", timeout=5, markup=False)
            return
        self.notify("No row matches the search.", severity="warning", timeout=3)

    def action_search_next(self) -> None:
        self.jump_to_match(1)

    def action_search_previous(self) -> None:
        self.jump_to_match(-1)
