"""The review's optional fields of the comparison JSON (docs/json.md), both ways.

- ``mark_to_dict(mark)`` / ``mark_from_dict(data)``: a link's or an omission's ``review``: ``status``, and
  ``conflict``, ``note``, ``by``, ``at`` when they say something.
- ``summary_to_dict(summary)`` / ``summary_from_dict(data)``: the comparison's ``review``: counts, ``stale``
  decisions and, when the review file could not be used, ``problem``.

``None`` stays absent: a comparison without a review file has none of these keys.
"""

from __future__ import annotations

from typing import Any, Mapping

from comparisons.model import ReviewMark, ReviewSummary, StaleDecision

__all__ = ["mark_from_dict", "mark_to_dict", "summary_from_dict", "summary_to_dict"]


def mark_to_dict(mark: ReviewMark | None) -> dict[str, Any] | None:
    if mark is None:
        return None
    data: dict[str, Any] = {"status": mark.status}
    if mark.conflict is not None:
        data["conflict"] = mark.conflict
    for key in ("note", "by", "at"):
        if getattr(mark, key):
            data[key] = getattr(mark, key)
    return data


def mark_from_dict(data: Mapping[str, Any] | None) -> ReviewMark | None:
    if data is None:
        return None
    conflict = data.get("conflict")
    return ReviewMark(str(data["status"]), None if conflict is None else str(conflict), str(data.get("note", "")),
                      str(data.get("by", "")), str(data.get("at", "")))


_COUNTS = ("decisions", "confirmed", "added", "changed", "to_review")


def summary_to_dict(summary: ReviewSummary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    data: dict[str, Any] = {key: getattr(summary, key) for key in _COUNTS}
    data["stale"] = [{"action": s.action, "claims": list(s.claims), "reason": s.reason} for s in summary.stale]
    if summary.problem is not None:
        data["problem"] = summary.problem
    return data


def summary_from_dict(data: Mapping[str, Any] | None) -> ReviewSummary | None:
    if data is None:
        return None
    stale = tuple(StaleDecision(str(s["action"]), tuple(str(c) for c in s["claims"]), str(s["reason"]))
                  for s in data["stale"])
    problem = data.get("problem")
    counts = [int(data[key]) for key in _COUNTS]
    return ReviewSummary(decisions=counts[0], confirmed=counts[1], added=counts[2], changed=counts[3],
                         to_review=counts[4], stale=stale, problem=None if problem is None else str(problem))
