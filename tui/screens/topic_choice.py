"""``TopicChoice``: which topic the library lists pairs for (``t`` on the library), one line per topic of the
taxonomy in force with how many pairs raise it, "All topics" first.

The counts are of the pairs whose figures are known (the library screen computes the rest in the background);
a topic no pair raises yet is listed all the same, so the list does not change under the reader's cursor.
Dismissed with the topic's id, ``""`` for every topic, or ``None`` when Esc leaves the filter as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.widgets.texts import counted, literal

__all__ = ["TopicChoice"]


class TopicChoice(ModalScreen[str | None]):
    DEFAULT_CSS = """
    TopicChoice { align: center middle; }
    TopicChoice #topic-box {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TopicChoice #topic-title { width: 100%; padding: 0 0 1 0; }
    TopicChoice OptionList, TopicChoice OptionList:focus { height: auto; max-height: 20; border: none; padding: 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="topic.cancel")]

    def __init__(self, topics: Sequence[tuple[str, str]], pairs: Mapping[str, int], current: str | None,
                 known: int, total: int) -> None:
        """``topics``: (id, label) in the taxonomy's order; ``pairs``: pairs raising each topic, of ``known``
        pairs whose figures are known out of ``total``."""
        super().__init__()
        self.topics = list(topics)
        self.pairs = pairs
        self.current = current
        self.known = known
        self.total = total

    def compose(self) -> ComposeResult:
        title = "List the pairs where some side raises…"
        if self.known < self.total:
            title += f"\n(counted over the {self.known:,} of {self.total:,} pairs compared so far)"
        options = [Option(literal("All topics"), id="")]
        options += [Option(literal(f"{label}  ·  {counted(self.pairs.get(topic, 0), 'pair')}"), id=topic)
                    for topic, label in self.topics]
        with Vertical(id="topic-box"):
            yield Label(literal(title), id="topic-title")
            yield OptionList(*options, id="topic-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [""] + [topic for topic, _ in self.topics]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        self.dismiss(None)
