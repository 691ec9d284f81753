"""``FilterHint``: the library's filter line until the filter is first used.

An empty, unfocused filter is only its placeholder line, and that is all the library screen's first frame shows of
it. Textual's ``Input`` was the costliest widget of that frame (its stylesheet parsed, its part styles applied on
every restyle; ``benchmarks/bench_tui.py``), so the screen starts with this one-line stand-in, drawn as the empty
``Input`` draws itself (``dualread.tcss``: same place, background and placeholder colour), and swaps in the real
``Input`` the first time the filter is wanted: a letter typed on the table, ``/``, a click on the line, or Tab onto
it. Every way into the filter goes through ``LibraryScreen.open_filter``; from then on the ``Input`` stays.
"""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Static

__all__ = ["FilterHint"]


class FilterHint(Static, can_focus=True):
    class Wanted(Message):
        """The user asks for the filter (a click, or the focus moved onto the line)."""

    def on_click(self) -> None:
        self.post_message(self.Wanted())

    def on_focus(self) -> None:
        self.post_message(self.Wanted())
