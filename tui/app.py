"""``DualreadApp``: the terminal UI. It holds the library, the comparison settings and the comparisons computed
so far; screens do the rest (``tui/screens/``), looks live in ``dualread.tcss`` (the library) and
the screens' ``DEFAULT_CSS`` (``tui/screens/styles.py``, parsed when each screen is first shown).

- ``DualreadApp(library, options, open_pair=None)``: starts on the library; with ``open_pair`` it opens that
  pair's comparison on top (``dualread open PAIR``), so Back still leads to the library.
- ``compare(pair_id)``: load and compare through the cache, remembered for the session; safe from worker threads.
- ``known(pair_id)``: the comparison when it is in memory or in the disk cache (a few milliseconds), else ``None``:
  the comparison screen paints a known comparison in its first frame and computes the others in a worker.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from tui.palette import DualreadCommands
from tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from comparisons.model import Comparison
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.widgets.library.listing import Figures

__all__ = ["DualreadApp"]


class DualreadApp(App[None]):
    CSS_PATH = "dualread.tcss"
    TITLE = "dualread"
    COMMANDS = App.COMMANDS | {DualreadCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [Binding("f1", "help", "Help", id="app.help", show=False)]

    def __init__(self, library: "Library", options: "CompareOptions", *, open_pair: str | None = None,
                 export_folder: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.options = options
        self.open_pair_id = open_pair
        self.export_folder = export_folder
        self.comparisons: dict[str, Comparison] = {}
        self.figures: dict[str, Figures] = {}
        self.library_changed = False
        self._compare_lock = threading.Lock()

    def get_default_screen(self) -> LibraryScreen:
        """The library is the bottom screen: Back from anything ends there."""
        return LibraryScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._recolour)
        if self.open_pair_id:
            self.screen_stack[0].select_when_listed(self.open_pair_id)  # Back lands on the pair
            self.open_pair(self.open_pair_id)

    def _recolour(self, _theme: object) -> None:
        """Word diffs, tints and badges are painted from theme colours: repaint them in the new theme's."""
        for screen in self.screen_stack:
            recolour = getattr(screen, "recolour", None)
            if recolour is not None:
                recolour()

    def compare(self, pair_id: str) -> "Comparison":
        """The comparison of ``pair_id``: from memory, else through the library's cache (computed at most once)."""
        from comparisons.cache import cached_compare

        with self._compare_lock:
            known = self.comparisons.get(pair_id)
        if known is not None:
            return known
        comparison = cached_compare(self.library.load(pair_id), self.options, self.library.cache_dir)
        with self._compare_lock:
            return self.comparisons.setdefault(pair_id, comparison)

    def known(self, pair_id: str) -> "Comparison | None":
        """The comparison of ``pair_id`` if it costs no computing: from memory, else from the disk cache."""
        from comparisons.cache import cache_path
        from readouts.errors import DualreadError

        with self._compare_lock:
            known = self.comparisons.get(pair_id)
        if known is not None:
            return known
        try:
            pair = self.library.load(pair_id)
            if not cache_path(pair, self.options, self.library.cache_dir).is_file():
                return None
        except DualreadError:
            return None  # the worker meets the same problem and shows it in a dialog
        return self.compare(pair_id)

    def open_pair(self, pair_id: str) -> None:
        from tui.screens.comparison import ComparisonScreen

        self.push_screen(ComparisonScreen(pair_id))

    def add_pair(self, then: "Callable[[str | None], None] | None" = None) -> None:
        """Open the add-pair form; ``then`` gets the new pair's id (``None`` if the form was cancelled)."""
        from tui.screens.add_pair import AddPairScreen

        self.push_screen(AddPairScreen(), callback=then)

    def export(self, comparison: "Comparison | None") -> None:
        from tui.screens.export import ExportDialog

        self.push_screen(ExportDialog(comparison, self.export_folder))

    def show_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_help(self) -> None:
        self.show_help()
