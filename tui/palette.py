"""``DualreadCommands``: the command palette (Ctrl+P) offers what the keys do on the current screen (on the library,
"Search" every claim among them), plus "open pair…" for every pair of the library and, on a comparison, "jump to
topic…" for each of its topics and "show…" for each filter choice (not mentioned by each side, said by each
speaker, still to review).

Actions come from the screen's own bindings (so the palette and the footer never disagree), each described by
what it does (the binding's tooltip) and its key; pairs, topics and filters are read when the palette opens.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from readouts.textshape import one_line

__all__ = ["DualreadCommands"]


class DualreadCommands(Provider):
    async def startup(self) -> None:
        self.commands = self._commands()

    def _commands(self) -> list[tuple[str, object, str]]:
        """(text shown, callback, help) for everything the palette can do from the screen it was opened on."""
        from tui.screens.comparison import ComparisonScreen

        screen = self.screen
        app = self.app
        found: list[tuple[str, object, str]] = []
        seen = set()
        # One binding per key (``make_bindings`` splits "escape,q"); the first key of an action is the one shown,
        # as the key bar shows it ("/", "?", "esc"), not by its name ("slash").
        for binding in Binding.make_bindings(getattr(screen, "BINDINGS", [])):
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            key = f"key: {app.get_key_display(binding)}"
            found.append((binding.description, partial(screen.run_action, binding.action),
                          f"{binding.tooltip} · {key}" if binding.tooltip else key))
        # The pairs as the library screen lists them (from the catalog): reading 10,000 folders here took seconds.
        listed = getattr(app.screen_stack[0], "all", None) if app.screen_stack else None
        for entry in listed if listed is not None else app.library_view.listings(refresh=False):
            label = entry.id if entry.pair is None else f"{entry.id}: {one_line(entry.pair.event)}"
            found.append((f"Open pair… {label}", partial(app.open_pair, entry.id),
                          entry.problem or "open this pair's comparison"))
        if isinstance(screen, ComparisonScreen):
            for topic_id, label in screen.query_one("#topics").topics:
                found.append((f"Jump to topic… {label}", partial(screen.choose_topic, topic_id),
                              "show only this topic's rows"))
            found.append(("Jump to topic… All", partial(screen.choose_topic, None), "show every row"))
            found.extend(self._filters(screen))
        return found

    @staticmethod
    def _filters(screen) -> list[tuple[str, object, str]]:
        """"Show…" entries: each "not mentioned by" side and each speaker, one choice away (``m``/``s`` cycle)."""
        from dataclasses import replace

        from tui.widgets.comparison.row_filter import speaker_name, speakers_of
        from tui.widgets.side_names import short_names

        comparison = screen.comparison
        if comparison is None:
            return []
        found = []
        current = screen.row_filter
        names = short_names([d.side for d in comparison.documents])
        for key, name in zip(comparison.side_keys, names):
            found.append((f"Show… not mentioned by {name}", partial(screen.set_filter, replace(current, silent=key)),
                          f"only the rows {name} leaves out"))
        for speaker in speakers_of(comparison):
            said = speaker_name(speaker, comparison)
            found.append((f"Show… said by {said}", partial(screen.set_filter, replace(current, speaker=speaker)),
                          f"only the rows with a claim {said} makes"))
        found.append(("Show… conflicts", partial(screen.set_filter, replace(current, conflicts=True)),
                      "only the links whose sides disagree on a detail"))
        found.append(("Show… still to review", partial(screen.set_filter, replace(current, to_review=True)),
                      "only the rows no review decision covers yet"))
        return found

    async def discover(self) -> Hits:
        for text, callback, help_text in self.commands:
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.commands:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, text=text, help=help_text)
