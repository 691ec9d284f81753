"""``WhyPane``: why the selected row is what it is: the engine's evidence for a link (the rule that made it, what
each claim pair shares, with weights and factors) or why a claim is an omission (its nearest claim elsewhere and
what kept them apart), and what a review decided on it (who, when, the note).

The lines come from ``comparisons.evidence.why_link`` / ``why_omission``, as ``dualread show --why``
prints them; they quote readout words, so they enter as literal text, never markup. ``why_text(comparison, row, palette)`` is the pure function tests read.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from comparisons.model import Comparison, Row
from tui.widgets.review.marks import decided_text
from tui.widgets.texts import Palette, literal

__all__ = ["WhyPane", "why_text"]


def why_text(comparison: Comparison, row: Row | None, palette: Palette) -> Text:
    from comparisons.evidence import why_link, why_omission

    if row is None:
        return Text("No row selected.", style=Style(color=palette.muted, italic=True))
    text = Text(end="")
    if row.link is not None:
        text.append(f"Why {row.link.id}", Style(bold=True))
        lines = why_link(row.link, comparison)
    else:
        text.append(f"Why {row.omission.claim} is an omission", Style(bold=True))
        lines = why_omission(row.omission, comparison)
    text.append("  ")
    text.append_text(decided_text(row, palette))
    for line in lines:
        text.append("\n")
        text.append_text(literal(line))
    return text


class WhyPane(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    WhyPane {
        display: none;
        height: auto;
        max-height: 35%;
        padding: 0 1;
        background: $boost;
        scrollbar-size-vertical: 1;
        border-top: solid $primary 40%;
        border-title-align: left;
        border-title-color: $text-muted;
    }
    WhyPane.-open { display: block; }
    WhyPane > Static { width: 1fr; }
    /* While it is open the row's detail keeps three lines (it scrolls), or the rows have none left at 80x24. */
    Screen.-why-open RowDetail { max-height: 3; }
    Screen.-why-open RowDetail.-whole { max-height: 50%; }
    """
    SCOPED_CSS = False

    KEYS = "v confirm  b split  l link  x not same  ! conflict  u/U undo/redo  r to review"
    """The review's keys, on the pane's top edge: the key bar has room for few of them."""
    REFUSED = "review.yaml cannot be used: no change until it is fixed"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Static(id="why-text")  # made now, so the pane can be filled before it is mounted
        self._plain = ""
        self.border_title = Content(self.KEYS)

    def compose(self) -> ComposeResult:
        yield self._text

    @property
    def open(self) -> bool:
        return self.has_class("-open")

    @property
    def text(self) -> str:
        """What the pane reads now, as plain text (one line per line of evidence)."""
        return self._plain

    def show(self, comparison: Comparison, row: Row | None) -> None:
        # While the review file cannot be used every change is refused: its edge says so instead of offering keys.
        refused = comparison.review is not None and comparison.review.problem is not None
        self.border_title = Content(self.REFUSED if refused else self.KEYS)
        palette = Palette.from_variables(self.app.theme_variables)
        text = why_text(comparison, row, palette)
        self._plain = text.plain
        self._text.update(hanging(text))
        self.scroll_home(animate=False)


def hanging(text: Text) -> Group:
    """``text``'s lines each indented by its leading spaces as a whole, so a wrapped line goes on under its own
    start ("shared: ..." wrapped stays indented under "shared:"), not at the pane's edge."""
    parts = []
    for line in text.split("\n"):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        parts.append(Padding(line[indent:], (0, 0, 0, indent)))
    return Group(*parts)
