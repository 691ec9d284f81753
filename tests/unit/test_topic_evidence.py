"""Why a claim carries a topic: the signals that fired (family and matched text), kept in the comparison and its JSON.

The readouts are written for these tests, in the register of official readouts.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from comparisons.engine import compare
from comparisons.jsonio import from_dict, to_dict
from comparisons.options import CompareOptions
from comparisons.topics.taxonomy import load_taxonomy
from comparisons.topics.tagging import for_alignment, tag_claims
from readouts.model import Pair, Side
from test_jsonio import validate
from test_tagging import document

FISHERIES = Path(__file__).resolve().parents[1] / "fixtures" / "fisheries-families.yaml"


def fisheries(tmp_path=None):
    """A user's taxonomy with a topic in families (fleets, quotas) and a flat one (weather)."""
    return load_taxonomy(FISHERIES)


def test_each_topic_of_a_claim_names_the_families_that_fired_and_the_words_they_matched(tmp_path):
    doc = document("Trawlers from both countries must respect the new quotas on the catch.")
    topics, evidence = tag_claims(doc, fisheries(tmp_path))
    assert topics == {"norland:0": ("fisheries",)}
    assert evidence == {"norland:0": {"fisheries": ('fleets: "Trawlers"', 'quotas: "quotas"', 'quotas: "catch"')}}


def test_a_signal_outside_any_family_is_named_as_written(tmp_path):
    _, evidence = tag_claims(document("A storm closed the harbour."), fisheries(tmp_path))
    assert evidence["norland:0"] == {"weather": ('storm*: "storm"',)}


def test_a_topic_taken_from_the_claim_before_says_which_claim_it_came_from(tmp_path):
    doc = document("The fishing fleets of both countries met at sea.", "They also shared a meal.",
                   "This was a welcome step.")
    topics, evidence = tag_claims(doc, fisheries(tmp_path))
    assert topics["norland:1"] == ("fisheries",) and topics["norland:2"] == ("fisheries",)
    assert evidence["norland:0"]["fisheries"] == ('fleets: "fishing fleets"',)
    assert evidence["norland:1"]["fisheries"] == ("continues norland:0",)
    assert evidence["norland:2"]["fisheries"] == ("points back to norland:1",)


def test_a_claim_without_topics_has_no_evidence(tmp_path):
    _, evidence = tag_claims(document("The weather was mild."), fisheries(tmp_path))
    assert evidence == {}


PAIR = Pair(
    id="test-evidence",
    event="A fisheries call",
    date=dt.date(2024, 5, 2),
    sides=(Side("east", "East readout\n\nThe ministers discussed the trawler fleet.\n\nThe lunch was pleasant.\n"),
           Side("west", "West readout\n\nThe trawler fleet was discussed by the ministers.\n")),
)


def test_the_json_export_carries_topic_evidence_per_claim_and_reads_it_back(tmp_path):
    comparison = compare(PAIR, CompareOptions(taxonomy=fisheries(tmp_path)))
    data = json.loads(json.dumps(to_dict(comparison)))
    validate(data)
    east = data["documents"][0]["claims"]
    assert east[0]["topic_evidence"] == {"fisheries": ['fleets: "trawler"']}
    assert "topic_evidence" not in east[1], "a claim with no topic has no evidence to show"
    back = from_dict(data, PAIR)
    assert back.topic_evidence_of("east:0") == {"fisheries": ('fleets: "trawler"',)}
    assert back.topic_evidence == comparison.topic_evidence


def test_a_comparison_saved_before_topic_evidence_existed_still_loads(tmp_path):
    data = to_dict(compare(PAIR, CompareOptions(taxonomy=fisheries(tmp_path))))
    for doc in data["documents"]:
        for claim in doc["claims"]:
            claim.pop("topic_evidence", None)
    back = from_dict(data, PAIR)
    assert back.topics_of("east:0") == ("fisheries",)
    assert back.topic_evidence_of("east:0") == {}


SAME_PARAGRAPH = Pair(
    id="test-paragraph",
    event="A fisheries call",
    date=dt.date(2024, 5, 2),
    sides=(Side("east", "East readout\n\nThe ministers discussed the trawler fleet. The lunch was long and pleasant.\n"),
           Side("west", "West readout\n\nThe trawler fleet was discussed by the ministers.\n\n"
                        "The lunch was long and pleasant.\n")),
)


def test_a_topic_taken_from_the_paragraph_is_shown_with_its_reason_but_links_nothing(tmp_path):
    comparison = compare(SAME_PARAGRAPH, CompareOptions(taxonomy=fisheries(tmp_path)))
    # East's lunch stands in the paragraph on the fleet: a reader takes it as part of that point, and is told why.
    assert comparison.claim_topics["east:1"] == ("fisheries",)
    assert comparison.topic_evidence["east:1"]["fisheries"] == (
        "continues east:0 (same paragraph, no topic of its own)",)
    # West's lunch, a paragraph of its own, has no topic.
    assert comparison.claim_topics["west:1"] == ()
    # The same words still link the two lunches, and the fleet claims link each other: the topic East's lunch took
    # from its paragraph changes no link.
    linked = {frozenset(link.claims) for link in comparison.links}
    assert linked == {frozenset({"east:0", "west:0"}), frozenset({"east:1", "west:1"})}
    # What the aligner weighs leaves that topic out: it says what the claim is about, not what it reports.
    assert for_alignment(comparison.claim_topics, comparison.topic_evidence)["east:1"] == ()
