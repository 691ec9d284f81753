"""``export --format gold``: the reviewed alignment in ../shared/eval's annotation format, numbered as that corpus
numbers sentences, so that its scorer finds the export of the same comparison perfect (F1 1.0)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.engine import compare
from comparisons.jsonio import dumps
from comparisons.review import edits
from comparisons.review.apply import apply_review
from comparisons.review.decisions import Review
from comparisons.review.edits import decide
from comparisons.review.gold import gold_text
from comparisons.review.sentences import sentences
from readouts.library import Library

from review_fixtures import PAIR_ID, THREE_SIDES, link_rows, omission_rows

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
needs_eval = pytest.mark.skipif(not (EVAL / "score.py").is_file(),
                                reason=f"the evaluation corpus is not at {EVAL} (../shared/eval beside the project)")


def eval_sentences():
    spec = importlib.util.spec_from_file_location("eval_segment", EVAL / "segment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda text: [(s["start"], s["end"]) for s in module.sentences(text)]


def corpus_texts() -> list[Path]:
    return sorted([*EVAL.rglob("*.txt"), *(ROOT / "readouts" / "samples").rglob("*.txt"),
                   *(ROOT / "benchmarks" / "quality" / "pairs").rglob("*.txt")])


@needs_eval
def test_sentences_are_numbered_as_the_corpus_numbers_them_on_every_real_text():
    theirs = eval_sentences()
    files = corpus_texts()
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert sentences(text) == theirs(text), path


ALPHABET = st.sampled_from(list("ab AB1.!?…\"”’»)]“«(\n\t") + ["U.S. ", "etc. ", "J. ", "г. ", "Mr. ", "\n\n", "  \n"])


@needs_eval
@settings(max_examples=300, deadline=None)
@given(parts=st.lists(ALPHABET, max_size=40))
def test_sentences_agree_with_the_corpus_on_odd_texts(parts):
    text = "".join(parts)
    assert sentences(text) == eval_sentences()(text)


def reviewed(pair_id):
    pair = Library("/nonexistent").load(pair_id)
    engine = compare(pair)
    rows = link_rows(engine)
    left = omission_rows(engine, pair.side_keys[0])[0].omission.claim
    right = omission_rows(engine, pair.side_keys[1])[0].omission.claim
    review = Review((), pair_id)
    for new in (edits.confirm(rows[0]), edits.mark_conflict(rows[1], "they differ"),
                edits.unlink([engine.claim(rows[2].link.claims[0])]),
                edits.link([engine.claim(left), engine.claim(right)])):
        review = decide(review, new)[0]
    return pair, apply_review(engine, review)


def score(gold: str, comparison, tmp_path: Path) -> dict:
    (tmp_path / "gold.yaml").write_text(gold, encoding="utf-8")
    (tmp_path / "system.json").write_text(dumps(comparison), encoding="utf-8")
    for side in comparison.pair.sides:
        (tmp_path / f"{side.key}.txt").write_text(side.text, encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), str(tmp_path / "gold.yaml"),
                          str(tmp_path / "system.json"), str(tmp_path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@needs_eval
def test_the_gold_of_a_reviewed_pair_scores_perfect_against_its_own_export(tmp_path):
    pair, comparison = reviewed(PAIR_ID)
    gold = gold_text(comparison)
    data = yaml.safe_load(gold)
    assert data["pair"] == PAIR_ID
    assert any(isinstance(link, dict) and link["conflict"] for link in data["links"])
    result = score(gold, comparison, tmp_path)
    assert result["link_f1"] == 1.0 and result["gold_links"] == result["pred_links"] > 0
    assert result["omission_f1"] == 1.0 and result["topic_all_f1"] == 1.0 and result["unlocated"] == []


@needs_eval
def test_the_gold_of_three_sides_scores_perfect_one_side_pair_at_a_time(tmp_path):
    pair, comparison = reviewed(THREE_SIDES)
    data = yaml.safe_load(gold_text(comparison))
    keys = pair.side_keys
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            def of(item):
                ids = [item["a"], item["b"]] if isinstance(item, dict) else item
                return {x.split("#")[0] for x in ids}

            part = {"pair": THREE_SIDES, "links": [x for x in data["links"] if of(x) == {a, b}],
                    "topics": {k: v for k, v in data["topics"].items() if k.split("#")[0] in (a, b)}}
            folder = tmp_path / f"{a}-{b}"
            folder.mkdir()
            result = score(yaml.safe_dump(part), comparison, folder)
            assert result["link_f1"] == 1.0 and result["gold_links"] > 0, (a, b)


def test_every_sentence_but_the_title_has_topics_and_links_follow_the_first_sides_order():
    pair, comparison = reviewed(PAIR_ID)
    data = yaml.safe_load(gold_text(comparison))
    for document in comparison.documents:
        count = len(sentences(document.text))
        assert {k for k in data["topics"] if k.startswith(document.key + "#")} == \
            {f"{document.key}#{n}" for n in range(1, count)}
    firsts = [int((x["a"] if isinstance(x, dict) else x[0]).split("#")[1]) for x in data["links"]]
    assert firsts == sorted(firsts)
    assert all((x["a"] if isinstance(x, dict) else x[0]).startswith("white-house#") for x in data["links"])
