"""The ``Comparison`` value: computed once by ``compare()``, rendered by the TUI and every export.

- ``Span``: one piece of a word diff (``equal`` / ``delete`` / ``insert``); deletes come from the first claim's
  side, inserts from the other's.
- ``Conflict``: a checkable detail on which a link's sides disagree, with the value each side gives.
- ``Link``: claims from two or more sides that report the same point, with a score in [0, 1], and the evidence
  for it (``LinkEvidence``: the rule that made it, and per claim pair the shared features with their weights and
  each factor applied).
- ``Omission``: a claim no other side reports, and why (``OmissionEvidence``: its nearest claim on another side
  and what kept the two apart).
- ``TopicSummary``: per topic, how many claims each side has and how many links carry it.
- ``Row``: a link or an omission placed in reading order, what the TUI and the reports show line by line.
- ``ReviewMark``: on a link or an omission a person's review decided (``comparisons.review``): confirmed, added or
  changed by hand, a conflict marked or cleared with a note, who decided and when; ``None`` where the engine did.
- ``ReviewSummary``: on the comparison, what its review did: counts, stale decisions, or the problem that kept the
  review file from being used.

Invariants (checked by the tests): every claim is in exactly one link or one omission; link and claim ids are
stable for the same input and settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal, Mapping

from readouts.model import Claim, Document, Pair

__all__ = [
    "Comparison",
    "Conflict",
    "EngineInfo",
    "Factor",
    "Link",
    "LinkEvidence",
    "Omission",
    "OmissionEvidence",
    "PairEvidence",
    "ReviewMark",
    "ReviewSummary",
    "SharedFeature",
    "StaleDecision",
    "Row",
    "Span",
    "TopicSummary",
]

SCHEMA = "dualread/comparison@1"

Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Span:
    op: Op
    text: str


@dataclass(frozen=True)
class Conflict:
    """``kind`` is one of ``date``, ``number``, ``place``, ``entity``, ``attribution``, ``stance``."""

    kind: str
    values: Mapping[str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))


@dataclass(frozen=True)
class SharedFeature:
    """Something two claims both have, and how much of their content score it makes up.

    ``feature`` is ``kind:value`` with kind ``word`` (a stem), ``concept`` (one meaning under different words, see
    the lexicon), ``entity`` (a place, country or body), ``date`` or ``number``; ``words`` maps each claim id to
    the words the feature was read from in that claim ("dialogue" / "negotiations" for ``concept:talks``)."""

    feature: str
    weight: float
    words: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", MappingProxyType(dict(self.words)))


@dataclass(frozen=True)
class Factor:
    """A multiplier the aligner applied to a pair's content score, and why (``name`` says it in words)."""

    name: str
    value: float


@dataclass(frozen=True)
class PairEvidence:
    """Why two claims of different sides scored what they did: ``content`` from the shared features, then each
    factor, giving ``score``."""

    claims: tuple[str, str]
    score: float
    content: float
    shared: tuple[SharedFeature, ...] = ()
    factors: tuple[Factor, ...] = ()


LINK_RULES = ("merge", "mutual-best", "enumeration", "neighbour")
"""How a link came to be: ``merge``, grown from its strongest pair while the pairs it adds stay strong on average;
``mutual-best``, two claims that are each other's best partner on a shared topic though their score is low;
``enumeration``, a claim joined the claim of the other side that lists its point among several ("exchanged views
on A, B and C"); ``neighbour``, a claim that shares a point with a link joined it from the claim next to it in its
paragraph."""


@dataclass(frozen=True)
class LinkEvidence:
    """Why a link exists: the rule that made it and the evidence of each of its cross-side claim pairs (strongest
    first)."""

    rule: str
    pairs: tuple[PairEvidence, ...] = ()


@dataclass(frozen=True)
class OmissionEvidence:
    """Why a claim is in no link: the nearest claim of another side (None when none shares anything telling), its
    score, and the reason in one sentence."""

    nearest: str | None
    score: float
    reason: str


@dataclass(frozen=True)
class Link:
    id: str
    claims: tuple[str, ...]
    score: float
    topics: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    diff: tuple[Span, ...] = ()
    evidence: LinkEvidence | None = None
    review: ReviewMark | None = None


@dataclass(frozen=True)
class Omission:
    claim: str
    side: str
    topics: tuple[str, ...] = ()
    evidence: OmissionEvidence | None = None
    review: ReviewMark | None = None


REVIEW_STATUSES = ("confirmed", "added", "changed")
"""What a review made of a row, judged against the engine's own result: ``confirmed``, the engine had it so;
``added``, a link whose claims the engine had in no link together; ``changed``, the rest (a link or an omission
that differs from the engine's by a person's decision)."""


@dataclass(frozen=True)
class ReviewMark:
    """A row a person's review decided. ``conflict`` is ``"marked"`` (the person says the claims disagree; ``note``
    says on what), ``"cleared"`` (the person says the engine's conflict is none) or ``None``; ``by`` and ``at``
    name who made the latest decision on the row and when (ISO 8601)."""

    status: str
    conflict: str | None = None
    note: str = ""
    by: str = ""
    at: str = ""


