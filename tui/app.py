"""``DualreadApp``: the terminal UI. It holds the library, the comparison settings and the comparisons computed
so far; screens do the rest (``tui/screens/``), looks live in ``dualread.tcss`` (the library) and
the screens' ``DEFAULT_CSS`` (``tui/screens/styles.py``, parsed when each screen is first shown).

- ``DualreadApp(library, options, open_pair=None)``: starts on the library; with ``open_pair`` it opens that
  pair's comparison on top (``dualread open PAIR``), so Back still leads to the library.
- ``compare(pair_id)``: load the pair as it is on disk now and compare it through ``store`` (a
  ``ComparisonStore``: memory keyed like the disk cache, then the disk cache); safe from worker threads.
- ``known(pair_id)``: the comparison when it is in memory or in the disk cache (a few milliseconds), else ``None``:
  the comparison screen paints a known comparison in its first frame and computes the others in a worker.
- The library folder is watched (``LibraryWatch``: a stamp of modification times every ``WATCH_SECONDS``, less
  often for a huge library, and when the terminal regains the focus, in a worker); when it changed, every screen with a ``library_changed()`` method
  is told, so pairs added, replaced or removed by another process show without a restart. When the library's
  ``topics.yaml`` or ``settings.yaml`` (or the ``--topics`` file, ``options_files``) changed, the options are
  made again (``reread_options``, what made them at the start: the command line's wins, then these files) and,
  if they differ, used from then on: comparisons are keyed by them, so every screen's next look computes with the
  new taxonomy or similarity. A file that cannot be used is said once and changes nothing.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from tui.comparison_store import ComparisonStore
from tui.library_view import library_view
from tui.library_watch import LibraryWatch
from tui.palette import DualreadCommands
from tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from textual.timer import Timer

    from comparisons.model import Comparison
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from readouts.model import Pair

__all__ = ["DualreadApp", "settings_of"]

LIBRARY_FILES = frozenset({"topics.yaml", "settings.yaml"})
"""The library's own files the options are made from: when one changes, the options are made again."""


def settings_of(options: "CompareOptions") -> tuple[str, str, str, str | None]:
    """What a comparison computed with ``options`` depends on (as the cache key takes it): the taxonomy's and the
    parameters' fingerprints, the similarity and the model."""
    from comparisons.engine import resolve_params, resolve_taxonomy

    return (resolve_taxonomy(options).fingerprint(), resolve_params(options).fingerprint(), options.similarity,
            options.model)


