"""Readout text as Rich ``Text``: literal always, coloured by the comparison, never parsed as markup.

- ``literal(text)``: a readout's characters as typed; control characters (an escape sequence, a bell) become
  their visible Unicode pictures so they can neither style nor move the terminal.
- ``field_text(text)``: the same for a field that is one line by nature (an event, a title, a publisher, a person's
  name), on one line (``readouts.textshape.one_line``) whatever a hand-written pair.yaml holds.
- ``Palette``: the theme's colours the UI paints with, resolved from the app's theme variables
  (``$success-muted``, ``$error-muted``, ...), so a theme change recolours diffs and tints.
- ``side_cell(row, side, comparison, palette, query)``: one side's cell of an aligned row: its claims (word diff
  coloured when the row is a link), "not mentioned" when the side has none, conflict values flagged.
- ``highlight(text, query, style)``: every case-insensitive match of ``query`` styled in place.
- ``short(text, width)``: one line, cut with an ellipsis.
- ``counted(n, word)``: "1 conflict", "2 conflicts" (every count the UI and ``dualread show`` print).

Everything here is a pure function of its arguments: the widgets call it, the tests call it without an app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from rich.style import Style
from rich.text import Text

from comparisons.model import Comparison, Row, Span
from readouts.textshape import one_line

__all__ = ["Palette", "field_text", "literal", "side_cell", "diff_pieces", "highlight", "short", "counted", "NOT_MENTIONED"]

NOT_MENTIONED = "not mentioned"

# C0 controls and DEL shown as their Unicode "control pictures" (U+2400 block); newline and tab stay as they are.
_CONTROLS = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROLS[0x7F] = 0x2421


def literal(text: str, style: Style | str = "") -> Text:
    """``text`` exactly as typed: no markup parsing, no live control characters."""
    return Text(text.translate(_CONTROLS), style=style, end="")


def field_text(text: str, style: Style | str = "") -> Text:
    """A one-line field as typed, on one line: a line break in an event or a publisher broke a header in two."""
    return literal(one_line(text), style)


@dataclass(frozen=True)
class Palette:
    """The colours of one theme, by role. Built from ``App.theme_variables`` (see ``from_variables``)."""

    only_first: str = "#7a2e2e"
    only_second: str = "#2e6b3a"
    muted: str = "#808080"
    warning: str = "#ffa62b"
    success: str = "#4ebf71"
    error: str = "#ba3c5b"
    match: str = "#7a6a1e"
    selected: str = "#2a4d7a"
    tints: tuple[str, ...] = ("#23304a", "#3a2a45", "#22403a", "#45402a", "#452a2a", "#2a3f45")

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> "Palette":
        """Resolve the roles from theme variables; a missing or unparsable variable keeps the default.

        Remembered per set of variables: widgets ask for the palette for every cell they paint."""
        key = tuple(variables.get(name) for name in _USED)
        palette = _PALETTES.get(key)
        if palette is None:
            palette = _PALETTES[key] = cls._resolve(variables)
        return palette

    @classmethod
    def _resolve(cls, variables: Mapping[str, str]) -> "Palette":
        from textual.color import Color

        def color(name: str, fallback: str) -> str:
            try:
                parsed = Color.parse(variables[name])
            except Exception:
                return fallback
            if parsed.ansi is not None:
                # An ANSI theme's colour is the terminal's own: Rich names it by number ("ansi_green" is no colour
                # to Rich, and a theme change to ansi-dark took the app down).
                return f"color({parsed.ansi})" if 0 <= parsed.ansi < 16 else fallback
            return parsed.hex

        background = variables.get("background", "#1e1e1e")

        def mix(first: str, second: str, fallback: str) -> str:
            """A tint of one theme colour (or of two mixed), faded into the background so text stays legible."""
            try:
                colour = Color.parse(variables[first]).blend(Color.parse(variables[second]), 0.5)
                return colour.blend(Color.parse(background), 0.72).hex
            except Exception:
                return fallback

        base = cls()
        return cls(
            only_first=color("error-muted", base.only_first),
            only_second=color("success-muted", base.only_second),
            muted=color("text-muted", base.muted) if "%" not in variables.get("text-muted", "%") else base.muted,
            warning=color("warning", base.warning),
            success=color("success", base.success),
            error=color("error", base.error),
            match=color("warning-muted", base.match),
            selected=color("accent-muted", base.selected),
            tints=tuple(
                mix(first, second, fallback)
                for (first, second), fallback in zip(
                    (("primary", "primary"), ("success", "success"), ("warning", "warning"),
                     ("error", "error"), ("primary", "success"), ("error", "primary")),
                    base.tints,
                )
            ),
        )

    def tint(self, topic_index: int) -> str:
        return self.tints[topic_index % len(self.tints)]


_USED = ("background", "primary", "success", "warning", "error", "accent", "error-muted", "success-muted",
         "warning-muted", "accent-muted", "text-muted")
"""The theme variables a palette is made of (and so its cache key)."""
_PALETTES: dict[tuple[str | None, ...], Palette] = {}


def short(text: str, width: int) -> str:
    """One line of at most ``width`` cells' worth of characters, cut with an ellipsis."""
    line = one_line(text)
    if width <= 0:
        return ""
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def highlight(text: Text, query: str, style: Style | str) -> Text:
    """Style every case-insensitive occurrence of ``query`` in ``text`` (in place; returns ``text``)."""
    if query.strip():
        for match in re.finditer(re.escape(query.strip()), text.plain, flags=re.IGNORECASE):
            text.stylize(style, match.start(), match.end())
    return text


