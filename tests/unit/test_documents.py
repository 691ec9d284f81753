"""split_document: a side becomes numbered claims that slice its text, each with a speaker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.documents import one_name_per_speaker, split_document
from readouts.model import BOTH, Participant, Side

TEXT = (
    "Readout of the call\n\n"
    "President Smith spoke with Prime Minister Jones. He raised trade.\n\n"
    "The two leaders agreed to meet in the spring."
)
PEOPLE = (Participant("Anna Smith", ("Smith", "President Smith")), Participant("Robert Jones", ("Jones",)))


def test_claims_are_numbered_from_zero_with_side_ids():
    doc = split_document(Side("office", TEXT), PEOPLE)
    assert [c.id for c in doc.claims] == ["office:0", "office:1", "office:2"]
    assert [c.index for c in doc.claims] == [0, 1, 2]
    assert doc.key == "office"


def test_claims_slice_the_text_and_skip_the_title():
    doc = split_document(Side("office", TEXT), PEOPLE)
    assert [c.text for c in doc.claims] == [
        "President Smith spoke with Prime Minister Jones.",
        "He raised trade.",
        "The two leaders agreed to meet in the spring.",
    ]
    assert all(TEXT[c.start : c.end] == c.text for c in doc.claims)
    assert [c.paragraph for c in doc.claims] == [0, 0, 1]


def test_claims_carry_speakers():
    doc = split_document(Side("office", TEXT), PEOPLE)
    assert [c.speaker for c in doc.claims] == [BOTH, "Anna Smith", BOTH]


def test_without_participants_speakers_come_from_the_text():
    doc = split_document(Side("office", TEXT))
    assert [c.speaker for c in doc.claims] == [BOTH, "Smith", BOTH]


def test_empty_side_has_no_claims():
    assert split_document(Side("office", "")).claims == ()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="Ab. \n?!”«»1-Пт", max_size=120))
def test_every_claim_is_an_exact_slice(text):
    doc = split_document(Side("x", text))
    assert all(text[c.start : c.end] == c.text and c.side == "x" for c in doc.claims)
    assert [c.index for c in doc.claims] == list(range(len(doc.claims)))


def test_one_person_named_two_ways_on_two_sides_is_one_speaker():
    west = Side("west", "Readout\n\nPresident Jonas K. Varga, Jr. spoke with President Lena Moor. "
                        "President Varga raised the river dispute.\n")
    east = Side("east", "Talks\n\nLena Moor had a telephone conversation with Jonas Varga. "
                        "Jonas Varga mentioned the river. Lena Moor replied.\n")
    kin = Side("kin", "Note\n\nForeign Minister Anna Varga said the talks went well.\n")
    documents = one_name_per_speaker([split_document(side) for side in (west, east, kin)])
    speakers = [{c.speaker for c in d.claims} - {None, BOTH} for d in documents]
    assert speakers[0] == speakers[1] - {"Lena Moor"} == {"Jonas K. Varga, Jr."}
    assert speakers[2] == {"Anna Varga"}  # same surname, another person: her own name