class DualreadApp(App[None]):
    CSS_PATH = "dualread.tcss"
    TITLE = "dualread"
    COMMANDS = App.COMMANDS | {DualreadCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [Binding("f1", "help", "Help", id="app.help", show=False)]

    def __init__(self, library: "Library", options: "CompareOptions", *, open_pair: str | None = None,
                 export_folder: Path | None = None, settings_file: Path | None = None,
                 reread_options: "Callable[[], CompareOptions] | None" = None,
                 options_files: "Sequence[Path]" = ()) -> None:
        super().__init__()
        self.reread_options = reread_options
        self.options_files = frozenset(str(path) for path in options_files)
        """Files outside the library the options were made from (the ``--topics`` file): watched like the library's
        topics.yaml, the options made again when one changes."""
        """Makes the options again as they were made at the start (``tui.commands.common.options_from``): called
        when the library's topics.yaml or settings.yaml changes; ``None`` keeps the options for the session."""
        self._options_problem: str | None = None
        self.settings_file = settings_file
        """The person's settings (``tui/user_settings.py``): the theme chosen is kept there; ``None`` keeps nothing."""
        self.export_format = "html"
        self.library = library
        self.options = options
        self.open_pair_id = open_pair
        self.export_folder = export_folder
        self.store = ComparisonStore(options, library.cache_dir, library)
        self.review_history: dict[str, tuple[list, list]] = {}
        """Per pair id, the review changes made while the app runs, to undo and to redo (``review_actions.py``):
        leaving a pair and opening it again keeps them."""
        self.library_view = library_view(library, options, self.store)
        """The pairs, their figures and their claims from the library's catalog (``tui.library_view``)."""
        self.library_changed = False
        """Set by the add form: the library screen reads the library again when it is back on top."""
        self.watch = LibraryWatch(library.root, also=options_files)

    def get_default_screen(self) -> LibraryScreen:
        """The library is the bottom screen: Back from anything ends there."""
        return LibraryScreen()

    WATCH_SECONDS = 2.0
    """How often the library folder's stamp is taken (a stat per file, in a worker: see ``LibraryWatch``) ..."""
    WATCH_SHARE = 0.02
    """... or less often for a library so large that a stamp would take more than this share of the time between
    two (2,000 pairs: a stamp of 70 to 140 ms, so one every 3 to 7 s; ``benchmarks/bench_watch.py``)."""

    def on_mount(self) -> None:
        if self.settings_file is not None:
            from tui.user_settings import load_theme

            saved = load_theme(self.settings_file)
            if saved in self.available_themes:  # a theme of an older or newer Textual is simply not restored
                self.theme = saved
        self.theme_changed_signal.subscribe(self, self._recolour)
        if self.open_pair_id:
            self.screen_stack[0].select_when_listed(self.open_pair_id)  # Back lands on the pair
            self.open_pair(self.open_pair_id)
        self._watch_timer: Timer | None = None
        # The first stamp (what later checks compare with) after the first frame: at 1,000 pairs its stat calls,
        # taken in a worker during the first paint, made that paint 1.7 times as long (benchmarks/bench_library.py).
        self.screen.call_after_refresh(self.check_library)

    def on_app_focus(self) -> None:
        """Back from another window (where a pair may have just been added): look at once, not at the next tick."""
        self.check_library()

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch", name="watch the library")
    def check_library(self) -> None:
        from readouts.errors import DualreadError

        start = time.perf_counter()
        changed = self.watch.check()
        cost = time.perf_counter() - start
        options: CompareOptions | str | None = None
        if changed & (LIBRARY_FILES | self.options_files) and self.reread_options is not None:
            try:
                options = self.reread_options()
            except DualreadError as error:
                options = str(error)
        self.call_from_thread(self._checked, changed, cost, options)

    def _checked(self, changed: frozenset[str], cost: float, options: "CompareOptions | str | None" = None) -> None:
        if self._watch_timer is not None:
            self._watch_timer.stop()  # one chain of checks, whoever started this one (the timer, the focus)
        self._watch_timer = self.set_timer(max(self.WATCH_SECONDS, cost / self.WATCH_SHARE), self.check_library,
                                           name="watch the library")
        files = " and ".join([*(f"the library's {name}" for name in sorted(changed & LIBRARY_FILES)),
                              *sorted(changed & self.options_files)])
        if isinstance(options, str):
            if options != self._options_problem:  # said once, not at every check while the file stays wrong
                self.notify(f"{options}. Comparisons keep the settings they had until the file is fixed.",
                            title=f"{files[:1].upper()}{files[1:]} not used", severity="warning", timeout=10,
                            markup=False)
            self._options_problem = options
        elif options is not None:
            self._options_problem = None
            if settings_of(options) != settings_of(self.options):
                self.options = self.store.options = options
                # The catalog's figures and claims are indexed under the options: a view under the new ones (the old
                # one is left to the workers still using it, not closed under them).
                self.library_view = library_view(self.library, options, self.store)
                self.notify(f"{files[:1].upper()}{files[1:]} changed: comparisons now follow it.",
                            title="Settings changed", timeout=6, markup=False)
        if changed:
            self.library_changed_on_disk()

    def library_changed_on_disk(self) -> None:
        """Tell every screen that shows something of the library (bottom first: the listing, then comparisons)."""
        for screen in list(self.screen_stack):
            changed = getattr(screen, "library_changed", None)
            if changed is not None:
                changed()

    def _recolour(self, _theme: object) -> None:
        """Word diffs, tints and badges are painted from theme colours: repaint them in the new theme's (and keep
        the choice for the next run)."""
        if self.settings_file is not None:
            from tui.user_settings import save_theme

            problem = save_theme(self.settings_file, self.theme)
            if problem:
                self.notify(problem, severity="warning", timeout=6, markup=False)
        for screen in self.screen_stack:
            recolour = getattr(screen, "recolour", None)
            if recolour is not None:
                recolour()

    def compare(self, pair_id: str) -> "Comparison":
        """The comparison of ``pair_id`` as it is on disk now: from memory when its key is there, else through the
        library's cache (computed at most once per key)."""
        return self.store.compare(self.library.load(pair_id))

    def known(self, pair_id: str) -> "Comparison | None":
        """The comparison of ``pair_id`` if it costs no computing: from memory, else from the disk cache."""
        from readouts.errors import DualreadError

        try:
            return self.store.known(self.library.load(pair_id))
        except DualreadError:
            return None  # the worker meets the same problem and shows it in a dialog

    def open_pair(self, pair_id: str) -> None:
        from tui.screens.comparison import ComparisonScreen

        self.push_screen(ComparisonScreen(pair_id))

    def add_pair(self, then: "Callable[[str | None], None] | None" = None, *, editing: "Pair | None" = None) -> None:
        """Open the add-pair form (filled with ``editing`` to edit that pair); ``then`` gets the saved pair's id
        (``None`` if the form was cancelled)."""
        from tui.screens.add_pair import AddPairScreen

        self.push_screen(AddPairScreen(editing), callback=then)

    def export(self, comparison: "Comparison | None") -> None:
        from tui.screens.export import ExportDialog

        self.push_screen(ExportDialog(comparison, self.export_folder, self.export_format))

    def show_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_help(self) -> None:
        self.show_help()

    def get_system_commands(self, screen):
        """Textual's commands, with Screenshot saving where the user can find it (Textual's went to ~/Downloads and
        failed without a word when that folder did not exist)."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand("Screenshot", f"Save an SVG picture of this screen in {self.screenshot_folder}",
                                    self.save_screenshot_here)
            else:
                yield command

    @property
    def screenshot_folder(self) -> Path:
        return self.export_folder or Path.cwd()

    def save_screenshot_here(self) -> None:
        folder = self.screenshot_folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = Path(self.save_screenshot(path=str(folder)))
        except OSError as error:
            self.notify(f"Could not save a screenshot in {folder}: {error.strerror or error}", title="Screenshot",
                        severity="error", markup=False)
            return
        self.notify(f"Saved {path}", title="Screenshot", timeout=8, markup=False)

