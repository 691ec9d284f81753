"""The evidence behind a link or an omission, as JSON and as lines a person reads.

- ``link_evidence_to_dict(evidence)`` / ``link_evidence_from_dict(data)``, and the same for omissions: the optional
  ``evidence`` fields of the JSON export (docs/json.md); ``None`` stays absent.
- ``explain_link(link, comparison) -> list[str]`` and ``explain_omission(omission, comparison) -> list[str]``: the
  same evidence in words, for ``dualread show --why``, the TUI's detail and the reports: the rule that made the
  link, then per claim pair its score, what the two claims share (with the words each used) and each factor.
- ``link_reasons(link, comparison) -> list[str]``: ``explain_link``, then what gave each of its claims its topics.
- ``why_link(link, comparison)`` / ``why_omission(omission, comparison)``: those lines said for what a person's
  review made of the row (a link made by hand has no engine evidence; a claim a review took out of its link has no
  omission evidence): what ``dualread show --why`` prints and the TUI's why pane shows, and (without the topics)
  each linked point of the HTML and Markdown reports: one function, so they agree.

Why it matters: an analyst who quotes a comparison must be able to check it; a link with no stated reason is a
claim about two governments that nobody can verify.
"""

from __future__ import annotations

from typing import Any, Mapping

from comparisons.model import (
    Comparison,
    Factor,
    Link,
    LinkEvidence,
    Omission,
    OmissionEvidence,
    PairEvidence,
    SharedFeature,
)

__all__ = [
    "explain_link",
    "explain_omission",
    "link_reasons",
    "why_link",
    "why_omission",
    "link_evidence_from_dict",
    "link_evidence_to_dict",
    "omission_evidence_from_dict",
    "omission_evidence_to_dict",
]

RULE_WORDS = {
    "merge": "grown from its strongest pair while every pair it added stayed strong on average",
    "mutual-best": "two claims that are each other's best match on a shared topic, though they share little",
    "enumeration": "a claim joined the other side's claim that lists its point among several",
    "neighbour": "a claim joined the link of the claim next to it, sharing part of its point",
}
"""Each rule of ``comparisons.model.LINK_RULES`` said in words."""

ONE_PAIR_MERGE = "the two claims score each other high enough for a link, near each one's best match on the other side"
"""``merge`` for a link of two claims, the commonest link: the pair is its strongest, and there is nothing more."""

SHOWN_FEATURES = 6
"""Shared features listed per claim pair in words (all of them are in the JSON)."""


