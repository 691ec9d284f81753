"""Links between the claims of two or more sides that report the same point; the rest are omissions.

- ``align(documents, claim_topics, scorer, params=None, *, voices=None) -> Alignment``: ``documents`` are the sides'
  ``Document`` values, ``claim_topics`` maps claim id to topic ids (may be empty), ``scorer`` comes from
  ``similarity.get_scorer`` (or is its name), ``params`` are the engine's numbers (``comparisons.params``);
  ``voices``, the pair's participants' names, says whose words count as a speaker's own (below; none given:
  every speaker's).
- ``Alignment(links, omitted, scored_pairs, link_evidence, omission_evidence)``: ``links`` is a tuple of
  ``(claim_ids, score)`` with claims from at least two sides, ordered by reading order; ``omitted`` the claims in no
  link; ``scored_pairs`` how many claim pairs were scored (the cost the benchmark and tests watch); the evidence
  says why each link exists (its rule, and per claim pair the shared features and factors) and why each omitted
  claim is in none.

How:
1. Candidates come from ``comparisons.matching.candidates``: an inverted index over the scorer's blocking keys (shared stems,
   concepts, entities, dates) ranks each claim's partners by the rare keys they share; only the best few are scored.
2. A candidate's score is the scorer's content similarity, weakened when the claims' topics share nothing or
   their speakers differ, and nudged by a similar place in the readouts (readouts tend to cover points in a
   similar order). Only the participants are speakers here: an aide or spokesperson answering the press in a
   briefing speaks in the side's name, as its narrator does, so "Vasily Koretsky: It was discussed." may report a
   point the other side gives its president.
3. Links grow greedily from the best pair down, like average-linkage clustering: two groups merge only while the
   pairs the merge would newly assert (every claim of one side with every claim of another) stay strong on
   average. One claim may so join several claims of the other side (1:n), and with three sides a link spans all
   three; a block of several claims on two sides (m:n) needs a stronger mean. Ties break on claim ids, so the
   result never depends on dict or input order.
4. Two claims still alone that are each other's best partner, on a shared topic, link at a lower score: the same
   point often shares only its one telling name between two very differently framed sentences. The countries
   the openings name ("spoke with President Putin of Russia") are no such name: any claim may name them.
5. A claim still alone whose best partner is an enumerating claim of the other side ("They also exchanged views on
   strategic stability, the Middle East and the Korean Peninsula") joins that claim's link when they share one of
   its named items and a topic: one side lists in one sentence the points the other reports one by one, and the
   list's best partner (one item) otherwise bars the others from the merge.
6. A claim left over joins the link of its neighbour in the same paragraph when it shares enough with that link's
   other sides: one side often spreads over two sentences what the other says in one. A claim that points back at
   the one before it ("Such a step would ...") needs less: its point is that claim's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from comparisons.matching.candidates import candidate_pairs
from comparisons.matching.features import surface_words
from comparisons.matching.similarity import PreparedScorer, Scorer, get_scorer
from comparisons.model import Factor, LinkEvidence, OmissionEvidence, PairEvidence, SharedFeature
from comparisons.params import EngineParams, default_params
from comparisons.topics.tagging import refers_back
from readouts.model import BOTH, Claim, Document

__all__ = ["Alignment", "align"]

@dataclass(frozen=True)
class Alignment:
    links: tuple[tuple[tuple[str, ...], float], ...]
    omitted: tuple[str, ...]
    scored_pairs: int = field(default=0, compare=False)
    link_evidence: Mapping[frozenset[str], LinkEvidence] = field(default_factory=dict, compare=False, repr=False)
    """Why each link exists, keyed by the set of its claim ids."""
    omission_evidence: Mapping[str, OmissionEvidence] = field(default_factory=dict, compare=False, repr=False)
    """Why each omitted claim is in no link, keyed by claim id."""


def _order_key(claim_id: str, side_rank: Mapping[str, int]) -> tuple[int, int]:
    side, _, index = claim_id.rpartition(":")
    return side_rank[side], int(index)


class _Scores:
    """Combined scores, computed once per pair and cached (merging asks for pairs the index never proposed)."""

    def __init__(self, prepared: PreparedScorer, topics: Mapping[str, frozenset[str]],
                 positions: Mapping[str, float], speakers: Mapping[str, frozenset[str]], params: EngineParams):
        self.prepared = prepared
        self.topics = topics
        self.positions = positions
        self.speakers = speakers
        self.params = params
        self.cache: dict[tuple[str, str], float] = {}

    def __call__(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        score = self.cache.get(key)
        if score is None:
            score = self.cache[key] = self._compute(*key)
        return score

    def _factors(self, a: str, b: str) -> list[tuple[str, float]]:
        """The multipliers the aligner applies to two claims' content score, each named as a reader would say it."""
        p = self.params
        factors = []
        ta, tb = self.topics.get(a, _NO_TOPICS), self.topics.get(b, _NO_TOPICS)
        if ta and tb and not ta & tb:
            factors.append(("their topics share nothing", p.topic_disjoint))
        sa, sb = self.speakers.get(a), self.speakers.get(b)
        if sa and sb and not sa & sb:
            factors.append(("different speakers", p.other_speaker))
        place = 1.0 - abs(self.positions[a] - self.positions[b])
        factors.append((f"similar place in the readouts ({place:.0%})", 1.0 + p.position_weight * place))
        return factors

    def _compute(self, a: str, b: str) -> float:
        content = self.prepared.score(a, b)
        if content <= 0.0:
            return 0.0
        for _, factor in self._factors(a, b):
            content *= factor
        return min(1.0, content)

    def explain(self, a: str, b: str, words: Mapping[str, Mapping[str, str]]) -> PairEvidence:
        """Why ``a`` and ``b`` score what they do; ``words`` maps claim id -> unit -> the words it was read from."""
        explain = getattr(self.prepared, "explain", None)
        if explain is None:  # a scorer without explanations: its score is all there is to say
            content, shared, factors = self.prepared.score(a, b), [], []
        else:
            content, shared, factors = explain(a, b)
        factors = list(factors) + (self._factors(a, b) if content > 0 else [])
        return PairEvidence(
            claims=(a, b),
            score=round(self(a, b), 4),
            content=round(content, 4),
            shared=tuple(
                SharedFeature(_feature_name(unit), round(weight, 4),
                              {c: words[c][unit] for c in (a, b) if unit in words.get(c, {})})
                for unit, weight in shared
            ),
            factors=tuple(Factor(name, round(value, 4)) for name, value in factors),
        )