def diff_pieces(diff: tuple[Span, ...], first: str, second: str) -> tuple[list[Span], list[Span]] | None:
    """The diff split into what the first side shows (equal + delete) and what the second shows (equal + insert).

    ``None`` when the diff does not rebuild the two texts: the cell then shows plain text rather than a wrong
    colouring.
    """
    left = [s for s in diff if s.op in ("equal", "delete")]
    right = [s for s in diff if s.op in ("equal", "insert")]
    if "".join(s.text for s in left) != first or "".join(s.text for s in right) != second:
        return None
    return left, right


def _diff_sides(row: Row) -> tuple[str, str] | None:
    """The two sides a link's word diff compares: the sides of its claims, in the order the link lists them."""
    if row.link is None:
        return None
    sides: list[str] = []
    for claim_id in row.link.claims:
        side = claim_id.rsplit(":", 1)[0]
        if side not in sides:
            sides.append(side)
    return (sides[0], sides[1]) if len(sides) >= 2 else None


def side_cell(row: Row, side: str, comparison: Comparison, palette: Palette, query: str = "") -> Text:
    """What ``side`` says in ``row``, ready to paint."""
    claims = row.claims.get(side, ())
    if not claims:
        return literal(NOT_MENTIONED, Style(color=palette.muted, italic=True))
    joined = " ".join(c.text for c in claims)
    cell = Text(end="")
    pair_sides = _diff_sides(row)
    pieces = None
    if row.link is not None and pair_sides and side in pair_sides and row.link.diff:
        first, second = pair_sides
        first_text = " ".join(c.text for c in row.claims.get(first, ()))
        second_text = " ".join(c.text for c in row.claims.get(second, ()))
        pieces = diff_pieces(row.link.diff, first_text, second_text)
    if pieces is not None and _diff_languages(comparison, row) is not None:
        pieces = None  # two languages share no word: colouring every one would say nothing (the detail says why)
    if pieces is not None:
        spans = pieces[0] if side == pair_sides[0] else pieces[1]
        changed = palette.only_first if side == pair_sides[0] else palette.only_second
        for span in spans:
            cell.append_text(literal(span.text, "" if span.op == "equal" else Style(bgcolor=changed)))
    else:
        cell.append_text(literal(joined))
    if row.link is not None:
        for conflict in row.link.conflicts:
            if side in conflict.values:
                cell.append("\n⚠ ", Style(color=palette.warning, bold=True))
                cell.append(f"{conflict.kind}: ", Style(color=palette.warning))
                cell.append_text(literal(conflict.values[side], Style(color=palette.warning, bold=True)))
    return highlight(cell, query, Style(bgcolor=palette.match, underline=True))


def _diff_languages(comparison: Comparison, row: Row):
    from tui.widgets.comparison.word_languages import diff_languages

    return diff_languages(comparison, row)


def counted(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1 (the words counted here all take an "s")."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
