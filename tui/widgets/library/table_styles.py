"""The library table's line styles (header, cursor, zebra), resolved from the theme the way Textual resolves CSS.

Why not ``COMPONENT_CLASSES``: Textual re-resolves every component class of a widget each time it restyles the
widget (creating a node per class), and the table is restyled three times before the library's first frame (mount,
focus, screen resume): that was a noticeable part of it (``benchmarks/bench_tui.py``). These four styles depend
only on the theme and the table's own colours, so ``table_styles`` works them out once per theme and background.

The rules are those the table's CSS had (``$panel`` header, ``$block-cursor-*`` cursor, ``$surface`` zebra) and the
arithmetic is Textual's own (``DOMNode.rich_style``: backgrounds blended down the ancestors, ``auto`` colours
contrasting with the background they sit on); ``tests/ui/test_table_styles.py`` checks the result against Textual's
component-class styles for every built-in theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from rich.style import Style
from textual.color import Color
from textual.dom import DOMNode

__all__ = ["TableStyles", "table_styles", "RULES"]

RULES: dict[str, tuple[str | None, str | None, str | None]] = {
    "header": ("panel", None, "bold"),
    "cursor": ("block-cursor-background", "block-cursor-foreground", "bold"),
    "cursor_blurred": ("block-cursor-blurred-background", None, None),
    "zebra": ("surface", None, None),
}
"""Per line kind: the theme variables of its background and colour, and its text style (a ``$`` names a variable)."""


@dataclass(frozen=True)
class TableStyles:
    header: Style
    cursor: Style
    cursor_blurred: Style
    zebra: Style


def _base(nodes: Iterable[DOMNode]) -> tuple[Color, Color, Style, float]:
    """Background, colour, text style and opacity at the end of ``nodes`` (root first), as ``DOMNode.rich_style``."""
    background = Color(0, 0, 0, 0)
    color = Color(255, 255, 255, 0)
    style = Style()
    opacity = 1.0
    for node in nodes:
        styles = node.styles
        opacity *= styles.opacity
        if styles.has_rule("background"):
            text_background = background + styles.background.tint(styles.background_tint)
            background += styles.background.tint(styles.background_tint).multiply_alpha(opacity)
        else:
            text_background = background
        if styles.has_rule("color"):
            color = styles.color
        style += styles.text_style
        if styles.has_rule("auto_color") and styles.auto_color:
            color = text_background.get_contrast_text(color.a)
    return background, color, style, opacity


def _line_style(base: tuple[Color, Color, Style, float], variables: Mapping[str, str],
                rule: tuple[str | None, str | None, str | None]) -> Style:
    background, color, style, opacity = base
    background_name, color_name, text_style = rule
    text_background = background
    if background_name and variables.get(background_name):
        fill = Color.parse(variables[background_name])
        text_background = background + fill
        background = background + fill.multiply_alpha(opacity)
    if color_name and variables.get(color_name):
        value = variables[color_name].split()
        if value[0] == "auto":
            alpha = float(value[1].rstrip("%")) / 100 if len(value) > 1 else 1.0
            color = text_background.get_contrast_text(alpha)
        else:
            color = Color.parse(variables[color_name])
    if text_style:
        text_style = variables.get(text_style[1:], "") if text_style.startswith("$") else text_style
        style += Style.parse(text_style or "none")
    return style + Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None,
    )


def table_styles(widget: DOMNode, variables: Mapping[str, str]) -> TableStyles:
    """The four line styles of ``widget`` (mounted) in the theme whose variables are ``variables``."""
    base = _base(reversed(widget.ancestors_with_self))
    return TableStyles(**{kind: _line_style(base, variables, rule) for kind, rule in RULES.items()})
