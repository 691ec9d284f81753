"""``RowDetail``: what the selected row is: link or omission, its place, score, topics, speakers and conflicts.

``detail_text`` is a pure function so tests read the line a user reads without running an app.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from comparisons.model import Comparison, Row
from readouts.model import BOTH
from tui.widgets.texts import Palette, literal

__all__ = ["RowDetail", "detail_text"]


def _speaker(name: str | None) -> str:
    if name is None:
        return "narrator"
    return "both leaders" if name == BOTH else name


def detail_text(comparison: Comparison, row: Row | None, index: int, total: int, palette: Palette) -> Text:
    muted = Style(color=palette.muted)
    if row is None:
        return Text("No rows for this topic.", style=Style(color=palette.muted, italic=True))
    text = Text(end="")
    if row.link is not None:
        text.append(f"Link {row.link.id}", Style(bold=True))
        text.append(f" · row {index + 1} of {total} · score ", muted)
        text.append(f"{row.link.score:.2f}")
    else:
        side = row.omission.side if row.omission else ""
        label = comparison.pair.side(side).label if side in comparison.side_keys else side
        text.append("Omission", Style(bold=True, color=palette.warning))
        text.append(f" · row {index + 1} of {total} · only ", muted)
        text.append_text(literal(label))
        text.append(" reports this", muted)
    topics = ", ".join(comparison.topic_label(t) for t in row.topics) or "none"
    text.append(" · topics ", muted)
    text.append_text(literal(topics))
    speakers = []
    for key in comparison.side_keys:
        claims = row.claims.get(key, ())
        if claims:
            names = dict.fromkeys(_speaker(c.speaker) for c in claims)
            speakers.append(" & ".join(names))
    text.append(" · speakers ", muted)
    text.append_text(literal(" / ".join(speakers)))
    if row.link is not None:
        if not row.link.conflicts:
            text.append(" · no conflict", muted)
        for conflict in row.link.conflicts:
            text.append("\n✖ conflict ", Style(color=palette.error, bold=True))
            text.append(f"{conflict.kind}: ", Style(color=palette.error))
            values = [
                (comparison.pair.side(k).label if k in comparison.side_keys else k, v)
                for k, v in conflict.values.items()
            ]
            for n, (label, value) in enumerate(values):
                if n:
                    text.append(" vs ", muted)
                text.append_text(literal(label, Style(bold=True)))
                text.append(" ")
                text.append_text(literal(value))
    return text


class RowDetail(Static):
    DEFAULT_CSS = """
    RowDetail {
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $panel;
    }
    """

    def show(self, comparison: Comparison, row: Row | None, index: int, total: int) -> None:
        self.update(detail_text(comparison, row, index, total, Palette.from_variables(self.app.theme_variables)))
