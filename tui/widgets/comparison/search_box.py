"""``SearchBox``: the comparison's search line, an ``Input`` whose keys are named in the key bar.

While a text field has the focus, the screen's letter keys type into it, so the key bar drops them; the Input's
own Enter binding is hidden. The placeholder said "Enter: next match", but it goes the moment the user types.
Here Enter is shown as "⏎ Next match" (the library's key bar shows it as "⏎ Open"); it submits, and the screen
jumps to the next matching row on submit; ↓ does the same, ↑ goes to the previous match.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

__all__ = ["SearchBox"]


class SearchBox(Input):
    BINDINGS = [
        Binding("enter", "submit", "Next match", id="comparison.search.next-match",
                tooltip="Next match: the next row holding the searched words"),
        Binding("down", "screen.search_next", "Next match", id="comparison.search.next-match-down", show=False),
        Binding("up", "screen.search_previous", "Prev match", id="comparison.search.previous-match",
                tooltip="Previous match: the previous row holding the searched words"),
    ]
