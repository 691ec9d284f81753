"""The pair model: frozen values, sensible defaults, and errors that read as one line."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from readouts import BOTH, NARRATOR, Claim, Document, DualreadError, Pair, Participant, ReadoutError, Side


def make_pair() -> Pair:
    return Pair(
        id="2024-03-04-aldren-vesk-call",
        event="Aldren–Vesk telephone call",
        date=dt.date(2024, 3, 4),
        sides=[Side(key="norland", text="Title\n\nBody.\n", publisher="Office of the President"),
               Side(key="ostria", text="Title\n\nOther body.\n")],
        participants=[Participant(name="Mara Aldren", aliases=("Aldren", "the President"))],
        extra={"note": "kept"},
    )


def test_values_are_frozen():
    pair = make_pair()
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.event = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        pair.extra["note"] = "changed"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.sides[0].text = "changed"  # type: ignore[misc]


def test_sequences_become_tuples_so_pairs_can_be_hashed_and_compared():
    pair = make_pair()
    assert isinstance(pair.sides, tuple) and isinstance(pair.participants, tuple)
    assert pair == make_pair()


def test_side_defaults_file_to_its_key_and_label_to_publisher_else_key():
    pair = make_pair()
    assert pair.side("norland").file == "norland.txt"
    assert pair.side("norland").label == "Office of the President"
    assert pair.side("ostria").label == "ostria"
    assert pair.side_keys == ("norland", "ostria")
    with pytest.raises(KeyError):
        pair.side("elsewhere")


def test_participant_names_put_the_full_name_first():
    assert Participant("Mara Aldren", ("Aldren",)).names() == ("Mara Aldren", "Aldren")


def test_claim_id_and_document_text():
    side = Side(key="norland", text="Title\n\nThe leaders spoke.\n")
    claim = Claim(side="norland", index=0, start=7, end=25, text=side.text[7:25], speaker=BOTH)
    assert claim.id == "norland:0"
    assert side.text[claim.start:claim.end] == claim.text == "The leaders spoke."
    document = Document(side=side, claims=(claim,))
    assert document.key == "norland" and document.text == side.text
    assert Claim(side="x", index=1, start=0, end=1, text="a").speaker is NARRATOR


def test_error_names_file_field_and_value_on_one_line():
    error = ReadoutError("must be a date", file="lib/p/pair.yaml", field="date", value="soon\nlater")
    assert str(error) == "lib/p/pair.yaml: field 'date': must be a date (got 'soon later')"
    assert isinstance(error, DualreadError)
    assert "\n" not in str(ReadoutError("x", value="a" * 500))


def test_claim_id_follows_side_and_index_and_stays_out_of_equality_and_repr():
    claim = Claim(side="norland", index=2, start=0, end=3, text="Yes")
    moved = dataclasses.replace(claim, index=7)
    assert moved.id == "norland:7" and claim.id == "norland:2"
    assert claim == Claim("norland", 2, 0, 3, "Yes") and hash(claim) == hash(Claim("norland", 2, 0, 3, "Yes"))
    assert "id=" not in repr(claim)
