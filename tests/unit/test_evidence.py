"""Why a link exists and why a claim is an omission: what a reader checking a comparison is told."""

from __future__ import annotations

import math

import pytest
from builders import document

from comparisons.engine import compare
from comparisons.evidence import explain_link, explain_omission
from comparisons.jsonio import from_dict, to_dict
from comparisons.matching.align import align
from comparisons.params import default_params
from readouts.library import Library

LONDON = [
    "The Prime Minister spoke to the Chancellor of Austria this afternoon.",
    "The Prime Minister welcomed the plan to open talks on a fisheries agreement in Vienna on 12 March.",
    "He also raised the case of the journalist detained in Minsk.",
]
VIENNA = [
    "Federal Chancellor held a telephone conversation with the British Prime Minister.",
    "Negotiations on fishing rights will begin in Vienna on March 12.",
    "The Chancellor presented Austria's candidacy for the Security Council.",
]


@pytest.fixture(scope="module")
def alignment():
    return align([document("london", LONDON), document("vienna", VIENNA)], {}, "lexical")


def test_a_link_names_what_its_claims_share_with_the_words_each_side_used(alignment):
    evidence = alignment.link_evidence[frozenset({"london:1", "vienna:1"})]
    assert evidence.rule == "merge"
    (pair,) = evidence.pairs
    features = {s.feature: s for s in pair.shared}
    assert {"word:vienna", "date:03-12"} <= set(features)
    # The same talks under two names: the concept shows each side's own words.
    talks = next(s for s in pair.shared if s.feature.startswith("concept:") and "talks" in s.words.get("london:1", ""))
    assert "negotiations" in talks.words["vienna:1"]
    assert features["date:03-12"].words == {"london:1": "March 12", "vienna:1": "March 12"}


def test_shared_weights_add_up_to_the_content_score_and_factors_give_the_score(alignment):
    for evidence in alignment.link_evidence.values():
        for pair in evidence.pairs:
            assert math.isclose(sum(s.weight for s in pair.shared), pair.content, abs_tol=1e-3)
            product = pair.content
            for factor in pair.factors:
                product *= factor.value
            assert math.isclose(min(1.0, product), pair.score, abs_tol=2e-3)


def test_an_omission_says_what_it_came_closest_to_or_that_nothing_shares_anything(alignment):
    journalist = alignment.omission_evidence["london:2"]
    assert journalist.nearest is None and "shares" in journalist.reason
    candidacy = alignment.omission_evidence["vienna:2"]
    assert candidacy.reason
    if candidacy.nearest is not None:
        assert candidacy.nearest.startswith("london:") and candidacy.nearest in candidacy.reason


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("library"))
    return compare(library.load("2021-12-30-biden-putin-call"))


def link_of(comp, fragment):
    claim = next(c for d in comp.documents for c in d.claims if fragment in c.text)
    return next(l for l in comp.links if claim.id in l.claims)


def test_every_link_and_omission_of_a_sample_carries_its_evidence(sample):
    assert all(link.evidence is not None and link.evidence.pairs for link in sample.links)
    assert all(o.evidence is not None and o.evidence.reason for o in sample.omissions)


def test_the_geneva_link_is_explained_by_geneva_and_the_talks_in_words(sample):
    lines = explain_link(link_of(sample, "will meet in Geneva"), sample)
    text = "\n".join(lines)
    assert lines[0].startswith("rule: merge")
    assert 'entity geneva "geneva"' in text
    assert "score" in lines[1] and "content" in lines[1]


def test_an_omission_is_explained_in_one_line(sample):
    omission = next(o for o in sample.omissions if "two paths" in sample.claim(o.claim).text)
    (line,) = explain_omission(omission, sample)
    assert line.startswith("not linked: ")


def test_evidence_survives_the_json_round_trip(sample):
    again = from_dict(to_dict(sample), sample.pair)
    assert again.links == sample.links
    assert again.omissions == sample.omissions


def test_the_engine_records_the_fingerprint_of_its_numbers(sample):
    assert sample.engine.settings["params"] == default_params().fingerprint()


def test_a_link_on_one_shared_name_alone_says_so_and_scores_lower():
    # Two sides on one broad subject, each with its own point: "Ukraine" is all they share (GUIDELINES: a broad
    # subject is no link). The why names the factor, so a reader sees how thin the link is.
    norland = document("norland", [
        "President Lind spoke today with President Reyk.",
        "President Lind made clear the firm commitment of Norland to Ukraine's sovereignty and territorial integrity.",
    ])
    vesk = document("vesk", [
        "President Reyk had a telephone conversation with President Lind.",
        "Reyk set out his approaches to a settlement of the internal Ukrainian crisis on the basis of the Minsk accords.",
    ])
    topics = {"norland:1": ("ukraine",), "vesk:1": ("ukraine",)}
    result = align([norland, vesk], topics, "lexical")
    (pair,) = result.link_evidence[frozenset({"norland:1", "vesk:1"})].pairs
    assert [s.feature for s in pair.shared] == ["entity:ukraine"]
    sole = [f for f in pair.factors if "one name or plain word" in f.name]
    assert sole and sole[0].value == default_params().sole_unit < 1.0
    assert pair.score < pair.content
    opening = result.link_evidence[frozenset({"norland:0", "vesk:0"})].pairs[0]
    assert not [f for f in opening.factors if "one name or plain word" in f.name]
