"""What a person's review changed, as every report says it (the review itself is ``comparisons.review``).

- ``mark_view(mark) -> ReviewMarkView | None``: one row's decision in words: "confirmed by a reviewer", "linked by
  hand", "changed by hand", and what became of its conflict ("conflict marked", "conflict cleared").
- ``review_view(comparison, anchors) -> ReviewView | None``: the comparison's review: counts, the rows it decided
  (with where each is shown), stale decisions, or why the review file was not used. ``None`` without a review.
- ``REVIEW_KIND``: how a conflict a reviewer marked is named (the engine's kind for it is ``review``).

A reader must be able to tell the engine's judgement from a person's: a report that mixes them without saying
which is which would lend a machine's guess a person's authority, or the other way round.
"""

from __future__ import annotations

from typing import Callable

from comparisons.model import Comparison, ReviewMark
from comparisons.reports.view_values import ReviewMarkView, ReviewView

__all__ = ["REVIEW_KIND", "mark_view", "review_view"]

REVIEW_KIND = "marked by a reviewer"

_SAID = {"confirmed": "confirmed by a reviewer", "added": "linked by hand", "changed": "changed by hand"}
_CONFLICT = {"marked": "conflict marked by a reviewer", "cleared": "conflict cleared by a reviewer"}


def mark_view(mark: ReviewMark | None) -> ReviewMarkView | None:
    if mark is None:
        return None
    said = _SAID.get(mark.status, mark.status)
    if mark.conflict in _CONFLICT:
        said += "; " + _CONFLICT[mark.conflict]
    return ReviewMarkView(mark.status, said, mark.note, mark.by, mark.at)


def review_view(comparison: Comparison, href: Callable[[str], str]) -> ReviewView | None:
    """``href(ref)`` says where a row is shown: a link's row, an omission's claim in the full text."""
    summary = comparison.review
    if summary is None:
        return None
    rows = []
    for row in comparison.rows:
        mark = (row.link or row.omission).review  # type: ignore[union-attr]
        view = mark_view(mark)
        if view is not None:
            ref = row.link.id if row.link is not None else row.omission.claim  # type: ignore[union-attr]
            rows.append((ref, href(ref), view))
    return ReviewView(
        decisions=summary.decisions, confirmed=summary.confirmed, added=summary.added, changed=summary.changed,
        to_review=summary.to_review, rows=tuple(rows),
        stale=tuple((s.action, "; ".join(s.claims), s.reason) for s in summary.stale),
        problem=summary.problem or "",
    )
