"""Every tunable number of the engine in one frozen value, so that it can be read, fitted and varied as a whole.

- ``EngineParams``: the numbers (each field says what it does and why); ``.fingerprint()`` is part of every cache
  key and of a comparison's recorded settings, so a comparison is never served under other numbers than its own.
- ``default_params()``: the values shipped in ``params.yaml`` beside this module. Some were fitted on gold
  annotations by ``benchmarks/fit/fit.py`` (the file says which, and the figures the fit reached); the rest are
  set by reasoning written next to them. No module keeps a number of its own that changes a result.
- ``EngineParams.replace(**changes)``: the same numbers with some changed (what the fitting script and the quality
  benchmark vary).

Why one value: the stages' constants interact (a looser merge threshold needs a stricter relative rule), so tuning
one module's constant alone drifts; and a result must record exactly what produced it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

__all__ = ["EngineParams", "default_params", "load_params"]

_FILE = Path(__file__).with_name("params.yaml")


@dataclass(frozen=True)
class EngineParams:
    # --- content similarity (matching/similarity.py) ---
    weight_word: float
    """How much a shared content word counts, against other features of the same rarity."""
    weight_concept: float
    """A shared concept (one meaning under different words): it carries paraphrase, so it counts more."""
    weight_entity: float
    """A shared named place, country or body."""
    weight_date: float
    """A shared date: a checkable specific."""
    weight_number: float
    """A shared number."""
    side_unique: float
    """Weight kept by a feature no other side uses anywhere: one readout's own vocabulary says less."""
    small_number: int
    """Numbers below this ("three principles", "two hours") are common counts and weigh half."""
    shorter_share: float
    """How much the score follows the shorter claim's coverage (0.5 = plain cosine): readouts compress, and one
    side's short sentence often reports a point the other side's long sentence makes among others."""
    one_negated: float
    """Share of the score kept when one claim is negated and the other is not: a point and the denial of a point
    near it ("will deploy missiles" / "does not intend to deploy missiles") share words more often than they
    report the same thing."""
    sole_unit: float
    """Share of the score kept when all two claims share is one name or one plain word (no concept, date or number
    beside it): two short sentences that share only "Ukraine" or "companies" score high on it, yet two sides that
    report one point in their own words rarely share only that; with nothing telling in common, whatever single
    word is left would decide the partner. Set by hand on the pairs first seen unscored (dev unchanged at 0.7-0.9)."""

    # --- candidates (matching/candidates.py) ---
    max_posting: int
    """A blocking key shared by more claims than this is too common to block on (still weighed when scoring)."""
    max_candidates: int
    """How many partners per claim are scored: the ones sharing the most rare keys with it."""

    # --- pair score adjustments (matching/align.py) ---
    topic_disjoint: float
    """Share of the score kept by two claims whose topics share nothing. Shared topics earn nothing extra: two
    claims on one broad subject need not report the same point."""
    other_speaker: float
    """Share of the score kept by two claims their readouts attribute to different speakers: a reply can report
    the same point as the statement it answers, but more often each leader's own point is a point of its own."""
    position_weight: float
    """Readouts cover points in a similar order: a pair at the same relative place gains up to this share."""

    # --- linking (matching/align.py) ---
    min_edge: float
    """A pair weaker than this is never linked."""
    relative: float
    """A pair is a link candidate only if it is at least this share of each of its claims' best pair on the
    other's side: a weak echo of a point a claim shares much better elsewhere is not a second link."""
    merge_mean: float
    """Two groups merge when the claim pairs the merge would newly assert average at least this."""
    block_mean: float
    """A merge that leaves two sides with several claims each (m:n) needs this mean: such a block says every claim
    on one side reports the same point as every claim on the other, where one sentence answering several (1:n)
    says less. At ``merge_mean`` blocks joined neighbouring points on one subject."""
    group_ratio: float
    """Two groups that are already links merge only if the pairs between them reach this share of the weaker
    link's own mean: neighbouring points on one subject stay separate links."""
    max_group_per_side: int
    """No link takes more claims than this from one side: beyond it, a "link" is a topic, not a point."""
    mutual_min: float
    """Two claims left alone that are each other's best partner, on a shared topic, link from this score."""
    neighbour_mean: float
    """An unlinked claim joins the link of the claim next to it in its paragraph when it scores at least this with
    the link's other sides."""
    pointing_back_mean: float
    """... or at least this when it points back at the claim just before it ("Such a step would ...", "He reacted
    positively to this initiative"): its point is that claim's, which its own words do not name. Half of
    ``neighbour_mean``: on the own-words pairs, the two joins it adds are both gold links; dev is unchanged."""

    # --- the semantic extra (matching/semantic.py) ---
    cosine_floor: float
    """A cosine under this adds nothing to the lexical score. MiniLM gives two sentences of one readout pair on
    different points a cosine of 0.3 on average (0.56 for gold links on the dev pairs), and up to 0.7 for two
    sentences on one broad subject (at 0.45 the dev pairs lost link F1 0.04)."""
    cosine_doubt: float
    """Under this cosine the lexical score is scaled by ``cosine / cosine_doubt``: among candidates, nine in ten
    gold links have a cosine above 0.32 while the median non-link has 0.41, so a cosine this low says two points
    share vocabulary (at 0.4 true links were lost)."""
    cosine_ceil: float
    """Cosines above this add the full ``semantic_weight``."""
    semantic_weight: float
    """The most a cosine adds to the lexical score (larger weights linked claims on one broad subject: dev link
    F1 0.84 lexical, 0.79 at 0.3, 0.62 at 0.7 as a blend)."""

    @property
    def kind_weights(self) -> Mapping[str, float]:
        """The weight of each feature kind by its unit prefix (``w:``, ``c:``, ``e:``, ``d:``, ``n:``)."""
        return {"w": self.weight_word, "c": self.weight_concept, "e": self.weight_entity,
                "d": self.weight_date, "n": self.weight_number}

    def replace(self, **changes: Any) -> "EngineParams":
        """These numbers with ``changes`` applied (unknown names raise ``TypeError``)."""
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def fingerprint(self) -> str:
        """A short hash of every value: equal numbers, equal fingerprint, whatever file they came from."""
        text = json.dumps(self.as_dict(), sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_params(data: Mapping[str, Any]) -> EngineParams:
    """Params from a mapping such as ``params.yaml``'s ``values``: every field present, of its declared type."""
    fields = {f.name: f for f in dataclasses.fields(EngineParams)}
    missing = sorted(set(fields) - set(data))
    unknown = sorted(set(data) - set(fields))
    if missing or unknown:
        raise ValueError(f"engine params: missing {missing}, unknown {unknown}")
    values: dict[str, Any] = {}
    for name, f in fields.items():
        value = data[name]
        values[name] = int(value) if f.type == "int" else float(value)
    return EngineParams(**values)


@lru_cache(maxsize=1)
def default_params() -> EngineParams:
    """The shipped numbers (package data, not user input: a broken file is a bug, so it raises)."""
    import yaml

    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return load_params(data["values"])
