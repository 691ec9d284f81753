"""A small library with one two-side pair (the bundled 7 December 2021 sample, copied) and its engine comparison,
for the review tests; and ``row_with`` / ``claim`` to find what a test acts on by its text."""

from __future__ import annotations

from pathlib import Path

from comparisons.model import Comparison, Row
from readouts.library import Library
from readouts.model import Claim

PAIR_ID = "2021-12-07-biden-putin-video-call"
THREE_SIDES = "2021-12-30-biden-putin-call"


def library_with(root: Path, *pair_ids: str) -> Library:
    """A library at ``root`` holding copies of the bundled samples ``pair_ids`` (user pairs, writable)."""
    library = Library(root)
    for pair_id in pair_ids or (PAIR_ID,):
        library.save(Library(root).load(pair_id))
    return library


def claim(comparison: Comparison, claim_id: str) -> Claim:
    return comparison.claim(claim_id)


def row_of(comparison: Comparison, claim_id: str) -> Row:
    return next(r for r in comparison.rows if any(c.id == claim_id for cs in r.claims.values() for c in cs))


def link_rows(comparison: Comparison) -> list[Row]:
    return [r for r in comparison.rows if r.link is not None]


def omission_rows(comparison: Comparison, side: str | None = None) -> list[Row]:
    return [r for r in comparison.rows if r.omission is not None and (side is None or r.omission.side == side)]


def assert_invariants(comparison: Comparison) -> None:
    """What every reader relies on: each claim in exactly one link or omission, links of two sides or more,
    numbered L1.. in reading order, claims in side then reading order."""
    every = [c.id for d in comparison.documents for c in d.claims]
    placed = [cid for link in comparison.links for cid in link.claims] + [o.claim for o in comparison.omissions]
    assert sorted(placed) == sorted(every)
    keys = comparison.side_keys
    for n, link in enumerate(comparison.links, start=1):
        assert link.id == f"L{n}"
        sides = [comparison.claim(cid).side for cid in link.claims]
        assert len(set(sides)) >= 2
        order = [(keys.index(comparison.claim(cid).side), comparison.claim(cid).index) for cid in link.claims]
        assert order == sorted(order)
        assert 0.0 <= link.score <= 1.0

    def reading(link):
        firsts = {}
        for cid in link.claims:
            c = comparison.claim(cid)
            firsts.setdefault(c.side, c.index)
        return tuple(firsts.get(k, float("inf")) for k in keys)

    assert [reading(link) for link in comparison.links] == sorted(reading(link) for link in comparison.links)
    linked_topics = {}
    for link in comparison.links:
        for t in link.topics:
            linked_topics[t] = linked_topics.get(t, 0) + 1
    for topic in comparison.topics:
        assert topic.links == linked_topics.get(topic.id, 0)