_KIND_NAMES = {"w": "word", "c": "concept", "e": "entity", "d": "date", "n": "number"}


def _feature_name(unit: str) -> str:
    """``c:talks`` -> ``concept:talks``: the feature kinds spelled out for a reader."""
    kind, _, value = unit.partition(":")
    return f"{_KIND_NAMES.get(kind, kind)}:{value}"


_NO_TOPICS: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _name_words(speaker: str | None) -> frozenset[str]:
    """The words of a speaker's name that tell people apart: one side's "Joseph R. Biden, Jr." is the other's
    "Joseph Biden". Empty for no speaker; a point both leaders made is the speaker "both"."""
    if not speaker:
        return frozenset()
    words = {w.strip(".,").lower() for w in speaker.split()}
    return frozenset(w for w in words if len(w) > 2 and w not in _NAME_SUFFIXES)


_NAME_SUFFIXES = frozenset({
    "jr", "sr", "iii", "mr", "mrs", "ms", "dr", "sir", "the", "president", "prime", "minister", "chancellor",
    "secretary", "state", "foreign", "general", "premier", "king", "queen",
})
"""Words of a speaker's name that are titles or suffixes: "Prime Minister Starmer" and "Prime Minister Nehammer"
are two people."""


def _mean_at_least(pairs: list[tuple[str, str]], needed: float, scores: _Scores) -> float | None:
    """The mean score of ``pairs``, or None as soon as it can no longer reach ``needed`` (scores are at most 1)."""
    total, target = 0.0, needed * len(pairs)
    for done, (x, y) in enumerate(pairs, start=1):
        total += scores(x, y)
        if total + (len(pairs) - done) < target:
            return None
    return total / len(pairs)


