"""``LibraryScreen``: the pairs of the library, newest first, filtered as you type; Enter opens one.

The table appears from the pairs' metadata alone (read before the first frame for a library of a few dozen pairs,
by a worker for a larger one); a worker then compares each pair through the cache and fills in its counts and
coverage glance, so a large or uncached library never delays the first screen. A pair that
cannot be read is listed with its problem (SPEC §9) and opening it explains instead of failing.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Input, Static

from readouts.errors import DualreadError
from readouts.model import Pair
from tui.screens.error import ErrorModal, WorkerErrors
from tui.screens.pair_actions import PairActions
from tui.widgets.key_bar import KeyBar
from tui.widgets.library.filter_box import FilterBox
from tui.widgets.library.filter_hint import FilterHint
from tui.widgets.library.listing import Figures, Listing, listings, matches
from tui.widgets.library.pair_preview import PairPreview
from tui.widgets.library.pair_table import PairTable
from tui.widgets.texts import literal

__all__ = ["LibraryScreen"]


class LibraryScreen(PairActions, WorkerErrors, Screen[None]):
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("a", "add_pair", "Add pair", id="library.add"),
        Binding("E", "edit_pair", "Edit", id="library.edit",
                tooltip="Edit the pair: its event, date, people, each side's details, sides added or removed"),
        Binding("d", "delete_pair", "Delete", id="library.delete", tooltip="Delete the pair (asks first)"),
        Binding("e", "export", "Export all", id="library.export"),
        Binding("r", "reload", "Reload", id="library.reload",
                tooltip="Reload: read the library folder again (it is also watched for changes)"),
        Binding("question_mark", "help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    KEY_BAR_OPTIONAL = ("export", "delete_pair", "edit_pair", "reload")
    """Left out of a narrow key bar, in this order (all stay in the palette and the help): 80 columns keep Quit."""

    FILTER_PLACEHOLDER = "/ Filter by event, date, id or side · Enter or double-click opens"

    AUTO_FOCUS = "#pairs"
    """The table has the focus from the start (Textual's default would focus the filter, then we would move it)."""

    def __init__(self) -> None:
        super().__init__()
        self.all: list[Listing] = []
        self.figures: dict[str, Figures] = {}
        self.typing = False
        """The filter was started and has not been left: every letter reaching the screen is typed into it."""
        self.to_select: str | None = None
        """A pair to put the cursor on as soon as the table lists it (one just added, or the one `dualread open`
        showed first, so Back lands on it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield FilterHint(self.FILTER_PLACEHOLDER, id="filter-hint")  # the Input comes with the filter's first use
        yield PairTable(id="pairs")
        yield PairPreview(id="preview")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        title = literal("dualread › library  ", "bold")
        title.append_text(literal(str(self.app.library.root), "dim"))
        self.query_one("#library-title", Static).update(title)
        self.reload()

    def on_screen_resume(self) -> None:
        if self.app.library_changed:
            self.app.library_changed = False
            self.reload()

    SMALL_LIBRARY = 40
    """Up to this many pair folders (samples included) the library is read before the first frame (a few ms);
    a larger one is read by a worker, behind a "Reading the library…" line."""

    def reload(self) -> None:
        library = self.app.library
        if self.pair_folders(library) <= self.SMALL_LIBRARY:
            self.show_listings(listings(library))
            return
        self.query_one(PairPreview).update(literal("Reading the library…", "italic"))
        # Started after the first paint: the worker's YAML parsing would compete with it for the interpreter.
        self.call_after_refresh(self.read_library)

    @staticmethod
    def pair_folders(library) -> int:
        """How many pair folders ``library`` holds, counted without reading any (a directory listing)."""
        try:
            user = sum(1 for entry in library.root.iterdir() if entry.is_dir() and not entry.name.startswith("."))
        except OSError:
            user = 0
        return user + len(library.sample_ids())

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing", name="read the library")
    def read_library(self) -> None:
        found = listings(self.app.library)
        self.app.call_from_thread(self.show_listings, found)

    def show_listings(self, found: list[Listing]) -> None:
        self.all = found
        # Figures by each pair as listed now (its key): a pair replaced on disk gets none until it is compared again.
        store = self.app.store
        self.figures = {i.id: f for i in found if i.pair is not None and (f := store.figures(i.pair)) is not None}
        self.refilter()
        if self.to_select is not None:
            self.select_pending()
        missing = [i.pair for i in self.all if i.pair is not None and i.id not in self.figures]
        if missing:
            # After the table's paint: the worker's comparisons compete for the interpreter, the table comes first.
            self.call_after_refresh(self.fill_figures, missing)

    def library_changed(self) -> None:
        """The library folder changed on disk (``DualreadApp`` watches it): list it again, the cursor staying on
        its pair."""
        self.reload()

    def recolour(self) -> None:
        self.query_one(PairTable).recolour()
        self.update_preview()

    @property
    def filter_input(self) -> Input | None:
        """The filter's ``Input``, once the filter has been used (before that, a ``FilterHint`` stands in)."""
        found = self.query("#filter")
        return found.first(Input) if found else None

    def open_filter(self) -> Input:
        """The filter's ``Input``, put in the hint's place on first use (one line, as ``compact=True`` would draw
        it: dualread.tcss; setting ``compact`` would cost a restyle while the screen is being built)."""
        field = self.filter_input
        if field is None:
            field = FilterBox(placeholder=self.FILTER_PLACEHOLDER, id="filter", select_on_focus=False)
            hint = self.query_one(FilterHint)
            self.mount(field, before=hint)
            hint.remove()
        return field

    @on(FilterHint.Wanted)
    def filter_wanted(self) -> None:
        self.action_filter()

    def refilter(self) -> None:
        field = self.filter_input
        text = field.value if field is not None else ""
        shown = [i for i in self.all if matches(i, text)]
        self.query_one(PairTable).show(shown, self.figures)
        self.update_preview()

    @property
    def current(self) -> Listing | None:
        pair_id = self.query_one(PairTable).current_id
        return next((i for i in self.all if i.id == pair_id), None)

    def update_preview(self) -> None:
        listing = self.current
        self.query_one(PairPreview).show(listing, self.figures.get(listing.id) if listing else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="figures", name="compare the library's pairs")
    def fill_figures(self, pairs: list[Pair]) -> None:
        """Compare each pair as listed (cached after the first time) and show its figures as soon as it is done."""
        store = self.app.store
        for pair in pairs:
            try:
                store.compare(pair)
                figures = store.figures(pair)
            except DualreadError as error:
                self.app.call_from_thread(self.mark_broken, pair.id, str(error))
                continue
            if figures is not None:
                self.app.call_from_thread(self.show_figures, pair, figures)

    def show_figures(self, pair: Pair, figures: Figures) -> None:
        """Show ``figures`` on ``pair``'s line, unless the pair listed under its id is no longer that pair."""
        listing = next((i for i in self.all if i.id == pair.id), None)
        if listing is None or listing.pair != pair:
            return
        self.figures[pair.id] = figures
        self.query_one(PairTable).set_figures(pair.id, figures)
        if self.current and self.current.id == pair.id:
            self.update_preview()

    def mark_broken(self, pair_id: str, problem: str) -> None:
        self.all = [Listing(i.id, None, problem) if i.id == pair_id else i for i in self.all]
        self.refilter()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.action_open_pair()

    @on(PairTable.Highlighted)
    def pair_highlighted(self) -> None:
        self.update_preview()

    @on(PairTable.Selected)
    def pair_selected(self) -> None:
        self.action_open_pair()

    TYPED_KEYS = {"filter", "add_pair", "edit_pair", "delete_pair", "export", "reload", "help", "app.quit"}
    """Actions bound to printable keys: while the filter has the focus, those keys are typed into it instead (and
    the key bar does not offer them; Textual does not count "/" as printable, so "/ Filter" stayed on show)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.TYPED_KEYS and isinstance(self.focused, Input):
            return False
        return True

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, PairTable):
            self.typing = False  # the user went back to the table: its letters are commands again
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def on_key(self, event: Key) -> None:
        """Filter as you type: a letter typed on the table that is no command starts the filter, and once the
        filter is started (by a letter or "/") every letter goes to it, even one that reaches the screen before the
        focus has moved (a terminal delivers fast typing in one burst): the "a" of "/area" never opens the add
        form. Arrows in the filter move the table."""
        filter_input = self.filter_input
        table = self.query_one(PairTable)
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.binding.action == "filter":
            # Typing starts here, not when the binding runs: the letters after "/" are on their way already.
            self.typing = True
            return
        printable = event.is_printable and bool(event.character and event.character.strip())
        if printable and (self.typing or event.key not in self.active_bindings):
            event.stop()
            event.prevent_default()
            self.typing = True
            filter_input = self.open_filter()
            if self.focused is not filter_input:
                filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)
        elif event.key in self.active_bindings:
            return
        elif filter_input is not None and self.focused is filter_input and event.key in ("down", "up", "pagedown", "pageup"):
            event.stop()
            step = {"down": 1, "up": -1, "pagedown": table.size.height - 2, "pageup": 2 - table.size.height}
            table.move_to(table.cursor_row + step[event.key])

    def action_clear_filter(self) -> None:
        """Esc in the filter (``FilterBox``'s binding): an empty filter, and the table to move on."""
        self.typing = False
        filter_input = self.filter_input
        if filter_input is not None:
            filter_input.value = ""
        self.query_one(PairTable).focus()

    def action_filter(self) -> None:
        self.typing = True
        self.open_filter().focus()

    def action_open_pair(self) -> None:
        listing = self.current
        if listing is None:
            return
        if listing.broken:
            self.app.push_screen(ErrorModal(f"Cannot open {listing.id}", listing.problem or "broken pair"))
            return
        self.app.open_pair(listing.id)

    def action_add_pair(self) -> None:
        self.app.add_pair(then=self.select_added)

    def select_added(self, pair_id: str | None) -> None:
        """Put the cursor on the pair just added (Enter then opens it), once the library is read again."""
        if pair_id is None:
            return
        self.to_select = pair_id
        if self.app.library_changed:
            self.app.library_changed = False
            self.reload()
        else:
            self.select_pending()

    def select_when_listed(self, pair_id: str) -> None:
        self.to_select = pair_id
        if self.is_mounted:
            self.select_pending()

    def select_pending(self) -> None:
        table = self.query_one(PairTable)
        if self.to_select in table.row_ids:
            table.move_to(table.row_ids.index(self.to_select))
            self.to_select = None

    def action_export(self) -> None:
        self.app.export(None)

    def action_reload(self) -> None:
        self.reload()

    def action_help(self) -> None:
        self.app.show_help()
