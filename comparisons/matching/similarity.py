"""How alike two claims are in content: pluggable scorers behind one small interface.

- ``get_scorer(name, model=None) -> Scorer``: ``"lexical"`` (the default, no extra dependencies); ``"semantic"``
  (``comparisons.matching.semantic``) needs the optional ``semantic`` extra and raises ``ComparisonError`` with an install
  hint without it.
- ``Scorer.prepare(documents) -> PreparedScorer``: a scorer sees the whole comparison first, because what makes a
  shared word telling depends on the readouts at hand ("Russia" says nothing in a US–Russia pair).
- ``PreparedScorer.keys(claim_id)``: blocking keys for candidate generation (the aligner indexes them, so it never
  scores all pairs); ``PreparedScorer.score(a, b, *, score_cutoff=0.0) -> float`` in [0, 1], returning 0.0 early
  when a cheap bound shows the score cannot reach ``score_cutoff``.
- ``LexicalScorer``: a cosine-like overlap of weighted features (``comparisons.matching.features``): content-word stems,
  concepts, entities, dates and numbers, each weighted by its rarity in this comparison; across languages only the
  language-free features (concepts, entities, dates, numbers) count. The participants' names, which the opening
  claims of all sides share, only link those openings. A negated claim and an affirmative one score a little
  lower (``EngineParams.one_negated``), and so do two claims that share one name or one plain word and nothing
  else (``EngineParams.sole_unit``). Every number comes from ``comparisons.params``.

A semantic scorer drops in by implementing the same two methods (it may block on the lexical scorer's keys and score
with embeddings); the aligner adds topics and position itself, so a scorer only judges content.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Protocol

from comparisons.errors import ComparisonError
from comparisons.matching.concepts import concept_lexicon
from comparisons.matching.features import Features, extract
from comparisons.params import EngineParams, default_params
from readouts.model import Document

__all__ = ["LexicalScorer", "PreparedLexical", "PreparedScorer", "Scorer", "get_scorer"]


LANGUAGE_FREE = ("c", "e", "d", "n")
"""Feature kinds that mean the same in any language: all a cross-language pair can share."""


class PreparedScorer(Protocol):
    def keys(self, claim_id: str) -> frozenset[str]: ...

    def score(self, a: str, b: str, *, score_cutoff: float = 0.0) -> float: ...


class Scorer(Protocol):
    name: str

    def prepare(self, documents: Sequence[Document], params: EngineParams | None = None) -> PreparedScorer: ...


@dataclass(frozen=True)
class _Vector:
    weights: Mapping[str, float]
    free_weights: Mapping[str, float]
    """The language-free part of ``weights``, in the same order (what a cross-language pair can share)."""
    norm: float
    language_free_norm: float
    cyrillic: bool
    negated: bool


SOLE_KINDS = frozenset("we")
"""Unit kinds (``w:`` plain words, ``e:`` names) too common alone to tell that two claims report one point."""


class PreparedLexical:
    """Weighted feature vectors of every claim of one comparison."""

    def __init__(self, features: Sequence[Features], params: EngineParams):
        self.features = {f.claim_id: f for f in features}
        self.params = params
        names = _participant_words(features)
        units = {f.claim_id: f.units() - names if f.position > 0 else f.units() for f in features}
        df = Counter(chain.from_iterable(units.values()))
        side_units: dict[str, set[str]] = {}
        for f in features:
            side_units.setdefault(f.side, set()).update(units[f.claim_id])
        sides_using = Counter(chain.from_iterable(side_units.values()))
        total = max(len(features), 1)
        concepts = concept_lexicon().weights
        kinds = params.kind_weights
        self.idf = {u: math.log(1.0 + total / n) for u, n in df.items()}
        # A unit weighs the same in every claim that has it: weigh each distinct unit once.
        unit_weight: dict[str, float] = {}
        for unit, idf in self.idf.items():
            kind, _, name = unit.partition(":")
            w = idf * kinds[kind]
            if kind == "c":
                w *= concepts.get(name, 1.0)
            elif kind == "n" and name.isdecimal() and int(name) < params.small_number:
                w *= 0.5
            if sides_using[unit] < 2:
                w *= params.side_unique
            unit_weight[unit] = w
        self.vectors: dict[str, _Vector] = {}
        for f in features:
            # Sorted, so that sums run in the same order in every process (sets follow the hash seed).
            weights = {unit: unit_weight[unit] for unit in sorted(units[f.claim_id])}
            norm = math.sqrt(sum(w * w for w in weights.values()))
            free_weights = {u: w for u, w in weights.items() if u[0] in LANGUAGE_FREE}
            free = math.sqrt(sum(w * w for w in free_weights.values()))
            self.vectors[f.claim_id] = _Vector(weights, free_weights, norm, free, f.cyrillic, f.negated)

    def keys(self, claim_id: str) -> frozenset[str]:
        return frozenset(self.vectors[claim_id].weights)

    def surface(self, claim_id: str) -> Mapping[str, str]:
        """Each unit of the claim -> the words it was read from (what an explanation quotes)."""
        return self.features[claim_id].surface

    def same_script(self, a: str, b: str) -> bool:
        """Whether both claims are written in the same script (Latin or Cyrillic)."""
        return self.vectors[a].cyrillic == self.vectors[b].cyrillic

    def score(self, a: str, b: str, *, score_cutoff: float = 0.0) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        cross_language = va.cyrillic != vb.cyrillic
        na = va.language_free_norm if cross_language else va.norm
        nb = vb.language_free_norm if cross_language else vb.norm
        if not na or not nb:
            return 0.0
        low, high = (na, nb) if na <= nb else (nb, na)
        # The shared weight is at most the shorter claim's, which caps the score: skip the dot product when that
        # cap cannot reach the cutoff.
        share = self.params.shorter_share
        if score_cutoff and (low / high) ** (2 * (1.0 - share)) < score_cutoff:
            return 0.0
        small, large = (va, vb) if len(va.weights) <= len(vb.weights) else (vb, va)
        if cross_language:
            small_weights, large_weights = small.free_weights, large.free_weights
        else:
            small_weights, large_weights = small.weights, large.weights
        shared = [u for u in small_weights if u in large_weights]
        dot = sum([small_weights[u] * large_weights[u] for u in shared])
        if not dot:
            return 0.0
        score = min(1.0, (dot / low ** 2) ** share * (dot / high ** 2) ** (1.0 - share))
        for _, factor in self._factors(va, vb, shared):
            score *= factor
        return score

    def _factors(self, va: _Vector, vb: _Vector, shared: Sequence[str]) -> list[tuple[str, float]]:
        """What weakens a pair's content score, each with its reason (the why shows them)."""
        factors = []
        if va.negated != vb.negated:
            factors.append(("one claim is negated, the other not", self.params.one_negated))
        if len(shared) == 1 and shared[0][0] in SOLE_KINDS:
            factors.append(("one name or plain word is all they share", self.params.sole_unit))
        return factors

    def explain(self, a: str, b: str) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
        """``(content, shared, factors)`` for the pair: the score before factors, each shared unit with its share
        of that score (the units' products of weights, in proportion), and the factors that ``score`` applied."""
        va, vb = self.vectors[a], self.vectors[b]
        if va.cyrillic != vb.cyrillic:
            wa, wb = va.free_weights, vb.free_weights
        else:
            wa, wb = va.weights, vb.weights
        products = {u: w * wb[u] for u, w in wa.items() if u in wb}
        factors = self._factors(va, vb, list(products)) if products else []
        score = self.score(a, b)
        content = score / math.prod(f for _, f in factors) if factors else score
        dot = sum(products.values())
        shared = sorted(((u, content * p / dot) for u, p in products.items()), key=lambda x: (-x[1], x[0])) if dot else []
        return content, shared, factors


