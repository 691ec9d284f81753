"""What the review shows in words and glyphs, read without an app: the row marks, who decided, the why pane's
text (readout words and a person's notes are data, never markup) and the notices about the review file."""

from __future__ import annotations

from tui_fixtures import call_comparison

from comparisons.model import LinkEvidence, PairEvidence, ReviewSummary, SharedFeature, StaleDecision
from comparisons.review import edits
from comparisons.review.apply import apply_review
from comparisons.review.decisions import Review
from comparisons.review.edits import decide
from tui.widgets.review.marks import decided_text, mark_text, review_notice
from tui.widgets.review.why_pane import why_text
from tui.widgets.texts import Palette

PALETTE = Palette()


def reviewed():
    engine = call_comparison()
    first, second = (r for r in engine.rows if r.link is not None and r.link.id in ("L1", "L2"))
    review = Review((), engine.pair.id)
    review = decide(review, edits.confirm(first))[0]
    review = decide(review, edits.mark_conflict(second, "[bold]no date[/] given"))[0]
    review = decide(review, edits.link([engine.claim("white-house:4"), engine.claim("kremlin:3")]))[0]
    return engine, apply_review(engine, review)


def row(comparison, claim_id):
    return next(r for r in comparison.rows if any(c.id == claim_id for cs in r.claims.values() for c in cs))


def test_marks_say_confirmed_added_and_changed_and_nothing_for_the_engines_rows():
    engine, comparison = reviewed()
    assert mark_text(row(comparison, "white-house:0"), PALETTE).plain == "✓"
    assert mark_text(row(comparison, "white-house:4"), PALETTE).plain == "+"
    assert mark_text(row(comparison, "white-house:5"), PALETTE) is None
    assert mark_text(row(comparison, "white-house:5"), PALETTE, linking=True).plain == "⇢"


def test_the_status_line_says_who_decided_and_the_note_as_typed():
    _, comparison = reviewed()
    assert decided_text(row(comparison, "white-house:5"), PALETTE).plain == "decided by the engine"
    said = decided_text(row(comparison, "white-house:2"), PALETTE).plain
    assert said.startswith("review: confirmed by ")
    assert said.endswith("conflict marked: [bold]no date[/] given")


def test_the_status_line_names_a_reviewer_on_one_short_line_whatever_the_file_says():
    # A hand-edited review.yaml with `by: "[bold red]Mallory[/]\nsecond line xxx..."` made the row's status line
    # four lines tall in the comparison screen, pushing its other lines and the keys down.
    from dataclasses import replace

    _, comparison = reviewed()
    chosen = row(comparison, "white-house:0")
    mark = replace(chosen.link.review, by="[bold red]Mallory[/]\nsecond line " + "x" * 300, at="2026-12-07\nT10:00")
    odd = replace(chosen, link=replace(chosen.link, review=mark))
    said = decided_text(odd, PALETTE).plain
    assert "\n" not in said and len(said) < 80, said
    assert said == "review: confirmed by [bold red]Mallory[/] second lin…, 2026-12-07", said


def test_the_why_text_quotes_the_evidence_as_data():
    engine = call_comparison()
    link = engine.links[0]
    a, b = link.claims
    evidence = LinkEvidence("merge", (PairEvidence((a, b), 0.6, 0.6, (SharedFeature("word:x", 0.3,
                                                                                     {a: "[red]x", b: "\x1b[2J"}),)),))
    from dataclasses import replace

    comparison = replace(engine, links=(replace(link, evidence=evidence), *engine.links[1:]))
    text = why_text(comparison, comparison.rows[0], PALETTE)
    assert "rule: merge" in text.plain and '"[red]x"' in text.plain
    assert "\x1b" not in text.plain and "␛[2J" in text.plain
    assert not text.spans or all("red" not in str(span.style) for span in text.spans)


def test_the_why_text_of_a_link_made_by_hand_and_of_an_omission_made_by_hand():
    engine, comparison = reviewed()
    added = why_text(comparison, row(comparison, "white-house:4"), PALETTE).plain
    assert "linked by hand" in added and "review: added by hand" in added
    review = decide(Review((), engine.pair.id), edits.unlink([engine.claim("white-house:0")]))[0]
    split = apply_review(engine, review)
    text = why_text(split, row(split, "kremlin:0"), PALETTE).plain
    assert "is an omission" in text and "a person's review took it out" in text


def test_notices_about_the_review_file():
    _, comparison = reviewed()
    from dataclasses import replace

    assert review_notice(comparison) is None
    broken = replace(comparison, review=ReviewSummary(problem="review.yaml: field 'decisions': bad"))
    assert "cannot be used" in review_notice(broken) and "field 'decisions'" in review_notice(broken)
    stale = replace(comparison, review=ReviewSummary(stale=(StaleDecision("link", ("a@1-2 \"x\"",), "gone"),)))
    assert "1 decision of the review no longer finds its claims" in review_notice(stale)
