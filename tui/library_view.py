"""What the library screen and the search screen read of the library: the pairs as listed, their figures, and the
claims to search, from the library's catalog (``readouts.catalog``, ``comparisons.claim_index``) so that a library
of 10,000 pairs opens without reading 10,000 folders.

- ``library_view(library, options, store) -> LibraryView``: a ``CatalogView`` for a library folder; an
  ``EntriesView`` for a stand-in object that only lists ``entries()`` (the UI tests' libraries).
- ``LibraryView.listings(refresh=True, progress=None)``: every pair as a ``Listing``, newest first, broken ones
  last; ``refresh=False`` answers from the catalog as it is (the first frame of a large library), ``True`` first
  brings it in step with the folders, calling ``progress(done, total)`` for the folders it reads (all of them when
  the catalog was deleted or damaged).
- ``.known_figures(pair_ids)``: the figures of those pairs that cost no comparing (their claims are indexed).
- ``.compute_figures(pair_ids)``: yields ``(pair_id, figures or None, problem or None)``, comparing (through the
  comparison cache) and indexing each pair that needs it: for the rows on screen, then in the background.
- ``.stale()``: the pairs whose figures still need computing, newest first.
- ``.search(query, limit)``: ``comparisons.library_search.search`` over the indexed claims (``None`` for a
  stand-in library).
- ``.refresh_claims(pair_ids)``: those pairs' claims indexed again if their folders changed (the search screen's
  results, after a review decision or an edit).

Workers call these from their threads: one catalog connection serves them all, each piece of database work under
the catalog's lock, the comparing in between under none; other processes share the file through SQLite's WAL.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from readouts.catalog import SideSummary
from tui.widgets.library.listing import CORE_TOPICS, Coverage, Figures, Listing, listings

if TYPE_CHECKING:
    import datetime as _dt
    import sqlite3

    from comparisons.claim_index import ClaimIndex
    from comparisons.library_search import SearchQuery, SearchResult
    from comparisons.library_stats import PairCoverage
    from comparisons.options import CompareOptions
    from readouts.catalog import Catalog
    from readouts.library import Library
    from tui.comparison_store import ComparisonStore

Progress = Callable[[int, int], None]
"""Called with (folders read, folders to read)."""

__all__ = ["CatalogView", "EntriesView", "LibraryView", "ListedPair", "figures_from_coverage", "library_view"]


@dataclass(frozen=True)
class ListedPair:
    """A pair as the library screen lists it: its metadata, without the texts (which stay in the folders until the
    pair is opened). Reads like a ``Pair`` for the table, the filter and the preview. The sides' titles, urls and
    languages are read from the catalog when first asked for (the preview of the pair under the cursor): listing
    every side of 10,000 pairs took 0.4 s of the first screen."""

    id: str
    event: str
    date: "_dt.date"
    side_keys: tuple[str, ...]
    publishers: tuple[str, ...]
    """Each side's publisher, in ``side_keys``' order (what the filter matches besides the keys)."""
    sample: bool
    stamp: str = ""
    """The folder's stamp as the catalog saw it: a pair edited on disk lists as another ``ListedPair``, so the
    screen drops its old figures."""
    load_sides: "Callable[[str], tuple[SideSummary, ...]] | None" = field(default=None, compare=False, repr=False)

    @cached_property
    def sides(self) -> tuple[SideSummary, ...]:
        if self.load_sides is None:
            return tuple(SideSummary(key, publisher, "", "", "", "")
                         for key, publisher in zip(self.side_keys, self.publishers, strict=False))
        return self.load_sides(self.id)


class LibraryView(Protocol):
    def listings(self, refresh: bool = True, progress: "Progress | None" = None) -> list[Listing]: ...

    def known_figures(self, pair_ids: Iterable[str]) -> dict[str, Figures]: ...

    def compute_figures(self, pair_ids: Iterable[str]) -> Iterator[tuple[str, Figures | None, str | None]]: ...

    def stale(self) -> list[str]: ...

    def search(self, query: "SearchQuery", limit: int | None = None) -> "SearchResult | None": ...

    def refresh_claims(self, pair_ids: Iterable[str]) -> None: ...


def library_view(library: Any, options: "CompareOptions", store: "ComparisonStore") -> LibraryView:
    from readouts.library import Library

    if isinstance(library, Library):
        return CatalogView(library, options)
    return EntriesView(library, store)


def figures_from_coverage(cover: "PairCoverage", labels: dict[str, str], known: set[str],
                          order: dict[str, int], core: tuple[str, ...] = CORE_TOPICS) -> Figures:
    """The figures ``tui.widgets.library.listing.figures_of`` reads off a comparison, from the catalog's counts:
    ``labels`` and ``order`` are the taxonomy's, ``known`` its topic ids."""
    present = {topic: tuple(n > 0 for n in counts) for topic, (counts, _) in cover.topics.items()}
    keys = [key for key, _ in cover.sides]
    coverage: list[Coverage] = []
    covered_by: list[tuple[str, ...]] = []
    for topic in core:
        found = present.get(topic)
        covered_by.append(tuple(k for k, has in zip(keys, found, strict=True) if has) if found else ())
        if found is None or not any(found):
            coverage.append("absent")  # as figures_of: a topic no claim carries has no summary
        elif cover.topics[topic][1]:
            coverage.append("conflict")
        else:
            coverage.append("both" if all(found) else "one")
    ranked = sorted(cover.topics, key=lambda t: (order.get(t, len(order)), t if t not in known else ""))
    one_sided = tuple((labels.get(t, t), tuple(k for k, has in zip(keys, present[t], strict=True) if has))
                      for t in ranked if any(present[t]) and not all(present[t]))
    return Figures(claims=cover.claims, links=cover.links, omissions=cover.omissions, conflicts=cover.conflicts,
                   coverage=tuple(coverage), one_sided=one_sided, covered_by=tuple(covered_by),
                   topics=frozenset(topic for topic, found in present.items() if any(found)))