def _cross_pairs(group: list[str], side_of: Mapping[str, str]) -> int:
    return sum(1 for i, x in enumerate(group) for y in group[i + 1:] if side_of[x] != side_of[y])


def _attach_neighbours(documents: Sequence[Document], members: dict[str, list[str]], group_of: dict[str, str],
                       side_of: Mapping[str, str], scores: _Scores, rules: dict[str, str]) -> None:
    """Let an unlinked claim join the link of the claim right before or after it in the same paragraph, when it
    shares something with that link's other sides: a readout often spreads over two sentences ("they discussed
    Iraq. They stressed de-escalation.") what the other side says in one."""
    linked = {cid for group in members.values() if len({side_of[c] for c in group}) > 1 for cid in group}
    joins: list[tuple[str, str]] = []
    for doc in documents:
        claims = doc.claims
        for i, claim in enumerate(claims):
            if claim.id in linked:
                continue
            best: tuple[float, str] | None = None
            for j in (i - 1, i + 1):
                if 0 <= j < len(claims) and claims[j].id in linked and claims[j].paragraph == claim.paragraph:
                    group = group_of[claims[j].id]
                    others = [c for c in members[group] if side_of[c] != doc.key]
                    mean = sum(scores(claim.id, c) for c in others) / len(others)
                    needed = scores.params.neighbour_mean
                    if j == i - 1 and refers_back(claim.text):
                        needed = scores.params.pointing_back_mean
                    if mean >= needed and (best is None or mean > best[0]):
                        best = (mean, group)
            if best:
                joins.append((claim.id, best[1]))
    for cid, group in joins:
        del members[group_of[cid]]
        members[group].append(cid)
        group_of[cid] = group
        rules[group] = "neighbour"


def _best_partners(scored: list[tuple[float, str, str]],
                   side_of: Mapping[str, str]) -> dict[tuple[str, str], tuple[float, str]]:
    """Each claim's best partner on each other side, with its score: (claim id, side) -> (score, partner id).
    Ties go to the partner whose id sorts first, so the result never depends on the order pairs were scored in."""
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for s, a, b in scored:
        for x, y in ((a, b), (b, a)):
            key = (x, side_of[y])
            if key not in best or (-s, y) < (-best[key][0], best[key][1]):
                best[key] = (s, y)
    return best


def _link_mutual_best(scored: list[tuple[float, str, str]], best: Mapping[tuple[str, str], tuple[float, str]],
                      members: dict[str, list[str]], group_of: dict[str, str], side_of: Mapping[str, str],
                      topics: Mapping[str, frozenset[str]], minimum: float, rules: dict[str, str],
                      keys: Callable[[str], frozenset[str]], pair_names: frozenset[str]) -> None:
    """Link two claims still alone when each is the other's best partner on the other's side.

    Two readouts of one point often share only its one telling name ("Taiwan", "Akkuyu") among much framing, which
    keeps their score under ``merge_mean``; when neither claim has anything better on the other side, that weak
    match is still the point they report."""
    for s, a, b in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if s < minimum:
            break
        if len(members.get(a, ())) != 1 or len(members.get(b, ())) != 1:
            continue
        if not topics.get(a, frozenset()) & topics.get(b, frozenset()):
            continue  # a weak match needs the tagger's agreement that both claims are on one subject
        if not (keys(a) & keys(b)) - pair_names:
            continue  # sharing only the countries the readouts are about is no telling name
        if best[(a, side_of[b])][1] == b and best[(b, side_of[a])][1] == a:
            members[a].append(b)
            del members[b]
            group_of[b] = a
            rules[a] = "mutual-best"