@dataclass(frozen=True)
class StaleDecision:
    """A decision of the review file that could not be applied, kept in the file and reported: ``action`` and the
    claims it names (``side@start-end: text``), and ``reason`` in words."""

    action: str
    claims: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ReviewSummary:
    """What the review did to this comparison: ``decisions`` in the file, rows ``confirmed`` / ``added`` /
    ``changed`` by it, rows ``to_review`` (no decision yet), the ``stale`` decisions; ``problem`` is the one-line
    reason a review file was not used at all (the comparison is then the engine's own)."""

    decisions: int = 0
    confirmed: int = 0
    added: int = 0
    changed: int = 0
    to_review: int = 0
    stale: tuple[StaleDecision, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class TopicSummary:
    id: str
    label: str
    claims: Mapping[str, int]
    links: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "claims", MappingProxyType(dict(self.claims)))

    def presence(self) -> Literal["both", "one", "none"]:
        """Whether every side, only some sides, or no side mentions the topic."""
        present = sum(1 for n in self.claims.values() if n)
        if present == 0:
            return "none"
        return "both" if present == len(self.claims) else "one"


@dataclass(frozen=True)
class EngineInfo:
    version: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))


@dataclass(frozen=True)
class Row:
    """One line of the aligned view: ``claims`` maps each side key to the claims it shows (empty: not mentioned)."""

    claims: Mapping[str, tuple[Claim, ...]]
    topics: tuple[str, ...]
    link: Link | None = None
    omission: Omission | None = None

    @property
    def is_link(self) -> bool:
        return self.link is not None

    @property
    def has_conflict(self) -> bool:
        return bool(self.link and self.link.conflicts)


@dataclass(frozen=True)
class Comparison:
    pair: Pair
    documents: tuple[Document, ...]
    claim_topics: Mapping[str, tuple[str, ...]]
    links: tuple[Link, ...]
    omissions: tuple[Omission, ...]
    topics: tuple[TopicSummary, ...]
    engine: EngineInfo
    topic_evidence: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    """Claim id -> topic id -> why the claim carries that topic: the signals that fired (``family: "matched
    text"``) or the claim it took the topic from. Empty when not known (a comparison from an older cache)."""
    review: ReviewSummary | None = None
    """``None``: no review file; else what the review changed (``comparisons.review.apply_review``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "claim_topics", MappingProxyType(dict(self.claim_topics)))
        object.__setattr__(self, "topic_evidence", MappingProxyType(
            {cid: MappingProxyType(dict(by_topic)) for cid, by_topic in self.topic_evidence.items()}))

    @cached_property
    def _claims(self) -> Mapping[str, Claim]:
        return {c.id: c for d in self.documents for c in d.claims}

    def claim(self, claim_id: str) -> Claim:
        return self._claims[claim_id]

    def topics_of(self, claim_id: str) -> tuple[str, ...]:
        return self.claim_topics.get(claim_id, ())

    def topic_evidence_of(self, claim_id: str) -> Mapping[str, tuple[str, ...]]:
        """Per topic of the claim, why it carries it (see ``topic_evidence``); empty when not known."""
        return self.topic_evidence.get(claim_id, MappingProxyType({}))

    def topic_label(self, topic_id: str) -> str:
        for t in self.topics:
            if t.id == topic_id:
                return t.label
        return topic_id

    @property
    def side_keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.documents)

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        """Links and omissions in reading order: by the earliest claim of the first side that has one in the row,
        an omission right after the row that precedes it on its own side."""
        return _order_rows(self)

    def rows_for(self, topic: str | None) -> tuple[Row, ...]:
        """The rows that carry ``topic`` (all rows for ``None``)."""
        if topic is None:
            return self.rows
        return tuple(r for r in self.rows if topic in r.topics)


def _order_rows(comp: Comparison) -> tuple[Row, ...]:
    keys = comp.side_keys
    position = {c.id: (keys.index(c.side), c.index) for d in comp.documents for c in d.claims}
    rows: list[Row] = []
    for link in comp.links:
        by_side: dict[str, list[Claim]] = {k: [] for k in keys}
        for cid in link.claims:
            claim = comp.claim(cid)
            by_side[claim.side].append(claim)
        rows.append(Row({k: tuple(v) for k, v in by_side.items()}, link.topics, link=link))
    for om in comp.omissions:
        claim = comp.claim(om.claim)
        rows.append(Row({k: ((claim,) if k == claim.side else ()) for k in keys}, om.topics, omission=om))

    # Each row is placed by its claims on the first side it appears in; a row that lacks a side's claims borrows
    # the place of the nearest earlier row on its own side, so one-sided rows sit next to their neighbours.
    def anchor(row: Row) -> tuple[int, float]:
        for k in keys:
            if row.claims[k]:
                side_index = keys.index(k)
                return side_index, min(position[c.id][1] for c in row.claims[k])
        return len(keys), 0.0

    placed: dict[int, float] = {}
    first_side_rows = sorted(
        (i for i, r in enumerate(rows) if r.claims[keys[0]]),
        key=lambda i: min(c.index for c in rows[i].claims[keys[0]]),
    )
    for rank, i in enumerate(first_side_rows):
        placed[i] = float(rank)
    for key in keys[1:]:
        side_rows = sorted(
            (i for i, r in enumerate(rows) if r.claims[key]),
            key=lambda i: min(c.index for c in rows[i].claims[key]),
        )
        last = -1.0
        step = 1.0 / (len(side_rows) + 2)
        for i in side_rows:
            if i in placed:
                last = placed[i]
            else:
                last = last + step
                placed[i] = last
    order = sorted(range(len(rows)), key=lambda i: (placed.get(i, float("inf")), anchor(rows[i])))
    return tuple(rows[i] for i in order)
