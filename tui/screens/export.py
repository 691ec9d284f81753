"""``ExportDialog``: choose a format and a path; the engine's exporters write the file; the dialog says where.

With a comparison it exports that pair as it is on disk now (``comparisons.reports.render`` then an atomic write);
without one it exports the whole library (``comparisons.reports.export_all``) into a folder with a progress bar.
Both run in a worker; a failure is shown in the dialog and the dialog stays open to try another path.

The Export button has the focus, so Enter exports what the dialog proposes. The file's extension follows the format
(choosing Markdown turns ``call.html`` into ``call.md``: HTML is never written to a ``.md``). A file that exists
is replaced only after a second Export ("Overwrite"). The app remembers the folder and the format for the next
export.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from comparisons.model import Comparison
from readouts.errors import DualreadError
from tui.screens import styles
from tui.screens.error import WorkerErrors
from tui.widgets.texts import counted, literal

__all__ = ["ExportDialog", "default_path"]

FORMATS = (("HTML report", "html"), ("Markdown", "md"), ("CSV table", "csv"), ("JSON (dualread/comparison@1)", "json"))
SUFFIXES = {f".{fmt}" for _, fmt in FORMATS}


def with_format(path: str, fmt: str) -> str:
    """``path`` with the extension of ``fmt`` when it ends in another format's (or none); a file name of the user's
    own (``notes.txt``) keeps its extension."""
    candidate = Path(path)
    if not candidate.name or candidate.suffix.lower() not in SUFFIXES | {""}:
        return path
    return str(candidate.with_suffix(f".{fmt}"))


def default_path(pair_id: str | None, fmt: str, folder: Path) -> Path:
    """``<folder>/<pair-id>.<fmt>`` for one pair, ``<folder>/dualread-<fmt>`` for the whole library."""
    if pair_id is None:
        return folder / f"dualread-{fmt}"
    return folder / f"{pair_id}.{fmt}"



SHOWN = 3
"""Pairs a notice names before "and N more": a toast of eleven paths ran off the top of an 80x24 screen, taking
the line that said what was written with it."""


def few(items: list[str]) -> str:
    """The first ``SHOWN`` items, and how many more."""
    more = f" and {len(items) - SHOWN:,} more" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def not_exported(failed: list[tuple[str, str]], root: Path, fmt: str, index: str) -> str:
    """What the notice says of the pairs an export left out: each with its problem when there is one, else their
    ids and where each problem is written out (the index; for CSV, which has none, the library's list)."""
    if len(failed) == 1:
        pair_id, why = failed[0]
        return f"not exported: {pair_id}: {why.replace(str(root.resolve()) + os.sep, '')}"
    where = "the library list" if fmt == "csv" else index
    return f"{counted(len(failed), 'pair')} not exported: {few([pid for pid, _ in failed])} ({where} says why)"

class ExportDialog(WorkerErrors, ModalScreen[Path | None]):
    DEFAULT_CSS = styles.EXPORT
    SCOPED_CSS = False
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, comparison: Comparison | None, folder: Path | None = None, fmt: str = "html") -> None:
        super().__init__()
        self.comparison = comparison
        self.folder = folder or Path.cwd()
        self.pair_id = comparison.pair.id if comparison else None
        self.format = fmt if fmt in {f for _, f in FORMATS} else "html"
        self._auto_path = str(default_path(self.pair_id, self.format, self.folder))
        self._confirmed: Path | None = None
        """A file that exists and that the user has been asked about: the next Export replaces it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = f"Export {self.pair_id}" if self.pair_id else "Export the whole library"
            yield Label("Format")
            yield Select(FORMATS, value=self.format, allow_blank=False, id="export-format", compact=True)
            yield Label("Write to" if self.pair_id else "Into the folder")
            yield Input(self._auto_path, id="export-path", compact=True)
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-go", Button).focus()

    @on(Select.Changed, "#export-format")
    def format_changed(self, event: Select.Changed) -> None:
        """Follow the format with the path: the suggested one, or the extension of a path typed by the user."""
        path_input = self.query_one("#export-path", Input)
        fmt = str(event.value)
        if path_input.value == self._auto_path:
            self._auto_path = str(default_path(self.pair_id, fmt, self.folder))
            path_input.value = self._auto_path
        elif self.pair_id is not None:
            path_input.value = with_format(path_input.value, fmt)

    @on(Input.Changed, "#export-path")
    def path_changed(self) -> None:
        self._unconfirm()

    def _unconfirm(self) -> None:
        if self._confirmed is not None:
            self._confirmed = None
            self.query_one("#export-go", Button).label = "Export"
            self.status("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def start(self) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.status("Give a path to write to.", error=True)
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if self.pair_id is not None and path.suffix.lower() in SUFFIXES and path.suffix.lower() != f".{fmt}":
            self.status(f"{path.name} names another format than the one chosen: choose its format or another name.",
                        error=True)
            return
        if self.pair_id is not None and path.exists() and self._confirmed != path:
            self._confirmed = path
            self.query_one("#export-go", Button).label = "Overwrite"
            self.status(f"{path} exists. Press Overwrite (Enter) to replace it, or change the path.", error=True)
            return
        self.query_one("#export-go", Button).disabled = True
        self.status("Exporting…")
        self.export(fmt, path)

    def status(self, message: str, *, error: bool = False) -> None:
        box = self.query_one("#export-status", Static)
        box.update(literal(message))
        box.set_class(error, "-error")

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", name="export")
    def export(self, fmt: str, path: Path) -> tuple[str, Path] | None:
        """Write the export; what to say and where, for ``done`` once this worker has ended
        (``on_worker_state_changed``): the dialog closed from inside the worker cancelled it."""
        try:
            if self.pair_id is not None:
                from comparisons.reports import render, write_problem
                from readouts.atomic import write_text_through

                # The pair as it is on disk now: replaced since the dialog opened, it is the new one that is written.
                text = render(self.app.compare(self.pair_id), fmt)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)  # as `dualread export` does
                    write_text_through(path, text)  # a link stays a link, a device a device
                except OSError as error:
                    raise write_problem(error, path) from None
                return f"Wrote {path}", path
            else:
                from comparisons.reports import export_all

                summary = export_all(self.app.library, self.app.options, fmt, path, progress=self.progress)
                note = f"Wrote {counted(summary.exported, 'pair')} to {path} (index: {summary.index.name})"
                if summary.stale:
                    note += "; stale review decisions, kept and not applied: " + few(
                        [f"{pid} ({count})" for pid, count in summary.stale])
                if summary.failed:
                    note += "; " + not_exported(summary.failed, self.app.library.root, fmt, summary.index.name)
                return note, path
        except DualreadError as error:
            self.app.call_from_thread(self.failed, str(error))
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An export that ended: the dialog closes (``WorkerErrors`` handles one that raised)."""
        if event.worker.name == "export" and event.state == WorkerState.SUCCESS and event.worker.result:
            self.done(*event.worker.result)

    def progress(self, done: int, total: int, pair_id: str) -> None:
        """Called by ``export_all`` from the worker thread after each pair."""
        def show() -> None:
            bar = self.query_one("#export-progress", ProgressBar)
            bar.add_class("-shown")
            bar.update(total=total, progress=done)
            self.status(f"Exported {pair_id} ({done} of {total})")

        self.app.call_from_thread(show)

    def failed(self, message: str) -> None:
        self.query_one("#export-go", Button).disabled = False
        self.status(message, error=True)

    def worker_failed(self, worker: Worker) -> None:
        self.failed("The export stopped with an error.")

    def done(self, message: str, path: Path) -> None:
        self.app.notify(message, title="Exported", timeout=8, markup=False)
        # The next export (another format, another pair) is offered the same folder and format.
        self.app.export_folder = path.parent
        self.app.export_format = str(self.query_one("#export-format", Select).value)
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
