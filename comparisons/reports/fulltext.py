"""Each readout whole, in its own reading order, with every claim marked: what a newspaper's side-by-side prints.

- ``claim_views(comparison, labels, langs) -> dict[claim_id, ClaimView]``: every claim with its status (linked, in
  conflict, omission), its link, score, partners and this side's conflict values.
- ``full_texts(comparison, claims, langs) -> tuple[FullTextView, ...]``: per side, the body's paragraphs as runs
  of text, each claim a run of its own, the words between claims kept as they stand.
- ``LOW_SCORE``: below it a link is one the engine is unsure of; ``unsure(link)``: such a link no person has decided
  on since (what every report and the TUI flag "low score: check it"); ``score_text(score)``: a score as reports
  print it.

A claim's marker leads to its partner on the next side (the side after it in the pair's order that reports the
point, wrapping round), so a reader jumps between the two accounts of one point and sees each in its context.
"""

from __future__ import annotations

import re
from typing import Mapping

from comparisons.model import Comparison, Link, Row
from comparisons.reports.view_values import ClaimView, FullTextView, TextRun
from readouts.textshape import one_line

__all__ = ["LOW_SCORE", "claim_anchor", "claim_views", "full_texts", "score_text", "unsure"]

LOW_SCORE = 0.30
"""Links scoring below this are marked "low score": on the 14 real pairs we measure with (54 links), 8 of the 11
links below 0.30 matched the annotators' links, and all 43 from 0.30 up did."""


def unsure(link: Link) -> bool:
    """A low score the engine gave and no person has since decided on."""
    return link.score < LOW_SCORE and link.review is None


def score_text(score: float) -> str:
    """A link's score as the reports and ``show`` print it: two decimals, or more for a score just under
    ``LOW_SCORE`` that two would round up to it: "L5 (score 0.297)", never "L5 (score 0.30)" in the list of links
    scored below 0.30 beside an L2 of 0.30 left out of it."""
    for digits in range(2, 7):
        text = f"{score:.{digits}f}"
        if not score < LOW_SCORE <= float(text):
            break
    return text


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def claim_anchor(claim_id: str) -> str:
    """``kremlin:3`` -> ``t-kremlin-3``: side keys are ``[a-z0-9-]`` and indexes digits, so anchors never collide."""
    side, _, index = claim_id.rpartition(":")
    return f"t-{side}-{index}"


def _partner(row: Row, side: str, keys: tuple[str, ...]) -> tuple[str, str]:
    """The side after ``side`` (wrapping round) that reports the row's point, and its first claim's id."""
    start = keys.index(side)
    for step in range(1, len(keys)):
        other = keys[(start + step) % len(keys)]
        if row.claims[other]:
            return other, min(row.claims[other], key=lambda c: c.index).id
    return "", ""


def claim_views(comparison: Comparison, labels: Mapping[str, str], langs: Mapping[str, str]) -> dict[str, ClaimView]:
    keys = comparison.side_keys
    views: dict[str, ClaimView] = {}
    for row in comparison.rows:
        link = row.link
        for side in keys:
            for claim in row.claims[side]:
                if link is not None:
                    partner_side, partner = _partner(row, side, keys)
                    conflicts = tuple((c.kind, c.values[side]) for c in link.conflicts if side in c.values)
                    if any(c.kind == "review" for c in link.conflicts):
                        conflicts += (("review", link.review.note if link.review else ""),)
                    status = "conflict" if link.conflicts else "linked"
                    partners = tuple(cid for cid in link.claims if cid != claim.id)
                else:
                    partner_side, partner, conflicts, status, partners = "", "", (), "omission", ()
                mark = (link or row.omission).review  # type: ignore[union-attr]
                views[claim.id] = ClaimView(
                    id=claim.id, side=side, side_label=labels[side], lang=langs[side], index=claim.index,
                    start=claim.start, end=claim.end, text=claim.text, speaker=one_line(claim.speaker or ""),
                    topics=comparison.topics_of(claim.id), status=status, link=link.id if link else "",
                    partners=partners, score=link.score if link else None,
                    low_score=bool(link and unsure(link)), conflicts=conflicts,
                    anchor=claim_anchor(claim.id),
                    partner_href=f"#{claim_anchor(partner)}" if partner else "",
                    partner_label=labels.get(partner_side, ""),
                    review=mark.status if mark is not None else "",
                    review_conflict=(mark.conflict or "") if mark is not None else "",
                    review_note=mark.note if mark is not None and mark.conflict else "",
                )
    return views


def _breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph breaks (blank lines) that fall outside every claim, as (start, end) of the blank stretch."""
    out = []
    for match in _PARAGRAPH_BREAK.finditer(text):
        if not any(start < match.start() < end for start, end in spans):
            out.append((match.start(), match.end()))
    return out


def _side_text(text: str, claims: list[ClaimView]) -> tuple[tuple[TextRun, ...], ...]:
    spans = [(c.start, c.end) for c in claims]
    edges = [0, *(p for b in _breaks(text, spans) for p in b), len(text)]
    blocks = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    paragraphs = []
    pending = iter(claims)
    claim = next(pending, None)
    for number, (start, end) in enumerate(blocks):
        runs: list[TextRun] = []
        pos = start
        while claim is not None and claim.start < end:
            if claim.start > pos:
                runs.append(TextRun(text[pos:claim.start]))
            runs.append(TextRun(claim.text, claim))
            pos = claim.end
            claim = next(pending, None)
        if text[pos:end].strip():
            runs.append(TextRun(text[pos:end].rstrip()))
        # The title line (the first paragraph, when it holds no claim) is the column's heading, not body text.
        if number == 0 and not any(r.claim for r in runs) and len(blocks) > 1:
            continue
        if any(r.text.strip() for r in runs):
            paragraphs.append(tuple(runs))
    return tuple(paragraphs)


def full_texts(comparison: Comparison, claims: Mapping[str, ClaimView],
               langs: Mapping[str, str]) -> tuple[FullTextView, ...]:
    out = []
    for document in comparison.documents:
        side = document.side
        ordered = sorted((claims[c.id] for c in document.claims), key=lambda c: c.start)
        out.append(FullTextView(side.key, one_line(side.label), langs[side.key], one_line(side.title),
                                _side_text(document.text, ordered)))
    return tuple(out)
