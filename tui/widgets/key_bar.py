"""``KeyBar``: the keys of the current screen on one line at the bottom, clickable.

A one-widget stand-in for Textual's ``Footer``: the Footer mounts a widget per key and restyles them all whenever
focus changes, which costs more than the rest of the library screen's first paint together (measured in
``benchmarks/bench_tui.py``). This bar reads the same live bindings (``Screen.active_bindings``, so remapped keys
show as remapped), keeps the ones with ``show=True``, and repaints when the screen's bindings change. A click on a
key runs its action on the node that owns the binding.

Like the Footer, bindings next to each other that share a ``Binding.Group`` are one entry, their keys joined by
"/" ("n/N Diff": next and previous difference), each key still clickable for its own action. When the line is
too long for the terminal (keeping room for "^p palette", where every action is), the entries a screen names in
``KEY_BAR_OPTIONAL`` (actions, least needed first) are left out before anything is cut: otherwise the last entry,
often Esc, lost its end to an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.widgets import Static

from tui.widgets.texts import Palette

__all__ = ["KeyBar"]

PALETTE_HINT = "^p palette"


@dataclass
class _Entry:
    """One entry of the bar: one key and its description, or a group's keys and the group's description."""

    keys: list[tuple[str, ActiveBinding]]
    description: str

    @property
    def width(self) -> int:
        return len("/".join(key for key, _ in self.keys)) + 1 + len(self.description)

    @property
    def actions(self) -> set[str]:
        return {active.binding.action for _, active in self.keys}


class KeyBar(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._targets: list[tuple[int, int, ActiveBinding]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.refresh_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self.refresh_keys()

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh_keys()

    def _entries(self) -> list[_Entry]:
        """The shown bindings, one per action, in the screen's order, grouped as their ``Binding.Group`` says."""
        entries: list[_Entry] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            last = entries[-1] if entries else None
            if binding.group is not None and last is not None and last.keys[-1][1].binding.group == binding.group:
                last.keys.append((key, active))
                continue
            description = binding.group.description if binding.group else self._description(binding)
            entries.append(_Entry([(key, active)], description))
        return entries

    def _fit(self, entries: list[_Entry], room: int) -> list[_Entry]:
        """``entries`` less the screen's optional ones (least needed first) until the line fits ``room`` cells."""
        optional = list(getattr(self.screen, "KEY_BAR_OPTIONAL", ()))

        def width(shown: list[_Entry]) -> int:
            return sum(entry.width for entry in shown) + 2 * max(len(shown) - 1, 0)

        while width(entries) > room and optional:
            action = optional.pop(0)
            entries = [entry for entry in entries if action not in entry.actions]
        return entries

    def refresh_keys(self) -> None:
        palette = Palette.from_variables(self.app.theme_variables)
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        targets: list[tuple[int, int, ActiveBinding]] = []
        key_style = Style(color=palette.warning, bold=True)
        # Room is kept for the palette hint: the palette holds every action the bar leaves out.
        for entry in self._fit(self._entries(), self.size.width - len(PALETTE_HINT) - 2):
            enabled = any(active.enabled for _, active in entry.keys)
            start = len(text)
            for number, (key, active) in enumerate(entry.keys):
                if number:
                    text.append("/", Style(dim=True))
                key_start = len(text)
                text.append(key, key_style)
                targets.append((key_start, len(text), active))
            text.append(" " + entry.description, Style(dim=not enabled))
            if len(entry.keys) == 1:  # a single key: its description is clickable too
                targets[-1] = (start, len(text), entry.keys[0][1])
            text.append("  ")
        # ``text`` ends with the two spaces that part entries: the room ``_fit`` was given holds them and the hint.
        if len(text) + len(PALETTE_HINT) <= self.size.width:
            text.append("^p ", key_style)
            text.append("palette")
        else:
            text.right_crop(2)
        self._targets = targets
        self.update(text)

    def _description(self, binding) -> str:
        """The binding's description, or what the screen says the key does right now (Esc closes the search
        before it goes back): a screen may define ``describe_binding(action) -> str | None``."""
        describe = getattr(self.screen, "describe_binding", None)
        return (describe(binding.action) if describe else None) or binding.description

    async def on_click(self, event: events.Click) -> None:
        # Offsets into the text, not the widget: the bar's left padding is not a column of the text.
        x = event.get_content_offset_capture(self).x
        for start, end, active in self._targets:
            if start <= x < end:
                event.stop()
                await active.node.run_action(active.binding.action)
                return
        if self.content.plain.endswith(PALETTE_HINT) and x >= len(self.content.plain) - len(PALETTE_HINT):
            self.app.action_command_palette()

