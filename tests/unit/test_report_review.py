"""Reports say what a person's review changed, and never pass a person's decision off as the engine's (or the
other way round): the key differences, each decided row, the full texts, the CSV and ``dualread show``."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import lxml.html
from markdown_it import MarkdownIt

from comparisons.model import Conflict, ReviewMark, ReviewSummary, StaleDecision
from comparisons.reports import render
from reports_fixtures import make_comparison


def reviewed():
    """L1's conflict cleared by a reviewer with a note, L2 (weak) linked by hand, one stale decision."""
    comparison = make_comparison()
    l1, l2 = comparison.links
    l1 = replace(l1, conflicts=(), review=ReviewMark("confirmed", "cleared", "both dates are right: two rounds",
                                                      "ana", "2030-01-03T10:00:00"))
    l2 = replace(l2, score=0.2, review=ReviewMark("added", None, "", "ana", "2030-01-03T10:05:00"))
    summary = ReviewSummary(decisions=3, confirmed=1, added=1, changed=0, to_review=3,
                            stale=(StaleDecision("link", ("north@10-40: an old sentence",), "text not found"),))
    return replace(comparison, links=(l1, l2), review=summary)


def flat(e) -> str:
    return " ".join(e.text_content().split())


def test_the_html_report_says_what_the_review_changed_and_marks_each_decided_row():
    doc = lxml.html.document_fromstring(render(reviewed(), "html"))
    section = doc.xpath("//section[@id='key']/h3[.='What a review changed']/following-sibling::*")
    said = flat(section[0])
    assert said.startswith("A person reviewed this comparison: 3 decisions; 1 of the engine’s rows confirmed, 1 link "
                           "made by hand, 0 rows changed; 3 still to review.")
    items = [flat(li) for li in doc.xpath("//ul[@class='reviewed']/li")]
    assert items == ["L1: confirmed by a reviewer; conflict cleared by a reviewer — “both dates are right: two "
                     "rounds” (ana, 2030-01-03T10:00:00)", "L2: linked by hand (ana, 2030-01-03T10:05:00)"]
    assert [flat(li) for li in doc.xpath("//ul[@class='stale']/li")] == [
        "link: north@10-40: an old sentence — text not found"]
    assert "✓ linked by hand" in flat(doc.xpath("//article[@id='link-l2']/p[@class='meta']")[0])
    # A weak link a person decided on is no longer one the engine is unsure of.
    assert not doc.xpath("//h3[.='Where the engine is unsure']")
    assert "low score" not in flat(doc.xpath("//article[@id='link-l2']")[0])
    assert doc.xpath("//span[@id='t-north-1']")[0].getnext().text_content() == "L2 ✓"
    assert doc.xpath("//span[@id='t-north-2']")[0].getnext().text_content() == "only"


def test_a_conflict_a_reviewer_marked_shows_their_note():
    comparison = make_comparison()
    l2 = replace(comparison.links[1], conflicts=(Conflict("review", {}),),
                 review=ReviewMark("confirmed", "marked", "one side says exercises, the other an advance"))
    doc = lxml.html.document_fromstring(render(replace(comparison, links=(comparison.links[0], l2),
                                                       review=ReviewSummary(decisions=1, confirmed=1)), "html"))
    heads = [flat(p) for p in doc.xpath("//section[@id='key']//p[@class='keyhead']")]
    assert "L2 marked by a reviewer: one side says exercises, the other an advance" in heads
    assert flat(doc.xpath("//article[@id='link-l2']//ul[@class='conflicts']/li")[0]) == (
        "conflict · marked by a reviewer one side says exercises, the other an advance")
    rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(render(replace(
        comparison, links=(comparison.links[0], l2)), "csv").lstrip("\ufeff"), newline=""))}
    assert (rows["north:1"]["status"], rows["north:1"]["review"]) == ("conflict", "confirmed")
    assert rows["north:1"]["conflict_other"] == "review: one side says exercises, the other an advance"


