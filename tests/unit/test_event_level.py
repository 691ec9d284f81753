"""A meeting of ministers is talks below the leaders: what the leaders' own call would tag leader-contacts (that
they met, the tone, staying in touch) is talks there. Invented pairs, in our own words."""

from __future__ import annotations

import datetime as dt

from comparisons.engine import compare, prepare, resolve_taxonomy
from comparisons.options import CompareOptions
from comparisons.topics.taxonomy import load_taxonomy
from readouts.model import Pair, Side


def pair_of(first: str, second: str) -> Pair:
    return Pair(
        id="norland-vesk", event="A meeting", date=dt.date(2025, 5, 2),
        sides=(Side("norland", "Readout\n\n" + first), Side("vesk", "Readout\n\n" + second)),
    )


MINISTERS = pair_of(
    "Foreign Minister Ada Lind met today with Foreign Minister Tomas Reyk of Vesk. The two ministers held a frank "
    "and constructive conversation. They agreed to stay in close contact.",
    "Foreign Minister Tomas Reyk held talks with Norland's Foreign Minister Ada Lind. The sides agreed to remain "
    "in touch.",
)

LEADERS = pair_of(
    "President Ada Lind spoke today with Prime Minister Tomas Reyk of Vesk. The two leaders held a frank and "
    "constructive conversation. They agreed to stay in close contact.",
    "Tomas Reyk had a telephone conversation with President of Norland Ada Lind. The sides agreed to remain "
    "in touch.",
)


def claim_topics(pair: Pair) -> dict[str, tuple[str, ...]]:
    comparison = compare(pair)
    return {c.text: comparison.claim_topics[c.id] for d in comparison.documents for c in d.claims}


def test_a_ministers_meeting_and_its_promise_to_stay_in_touch_are_talks():
    topics = claim_topics(MINISTERS)
    stay = topics["They agreed to stay in close contact."]
    assert "talks" in stay and "leader-contacts" not in stay
    assert all("leader-contacts" not in ids for ids in topics.values())
    assert "talks" in topics["The sides agreed to remain in touch."]


def test_the_same_words_between_leaders_stay_the_leaders_channel():
    topics = claim_topics(LEADERS)
    assert topics["They agreed to stay in close contact."] == ("leader-contacts",)
    assert topics["The sides agreed to remain in touch."] == ("leader-contacts",)


def test_a_deputy_prime_minister_is_below_the_leaders():
    deputies = pair_of("Deputy Prime Minister Ada Lind met Deputy Prime Minister Tomas Reyk. They agreed to stay "
                       "in close contact.", "Tomas Reyk met Ada Lind. The sides agreed to remain in touch.")
    assert "talks" in claim_topics(deputies)["They agreed to stay in close contact."]


def test_the_evidence_says_why_the_topic_is_talks():
    taxonomy = resolve_taxonomy(CompareOptions())
    prepared = prepare(MINISTERS, taxonomy)
    stay = next(c.id for d in prepared.documents for c in d.claims if c.text.startswith("They agreed"))
    lines = prepared.evidence[stay]["talks"]
    assert any("below the leaders" in line for line in lines)
    assert "leader-contacts" not in prepared.evidence[stay]


def test_a_taxonomy_without_both_topics_is_left_alone(tmp_path):
    own = tmp_path / "topics.yaml"
    own.write_text(
        "topics:\n"
        "  - id: leader-contacts\n"
        "    label: Leader contacts\n"
        "    keywords: [stay in close contact, remain in touch]\n",
        encoding="utf-8",
    )
    prepared = prepare(MINISTERS, load_taxonomy(own))
    assert any("leader-contacts" in ids for ids in prepared.topics.values())


def test_an_envoy_or_secretary_received_by_a_president_is_below_the_leaders():
    """One side is not there at the leaders' level: the guidelines' talks, not the leaders' own channel."""
    envoy = pair_of("Special Envoy Ada Lind met today with President Tomas Reyk of Vesk. They agreed to stay in "
                    "close contact.",
                    "President of Vesk Tomas Reyk received Norland's Special Envoy Ada Lind. The sides agreed to "
                    "remain in touch.")
    topics = claim_topics(envoy)
    assert "talks" in topics["They agreed to stay in close contact."]
    assert "leader-contacts" not in topics["The sides agreed to remain in touch."]
