"""Every claim of the library in the catalog, with its topics, speaker and status, searchable with SQLite FTS5.

- ``ClaimIndex(catalog, options, cache_dir)``: the claim tables of a ``readouts.catalog.Catalog`` (created on first
  use), filled from each pair's comparison (``comparisons.cache.cached_compare``: computed once, then read from the
  comparison cache). ``.stale() -> list[str]``: the pairs that load but whose claims are missing or out of date,
  newest first. ``.index(pair_ids=None, *, progress=None, stop=None, workers=1) -> Indexed``: index those pairs
  (all stale ones by default); ``stop()`` is asked between pairs, so a background worker can give way;
  ``workers`` > 1 compares in that many processes. ``.counts()`` -> how many pairs are indexed, stale and failed.
- ``Indexed``: how many pairs were indexed, and the ones whose comparison failed (id, one-line problem).
- ``pair_rows(root, pair_id, options, cache_dir)``: one pair's rows (``PairRows``) from its comparison with its
  review applied, or its problem; ``rows_of(comparison)``: the rows of a comparison.
- ``options_fingerprint(options)``: what, besides a pair's files, decides its claims (engine version and code,
  taxonomy, engine numbers, similarity): claims indexed under other settings are all thrown away and indexed again.
- ``fold(text)``: the spelling the index and every query are read in (``ё`` as ``е``, as Russian is often typed).

A pair's claims are tied to the stamp its folder had in the catalog when they were indexed (``readouts.stamps``): a
pair changed on disk gets a new stamp at the next catalog refresh, and its claims count as stale until indexed
again; readers join on the stamp, so they never see a changed pair's old claims. Status: ``linked`` (in a link),
``conflict`` (in a link whose claims disagree on a detail), ``omission`` (no other side reports the point).
``partner_sides`` names the sides a linked claim's partners are on, so "the Kremlin said it and the White House did
not" is one filter. A pair whose comparison fails is noted (``claim_pairs.problem``) and the rest still serve.

Tokenizer: FTS5's ``porter unicode61 remove_diacritics 2``: Unicode case folding and word breaking (Cyrillic,
Greek, Latin alike), accents dropped ("deja" finds "déjà"), English words by their stem ("sanction" finds
"sanctions", "sanctioned"); Russian words are matched whole, or by prefix (``санкци*``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from readouts.catalog_db import ensure_part, write
from readouts.errors import DualreadError

if TYPE_CHECKING:
    from comparisons.model import Comparison
    from comparisons.options import CompareOptions
    from readouts.catalog import Catalog

__all__ = ["ClaimIndex", "IndexCounts", "Indexed", "PairRows", "STATUSES", "fold", "options_fingerprint", "pair_rows",
           "rows_of"]

PART_VERSION = 3
STATUSES = ("linked", "omission", "conflict")
TOKENIZER = "porter unicode61 remove_diacritics 2"
_CREATE = (
    "CREATE TABLE claim_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # ``key`` numbers a pair's claims: an integer in every claim row, not the pair's id, keeps the file small.
    """CREATE TABLE claim_pairs (
        key INTEGER PRIMARY KEY, pair_id TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL,
        claims INTEGER NOT NULL DEFAULT 0, links INTEGER NOT NULL DEFAULT 0, omissions INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0, problem TEXT)""",
    """CREATE TABLE claims (
        id INTEGER PRIMARY KEY, pair INTEGER NOT NULL, side TEXT NOT NULL, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, link TEXT,
        status TEXT NOT NULL, partner_sides TEXT NOT NULL DEFAULT '', topics TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX claims_by_pair ON claims (pair, link)",
    "CREATE TABLE claim_topics (topic TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY (topic, claim)) WITHOUT ROWID",
    "CREATE INDEX claim_topics_by_claim ON claim_topics (claim)",
    """CREATE TABLE links (
        pair INTEGER NOT NULL, id TEXT NOT NULL, score REAL NOT NULL, conflicts TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (pair, id)) WITHOUT ROWID""",
    # Per pair, side and topic: the side's claims on it, how many no other side reports, whether one conflicts.
    # Figures for the library screen and ``dualread stats`` read this, not the claims.
    """CREATE TABLE side_topics (
        pair INTEGER NOT NULL, side TEXT NOT NULL, topic TEXT NOT NULL, claims INTEGER NOT NULL,
        alone INTEGER NOT NULL, conflict INTEGER NOT NULL, PRIMARY KEY (pair, side, topic)) WITHOUT ROWID""",
    # External content: the text is stored once, in ``claims``; the index holds the folded spelling.
    f"CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id', tokenize='{TOKENIZER}')",
)
_DROP = tuple(f"DROP TABLE IF EXISTS {name}" for name in
              ("claims_fts", "claim_settings", "claim_pairs", "claims", "claim_topics", "links", "side_topics"))