def _pair_names(documents: Sequence[Document], prepared: PreparedScorer) -> frozenset[str]:
    """The entities the readouts' opening claims name: the countries (or bodies) whose leaders met ("spoke with
    President Putin of Russia"). Every claim may name them, so on their own they tell no point from another."""
    return frozenset(k for doc in documents if doc.claims for k in prepared.keys(doc.claims[0].id) if k.startswith("e:"))


_ENUMERATION = re.compile(
    r"\b(?:discuss\w*|exchanged\s+views\s+on|touched\s+(?:up)?on|including|such\s+as|covered|addressed|raised)\b"
    r"[^.;]*,[^.;]*\band\b"
    r"|(?:обсудил\w*|обменял\w*\s+мнениями|затронул\w*|в\s+том\s+числе|включая)[^.;]*,[^.;]*\sи\s",
    re.IGNORECASE,
)
"""A claim that lists several points: a verb of discussing (or "including") and then "A, B and C"."""
ENUMERATED_ITEMS = 3
"""Named items (concepts, places, bodies) an enumerating claim must hold: "frank, constructive and covered trade"
has commas and an "and" but lists no points."""


def _named(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith(("c:", "e:")))


def _join_enumerations(documents: Sequence[Document], best: Mapping[tuple[str, str], tuple[float, str]],
                       members: dict[str, list[str]], group_of: dict[str, str], side_of: Mapping[str, str],
                       topics: Mapping[str, frozenset[str]], prepared: PreparedScorer, minimum: float,
                       rules: dict[str, str]) -> None:
    """Let a claim still alone join the link of its best partner when that partner enumerates several named points,
    one of which the claim shares (see step 5 of the module docstring)."""
    texts = {c.id: c.text for doc in documents for c in doc.claims}
    joins = []
    for (x, _), (s, y) in sorted(best.items()):
        if s < minimum or len(members.get(x, ())) != 1 or not _ENUMERATION.search(texts[y]):
            continue
        items = _named(prepared.keys(y))
        if len(items) < ENUMERATED_ITEMS or not items & _named(prepared.keys(x)):
            continue
        if topics.get(x, _NO_TOPICS) & topics.get(y, _NO_TOPICS):
            joins.append((x, y))
    for x, y in joins:
        if len(members.get(x, ())) != 1:
            continue
        group = group_of[y]
        del members[x]
        members[group].append(x)
        group_of[x] = group
        rules[group] = "enumeration"


