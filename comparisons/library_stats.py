"""Library-wide figures from the claim index: how often each side raises each topic, leaves it out, or is in
conflict on it, over every pair (and per year); and the per-pair topic coverage a library index report draws.

- ``library_stats(index, by="publisher") -> LibraryStats``: one ``TopicStat`` per (year when ``by="year"``, side,
  topic) that the side's pairs touch. A side is named by its publisher (its key when it names none), so "The White
  House" adds up over every pair it is in. Rows come ordered for ``by``: publisher then topic, topic then publisher,
  or year then publisher then topic; topics in the taxonomy's order.
- ``TopicStat``: ``pairs`` (the side's pairs in the group), ``raised`` (pairs where it has a claim on the topic),
  ``left_out`` (pairs where another side raised the topic and it did not), ``conflict`` (pairs where one of its
  claims on the topic is in a link whose claims disagree), ``claims`` (its claims on the topic) and ``alone`` (those
  no other side reports: omissions).
- ``pair_coverage(index, pair_ids=None) -> list[PairCoverage]``: per pair, per topic, each side's claim count and
  whether a claim on it is in conflict (the cells of the index report's coverage matrix,
  ``comparisons.reports.library_index``), and the pair's counts of claims, links, omissions and conflicts (the
  library screen's figures), without computing a comparison.

Only pairs whose claims are indexed under the settings in force are counted; ``LibraryStats.not_indexed`` says how
many were left out (none, once ``ClaimIndex.index()`` has run).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.claim_index import ClaimIndex

__all__ = ["GROUPINGS", "LibraryStats", "PairCoverage", "TopicStat", "library_stats", "pair_coverage"]

GROUPINGS = ("publisher", "topic", "year")

_OK_PAIRS = (
    "ok AS (SELECT p.id, cp.key, substr(p.date, 1, 4) AS year FROM pairs p "
    "JOIN claim_pairs cp ON cp.pair_id = p.id AND cp.stamp = p.stamp "
    "WHERE p.problem IS NULL AND cp.problem IS NULL)"
)
_WHO = "CASE WHEN s.publisher != '' THEN s.publisher ELSE s.key END"


@dataclass(frozen=True)
class TopicStat:
    year: str | None
    side: str
    topic: str
    pairs: int
    raised: int
    left_out: int
    conflict: int
    claims: int
    alone: int


@dataclass(frozen=True)
class LibraryStats:
    by: str
    rows: tuple[TopicStat, ...]
    pairs: int
    """Pairs counted."""
    not_indexed: int
    topic_labels: dict[str, str]
    """The label of every topic in ``rows``, in the taxonomy's order."""


@dataclass(frozen=True)
class PairCoverage:
    pair_id: str
    sides: tuple[tuple[str, str], ...]
    """(key, label) per side, in the pair's order."""
    topics: dict[str, tuple[tuple[int, ...], bool]]
    """Per topic some side mentions: claims per side (in ``sides``' order), and whether one is in conflict."""
    claims: int = 0
    links: int = 0
    omissions: int = 0
    conflicts: int = 0
    """The comparison's counts: claims, links, omissions, and conflicts (links whose claims disagree)."""


def library_stats(index: "ClaimIndex", by: str = "publisher") -> LibraryStats:
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}, not {by!r}")
    from comparisons.engine import resolve_taxonomy

    taxonomy = resolve_taxonomy(index.options)
    order = {topic_id: i for i, topic_id in enumerate(taxonomy.ids)}
    rows, pairs = index.catalog.guarded(lambda connection: _query(connection, by == "year"))
    rank = _side_rank(rows)

    def key(row: TopicStat) -> tuple:
        topic = (order.get(row.topic, len(order)), row.topic)
        side = (rank[row.side], row.side)
        if by == "topic":
            return (topic, side)
        if by == "year":
            return (row.year or "", side, topic)
        return (side, topic)

    used = {row.topic for row in rows}
    labels = {t: taxonomy.label(t) for t in sorted(used, key=lambda t: (order.get(t, len(order)), t))}
    return LibraryStats(by, tuple(sorted(rows, key=key)), pairs, index.counts().stale, labels)


