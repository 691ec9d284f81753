"""``PairHeader``: the top of the comparison and full-text screens: date and event, then each side's publisher
and title. Two lines whatever the width: the event line, and the sides line cut with an ellipsis when it must be.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from readouts.model import Pair
from tui.widgets.texts import Palette, literal

__all__ = ["PairHeader", "header_text"]


def header_text(pair: Pair, palette: Palette, mode: str = "") -> Text:
    text = Text("dualread › ", style=Style(color=palette.muted), end="", no_wrap=True, overflow="ellipsis")
    text.append(pair.date.isoformat() + " ", Style(bold=True))
    text.append_text(literal(" ".join(pair.event.split()), Style(bold=True)))
    if mode:
        text.append(f"  [{mode}]", Style(color=palette.muted))
    text.append("\n")
    for n, side in enumerate(pair.sides):
        if n:
            text.append("  ·  ", Style(color=palette.muted))
        text.append_text(literal(side.label, Style(bold=True)))
        if side.title:
            text.append(": ", Style(color=palette.muted))
            text.append_text(literal(" ".join(side.title.split()), Style(color=palette.muted)))
    return text


class PairHeader(Static):
    DEFAULT_CSS = """
    PairHeader {
        height: 2;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $panel;
    }
    """

    def show(self, pair: Pair, mode: str = "") -> None:
        self.update(header_text(pair, Palette.from_variables(self.app.theme_variables), mode))
