"""The engine's own result measured against the reviewed one: every reviewed pair is test data.

- ``score(engine, reviewed) -> Score``: link precision, recall and F1 over claim pairs (two claims of different
  sides in one link: a link of three claims is three pairs when they span three sides, two when two), the same
  over omissions (claims in no link), and how much of the comparison was reviewed.
- ``Score.total(scores)``: the scores of several pairs pooled (pairs and omissions counted over all of them).

The reviewed result is the reference, the engine's the prediction. Rows no one has reviewed count as the engine
aligned them, so a barely reviewed pair scores near 1.0: ``rows_reviewed`` says how far to trust the figure.
With nothing to find the convention of the corpus's scorer applies: no predicted and no reference pairs is a
precision and a recall of 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from comparisons.model import Comparison

__all__ = ["Score", "claim_pairs", "score"]


def claim_pairs(comparison: Comparison) -> set[frozenset[str]]:
    sides = {c.id: c.side for d in comparison.documents for c in d.claims}
    found = set()
    for link in comparison.links:
        for i, a in enumerate(link.claims):
            for b in link.claims[i + 1:]:
                if sides[a] != sides[b]:
                    found.add(frozenset((a, b)))
    return found


def _prf(predicted: int, reference: int, shared: int) -> tuple[float, float, float]:
    p = shared / predicted if predicted else (1.0 if not reference else 0.0)
    r = shared / reference if reference else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True)
class Score:
    pair_id: str
    engine_pairs: int
    reviewed_pairs: int
    shared_pairs: int
    engine_omissions: int
    reviewed_omissions: int
    shared_omissions: int
    rows: int
    rows_reviewed: int
    stale: int = 0

    @property
    def link(self) -> tuple[float, float, float]:
        """(precision, recall, F1) of the engine's claim pairs."""
        return _prf(self.engine_pairs, self.reviewed_pairs, self.shared_pairs)

    @property
    def omission(self) -> tuple[float, float, float]:
        return _prf(self.engine_omissions, self.reviewed_omissions, self.shared_omissions)

    @staticmethod
    def total(scores: Iterable["Score"]) -> "Score":
        scores = list(scores)
        fields = ("engine_pairs", "reviewed_pairs", "shared_pairs", "engine_omissions", "reviewed_omissions",
                  "shared_omissions", "rows", "rows_reviewed", "stale")
        return Score("all", *(sum(getattr(s, name) for s in scores) for name in fields))

    def to_dict(self) -> dict:
        lp, lr, lf = self.link
        op, orr, of = self.omission
        return {"pair": self.pair_id, "link_p": round(lp, 3), "link_r": round(lr, 3), "link_f1": round(lf, 3),
                "engine_pairs": self.engine_pairs, "reviewed_pairs": self.reviewed_pairs,
                "shared_pairs": self.shared_pairs, "omission_p": round(op, 3), "omission_r": round(orr, 3),
                "omission_f1": round(of, 3), "rows": self.rows, "rows_reviewed": self.rows_reviewed,
                "stale": self.stale}


def score(engine: Comparison, reviewed: Comparison) -> Score:
    predicted, reference = claim_pairs(engine), claim_pairs(reviewed)
    left = {o.claim for o in engine.omissions}
    kept = {o.claim for o in reviewed.omissions}
    summary = reviewed.review
    rows = len(reviewed.rows)
    return Score(
        engine.pair.id,
        len(predicted), len(reference), len(predicted & reference),
        len(left), len(kept), len(left & kept),
        rows, rows - summary.to_review if summary is not None else 0,
        len(summary.stale) if summary is not None else 0,
    )
