"""Compute the ``Comparison`` of one pair: the only place the engine's stages meet.

- ``compare(pair, options=None) -> Comparison``: claims per side, their topics, links across sides, word diffs
  and conflicts per link, omissions for the rest, and per-topic coverage.
- ``ENGINE_VERSION``: bumped whenever a change can alter a result, so cached comparisons are recomputed.
- ``prepare(pair, taxonomy) -> Prepared(documents, topics, evidence)``: the stages before any number matters (claims
  and their topics), shared with the fit so that it scores what the engine would.
- ``resolve_taxonomy(options)``: the taxonomy in force for those options (the default when none is given);
  ``resolve_params(options)`` likewise for the engine's numbers (``comparisons.params``).

The stages are other modules' jobs (``readouts.documents`` splits claims, ``comparisons.topics.tagging`` tags them,
``comparisons.matching.align`` links them with a scorer from ``comparisons.matching.similarity``); this module orders their output,
guarantees the invariants a reader relies on (every claim in exactly one link or omission, ids in reading order)
and attaches what is computed per link. Identical input and settings give an identical result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple, Sequence

from comparisons.model import Comparison, EngineInfo, Link, Omission, TopicSummary
from comparisons.options import CompareOptions
from comparisons.params import EngineParams, default_params
from readouts.model import Claim, Document, Pair

if TYPE_CHECKING:
    from comparisons.topics.taxonomy import Taxonomy

__all__ = ["ENGINE_VERSION", "Prepared", "compare", "prepare", "resolve_params", "resolve_taxonomy"]

ENGINE_VERSION = "1.21"
"""Part of every cache key: bump it when a code change can change a comparison."""

_SCORE_DIGITS = 4


def compare(pair: Pair, options: CompareOptions | None = None) -> Comparison:
    """Compare the sides of ``pair`` under ``options`` (lexical similarity, default taxonomy when ``None``)."""
    from comparisons.matching.align import align
    from comparisons.matching.similarity import get_scorer
    from comparisons.topics.tagging import for_alignment

    options = options or CompareOptions()
    taxonomy = resolve_taxonomy(options)
    params = resolve_params(options)
    documents, claim_topics, topic_evidence = prepare(pair, taxonomy)

    claims = {c.id: c for d in documents for c in d.claims}
    topic_order = {topic_id: i for i, topic_id in enumerate(_topic_ids(taxonomy))}
    claim_topics = {cid: _in_order(claim_topics.get(cid, ()), topic_order) for cid in claims}

    # A pair with claims on only one side has nothing to link: skip loading a scorer for it.
    if sum(1 for d in documents if d.claims) >= 2:
        scorer = get_scorer(options.similarity, options.model)
        alignment = align(documents, for_alignment(claim_topics, topic_evidence), scorer, params,
                          voices=[p.name for p in pair.participants])
        raw_links = [(tuple(ids), float(score)) for ids, score in alignment.links]
        link_evidence, omission_evidence = alignment.link_evidence, alignment.omission_evidence
    else:
        raw_links, link_evidence, omission_evidence = [], {}, {}

    side_keys = pair.side_keys
    groups = _clean_links(raw_links, claims, side_keys)
    links = tuple(
        replace(_build_link(f"L{n}", ids, score, claims, claim_topics, topic_order, side_keys, pair),
                evidence=link_evidence.get(frozenset(ids)))
        for n, (ids, score) in enumerate(groups, start=1)
    )
    linked = {cid for link in links for cid in link.claims}
    omissions = tuple(
        Omission(c.id, c.side, claim_topics[c.id], omission_evidence.get(c.id))
        for d in documents for c in d.claims if c.id not in linked
    )
    summaries = _topic_summaries(taxonomy, documents, claim_topics, links)
    settings = {
        "similarity": options.similarity,
        "model": options.model,
        "taxonomy": taxonomy.fingerprint(),
        "params": params.fingerprint(),
    }
    return Comparison(
        pair=pair,
        documents=documents,
        claim_topics=claim_topics,
        links=links,
        omissions=omissions,
        topics=summaries,
        engine=EngineInfo(ENGINE_VERSION, settings),
        topic_evidence=topic_evidence,
    )


class Prepared(NamedTuple):
    """What the engine computes from a pair before any of its numbers matter."""

    documents: tuple[Document, ...]
    topics: dict[str, tuple[str, ...]]
    """Claim id -> its topics."""
    evidence: dict[str, dict[str, tuple[str, ...]]]
    """Claim id -> topic id -> why the claim carries the topic."""


def prepare(pair: Pair, taxonomy: Taxonomy) -> Prepared:
    """The sides split into claims (one name per speaker across the sides) and their topics (a meeting below the
    leaders reads the leaders' channel as talks: ``comparisons.topics.level``): the first stages of
    ``compare``, on their own so that the fit in ``benchmarks/fit`` prepares its gold pairs exactly as the engine
    does and only then varies the numbers."""
    from comparisons.topics.level import as_talks, below_leaders
    from comparisons.topics.tagging import tag_claims
    from readouts.documents import one_name_per_speaker, split_document

    documents = one_name_per_speaker(tuple(split_document(side, pair.participants) for side in pair.sides))
    topics: dict[str, tuple[str, ...]] = {}
    evidence: dict[str, dict[str, tuple[str, ...]]] = {}
    for document in documents:
        claim_topics, claim_evidence = tag_claims(document, taxonomy)
        topics.update(claim_topics)
        evidence.update(claim_evidence)
    if below_leaders(documents):
        topics, evidence = as_talks(topics, evidence, taxonomy)
    return Prepared(tuple(documents), topics, evidence)


def resolve_params(options: CompareOptions) -> EngineParams:
    """The engine's numbers for a comparison under ``options``: the given ones, else the shipped ones."""
    return options.params if options.params is not None else default_params()


def resolve_taxonomy(options: CompareOptions):
    """The taxonomy a comparison under ``options`` uses: the given one, else the default."""
    if options.taxonomy is not None:
        return options.taxonomy
    from comparisons.topics.taxonomy import default_taxonomy

    return default_taxonomy()


def _topic_ids(taxonomy) -> list[str]:
    """The taxonomy's topic ids in its own order (the order every list of topics follows)."""
    return [topic.id for topic in taxonomy.topics]


def _in_order(ids: Iterable[str], order: Mapping[str, int]) -> tuple[str, ...]:
    # A topic the taxonomy does not know (a stand-in tagger, an old cache) sorts last, by name, never vanishes.
    return tuple(sorted(set(ids), key=lambda t: (order.get(t, len(order)), t)))


def _clean_links(
    raw: Sequence[tuple[tuple[str, ...], float]], claims: Mapping[str, Claim], side_keys: Sequence[str]
) -> list[tuple[tuple[str, ...], float]]:
    """Links the invariants hold for, in reading order.

    An aligner promises each claim once; should one repeat a claim or name an unknown one, the first link keeps
    it, and a link left with a single side is dropped (its claims become omissions) rather than shown as a link.
    """
    position = {key: i for i, key in enumerate(side_keys)}
    seen: set[str] = set()
    kept = []
    for ids, score in raw:
        own = [cid for cid in dict.fromkeys(ids) if cid in claims and cid not in seen]
        if len({claims[cid].side for cid in own}) < 2:
            continue
        seen.update(own)
        own.sort(key=lambda cid: (position[claims[cid].side], claims[cid].index))
        kept.append((tuple(own), round(min(max(score, 0.0), 1.0), _SCORE_DIGITS)))

    def reading_order(item: tuple[tuple[str, ...], float]) -> tuple:
        # By the first side's claims, then the next side's: a link's place is where a reader of side 1 meets it.
        firsts: dict[str, int] = {}
        for cid in item[0]:
            claim = claims[cid]
            firsts.setdefault(claim.side, claim.index)
        return tuple(firsts.get(key, float("inf")) for key in side_keys)

    kept.sort(key=reading_order)
    return kept


def _build_link(
    link_id: str,
    ids: tuple[str, ...],
    score: float,
    claims: Mapping[str, Claim],
    claim_topics: Mapping[str, tuple[str, ...]],
    topic_order: Mapping[str, int],
    side_keys: Sequence[str],
    pair: Pair,
) -> Link:
    from comparisons.conflicts.detect import find_conflicts
    from comparisons.words.worddiff import word_diff

    by_side: dict[str, list[Claim]] = {}
    for cid in ids:
        by_side.setdefault(claims[cid].side, []).append(claims[cid])
    ordered = {key: tuple(by_side[key]) for key in side_keys if key in by_side}
    first, second = list(ordered)[:2]
    diff = word_diff(_joined(ordered[first]), _joined(ordered[second]))
    topics = _in_order((t for cid in ids for t in claim_topics[cid]), topic_order)
    return Link(link_id, ids, score, topics, find_conflicts(ordered, pair), diff)


def _joined(claims: Sequence[Claim]) -> str:
    return " ".join(c.text for c in claims)


def _topic_summaries(
    taxonomy, documents: Sequence[Document], claim_topics: Mapping[str, tuple[str, ...]], links: Sequence[Link]
) -> tuple[TopicSummary, ...]:
    """Coverage of every topic some claim carries, in taxonomy order; topics nobody mentions are left out."""
    used = {t for topics in claim_topics.values() for t in topics}
    labels = {topic.id: topic.label for topic in taxonomy.topics}
    order = _topic_ids(taxonomy) + sorted(used - set(labels))
    counts = {d.key: Counter(t for c in d.claims for t in claim_topics[c.id]) for d in documents}
    link_counts = Counter(t for link in links for t in link.topics)
    return tuple(
        TopicSummary(topic_id, labels.get(topic_id, topic_id), {k: n[topic_id] for k, n in counts.items()},
                     link_counts[topic_id])
        for topic_id in order
        if topic_id in used
    )
