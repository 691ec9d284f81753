"""The engine's plumbing: ids in reading order, invariants kept, per-link topics, diffs and conflicts, coverage.

The stages (segmentation, tagging, scoring, alignment) are other modules' jobs; here they are replaced by small
stand-ins so these tests check what ``compare`` itself promises, whatever the aligner's tuning.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from dataclasses import dataclass, field

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
    link_evidence: dict = field(default_factory=dict)
    omission_evidence: dict = field(default_factory=dict)


def standin_align(documents, claim_topics, scorer, params=None, threshold=0.3, voices=None):
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
        "readouts.documents": {"split_document": standin_split, "one_name_per_speaker": tuple},
        "comparisons.topics.tagging": {"tag_claims": lambda document, taxonomy: (standin_tag(document, taxonomy), {}),
                                       "for_alignment": lambda topics, evidence: dict(topics)},
        "comparisons.matching.similarity": {"get_scorer": get_scorer},
        "comparisons.matching.align": {"align": standin_align},
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
    from comparisons.params import default_params

    assert dict(comp.engine.settings) == {"similarity": "lexical", "model": None, "taxonomy": "stand-in-1",
                                          "params": default_params().fingerprint()}
    assert standins["scorer"] == ("lexical", None)


def test_same_input_gives_same_result(standins):
    assert compare(PAIR, OPTIONS) == compare(PAIR, OPTIONS)


def test_aligner_repeating_a_claim_cannot_break_the_invariant(standins, monkeypatch):
    def sloppy_align(documents, claim_topics, scorer, params=None, voices=None):
        links = [(("east:0", "west:2"), 0.9), (("east:0", "west:0"), 0.5), (("west:1", "east:9"), 0.4)]
        return StandInAlignment(links, [])

    monkeypatch.setattr(sys.modules["comparisons.matching.align"], "align", sloppy_align)
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


# What a reader of the bundled samples expects, computed by the real engine (no stand-ins).

def sample(pair_id: str, tmp_path):
    from readouts.library import Library

    return compare(Library(tmp_path / "library").load(pair_id))


def link_with(comp, fragment: str):
    """The link holding the claim that contains ``fragment`` (None when that claim is an omission)."""
    claim = next(c for d in comp.documents for c in d.claims if fragment in c.text)
    return next((l for l in comp.links if claim.id in l.claims), None)


def sides_of(comp, link) -> set[str]:
    return {comp.claim(c).side for c in link.claims}


def test_sample_call_links_the_geneva_schedule_and_flags_its_date(tmp_path):
    comp = sample("2021-12-30-biden-putin-call", tmp_path)
    link = link_with(comp, "Senior U.S. and Russian officials will meet in Geneva")
    assert link is not None and "kremlin" in sides_of(comp, link)
    assert any("Geneva on January 9–10" in comp.claim(c).text for c in link.claims)
    date = next(c for c in link.conflicts if c.kind == "date")
    assert "January 10" in date.values["white-house"] and "January 9–10" in date.values["kremlin"]


def test_sample_call_links_the_sanctions_warning_on_both_sides(tmp_path):
    comp = sample("2021-12-30-biden-putin-call", tmp_path)
    link = link_with(comp, "raised the prospect of sweeping sanctions")
    assert link is not None
    assert any("would answer decisively" in comp.claim(c).text for c in link.claims)


def test_sample_call_security_guarantees_are_a_kremlin_point(tmp_path):
    comp = sample("2021-12-30-biden-putin-call", tmp_path)
    guarantees = next(t for t in comp.topics if t.id == "security-guarantees")
    assert guarantees.claims["white-house"] == 0 and guarantees.claims["kremlin"] > 0
    for claim in comp.documents[1].claims:
        if "security-guarantees" in comp.topics_of(claim.id):
            link = next((l for l in comp.links if claim.id in l.claims), None)
            assert link is None or "white-house" not in sides_of(comp, link), claim.text


def test_sample_call_opening_is_linked_across_all_three_sides(tmp_path):
    comp = sample("2021-12-30-biden-putin-call", tmp_path)
    link = link_with(comp, "held a telephone call with President Vladimir Putin")
    assert link is not None and sides_of(comp, link) == {"white-house", "kremlin", "press"}


def test_sample_call_new_year_greetings_have_no_white_house_partner(tmp_path):
    comp = sample("2021-12-30-biden-putin-call", tmp_path)
    link = link_with(comp, "exchanged greetings on the coming New Year")
    assert link is None or "white-house" not in sides_of(comp, link)


def test_sample_video_call_links_length_and_sanctions_and_omits_one_sided_points(tmp_path):
    comp = sample("2021-12-07-biden-putin-video-call", tmp_path)
    length = link_with(comp, "lasted about two hours")
    assert length is not None and any("a little over two hours" in comp.claim(c).text for c in length.claims)
    measures = link_with(comp, "strong economic measures")
    assert measures is not None and any("possible sanctions" in comp.claim(c).text for c in measures.claims)
    assert link_with(comp, "speak with President Zelenskyy") is None
    diplomats = link_with(comp, "lifting all the restrictions")
    assert diplomats is None or "white-house" not in sides_of(comp, diplomats)


def test_sample_bali_meeting_links_taiwan_and_leaves_one_sided_points_alone(tmp_path):
    comp = sample("2022-11-14-biden-xi-bali-meeting", tmp_path)
    taiwan = next(t for t in comp.topics if t.id == "taiwan")
    assert taiwan.presence() == "both" and taiwan.links >= 1
    for fragment in ("release of Americans who are wrongfully detained", "voiced concern about the DPRK"):
        link = link_with(comp, fragment)
        assert link is None or "china-mfa" not in sides_of(comp, link), fragment


def test_digits_that_are_not_decimals_do_not_crash_the_engine():
    """❶, ² and ٣ are digits to ``str.isdigit`` but not numbers ``int()`` reads: a readout may hold them."""
    pair = Pair(
        id="odd-digits", event="Call", date=dt.date(2022, 1, 1),
        sides=(
            Side(key="a", text="Title\n\n❶ The sides met on ² January ❷ and agreed on ٣ points.\n", file="a.txt"),
            Side(key="b", text="Title\n\nThe sides met on 2 January and agreed on ❸ points.\n", file="b.txt"),
        ),
    )
    comp = compare(pair)
    assert len(comp.links) == 1
