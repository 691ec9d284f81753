"""``SourceChooser``: the pair's readouts that have a web address, to open one in the browser (``o`` on the
comparison screen). Each line shows the address in full before anything opens: a library may come from someone
else, and only http(s) addresses are offered (``web_address``).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from comparisons.model import Comparison
from tui.screens import styles
from tui.widgets.comparison.quote import web_address
from tui.widgets.side_names import short_names
from tui.widgets.texts import literal

__all__ = ["SourceChooser", "web_sources"]


def web_sources(comparison: Comparison) -> list[tuple[str, str]]:
    """(short name, address) of each side whose source is an http(s) address, in the pair's order."""
    sides = [d.side for d in comparison.documents]
    found = []
    for name, side in zip(short_names(sides), sides):
        address = web_address(side.url)
        if address:
            found.append((name, address))
    return found


class SourceChooser(ModalScreen[str | None]):
    DEFAULT_CSS = styles.SOURCES
    SCOPED_CSS = False
    BINDINGS = [Binding("escape,q", "cancel", "Cancel", id="sources.cancel")]

    def __init__(self, sources: list[tuple[str, str]]) -> None:
        super().__init__()
        self.sources = sources

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-box") as box:
            box.border_title = "Open a source in the browser"
            box.border_subtitle = "Enter opens · Esc cancels"
            options = []
            for name, address in self.sources:
                prompt = literal(name, Style(bold=True))
                prompt.append("\n")
                prompt.append_text(literal(address, Style(underline=True)))
                options.append(Option(prompt))
            yield OptionList(*options, id="sources")
            yield Static(Text("Opens in your default browser (or your terminal's, over SSH).", style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sources[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