def align(documents: Sequence[Document], claim_topics: Mapping[str, Sequence[str]] | None = None,
          scorer: Scorer | str = "lexical", params: EngineParams | None = None, *,
          voices: Sequence[str] | None = None) -> Alignment:
    p = params or default_params()
    documents = list(documents)
    if isinstance(scorer, str):
        scorer = get_scorer(scorer)
    side_rank = {doc.key: i for i, doc in enumerate(documents)}
    side_of = {c.id: doc.key for doc in documents for c in doc.claims}
    positions = {}
    for doc in documents:
        last = max(len(doc.claims) - 1, 1)
        positions.update({c.id: i / last for i, c in enumerate(doc.claims)})
    topics = {cid: frozenset(t) for cid, t in (claim_topics or {}).items()}
    prepared = scorer.prepare(documents, p)
    speakers = {c.id: _name_words(c.speaker) for doc in documents for c in doc.claims}
    if voices:
        participant_words = frozenset().union(*(_name_words(v) for v in voices), {BOTH})
        speakers = {cid: words if words & participant_words else frozenset() for cid, words in speakers.items()}
    scores = _Scores(prepared, topics, positions, speakers, p)

    scored = [(scores(a, b), a, b) for a, b in sorted(candidate_pairs(documents, prepared, p))]
    # Each claim's best partner is looked up per other side: with three sides, a summary that restates a point
    # closely must not make the same point's looser wording in the other official readout look like an echo.
    best: dict[tuple[str, str], float] = {}
    for s, a, b in scored:
        best[a, side_of[b]] = max(best.get((a, side_of[b]), 0.0), s)
        best[b, side_of[a]] = max(best.get((b, side_of[a]), 0.0), s)
    edges = sorted((-s, a, b) for s, a, b in scored
                   if s >= p.min_edge and s >= p.relative * max(best[a, side_of[b]], best[b, side_of[a]]))

    group_of = {cid: cid for cid in side_of}
    members: dict[str, list[str]] = {cid: [cid] for cid in side_of}
    rules: dict[str, str] = {}
    cohesion: dict[str, float] = {}  # mean score of a linked group's cross-side pairs
    for _, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        merged = members[ga] + members[gb]
        per_side: dict[str, int] = {}
        for cid in merged:
            per_side[side_of[cid]] = per_side.get(side_of[cid], 0) + 1
        if max(per_side.values()) > p.max_group_per_side:
            continue
        new_pairs = [(x, y) for x in members[ga] for y in members[gb] if side_of[x] != side_of[y]]
        inner = [cohesion[g] for g in (ga, gb) if g in cohesion]
        needed = max(p.merge_mean, p.group_ratio * min(inner)) if len(inner) == 2 else p.merge_mean
        if sum(1 for n in per_side.values() if n > 1) > 1:
            needed = max(needed, p.block_mean)
        mean = _mean_at_least(new_pairs, needed, scores)
        if mean is None:
            continue
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        pairs_before = [_cross_pairs(members[g], side_of) for g in (ga, gb)]
        total = sum(cohesion.get(g, 0.0) * n for g, n in zip((ga, gb), pairs_before, strict=True))
        total += mean * len(new_pairs)
        cohesion[keep] = total / (sum(pairs_before) + len(new_pairs))
        cohesion.pop(drop, None)
        members[keep] = merged
        del members[drop]
        rules[keep] = "merge"
        rules.pop(drop, None)
        for cid in merged:
            group_of[cid] = keep

    partners = _best_partners(scored, side_of)
    pair_names = _pair_names(documents, prepared)
    _link_mutual_best(scored, partners, members, group_of, side_of, topics, p.mutual_min, rules, prepared.keys,
                      pair_names)
    _join_enumerations(documents, partners, members, group_of, side_of, topics, prepared, p.mutual_min, rules)
    _attach_neighbours(documents, members, group_of, side_of, scores, rules)

    links = []
    omitted = []
    for group in members.values():
        ordered = tuple(sorted(group, key=lambda c: _order_key(c, side_rank)))
        sides = {side_of[c] for c in group}
        if len(sides) < 2:
            omitted.extend(group)
            continue
        pairs = [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:] if side_of[x] != side_of[y]]
        score = sum(scores(x, y) for x, y in pairs) / len(pairs)
        links.append((ordered, round(max(0.0, min(1.0, score)), 4)))
    links.sort(key=lambda link: _order_key(link[0][0], side_rank))
    omitted.sort(key=lambda c: _order_key(c, side_rank))
    claims = {c.id: c for doc in documents for c in doc.claims}
    link_evidence = {
        frozenset(ids): _link_evidence(ids, rules.get(group_of[ids[0]], "merge"), scores, side_of, claims)
        for ids, _ in links
    }
    omission_evidence = _omission_evidence(omitted, scored, group_of, members, side_of, scores, p, topics, partners,
                                           prepared.keys, pair_names)
    return Alignment(tuple(links), tuple(omitted), scored_pairs=len(scores.cache),
                     link_evidence=link_evidence, omission_evidence=omission_evidence)


