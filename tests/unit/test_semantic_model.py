"""The real sentence-embedding model, when the semantic extra is installed (skipped, with the reason, otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparisons.semantic import EmbeddingCache, SemanticScorer, semantic_available
from builders import document

pytestmark = pytest.mark.skipif(not semantic_available(),
                                reason="the semantic extra (sentence-transformers) is not installed")




def test_the_packaged_model_rates_a_paraphrase_above_an_unrelated_sentence(tmp_path: Path):
    left = document("left", ["The president offered his sympathy for the victims of the crash."])
    right = document("right", ["The leader expressed condolences over those killed in the accident.",
                               "Trade between the two countries grew last year."])
    prepared = SemanticScorer(cache=EmbeddingCache(tmp_path / "e.sqlite3")).prepare([left, right])
    assert prepared.cosine("left:0", "right:0") > prepared.cosine("left:0", "right:1") + 0.2
