"""dualread's comparison engine: one ``compare(pair, options) -> Comparison``, rendered many ways.

- ``compare``, ``ENGINE_VERSION`` (comparisons.engine); ``CompareOptions`` (comparisons.options).
- The result's values: ``Comparison``, ``Link``, ``Omission``, ``Conflict``, ``Span``, ``TopicSummary``,
  ``EngineInfo``, ``Row`` (comparisons.model).
- ``ComparisonError`` (comparisons.errors).

Importing the package stays cheap: the stages (tagging, similarity, alignment, word diffs) load when a comparison
is computed, and nothing here imports Textual.
"""

from __future__ import annotations

from comparisons.engine import ENGINE_VERSION, compare
from comparisons.errors import ComparisonError
from comparisons.model import Comparison, Conflict, EngineInfo, Link, Omission, Row, Span, TopicSummary
from comparisons.options import CompareOptions

__all__ = [
    "ENGINE_VERSION",
    "CompareOptions",
    "Comparison",
    "ComparisonError",
    "Conflict",
    "EngineInfo",
    "Link",
    "Omission",
    "Row",
    "Span",
    "TopicSummary",
    "compare",
]
