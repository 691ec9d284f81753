"""Conflicts: checkable details on which the claims of one link disagree (filled in below)."""

from __future__ import annotations

from typing import Mapping, Sequence

from comparisons.model import Conflict
from readouts.model import Claim, Pair

__all__ = ["find_conflicts"]


def find_conflicts(claims_by_side: Mapping[str, Sequence[Claim]], pair: Pair) -> tuple[Conflict, ...]:
    return ()
