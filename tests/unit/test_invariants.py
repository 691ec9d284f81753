"""Invariants of the real engine on generated readouts (hypothesis): whatever the texts, a reader can rely on
claims slicing their text, every claim appearing exactly once, word diffs rebuilding both sides, stable output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparisons.engine import compare
from comparisons.jsonio import dumps, to_dict
from readouts.model import Pair, Participant, Side

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "comparison.schema.json").read_text("utf-8"))

WORDS = ["Biden", "Putin", "President", "sanctions", "talks", "Geneva", "January", "10", "9–10", "NATO", "Ukraine",
         "troops", "agreed", "refused", "warned", "the", "and", "on", "of", "security", "guarantees", "grain",
         "ports", "Mr.", "U.S.", "«Kyiv»", "[bold]", "three", "percent", "$5", "Xi", "Taiwan", "climate"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda ws: ws[0][:1].upper() + " ".join(ws)[1:]
).flatmap(lambda s: st.sampled_from([".", "!", "?", ";", ""]).map(lambda end: s + end))
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
readout = st.tuples(sentence, st.lists(paragraph, min_size=0, max_size=4)).map(
    lambda t: t[0] + "\n\n" + "\n\n".join(t[1]) + "\n"
)


def make_pair(texts: list[str]) -> Pair:
    keys = ["white-house", "kremlin", "press"][: len(texts)]
    return Pair(
        id="generated", event="Generated", date=dt.date(2022, 1, 1),
        sides=tuple(Side(k, t, publisher=k.title()) for k, t in zip(keys, texts)),
        participants=(Participant("Joseph R. Biden", ("Biden",)), Participant("Vladimir Putin", ("Putin",))),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(readout, min_size=2, max_size=3))
def test_engine_invariants_hold_on_any_readouts(texts):
    comp = compare(make_pair(texts))
    claims = {c.id: c for d in comp.documents for c in d.claims}
    for doc in comp.documents:
        for claim in doc.claims:
            assert doc.text[claim.start:claim.end] == claim.text
    placed = [cid for link in comp.links for cid in link.claims] + [o.claim for o in comp.omissions]
    assert sorted(placed) == sorted(claims), "every claim in exactly one link or omission"
    for link in comp.links:
        sides = [claims[c].side for c in link.claims]
        assert len(set(sides)) >= 2
        first, second = list(dict.fromkeys(sides))[:2]
        a = " ".join(claims[c].text for c in link.claims if claims[c].side == first)
        b = " ".join(claims[c].text for c in link.claims if claims[c].side == second)
        assert "".join(s.text for s in link.diff if s.op != "insert") == a
        assert "".join(s.text for s in link.diff if s.op != "delete") == b
        assert 0.0 <= link.score <= 1.0
    assert [link.id for link in comp.links] == [f"L{i}" for i in range(1, len(comp.links) + 1)]
    jsonschema.Draft202012Validator(SCHEMA).validate(to_dict(comp))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(readout, min_size=2, max_size=3))
def test_same_input_gives_byte_identical_json(texts):
    assert dumps(compare(make_pair(texts))) == dumps(compare(make_pair(texts)))
