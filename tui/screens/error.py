"""``ErrorModal``: a problem shown to the user in a dialog, never as a crash; ``WorkerErrors``: the one place a
failed worker becomes that dialog.

Every screen that runs workers mixes in ``WorkerErrors``; its ``on_worker_state_changed`` pushes an ``ErrorModal``
with the error's one-line text (a ``DualreadError`` names file, field and value) and calls ``worker_failed`` so the
screen can leave its loading state.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static
from textual.worker import Worker, WorkerState

from tui.screens import styles
from tui.widgets.texts import literal

__all__ = ["ErrorModal", "WorkerErrors"]


class ErrorModal(ModalScreen[None]):
    DEFAULT_CSS = styles.ERROR
    SCOPED_CSS = False
    BINDINGS = [
        Binding("escape,enter,q", "dismiss_error", "Close", id="error.close"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Label(literal(self.title_text), id="error-title")
            yield Static(literal(self.message), id="error-message")
            yield Button("OK", variant="error", id="error-ok")

    def on_mount(self) -> None:
        self.query_one("#error-ok", Button).focus()

    @on(Button.Pressed, "#error-ok")
    def action_dismiss_error(self) -> None:
        self.dismiss(None)


class WorkerErrors:
    """Mixin for screens: a worker that raised shows an ``ErrorModal`` (workers run with ``exit_on_error=False``)."""

    def worker_failed(self, worker: Worker) -> None:
        """Hook: undo the screen's loading state after ``worker`` failed."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = str(error) or type(error).__name__
        self.worker_failed(event.worker)
        self.app.push_screen(ErrorModal(f"Could not {event.worker.name or 'finish'}", message))
