"""The JSON export (schema dualread/comparison@1): valid against docs/comparison.schema.json, faithful, stable."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from comparisons.engine import compare
from comparisons.errors import ComparisonError
from comparisons.jsonio import dumps, from_dict, to_dict
from readouts.model import Pair, Side
from test_engine import OPTIONS, PAIR, standins  # noqa: F401  (the fixture is used by name)

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "comparison.schema.json"


def validate(data: dict) -> None:
    """Schema validity plus the invariants a schema cannot state."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    claims = {}
    for doc in data["documents"]:
        for c in doc["claims"]:
            assert doc["text"][c["start"]:c["end"]] == c["text"]
            assert c["id"].split(":")[0] == doc["side"]
            claims[c["id"]] = doc["side"]
    placed = [cid for link in data["links"] for cid in link["claims"]] + [o["claim"] for o in data["omissions"]]
    assert sorted(placed) == sorted(claims), "every claim exactly once in a link or an omission"
    for link in data["links"]:
        assert len({claims[c] for c in link["claims"]}) >= 2, "a link joins at least two sides"
        for conflict in link["conflicts"]:
            assert set(conflict["values"]) <= {claims[c] for c in link["claims"]}
    for om in data["omissions"]:
        assert claims[om["claim"]] == om["side"]


def test_export_is_valid_and_keeps_the_invariants(standins):
    validate(to_dict(compare(PAIR, OPTIONS)))


def test_export_names_pair_sides_and_sources(standins):
    data = to_dict(compare(PAIR, OPTIONS))
    assert data["schema"] == "dualread/comparison@1"
    assert data["pair"] == {
        "id": "test-pair", "event": "A phone call", "date": "2022-01-05", "sides": ["east", "west"],
        "participants": [{"name": "Ann Example", "aliases": ["Ann"]}, {"name": "Bo Sample", "aliases": ["Bo"]}],
        "sample": False,
    }
    east = data["documents"][0]
    assert (east["side"], east["publisher"], east["text"]) == ("east", "East Office", PAIR.sides[0].text)
    sanctions = next(c for c in east["claims"] if "sanctions" in c["text"])
    assert sanctions["speaker"] == "Ann Example" and sanctions["topics"] == ["sanctions"]


def test_links_carry_diff_and_omissions_carry_topics(standins):
    data = to_dict(compare(PAIR, OPTIONS))
    texts = {c["id"]: c["text"] for d in data["documents"] for c in d["claims"]}
    geneva = next(l for l in data["links"] if "Geneva" in texts[l["claims"][0]])
    assert {"op": "delete", "text": "10"} in geneva["diff"]
    assert "".join(s["text"] for s in geneva["diff"] if s["op"] != "insert") == texts[geneva["claims"][0]]
    missile = next(o for o in data["omissions"] if o["side"] == "east")
    assert missile["topics"] == ["arms-control"]


def test_dumps_is_deterministic_and_keeps_unicode(standins):
    pair = Pair(PAIR.id, "Звонок — call", PAIR.date, PAIR.sides, PAIR.participants)
    first, second = dumps(compare(pair, OPTIONS)), dumps(compare(pair, OPTIONS))
    assert first == second
    assert "Звонок — call" in first
    assert first.endswith("\n")


def test_round_trip_through_from_dict(standins):
    comp = compare(PAIR, OPTIONS)
    again = from_dict(json.loads(dumps(comp)), PAIR)
    assert again == comp
    assert dumps(again) == dumps(comp)


def test_from_dict_takes_side_metadata_from_the_current_pair(standins):
    comp = compare(PAIR, OPTIONS)
    renamed = Pair(PAIR.id, PAIR.event, PAIR.date,
                   (Side("east", PAIR.sides[0].text, publisher="Renamed Office"), PAIR.sides[1]), PAIR.participants)
    again = from_dict(to_dict(comp), renamed)
    assert again.documents[0].side.publisher == "Renamed Office"


def test_from_dict_refuses_a_comparison_of_another_text(standins):
    data = to_dict(compare(PAIR, OPTIONS))
    edited = Pair(PAIR.id, PAIR.event, PAIR.date,
                  (Side("east", PAIR.sides[0].text + "One more line.\n"), PAIR.sides[1]), PAIR.participants)
    with pytest.raises(ComparisonError):
        from_dict(data, edited)


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("links"),
    lambda d: d.update(schema="something/else@9"),
    lambda d: d["documents"][0]["claims"][0].update(start="x"),
    lambda d: d["documents"][0]["claims"][0].update(end=3),
])
def test_from_dict_refuses_damaged_data_with_a_comparison_error(standins, damage):
    data = to_dict(compare(PAIR, OPTIONS))
    damage(data)
    with pytest.raises(ComparisonError):
        from_dict(data, PAIR)


def test_round_trip_keeps_per_side_values_in_side_order(standins):
    comp = compare(PAIR, OPTIONS)
    again = from_dict(json.loads(dumps(comp)), PAIR)
    assert all(list(t.claims) == ["east", "west"] for t in again.topics)
    conflicts = [c for link in again.links for c in link.conflicts]
    assert conflicts and all(list(c.values) == ["east", "west"] for c in conflicts)


def test_the_export_text_is_exactly_what_the_json_module_writes(standins):
    """``dumps`` writes the indented, key-sorted text itself (for speed); a reader diffing two exports, or a tool
    that expects ``json.dumps(..., indent=2, sort_keys=True)``, sees the very same bytes."""
    data = to_dict(compare(PAIR, OPTIONS))
    assert dumps(compare(PAIR, OPTIONS)) == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("value", [
    {}, [], {"b": [], "a": {}}, ["é “quoted” \u2028 \\ \x01", None, True, False, 0, -7, 0.1, 1e21, -0.0],
    {"nested": [[{"z": 1, "y": [2, {"x": None}]}]]},
])
def test_the_writer_agrees_with_the_json_module_on_every_kind_of_value(value):
    from comparisons.jsonio import _write

    out: list[str] = []
    _write(value, out, "\n")
    assert "".join(out) == json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