def _side_rank(rows: list[TopicStat]) -> dict[str, int]:
    """Sides in the most pairs first, then by name: the ones a reader looks for come at the top."""
    most: dict[str, int] = {}
    for row in rows:
        most[row.side] = max(most.get(row.side, 0), row.pairs)
    return {side: i for i, side in enumerate(sorted(most, key=lambda s: (-most[s], s)))}


def _query(connection: sqlite3.Connection, by_year: bool) -> tuple[list[TopicStat], int]:
    """The figures, added up here from the per-pair ``side_topics`` rows (one pass over them)."""
    sides: dict[int, list[tuple[str, str]]] = {}
    group_of: dict[int, str | None] = {}
    bases: dict[tuple[str | None, str], int] = {}
    for key, year, side, who in connection.execute(
            f"WITH {_OK_PAIRS} SELECT ok.key, ok.year, s.key, {_WHO} FROM ok "
            "JOIN sides s ON s.pair_id = ok.id ORDER BY ok.key, s.position"):
        sides.setdefault(key, []).append((side, who))
        group_of[key] = year if by_year else None
        bases[(group_of[key], who)] = bases.get((group_of[key], who), 0) + 1
    cells: dict[tuple[int, str], dict[str, tuple[int, int, int]]] = {}
    for key, side, topic, claims, alone, conflict in connection.execute(
            "SELECT pair, side, topic, claims, alone, conflict FROM side_topics"):
        if key in sides:
            cells.setdefault((key, topic), {})[side] = (claims, alone, conflict)
    totals: dict[tuple[str | None, str, str], list[int]] = {}
    for (key, topic), by_side in cells.items():
        for side, who in sides[key]:
            figures = totals.setdefault((group_of[key], who, topic), [0, 0, 0, 0, 0])
            mine = by_side.get(side)
            if mine is None:
                figures[1] += 1
                continue
            figures[0] += 1
            figures[2] += bool(mine[2])
            figures[3] += mine[0]
            figures[4] += mine[1]
    rows = [TopicStat(year, who, topic, bases[(year, who)], *figures)
            for (year, who, topic), figures in totals.items()]
    return rows, len(sides)


def pair_coverage(index: "ClaimIndex", pair_ids: Iterable[str] | None = None) -> list[PairCoverage]:
    """Every indexed pair's topic coverage and counts (or those of ``pair_ids``), newest first."""
    wanted = None if pair_ids is None else list(dict.fromkeys(pair_ids))

    def query(connection: sqlite3.Connection) -> list[PairCoverage]:
        only, args = "", []
        if wanted is not None:
            if not wanted:
                return []
            only, args = f" AND p.id IN ({','.join('?' * len(wanted))})", wanted
        pairs: dict[int, tuple] = {}
        sides: dict[int, list[tuple[str, str]]] = {}
        for key, pair_id, claims, links, omissions, conflicts, side, who in connection.execute(
                "SELECT cp.key, p.id, cp.claims, cp.links, cp.omissions, cp.conflicts, s.key, " + _WHO + " "
                "FROM pairs p JOIN claim_pairs cp ON cp.pair_id = p.id AND cp.stamp = p.stamp "
                "JOIN sides s ON s.pair_id = p.id WHERE p.problem IS NULL AND cp.problem IS NULL" + only +
                " ORDER BY p.date DESC, p.id, s.position", args):
            pairs[key] = (pair_id, claims, links, omissions, conflicts)
            sides.setdefault(key, []).append((side, who))
        cells: dict[int, dict[str, dict[str, tuple[int, bool]]]] = {}
        keys = list(pairs)
        rows = connection.execute("SELECT pair, side, topic, claims, conflict FROM side_topics") if wanted is None \
            else connection.execute("SELECT pair, side, topic, claims, conflict FROM side_topics WHERE pair IN "
                                    f"({','.join('?' * len(keys))})", keys) if keys else ()
        for key, side, topic, claims, conflict in rows:
            cells.setdefault(key, {}).setdefault(topic, {})[side] = (claims, bool(conflict))
        found = []
        for key, (pair_id, claims, links, omissions, conflicts) in pairs.items():
            order = sides[key]
            topics = {
                topic: (tuple(by_side.get(k, (0, False))[0] for k, _ in order),
                        any(conflict for _, conflict in by_side.values()))
                for topic, by_side in cells.get(key, {}).items()
            }
            found.append(PairCoverage(pair_id, tuple(order), topics, claims, links, omissions, conflicts))
        return found

    return index.catalog.guarded(query)
