"""The dialogs of a review on the comparison screen: which claim an action is about, and a conflict's note.

- ``ClaimChooser(title, claims, comparison, *, all_apart=False)``: the claims of the selected link, one per line
  with its side, to choose the one to take out (split) or the one that is not the same point; ``all_apart`` adds a
  last line (``ALL_APART``), also chosen with the key ``a`` (the box's subtitle says so: on a small terminal that
  line may be below the fold). Dismisses with the claim id (or ``ALL_APART.value``), ``None`` on Esc.
- ``ALL_APART``: the split's "All apart" choice, named once for its key, the subtitle and the list's line.
- ``ConflictNote(link_id, engine_conflict, note, *, clearable)``: a short note, then "Mark in conflict" (Enter) or
  "Clear the conflict" (only on a link that shows one); dismisses with ``("conflict", note)`` /
  ``("clear-conflict", note)``, ``None`` on Esc.

Claim texts and notes are data: they enter as literal text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from comparisons.model import Comparison
from readouts.model import Claim
from readouts.textshape import one_line
from tui.screens.styles import chooser
from tui.widgets.texts import literal

__all__ = ["ALL_APART", "Choice", "ClaimChooser", "ConflictNote"]


@dataclass(frozen=True)
class Choice:
    """A choice besides the claims: what the dialog dismisses with, its name (the key's description and the
    subtitle) and what it does (the list's line reads "name: says")."""

    value: str
    name: str
    says: str


ALL_APART = Choice("all", "All apart", "every claim of the link in no link")

DIALOG_CSS = chooser("ClaimChooser, ConflictNote", ".review-box", ".review-box OptionList") + """
.review-box Input {
    margin: 1 0 0 0;
}
.review-box .review-buttons {
    height: auto;
    margin: 1 0 0 0;
}
.review-box Button {
    margin-right: 2;
}
"""


class ClaimChooser(ModalScreen[str | None]):
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="review-choose.cancel"),
        # The extra choice is the list's last line, which long claims push below a small terminal's fold: it has
        # a key of its own, named in the box's subtitle.
        Binding("a", "extra", ALL_APART.name, id="review-choose.extra"),
    ]

    def __init__(self, title: str, claims: list[Claim], comparison: Comparison, *, all_apart: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.extra = ALL_APART if all_apart else None
        self.values = [c.id for c in claims] + ([self.extra.value] if self.extra else [])
        labels = {d.key: one_line(d.side.label) for d in comparison.documents}
        self.prompts = []
        for claim in claims:
            prompt = literal(f"{labels.get(claim.side, claim.side)} · {claim.id}", Style(bold=True))
            prompt.append("\n")
            prompt.append_text(literal(" ".join(claim.text.split())))
            self.prompts.append(prompt)
        if self.extra:
            self.prompts.append(Text(f"{self.extra.name}: {self.extra.says}", style=Style(bold=True, italic=True)))

    def compose(self) -> ComposeResult:
        with Vertical(classes="review-box") as box:
            box.border_title = self.title_text
            extra = f" · a: {self.extra.name}" if self.extra else ""
            box.border_subtitle = f"Enter chooses{extra} · Esc cancels"
            yield OptionList(*(Option(p) for p in self.prompts), id="review-claims")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.extra is not None if action == "extra" else True

    def action_extra(self) -> None:
        if self.extra is not None:
            self.dismiss(self.extra.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.values[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConflictNote(ModalScreen[tuple[str, str] | None]):
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="review-conflict.cancel")]

    def __init__(self, link_id: str, engine_conflict: bool, note: str = "", *, clearable: bool = True) -> None:
        super().__init__()
        self.link_id = link_id
        self.engine_conflict = engine_conflict
        self.note = note
        self.clearable = clearable
        """Whether the link shows a conflict to clear: on one with none, "Clear the conflict" recorded a decision
        that cleared nothing (the command line refuses it: "this link has no conflict to clear")."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="review-box") as box:
            box.border_title = f"Conflict on {self.link_id}"
            box.border_subtitle = "Enter marks · Esc cancels"
            said = ("The engine flags a conflict on this link." if self.engine_conflict
                    else "The engine flags no conflict on this link.")
            asked = "What do the sides disagree on" + (" (or why is there no conflict)?" if self.clearable else "?")
            yield Static(Text(f"{said} {asked}"))
            yield Input(value=self.note, placeholder="a short note, e.g. the dates differ: 10 vs 9 January",
                        max_length=300, id="review-note")
            with Horizontal(classes="review-buttons"):
                yield Button("Mark in conflict", variant="error", id="review-mark")
                if self.clearable:
                    yield Button("Clear the conflict", id="review-clear")
                yield Button("Cancel", id="review-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _note(self) -> str:
        return " ".join(self.query_one(Input).value.split())

    @on(Input.Submitted)
    @on(Button.Pressed, "#review-mark")
    def mark(self) -> None:
        self.dismiss(("conflict", self._note()))

    @on(Button.Pressed, "#review-clear")
    def clear(self) -> None:
        self.dismiss(("clear-conflict", self._note()))

    @on(Button.Pressed, "#review-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
