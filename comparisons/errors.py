"""The engine's error type: a bad taxonomy file, a bad cache entry, an unavailable similarity scorer."""

from __future__ import annotations

from readouts.errors import DualreadError

__all__ = ["ComparisonError"]


class ComparisonError(DualreadError):
    """Bad input in the comparisons layer, naming file, field and value like every dualread error."""