def link_evidence_to_dict(evidence: LinkEvidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {"rule": evidence.rule, "pairs": [_pair_to_dict(p) for p in evidence.pairs]}


def _pair_to_dict(pair: PairEvidence) -> dict[str, Any]:
    return {
        "claims": list(pair.claims),
        "score": pair.score,
        "content": pair.content,
        "shared": [{"feature": s.feature, "weight": s.weight, "words": dict(s.words)} for s in pair.shared],
        "factors": [{"name": f.name, "value": f.value} for f in pair.factors],
    }


def link_evidence_from_dict(data: Mapping[str, Any] | None) -> LinkEvidence | None:
    if data is None:
        return None
    return LinkEvidence(str(data["rule"]), tuple(_pair_from_dict(p) for p in data["pairs"]))


def _pair_from_dict(data: Mapping[str, Any]) -> PairEvidence:
    a, b = data["claims"]
    return PairEvidence(
        (str(a), str(b)),
        float(data["score"]),
        float(data["content"]),
        tuple(SharedFeature(str(s["feature"]), float(s["weight"]), {str(k): str(v) for k, v in s["words"].items()})
              for s in data["shared"]),
        tuple(Factor(str(f["name"]), float(f["value"])) for f in data["factors"]),
    )


def omission_evidence_to_dict(evidence: OmissionEvidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {"nearest": evidence.nearest, "score": evidence.score, "reason": evidence.reason}


def omission_evidence_from_dict(data: Mapping[str, Any] | None) -> OmissionEvidence | None:
    if data is None:
        return None
    nearest = data["nearest"]
    return OmissionEvidence(None if nearest is None else str(nearest), float(data["score"]), str(data["reason"]))


def explain_link(link: Link, comparison: Comparison) -> list[str]:
    """Why ``link`` exists, in lines of plain text (readout words quoted as data, never markup)."""
    evidence = link.evidence
    if evidence is None:
        return ["no evidence recorded (a comparison from an older dualread; recompute it to see why)"]
    said = RULE_WORDS.get(evidence.rule, evidence.rule)
    if evidence.rule == "merge" and len(link.claims) == 2:
        said = ONE_PAIR_MERGE  # nothing was "added" to a link of one pair: "every pair it added" explained nothing
    lines = [f"rule: {evidence.rule} — {said}"]
    for pair in evidence.pairs:
        a, b = pair.claims
        lines.append(f"{a} and {b}: score {pair.score:.2f} (content {pair.content:.2f})")
        if pair.shared:
            shown = [_shared_words(s, a, b) for s in pair.shared[:SHOWN_FEATURES]]
            more = len(pair.shared) - SHOWN_FEATURES
            lines.append("  shared: " + "; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
        else:
            lines.append("  shared: nothing the lexical scorer weighs")
        for factor in pair.factors:
            if abs(factor.value - 1.0) >= 0.005:
                lines.append(f"  × {factor.value:.2f} {factor.name}")
    return lines


def _shared_words(shared: SharedFeature, a: str, b: str) -> str:
    kind, _, value = shared.feature.partition(":")
    words = [shared.words.get(c) for c in (a, b)]
    said = " / ".join(f'"{w}"' for w in dict.fromkeys(w for w in words if w))
    label = f"{kind} {value}" if kind != "word" else "word"
    return f"{label} {said} {shared.weight:.2f}".replace("  ", " ")


def explain_omission(omission: Omission, comparison: Comparison) -> list[str]:
    """Why a claim is in no link, in lines of plain text."""
    evidence = omission.evidence
    if evidence is None:
        return ["no evidence recorded (a comparison from an older dualread; recompute it to see why)"]
    return [f"not linked: {evidence.reason}"]


def link_reasons(link: Link, comparison: Comparison) -> list[str]:
    """Why ``link`` exists, then why each of its claims carries its topics (the signals that fired)."""
    return explain_link(link, comparison) + _topic_reasons(link, comparison)


def _topic_reasons(link: Link, comparison: Comparison) -> list[str]:
    return [f"topic {topic} of {cid}: " + "; ".join(signals)
            for cid in link.claims for topic, signals in comparison.topic_evidence.get(cid, {}).items()]


def why_link(link: Link, comparison: Comparison, *, topics: bool = True) -> list[str]:
    """Why ``link`` is as it is: the engine's reasons, or first what a review made of it. A link a person made has no
    engine evidence, and "no evidence recorded" would send them to recompute a comparison that is not old.
    ``topics=False`` leaves out what gave each claim its topics: the reports show a link's topics beside it, and
    their "why linked" says only what joined the claims."""
    status = link.review.status if link.review is not None else None
    topic_lines = _topic_reasons(link, comparison) if topics else []
    if status == "added":
        return ["linked by hand: the engine had none of these claims in a link together", _hand_score(link),
                *topic_lines]
    if status == "changed":
        if link.evidence is None:
            return ["changed by hand: the engine recorded no evidence for the claims it had linked here", *topic_lines]
        return ["changed by hand; the engine's evidence for the claims it had linked:",
                *explain_link(link, comparison), *topic_lines]
    return [*explain_link(link, comparison), *topic_lines]


def _hand_score(link: Link) -> str:
    """What the score of a link a person made means: it is shown beside the link (``+0.00``), and unexplained it
    reads as the engine's verdict on the person's decision."""
    if link.score <= 0.0:
        return "score 0.00: its claims share nothing the engine weighs (no telling word, concept, name, date or number)"
    return (f"score {link.score:.2f}: how alike the engine finds its claims (the mean over its claim pairs), "
            "computed for this link; the link is the person's")


def why_omission(omission: Omission, comparison: Comparison) -> list[str]:
    """Why a claim is in no link: the engine's reason, or that a person's review took it out of the engine's link."""
    status = omission.review.status if omission.review is not None else None
    if status == "changed" and omission.evidence is None:
        return ["the engine had it in a link: a person's review took it out"]
    return explain_omission(omission, comparison)
