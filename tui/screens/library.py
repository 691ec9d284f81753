"""``LibraryScreen``: the pairs of the library, newest first, filtered as you type; Enter opens one; Ctrl+F
searches every claim (``LibrarySearchScreen``); ``t`` lists only the pairs where some side raises a topic
(``TopicChoice``); ``o`` sorts by the next column (date, event, claims, links, omissions, conflicts), ``O`` the
other way round, as does a click on a column's header.

The pairs come from the library's catalog (``tui.library_view``): read before the first frame for a library of a
few dozen pairs; for a larger one a worker lists the catalog as it is, then brings it in step with the folders and
lists again if anything changed, so 10,000 pairs show without 10,000 folders being read. Figures (counts and the
coverage glance) come from the catalog's claim index: first for the rows on screen (compared on the spot when they
are not indexed), then for the rest by a background worker at low priority (``tui.background``: a nice'd thread
that rests as long as it works), its progress in the title line. A pair that cannot be read is listed with its
problem (SPEC §9) and opening it explains instead of failing.

The topic filter and the orders by a figure read the figures known so far: pairs not compared yet are left out of
a topic's list and sorted last, and come in as the background worker reaches them (the title line says how far it
is, with the topic and the order in force).
"""

from __future__ import annotations

import os
import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from readouts.errors import DualreadError
from tui.background import DUTY, lower_this_thread, rest
from tui.screens.error import ErrorModal, WorkerErrors
from tui.screens.pair_actions import PairActions
from tui.widgets.key_bar import KeyBar
from tui.widgets.library.filter_box import FilterBox
from tui.widgets.library.filter_hint import FilterHint
from tui.widgets.library.listing import Figures, Listing, matches
from tui.widgets.library.pair_preview import PairPreview
from tui.widgets.library.pair_table import PairTable
from tui.widgets.library.sorting import FIGURE_SORTS, Sort, raises_topic, sort_listings
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
        Binding("ctrl+f", "search_library", "Search", id="library.search",
                tooltip="Search every claim of the library; Enter on a result opens its comparison on that row"),
        Binding("t", "choose_topic", "Topic", id="library.topic",
                tooltip="List only the pairs where some side raises a topic"),
        Binding("o", "sort", "Sort", id="library.sort",
                tooltip="Sort by the next column: date, event, claims, links, omissions, conflicts"),
        Binding("O", "reverse_sort", "Reverse order", id="library.sort.reverse", show=False,
                tooltip="Sort the other way round"),
        Binding("r", "reload", "Reload", id="library.reload",
                tooltip="Reload: read the library folder again (it is also watched for changes)"),
        Binding("question_mark", "help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    KEY_BAR_OPTIONAL = ("sort", "choose_topic", "export", "delete_pair", "search_library", "edit_pair", "reload")
    """Left out of a narrow key bar, in this order (all stay in the palette and the help): 100 columns keep the
    pair's keys, Search and Reload; 80 keep Add, Edit, Reload and Quit. Topic and sort are also the help's and a
    header click away."""

    FILTER_PLACEHOLDER = "/ Filter by event, date, id or side · Enter or double-click opens"

    AUTO_FOCUS = "#pairs"
    """The table has the focus from the start (Textual's default would focus the filter, then we would move it)."""

    def __init__(self) -> None:
        super().__init__()
        self.all: list[Listing] = []
        self.figures: dict[str, Figures] = {}
        self.typing = False
        """The filter was started and has not been left: every letter reaching the screen is typed into it."""
        self.broken_ids: set[str] = set()
        """Pairs listed with a problem: they have no figures to ask for."""
        self.wanted: frozenset[str] = frozenset()
        """Pairs whose figures the worker for the rows on screen is fetching (so scrolling asks once)."""
        self.indexing: tuple[int, int] | None = None
        """(done, total) while the background worker computes figures; shown in the title."""
        self.reading: tuple[int, int] | None = None
        """(done, total) while the catalog reads pair folders (all of them, when it was deleted); in the title."""
        self.by_id: dict[str, Listing] = {}
        self._visible_round = 0
        self._index_round = 0
        self.view: object = None
        """The app's ``library_view`` the figures came from (a new one comes with new options)."""
        self.order = Sort()
        """The table's order; ``Sort()`` is the library's own, newest first."""
        self.topic: str | None = None
        """Only the pairs where some side raises this topic (its id), or every pair."""
        self._topic_labels: dict[str, str] | None = None
        self._resort_pending = False
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
        self.update_title()
        self.watch(self.query_one(PairTable), "scroll_y", self.rows_moved, init=False)
        self.reload()

    def update_title(self) -> None:
        """The library's folder, then what the table shows (topic, order) and the work under way; the folder's
        name gives way (its start cut) when the line is too short for all of it."""
        title = literal("dualread › library  ", "bold")
        status = Text()
        if self.topic is not None:
            status.append("  topic: ", "dim")
            status.append_text(literal(self.topic_labels().get(self.topic, self.topic), "bold"))
        if self.order != Sort():
            status.append(f"  sorted {self.order.label}", "bold")
        if self.reading is not None:
            done, total = self.reading
            status.append(f"  reading pair folders {done:,}/{total:,}", "italic")
        elif self.indexing is not None:
            done, total = self.indexing
            status.append(f"  figures {done:,}/{total:,}", "italic")
        widget = self.query_one("#library-title", Static)
        room = (widget.size.width or self.app.size.width) - 2 - title.cell_len - status.cell_len
        folder = str(self.app.library.root)
        if len(folder) > room:
            folder = "…" + folder[len(folder) - room + 1:] if room > 1 else ""
        title.append_text(literal(folder, "dim"))
        title.append_text(status)
        widget.update(title)

    def topic_labels(self) -> dict[str, str]:
        """Topic id -> label, in the taxonomy's order (the taxonomy in force for the app's options)."""
        if self._topic_labels is None:
            from comparisons.engine import resolve_taxonomy

            self._topic_labels = {t.id: t.label for t in resolve_taxonomy(self.app.options).topics}
        return self._topic_labels

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
            try:
                found = self.app.library_view.listings()
            except DualreadError as error:
                # The library folder gone bad while the UI runs (replaced by a file, unreadable): said as a worker's
                # failure is, the listing left as it was.
                self.app.push_screen(ErrorModal("Could not read the library", str(error)))
                return
            self.show_listings(found)
            return
        self.query_one(PairPreview).update(literal("Reading the library…", "italic"))
        # Started after the first paint: the worker's YAML parsing would compete with it for the interpreter.
        self.call_after_refresh(self.read_library)

    @classmethod
    def pair_folders(cls, library) -> int:
        """How many pair folders ``library`` holds, counted without reading any, and only up to just past
        ``SMALL_LIBRARY`` (one directory listing, no ``stat``: at 10,000 pairs ``Path.is_dir`` cost 0.2 s before
        the first frame)."""
        count = len(library.sample_ids())
        try:
            with os.scandir(library.root) as entries:
                for entry in entries:
                    if not entry.name.startswith(".") and entry.is_dir():
                        count += 1
                        if count > cls.SMALL_LIBRARY:
                            break
        except OSError:
            pass
        return count

    @work(thread=True, exclusive=True, exit_on_error=False, group="listing", name="read the library")
    def read_library(self) -> None:
        view = self.app.library_view
        quick = view.listings(refresh=False)  # the catalog as it is: one query, whatever the library's size
        if quick:
            self.app.call_from_thread(self.show_listings, quick)
        shown = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if time.monotonic() - shown >= 0.2 and done < total:
                shown = time.monotonic()
                self.app.call_from_thread(self.show_reading, (done, total))

        try:
            found = view.listings(refresh=True, progress=progress)
        finally:
            self.app.call_from_thread(self.show_reading, None)
        if found != quick:
            self.app.call_from_thread(self.show_listings, found)

    def show_reading(self, progress: tuple[int, int] | None) -> None:
        self.reading = progress
        self.update_title()
        if progress is not None and not self.all:
            done, total = progress
            self.query_one(PairPreview).update(literal(f"Reading the library: {done:,} of {total:,} pair folders…",
                                                       "italic"))

    def show_listings(self, found: list[Listing]) -> None:
        before = self.by_id
        if self.app.library_view is not self.view:
            # Other options (the library's topics.yaml or settings.yaml changed): every figure is computed again.
            self.view, self.figures, self._topic_labels = self.app.library_view, {}, None
        self.all = found
        self.by_id = {i.id: i for i in found}
        self.broken_ids = {i.id for i in found if i.broken}
        # Figures stay with a pair listed as it was (its stamp, for a catalog's pair): a pair replaced or edited on
        # disk gets none until it is compared again.
        self.figures = {i.id: f for i in found if (f := self.figures.get(i.id)) is not None and before.get(i.id) == i}
        self.wanted = frozenset()  # replaced, never changed in place: the background worker reads it
        self.refilter()
        if self.to_select is not None:
            self.select_pending()
        # After the table's paint: the workers' comparisons compete for the interpreter, the table comes first.
        self.call_after_refresh(self.want_visible)
        self.call_after_refresh(self.start_indexing)

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
        """The table: the pairs the filter and the topic let through, in the order chosen."""
        self._resort_pending = False
        field = self.filter_input
        text = field.value if field is not None else ""
        shown = [i for i in self.all if matches(i, text)] if text.strip() else self.all
        if self.topic is not None:
            shown = [i for i in shown if raises_topic(self.figures.get(i.id), self.topic)]
        if self.order != Sort():
            shown = sort_listings(shown, self.figures, self.order)
        table = self.query_one(PairTable)
        table.show(shown, self.figures, self.order)
        self.update_preview()

    @property
    def current(self) -> Listing | None:
        pair_id = self.query_one(PairTable).current_id
        return self.by_id.get(pair_id) if pair_id is not None else None

    def update_preview(self) -> None:
        listing = self.current
        self.query_one(PairPreview).show(listing, self.figures.get(listing.id) if listing else None)

    # --- figures: the rows on screen first, then the rest in the background --------------------------------------

    def rows_moved(self) -> None:
        self.want_visible()

    def on_resize(self) -> None:
        self.call_after_refresh(self.want_visible)
        self.call_after_refresh(self.update_title)  # the folder's name takes the room the line has

    def want_visible(self) -> None:
        """Ask for the figures of the rows on screen that have none (and are not being fetched already)."""
        table = self.query_one(PairTable)
        top = int(table.scroll_offset.y)
        ids = table.ids_between(top, top + max(table.size.height, 30))
        missing = [i for i in ids if i not in self.figures and i not in self.broken_ids]
        if missing and not set(missing) <= self.wanted:
            self.wanted = frozenset(missing)
            self._visible_round += 1
            self.fill_visible(missing, self._visible_round)

    # The two figure workers are never cancelled to make way for new work (a cancelled worker fails everyone who
    # waits for the app's workers, as tests and ``wait_for_complete`` do): each has a round number, and a worker
    # whose round is over returns at its next step.

    @work(thread=True, exit_on_error=False, group="visible", name="compare the pairs on screen")
    def fill_visible(self, pair_ids: list[str], round_: int) -> None:
        """The rows on screen: their figures from the claim index, comparing the pairs not indexed yet."""
        view = self.app.library_view
        known = view.known_figures(pair_ids)
        self.app.call_from_thread(self.figures_arrived, [(i, f, None) for i, f in known.items()])
        worker = get_current_worker()

        def over() -> bool:
            return worker.is_cancelled or round_ != self._visible_round

        for found in view.compute_figures([i for i in pair_ids if i not in known]):
            if over():
                return
            self.app.call_from_thread(self.figures_arrived, [found])

    def start_indexing(self) -> None:
        self._index_round += 1
        self.index_library(self._index_round)

    @work(thread=True, exit_on_error=False, group="figures", name="compare the library's pairs")
    def index_library(self, round_: int) -> None:
        """Every pair's figures at low priority: those the claim index holds, then the others compared a few pairs
        at a time. The thread is nice'd and rests as long as it works, so a library never compared before costs at
        most half a core while the user reads."""
        lower_this_thread()
        worker = get_current_worker()

        def over() -> bool:
            return worker.is_cancelled or round_ != self._index_round

        view = self.app.library_view
        # First the figures the claim index holds already (a query, no comparing): the topic filter and the
        # orders by a figure need every pair's, not only those of the rows that have been on screen.
        unknown = [i.id for i in self.all if not i.broken and i.id not in self.figures]
        for start in range(0, len(unknown), self.KNOWN_CHUNK):
            if over():
                return
            began = time.monotonic()
            known = view.known_figures(unknown[start:start + self.KNOWN_CHUNK])
            if known:
                self.app.call_from_thread(self.figures_arrived, [(i, f, None) for i, f in known.items()])
            if not rest(over, (time.monotonic() - began) * (1 / DUTY - 1)):
                return
        for _ in range(2):  # a second pass takes the pairs left to the rows on screen and then scrolled away
            stale = [i for i in view.stale() if i not in self.wanted]
            total = len(stale)
            for start in range(0, total, self.INDEX_CHUNK):
                if over():
                    return
                began = time.monotonic()
                chunk = [i for i in stale[start:start + self.INDEX_CHUNK] if i not in self.wanted]  # on screen
                found = list(view.compute_figures(chunk))
                self.app.call_from_thread(self.figures_arrived, found)
                self.app.call_from_thread(self.show_progress, (min(start + self.INDEX_CHUNK, total), total))
                if not rest(over, (time.monotonic() - began) * (1 / DUTY - 1)):
                    return
            if not stale:
                break
        self.app.call_from_thread(self.show_progress, None)

    INDEX_CHUNK = 4
    """Pairs compared between two rests of the background worker, and between two updates of the table."""

    KNOWN_CHUNK = 500
    """Pairs whose known figures are read from the claim index in one query."""

    RESORT_SECONDS = 1.0

    def resort(self) -> None:
        if self._resort_pending:
            self.refilter()

    def show_progress(self, progress: tuple[int, int] | None) -> None:
        self.indexing = progress
        self.update_title()

    def figures_arrived(self, found: list[tuple[str, Figures | None, str | None]]) -> None:
        """Show each pair's figures on its line (or the problem that kept it from being compared)."""
        table = self.query_one(PairTable)
        broken = False
        for pair_id, figures, problem in found:
            if pair_id not in self.by_id:
                continue
            if figures is not None:
                self.figures[pair_id] = figures
                table.set_figures(pair_id, figures)
            elif problem is not None:
                self.all = [Listing(i.id, None, problem) if i.id == pair_id else i for i in self.all]
                self.by_id[pair_id] = Listing(pair_id, None, problem)
                self.broken_ids.add(pair_id)
                broken = True
        if broken:
            self.refilter()
        elif found and (self.topic is not None or self.order.column in FIGURE_SORTS) and not self._resort_pending:
            # The topic's list and an order by figures take in the pairs just compared: once a second, not per
            # pair (the rows would never hold still).
            self._resort_pending = True
            self.set_timer(self.RESORT_SECONDS, self.resort)
        current = self.current
        if current is not None and any(pair_id == current.id for pair_id, _, _ in found):
            self.update_preview()

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

    TYPED_KEYS = {"filter", "add_pair", "edit_pair", "delete_pair", "export", "reload", "help", "app.quit",
                  "choose_topic", "sort", "reverse_sort"}
    """Actions bound to printable keys: while the filter has the focus, those keys are typed into it instead (and
    the key bar does not offer them; Textual does not count "/" as printable, so "/ Filter" stayed on show). Ctrl+F
    (search) is no letter: it works from the filter too."""

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

    def action_search_library(self) -> None:
        from tui.screens.library_search import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen())

    def action_reload(self) -> None:
        self.reload()

    # --- topic and order --------------------------------------------------------------------------------------------

    def action_choose_topic(self) -> None:
        from tui.screens.topic_choice import TopicChoice

        labels = self.topic_labels()
        pairs: dict[str, int] = {}
        for figures in self.figures.values():
            for topic in figures.topics:
                pairs[topic] = pairs.get(topic, 0) + 1
        listed = sum(1 for i in self.all if not i.broken)
        known = sum(1 for i in self.all if i.id in self.figures)
        self.app.push_screen(TopicChoice(list(labels.items()), pairs, self.topic, known, listed), self.set_topic)

    def set_topic(self, topic: str | None) -> None:
        """``TopicChoice``'s answer: a topic id, ``""`` for every pair, ``None`` to leave it as it was."""
        if topic is None:
            return
        self.topic = topic or None
        self.update_title()
        self.refilter()

    def action_sort(self) -> None:
        self.set_order(self.order.next())

    def action_reverse_sort(self) -> None:
        self.set_order(self.order.flipped())

    @on(PairTable.SortWanted)
    def header_clicked(self, event: PairTable.SortWanted) -> None:
        """A click on a column's header sorts by it; a second click turns the order round."""
        self.set_order(self.order.flipped() if event.column == self.order.column else Sort(event.column))

    def set_order(self, order: Sort) -> None:
        """Sort the table by ``order`` and show its top: the pairs the order puts first are what was asked for."""
        self.order = order
        self.update_title()
        self.refilter()
        self.query_one(PairTable).move_to(0)

    def action_help(self) -> None:
        self.app.show_help()
