"""``AddPairScreen``: a form that adds a pair to the library with exactly the rules of ``dualread add``, or edits
one of the library's pairs.

While the user types, each field is checked with the library's own rule functions (``check_pair_id``,
``parse_date``, ``check_side_key``) and the problem shows under it; an id a bundled sample has is allowed, as in
``dualread add`` (the user's pair then shows in the sample's place), with a note saying so; an id the library
holds is replaced (``dualread add --force``) after a confirmation. Saving calls the same function as the command
line, ``readouts.adding.add_pair`` (``edit_pair`` for an edit), in a worker, so importing the sources, every check
and the atomic save are the same; its error lands under the field it names (a bad file under that side's row).

An edit (``AddPairScreen(editing=pair)``) opens the form filled: the id cannot change, each stored side's source
is empty, meaning "keep the text" (so an edit of the event, date, titles or people keeps the comparison's cache
and the review), and typing a file or URL there replaces that side's text. Each side has its own title, URL and
language, and a row can be removed (✕). Esc on a form whose fields differ from how it opened asks first.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from readouts.errors import DualreadError
from readouts.model import Pair
from readouts.textshape import one_line
from tui.screens import styles
from tui.screens.error import WorkerErrors
from tui.screens.pair_request import PairRequest, SideRow, field_for_error, people_text, request_from
from tui.widgets.key_bar import KeyBar
from tui.widgets.texts import literal

__all__ = ["AddPairScreen"]

MAX_SIDES = 6
SIDE_FIELDS = ("key", "source", "publisher", "title", "url", "language")


def taken(pair_id: str) -> str:
    """What the form says of an id the library already holds: saving replaces that pair, after asking."""
    return f"pair '{pair_id}' already exists in the library: saving replaces it (you will be asked first)"


class AddPairScreen(WorkerErrors, Screen[str | None]):
    DEFAULT_CSS = styles.ADD_PAIR
    SCOPED_CSS = False
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="add.save"),
        Binding("ctrl+n", "add_side", "Another side", id="add.side"),
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
    ]

    def __init__(self, editing: Pair | None = None) -> None:
        super().__init__()
        self.editing = editing
        """The pair being edited (the form opens filled), or ``None`` to add a new one."""
        self.rows: list[int] = list(range(len(editing.sides) if editing else 2))
        """The side rows on the form, by number (a removed row's number is not reused)."""
        self.next_row = len(self.rows)
        self.opened_as: tuple = ()
        """The fields as the form opened: Esc leaves at once only if nothing differs."""

    def compose(self) -> ComposeResult:
        heading = f"dualread › edit {self.editing.id}" if self.editing else "dualread › add a pair"
        yield Static(literal(heading, "bold"), id="add-title")
        with VerticalScroll(id="add-form"):
            yield from self._field("id", "Pair id", "e.g. 2024-05-01-leaders-call (a-z, 0-9, '-')")
            yield from self._field("event", "Event", "what happened, e.g. Biden–Xi telephone call")
            yield from self._field("date", "Date", "YYYY-MM-DD")
            # The example shows the whole syntax and fits at 80 columns: ';' between people, '=' then aliases, ','
            # between them, and double quotes around a name holding one of those.
            yield from self._field("participants", "People", 'optional: Xi Jinping=Xi; Joseph R. Biden=Biden, '
                                   '"Biden, Jr."')
            help_text = ("Sides: a key (e.g. white-house), a .txt/.md/.html file or an http(s) URL, the publisher; "
                         "title, URL and language are optional. At least two; ✕ removes a side.")
            if self.editing:
                help_text = ("Sides: leave the source empty to keep the stored text, or give a file or URL to "
                             "replace it. At least two; ✕ removes a side.")
            yield Static(help_text, classes="add-help")
            for position, row in enumerate(self.rows):
                yield from self._side(row, position)
            yield Static(id="error-form", classes="field-error")
            with Horizontal(id="add-buttons"):
                yield Button("Save", variant="primary", id="add-save", compact=True)
                yield Button("+ side", id="add-side", compact=True)
                yield Button("Cancel", id="add-cancel", compact=True)
        yield KeyBar(id="keys")

    @staticmethod
    def _field(name: str, label: str, placeholder: str) -> list[Widget]:
        row = Horizontal(
            Label(label, classes="add-label"),
            Input(placeholder=placeholder, id=f"input-{name}", compact=True),
            classes="add-row",
        )
        return [row, Static(id=f"error-{name}", classes="field-error")]

    def _side(self, n: int, position: int) -> list[Widget]:
        kept = self.editing.sides[n] if self.editing and n < len(self.editing.sides) else None
        source_hint = f"kept: {kept.file}" if kept else "file path or URL"
        first = Horizontal(
            Label(f"Side {position + 1}", classes="add-label side-label"),
            Input(placeholder="key", id=f"input-key-{n}", classes="side-key", compact=True),
            Input(placeholder=source_hint, id=f"input-source-{n}", classes="side-source", compact=True),
            Input(placeholder="publisher", id=f"input-publisher-{n}", classes="side-publisher", compact=True),
            Button("✕", id=f"remove-side-{n}", classes="side-remove", compact=True,
                   tooltip="Remove this side from the pair"),
            classes="add-row side-row",
            id=f"side-row-{n}",
        )
        second = Horizontal(
            Label("", classes="add-label"),
            Input(placeholder="title (default: first line)", id=f"input-title-{n}", classes="side-title",
                  compact=True),
            Input(placeholder="URL" if kept else "URL (default: source)", id=f"input-url-{n}",
                  classes="side-url", compact=True),
            Input(placeholder="language", id=f"input-language-{n}", classes="side-language", compact=True),
            classes="add-row side-more",
            id=f"side-more-{n}",
        )
        return [first, second, Static(id=f"error-side-{n}", classes="field-error")]

    def on_mount(self) -> None:
        if self.editing:
            self.fill(self.editing)
            event = self.query_one("#input-event", Input)
            # The cursor at the end of the event, not the whole event selected: a first key adds to it.
            event.select_on_focus = False
            event.focus()
            event.action_end()
            self.call_after_refresh(setattr, event, "select_on_focus", True)
        else:
            self.query_one("#input-id", Input).focus()
        self.opened_as = self.fields()

    def fill(self, pair: Pair) -> None:
        """The form as ``pair`` is stored; its id and its sides' keys cannot change here."""
        values = {"id": pair.id, "event": pair.event, "date": pair.date.isoformat(),
                  "participants": people_text(pair.participants)}
        for n, side in enumerate(pair.sides):
            values |= {f"key-{n}": side.key, f"publisher-{n}": side.publisher, f"title-{n}": side.title,
                       f"url-{n}": side.url, f"language-{n}": side.language}
        for name, value in values.items():
            field = self.query_one(f"#input-{name}", Input)
            # An Input holds one line (and a save stores one, as add does): a line break in a hand-written
            # pair.yaml drew the rest of the value over the fields below.
            field.value = one_line(value)
            field.cursor_position = 0  # the start of a long title shows, not its end
        self.query_one("#input-id", Input).disabled = True
        for n in range(len(pair.sides)):
            self.query_one(f"#input-key-{n}", Input).disabled = True

    def fields(self) -> tuple:
        return tuple(self.rows), tuple(field.value for field in self.query(Input))

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
        if event.input.disabled:
            return  # filled in by the edit: the stored pair is what it is
        text = event.value.strip()
        note = None
        try:
            if name == "id" and text:
                check_pair_id(text, field=None)
                if (self.app.library.root / text).exists():
                    note = taken(text)
                elif text in self.app.library.sample_ids():
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
        for prefix in SIDE_FIELDS:
            if name.startswith(f"{prefix}-"):
                return "side-" + name.removeprefix(f"{prefix}-")
        return name

    def request(self) -> PairRequest:
        """The form as ``add_pair``'s (or ``edit_pair``'s) arguments: rows with a key or a source, in order."""
        rows = [SideRow(n, *(self.value(f"{name}-{n}") for name in SIDE_FIELDS)) for n in self.rows]
        people: str | None = self.value("participants")
        if self.editing:
            if people == people_text(self.editing.participants):
                people = None  # unchanged: the stored people are kept exactly (names may hold ';' or '=')
        elif not people:
            people = None  # a replaced pair keeps its own, as with dualread add
        kept = self.editing.side_keys if self.editing else ()
        return request_from(self.value("id"), self.value("event"), self.value("date"), rows, people, kept)

    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        request = self.request()
        if not self.editing and request.pair_id and (self.app.library.root / request.pair_id).exists():
            from tui.screens.confirm import ConfirmModal

            self.app.push_screen(ConfirmModal(
                f"Replace the pair {request.pair_id}?",
                "The pair in the library is replaced by this one once every side has been read. Its review, its "
                "people (unless given here) and the pair.yaml keys dualread does not know carry over.", "Replace"),
                callback=lambda go: self.start_saving(request, force=True) if go else None)
            return
        self.start_saving(request)

    def start_saving(self, request: PairRequest, *, force: bool = False) -> None:
        """Save in a worker; ``force`` once the user said to replace the pair under this id."""
        for name in ["id", "event", "date", "participants", "form"] + [f"side-{n}" for n in self.rows]:
            self.show_error(name, None)
        self.query_one("#add-save", Button).disabled = True
        self.query_one("#error-form", Static).update(literal("Reading the sources…", "italic"))
        self.query_one("#error-form", Static).add_class("-shown", "-working")
        self.save(request, force)

    @work(thread=True, exclusive=True, exit_on_error=False, group="add", name="save the pair")
    def save(self, request: PairRequest, force: bool) -> tuple[str, str, bool] | None:
        """Write the pair; its id, summary and whether it replaced one, for ``saved`` once this worker has ended
        (``on_worker_state_changed``): the form closed from inside the worker cancelled it, a closing screen
        cancelling its workers, and the save ended "cancelled" though the pair was written."""
        from readouts.adding import add_pair, edit_pair
        from readouts.library import Library, PairExistsError
        from tui.commands.add import parse_participants, review_note

        library = Library(self.app.library.root)
        try:
            people = None
            if request.participants is not None:
                people = parse_participants(list(request.participants)) or ()
            metadata = {"publishers": request.keyword("publisher"), "titles": request.keyword("title"),
                        "urls": request.keyword("url"), "languages": request.keyword("language")}
            if self.editing:
                result = edit_pair(library, request.pair_id, request.event, request.date, request.sources,
                                   participants=people, **metadata)
            else:
                result = add_pair(library, request.pair_id, request.event, request.date, request.sources,
                                  participants=people, force=force, **metadata)
        except DualreadError as error:
            # The engine's wording names the command line's --force, which this form does not need.
            message = taken(request.pair_id) if isinstance(error, PairExistsError) else str(error)
            self.app.call_from_thread(self.failed, field_for_error(error, request), message)
            return None
        # A replaced text may leave decisions of the pair's review stale: said here, as dualread add says it.
        return request.pair_id, result.summary() + review_note(library, result), result.replaced

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A save that ended: the form closes (``WorkerErrors`` handles a save that raised)."""
        if event.worker.name == "save the pair" and event.state == WorkerState.SUCCESS and event.worker.result:
            self.saved(*event.worker.result)

    def failed(self, field: str, message: str) -> None:
        self.query_one("#add-save", Button).disabled = False
        self.query_one("#error-form", Static).remove_class("-working")
        self.show_error("form", None)
        self.show_error(field, message)

    def worker_failed(self, worker: Worker) -> None:
        self.failed("form", "")

    def saved(self, pair_id: str, message: str, replaced: bool) -> None:
        self.app.library_changed = True
        title = "Pair saved" if self.editing else "Pair replaced" if replaced else "Pair added"
        self.app.notify(message or f"added {pair_id}", title=title, markup=False)
        self.dismiss(pair_id)

    @on(Button.Pressed, "#add-side")
    async def action_add_side(self) -> None:
        if len(self.rows) >= MAX_SIDES:
            self.app.notify(f"A pair has at most {MAX_SIDES} sides in this form.", markup=False)
            return
        n = self.next_row
        self.next_row += 1
        self.rows.append(n)
        anchor = self.query_one("#error-form")
        form = self.query_one("#add-form", VerticalScroll)
        await form.mount_all(self._side(n, len(self.rows) - 1), before=anchor)
        self.query_one(f"#input-key-{n}", Input).focus()

    @on(Button.Pressed, ".side-remove")
    async def remove_side(self, event: Button.Pressed) -> None:
        """✕: the row goes from the form (a stored side then goes from the pair when it is saved)."""
        n = int((event.button.id or "").rsplit("-", 1)[1])
        if len(self.rows) <= 2:
            self.show_error(f"side-{n}", "a pair needs at least two sides: add another before removing this one")
            return
        self.rows.remove(n)
        await self.query_one(f"#side-row-{n}").remove()
        await self.query_one(f"#side-more-{n}").remove()
        await self.query_one(f"#error-side-{n}").remove()
        for position, row in enumerate(self.rows):
            self.query_one(f"#side-row-{row} .side-label", Label).update(f"Side {position + 1}")
        self.query_one(f"#input-key-{self.rows[0]}", Input).focus()

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        """Leave the form; one whose fields differ from how it opened asks first (Esc is easily pressed)."""
        if self.fields() == self.opened_as:
            self.dismiss(None)
            return
        from tui.screens.confirm import ConfirmModal

        what = "your changes to this pair" if self.editing else "what is typed in the form"
        self.app.push_screen(ConfirmModal("Discard the form?", f"Leaving now loses {what}.", "Discard",
                                          keep="Keep editing"),
                             callback=lambda go: self.dismiss(None) if go else None)
