"""Which claim pairs the aligner scores: never all of them.

- ``candidate_pairs(documents, prepared) -> set[(claim_id, claim_id)]``: for each claim, the claims of the other
  sides that share the most rare blocking keys with it (``prepared.keys``, from ``comparisons.matching.similarity``);
  a claim whose keys are all too common to block on takes the claims that follow it in those keys' lists.

Why a module of its own: scoring every pair of claims grows with the square of a readout's length, and a long
pair (thousands of sentences) must still compare in seconds. Blocking is the one place that decides the cost;
the aligner only decides what the scored pairs mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from comparisons.matching.similarity import PreparedScorer
from comparisons.params import EngineParams, default_params
from readouts.model import Document

__all__ = ["candidate_pairs"]


def candidate_pairs(documents: Sequence[Document], prepared: PreparedScorer,
                    params: EngineParams | None = None) -> set[tuple[str, str]]:
    """Pairs worth scoring: for each claim, the claims of other sides that share the most rare keys with it.

    Shared keys are counted through an inverted index, each weighted by its rarity (a cheap bound on what the
    scorer will find), and only the ``max_candidates`` best partners of each claim are scored. Reading a posting
    list costs its length, which ``max_posting`` bounds, so the work grows linearly with the number of claims
    (both numbers are ``EngineParams`` fields)."""
    params = params or default_params()
    side_of: dict[str, str] = {}
    postings: dict[str, list[str]] = {}
    keys_of: dict[str, list[str]] = {}
    for doc in documents:
        for claim in doc.claims:
            cid = claim.id
            side_of[cid] = doc.key
            keys = keys_of[cid] = sorted(prepared.keys(cid))
            for key in keys:
                postings.setdefault(key, []).append(cid)
    # Each usable key's weight and its claims per side, so a claim reads only the other sides' claims of a key.
    blocking: dict[str, tuple[float, list[tuple[str, list[str]]]]] = {}
    for key, ids in postings.items():
        if 2 <= len(ids) <= params.max_posting:
            by_side: dict[str, list[str]] = {}
            for cid in ids:
                by_side.setdefault(side_of[cid], []).append(cid)
            if len(by_side) > 1:
                blocking[key] = (1.0 / len(ids), list(by_side.items()))
    pairs: set[tuple[str, str]] = set()
    places: dict[str, dict[str, int]] = {}
    for a, keys in keys_of.items():
        side_a = side_of[a]
        shared: defaultdict[str, float] = defaultdict(float)
        for key in keys:
            entry = blocking.get(key)
            if entry is None:
                continue
            weight, sides = entry
            for side, ids in sides:
                if side != side_a:
                    for b in ids:
                        shared[b] += weight
        if not shared:
            _common_partners(a, keys, postings, side_of, params, shared, places)
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:params.max_candidates]
        pairs.update((a, b) if a < b else (b, a) for b, _ in best)
    return pairs


def _common_partners(a: str, keys: list[str], postings: dict[str, list[str]], side_of: dict[str, str],
                     params: EngineParams, shared: defaultdict[str, float], places: dict[str, dict[str, int]]) -> None:
    """Partners for a claim whose every key is too common to block on: the claims of other sides that follow it in
    each key's posting list (wrapping round), at most ``max_candidates`` a key. Without them a sentence that every
    side repeats (a press review of one call by many outlets) had no candidate at all and stayed an omission
    everywhere. Taking the claims after this one, not the list's head, chains every claim to the next ones, so
    the aligner can join them all; reading a bounded stretch keeps the cost linear."""
    for key in keys:
        ids = postings.get(key, ())
        if len(ids) <= params.max_posting:
            continue
        if key not in places:  # each claim's place in the list, worked out once per key
            places[key] = {cid: i for i, cid in enumerate(ids)}
        start, taken = places[key][a], 0
        for step in range(1, len(ids)):
            b = ids[(start + step) % len(ids)]
            if side_of[b] != side_of[a]:
                shared[b] += 1.0 / len(ids)
                taken += 1
                if taken >= params.max_candidates:
                    break
