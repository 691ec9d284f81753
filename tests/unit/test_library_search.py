"""Search across the library (comparisons.claim_index, comparisons.library_search) on the bundled samples and a pair
in Russian: each answer is checked against the comparisons themselves, claim by claim."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from comparisons.cache import cached_compare
from comparisons.claim_index import ClaimIndex
from comparisons.library_search import SearchError, SearchQuery, fts_query, search
from comparisons.options import CompareOptions
from readouts.catalog import Catalog
from readouts.library import Library
from tests.unit.library_files import NORLAND, RUSSIAN, save_pair


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("search") / "library"
    save_pair(root, "2024-03-04-vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND},
              publishers={"kremlin": "Президент России", "norland": "Office of the President of Norland"})
    catalog = Catalog(Library(root))
    catalog.refresh()
    claim_index = ClaimIndex(catalog, CompareOptions(), Library(root).cache_dir)
    assert claim_index.index().indexed == len(Library(root).entries())
    yield claim_index
    catalog.close()


@pytest.fixture(scope="module")
def claims(index):
    """Every claim of the library as the comparisons give it: (pair id, claim id) -> facts about it."""
    library = index.catalog.library
    found = {}
    for entry in library.entries():
        comparison = cached_compare(entry.pair, index.options, library.cache_dir)
        link_of = {cid: link for link in comparison.links for cid in link.claims}
        for document in comparison.documents:
            for claim in document.claims:
                link = link_of.get(claim.id)
                found[(entry.id, claim.id)] = {
                    "text": claim.text, "side": claim.side, "publisher": document.side.publisher,
                    "topics": set(comparison.topics_of(claim.id)), "speaker": claim.speaker, "date": entry.pair.date,
                    "status": "omission" if link is None else "conflict" if link.conflicts else "linked",
                    "partners": {c for c in link.claims if comparison.claim(c).side != claim.side} if link else set(),
                    "pair_sides": set(entry.pair.side_keys),
                }
    return found


def hits(result):
    return {(group.pair_id, hit.id) for group in result.pairs for hit in group.hits}


def run(index, text="", **filters):
    return search(index, SearchQuery(text, **filters))


def test_a_word_finds_every_claim_with_it_and_its_other_forms(index, claims):
    found = hits(run(index, "sanctions"))
    with_word = {key for key, c in claims.items() if re.search(r"\bsanctions?\b", c["text"], re.I)}
    assert with_word and with_word <= found
    assert all(re.search(r"\bsanction", claims[key]["text"], re.I) for key in found)


def test_a_phrase_finds_exactly_the_claims_that_hold_it(index, claims):
    found = hits(run(index, '"colossal mistake"'))
    assert found and found == {key for key, c in claims.items() if "colossal mistake" in c["text"].lower()}
    assert not hits(run(index, '"mistake colossal"'))


def test_a_topic_alone_finds_every_claim_tagged_with_it(index, claims):
    assert hits(run(index, topic="sanctions")) == {key for key, c in claims.items() if "sanctions" in c["topics"]}


def test_side_publisher_speaker_and_dates_narrow_the_claims(index, claims):
    kremlin = hits(run(index, "sanctions", side="kremlin"))
    assert kremlin and kremlin == {key for key in hits(run(index, "sanctions")) if claims[key]["side"] == "kremlin"}
    by_publisher = hits(run(index, topic="talks", publisher="white house"))
    assert by_publisher == {key for key, c in claims.items()
                            if "talks" in c["topics"] and c["publisher"] == "The White House"}
    putin = hits(run(index, speaker="putin"))
    assert putin == {key for key, c in claims.items() if c["speaker"] and "putin" in c["speaker"].lower()}
    day = _dt.date(2021, 12, 30)
    assert hits(run(index, since=day, until=day)) == {key for key, c in claims.items() if c["date"] == day}


@pytest.mark.parametrize("status", ["omission", "conflict", "linked"])
def test_status_finds_omissions_conflicts_and_linked_claims(index, claims, status):
    wanted = {"linked": {"linked", "conflict"}}.get(status, {status})
    expected = {key for key, c in claims.items() if c["status"] in wanted}
    assert expected and hits(run(index, status=status)) == expected


def test_what_the_kremlin_said_on_sanctions_and_the_white_house_did_not(index, claims):
    found = hits(run(index, topic="sanctions", side="kremlin", without="white-house"))
    expected = {key for key, c in claims.items()
                if c["side"] == "kremlin" and "sanctions" in c["topics"] and "white-house" in c["pair_sides"]
                and not any(p.startswith("white-house:") for p in c["partners"])}
    assert expected and found == expected


def test_results_are_grouped_by_pair_newest_first_with_each_claims_partners(index, claims):
    result = run(index, "Biden")
    dates = [group.date for group in result.pairs]
    assert dates == sorted(dates, reverse=True) and len(set(g.pair_id for g in result.pairs)) == len(result.pairs)
    for group in result.pairs:
        for hit in group.hits:
            facts = claims[(group.pair_id, hit.id)]
            assert hit.text == facts["text"] and hit.status == facts["status"]
            assert {p.id for p in hit.partners} == facts["partners"]
            assert all(p.text == claims[(group.pair_id, p.id)]["text"] for p in hit.partners)


def test_russian_words_prefixes_and_yo_are_found(index, claims):
    pair = "2024-03-04-vest-putin-call"
    sanction_claim = {key for key, c in claims.items() if key[0] == pair and "санкции" in c["text"]}
    assert hits(run(index, "санкции")) == sanction_claim
    assert hits(run(index, "САНКЦИИ")) == sanction_claim
    assert sanction_claim <= hits(run(index, "санкци*"))
    grain = {key for key, c in claims.items() if key[0] == pair and "ещё" in c["text"]}
    assert grain and hits(run(index, "еще")) == grain == hits(run(index, "ещё"))
    assert hits(run(index, "Президент России", publisher="президент")) <= {k for k in claims if k[0] == pair}


def test_a_query_fts5_cannot_read_is_one_clear_error(index):
    for bad in ['sanctions AND', '"unterminated', "(talks", "*"]:
        with pytest.raises(SearchError) as caught:
            run(index, bad)
        assert "\n" not in str(caught.value) and "QUERY" in str(caught.value)


def test_words_with_punctuation_are_read_as_phrases_not_syntax(index, claims):
    assert fts_query("de-escalation") == '"de-escalation"'
    assert fts_query('U.S. "grain deal" talks*') == '"U.S." "grain deal" talks*'
    found = hits(run(index, "de-escalation"))
    assert found and all("de-escalat" in claims[key]["text"].lower() for key in found)


def test_a_changed_pair_serves_no_old_claims_and_its_new_ones_once_indexed(tmp_path):
    root = tmp_path / "library"
    save_pair(root, "vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND})
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        index = ClaimIndex(catalog, CompareOptions(), Library(root).cache_dir)
        index.index()
        assert hits(run(index, "grain"))
        save_pair(root, "vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND.replace("grain", "fertiliser")})
        catalog.refresh()
        stale = run(index, "grain")
        assert not hits(stale) and stale.not_indexed == 1
        index.index()
        assert hits(run(index, "fertiliser")) and not hits(run(index, "grain"))


def test_a_pair_that_fails_to_compare_is_noted_and_the_rest_are_searched(tmp_path, monkeypatch):
    import comparisons.cache

    root = tmp_path / "library"
    save_pair(root, "vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND})
    real = comparisons.cache.cached_compare

    def failing(pair, options, cache_dir, review=None):
        if pair.id == "vest-putin-call":
            raise RuntimeError("the engine tripped")
        return real(pair, options, cache_dir, review)

    monkeypatch.setattr(comparisons.cache, "cached_compare", failing)
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        index = ClaimIndex(catalog, CompareOptions(), Library(root).cache_dir)
        assert [pair_id for pair_id, _ in index.index().failed] == ["vest-putin-call"]
        result = run(index, "Biden")
        assert result.claims and [pair_id for pair_id, _ in result.failed] == ["vest-putin-call"]
        assert "the engine tripped" in result.failed[0][1]


def test_claims_indexed_under_another_taxonomy_are_indexed_again(index, tmp_path):
    from comparisons.topics.taxonomy import load_taxonomy

    topics = tmp_path / "topics.yaml"
    topics.write_text("extends: default\ntopics:\n  - id: grain\n    label: Grain\n    description: grain deals\n"
                      "    keywords: [grain]\n", encoding="utf-8")
    other = ClaimIndex(index.catalog, CompareOptions(taxonomy=load_taxonomy(topics)), index.cache_dir)
    try:
        assert other.counts().indexed == 0 and len(other.stale()) == other.counts().total
        other.index()
        assert hits(run(other, topic="grain"))
    finally:
        ClaimIndex(index.catalog, index.options, index.cache_dir).index()


def test_claims_read_through_the_comparison_cache_equal_those_of_a_fresh_comparison(index):
    from comparisons.claim_index import pair_rows

    library = index.catalog.library
    for entry in library.entries():
        assert pair_rows(library.root, entry.id, index.options, library.cache_dir) == \
            pair_rows(library.root, entry.id, index.options, None)


def test_a_tampered_cache_entry_never_reaches_the_index(index):
    import gzip

    from comparisons.cache import cache_path
    from comparisons.claim_index import pair_rows

    library = index.catalog.library
    pair = library.load("2021-12-30-biden-putin-call")
    path = cache_path(pair, index.options, library.cache_dir)
    honest = path.read_bytes()
    first = pair_rows(library.root, pair.id, index.options, library.cache_dir).claims[0]
    try:
        entry = gzip.decompress(honest).decode("utf-8")
        tampered = entry.replace(f'"start":{first[2]},', f'"start":{first[2] + 5},', 1)
        assert tampered != entry  # a claim's offsets moved: it no longer slices its text
        path.write_bytes(gzip.compress(tampered.encode("utf-8")))
        rows = pair_rows(library.root, pair.id, index.options, library.cache_dir)
        assert rows.claims[0] == first
    finally:
        path.write_bytes(honest)
