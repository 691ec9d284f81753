"""Library-wide figures (comparisons.library_stats) against the same figures counted by hand from the comparisons."""

from __future__ import annotations

from collections import defaultdict

import pytest

from comparisons.cache import cached_compare
from comparisons.claim_index import ClaimIndex
from comparisons.library_stats import library_stats, pair_coverage
from comparisons.options import CompareOptions
from readouts.catalog import Catalog
from readouts.library import Library
from tests.unit.library_files import NORLAND, RUSSIAN, save_pair


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("stats") / "library"
    save_pair(root, "2024-03-04-vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND},
              publishers={"kremlin": "President of Russia (Kremlin)"})
    (root / "broken-pair").mkdir()
    catalog = Catalog(Library(root))
    catalog.refresh()
    claim_index = ClaimIndex(catalog, CompareOptions(), Library(root).cache_dir)
    claim_index.index()
    yield claim_index
    catalog.close()


def by_hand(index, by_year):
    """(year, side label, topic) -> [pairs, raised, left_out, conflict, claims, alone], from the comparisons."""
    library = index.catalog.library
    figures = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    bases = defaultdict(set)
    for entry in library.entries():
        if entry.pair is None:
            continue
        comparison = cached_compare(entry.pair, index.options, library.cache_dir)
        year = str(entry.pair.date.year) if by_year else None
        link_of = {cid: link for link in comparison.links for cid in link.claims}
        per_side = defaultdict(lambda: defaultdict(list))
        for document in comparison.documents:
            bases[(year, document.side.label)].add(entry.id)
            for claim in document.claims:
                for topic in comparison.topics_of(claim.id):
                    per_side[topic][document.key].append(claim)
        for topic, sides in per_side.items():
            for document in comparison.documents:
                row = figures[(year, document.side.label, topic)]
                mine = sides.get(document.key, [])
                row[1] += bool(mine)
                row[2] += not mine
                row[3] += any(link_of.get(c.id) is not None and link_of[c.id].conflicts for c in mine)
                row[4] += len(mine)
                row[5] += sum(1 for c in mine if c.id not in link_of)
    for (year, side, _topic), row in figures.items():
        row[0] = len(bases[(year, side)])
    return {key: tuple(row) for key, row in figures.items()}


@pytest.mark.parametrize("by", ["publisher", "topic", "year"])
def test_each_sides_raised_left_out_and_conflict_counts_match_the_comparisons(index, by):
    stats = library_stats(index, by)
    found = {(r.year, r.side, r.topic): (r.pairs, r.raised, r.left_out, r.conflict, r.claims, r.alone)
             for r in stats.rows}
    assert found == by_hand(index, by == "year")
    assert stats.pairs == len([e for e in index.catalog.library.entries() if e.pair]) and stats.not_indexed == 0
    assert any(r.left_out for r in stats.rows) and any(r.conflict for r in stats.rows)


def test_rows_are_ordered_for_the_grouping_asked(index):
    topic_rows = library_stats(index, "topic").rows
    firsts = [r.topic for r in topic_rows]
    assert firsts == sorted(firsts, key=firsts.index) and len(set(firsts)) < len(firsts)
    assert [t for i, t in enumerate(firsts) if i == 0 or firsts[i - 1] != t][:2] == ["sanctions", "de-escalation"]
    year_rows = library_stats(index, "year").rows
    assert [r.year for r in year_rows] == sorted(r.year for r in year_rows)
    publisher_rows = library_stats(index, "publisher").rows
    assert publisher_rows[0].side == "The White House"  # the side in the most pairs comes first


def test_pair_coverage_gives_each_sides_claims_per_topic(index):
    library = index.catalog.library
    coverage = {c.pair_id: c for c in pair_coverage(index)}
    assert "broken-pair" not in coverage
    for entry in library.entries():
        if entry.pair is None:
            continue
        comparison = cached_compare(entry.pair, index.options, library.cache_dir)
        cell = coverage[entry.id]
        assert [key for key, _ in cell.sides] == list(entry.pair.side_keys)
        for summary in comparison.topics:
            counts = tuple(summary.claims.get(key, 0) for key in entry.pair.side_keys)
            if any(counts):
                conflict = any(link.conflicts for link in comparison.links if summary.id in link.topics)
                assert cell.topics[summary.id][0] == counts
                if not conflict:
                    assert cell.topics[summary.id][1] is False
