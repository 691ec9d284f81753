"""``PairPreview``: under the library table, the highlighted pair in full: event, sides, the coverage glance decoded.

The table cuts long events and drops the sides column on a narrow terminal; this line is where nothing is cut.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.widgets.library.listing import CORE_TOPICS, Figures, Listing
from tui.widgets.library.pair_table import GLYPHS
from tui.widgets.texts import Palette, counted, literal

__all__ = ["PairPreview", "preview_text"]

LEGEND = "● both sides  ◐ one side  ✖ conflict  · none"
MANY_SIDES_LEGEND = "● all sides  ◐ some sides  ✖ conflict  · none"
"""With three sides or more "both" and "one side" would mislead: ◐ is any topic not every side mentions."""


def preview_text(listing: Listing | None, figures: Figures | None, palette: Palette) -> Text:
    if listing is None:
        return Text("No pair matches the filter.", style=Style(color=palette.muted, italic=True))
    text = Text(end="")
    if listing.pair is None:
        text.append("Broken pair ", Style(color=palette.error, bold=True))
        text.append_text(literal(listing.id, Style(bold=True)))
        text.append("\n")
        text.append_text(literal(listing.problem or "", Style(color=palette.error)))
        return text
    pair = listing.pair
    text.append_text(literal(pair.event, Style(bold=True)))
    text.append(f"  {pair.date.isoformat()}  ", Style(color=palette.muted))
    text.append_text(literal(pair.id, Style(color=palette.muted)))
    for side in pair.sides:
        text.append("\n  ")
        text.append_text(literal(side.label, Style(bold=True)))
        if side.title:
            text.append(" — ")
            text.append_text(literal(side.title))
    text.append("\n")
    if figures is None:
        text.append("Comparing…", Style(color=palette.muted, italic=True))
        return text
    text.append(
        f"{counted(figures.claims, 'claim')} · {counted(figures.links, 'link')} · "
        f"{counted(figures.omissions, 'omission')} · {counted(figures.conflicts, 'conflict')}\n",
    )
    text.append("Coverage: ", Style(color=palette.muted))
    shown = [(t, s) for t, s in zip(CORE_TOPICS, figures.coverage) if s != "absent"]
    text.append(" ".join(f"{GLYPHS[s]} {t}" for t, s in shown), Style(color=palette.muted))
    legend = LEGEND if len(pair.sides) <= 2 else MANY_SIDES_LEGEND
    text.append(f"   {legend}", Style(color=palette.muted, italic=True))
    return text


class PairPreview(Static):
    def show(self, listing: Listing | None, figures: Figures | None) -> None:
        text = preview_text(listing, figures, Palette.from_variables(self.app.theme_variables))
        # One screen line per line of the preview, cut with an ellipsis, so a narrow terminal loses ends of
        # lines rather than whole lines.
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.update(text)
