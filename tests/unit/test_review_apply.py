"""A review applied on top of the engine's result: each decision does what a person asked, every invariant holds,
and decisions survive a new engine, re-segmentation and changed texts (stale ones are kept and reported)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparisons.engine import compare
from comparisons.options import CompareOptions
from comparisons.params import default_params
from comparisons.review import edits
from comparisons.review.apply import REVIEW_CONFLICT, apply_review
from comparisons.review.decisions import ClaimRef, Decision, Review
from comparisons.review.edits import decide
from readouts.library import Library
from readouts.model import Pair, Side

from review_fixtures import PAIR_ID, THREE_SIDES, assert_invariants, link_rows, omission_rows, row_of

PAIR = Library("/nonexistent").load(PAIR_ID)


@pytest.fixture(scope="module")
def engine():
    return compare(PAIR)


def reviewed(engine, *decision_lists):
    review = Review((), PAIR_ID)
    for decisions in decision_lists:
        review = decide(review, decisions)[0]
    return apply_review(engine, review), review


def test_no_decision_changes_nothing_but_says_every_row_is_to_review(engine):
    result, _ = reviewed(engine)
    assert result.links == engine.links and result.omissions == engine.omissions
    assert result.review.to_review == len(engine.rows) and result.review.decisions == 0


def test_confirm_marks_the_link_and_leaves_it_as_the_engine_made_it(engine):
    first = link_rows(engine)[0]
    result, _ = reviewed(engine, edits.confirm(first))
    link = result.links[0]
    assert link.claims == first.link.claims and link.score == first.link.score and link.diff == first.link.diff
    assert link.review.status == "confirmed" and link.review.by
    assert [l.review for l in result.links[1:]] == [None] * (len(result.links) - 1)
    assert result.review.confirmed == 1 and result.review.to_review == len(engine.rows) - 1
    assert_invariants(result)


def test_linking_two_omissions_makes_a_link_added_by_hand_with_its_own_diff_and_score(engine):
    left = omission_rows(engine, "white-house")[0].omission.claim
    right = omission_rows(engine, "kremlin")[0].omission.claim
    result, _ = reviewed(engine, edits.link([engine.claim(left), engine.claim(right)]))
    (link,) = [l for l in result.links if left in l.claims]
    assert link.claims == (left, right)
    assert link.review.status == "added"
    first = "".join(s.text for s in link.diff if s.op in ("equal", "delete"))
    second = "".join(s.text for s in link.diff if s.op in ("equal", "insert"))
    assert (first, second) == (engine.claim(left).text, engine.claim(right).text)
    assert 0.0 <= link.score <= 1.0
    assert set(link.topics) == set(engine.topics_of(left)) | set(engine.topics_of(right))
    assert left not in {o.claim for o in result.omissions} and right not in {o.claim for o in result.omissions}
    assert len(result.links) == len(engine.links) + 1
    assert_invariants(result)


def test_taking_one_claim_out_changes_its_link_and_makes_it_an_omission(engine):
    big = next(r for r in link_rows(engine) if len(r.link.claims) >= 3)
    side = next(k for k, cs in big.claims.items() if len(cs) >= 2)
    out = big.claims[side][-1]
    result, _ = reviewed(engine, edits.unlink([out]))
    rest = row_of(result, big.claims[side][0].id)
    assert out.id not in rest.link.claims and set(rest.link.claims) == set(big.link.claims) - {out.id}
    assert rest.link.review.status == "changed"
    assert row_of(result, out.id).omission.review.status == "changed"
    assert_invariants(result)


def test_splitting_all_apart_leaves_every_claim_an_omission(engine):
    row = link_rows(engine)[1]
    claims = [c for cs in row.claims.values() for c in cs]
    result, _ = reviewed(engine, edits.unlink(claims))
    for claim in claims:
        assert row_of(result, claim.id).omission is not None
    assert len(result.links) == len(engine.links) - 1
    assert_invariants(result)


def test_not_the_same_point_takes_a_link_the_engine_made_apart(engine):
    row = next(r for r in link_rows(engine) if len(r.link.claims) == 2)
    a, b = (engine.claim(cid) for cid in row.link.claims)
    result, _ = reviewed(engine, edits.not_same(a, [b]))
    assert row_of(result, a.id).omission is not None and row_of(result, b.id).omission is not None
    assert_invariants(result)


def test_not_the_same_point_never_undoes_a_link_a_person_made(engine):
    row = next(r for r in link_rows(engine) if len(r.link.claims) == 2)
    a, b = (engine.claim(cid) for cid in row.link.claims)
    review = Review((Decision("link", (ClaimRef.of(a), ClaimRef.of(b))),
                     Decision("distinct", (ClaimRef.of(a), ClaimRef.of(b)))), PAIR_ID)
    result = apply_review(engine, review)
    assert row_of(result, a.id).link is not None and b.id in row_of(result, a.id).link.claims


def test_a_conflict_note_and_a_cleared_conflict(engine):
    row = link_rows(engine)[0]
    result, _ = reviewed(engine, edits.mark_conflict(row, "the sides give different lengths"))
    link = row_of(result, row.link.claims[0]).link
    assert REVIEW_CONFLICT in [c.kind for c in link.conflicts]
    assert (link.review.conflict, link.review.note) == ("marked", "the sides give different lengths")
    assert row_of(result, row.link.claims[0]).has_conflict



def test_clearing_the_engines_conflict_on_a_three_side_pair():
    pair = Library("/nonexistent").load(THREE_SIDES)
    engine = compare(pair)
    flagged = next(r for r in link_rows(engine) if r.link.conflicts)
    review = decide(Review((), THREE_SIDES), edits.clear_conflict(flagged, "same call, two time zones"))[0]
    result = apply_review(engine, review)
    link = row_of(result, flagged.link.claims[0]).link
    assert link.conflicts == () and not row_of(result, flagged.link.claims[0]).has_conflict
    assert (link.review.conflict, link.review.note, link.review.status) == ("cleared", "same call, two time zones",
                                                                            "confirmed")
    assert_invariants(result)


def test_a_decision_whose_text_is_gone_is_kept_and_reported_stale_never_applied(engine):
    first = link_rows(engine)[0]
    gone = ClaimRef("kremlin", 40, 40 + len("A sentence no readout holds."), "A sentence no readout holds.")
    review = Review((Decision("confirm", tuple(ClaimRef.of(c) for cs in first.claims.values() for c in cs)),
                     Decision("unlink", (gone,))), PAIR_ID)
    result = apply_review(engine, review)
    assert result.review.decisions == 2
    (stale,) = result.review.stale
    assert stale.action == "unlink" and "no longer in the kremlin readout" in stale.reason
    assert "A sentence no readout holds." in stale.claims[0]
    assert result.links[0].review.status == "confirmed"
    assert_invariants(result)


def test_decisions_follow_their_text_when_a_paragraph_is_added_above(engine):
    row = link_rows(engine)[2]
    left = omission_rows(engine, "white-house")[0].omission.claim
    right = omission_rows(engine, "kremlin")[0].omission.claim
    _, review = reviewed(engine, edits.confirm(row), edits.link([engine.claim(left), engine.claim(right)]))
    side = PAIR.side("white-house")
    title, body = side.text.split("\n\n", 1)
    moved = replace(PAIR, sides=(replace(side, text=f"{title}\n\nA new first paragraph.\n\n{body}"),
                                 PAIR.side("kremlin")))
    result = apply_review(compare(moved), review)
    assert result.review.stale == ()
    texts = {frozenset(result.claim(c).text for c in l.claims): l.review for l in result.links}
    confirmed = frozenset(c.text for cs in row.claims.values() for c in cs)
    added = frozenset((engine.claim(left).text, engine.claim(right).text))
    assert texts[confirmed].status == "confirmed" and texts[added].status == "added"
    assert_invariants(result)


def test_a_claim_the_segmenter_now_splits_in_two_maps_to_both(engine):
    doc = engine.documents[0]
    first, second = next((a, b) for a, b in zip(doc.claims, doc.claims[1:]) if a.paragraph == b.paragraph)
    whole = doc.text[first.start:second.end]
    old = ClaimRef(doc.key, first.start, second.end, whole)  # one claim as an older segmenter cut it
    other = engine.documents[1].claims[-1]
    result = apply_review(engine, Review((Decision("link", (old, ClaimRef.of(other))),), PAIR_ID))
    link = row_of(result, first.id).link
    assert set(link.claims) == {first.id, second.id, other.id}
    assert result.review.stale == ()


def test_a_review_survives_a_change_of_the_engines_numbers(engine):
    row = link_rows(engine)[0]
    left = omission_rows(engine, "white-house")[0].omission.claim
    right = omission_rows(engine, "kremlin")[0].omission.claim
    _, review = reviewed(engine, edits.confirm(row), edits.link([engine.claim(left), engine.claim(right)]))
    strict = CompareOptions(params=default_params().replace(merge_mean=0.95, min_edge=0.9))
    other = compare(PAIR, strict)
    assert other.links != engine.links  # the new numbers do change the engine's own result
    result = apply_review(other, review)
    assert row_of(result, row.link.claims[0]).link.claims == row.link.claims
    assert row_of(result, left).link.claims == (left, right)
    assert result.review.stale == ()
    assert_invariants(result)


def test_marking_a_conflict_keeps_the_link_together_under_a_new_engine(engine):
    row = link_rows(engine)[0]
    _, review = reviewed(engine, edits.mark_conflict(row, "note"))
    other = compare(PAIR, CompareOptions(params=default_params().replace(merge_mean=0.99, min_edge=0.99)))
    result = apply_review(other, review)
    link = row_of(result, row.link.claims[0]).link
    assert link.claims == row.link.claims and link.review.conflict == "marked"


ACTIONS = ("confirm", "link", "unlink", "not_same", "conflict", "clear")


@pytest.fixture(scope="module")
def engines(engine):
    return {PAIR_ID: engine, THREE_SIDES: compare(Library("/nonexistent").load(THREE_SIDES))}


@pytest.mark.parametrize("pair_id", [PAIR_ID, THREE_SIDES])
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 200), st.integers(0, 200)), max_size=12))
def test_any_sequence_of_actions_keeps_every_invariant(engines, pair_id, steps):
    engine = engines[pair_id]
    review = Review((), pair_id)
    current = engine
    for action, i, j in steps:
        rows = current.rows
        row, other = rows[i % len(rows)], rows[j % len(rows)]
        claims = [c for cs in row.claims.values() for c in cs]
        others = [c for cs in other.claims.values() for c in cs]
        if action == "confirm":
            new = edits.confirm(row)
        elif action == "link":
            union = list({c.id: c for c in claims + others}.values())
            if len({c.side for c in union}) < 2:
                continue
            new = edits.link(union)
        elif action == "unlink":
            new = edits.unlink(claims[:1])
        elif action == "not_same":
            new = edits.not_same(claims[0], others)
            if not new:
                continue
        elif row.link is None:
            continue
        else:
            new = edits.mark_conflict(row, "n") if action == "conflict" else edits.clear_conflict(row)
        before = review
        review, change = decide(review, new)
        current = apply_review(engine, review)
        assert_invariants(current)
        assert current.review.stale == ()
        # What was asked holds afterwards.
        if action == "link":
            linked = row_of(current, union[0].id).link
            assert linked is not None and {c.id for c in union} <= set(linked.claims)
        if action == "unlink":
            assert row_of(current, claims[0].id).omission is not None
        # Undo and redo are exact when nobody else changed the file.
        undone = change.undo(review)
        assert same_decisions(undone, before)
        assert same_decisions(change.redo(undone), review)


def same_decisions(a: Review, b: Review) -> bool:
    return len(a.decisions) == len(b.decisions) and all(any(x.same_as(y) for y in b.decisions) for x in a.decisions)


def test_not_the_same_point_takes_out_the_claim_said_not_to_belong_and_keeps_the_rest():
    pair = Library("/nonexistent").load(THREE_SIDES)
    engine = compare(pair)
    row = next(r for r in link_rows(engine) if len([k for k, cs in r.claims.items() if cs]) == 3)
    odd = row.claims[pair.side_keys[0]][0]
    others = [c for k in pair.side_keys[1:] for c in row.claims[k]]
    result = apply_review(engine, decide(Review((), THREE_SIDES), edits.not_same(odd, others))[0])
    assert row_of(result, odd.id).omission is not None
    rest = row_of(result, others[0].id).link
    assert rest is not None and set(rest.claims) == {c.id for c in others}
    assert rest.review.status == "changed"
