"""``KeyBar``: the keys of the current screen on one line at the bottom, clickable.

A one-widget stand-in for Textual's ``Footer``: the Footer mounts a widget per key and restyles them all whenever
focus changes, which costs more than the rest of the library screen's first paint together (measured in
``benchmarks/bench_tui.py``). This bar reads the same live bindings (``Screen.active_bindings``, so remapped keys
show as remapped), keeps the ones with ``show=True``, and repaints when the screen's bindings change. A click on a
key runs its action on the node that owns the binding.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.widgets import Static

from tui.widgets.texts import Palette

__all__ = ["KeyBar"]


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

    def refresh_keys(self) -> None:
        palette = Palette.from_variables(self.app.theme_variables)
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        targets: list[tuple[int, int, ActiveBinding]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            start = len(text)
            text.append(self.app.get_key_display(binding), Style(color=palette.warning, bold=True))
            text.append(" " + self._description(binding), Style(dim=not active.enabled))
            targets.append((start, len(text), active))
            text.append("  ")
        if len(text) + len("^p palette") <= self.size.width - 2:
            text.append("^p ", Style(color=palette.warning, bold=True))
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
        for start, end, active in self._targets:
            if start <= event.x < end:
                event.stop()
                await active.node.run_action(active.binding.action)
                return
        if self.content.plain.endswith("^p palette") and event.x >= len(self.content.plain) - len("^p palette"):
            self.app.action_command_palette()
