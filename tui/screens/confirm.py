"""``ConfirmModal``: a yes-or-no question before something the UI cannot undo (deleting or replacing a pair,
discarding a filled form).

The safe answer has the focus, so Enter or Esc keeps things as they are; going ahead takes a deliberate move to the
other button (Tab, then Enter, or a click). There is no one-letter shortcut for it: letters typed in a burst (a
word meant for the filter) must never delete anything. Dismissed with ``True`` to go ahead, ``False`` not to.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui.screens import styles
from tui.widgets.texts import literal

__all__ = ["ConfirmModal"]


class ConfirmModal(ModalScreen[bool]):
    DEFAULT_CSS = styles.CONFIRM
    SCOPED_CSS = False
    BINDINGS = [
        Binding("escape", "keep", "Keep", id="confirm.keep"),
        Binding("left,right", "app.focus_next", "Other answer", show=False, id="confirm.other"),
    ]

    def __init__(self, title: str, message: str, go: str, keep: str = "Keep") -> None:
        super().__init__()
        self.title_text, self.message, self.go, self.keep = title, message, go, keep

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(literal(self.title_text), id="confirm-title")
            yield Static(literal(self.message), id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.keep, variant="primary", id="confirm-keep", compact=True)
                yield Button(self.go, variant="error", id="confirm-go", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-keep", Button).focus()

    @on(Button.Pressed, "#confirm-keep")
    def action_keep(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm-go")
    def go_pressed(self) -> None:
        self.dismiss(True)
