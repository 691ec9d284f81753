"""The real sentence-embedding model, when the semantic extra is installed (skipped, with the reason, otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparisons.matching.semantic import EmbeddingCache, SemanticScorer, semantic_available
from builders import document

pytestmark = pytest.mark.skipif(not semantic_available(),
                                reason="the semantic extra (sentence-transformers) is not installed")




def test_the_packaged_model_rates_a_paraphrase_above_an_unrelated_sentence(tmp_path: Path):
    left = document("left", ["The president offered his sympathy for the victims of the crash."])
    right = document("right", ["The leader expressed condolences over those killed in the accident.",
                               "Trade between the two countries grew last year."])
    prepared = SemanticScorer(cache=EmbeddingCache(tmp_path / "e.sqlite3")).prepare([left, right])
    assert prepared.cosine("left:0", "right:0") > prepared.cosine("left:0", "right:1") + 0.2


def test_a_model_name_offline_fails_in_one_quiet_line(monkeypatch, tmp_path: Path, capfd):
    """Offline, a model this machine has never downloaded is one error naming the model, not a minute of the hub
    library's retries and warnings."""
    from comparisons.matching import semantic
    from comparisons.errors import ComparisonError

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty hub cache: nothing downloaded before
    monkeypatch.setattr(semantic, "_hub_reachable", lambda timeout=3.0: False)
    scorer = SemanticScorer("no-such-org/no-such-model", cache=EmbeddingCache(tmp_path / "e.sqlite3"))
    with pytest.raises(ComparisonError) as caught:
        scorer.prepare([document("left", ["The talks went well."]), document("right", ["Talks were held."])])
    assert caught.value.value == "no-such-org/no-such-model"
    assert "cannot be reached" in str(caught.value)
    captured = capfd.readouterr()
    assert "Retrying" not in captured.err and "Could not" not in captured.err
