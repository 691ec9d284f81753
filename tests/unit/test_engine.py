"""The engine's plumbing: ids in reading order, invariants kept, per-link topics, diffs and conflicts, coverage.

The stages (segmentation, tagging, scoring, alignment) are other modules' jobs; here they are replaced by small
stand-ins so these tests check what ``compare`` itself promises, whatever the aligner's tuning.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from dataclasses import dataclass

import pytest

from comparisons.engine import ENGINE_VERSION, compare
from comparisons.options import CompareOptions
from readouts.model import Claim, Document, Pair, Participant, Side


@dataclass(frozen=True)
class StandInTopic:
    id: str
    label: str


class StandInTaxonomy:
    """Topics in a deliberate non-alphabetical order, so taxonomy order is observable."""

    topics = (
        StandInTopic("sanctions", "Sanctions"),
        StandInTopic("talks", "Talks"),
        StandInTopic("arms-control", "Arms control"),
    )
    signals = {"sanction": "sanctions", "talk": "talks", "missile": "arms-control", "geneva": "talks"}

    def fingerprint(self) -> str:
        return "stand-in-1"


def standin_split(side: Side, participants) -> Document:
    """Sentences after the title line; a sentence naming a participant's alias has that participant as speaker."""
    text = side.text
    body_start = text.find("\n\n") + 2 if "\n\n" in text else 0
    claims = []
    for match in re.finditer(r"[^.\n]+\.", text[body_start:]):
        start = body_start + match.start() + (len(match.group()) - len(match.group().lstrip()))
        end = body_start + match.end()
        speaker = None
        for p in participants:
            if any(alias in text[start:end] for alias in p.names()):
                speaker = p.name
                break
        claims.append(Claim(side.key, len(claims), start, end, text[start:end], 0, speaker))
    return Document(side, tuple(claims))


def standin_tag(document: Document, taxonomy) -> dict[str, tuple[str, ...]]:
    out = {}
    for claim in document.claims:
        low = claim.text.lower()
        # Deliberately returned in reverse taxonomy order: the engine must reorder.
        out[claim.id] = tuple(reversed([t for w, t in taxonomy.signals.items() if w in low]))
    return out


def standin_scorer(a: Claim, b: Claim) -> float:
    wa, wb = set(re.findall(r"\w+", a.text.lower())), set(re.findall(r"\w+", b.text.lower()))
    return len(wa & wb) / max(len(wa | wb), 1)


@dataclass
class StandInAlignment:
    links: list
    omitted: list


def standin_align(documents, claim_topics, scorer, threshold=0.3):
    """Greedy best partners of the first side's claims on every other side, returned in scrambled order."""
    groups, used = {}, set()
    first, *others = documents
    for other in others:
        pairs = sorted(
            ((scorer(a, b), a.id, b.id) for a in first.claims for b in other.claims), key=lambda t: (-t[0], t[1], t[2])
        )
        taken = set()
        for score, a, b in pairs:
            if score >= threshold and a not in taken and b not in used:
                ids, best = groups.get(a, ((a,), 0.0))
                groups[a] = (ids + (b,), max(best, score))
                taken.add(a)
                used.update((a, b))
    omitted = [c.id for d in documents for c in d.claims if c.id not in used]
    return StandInAlignment([(tuple(reversed(ids)), score) for ids, score in reversed(groups.values())], omitted)


@pytest.fixture
def standins(monkeypatch):
    """Install the stand-in stages under the module names the engine imports."""
    calls = {}

    def get_scorer(name, model=None):
        calls["scorer"] = (name, model)
        return standin_scorer

    for name, attrs in {
        "readouts.documents": {"split_document": standin_split},
        "comparisons.tagging": {"tag_document": standin_tag},
        "comparisons.similarity": {"get_scorer": get_scorer},
        "comparisons.align": {"align": standin_align},
    }.items():
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, module)
    return calls


OPTIONS = CompareOptions(taxonomy=StandInTaxonomy())

PAIR = Pair(
    id="test-pair",
    event="A phone call",
    date=dt.date(2022, 1, 5),
    participants=(Participant("Ann Example", ("Ann",)), Participant("Bo Sample", ("Bo",))),
    sides=(
        Side("east", "East readout\n\nThe leaders spoke by phone. Ann raised sanctions on steel. "
                     "Talks will open on January 10 in Geneva. Missile limits were not discussed.\n",
             publisher="East Office"),
        Side("west", "West readout\n\nTalks will open on January 9 in Geneva. Weather was mild. "
                     "The leaders spoke by phone. Bo raised sanctions on steel.\n",
             publisher="West Ministry"),
    ),
)


def test_every_claim_is_in_exactly_one_link_or_omission(standins):
    comp = compare(PAIR, OPTIONS)
    claim_ids = [c.id for d in comp.documents for c in d.claims]
    placed = [cid for link in comp.links for cid in link.claims] + [o.claim for o in comp.omissions]
    assert sorted(placed) == sorted(claim_ids)
    assert len(placed) == len(set(placed))


