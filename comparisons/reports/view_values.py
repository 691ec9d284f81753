"""The frozen values a report is made of: what the HTML and Markdown templates, ``dualread show``, the CSV and the
library index read.

- ``ReportView``: one pair's report, in the order a reader wants it: the title block and ``Stamp``; ``SideView`` per
  side; ``KeyDifferences`` (what each side stressed, conflicts with each side's words, what only one side reports,
  links where one side says much more, contrasting terms); ``FullTextView`` per side (the whole readout with its
  claims marked); the linked points once each as ``RowView``; ``TopicView`` per topic, pointing at points.
- ``ClaimView``: one claim with everything a reader or an analyst asks of it (status, link, score, conflict values):
  the full texts mark it, the CSV writes it as one row.
- ``RowView``: a link as one line of the side-by-side: a ``CellView`` per side (its words as ``Piece`` runs, marked
  where only that side uses them), its ``ConflictView`` list.
- ``CoverageCell``: how many claims a side has on a topic, and which links in conflict touch it.

Kept apart from ``comparisons.reports.view``, which computes them from a ``Comparison``: the renderers need only
these shapes, and templates never compute.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CellView", "ClaimView", "ConflictView", "ConflictWords", "CoverageCell", "FullTextView", "KeyDifferences",
    "Lopsided", "OmissionGroup", "Piece", "PointRef", "RankedOmission", "ReportView", "ReviewMarkView", "ReviewView",
    "RowView", "SideView", "Stamp", "TermContrast", "TextRun", "TopicView",
]


@dataclass(frozen=True)
class Stamp:
    """What every footer says: when the file was made, by which dualread, with which engine."""

    exported: str
    """The export date, YYYY-MM-DD (``SOURCE_DATE_EPOCH`` when set, so a build can be reproduced)."""
    dualread: str
    engine: str
    similarity: str


@dataclass(frozen=True)
class SideView:
    key: str
    label: str
    publisher: str
    title: str
    url: str
    safe_url: str
    lang: str
    """The readout's language as an HTML ``lang`` value (``ru``, ``zh``), ``""`` when not known to be valid."""
    claims: int
    linked: int
    omitted: int
    conflicts: int


@dataclass(frozen=True)
class Piece:
    text: str
    only_here: bool
    """True for words this side uses and the side it is compared with does not."""


@dataclass(frozen=True)
class ClaimView:
    id: str
    side: str
    side_label: str
    lang: str
    index: int
    start: int
    end: int
    text: str
    speaker: str
    topics: tuple[str, ...]
    """Topic ids."""
    status: str
    """``linked``, ``conflict`` (linked, and the link is in conflict) or ``omission`` (no other side reports it)."""
    link: str
    """The link id (``L4``), ``""`` for an omission."""
    partners: tuple[str, ...]
    """The other claims of its link, by id."""
    score: float | None
    low_score: bool
    conflicts: tuple[tuple[str, str], ...]
    """(kind, this side's value) for each conflict of its link that names this side."""
    anchor: str
    """Its id in the full text (``t-kremlin-3``)."""
    review: str
    """What a person's review made of its link or omission: ``confirmed``, ``added``, ``changed``; ``""`` if none."""
    review_conflict: str
    """What the review said of its link's conflict: ``marked``, ``cleared`` (the engine's conflict is none); ``""``."""
    review_note: str
    """The reviewer's note on that conflict (what the sides disagree on, or why they do not)."""
    partner_href: str
    """Where its marker leads: the first partner on the next side that has one (``#t-white-house-4``)."""
    partner_label: str
    """Whose that partner is: "President of Russia (Kremlin), claim 11"."""

    @property
    def ref(self) -> str:
        """How a reader names the claim's point: its link id, or the claim id of an omission."""
        return self.link or self.id


@dataclass(frozen=True)
class TextRun:
    """A stretch of a full text: a claim, or the words between claims (``claim`` None)."""

    text: str
    claim: ClaimView | None = None


@dataclass(frozen=True)
class FullTextView:
    key: str
    label: str
    lang: str
    title: str
    paragraphs: tuple[tuple[TextRun, ...], ...]


@dataclass(frozen=True)
class CellView:
    side: str
    label: str
    lang: str
    pieces: tuple[Piece, ...]
    speakers: tuple[str, ...]
    mark: str
    """``del`` for the first side of a word diff, ``ins`` for the second, ``""`` when the cell has no marked words."""
    compared_with: str
    """The label of the side this cell's words are compared with (``""``: not compared word by word)."""
    href: str
    """The cell's first claim in the full text (``""``: the side does not report the point)."""

    @property
    def missing(self) -> bool:
        return not self.pieces

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class ConflictWords:
    """One side's words in a conflict: its claims, the value marked where it is found."""

    label: str
    lang: str
    pieces: tuple[Piece, ...]
    """``only_here`` marks where the side's value is written."""


@dataclass(frozen=True)
class ConflictView:
    kind: str
    values: tuple[tuple[str, str], ...]
    """(side label, value) in the pair's side order; empty for a conflict a reviewer marked (see ``note``)."""
    words: tuple[ConflictWords, ...] = ()
    note: str = ""
    """For a conflict a person's review marked (kind ``marked by a reviewer``): what they said is in conflict."""


