"""Topics per claim, read in context.

- ``tag_claims(document, taxonomy) -> ClaimTags(topics, evidence)``: every claim of one side, with its topics in
  taxonomy order (an empty tuple when nothing fits) and, per topic, why: the signals that fired (``family:
  "matched text"``) or the claim it was taken from (``points back to kremlin:3``).
- ``tag_document(document, taxonomy) -> dict[claim_id, tuple[topic_id, ...]]``: the topics alone.
- ``score_text(text, taxonomy) -> dict[topic_id, float]``: a claim's own evidence, for tests and tuning.

How a claim gets its topics (the signals themselves are found by ``comparisons.topics.signals``):
1. Its own signals: each distinct keyword, hint or pattern of a topic found in the claim adds its weight; a topic
   whose score reaches 1 applies.
2. The readout's own context: ``context`` signals count only when the topic already applies to another claim of
   the same readout ("a lasting peace" is about Ukraine in a readout that names Ukraine).
3. The previous claim: readouts state one point across sentences. A claim that points back ("this would be a
   grave error", "challenges in this area") also takes the main topic of the claim before it; a claim that opens
   with a linking phrase ("In this context, ...") takes it only when it has no topic of its own; a claim with no
   topic that simply continues ("They also praised ...") takes the previous claim's main topic, and so does a claim
   with no topic in the same paragraph as the claim before ("We went through the draft point by point."):
   a paragraph states one point, and a sentence that names nothing of its own inside it goes on with that point.
4. The question it answers: in a briefing's transcript, an answer with no topic of its own ("The topic was not
   raised in any detail.") takes the topics of the journalist's question ("What about sanctions?"), before rule 3.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from operator import itemgetter
from typing import NamedTuple

from comparisons.topics.signals import Found, Hit, Scores, compile_taxonomy
from comparisons.topics.taxonomy import Taxonomy
from readouts.model import Document

__all__ = ["BY_PARAGRAPH", "THRESHOLD", "ClaimTags", "describe_hit", "for_alignment", "refers_back", "score_text",
           "tag_claims", "tag_document"]

Evidence = dict[str, dict[str, tuple[str, ...]]]
"""Claim id -> topic id -> why the claim carries the topic, one description per signal or rule."""


class ClaimTags(NamedTuple):
    """The topics of each claim of a document, and the evidence for each of them."""

    topics: dict[str, tuple[str, ...]]
    evidence: Evidence

THRESHOLD = 1.0
"""The score a topic needs in a claim: one keyword, or two hints."""

BY_PARAGRAPH = "(same paragraph, no topic of its own)"
"""Ends the evidence of a topic a claim took only for standing in the paragraph of the claim before."""

_A_WORD = re.compile(r"[^\W\d_]{3}")

# A linking phrase that opens a claim and refers to what came before ("In this context, ..."): the claim follows on
# from the previous one, but its own subject may be new, so it borrows a topic only when it has none of its own.
_CONNECTIVE = re.compile(
    r"^\W*(?:in\s+this\s+(?:context|regard|connection|respect)|in\s+that\s+(?:context|regard|respect)|"
    r"to\s+(?:that|this)\s+end|against\s+this\s+background|given\s+this|on\s+this\s+basis|"
    r"following\s+(?:this|that|these|those)(?:\s+\w+)?|"
    r"в\s+этой\s+связи|в\s+этом\s+контексте|в\s+данном\s+контексте|при\s+этом)\b\W*",
    re.IGNORECASE,
)
# Points back at the previous claim as its subject ("This would be...", "Such a step...") or further on ("he said
# that this...", "challenges in this area", "these issues"). What "this" refers to is the previous claim's main
# topic. Every expression is anchored at the start or needs a demonstrative, so most claims are ruled out at once.
_BACK_AT_START = re.compile(
    r"^\W*(?:(?:this|that|these|those|such)\b(?!\s+(?:\w+\s+)?(?:negotiations|talks|dialogues?|discussions|"
    r"consultations|meetings?|calls?|conversations?|sanctions|contacts|agreements?)\b)"
    r"|(?:это|эти|этот|эта|такие|такой)\b)",
    re.IGNORECASE,
)
_DEMONSTRATIVES = ("this", "these", "those", "such")
_BACK_INSIDE = re.compile(
    r"\b(?:suggested|said|noted|stressed|warned|added|believed|argued|replied|stated)\s+that\s+(?:this|such|it)\b"
    # Generic nouns only: "these negotiations" names its own topic, "these issues" leaves it to the claim before.
    r"|\b(?:this|these|those|such)\s+(?:an?\s+)?(?:area|areas|issue|issues|matter|matters|question|questions|"
    r"challenge|challenges|efforts?|steps?|topics?|field|fields|sphere|subject|problem|problems|threat|threats|"
    r"situation|concerns?|move|measures?|regard|initiatives?|proposals?|ideas?)\b",
    re.IGNORECASE,
)
# Carries on the previous claim without naming a new subject: a pronoun subject or a linking word.
_CONTINUATION = re.compile(
    r"^\W*(?:(?:he|she|they|both(?!\s+(?:leaders|presidents|prime|sides|parties|ministers|countries))|also|"
    r"additionally|moreover|furthermore|in\s+addition|at\s+the\s+same\s+time|"
    r"further|он|она|они|также|кроме\s+того|вместе\s+с\s+тем)\b"
    r"|(?:\w+\s+){1,4}(?:also|также)\b)",
    re.IGNORECASE,
)


def _points_back(text: str) -> bool:
    if _BACK_AT_START.match(text):
        return True
    lowered = text.lower()
    return any(d in lowered for d in _DEMONSTRATIVES) and _BACK_INSIDE.search(text) is not None


def refers_back(text: str) -> bool:
    """Whether a claim points back at the claim before it as its subject ("Such a step would ...", "In this context,
    this ..."): what it is about is that claim's point."""
    return _points_back(_CONNECTIVE.sub("", text, count=1))


def tag_document(document: Document, taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Topics for every claim of ``document``, in taxonomy order; see the module docstring for the rules."""
    return tag_claims(document, taxonomy).topics


def tag_claims(document: Document, taxonomy: Taxonomy) -> ClaimTags:
    """Topics for every claim of ``document``, in taxonomy order, with the evidence for each."""
    matcher = compile_taxonomy(taxonomy)
    order = {topic_id: i for i, topic_id in enumerate(taxonomy.ids)}
    claims = document.claims
    found: list[Found] = [{} for _ in claims]
    evidence = [matcher.evidence(claim.text, signals) for claim, signals in zip(claims, found, strict=True)]
    present = {t for own, _ in evidence for t, (score, _) in own.items() if score >= THRESHOLD}
    result: dict[str, tuple[str, ...]] = {}
    why: Evidence = {}
    previous: Scores = {}
    previous_id = ""
    previous_paragraph = -1
    for claim, (own, context), signals in zip(claims, evidence, found, strict=True):
        for t, (score, pos) in context.items():
            if t in present:
                base, first = own.get(t, (0.0, pos))
                own[t] = (base + score, min(first, pos))
        kept = {t: v for t, v in own.items() if v[0] >= THRESHOLD}
        taken: dict[str, str] = _NOTHING_TAKEN
        if not kept and claim.answers:
            # "The topic was not raised in any detail." says what it is about only with its question.
            asked, _ = matcher.evidence(claim.answers)
            kept = {t: (THRESHOLD, -1) for t, (score, _) in asked.items() if score >= THRESHOLD}
            taken = dict.fromkeys(kept, f'answers the question "{_quoted(claim.answers)}"')
        if not taken and previous and _A_WORD.search(claim.text):
            rest = _CONNECTIVE.sub("", claim.text, count=1)
            if _points_back(rest):
                # What "this" refers to becomes this claim's main point too, so a chain of such claims
                # ("... in this area." "This must be ...") keeps following it.
                top = max((v[0] for v in kept.values()), default=THRESHOLD)
                main = _main_topics(previous)
                for t in main:
                    kept[t] = (max(top, kept.get(t, (0.0, 0))[0]) + 0.01, -1)
                taken = dict.fromkeys(main, f"points back to {previous_id}")
            elif not kept and rest != claim.text:
                kept = {t: (THRESHOLD, -1) for t in _main_topics(previous)}
                taken = dict.fromkeys(kept, f"follows on from {previous_id}")
            continues = not kept and _CONTINUATION.search(claim.text) is not None
            if continues or (not kept and claim.paragraph == previous_paragraph):
                # Only the main point carries on: "He also stressed ..." after a claim on sanctions and NATO is
                # about one of them at most, and the main one is the likelier. A claim that names nothing of its
                # own inside the paragraph of the claim before ("We went through the draft point by point.")
                # goes on with that paragraph's point: a paragraph is the writer's unit of one point.
                kept = {t: (THRESHOLD, -1) for t in _main_topics(previous)}
                how = "" if continues else f" {BY_PARAGRAPH}"
                taken = dict.fromkeys(kept, f"continues {previous_id}{how}")
        topics = tuple(sorted(kept, key=order.__getitem__))
        result[claim.id] = topics
        if topics:
            why[claim.id] = _describe(claim.text, topics, signals, order, present, taken)
        previous, previous_id, previous_paragraph = kept, claim.id, claim.paragraph
    return ClaimTags(result, why)


_NOTHING_TAKEN: dict[str, str] = {}
_PLACE = itemgetter(1)
_LINES: dict[tuple[str, str, bool], str] = {}
_MAX_LINES = 20_000


_QUOTED_CHARS = 60


def _quoted(text: str) -> str:
    """``text`` on one line and at most ``_QUOTED_CHARS`` characters, for an evidence line."""
    text = " ".join(text.split())
    return text if len(text) <= _QUOTED_CHARS else text[:_QUOTED_CHARS - 1] + "…"


def describe_hit(text: str, hit: Hit) -> str:
    """``family: "matched text"``: what a user reads as the reason for a topic (the text shortened if long)."""
    matched = text[hit.start:hit.end]
    if len(matched) > _QUOTED_CHARS or not matched.isprintable() or "  " in matched:
        matched = " ".join(matched.split())
        if len(matched) > _QUOTED_CHARS:
            matched = matched[:_QUOTED_CHARS - 1] + "…"
    return f'{hit.label}: "{matched}"' + (" (the readout names the topic elsewhere)" if hit.context else "")


def _describe(text: str, topics: tuple[str, ...], signals: Found, order: dict[str, int], present: set[str],
              taken: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Each topic's evidence lines, in the order the signals occur, then the claim it was taken from; ``context``
    signals only when the readout names the topic elsewhere (they did not count otherwise). Runs for every claim
    with a topic, so it walks the claim's signals once."""
    wanted = {order[t]: t for t in topics}
    lines: dict[str, list[str]] = {}
    for signal, (start, end) in sorted(signals.items(), key=_PLACE) if len(signals) > 1 else signals.items():
        topic = wanted.get(signal.topic)
        if topic is not None and not (signal.context and topic not in present):
            # The same family and words recur across claims and readouts: each line is made once.
            key = (signal.label, text[start:end], signal.context)
            line = _LINES.get(key)
            if line is None:
                if len(_LINES) >= _MAX_LINES:
                    _LINES.clear()
                line = _LINES[key] = describe_hit(text, Hit(start, end, signal.label, signal.context))
            lines.setdefault(topic, []).append(line)
    out = {}
    for topic in topics:
        found = lines.get(topic, [])
        if topic in taken:
            found.append(taken[topic])
        out[topic] = tuple(dict.fromkeys(found)) if len(found) > 1 else tuple(found)
    return out


def for_alignment(topics: Mapping[str, tuple[str, ...]],
                  evidence: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """``topics`` without those a claim carries only for standing in the paragraph of the claim before: they say
    what a reader takes the claim to be about, not that it reports the same point as a claim of the other side, so
    the aligner does not weigh them (a one-sided sentence would otherwise join its neighbour's link)."""
    out: dict[str, tuple[str, ...]] = {}
    for cid, ids in topics.items():
        why = evidence.get(cid)
        if why:
            ids = tuple(t for t in ids if not any(BY_PARAGRAPH in line for line in why.get(t, ())))
        out[cid] = ids
    return out


def score_text(text: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The score of each topic with any evidence in ``text`` on its own (no context signals, no neighbours)."""
    own, _ = compile_taxonomy(taxonomy).evidence(text)
    return {t: round(score, 3) for t, (score, _) in own.items()}


def _main_topics(scores: Scores) -> list[str]:
    """The topic with the most evidence; on a tie, the one the claim states first."""
    if not scores:
        return []
    return [min(scores.items(), key=lambda item: (-item[1][0], item[1][1]))[0]]
