"""Legible text on any background: the WCAG contrast ratio of two colours, and a style whose text colour is
changed to black or white when it reads below ``MINIMUM`` on its own background.

The selected row of a table is painted with the theme's cursor background under text that keeps its own colours
(muted "not mentioned", a conflict's warning colour, a word diff's background): in a light theme the row's text
read at 2.4:1 on its background. ``legible(style)`` is applied to the cursor row's segments as they are painted
(a few lines a frame; ratios are remembered per pair of colours).

- ``contrast(foreground, background) -> float``: WCAG 2 contrast ratio, 1 to 21.
- ``legible(style, minimum=MINIMUM) -> Style``: ``style`` with a text colour that reads on its background.
- ``legible_strip(strip) -> Strip``: every segment of a painted line made legible.

Colours a terminal chooses itself (an ANSI theme's "green", the default colour) are left alone: their values are
the terminal's, not the theme's.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorType
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

__all__ = ["MINIMUM", "contrast", "legible", "legible_strip"]

MINIMUM = 4.5
"""WCAG 2's minimum for body text (level AA)."""

_BLACK = RichColor.from_rgb(0, 0, 0)
_WHITE = RichColor.from_rgb(255, 255, 255)


def _luminance(colour: RichColor) -> float:
    red, green, blue = colour.get_truecolor()

    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground: RichColor, background: RichColor) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _themed(colour: RichColor | None) -> bool:
    return colour is not None and colour.type == ColorType.TRUECOLOR


@lru_cache(maxsize=1024)
def legible(style: Style, minimum: float = MINIMUM) -> Style:
    colour, background = style.color, style.bgcolor
    if not (_themed(colour) and _themed(background)) or contrast(colour, background) >= minimum:
        return style
    better = max((_BLACK, _WHITE), key=lambda c: contrast(c, background))
    return style + Style(color=better)


def legible_strip(strip: Strip) -> Strip:
    return Strip([Segment(text, legible(style) if style else style, control)
                  for text, style, control in strip], strip.cell_length)
