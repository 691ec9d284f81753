"""How a comparison is computed: the settings that, with the texts, decide its result (and its cache key)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.params import EngineParams
    from comparisons.topics.taxonomy import Taxonomy

__all__ = ["CompareOptions", "SIMILARITIES"]

SIMILARITIES = ("lexical", "semantic")


@dataclass(frozen=True)
class CompareOptions:
    similarity: str = "lexical"
    model: str | None = None
    taxonomy: "Taxonomy | None" = None
    """``None`` means the default taxonomy shipped with dualread."""
    params: "EngineParams | None" = None
    """The engine's numbers; ``None`` means the shipped ones (``comparisons/params.yaml``)."""