def _participant_words(features: Sequence[Features]) -> frozenset[str]:
    """Words that the opening claims of every side share: the participants' names ("Biden spoke with Putin").

    They link the openings, but elsewhere they say who spoke, not what about, so later claims do not match on them.
    """
    openings: dict[str, frozenset[str]] = {}
    for f in features:
        if f.position == 0 and f.side not in openings:
            openings[f.side] = frozenset(u for u in f.units() if u.startswith("w:"))
    if len(openings) < 2:
        return frozenset()
    return frozenset.intersection(*openings.values())


class LexicalScorer:
    """The default scorer: features and weights from the texts alone, no model."""

    name = "lexical"

    def prepare(self, documents: Sequence[Document], params: EngineParams | None = None) -> PreparedLexical:
        features: list[Features] = []
        for doc in documents:
            last = max(len(doc.claims) - 1, 1)
            features.extend(extract(claim, i / last) for i, claim in enumerate(doc.claims))
        return PreparedLexical(features, params or default_params())


def get_scorer(name: str = "lexical", model: str | None = None) -> Scorer:
    """The scorer called ``name``. ``model`` names a semantic model and is ignored by the lexical scorer."""
    if name == "lexical":
        return LexicalScorer()
    if name == "semantic":
        from comparisons.matching.semantic import SemanticScorer

        return SemanticScorer(model)
    raise ComparisonError("unknown similarity scorer; choose lexical or semantic", field="similarity", value=name)
