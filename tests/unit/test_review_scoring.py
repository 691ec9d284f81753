"""``score``: the engine's own result against a hand-made review, and the cache that serves reviewed results."""

from __future__ import annotations

import json

import pytest

from comparisons.cache import cache_key, cached_compare
from comparisons.engine import compare
from comparisons.jsonio import from_dict, to_dict
from comparisons.options import CompareOptions
from comparisons.review import edits
from comparisons.review.apply import apply_review
from comparisons.review.decisions import Review
from comparisons.review.edits import decide
from comparisons.review.scoring import Score, score
from readouts.library import Library

from review_fixtures import PAIR_ID, link_rows, omission_rows

PAIR = Library("/nonexistent").load(PAIR_ID)


@pytest.fixture(scope="module")
def engine():
    return compare(PAIR)


def cross_pairs(link, comparison) -> int:
    sides = [comparison.claim(c).side for c in link.claims]
    return sum(1 for i in range(len(sides)) for j in range(i + 1, len(sides)) if sides[i] != sides[j])


def test_score_against_a_hand_made_review(engine):
    """Take a two-claim link apart (one claim pair the engine got wrong) and link two omissions (one it missed)."""
    pairs = sum(cross_pairs(link, engine) for link in engine.links)
    omitted = len(engine.omissions)
    wrong = next(r for r in link_rows(engine) if len(r.link.claims) == 2)
    left = omission_rows(engine, "white-house")[0].omission.claim
    right = omission_rows(engine, "kremlin")[0].omission.claim
    review = Review((), PAIR_ID)
    review = decide(review, edits.unlink([engine.claim(c) for c in wrong.link.claims]))[0]
    review = decide(review, edits.link([engine.claim(left), engine.claim(right)]))[0]
    result = score(engine, apply_review(engine, review))

    assert (result.engine_pairs, result.reviewed_pairs, result.shared_pairs) == (pairs, pairs, pairs - 1)
    p, r, f = result.link
    assert p == pytest.approx((pairs - 1) / pairs) and r == pytest.approx((pairs - 1) / pairs)
    assert f == pytest.approx((pairs - 1) / pairs)
    assert (result.engine_omissions, result.reviewed_omissions, result.shared_omissions) == (omitted, omitted,
                                                                                               omitted - 2)
    assert result.rows_reviewed == 3  # the two claims taken apart, the new link
    assert result.to_dict()["link_f1"] == round((pairs - 1) / pairs, 3)


def test_an_engine_the_review_agrees_with_scores_one(engine):
    review = decide(Review((), PAIR_ID), [d for r in link_rows(engine) for d in edits.confirm(r)])[0]
    result = score(engine, apply_review(engine, review))
    assert result.link == (1.0, 1.0, 1.0) and result.omission == (1.0, 1.0, 1.0)


def test_pooled_scores_add_up_their_counts():
    a = Score("a", 10, 8, 6, 4, 5, 3, 20, 10)
    b = Score("b", 2, 4, 2, 1, 1, 1, 5, 5)
    total = Score.total([a, b])
    assert (total.engine_pairs, total.reviewed_pairs, total.shared_pairs, total.rows) == (12, 12, 8, 25)
    assert total.link[0] == pytest.approx(8 / 12)


def test_the_cache_key_includes_the_review_and_a_reviewed_result_is_served_from_the_cache(tmp_path, engine):
    options = CompareOptions()
    review = decide(Review((), PAIR_ID), edits.confirm(link_rows(engine)[0]))[0]
    other = decide(review, edits.unlink([engine.claim(link_rows(engine)[1].link.claims[0])]))[0]
    keys = {cache_key(PAIR, options), cache_key(PAIR, options, review), cache_key(PAIR, options, other)}
    assert len(keys) == 3
    first = cached_compare(PAIR, options, tmp_path, review)
    assert first.links[0].review.status == "confirmed"
    stored = sorted((tmp_path / "comparisons" / PAIR_ID).glob("*.json.gz"))
    assert len(stored) == 2  # the engine's own result and the reviewed one
    again = cached_compare(PAIR, options, tmp_path, review)
    assert again == first
    assert cached_compare(PAIR, options, tmp_path).links == engine.links  # the engine's result stays its own


def test_the_review_fields_survive_the_json_round_trip(engine):
    review = decide(Review((), PAIR_ID), edits.mark_conflict(link_rows(engine)[0], "a note"))[0]
    review = decide(review, edits.unlink([engine.claim(link_rows(engine)[1].link.claims[0])]))[0]
    result = apply_review(engine, review)
    data = json.loads(json.dumps(to_dict(result)))
    assert data["review"]["decisions"] == 3 and data["links"][0]["review"]["note"] == "a note"
    assert from_dict(data, PAIR) == result