@dataclass(frozen=True)
class RowView:
    anchor: str
    ref: str
    """The link id (``L3``): how a reader names the row."""
    score: float
    low_score: bool
    topics: tuple[str, ...]
    """Topic labels."""
    cells: tuple[CellView, ...]
    conflicts: tuple[ConflictView, ...]
    little_shared: bool = False
    """The sides share too little wording for a useful word diff (see ``view.MIN_SHARED_WORDING``)."""
    review: "ReviewMarkView | None" = None
    why: tuple[str, ...] = ()
    """Why the claims are linked, in the lines ``dualread show --why`` prints for it (``evidence.why_link`` without
    the topics); none for a link with no recorded evidence that no person made."""

    @property
    def marked(self) -> bool:
        """Some cell has words marked (a word diff is shown)."""
        return any(c.mark for c in self.cells)


@dataclass(frozen=True)
class ReviewMarkView:
    """What a person's review decided on one row, in words a reader takes in at a glance."""

    status: str
    """``confirmed``, ``added`` or ``changed``."""
    said: str
    """"confirmed by a reviewer", "linked by hand", "changed by hand", then the conflict: "conflict cleared"."""
    note: str
    by: str
    at: str


@dataclass(frozen=True)
class ReviewView:
    """What a person's review of the pair changed, against the engine's own result."""

    decisions: int
    confirmed: int
    added: int
    changed: int
    to_review: int
    rows: tuple[tuple[str, str, ReviewMarkView], ...]
    """(ref, href, mark) of every row the review decided, in reading order."""
    stale: tuple[tuple[str, str, str], ...]
    """(action, claims, reason) of decisions whose claims are no longer in the readouts."""
    problem: str
    """Why the review file was not used at all (the report is then the engine's own), ``""`` when it was."""


@dataclass(frozen=True)
class PointRef:
    """A topic's pointer to a point: a linked row, or an omission's claim in the full text."""

    ref: str
    href: str
    kind: str
    """``link`` or ``omission``."""
    conflict: bool
    low_score: bool
    side_label: str
    """For an omission, the side that alone reports it."""


@dataclass(frozen=True)
class CoverageCell:
    side: str
    count: int
    state: str
    """``mentioned`` or ``not mentioned``; a conflict never hides it (see ``conflicts``)."""
    conflicts: tuple[str, ...] = ()
    """The links in conflict on this topic that this side takes part in (``L5``)."""

    @property
    def in_conflict(self) -> bool:
        return bool(self.conflicts)


@dataclass(frozen=True)
class TopicView:
    id: str
    label: str
    anchor: str
    coverage: tuple[CoverageCell, ...]
    links: int
    points: tuple[PointRef, ...] = ()


@dataclass(frozen=True)
class RankedOmission:
    claim: ClaimView
    topics: tuple[str, ...]
    """Topic labels."""
    why: str
    """Why it ranks where it does: "a topic The White House never mentions: Security guarantees", or ""."""


@dataclass(frozen=True)
class OmissionGroup:
    """What one side alone reports, weightiest first."""

    side: str
    label: str
    items: tuple[RankedOmission, ...]
    lead: int = 5
    """How many a report shows in full before "and N more"."""

    @property
    def top(self) -> tuple[RankedOmission, ...]:
        return self.items[:self.lead]

    @property
    def rest(self) -> tuple[RankedOmission, ...]:
        return self.items[self.lead:]


@dataclass(frozen=True)
class Lopsided:
    """A link where one side says much more than another: its claims' lengths and texts."""

    ref: str
    href: str
    longer: str
    longer_chars: int
    shorter: str
    shorter_chars: int
    quotes: tuple[tuple[str, str, str], ...]
    """(side label, lang, words) of the two sides in the pair's order; the longer cut to its opening (``…``): the
    linked point's row, one click away, has it whole."""


@dataclass(frozen=True)
class TermContrast:
    """Words the sides use for one thing, each side's never used by the other."""

    terms: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(side label, lang, that side's terms)."""
    refs: tuple[tuple[str, str], ...]
    """(ref, href) of the links where they meet."""


@dataclass(frozen=True)
class KeyDifferences:
    lede: tuple[str, ...]
    """A sentence per side on what it stressed and what it put first."""
    conflicts: tuple[tuple[RowView, ConflictView], ...]
    omissions: tuple[OmissionGroup, ...]
    lopsided: tuple[Lopsided, ...]
    terms: tuple[TermContrast, ...]
    caveat: str = ""
    """What the reader must know before trusting the rest (sides in languages the engine cannot compare);
    ``""`` when nothing (``comparisons.reports.languages``)."""

    @property
    def empty(self) -> bool:
        return not (self.conflicts or any(g.items for g in self.omissions) or self.lopsided or self.terms)


@dataclass(frozen=True)
class ReportView:
    pair_id: str
    event: str
    date_iso: str
    date_long: str
    sample: bool
    sides: tuple[SideView, ...]
    links: int
    omissions: int
    conflicts: int
    topics: tuple[TopicView, ...]
    stamp: Stamp
    rows: tuple[RowView, ...] = ()
    """The links, each once, in reading order."""
    key: KeyDifferences | None = None
    fulltexts: tuple[FullTextView, ...] = ()
    index_href: str = ""
    """The library index this report belongs to (``export --all``), ``""`` for a report on its own."""
    low_score: float = 0.0
    """Below this score a link is marked as one the engine is unsure of (``view.LOW_SCORE``)."""
    review: ReviewView | None = None
    """``None``: the pair has no review."""

    @property
    def low_score_rows(self) -> tuple[RowView, ...]:
        return tuple(r for r in self.rows if r.low_score)

    @property
    def claims(self) -> tuple[ClaimView, ...]:
        """Every claim, side by side in the pair's order, each in reading order."""
        return tuple(run.claim for text in self.fulltexts for paragraph in text.paragraphs for run in paragraph
                     if run.claim is not None)
