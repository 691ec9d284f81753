"""How the comparison screen shows what a review decided: marks on rows, and who decided a row, in words.

- ``mark_text(row, palette, *, linking=False) -> Text | None``: the glyph under a row's score: ``✓`` confirmed,
  ``+`` added by hand, ``✎`` changed by hand; ``⇢`` on the row a link is being made from (the first cursor).
- ``decided_text(row, palette, *, note=True) -> Text``: for the status line: "decided by the engine", or "review:
  added by hand by ana, 2024-05-01 · conflict marked: note" (the note left out where the screen shows it already).
- ``review_notice(comparison) -> str | None``: what the screen says once about the review as a whole (a file it
  cannot use, stale decisions).
- ``status_of(row)``: the row's ``ReviewMark`` (link or omission), or ``None``.

Pure functions of their arguments; a note is readout-like data typed by a person: it enters as literal text.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from comparisons.model import Comparison, ReviewMark, Row
from readouts.textshape import one_line
from tui.widgets.texts import Palette, counted, literal

__all__ = ["GLYPHS", "WORDS", "decided_text", "mark_text", "review_notice", "status_of"]

GLYPHS = {"confirmed": "✓", "added": "+", "changed": "✎"}
WORDS = {"confirmed": "confirmed", "added": "added by hand", "changed": "changed by hand"}
LINKING = "⇢"


def status_of(row: Row | None) -> ReviewMark | None:
    if row is None:
        return None
    if row.link is not None:
        return row.link.review
    return row.omission.review if row.omission is not None else None


def mark_text(row: Row, palette: Palette, *, linking: bool = False) -> Text | None:
    mark = status_of(row)
    if linking:
        return Text(LINKING, style=Style(color=palette.warning, bold=True), justify="right")
    if mark is None:
        return None
    colour = palette.success if mark.status == "confirmed" else palette.warning
    return Text(GLYPHS.get(mark.status, "?"), style=Style(color=colour, bold=True), justify="right")


MAX_BY = 32
"""The most of a reviewer's name the status line shows."""


def decided_text(row: Row | None, palette: Palette, *, note: bool = True) -> Text:
    muted = Style(color=palette.muted)
    mark = status_of(row)
    if mark is None:
        return Text("decided by the engine", style=muted, end="")
    text = Text("review: ", style=muted, end="")
    colour = palette.success if mark.status == "confirmed" else palette.warning
    text.append(WORDS.get(mark.status, mark.status), Style(color=colour, bold=True))
    # A hand-edited review.yaml may name its reviewer on several lines, or at length: one short line here, where
    # it shares the status line with the row's figures (a name with line breaks pushed the keys off the screen).
    by = one_line(mark.by)
    by = by if len(by) <= MAX_BY else by[: MAX_BY - 1] + "…"
    who = ", ".join(part for part in (by, one_line(mark.at)[:10]) if part)
    if who:
        text.append(" by ", muted)
        text.append_text(literal(who))
    if mark.conflict is not None:
        text.append(f" · conflict {mark.conflict}", Style(color=palette.error if mark.conflict == "marked"
                                                         else palette.muted))
    if mark.note and note:
        text.append(": ", muted)
        text.append_text(literal(" ".join(mark.note.split())))
    return text


def review_notice(comparison: Comparison) -> str | None:
    summary = comparison.review
    if summary is None:
        return None
    if summary.problem:
        return (f"The review of this pair cannot be used; this is the engine's result. Fix the file and it is read "
                f"again: {summary.problem}")
    if summary.stale:
        return (f"{counted(len(summary.stale), 'decision')} of the review no longer "
                f"{'finds its' if len(summary.stale) == 1 else 'find their'} claims: kept in review.yaml, not "
                f"applied (dualread review {comparison.pair.id} lists them).")
    return None
