"""``HelpScreen``: every key of the screen it was opened from (read from the live bindings, so remapped keys show
as remapped), what that screen itself needs told (its ``GUIDE``, e.g. the search line's syntax), then what the
glyphs and colours mean, in the glossary's words.
"""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.screens import styles

__all__ = ["HelpScreen", "keys_table"]

GUIDE = """\
Words
  readout    one government's account of an event
  side       one readout of a pair
  claim      one point a readout states
  link       claims of several sides reporting the same point
  omission   a claim no other side reports
  conflict   a link whose claims disagree on a checkable detail
  word diff  on a link, the words only one side has, coloured

Comparison screen
  Topics: claims per side ("·" = that side does not mention it),
  then a badge:
    ● every side mentions it   ◐ only some sides do
    ✖ one of its links has a conflict
  Rows: one column per side; "not mentioned" marks the side an
  omission is missing from; ✖ under the score marks a conflict,
  and ⚠ lines under the texts give each side's value.
  Review: a mark before the score says a person decided the row:
    ✓ confirmed   + linked by hand   ✎ changed by hand
  (none: the engine decided it). w shows why; v l b x ! change it;
  every change is saved at once in the pair's review.yaml.

Library screen
  Enter or a double click opens the pair; a click selects it.
  Cl Lk Om Cf: claims, links, omissions, conflicts.
  Coverage: one glyph per core topic (sanctions, de-escalation,
  talks, security guarantees, NATO, Ukraine, arms control,
  leader contacts).
  t lists the pairs where some side raises a topic; o sorts by
  the next column (or click its header), O the other way round.
  Pairs not compared yet come last until their figures arrive.
  Ctrl+F searches every claim; Enter on a result opens its row.

Mouse: click a row, a topic or a pair (double-click a pair to
open it); scroll with the wheel. Ctrl+P opens the command palette."""
"""Lines of at most 66 characters: the help box at 80x24 (72 columns less border, padding and scrollbar) shows
each on one line, so none wraps and loses its indent."""


MOVING = "↑ ↓ rows · PgUp PgDn pages · Tab next area · mouse click and wheel · Ctrl+P palette · Ctrl+Q quit"


def keys_table(screen: Screen) -> Table:
    """dualread's own keys on ``screen`` (bindings with an id), as they are bound now."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    # Keyed by what the key does, so one action bound at two levels (? on the screen, F1 on the app) is one line.
    keys: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or not binding.description:
            continue
        keys.setdefault(binding.tooltip or binding.description, []).append(screen.app.get_key_display(binding))
    for description, shown in keys.items():
        table.add_row(Text(" ".join(dict.fromkeys(shown))), Text(description))
    table.add_row(Text(""), Text(""))
    table.add_row(Text("also"), Text(MOVING))
    return table


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = styles.HELP
    SCOPED_CSS = False
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")]

    def __init__(self, origin: Screen) -> None:
        super().__init__()
        # Read the keys now, while ``origin`` is still the active screen with its focus in place.
        self.keys = keys_table(origin)
        self.guide = getattr(origin, "GUIDE", "")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Help"
            box.border_subtitle = "Esc closes"
            yield Static(Text("Keys on this screen", style=Style(bold=True)), classes="help-heading")
            yield Static(self.keys, id="help-keys")
            if self.guide:
                yield Static(Text(self.guide), id="help-this-screen")
            yield Static(Text(GUIDE), id="help-guide")

    def action_close(self) -> None:
        self.dismiss(None)