class CatalogView:
    """The catalog of a library folder, one connection shared by every worker (``Catalog`` locks each piece of
    work; comparing happens outside the lock): a library with no folder yet has its catalog in memory, which a
    connection per call would lose."""

    def __init__(self, library: "Library", options: "CompareOptions") -> None:
        self.library = library
        self.options = options
        self._taxonomy: tuple[dict[str, str], set[str], dict[str, int]] | None = None
        self._opened: "tuple[Catalog, ClaimIndex] | None" = None
        self._opening = threading.Lock()

    def _open(self) -> "tuple[Catalog, ClaimIndex]":
        from comparisons.claim_index import ClaimIndex
        from readouts.catalog import Catalog

        with self._opening:
            if self._opened is None:
                catalog = Catalog(self.library)
                try:
                    self._opened = (catalog, ClaimIndex(catalog, self.options, self.library.cache_dir))
                except BaseException:
                    catalog.close()
                    raise
            return self._opened

    def close(self) -> None:
        with self._opening:
            if self._opened is not None:
                self._opened[0].close()
                self._opened = None

    def listings(self, refresh: bool = True, progress: "Progress | None" = None) -> list[Listing]:
        catalog, _ = self._open()
        if refresh:
            catalog.refresh(progress)
        summaries = catalog.summaries()
        stamps = catalog.stamps()
        # Every pair's publishers in one JSON document: one parse instead of 10,000 (0.4 s of the first screen).
        publishers = json.loads("[" + ",".join(s.publishers_json for s in summaries) + "]")
        return [Listing(s.id, None, s.problem) if s.problem is not None or s.date is None else
                Listing(s.id, ListedPair(s.id, s.event, s.date, s.side_keys, tuple(named),  # type: ignore[arg-type]
                                         s.sample, stamps.get(s.id, ""), catalog.sides))
                for s, named in zip(summaries, publishers, strict=True)]

    def _labels(self) -> tuple[dict[str, str], set[str], dict[str, int]]:
        if self._taxonomy is None:
            from comparisons.engine import resolve_taxonomy

            taxonomy = resolve_taxonomy(self.options)
            self._taxonomy = ({t.id: t.label for t in taxonomy.topics}, set(taxonomy.ids),
                              {t: i for i, t in enumerate(taxonomy.ids)})
        return self._taxonomy

    def known_figures(self, pair_ids: Iterable[str]) -> dict[str, Figures]:
        from comparisons.library_stats import pair_coverage

        wanted = list(pair_ids)
        if not wanted:
            return {}
        _, index = self._open()
        covers = pair_coverage(index, wanted)
        labels, known, order = self._labels()
        return {c.pair_id: figures_from_coverage(c, labels, known, order) for c in covers}

    def compute_figures(self, pair_ids: Iterable[str]) -> Iterator[tuple[str, Figures | None, str | None]]:
        wanted = list(pair_ids)
        catalog, index = self._open()
        stale = set(index.stale())
        todo = [pair_id for pair_id in wanted if pair_id in stale]
        failed = dict(index.index(todo).failed) if todo else {}
        problems = dict(catalog.guarded(lambda connection: connection.execute(
            "SELECT c.pair_id, c.problem FROM claim_pairs c JOIN pairs p ON p.id = c.pair_id "
            "AND p.stamp = c.stamp WHERE c.problem IS NOT NULL").fetchall()))
        figures = self.known_figures(wanted)
        for pair_id in wanted:
            if pair_id in figures:
                yield pair_id, figures[pair_id], None
            elif pair_id in failed or pair_id in problems:
                yield pair_id, None, failed.get(pair_id) or problems[pair_id]

    def stale(self) -> list[str]:
        return self._open()[1].stale()

    def search(self, query: "SearchQuery", limit: int | None = None) -> "SearchResult":
        from comparisons.library_search import search

        return search(self._open()[1], query, limit=limit)

    def refresh_claims(self, pair_ids: Iterable[str]) -> None:
        """Bring the catalog in step with the folders and index again those of ``pair_ids`` that changed since: the
        pairs of the results a screen shows, after a review decided on one of them (a few, compared through the
        cache). Other pairs are left to the library screen's background work, as for a first search."""
        catalog, index = self._open()
        catalog.refresh()
        wanted = set(pair_ids)
        todo = [pair_id for pair_id in index.stale() if pair_id in wanted]
        if todo:
            index.index(todo)