def test_links_are_numbered_in_the_first_sides_reading_order(standins):
    comp = compare(PAIR, OPTIONS)
    assert [link.id for link in comp.links] == ["L1", "L2", "L3"]
    first_side_index = [min(comp.claim(c).index for c in link.claims if c.startswith("east:")) for link in comp.links]
    assert first_side_index == sorted(first_side_index)
    # Within a link, the first side's claims come first.
    assert all(link.claims[0].startswith("east:") for link in comp.links)


def test_link_carries_union_of_topics_in_taxonomy_order(standins):
    comp = compare(PAIR, OPTIONS)
    geneva = next(l for l in comp.links if "Geneva" in comp.claim(l.claims[0]).text)
    assert geneva.topics == ("talks",)
    sanctions = next(l for l in comp.links if "sanctions" in comp.claim(l.claims[0]).text)
    assert sanctions.topics == ("sanctions",)
    assert comp.topics_of("east:3") == ("arms-control",)


def test_diff_goes_from_first_side_to_second(standins):
    comp = compare(PAIR, OPTIONS)
    geneva = next(l for l in comp.links if "Geneva" in comp.claim(l.claims[0]).text)
    assert [(s.op, s.text) for s in geneva.diff if s.op != "equal"] == [("delete", "10"), ("insert", "9")]


def test_omissions_are_the_unlinked_claims_with_their_topics(standins):
    comp = compare(PAIR, OPTIONS)
    assert {(o.side, comp.claim(o.claim).text) for o in comp.omissions} == {
        ("east", "Missile limits were not discussed."),
        ("west", "Weather was mild."),
    }
    missile = next(o for o in comp.omissions if o.side == "east")
    assert missile.topics == ("arms-control",)


def test_topic_summaries_count_claims_per_side_and_links(standins):
    comp = compare(PAIR, OPTIONS)
    summaries = {t.id: t for t in comp.topics}
    assert [t.id for t in comp.topics] == ["sanctions", "talks", "arms-control"]
    assert dict(summaries["arms-control"].claims) == {"east": 1, "west": 0}
    assert summaries["arms-control"].presence() == "one"
    assert summaries["talks"].links == 1
    assert summaries["sanctions"].label == "Sanctions"


def test_engine_info_records_settings(standins):
    comp = compare(PAIR, CompareOptions(similarity="lexical", model=None, taxonomy=StandInTaxonomy()))
    assert comp.engine.version == ENGINE_VERSION
    assert dict(comp.engine.settings) == {"similarity": "lexical", "model": None, "taxonomy": "stand-in-1"}
    assert standins["scorer"] == ("lexical", None)


def test_same_input_gives_same_result(standins):
    assert compare(PAIR, OPTIONS) == compare(PAIR, OPTIONS)


def test_aligner_repeating_a_claim_cannot_break_the_invariant(standins, monkeypatch):
    def sloppy_align(documents, claim_topics, scorer):
        return StandInAlignment([(("east:0", "west:2"), 0.9), (("east:0", "west:0"), 0.5), (("west:1", "east:9"), 0.4)], [])

    monkeypatch.setattr(sys.modules["comparisons.align"], "align", sloppy_align)
    comp = compare(PAIR, OPTIONS)
    assert [l.claims for l in comp.links] == [("east:0", "west:2")]
    assert len(comp.omissions) == 6


def test_three_sides_link_across_all(standins):
    third = Side("press", "Press summary\n\nBo raised sanctions on steel. Nothing else.\n", publisher="Press")
    pair = Pair(PAIR.id, PAIR.event, PAIR.date, PAIR.sides + (third,), PAIR.participants)
    comp = compare(pair, OPTIONS)
    sanctions = [l for l in comp.links if any(c.startswith("press:") for c in l.claims)]
    assert sanctions and {c.split(":")[0] for c in sanctions[0].claims} >= {"east", "press"}
    assert comp.side_keys == ("east", "west", "press")


def test_conflicts_are_attached_to_links(standins):
    comp = compare(PAIR, OPTIONS)
    geneva = next(l for l in comp.links if "Geneva" in comp.claim(l.claims[0]).text)
    kinds = {c.kind: dict(c.values) for c in geneva.conflicts}
    assert kinds.get("date") == {"east": "January 10", "west": "January 9"}


def test_a_side_without_claims_leaves_everything_omitted(standins):
    empty = Side("west", "West readout\n\n", publisher="West")
    pair = Pair(PAIR.id, PAIR.event, PAIR.date, (PAIR.sides[0], empty), PAIR.participants)
    comp = compare(pair, OPTIONS)
    assert comp.links == ()
    assert len(comp.omissions) == len(comp.documents[0].claims)