_FOLDED = "replace(replace(text, 'ё', 'е'), 'Ё', 'Е')"
"""``fold`` in SQL, for the rows an external-content index must be told to forget."""
_BATCH_SECONDS = 0.5


def fold(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def options_fingerprint(options: "CompareOptions") -> str:
    from comparisons.cache import code_fingerprint
    from comparisons.engine import ENGINE_VERSION, resolve_params, resolve_taxonomy

    material = [ENGINE_VERSION, code_fingerprint(), resolve_taxonomy(options).fingerprint(),
                resolve_params(options).fingerprint(), options.similarity, options.model]
    return hashlib.sha256(json.dumps(material).encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Indexed:
    indexed: int = 0
    failed: tuple[tuple[str, str], ...] = field(default=())
    stopped: bool = False


@dataclass(frozen=True)
class IndexCounts:
    """Pairs that load (``total``), of which indexed under the settings in force (``indexed``, comparison failed
    included) and whose comparison failed (``failed``)."""

    total: int
    indexed: int
    failed: int

    @property
    def stale(self) -> int:
        return self.total - self.indexed


class ClaimIndex:
    def __init__(self, catalog: "Catalog", options: "CompareOptions", cache_dir: Path | None) -> None:
        self.catalog = catalog
        self.options = options
        self.cache_dir = cache_dir
        self.fingerprint = options_fingerprint(options)
        catalog.guarded(self._prepare)

    def _prepare(self, connection: sqlite3.Connection) -> None:
        ensure_part(connection, "claims", PART_VERSION, _CREATE, _DROP)
        row = connection.execute("SELECT value FROM claim_settings WHERE key = 'options'").fetchone()
        if row is not None and row[0] == self.fingerprint:
            return
        with write(connection):
            # Claims tagged under another taxonomy or engine would answer a search wrongly: none are kept.
            connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('delete-all')")
            for table in ("claim_pairs", "claims", "claim_topics", "links", "side_topics"):
                connection.execute(f"DELETE FROM {table}")
            connection.execute("INSERT OR REPLACE INTO claim_settings VALUES ('options', ?)", (self.fingerprint,))

    # --- what is left to do -------------------------------------------------------------------------------------

    def stale(self) -> list[str]:
        """Pairs that load and have no claims indexed for their current stamp, newest first."""
        def query(connection: sqlite3.Connection) -> list[str]:
            return [row[0] for row in connection.execute(
                "SELECT p.id FROM pairs p LEFT JOIN claim_pairs c ON c.pair_id = p.id "
                "WHERE p.problem IS NULL AND (c.stamp IS NULL OR c.stamp != p.stamp) "
                "ORDER BY p.date DESC, p.id")]

        return self.catalog.guarded(query)

    def counts(self) -> IndexCounts:
        def query(connection: sqlite3.Connection) -> IndexCounts:
            total, indexed, failed = connection.execute(
                "SELECT COUNT(*), COUNT(c.pair_id), COUNT(c.problem) FROM pairs p "
                "LEFT JOIN claim_pairs c ON c.pair_id = p.id AND c.stamp = p.stamp WHERE p.problem IS NULL").fetchone()
            return IndexCounts(total, indexed, failed)

        return self.catalog.guarded(query)

    # --- indexing -------------------------------------------------------------------------------------------------

    def index(self, pair_ids: Iterable[str] | None = None, *, progress: Callable[[int, int], None] | None = None,
              stop: Callable[[], bool] | None = None, workers: int = 1) -> Indexed:
        """Index ``pair_ids`` (default: every stale pair) from their comparisons, writing every half second.

        ``workers`` > 1 compares in that many processes (the command line, when many pairs were never compared);
        the rows are written here, by one connection."""
        wanted = self.stale() if pair_ids is None else list(pair_ids)
        stamps = self.catalog.stamps()
        wanted = [pair_id for pair_id in wanted if pair_id in stamps]  # removed or broken since it was listed
        batch: list[tuple[str, str, PairRows | str]] = []
        failed: list[tuple[str, str]] = []
        written = time.monotonic()
        done = 0
        stopped = False
        for pair_id, rows in self._rows(wanted, workers):
            if isinstance(rows, str):
                failed.append((pair_id, rows))
            batch.append((pair_id, stamps[pair_id], rows))
            done += 1
            if progress is not None:
                progress(done, len(wanted))
            if time.monotonic() - written > _BATCH_SECONDS:
                self._write(batch)
                batch, written = [], time.monotonic()
            if stop is not None and stop():
                stopped = done < len(wanted)
                break
        self._write(batch)
        return Indexed(done, tuple(failed), stopped)

    def _rows(self, pair_ids: list[str], workers: int) -> Iterator[tuple[str, "PairRows | str"]]:
        root = self.catalog.library.root
        if workers <= 1 or len(pair_ids) < 2 * workers:
            for pair_id in pair_ids:
                yield pair_id, pair_rows(root, pair_id, self.options, self.cache_dir)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = pool.map(pair_rows, repeat(root), pair_ids, repeat(self.options), repeat(self.cache_dir),
                            chunksize=8)
            try:
                yield from zip(pair_ids, jobs, strict=False)  # stopped early: the jobs not taken are cancelled
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    def _write(self, batch: list[tuple[str, str, "PairRows | str"]]) -> None:
        if batch:
            self.catalog.guarded(lambda connection: _store(connection, batch))


@dataclass(frozen=True)
class PairRows:
    """What one comparison adds to the index, before the rows are numbered: per claim (side, index, start, end,
    text, speaker, link, status, partner sides, topics), per link (id, score, conflicts as JSON), per side and
    topic (side, topic, claims, alone, conflict), and the counts."""

    claims: tuple[tuple, ...]
    links: tuple[tuple[str, float, str], ...]
    side_topics: tuple[tuple[str, str, int, int, int], ...]
    omissions: int
    conflicts: int


def pair_rows(root: Path, pair_id: str, options: "CompareOptions", cache_dir: Path | None) -> "PairRows | str":
    """The rows of ``pair_id``'s comparison with its review applied (what a person decided is what a search finds;
    a review file that cannot be used leaves the engine's result), through the comparison cache; or the one-line
    problem that kept it from being compared."""
    from comparisons.cache import cached_compare
    from comparisons.review.reviewed import read_review
    from readouts.library import Library

    try:
        library = Library(root)
        pair = library.load(pair_id)
        try:
            review = read_review(library, pair)
        except DualreadError:
            review = None  # as the TUI does: the engine's own result, the pair still searchable
        return rows_of(cached_compare(pair, options, cache_dir, review))
    except DualreadError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - an untrusted pair that breaks the engine breaks only itself
        return f"cannot be compared: {type(error).__name__}: {error}"


def rows_of(comparison: "Comparison") -> PairRows:
    """The index rows of one comparison."""
    link_of = {claim_id: link for link in comparison.links for claim_id in link.claims}
    side_of = {claim.id: claim.side for document in comparison.documents for claim in document.claims}
    claims = []
    cover: dict[tuple[str, str], list[int]] = {}
    for document in comparison.documents:
        for claim in document.claims:
            link = link_of.get(claim.id)
            if link is None:
                status, partners = "omission", ""
            else:
                status = "conflict" if link.conflicts else "linked"
                partners = " ".join(sorted({side_of[c] for c in link.claims} - {claim.side}))
            topics = comparison.topics_of(claim.id)
            claims.append((claim.side, claim.index, claim.start, claim.end, claim.text, claim.speaker,
                           link.id if link else None, status, partners, " ".join(topics)))
            for topic in topics:
                figures = cover.setdefault((claim.side, topic), [0, 0, 0])
                figures[0] += 1
                figures[1] += status == "omission"
                figures[2] |= status == "conflict"
    links = tuple((link.id, link.score, json.dumps([{"kind": c.kind, "values": dict(c.values)}
                                                    for c in link.conflicts], ensure_ascii=False))
                  for link in comparison.links)
    side_topics = tuple((side, topic, figures[0], figures[1], figures[2]) for (side, topic), figures in cover.items())
    # A conflict is a link whose claims disagree (SPEC §1), however many details they disagree on.
    return PairRows(tuple(claims), links, side_topics, len(comparison.omissions),
                    sum(1 for link in comparison.links if link.conflicts))


def _store(connection: sqlite3.Connection, batch: list[tuple[str, str, "PairRows | str"]]) -> None:
    with write(connection):
        next_id = (connection.execute("SELECT MAX(id) FROM claims").fetchone()[0] or 0) + 1
        for pair_id, stamp, rows in batch:
            _forget(connection, pair_id)
            if isinstance(rows, str):
                connection.execute("INSERT INTO claim_pairs (pair_id, stamp, problem) VALUES (?, ?, ?)",
                                   (pair_id, stamp, rows))
                continue
            key = connection.execute(
                "INSERT INTO claim_pairs (pair_id, stamp, claims, links, omissions, conflicts) VALUES (?, ?, ?, ?, ?, ?)",
                (pair_id, stamp, len(rows.claims), len(rows.links), rows.omissions, rows.conflicts)).lastrowid
            numbered = [(next_id + n, key, *claim) for n, claim in enumerate(rows.claims)]
            next_id += len(numbered)
            connection.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", numbered)
            connection.executemany("INSERT INTO claims_fts (rowid, text) VALUES (?, ?)",
                                   [(row[0], fold(row[6])) for row in numbered])
            connection.executemany("INSERT INTO claim_topics VALUES (?, ?)",
                                   [(topic, row[0]) for row in numbered for topic in row[11].split()])
            connection.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", [(key, *link) for link in rows.links])
            connection.executemany("INSERT INTO side_topics VALUES (?, ?, ?, ?, ?, ?)",
                                   [(key, *cell) for cell in rows.side_topics])
        _forget_removed(connection)


def _forget(connection: sqlite3.Connection, pair_id: str) -> None:
    row = connection.execute("SELECT key FROM claim_pairs WHERE pair_id = ?", (pair_id,)).fetchone()
    if row is None:
        return
    key = row[0]
    connection.execute(f"INSERT INTO claims_fts (claims_fts, rowid, text) SELECT 'delete', id, {_FOLDED} "
                       "FROM claims WHERE pair = ?", (key,))
    connection.execute("DELETE FROM claim_topics WHERE claim IN (SELECT id FROM claims WHERE pair = ?)", (key,))
    connection.execute("DELETE FROM claims WHERE pair = ?", (key,))
    connection.execute("DELETE FROM links WHERE pair = ?", (key,))
    connection.execute("DELETE FROM side_topics WHERE pair = ?", (key,))
    connection.execute("DELETE FROM claim_pairs WHERE key = ?", (key,))


def _forget_removed(connection: sqlite3.Connection) -> None:
    """Claims of pairs no longer in the catalog (removed folders, broken ones) take no room and match nothing."""
    gone = [row[0] for row in connection.execute(
        "SELECT c.pair_id FROM claim_pairs c LEFT JOIN pairs p ON p.id = c.pair_id "
        "WHERE p.id IS NULL OR p.problem IS NOT NULL")]
    for pair_id in gone:
        _forget(connection, pair_id)
