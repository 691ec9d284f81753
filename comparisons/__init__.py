"""dualread's comparison engine: one ``compare(pair, options) -> Comparison``, rendered many ways.

- ``compare``, ``ENGINE_VERSION`` (comparisons.engine); ``CompareOptions`` (comparisons.options).
- The result's values: ``Comparison``, ``Link``, ``Omission``, ``Conflict``, ``Span``, ``TopicSummary``,
  ``EngineInfo``, ``Row`` (comparisons.model).
- ``ComparisonError`` (comparisons.errors).

Importing the package is cheap: each name loads its module on first use (PEP 562), so a command or screen that
needs only the model does not pay for the engine, and nothing here imports Textual.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "engine": ("ENGINE_VERSION", "compare"),
    "errors": ("ComparisonError",),
    "model": ("Comparison", "Conflict", "EngineInfo", "Link", "Omission", "Row", "Span", "TopicSummary"),
    "options": ("CompareOptions",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use, and keep the name here for next time."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'comparisons' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"comparisons.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
