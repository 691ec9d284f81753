"""dualread's comparison engine: one ``compare(pair, options) -> Comparison``, rendered many ways.

- ``compare``, ``ENGINE_VERSION`` (comparisons.engine); ``CompareOptions`` (comparisons.options).
- The result's values: ``Comparison``, ``Link``, ``Omission``, ``Conflict``, ``Span``, ``TopicSummary``,
  ``EngineInfo``, ``Row`` (comparisons.model).
- ``ComparisonError`` (comparisons.errors).

Importing the package is cheap: each name loads its module on first use (PEP 562), so a command or screen that
needs only the model does not pay for the engine, and nothing here imports Textual.
"""

from __future__ import annotations

from readouts.lazy import lazy_exports

_EXPORTS = {
    "engine": ("ENGINE_VERSION", "compare"),
    "errors": ("ComparisonError",),
    "model": ("Comparison", "Conflict", "EngineInfo", "Link", "Omission", "Row", "Span", "TopicSummary"),
    "options": ("CompareOptions",),
}
__all__ = sorted(name for names in _EXPORTS.values() for name in names)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
