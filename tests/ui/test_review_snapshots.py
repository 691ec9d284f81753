"""Snapshots of a reviewed comparison: the review marks before the scores (✓ confirmed, + added by hand, ✎ changed
by hand), who decided the selected row, and the why pane with the engine's evidence, at 100x30 and 80x24.

The review is fixed (who, when), the evidence written by hand for the fixture's links: the pictures change only
when the screen does. Look at a changed snapshot before accepting it (``--snapshot-update``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui_fixtures import call_comparison, make_app

from comparisons.model import Factor, LinkEvidence, OmissionEvidence, PairEvidence, SharedFeature
from comparisons.review.apply import apply_review
from comparisons.review.decisions import ClaimRef, Decision, Review

ROOT = Path("/data/library")
PAIR = "2022-01-05-carter-ostrov-call"
AT = "2026-12-07T03:00:00Z"


def with_evidence(comparison):
    """The fixture's links and omissions with the evidence an engine would give (written for the fixture)."""
    def link_evidence(link):
        a, b = link.claims
        words = {a: "talks", b: "talks"} if link.id == "L3" else {a: "President", b: "President"}
        shared = (SharedFeature("word:" + words[a].lower(), 0.31, words),
                  SharedFeature("concept:contact", 0.18, {a: "spoke", b: "conversation"}))
        return LinkEvidence("merge", (PairEvidence((a, b), link.score, round(link.score - 0.04, 2), shared,
                                                   (Factor("similar place in the readouts (90%)", 1.05),)),))

    links = tuple(replace(link, evidence=link_evidence(link)) for link in comparison.links)
    omissions = tuple(replace(o, evidence=OmissionEvidence(None, 0.0, "no claim of another side shares a word "
                                                                       "or concept it weighs"))
                      for o in comparison.omissions)
    return replace(comparison, links=links, omissions=omissions)


def reviewed():
    engine = with_evidence(call_comparison())

    def ref(claim_id):
        return ClaimRef.of(engine.claim(claim_id))

    decisions = (
        Decision("confirm", (ref("white-house:0"), ref("kremlin:0")), by="ana", at=AT),
        Decision("confirm", (ref("white-house:3"), ref("kremlin:2")), by="ana", at=AT),
        Decision("conflict", (ref("white-house:3"), ref("kremlin:2")), "[b]the dates[/b] differ: 10 vs 9 January",
                 by="ana", at=AT),
        Decision("link", (ref("white-house:4"), ref("kremlin:3")), by="ana", at=AT),
        Decision("unlink", (ref("kremlin:1"),), by="ben", at=AT),
    )
    return apply_review(engine, Review(decisions, engine.pair.id))


def app():
    application = make_app(ROOT, open_pair=PAIR)
    application.store.remember(reviewed())
    return application


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def on_the_conflict_with_why(pilot) -> None:
    await settled(pilot)
    await pilot.press("j", "j", "j", "j", "w")  # the fifth row: the link confirmed with a conflict note
    await settled(pilot)


def test_reviewed_comparison_with_the_why_pane_100x30(snap_compare):
    assert snap_compare(app(), terminal_size=(100, 30), run_before=on_the_conflict_with_why)


def test_reviewed_comparison_with_the_why_pane_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=on_the_conflict_with_why)


def test_linking_with_the_second_cursor_80x24(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("n", "l", "j")  # the first omission marked ⇢, the cursor one row on
        await settled(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=before)
