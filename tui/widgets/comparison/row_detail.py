"""``RowDetail``: what the selected row is, under the rows: link or omission, its place, score ("low score: check it"
below 0.30 unless a person decided it, as the reports say) and topics, who
decided it (the engine, or a person's review: confirmed, added or changed by hand), who speaks on each side, and every conflict with each side's value whole (one line per conflict, wrapped, never cut;
a conflict a person marked first, with their note).

Opened (``whole``: Enter or ``d`` on the comparison screen) it is a taller, scrolling pane that adds each side's
claims in full: a row taller than the rows' view, or cut at 80 columns, can be read there whole.

``detail_text`` is a pure function so tests read what a user reads without running an app.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from comparisons.model import Comparison, Row
from comparisons.reports.fulltext import score_text, unsure
from tui.widgets.comparison.row_filter import speaker_name
from tui.widgets.comparison.word_languages import diff_languages
from tui.widgets.review.marks import decided_text
from tui.widgets.side_names import short_names
from tui.widgets.texts import NOT_MENTIONED, Palette, field_text, literal

__all__ = ["RowDetail", "detail_text"]


def _names(comparison: Comparison) -> dict[str, str]:
    return dict(zip(comparison.side_keys, short_names([d.side for d in comparison.documents])))


def detail_text(comparison: Comparison, row: Row | None, index: int, total: int, palette: Palette, *,
                whole: bool = False, empty: str = "No rows for this topic.") -> Text:
    muted = Style(color=palette.muted)
    if row is None:
        return Text(empty, style=Style(color=palette.muted, italic=True))
    names = _names(comparison)
    text = Text(end="")
    if row.link is not None:
        text.append(f"Link {row.link.id}", Style(bold=True))
        text.append(f" · row {index + 1} of {total} · score ", muted)
        text.append(score_text(row.link.score))
        if unsure(row.link):
            # What the reports say of such a link: the engine is unsure of it (a person's decision settles it).
            text.append(" · low score: check it", Style(color=palette.warning))
    else:
        side = row.omission.side if row.omission else ""
        text.append("Omission", Style(bold=True, color=palette.warning))
        text.append(f" · row {index + 1} of {total} · only ", muted)
        text.append_text(literal(names.get(side, side)))
        text.append(" reports this", muted)
    silent = [names[k] for k in comparison.side_keys if not row.claims.get(k)]
    if silent and row.link is not None:
        text.append(" · not mentioned by ", muted)
        text.append_text(literal(", ".join(silent), Style(color=palette.warning)))
    topics = ", ".join(comparison.topic_label(t) for t in row.topics) or "none"
    text.append(" · topics ", muted)
    text.append_text(literal(topics))
    text.append(" · ", muted)
    mark = row.link.review if row.link is not None else None
    marked = mark is not None and mark.conflict == "marked"
    text.append_text(decided_text(row, palette, note=not marked))  # a marked conflict's note is on its ✖ line
    text.append("\nspeakers ", muted)
    said = [(k, row.claims[k]) for k in comparison.side_keys if row.claims.get(k)]
    for n, (key, claims) in enumerate(said):
        if n:
            text.append(" · ", muted)
        text.append_text(literal(names[key] + ": ", Style(bold=True)))
        text.append_text(literal(", ".join(dict.fromkeys(speaker_name(c.speaker, comparison) for c in claims))))
    if row.link is not None:
        languages = diff_languages(comparison, row)
        if languages is not None:
            text.append(f" · different languages ({languages[0]}, {languages[1]}): words not compared", muted)
        if not row.link.conflicts:
            text.append(" · no conflict", muted)
        # A person's conflict first: the pane shows six lines at most, and an engine conflict's values, wrapped at
        # 80 columns, pushed the reviewer's note below them, out of sight.
        for conflict in sorted(row.link.conflicts, key=lambda c: bool(c.values)):
            text.append("\n✖ ", Style(color=palette.error, bold=True))
            text.append(f"{conflict.kind}  ", Style(color=palette.error, bold=True))
            for n, (key, value) in enumerate(conflict.values.items()):
                if n:
                    text.append(" · ", muted)
                text.append_text(literal(names.get(key, key) + ": ", Style(bold=True)))
                text.append_text(literal(value))
            if not conflict.values and marked:  # a conflict a person marked: what they noted
                text.append_text(literal(" ".join(mark.note.split()) or "marked by hand, no note"))
    if whole:
        for key in comparison.side_keys:
            side = comparison.pair.side(key)
            text.append("\n\n")
            text.append_text(literal(names[key], Style(bold=True)))
            if side.publisher and side.publisher != names[key]:
                text.append("  ")
                text.append_text(field_text(side.publisher, muted))
            claims = row.claims.get(key, ())
            if not claims:
                text.append("\n" + NOT_MENTIONED, Style(color=palette.muted, italic=True))
            for claim in claims:
                text.append("\n")
                text.append_text(literal(claim.text))
    return text


class RowDetail(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    RowDetail {
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    RowDetail.-whole {
        height: 50%;
        max-height: 50%;
        border-top: solid $primary 40%;
    }
    RowDetail > Static {
        width: 1fr;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.whole = False
        self._shown: tuple[Comparison, Row | None, int, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="row-detail-text")

    @property
    def text(self) -> str:
        """What the pane reads now, as plain text."""
        return str(self.query_one("#row-detail-text", Static).content)

    def update(self, content: Text) -> None:
        self._shown = None
        self.query_one("#row-detail-text", Static).update(content)

    def show(self, comparison: Comparison, row: Row | None, index: int, total: int, *,
             empty: str = "No rows for this topic.") -> None:
        self._shown = (comparison, row, index, total, empty)
        palette = Palette.from_variables(self.app.theme_variables)
        self.query_one("#row-detail-text", Static).update(
            detail_text(comparison, row, index, total, palette, whole=self.whole, empty=empty)
        )
        self.scroll_home(animate=False)

    def set_whole(self, whole: bool) -> None:
        """Open the pane on the whole row (each side's claims in full) or close it back to the summary."""
        self.whole = whole
        self.set_class(whole, "-whole")
        if self._shown is not None:
            comparison, row, index, total, empty = self._shown
            self.show(comparison, row, index, total, empty=empty)
