"""``ReadoutPane``: one side's whole readout, paragraph by paragraph, claims tinted by topic, the selected claims
highlighted, search matches marked.

Each paragraph is its own ``Static`` so the pane can scroll a claim into view by its paragraph (no guessing at
wrapped line numbers). ``paragraphs(text)`` and ``paragraph_text(...)`` are pure, for the tests.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from comparisons.model import Comparison
from readouts.model import Document
from readouts.textshape import one_line
from tui.widgets.texts import Palette, highlight, literal

__all__ = ["ReadoutPane", "paragraphs", "paragraph_text"]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: text between blank lines, with its surrounding whitespace left out."""
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n\s*\n|\Z))", text, flags=re.DOTALL):
        spans.append((match.start(), match.end()))
    return spans


def paragraph_text(
    document: Document,
    span: tuple[int, int],
    comparison: Comparison,
    topic_colours: dict[str, str],
    selected: set[str],
    query: str,
    palette: Palette,
) -> Text:
    start, end = span
    text = literal(document.text[start:end])
    for claim in document.claims:
        if claim.end <= start or claim.start >= end:
            continue
        a, b = max(claim.start, start) - start, min(claim.end, end) - start
        if claim.id in selected:
            text.stylize(Style(reverse=True, bold=True), a, b)
            continue
        topics = comparison.topics_of(claim.id)
        if topics and topics[0] in topic_colours:
            text.stylize(Style(bgcolor=topic_colours[topics[0]]), a, b)
    return highlight(text, query, Style(bgcolor=palette.match, underline=True))


class ReadoutPane(VerticalScroll, can_focus=False):
    """Not focusable: the screen's keys move between rows; the wheel or the screen's page keys scroll, and the
    screen keeps every pane's ``scroll_y`` in step."""

    def __init__(self, document: Document, **kwargs) -> None:
        super().__init__(**kwargs)
        self.document = document
        self.spans = paragraphs(document.text)
        # A plain string here would be read as markup: the publisher's name is data.
        self.border_title = Content(one_line(document.side.label))
        self.revealing = False
        self._target: int | None = None

    def compose(self):
        for _ in self.spans:
            yield Static(classes="paragraph")

    def paint(
        self, comparison: Comparison, topic_colours: dict[str, str], selected: set[str], query: str
    ) -> None:
        palette = Palette.from_variables(self.app.theme_variables)
        for static, span in zip(self.query(".paragraph").results(Static), self.spans):
            static.update(
                paragraph_text(self.document, span, comparison, topic_colours, selected, query, palette)
            )

    def reveal(self, claim_start: int | None) -> None:
        """Scroll the paragraph holding ``claim_start`` into view (centred when it fits).

        Remembered, so that a pane not laid out yet (no height, nothing to scroll) scrolls once it is
        (``on_resize``). ``revealing`` is set while the pane moves itself, so the screen's scroll sync can tell
        this from the user scrolling.
        """
        self._target = claim_start
        if claim_start is None:
            return
        for static, (start, end) in zip(self.query(".paragraph").results(Static), self.spans):
            if start <= claim_start < end or claim_start < start:
                self.revealing = True
                try:
                    self.scroll_to_center(static, animate=False, immediate=True)
                finally:
                    self.revealing = False
                return

    def on_resize(self) -> None:
        if self._target is not None:
            self.reveal(self._target)