def _link_evidence(ids: Sequence[str], rule: str, scores: _Scores, side_of: Mapping[str, str],
                   claims: Mapping[str, Claim]) -> LinkEvidence:
    """The rule that made a link and the evidence of each cross-side pair, strongest first."""
    surface = getattr(scores.prepared, "surface", None)
    words = {cid: surface(cid) if surface is not None else surface_words(claims[cid]) for cid in ids}
    pairs = [scores.explain(x, y, words) for i, x in enumerate(ids) for y in ids[i + 1:] if side_of[x] != side_of[y]]
    pairs.sort(key=lambda e: (-e.score, e.claims))
    return LinkEvidence(rule, tuple(pairs))


def _why_not_mutual(cid: str, other: str, side_of: Mapping[str, str], topics: Mapping[str, frozenset[str]],
                    partners: Mapping[tuple[str, str], tuple[float, str]], keys: Callable[[str], frozenset[str]],
                    pair_names: frozenset[str]) -> str:
    """Which condition of the mutual-best rule (``_link_mutual_best``) two claims left apart fail, in words."""
    best_back = partners.get((other, side_of[cid]), (0.0, cid))[1]
    if best_back != cid:
        return f"{other} matches {best_back} better"
    for claim in (cid, other):
        if not topics.get(claim):
            # The user may see a topic on it all the same: one taken from its paragraph, which linking does not weigh.
            return f"{claim} has no topic of its own to share (a topic taken from its paragraph is not weighed)"
    if not topics.get(cid, _NO_TOPICS) & topics.get(other, _NO_TOPICS):
        return "their topics share nothing"
    if not (keys(cid) & keys(other)) - pair_names:
        return "they share only the countries the readouts are about"
    return "one of them already reports a point with another claim"


def _omission_evidence(omitted: Sequence[str], scored: Sequence[tuple[float, str, str]], group_of: Mapping[str, str],
                       members: Mapping[str, list[str]], side_of: Mapping[str, str], scores: _Scores,
                       p: EngineParams, topics: Mapping[str, frozenset[str]],
                       partners: Mapping[tuple[str, str], tuple[float, str]], keys: Callable[[str], frozenset[str]],
                       pair_names: frozenset[str]) -> dict[str, OmissionEvidence]:
    """For each omitted claim, its nearest claim of another side and what kept the two apart, in one sentence."""
    nearest: dict[str, tuple[float, str]] = {}
    for s, a, b in scored:
        for x, y in ((a, b), (b, a)):
            if x in group_of and (x not in nearest or (-s, y) < (-nearest[x][0], nearest[x][1])):
                nearest[x] = (s, y)
    out = {}
    for cid in omitted:
        if cid not in nearest or nearest[cid][0] <= 0.0:
            out[cid] = OmissionEvidence(None, 0.0, "no claim of another side shares a telling word, concept, name, "
                                                   "date or number with it")
            continue
        s, other = nearest[cid]
        group = members.get(group_of[other], [other])
        linked = len({side_of[c] for c in group}) > 1
        if s < p.min_edge:
            reason = f"its nearest claim on another side, {other}, scores {s:.2f}: too little in common to be one point"
        elif linked:
            reason = (f"its nearest claim on another side, {other}, reports a point of its own with "
                      f"{', '.join(c for c in group if c != other)}, which it matches better")
        elif s < p.merge_mean:
            reason = (f"its nearest claim on another side, {other}, scores {s:.2f}, under the {p.merge_mean:.2f} a "
                      f"link needs (or {p.mutual_min:.2f} for two claims that are each other's best match on one topic)")
            if s >= p.mutual_min:
                reason = (f"its nearest claim on another side, {other}, scores {s:.2f}: under the {p.merge_mean:.2f} a "
                          f"link needs, and the {p.mutual_min:.2f} of two claims that are each other's best match "
                          f"does not apply: {_why_not_mutual(cid, other, side_of, topics, partners, keys, pair_names)}")
        else:
            reason = f"its nearest claim on another side, {other} ({s:.2f}), matches another claim of this side much better"
        out[cid] = OmissionEvidence(other, round(s, 4), reason)
    return out
