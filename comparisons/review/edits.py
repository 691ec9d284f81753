"""Changing a review: what each action of the TUI and the command line adds, and how it merges into the file.

- ``decide(review, new) -> (Review, Change)``: ``review`` with the decisions ``new`` added, and the decisions they
  make obsolete taken out: a claim moved to a new link leaves the decision that put it elsewhere (what is left of
  that decision stays, if it still says something); a ``distinct`` pair a person now links goes; a conflict
  decision on a link that is split goes. ``Change`` records exactly what was added and removed.
- ``Change.undo(review)`` / ``Change.redo(review)``: take the change back or make it again, on the review *as it is
  now*: another process's decisions made in between are kept (undo removes only what this change added and puts
  back only what it removed).
- The actions, each returning the new decisions (``by`` and ``at`` filled in): ``confirm(row)``,
  ``link(claims)``, ``unlink(claims)``, ``not_same(claim, others)``, ``mark_conflict(row, note)``,
  ``clear_conflict(row, note)``.

Working on the review as it is now and never on a copy held since, is what makes two processes reviewing one pair
lose nothing (``comparisons.review.store`` holds the lock while a change is merged and written).
"""

from __future__ import annotations

import datetime as _dt
import getpass
import os
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from comparisons.model import Row
from comparisons.review.decisions import CONFLICT_ACTIONS, ClaimRef, Decision, Review
from readouts.model import Claim

__all__ = [
    "Change",
    "clear_conflict",
    "confirm",
    "decide",
    "link",
    "mark_conflict",
    "not_same",
    "reviewer",
    "unlink",
]


def reviewer() -> str:
    """Who is deciding: ``$DUALREAD_REVIEWER``, else the login name."""
    name = os.environ.get("DUALREAD_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): the decision stands without one
        return ""


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Change:
    """What one action did to a review: the decisions it added and those it removed."""

    added: tuple[Decision, ...]
    removed: tuple[Decision, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)

    def undo(self, review: Review) -> Review:
        return decide(review.without(self.added), self.removed)[0]

    def redo(self, review: Review) -> Review:
        return decide(review.without(self.removed), self.added)[0]


def decide(review: Review, new: Sequence[Decision]) -> tuple[Review, Change]:
    """``review`` plus ``new``, with what ``new`` makes obsolete removed or cut down."""
    decisions = list(review.decisions)
    removed: list[Decision] = []
    added: list[Decision] = []
    for decision in new:
        if any(d.same_as(decision) for d in decisions):
            continue  # decided already (confirming twice changes nothing, not even who and when)
        kept: list[Decision] = []
        for old in decisions:
            after = _after(old, decision)
            if after is old:
                kept.append(old)
                continue
            if any(old is mine for mine in added):
                added = [d for d in added if d is not old]  # made and unmade within this change: neither
            else:
                removed.append(old)
            if after is not None:
                kept.append(after)
                added.append(after)
        decisions = [*kept, decision]
        added.append(decision)
    gone = [d for d in removed if not any(d.same_as(x) for x in decisions)]
    return replace(review, decisions=tuple(decisions)), Change(tuple(added), tuple(gone))


def _after(old: Decision, new: Decision) -> Decision | None:
    """What is left of ``old`` once ``new`` is made: ``old`` itself, a cut-down copy, or ``None``."""
    mine = set(new.claims)
    theirs = set(old.claims)
    if new.grouping and old.grouping:
        if not mine & theirs:
            return old
        rest = tuple(c for c in old.claims if c not in mine)
        if old.makes_link:
            return replace(old, action="link", claims=rest) if len({c.side for c in rest}) >= 2 else None
        return replace(old, claims=rest) if rest else None
    if new.grouping and old.action == "distinct":
        return None if new.makes_link and theirs <= mine else old
    if new.grouping and old.action in CONFLICT_ACTIONS:
        return old if (new.makes_link and theirs <= mine) or not mine & theirs else None
    if new.action == "distinct" and old.action in CONFLICT_ACTIONS:
        return None if mine <= theirs else old  # the link it was about is taken apart
    if new.action == "distinct" and old.makes_link and mine <= theirs:
        out = new.claims[0]  # the claim said not to belong leaves (as ``apply_review`` does for the engine's links)
        rest = tuple(c for c in old.claims if c != out)
        return replace(old, action="link", claims=rest) if len({c.side for c in rest}) >= 2 else None
    if new.action in CONFLICT_ACTIONS and old.action in CONFLICT_ACTIONS:
        return None if mine & theirs else old
    return old


# --- the actions ------------------------------------------------------------------------------------------------

def _made(action: str, claims: Iterable[Claim], note: str = "") -> Decision:
    return Decision(action, tuple(ClaimRef.of(c) for c in claims), note.strip(), reviewer(), _now())


def _claims_of(row: Row) -> list[Claim]:
    return [c for claims in row.claims.values() for c in claims]


def confirm(row: Row) -> list[Decision]:
    """The row is right as it is: a link's claims stay one link, an omission's claim stays in none."""
    return [_made("confirm", _claims_of(row))]


def link(claims: Sequence[Claim]) -> list[Decision]:
    """These claims report one point (two sides or more)."""
    return [_made("link", claims)]


def unlink(claims: Sequence[Claim]) -> list[Decision]:
    """Each of these claims is in no link (one claim taken out of its link, or a link split all apart)."""
    return [_made("unlink", claims)]


def not_same(claim: Claim, others: Sequence[Claim]) -> list[Decision]:
    """``claim`` does not report the same point as any of ``others`` (claims of other sides)."""
    return [_made("distinct", (claim, other)) for other in others if other.side != claim.side]


def _pinned(row: Row, extra: Decision) -> list[Decision]:
    # A note on a link is a judgement of that link: it is confirmed with it, so a new engine keeps it together.
    return [_made("confirm", _claims_of(row)), extra] if row.link is not None and row.link.review is None \
        else [extra]


def mark_conflict(row: Row, note: str) -> list[Decision]:
    """The link's claims disagree; ``note`` says on what."""
    return _pinned(row, _made("conflict", _claims_of(row), note))


def clear_conflict(row: Row, note: str = "") -> list[Decision]:
    """The engine's conflict on this link is none."""
    return _pinned(row, _made("clear-conflict", _claims_of(row), note))
