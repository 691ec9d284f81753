"""``PairHeader``: the top of the comparison and full-text screens: date and event (and the screen's mode, which
a long event never pushes off the line), then each side's publisher and title. Two lines whatever the width: the
event line, and the sides line, where every side gets a fair share of the width (a short side lends what it does
not use) and a long title is cut with an ellipsis inside its share, so no side's name is pushed off the line by
another side's title. A share too small for a name and some title shows the name only (``MIN_TITLE``); too many sides for
``MIN_NAME`` cells each, the first ones are named and the line ends "+N more".
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from readouts.model import Pair
from readouts.textshape import one_line
from tui.widgets.texts import Palette, field_text

__all__ = ["PairHeader", "fair_shares", "header_text"]

SEPARATOR = "  ·  "
NARROW_SEPARATOR = " · "


def fair_shares(wanted: list[int], room: int) -> list[int]:
    """Split ``room`` cells among parts wanting ``wanted`` cells: equal shares, what a part does not need going
    to the others (each part gets at least one cell)."""
    shares = [0] * len(wanted)
    left = sorted(range(len(wanted)), key=lambda n: wanted[n])
    while left:
        share = max(room // len(left), 1)
        n = left.pop(0)
        shares[n] = min(wanted[n], share)
        room -= shares[n]
    return shares


MIN_TITLE = 10
"""Cells of a title worth showing after a side's name; a side whose share leaves fewer shows its name only."""


def _side_text(side, palette: Palette, with_title: bool = True) -> Text:
    text = field_text(side.label, Style(bold=True))
    if side.title and with_title:
        text.append(": ", Style(color=palette.muted))
        text.append_text(field_text(side.title, Style(color=palette.muted)))
    return text


def _fitted_sides(pair: Pair, palette: Palette, width: int) -> tuple[list[Text], str]:
    """Each side's text cut to its fair share of ``width``, and the separator between them.

    A side whose share cannot hold its name and a readable piece of its title shows its name only, lending the
    rest to the others (three sides at 80 columns: "The White House: State…" told less than "The White House");
    when even a name of three sides or more is cut, the separators narrow to give the names two more cells each."""
    shown = _sides_that_fit(pair, width)
    sides = [_side_text(side, palette) for side in shown]
    separator = SEPARATOR
    room = width - len(separator) * (len(sides) - 1) - len(_more(len(pair.sides) - len(shown)))
    shares = fair_shares([s.cell_len for s in sides], room)
    for n, (side, share) in enumerate(zip(shown, shares)):
        if side.title and sides[n].cell_len > share and share < len(one_line(side.label)) + 2 + MIN_TITLE:
            sides[n] = _side_text(side, palette, with_title=False)
    shares = fair_shares([s.cell_len for s in sides], room)
    names_cut = any(share < len(one_line(side.label)) for side, share in zip(shown, shares))
    if names_cut and len(sides) > 2:
        separator = NARROW_SEPARATOR
        room = width - len(separator) * (len(sides) - 1) - len(_more(len(pair.sides) - len(shown)))
        shares = fair_shares([s.cell_len for s in sides], room)
    for side, share in zip(sides, shares):
        if side.cell_len > share:
            side.truncate(share, overflow="ellipsis")
    return sides, separator


MIN_NAME = 8
"""Cells a side's name keeps at the least; a pair of more sides than that allows names the first ones, then how
many more there are (300 sides gave 300 ellipses, "… · … · …", and no name at all)."""


def _more(hidden: int) -> str:
    return f"{NARROW_SEPARATOR}+{hidden} more" if hidden else ""


def _sides_that_fit(pair: Pair, width: int) -> list:
    """The sides the sides line names: every one while each keeps ``MIN_NAME`` cells, else the first that do."""
    total = len(pair.sides)
    count = total
    while count > 2:
        room = width - len(NARROW_SEPARATOR) * (count - 1) - len(_more(total - count))
        if room // count >= MIN_NAME:
            break
        count -= 1
    return list(pair.sides[:count])


def header_text(pair: Pair, palette: Palette, mode: str = "", width: int | None = None) -> Text:
    """The two header lines; with ``width``, the sides line shares that many cells fairly among the sides."""
    text = Text("dualread › ", style=Style(color=palette.muted), end="", no_wrap=True, overflow="ellipsis")
    text.append(pair.date.isoformat() + " ", Style(bold=True))
    event = field_text(pair.event, Style(bold=True))
    shown_mode = f"  [{mode}]" if mode else ""
    if width and shown_mode and text.cell_len + event.cell_len + len(shown_mode) > width:
        # The event gives way, not the mode: "[full text]" is what tells the two screens apart.
        event.truncate(max(width - text.cell_len - len(shown_mode), 1), overflow="ellipsis")
    text.append_text(event)
    if shown_mode:
        text.append(shown_mode, Style(color=palette.muted))
    text.append("\n")
    if width:
        sides, separator = _fitted_sides(pair, palette, width)
    else:
        sides, separator = [_side_text(side, palette) for side in pair.sides], SEPARATOR
    for n, side in enumerate(sides):
        if n:
            text.append(separator, Style(color=palette.muted))
        text.append_text(side)
    if len(sides) < len(pair.sides):
        text.append(_more(len(pair.sides) - len(sides)), Style(color=palette.muted))
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pair: Pair | None = None
        self._mode = ""

    def show(self, pair: Pair, mode: str = "") -> None:
        self._pair = pair
        self._mode = mode
        self.refresh()

    def render(self):
        # Built at paint time, when the width is known: the sides' shares depend on it.
        if self._pair is None:
            return super().render()
        palette = Palette.from_variables(self.app.theme_variables)
        return header_text(self._pair, palette, self._mode, self.content_size.width or None)