def test_a_review_file_that_could_not_be_used_is_said_instead():
    comparison = replace(make_comparison(), review=ReviewSummary(to_review=5, problem="review.yaml: line 3: bad"))
    doc = lxml.html.document_fromstring(render(comparison, "html"))
    assert "The pair’s review file was not used: review.yaml: line 3: bad" in flat(doc.xpath("//section[@id='key']")[0])


def test_markdown_and_csv_carry_the_review_too():
    md = render(reviewed(), "md")
    html = MarkdownIt("commonmark").render(md)
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert "What a review changed" in [flat(h) for h in doc.xpath("h3")]
    assert any(flat(h).startswith("L2 · score 0.20 · ✓ linked by hand") for h in doc.xpath("h3"))
    assert "\\[L2 ✓\\]" in md
    rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(render(reviewed(), "csv").lstrip("\ufeff"),
                                                              newline=""))}
    assert [rows[c]["review"] for c in ("north:0", "north:1", "north:2")] == ["confirmed", "added", ""]
    assert rows["north:0"]["status"] == "linked", "a cleared conflict is no conflict"


def test_without_a_review_nothing_is_said_of_one():
    page = render(make_comparison(), "html")
    assert "review" not in lxml.html.document_fromstring(page).xpath("string(//section[@id='key'])").lower()
    assert "✓" not in page


def test_the_terminal_says_the_same(tmp_path):
    from rich.console import Console

    from tui.commands.show import render_comparison

    console = Console(file=io.StringIO(), width=200, color_system=None)
    render_comparison(reviewed(), console)
    out = console.file.getvalue()
    assert "Reviewed: 3 decisions; 1 row confirmed, 1 linked by hand, 0 changed; 3 still to review." in out
    assert "L2 · score 0.20 · ✓ linked by hand" in out
    assert "L1 · score 0.81 · ✓ confirmed by a reviewer; conflict cleared by a reviewer (“both dates are right" in out
    assert "Stale decision (link): north@10-40: an old sentence — text not found" in out


def test_markdown_keeps_the_stale_decisions_apart_from_the_decided_rows():
    """The stale notice followed the last decided row's line directly, so rendered Markdown read it as that row's
    item: "L2: linked by hand (...) Decisions that no longer apply ..." and the stale decision as one more row."""
    doc = lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(render(reviewed(), "md")), create_parent="div")
    lists = doc.xpath("h3[.='What a review changed']/following-sibling::ul")
    assert [flat(li) for li in lists[0].xpath("li")] == [
        "L1: confirmed by a reviewer; conflict cleared by a reviewer — “both dates are right: two rounds” (ana, "
        "2030-01-03T10:00:00)", "L2: linked by hand (ana, 2030-01-03T10:05:00)"]
    notice = lists[0].getnext()
    assert notice.tag == "p" and flat(notice).startswith("Decisions that no longer apply")
    assert [flat(li) for li in notice.getnext().xpath("li")] == ["link: north@10-40: an old sentence — text not found"]


def test_the_csv_says_a_reviewer_cleared_the_engines_conflict_and_why():
    """A conflict a reviewer cleared read 'confirmed' in the CSV, like a link the engine never flagged, and the
    reviewer's note was nowhere: a spreadsheet user could not tell a person overruled the engine."""
    rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(render(reviewed(), "csv").lstrip("\ufeff"),
                                                              newline=""))}
    assert (rows["north:0"]["review"], rows["north:0"]["review_conflict"]) == ("confirmed", "cleared")
    assert rows["north:0"]["review_note"] == "both dates are right: two rounds"
    assert rows["south:0"]["review_conflict"] == "cleared", "every claim of the link says so"
    assert (rows["north:1"]["review_conflict"], rows["north:1"]["review_note"]) == ("", ""), "linked by hand only"
    assert (rows["north:2"]["review_conflict"], rows["north:2"]["review_note"]) == ("", "")
