"""``AddPairScreen``: a form that adds a pair to the library with exactly the rules of ``dualread add``.

While the user types, each field is checked with the library's own rule functions (``check_pair_id``,
``parse_date``, ``check_side_key``) and the problem shows under it; an id a bundled sample has is allowed, as in
``dualread add`` (the user's pair then shows in the sample's place), with a note saying so. Saving calls the same
function as the command line, ``readouts.adding.add_pair``, in a worker, so importing the sources, every check and
the atomic save are the same; its error lands under the field it names (a bad file under that side).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker

from readouts.errors import DualreadError
from tui.screens import styles
from tui.screens.error import WorkerErrors
from tui.widgets.key_bar import KeyBar
from tui.widgets.texts import literal

__all__ = ["AddPairScreen", "field_for_error"]

MAX_SIDES = 6


def field_for_error(error: DualreadError, sources: dict[str, str]) -> str:
    """Which form field an ``add_pair`` error is about: ``id``, ``event``, ``date``, ``side-N`` or ``form``."""
    from readouts.library import PairExistsError

    if isinstance(error, PairExistsError) or error.field == "id":
        return "id"
    if error.field in ("event", "date"):
        return error.field
    if error.field == "--participant":
        return "participants"
    for n, (key, source) in enumerate(sources.items()):
        if error.file and source and str(error.file) in (source, source.strip()):
            return f"side-{n}"
        if isinstance(error.value, str) and error.value in (key, f"{key}="):
            return f"side-{n}"
    if error.field == "sides" and sources:
        return "side-0"
    return "form"


def taken(pair_id: str) -> str:
    """What the form says of an id the library already holds (the form replaces nothing)."""
    return f"pair '{pair_id}' already exists in the library: choose another id"


@dataclass(frozen=True)
class AddRequest:
    pair_id: str
    event: str
    date: str
    sources: tuple[tuple[str, str], ...]
    """(side key, source) per filled-in row, in order: two rows with one key are refused, not merged."""
    publishers: dict[str, str]
    participants: tuple[str, ...] = ()
    """``NAME=ALIAS,...`` per person, as ``dualread add --participant`` takes them."""


class AddPairScreen(WorkerErrors, Screen[str | None]):
    DEFAULT_CSS = styles.ADD_PAIR
    SCOPED_CSS = False
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="add.save"),
        Binding("ctrl+n", "add_side", "Another side", id="add.side"),
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sides = 2

    def compose(self) -> ComposeResult:
        yield Static(literal("dualread › add a pair", "bold"), id="add-title")
        with VerticalScroll(id="add-form"):
            yield from self._field("id", "Pair id", "e.g. 2024-05-01-leaders-call (a-z, 0-9, '-')")
            yield from self._field("event", "Event", "what happened, e.g. Biden–Xi telephone call")
            yield from self._field("date", "Date", "YYYY-MM-DD")
            yield from self._field("participants", "People", "optional: Joseph R. Biden=Biden, President Biden; "
                                   "Vladimir Putin=Putin")
            yield Static("Sides: a key (e.g. white-house), a .txt/.md/.html file or an http(s) URL, "
                         "and the publisher (optional). At least two.", classes="add-help")
            for n in range(self.sides):
                yield from self._side(n)
            yield Static(id="error-form", classes="field-error")
            with Horizontal(id="add-buttons"):
                yield Button("Save", variant="primary", id="add-save", compact=True)
                yield Button("+ side", id="add-side", compact=True)
                yield Button("Cancel", id="add-cancel", compact=True)
        yield KeyBar(id="keys")

    @staticmethod
    def _field(name: str, label: str, placeholder: str) -> list:
        row = Horizontal(
            Label(label, classes="add-label"),
            Input(placeholder=placeholder, id=f"input-{name}", compact=True),
            classes="add-row",
        )
        return [row, Static(id=f"error-{name}", classes="field-error")]

    @staticmethod
    def _side(n: int) -> list:
        row = Horizontal(
            Label(f"Side {n + 1}", classes="add-label"),
            Input(placeholder="key", id=f"input-key-{n}", classes="side-key", compact=True),
            Input(placeholder="file path or URL", id=f"input-source-{n}", classes="side-source",
                  compact=True),
            Input(placeholder="publisher", id=f"input-publisher-{n}", classes="side-publisher", compact=True),
            classes="add-row side-row",
            id=f"side-row-{n}",
        )
        return [row, Static(id=f"error-side-{n}", classes="field-error")]

    def on_mount(self) -> None:
        self.query_one("#input-id", Input).focus()

    def value(self, name: str) -> str:
        return self.query_one(f"#input-{name}", Input).value.strip()

    def show_error(self, name: str, message: str | None) -> None:
        box = self.query_one(f"#error-{name}", Static)
        box.update(literal(message or ""))
        box.set_class(bool(message), "-shown")

    @on(Input.Changed)
    def check_field(self, event: Input.Changed) -> None:
        """Check the field just edited with the rules ``dualread add`` applies (nothing is read or written yet)."""
        from readouts.pairfile import check_pair_id, check_side_key, parse_date

        name = (event.input.id or "").removeprefix("input-")
        text = event.value.strip()
        note = None
        try:
            if name == "id" and text:
                check_pair_id(text, field=None)
                if (self.app.library.root / text).exists():
                    raise DualreadError(taken(text))
                if text in self.app.library.sample_ids():
                    note = "the id of a bundled sample: your pair will show in its place in this library"
            elif name == "date" and text:
                parse_date(text, field=None)
            elif name.startswith("key-") and text:
                check_side_key(text, field=None)
        except DualreadError as error:
            self.show_error(self._error_box(name), str(error))
            return
        self.show_error(self._error_box(name), note)
        self.query_one(f"#error-{self._error_box(name)}", Static).set_class(note is not None, "-working")

    @staticmethod
    def _error_box(name: str) -> str:
        for prefix in ("key-", "source-", "publisher-"):
            if name.startswith(prefix):
                return "side-" + name.removeprefix(prefix)
        return name

    def request(self) -> AddRequest:
        """The form as ``add_pair``'s arguments: rows with a key or a source, in order."""
        sides = [(self.value(f"key-{n}"), self.value(f"source-{n}"), self.value(f"publisher-{n}"))
                 for n in range(self.sides)]
        given = [s for s in sides if s[0] or s[1]]
        return AddRequest(
            pair_id=self.value("id"),
            event=self.value("event"),
            date=self.value("date"),
            sources=tuple((k, src) for k, src, _ in given),
            publishers={k: p for k, _, p in given if p and k},
            participants=tuple(p.strip() for p in self.value("participants").split(";") if p.strip()),
        )

    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        for name in ["id", "event", "date", "participants", "form"] + [f"side-{n}" for n in range(self.sides)]:
            self.show_error(name, None)
        self.query_one("#add-save", Button).disabled = True
        self.query_one("#error-form", Static).update(literal("Reading the sources…", "italic"))
        self.query_one("#error-form", Static).add_class("-shown", "-working")
        self.save(self.request())

    @work(thread=True, exclusive=True, exit_on_error=False, group="add", name="add the pair")
    def save(self, request: AddRequest) -> None:
        from readouts.adding import add_pair
        from readouts.library import Library, PairExistsError

        try:
            from tui.commands.add import parse_participants

            result = add_pair(Library(self.app.library.root), request.pair_id, request.event, request.date,
                              request.sources, publishers=request.publishers,
                              participants=parse_participants(list(request.participants)))
        except DualreadError as error:
            field = field_for_error(error, dict(request.sources))
            # The engine's wording names the command line's --force, which this form does not have.
            message = taken(request.pair_id) if isinstance(error, PairExistsError) else str(error)
            self.app.call_from_thread(self.failed, field, message)
            return
        self.app.call_from_thread(self.saved, request.pair_id, result.summary())

    def failed(self, field: str, message: str) -> None:
        self.query_one("#add-save", Button).disabled = False
        self.query_one("#error-form", Static).remove_class("-working")
        self.show_error("form", None)
        self.show_error(field, message)

    def worker_failed(self, worker: Worker) -> None:
        self.failed("form", "")

    def saved(self, pair_id: str, message: str) -> None:
        self.app.library_changed = True
        self.app.notify(message or f"added {pair_id}", title="Pair added", markup=False)
        self.dismiss(pair_id)

    @on(Button.Pressed, "#add-side")
    async def action_add_side(self) -> None:
        if self.sides >= MAX_SIDES:
            return
        n = self.sides
        self.sides += 1
        anchor = self.query_one("#error-form")
        form = self.query_one("#add-form", VerticalScroll)
        await form.mount_all(self._side(n), before=anchor)
        self.query_one(f"#input-key-{n}", Input).focus()

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
