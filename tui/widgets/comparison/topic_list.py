"""``TopicList``: the pair's topics with per-side claim counts and a badge, choosing which rows the screen shows.

A label too long for the panel wraps to a second line rather than losing its end to an ellipsis (at 80 columns
"Leader conta…" told less than "Leader contacts"). Badges: ● every side mentions the topic, ◐ only some sides do,
✖ a link on it has a conflict; "·" in a count column means that side does not mention it. Each count column is
headed by its side's tag ("WH", ``side_names``), which the aligned rows' header puts before the side's name: the list posts
``TopicList.Columns`` with that header line whenever it lays itself out, for the screen to show above it.
Highlighting a topic (keys or mouse) chooses it at once: ``TopicList.Chosen`` carries the topic id (``None`` for
all).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from comparisons.model import Comparison
from readouts.textshape import one_line
from tui.widgets.side_names import short_names, side_tags
from tui.widgets.texts import Palette, literal, short

__all__ = ["TopicList", "ALL", "badge_of", "topic_prompt", "wrap_label", "columns_header"]

MIN_LABEL = 4
"""The fewest cells a topic's label keeps beside the count columns; fewer, and the counts give way."""

ALL = "all"
"""The option id of "All" (option ids are strings; the screen maps it to ``None``)."""


def badge_of(comparison: Comparison, topic: str) -> str:
    """``conflict``, ``both`` or ``one`` for a topic of ``comparison``."""
    if any(topic in link.topics and link.conflicts for link in comparison.links):
        return "conflict"
    for summary in comparison.topics:
        if summary.id == topic:
            return summary.presence()
    return "none"


def wrap_label(label: str, width: int, lines: int = 2) -> list[str]:
    """``label`` in at most ``lines`` lines of ``width`` cells, broken between words (a continuation line is
    indented by one cell); what still does not fit is cut with an ellipsis on the last line."""
    words = label.split()
    out: list[str] = []
    while words and len(out) < lines:
        room = width - (1 if out else 0)
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= room:
            line += " " + words.pop(0)
        if len(out) == lines - 1 and words:  # the last line allowed: the rest goes on it, cut
            line = " ".join([line, *words])
            words = []
        out.append(("" if not out else " ") + short(line, room))
    return out or [""]


def topic_prompt(label: str, counts: list[int], badge: str, width: int, palette: Palette) -> Text:
    """A label (wrapped to two lines rather than cut), a count per side ("·" for none), then the badge; the
    counts and badge on the label's first line."""
    count_width = 3 * len(counts)
    name_width = max(width - count_width - 2, 4)
    first, *rest = wrap_label(label, name_width)
    text = literal(first.ljust(name_width))
    for n in counts:
        text.append(f"{n:>3}" if n else "  ·", Style(color=None if n else palette.muted))
    glyph, colour = {
        "both": ("●", palette.success),
        "one": ("◐", palette.warning),
        "conflict": ("✖", palette.error),
    }.get(badge, (" ", palette.muted))
    text.append(" " + glyph, Style(color=colour, bold=True))
    for line in rest:
        text.append("\n")
        text.append_text(literal(line))
    return text


def columns_header(tags: list[str], width: int) -> Text:
    """The line over the list: each side's tag right-aligned over its count column (as ``topic_prompt`` lays
    them out for the same ``width``)."""
    name_width = max(width - 3 * len(tags) - 2, 4)
    text = Text(" " * name_width, end="", no_wrap=True)
    for tag in tags:
        text.append(f"{tag:>3}", Style(bold=True))
    return text


class TopicList(OptionList):
    @dataclass
    class Columns(Message):
        """The list was laid out for a width: ``header`` heads its count columns; ``legend`` names each tag."""

        header: Text
        legend: str

    @dataclass
    class Chosen(Message):
        """``done``: the user confirmed the topic (Enter, click), so the screen moves focus to the rows."""

        topic: str | None
        done: bool = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._comparison: Comparison | None = None
        self._built_width = 0

    def show(self, comparison: Comparison, topic: str | None = None) -> None:
        self._comparison = comparison
        self._build(topic)

    def choose(self, topic: str | None) -> None:
        """Highlight ``topic`` (``None``: all) as if the user had."""
        try:
            self.highlighted = self.get_option_index(topic or ALL)
        except Exception:
            self.highlighted = 0

    @property
    def topics(self) -> list[tuple[str, str]]:
        """(id, label) of the topics listed, in order (for the command palette's "jump to topic…")."""
        if self._comparison is None:
            return []
        return [(t.id, t.label) for t in self._comparison.topics if any(t.claims.values())]

    def on_resize(self) -> None:
        # The width the prompts are laid out in, not the list's: a scrollbar that comes (the detail pane opened,
        # the terminal shrank) takes cells from it, and prompts laid out without it wrap their badge to a new line.
        if self._comparison is not None and self.scrollable_content_region.width != self._built_width:
            current = self.highlighted_option.id if self.highlighted_option else ALL
            self._build(None if current == ALL else current)

    def watch_show_vertical_scrollbar(self) -> None:
        # A scrollbar that comes with the list's own length (more topics than lines, the prompts just set) takes
        # its cells without a resize: lay the prompts out again for the width left, once the layout has it.
        self.call_after_refresh(self.on_resize)

    def _build(self, topic: str | None) -> None:
        comparison = self._comparison
        if comparison is None or not self.size.width:
            return  # not laid out yet: on_resize builds the list once the width is known
        palette = Palette.from_variables(self.app.theme_variables)
        width = max(self.scrollable_content_region.width - 1, 12)
        self._built_width = self.scrollable_content_region.width
        keys = comparison.side_keys
        # A count column per side while they leave a label room to be read; past that (a pair of dozens of sides)
        # the badges alone, since counts of a few sides out of many would say which sides they are nowhere.
        counted = width - 3 * len(keys) - 2 >= MIN_LABEL
        if not counted:
            keys = ()
        options = [
            Option(
                topic_prompt("All", [len(d.claims) for d in comparison.documents if d.side.key in keys], "", width,
                             palette),
                id=ALL,
            )
        ]
        for summary in comparison.topics:
            if not any(summary.claims.values()):
                continue
            counts = [summary.claims.get(k, 0) for k in keys]
            badge = badge_of(comparison, summary.id)
            options.append(Option(topic_prompt(summary.label, counts, badge, width, palette), id=summary.id))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        self.choose(topic)
        sides = [d.side for d in comparison.documents]
        tags = side_tags(sides)
        legend = [f"{tag}  {name}" + (f" ({one_line(side.publisher)})" if side.publisher and side.publisher != name else "")
                  for tag, name, side in zip(tags, short_names(sides), sides)]
        self.post_message(self.Columns(columns_header(tags if counted else [], width), "\n".join(legend)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id
        self.post_message(self.Chosen(None if option_id in (None, ALL) else option_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a topic: the choice is made, go read its rows."""
        event.stop()
        option_id = event.option.id
        self.post_message(self.Chosen(None if option_id in (None, ALL) else option_id, done=True))
