"""``ReviewStatus``: one line under the rows while a link is being made ("Linking L3 ⇢ with the row you move to:
l or Enter links, Esc cancels"), hidden otherwise: a second cursor must say what it is for."""

from __future__ import annotations

from textual.widgets import Static

from tui.widgets.texts import literal

__all__ = ["ReviewStatus"]


class ReviewStatus(Static):
    DEFAULT_CSS = """
    ReviewStatus {
        display: none;
        height: auto;
        padding: 0 1;
        background: $warning 25%;
        color: $text;
    }
    ReviewStatus.-shown { display: block; }
    """

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def say(self, text: str | None) -> None:
        """Show ``text`` (readout-like data: a link id, a claim id), or hide the line with ``None``."""
        self.set_class(text is not None, "-shown")
        if text is not None:
            self.update(literal(text))