class EntriesView:
    """A stand-in library that lists ``entries()`` and loads pairs, compared through the app's store (as the
    library screen did before the catalog); it has no claims to search."""

    def __init__(self, library: Any, store: "ComparisonStore") -> None:
        self.library = library
        self.store = store

    def listings(self, refresh: bool = True, progress: "Progress | None" = None) -> list[Listing]:
        return listings(self.library)

    def _pairs(self, pair_ids: Iterable[str]) -> Iterator[Any]:
        from readouts.errors import DualreadError

        for pair_id in pair_ids:
            try:
                yield self.library.load(pair_id)
            except DualreadError:
                continue

    def known_figures(self, pair_ids: Iterable[str]) -> dict[str, Figures]:
        return {pair.id: f for pair in self._pairs(pair_ids) if (f := self.store.figures(pair)) is not None}

    def compute_figures(self, pair_ids: Iterable[str]) -> Iterator[tuple[str, Figures | None, str | None]]:
        from readouts.errors import DualreadError

        for pair_id in pair_ids:
            try:
                pair = self.library.load(pair_id)
                self.store.compare(pair)
            except DualreadError as error:
                yield pair_id, None, str(error)
                continue
            yield pair_id, self.store.figures(pair), None

    def stale(self) -> list[str]:
        return [i.id for i in listings(self.library) if i.pair is not None and self.store.figures(i.pair) is None]

    def search(self, query: "SearchQuery", limit: int | None = None) -> None:
        return None

    def refresh_claims(self, pair_ids: Iterable[str]) -> None:
        return None
