"""A review applied on top of the engine's result: ``apply_review(comparison, review) -> Comparison``.

The engine's comparison is computed first, untouched by any review; this module then applies each decision, in the
order they were made, and returns a new ``Comparison`` that keeps every invariant a reader relies on:

- every claim is in exactly one link or one omission; a link holds claims of two sides or more (a link a decision
  leaves with one side falls apart into omissions);
- links are renumbered ``L1``, ``L2``, ... in reading order, as the engine numbers them;
- a link whose claims changed gets its topics, word diff and conflicts computed again, and a score: the mean over
  its cross-side claim pairs of the pair's score where the engine recorded one, else their lexical content score
  (the aligner's factors belong to links it made); an unchanged link keeps the engine's values and evidence;
- each topic's link count follows the links.

What each decision does: ``confirm``/``link`` put their claims in one link, taken from wherever they were;
``unlink`` (and ``confirm`` of one claim) leaves each claim in no link; ``distinct`` takes its first claim out of
a link the engine made that holds both (never out of one a person made); ``conflict`` adds a conflict of kind ``review`` to the link
holding its claims and ``clear-conflict`` removes that link's conflicts. Rows a decision changed carry a
``ReviewMark`` (confirmed, added, changed; the conflict and its note; who and when); the comparison carries a
``ReviewSummary``. A decision whose claim text is gone, or whose claims no longer fit it, is not applied and is
listed as stale (``comparisons.review.resolve`` says how claims are found again).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping, Sequence

from comparisons.model import (
    Comparison,
    Conflict,
    Link,
    LinkEvidence,
    Omission,
    ReviewMark,
    ReviewSummary,
    StaleDecision,
    TopicSummary,
)
from comparisons.review.decisions import CONFLICT_ACTIONS, Decision, Review
from comparisons.review.resolve import Resolver
from readouts.model import Claim

if TYPE_CHECKING:
    from comparisons.matching.similarity import PreparedScorer

__all__ = ["REVIEW_CONFLICT", "apply_review", "engine_groups"]

REVIEW_CONFLICT = "review"
"""The kind of conflict a person marked (``Conflict.values`` is empty; the note is in the link's ``review``)."""

_SCORE_DIGITS = 4


def engine_groups(comparison: Comparison) -> set[frozenset[str]]:
    """The claim sets of the comparison's links."""
    return {frozenset(link.claims) for link in comparison.links}


@dataclass
class _Partition:
    """Which group (link in the making) each claim is in, as decisions move claims around."""

    group: dict[str, int]
    members: dict[int, set[str]]
    side: Mapping[str, str]
    pinned: set[int] = field(default_factory=set)
    alone: set[str] = field(default_factory=set)
    touched: dict[str, int] = field(default_factory=dict)
    """Per claim, the index of the latest decision that moved it or its link."""
    next_id: int = 0

    def sides(self, gid: int) -> set[str]:
        return {self.side[c] for c in self.members[gid]}

    def take(self, cid: str, by: int) -> None:
        """Take ``cid`` out of its group; a group left with one side falls apart."""
        gid = self.group.pop(cid, None)
        self.touched[cid] = by
        if gid is None:
            return
        members = self.members[gid]
        members.discard(cid)
        for other in members:
            self.touched[other] = by
        if len(self.sides(gid)) < 2:
            for other in members:
                self.group.pop(other, None)
            del self.members[gid]
            self.pinned.discard(gid)

    def make(self, cids: Sequence[str], by: int) -> int:
        for cid in cids:
            self.take(cid, by)
            self.alone.discard(cid)
        gid = self.next_id
        self.next_id += 1
        self.members[gid] = set(cids)
        for cid in cids:
            self.group[cid] = gid
        self.pinned.add(gid)
        return gid


def apply_review(comparison: Comparison, review: Review) -> Comparison:
    """``comparison`` (the engine's own result) with ``review``'s decisions applied."""
    claims = {c.id: c for d in comparison.documents for c in d.claims}
    resolver = Resolver(comparison.documents)
    part = _Partition({}, {}, {cid: c.side for cid, c in claims.items()})
    for link in comparison.links:
        engine_gid = part.next_id
        part.next_id += 1
        part.members[engine_gid] = set(link.claims)
        part.group.update(dict.fromkeys(link.claims, engine_gid))

    stale: list[StaleDecision] = []
    conflict_of: dict[int, int] = {}  # group id -> index of the conflict decision on it
    distinct: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    conflicts: list[tuple[int, tuple[str, ...]]] = []
    for n, decision in enumerate(review.decisions):
        resolved = [resolver.claims(ref) for ref in decision.claims]
        missing = [ref for ref, ids in zip(decision.claims, resolved, strict=True) if ids is None]
        if missing:
            changed = resolver.changed(missing[0])
            stale.append(_stale(decision, f"no longer in the {missing[0].side} readout: {missing[0].shown()}"
                                + (f"; {changed}" if changed else "")))
            continue
        found_ids = [found for found in resolved if found is not None]  # none is None: ``missing`` is empty
        ids = list(dict.fromkeys(cid for found in found_ids for cid in found))
        if decision.action == "distinct":
            distinct.append((n, found_ids[0], found_ids[1]))
        elif decision.action in CONFLICT_ACTIONS:
            conflicts.append((n, tuple(ids)))
        elif decision.makes_link:
            if len({part.side[c] for c in ids}) < 2:
                stale.append(_stale(decision, "its claims now fall on one side only"))
                continue
            part.make(ids, n)
        else:
            for cid in ids:
                part.take(cid, n)
                part.alone.add(cid)

    for n, firsts, seconds in distinct:
        for a in firsts:
            for b in seconds:
                gid = part.group.get(a)
                if gid is None or gid != part.group.get(b) or gid in part.pinned:
                    continue  # apart already, or a person linked them: their own decision wins
                part.take(a, n)  # the claim named first is the one said not to belong

    for n, conflict_ids in conflicts:
        gids = {part.group.get(cid) for cid in conflict_ids}
        gid = gids.pop() if len(gids) == 1 else None
        if gid is None:
            stale.append(_stale(review.decisions[n], "its claims are no longer one link"))
            continue
        conflict_of[gid] = n
        for cid in part.members[gid]:
            part.touched[cid] = max(part.touched.get(cid, -1), n)

    return _rebuild(comparison, review, part, conflict_of, tuple(stale), claims)


def _stale(decision: Decision, reason: str) -> StaleDecision:
    return StaleDecision(decision.action, tuple(ref.shown() for ref in decision.claims), reason)


def _rebuild(comparison: Comparison, review: Review, part: _Partition, conflict_of: Mapping[int, int],
             stale: tuple[StaleDecision, ...], claims: Mapping[str, Claim]) -> Comparison:
    keys = comparison.side_keys
    rank = {key: i for i, key in enumerate(keys)}

    def order(cid: str) -> tuple[int, int]:
        return rank[claims[cid].side], claims[cid].index

    engine_links = {frozenset(link.claims): link for link in comparison.links}
    engine_partner = {cid: frozenset(link.claims) for link in comparison.links for cid in link.claims}
    scores = _Scores(comparison)
    built: list[Link] = []
    for gid, members in part.members.items():
        ids = tuple(sorted(members, key=order))
        engine_link = engine_links.get(frozenset(ids))
        decided = gid in part.pinned or gid in conflict_of or engine_link is None
        link = engine_link if engine_link is not None else _new_link(ids, comparison, claims, scores)
        if decided:
            link = _decided(link, ids, gid, engine_link, engine_partner, part, conflict_of, review)
        built.append(link)

    def reading_order(link: Link) -> tuple:
        firsts: dict[str, int] = {}
        for cid in link.claims:
            firsts.setdefault(claims[cid].side, claims[cid].index)
        return tuple(firsts.get(key, float("inf")) for key in keys)

    built.sort(key=reading_order)
    links = tuple(replace(link, id=f"L{n}") for n, link in enumerate(built, start=1))

    engine_omissions = {o.claim: o for o in comparison.omissions}
    omissions = []
    for document in comparison.documents:
        for claim in document.claims:
            if claim.id in part.group:
                continue
            omission = engine_omissions.get(claim.id) or Omission(claim.id, claim.side, comparison.topics_of(claim.id))
            touched = part.touched.get(claim.id)
            if touched is not None or claim.id in part.alone:
                status = "confirmed" if claim.id in engine_omissions else "changed"
                decision = review.decisions[touched] if touched is not None else None
                omission = replace(omission, review=_mark(status, decision))
            omissions.append(omission)

    marks = [link.review for link in links] + [omission.review for omission in omissions]
    summary = ReviewSummary(
        decisions=len(review.decisions),
        confirmed=sum(1 for m in marks if m is not None and m.status == "confirmed"),
        added=sum(1 for m in marks if m is not None and m.status == "added"),
        changed=sum(1 for m in marks if m is not None and m.status == "changed"),
        to_review=sum(1 for m in marks if m is None),
        stale=stale,
    )
    return replace(comparison, links=links, omissions=tuple(omissions),
                   topics=_recount(comparison.topics, links), review=summary)


def _decided(link: Link, ids: tuple[str, ...], gid: int, engine_link: Link | None,
             engine_partner: Mapping[str, frozenset[str]], part: _Partition, conflict_of: Mapping[int, int],
             review: Review) -> Link:
    if engine_link is not None:
        status = "confirmed"
    elif not any(len(engine_partner.get(cid, frozenset()) & set(ids)) >= 2 for cid in ids):
        status = "added"
    else:
        status = "changed"
    latest = max((part.touched[c] for c in ids if c in part.touched), default=None)
    decision = review.decisions[latest] if latest is not None else None
    conflict, note = None, ""
    conflicts = link.conflicts
    if gid in conflict_of:
        said = review.decisions[conflict_of[gid]]
        note = said.note
        if said.action == "conflict":
            conflict = "marked"
            conflicts = tuple(c for c in conflicts if c.kind != REVIEW_CONFLICT) + (Conflict(REVIEW_CONFLICT, {}),)
        else:
            conflict = "cleared"
            conflicts = ()
    return replace(link, conflicts=conflicts, review=_mark(status, decision, conflict, note))


def _mark(status: str, decision: Decision | None, conflict: str | None = None, note: str = "") -> ReviewMark:
    by, at = (decision.by, decision.at) if decision is not None else ("", "")
    return ReviewMark(status, conflict, note, by, at)


class _Scores:
    """Pair scores for links a person made: the engine's where it recorded one, else lexical content."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.known: dict[frozenset[str], float] = {}
        for link in comparison.links:
            for pair in link.evidence.pairs if link.evidence else ():
                self.known[frozenset(pair.claims)] = pair.score
        for omission in comparison.omissions:
            evidence = omission.evidence
            if evidence is not None and evidence.nearest is not None:
                self.known.setdefault(frozenset((omission.claim, evidence.nearest)), evidence.score)
        self._prepared: PreparedScorer | None = None

    def pair(self, a: str, b: str) -> float:
        known = self.known.get(frozenset((a, b)))
        if known is not None:
            return known
        if self._prepared is None:
            from comparisons.matching.similarity import get_scorer

            self._prepared = get_scorer("lexical").prepare(self.comparison.documents)
        return self._prepared.score(a, b)


def _new_link(ids: tuple[str, ...], comparison: Comparison, claims: Mapping[str, Claim], scores: _Scores) -> Link:
    """A link the engine did not make: topics, word diff, conflicts and score computed for its claims."""
    from comparisons.conflicts.detect import find_conflicts
    from comparisons.words.worddiff import word_diff

    by_side: dict[str, list[Claim]] = {}
    for cid in ids:
        by_side.setdefault(claims[cid].side, []).append(claims[cid])
    ordered = {key: tuple(by_side[key]) for key in comparison.side_keys if key in by_side}
    first, second = list(ordered)[:2]
    diff = word_diff(" ".join(c.text for c in ordered[first]), " ".join(c.text for c in ordered[second]))
    topic_rank = {t.id: i for i, t in enumerate(comparison.topics)}
    topics = sorted({t for cid in ids for t in comparison.topics_of(cid)},
                    key=lambda t: (topic_rank.get(t, len(topic_rank)), t))
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if claims[a].side != claims[b].side]
    score = round(sum(scores.pair(a, b) for a, b in pairs) / len(pairs), _SCORE_DIGITS)
    return Link("", ids, min(max(score, 0.0), 1.0), tuple(topics), find_conflicts(ordered, comparison.pair), diff,
                _kept_evidence(ids, comparison))


def _kept_evidence(ids: tuple[str, ...], comparison: Comparison) -> LinkEvidence | None:
    """The engine's evidence for the claim pairs of a changed link that the engine had linked."""
    members = set(ids)
    for link in comparison.links:
        if link.evidence is None or not members & set(link.claims):
            continue
        pairs = tuple(p for p in link.evidence.pairs if set(p.claims) <= members)
        if pairs:
            return LinkEvidence(link.evidence.rule, pairs)
    return None


def _recount(topics: Sequence[TopicSummary], links: Sequence[Link]) -> tuple[TopicSummary, ...]:
    counts: dict[str, int] = {}
    for link in links:
        for topic in link.topics:
            counts[topic] = counts.get(topic, 0) + 1
    return tuple(replace(t, links=counts.get(t.id, 0)) for t in topics)
