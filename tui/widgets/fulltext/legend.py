"""``ChipLegend``: chips (a label on its own colour) laid out on as many lines as the width needs, a line breaking
only between two chips.

Wrapped as one text, the full text's tint legend split a topic name at its space at 80 columns: "Security" ended
the first line and "guarantees" began the next on its tint, read as a topic of its own. Here a chip moves to the
next line whole (one wider than the line is the only one still cut).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

__all__ = ["ChipLegend", "chip_lines"]


def chip_lines(chips: Iterable[Text], width: int) -> Text:
    """``chips`` one after another, a line break before a chip that would not fit on the line it would end."""
    out = Text(end="")
    used = 0
    for chip in chips:
        if used and used + chip.cell_len > width:
            out.append("\n")
            used = 0
        out.append_text(chip)
        used += chip.cell_len
    return out


class ChipLegend(Widget):
    DEFAULT_CSS = """
    ChipLegend {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chips: tuple[Text, ...] = ()

    def show(self, chips: Iterable[Text]) -> None:
        self.chips = tuple(chips)
        self.refresh(layout=True)

    def render(self) -> Text:
        return chip_lines(self.chips, self.content_size.width or 80)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(chip_lines(self.chips, width).plain.split("\n")) if self.chips else 0
