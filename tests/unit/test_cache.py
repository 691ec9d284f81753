"""The comparison cache: reopening is instant, edits that matter recompute, a broken cache never fails a command."""

from __future__ import annotations

import dataclasses
import gzip
import json

import pytest

import comparisons.engine as engine
from comparisons.cache import cache_key, cache_path, cached_compare
from comparisons.jsonio import dumps
from comparisons.options import CompareOptions
from readouts.model import Pair
from test_engine import OPTIONS, PAIR, StandInTaxonomy, standins  # noqa: F401  (the fixture is used by name)


@pytest.fixture
def counted(standins, monkeypatch):
    """Count real computations behind the cache."""
    calls = []
    real = engine.compare

    def counting(pair, options=None):
        calls.append(pair.id)
        return real(pair, options)

    monkeypatch.setattr(engine, "compare", counting)
    return calls


def with_text(pair: Pair, key: str, text: str) -> Pair:
    sides = tuple(dataclasses.replace(s, text=text) if s.key == key else s for s in pair.sides)
    return dataclasses.replace(pair, sides=sides)


def test_second_open_comes_from_the_cache(counted, tmp_path):
    first = cached_compare(PAIR, OPTIONS, tmp_path)
    second = cached_compare(PAIR, OPTIONS, tmp_path)
    assert counted == ["test-pair"]
    assert second == first
    assert cache_path(PAIR, OPTIONS, tmp_path).is_file()
    assert cache_path(PAIR, OPTIONS, tmp_path).parent == tmp_path / "comparisons" / "test-pair"


def test_editing_a_readout_recomputes(counted, tmp_path):
    cached_compare(PAIR, OPTIONS, tmp_path)
    edited = with_text(PAIR, "west", PAIR.sides[1].text + "Sanctions on steel were lifted.\n")
    result = cached_compare(edited, OPTIONS, tmp_path)
    assert len(counted) == 2
    assert any("lifted" in c.text for d in result.documents for c in d.claims)


def test_changing_the_taxonomy_or_similarity_changes_the_key():
    class OtherTaxonomy(StandInTaxonomy):
        def fingerprint(self) -> str:
            return "stand-in-2"

    base = cache_key(PAIR, OPTIONS)
    assert cache_key(PAIR, CompareOptions(taxonomy=OtherTaxonomy())) != base
    assert cache_key(PAIR, CompareOptions(similarity="semantic", taxonomy=StandInTaxonomy())) != base
    assert cache_key(PAIR, CompareOptions(taxonomy=StandInTaxonomy())) == base


def test_participants_and_engine_version_are_in_the_key(monkeypatch):
    base = cache_key(PAIR, OPTIONS)
    assert cache_key(dataclasses.replace(PAIR, participants=PAIR.participants[:1]), OPTIONS) != base
    monkeypatch.setattr(engine, "ENGINE_VERSION", engine.ENGINE_VERSION + "-next")
    assert cache_key(PAIR, OPTIONS) != base


def test_new_publisher_needs_no_recompute_and_shows(counted, tmp_path):
    cached_compare(PAIR, OPTIONS, tmp_path)
    renamed = dataclasses.replace(PAIR, sides=(dataclasses.replace(PAIR.sides[0], publisher="New Name"), PAIR.sides[1]))
    result = cached_compare(renamed, OPTIONS, tmp_path)
    assert counted == ["test-pair"]
    assert result.documents[0].side.publisher == "New Name"


@pytest.mark.parametrize("garbage", ["{not json", "", '{"schema": "dualread/comparison@1"}', "\udcff"])
def test_corrupt_cache_entry_is_recomputed_and_replaced(counted, tmp_path, garbage):
    good = cached_compare(PAIR, OPTIONS, tmp_path)
    path = cache_path(PAIR, OPTIONS, tmp_path)
    path.write_bytes(garbage.encode("utf-8", "surrogateescape"))
    again = cached_compare(PAIR, OPTIONS, tmp_path)
    assert again == good
    assert len(counted) == 2
    assert json.loads(gzip.decompress(path.read_bytes()))["schema"] == "dualread/comparison@1"


def test_an_unwritable_cache_folder_does_not_fail(counted, tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    result = cached_compare(PAIR, OPTIONS, blocked)
    assert result.links
    assert blocked.read_text() == "a file where the cache folder should be"


def test_no_cache_folder_computes(counted):
    assert cached_compare(PAIR, OPTIONS, None).pair == PAIR
    assert counted == ["test-pair"]


def test_a_cache_entry_is_the_comparison_without_the_texts_the_pair_holds(counted, tmp_path):
    result = cached_compare(PAIR, OPTIONS, tmp_path)
    stored = cache_path(PAIR, OPTIONS, tmp_path).read_bytes()
    entry = gzip.decompress(stored).decode("utf-8")
    assert json.loads(entry)["schema"] == "dualread/comparison@1"
    assert PAIR.sides[0].text not in entry and len(stored) < len(entry) < len(dumps(result)) / 2
    assert cached_compare(PAIR, OPTIONS, tmp_path) == result and counted == ["test-pair"]


def test_old_entries_of_a_pair_are_pruned(counted, tmp_path):
    for n in range(12):
        cached_compare(with_text(PAIR, "west", PAIR.sides[1].text + f"Extra point {n}.\n"), OPTIONS, tmp_path)
    assert len(list((tmp_path / "comparisons" / "test-pair").glob("*.json.gz"))) <= 8


def test_a_change_to_the_engines_code_changes_the_key(monkeypatch):
    import comparisons.cache as cache

    base = cache_key(PAIR, OPTIONS)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited-engine")
    assert cache_key(PAIR, OPTIONS) != base


def test_a_cache_folder_that_is_a_link_is_named_once_not_once_a_pair(counted, tmp_path, caplog):
    # `dualread search` on a library whose .cache is a link said "the cached comparison .../.cache was
    # discarded (...)" once for every pair it compared: the same line a dozen times, naming no comparison at all.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "lib").mkdir()
    cache_dir = tmp_path / "lib" / ".cache"
    cache_dir.symlink_to(elsewhere)
    with caplog.at_level("WARNING", logger="dualread.cache"):
        for pair_id in ("first-call", "second-call", "third-call"):
            cached_compare(dataclasses.replace(PAIR, id=pair_id), OPTIONS, cache_dir)
    notes = [r.getMessage() for r in caplog.records if r.name == "dualread.cache"]
    assert len(notes) == 1, notes
    assert str(cache_dir) in notes[0] and "not a folder" in notes[0] and "cached comparison" not in notes[0]
    assert counted == ["first-call", "second-call", "third-call"] and not any(elsewhere.iterdir())
