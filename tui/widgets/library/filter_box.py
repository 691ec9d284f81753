"""``FilterBox``: the library's filter line, an ``Input`` whose Enter and Esc are named in the key bar.

While the filter has the focus, the screen's letter keys type into it, so the key bar dropped them and showed
nothing but "^p palette": that Enter opens the highlighted pair and Esc clears the filter was said nowhere once
the placeholder had gone. Enter submits (the screen opens the pair); Esc runs the screen's ``clear_filter``.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

__all__ = ["FilterBox"]


class FilterBox(Input):
    BINDINGS = [
        Binding("enter", "submit", "Open", id="library.filter.open", tooltip="Open the highlighted pair"),
        Binding("escape", "screen.clear_filter", "Clear filter", id="library.filter.clear",
                tooltip="Clear the filter and go back to the table"),
    ]
