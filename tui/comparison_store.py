"""``ComparisonStore``: the comparisons (and library figures) the UI holds in memory, keyed by what each was
computed from, exactly as the disk cache keys them (``comparisons.cache.cache_key``: the texts, participants,
taxonomy, settings, engine and code, and the pair's review).

A pair replaced on disk (the add form under an existing id, ``dualread add --force`` from another process) has a
new key, so the UI can never show or export the comparison of the pair it replaced: it finds nothing under the new
key and computes (or reads from the disk cache) the new one. Metadata that is not in the key (the event, a side's
publisher or title) is taken from the pair as loaded now, as the disk cache does (``rebind``).

- ``ComparisonStore(options, cache_dir, library=None)``: thread-safe; workers compute through it. One comparison per
  pair id is held: the pair's as last compared. With a ``library``, each pair's review (``review.yaml``) is part of
  its key and applied on top of the engine's result; a review file that cannot be used gives the engine's own
  result with ``review.problem`` saying why (``comparisons.review.reviewed``).
- ``.key(pair)``: the key ``pair`` is held under.
- ``.held(pair)``: the comparison in memory for ``pair`` as it is now, else ``None``.
- ``.known(pair)``: from memory or the disk cache (no computing), else ``None``.
- ``.compare(pair)``: from memory, else through the disk cache (computed at most once per key and session).
- ``.figures(pair)``: the library row's figures for ``pair`` when its comparison is in memory, else ``None``.
- ``.remember(comparison)`` / ``.forget(pair_id)``: seed or drop entries (tests, benchmarks).
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.model import Comparison
    from comparisons.options import CompareOptions
    from comparisons.review.decisions import Review
    from readouts.library import Library
    from readouts.model import Pair
    from tui.widgets.library.listing import Figures

__all__ = ["ComparisonStore", "rebind"]


def rebind(comparison: "Comparison", pair: "Pair") -> "Comparison":
    """``comparison`` with ``pair``'s metadata (event, date, titles, publishers): for a pair whose key, and so
    whose claims, links and topics, are unchanged but whose pair.yaml was edited."""
    if comparison.pair == pair:
        return comparison
    documents = tuple(dataclasses.replace(d, side=pair.side(d.key)) for d in comparison.documents)
    return dataclasses.replace(comparison, pair=pair, documents=documents)


class ComparisonStore:
    def __init__(self, options: "CompareOptions", cache_dir: Path | None, library: "Library | None" = None) -> None:
        self.options = options
        self.cache_dir = cache_dir
        self.library = library
        self._held: dict[str, tuple[str, Comparison]] = {}
        """Per pair id, the key and comparison of the pair as last compared: a replaced pair's old comparison goes
        as soon as the new one is stored."""
        self._figures: dict[str, tuple[str, Figures]] = {}
        self._lock = threading.Lock()

    def key(self, pair: "Pair") -> str:
        """``cache_key(pair, options, review)``: a hash of the texts, participants, settings and review (tens of
        microseconds; the review file is parsed again only when it changed)."""
        from comparisons.cache import cache_key

        return cache_key(pair, self.options, self._review(pair))

    def _review(self, pair: "Pair") -> "Review | None":
        if self.library is None:
            return None
        from comparisons.review.reviewed import review_state

        return review_state(self.library, pair).review

    def _get(self, pair: "Pair") -> "tuple[str, Comparison] | None":
        with self._lock:
            held = self._held.get(pair.id)
        if held is None:
            return None  # nothing to compare keys with: the texts are not hashed
        return held if held[0] == self.key(pair) else None

    def held(self, pair: "Pair") -> "Comparison | None":
        held = self._get(pair)
        return rebind(held[1], pair) if held is not None else None

    def known(self, pair: "Pair") -> "Comparison | None":
        from comparisons.cache import cache_path

        held = self.held(pair)
        if held is not None:
            return held
        if self.cache_dir is None or not cache_path(pair, self.options, self.cache_dir, self._review(pair)).is_file():
            return None
        return self.compare(pair)

    def compare(self, pair: "Pair") -> "Comparison":
        from comparisons.cache import cached_compare

        held = self.held(pair)
        if held is not None:
            return held
        if self.library is not None:
            from comparisons.review.reviewed import reviewed_compare

            comparison = reviewed_compare(self.library, pair, self.options, strict=False)
        else:
            comparison = cached_compare(pair, self.options, self.cache_dir)
        self._store(self.key(pair), comparison)
        return rebind(comparison, pair)

    def figures(self, pair: "Pair") -> "Figures | None":
        from tui.widgets.library.listing import figures_of

        held = self._get(pair)
        if held is None:
            return None
        key, comparison = held
        with self._lock:
            figures = self._figures.get(pair.id)
        if figures is not None and figures[0] == key:
            return figures[1]
        made = figures_of(comparison)
        with self._lock:
            self._figures[pair.id] = (key, made)
        return made

    def _store(self, key: str, comparison: "Comparison") -> None:
        with self._lock:
            self._held[comparison.pair.id] = (key, comparison)

    def remember(self, comparison: "Comparison") -> None:
        self._store(self.key(comparison.pair), comparison)

    def forget(self, pair_id: str) -> None:
        """Drop ``pair_id``'s comparison from memory (the disk cache keeps it)."""
        with self._lock:
            self._held.pop(pair_id, None)
            self._figures.pop(pair_id, None)

    def __contains__(self, pair_id: object) -> bool:
        """Whether a comparison of ``pair_id`` is held (of the pair as it is now, or as it was)."""
        return pair_id in self._held
