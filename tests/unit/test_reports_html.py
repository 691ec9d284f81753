"""The HTML report: structure a reader sees, escaping of hostile text, self-containment, print and narrow layout."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest

from comparisons.model import Span, TopicSummary
from comparisons.reports import render
from reports_fixtures import HOSTILE, make_comparison


@pytest.fixture(scope="module")
def page() -> str:
    return render(make_comparison(), "html")


@pytest.fixture(scope="module")
def doc(page):
    return lxml.html.document_fromstring(page)


def texts(doc, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def test_title_block_shows_event_date_and_sources(doc):
    assert texts(doc, "//h1") == [f"Call on {HOSTILE} & <b>trade</b>"]
    assert doc.xpath("//title")[0].text_content().startswith(f"Call on {HOSTILE}")
    assert texts(doc, "//p[@class='date']") == ["2 January 2030"]
    sources = texts(doc, "//ul[@class='sources']/li")
    assert sources[0].startswith(f"North Office | <i>Press</i>: Readout {HOSTILE}")
    assert sources[1].startswith("South Ministry: # Statement [click](javascript:alert(1))")


def test_only_web_urls_become_links(doc):
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    assert "https://north.example/readout?a=1&b=2" in hrefs
    assert not [h for h in hrefs if not (h.startswith("#") or h.startswith("https://"))]
    # The javascript: URL is still shown, as text, so the reader knows what pair.yaml says.
    assert "(javascript:alert(1))" in texts(doc, "//ul[@class='sources']/li")[1]


def test_hostile_text_stays_text(page, doc):
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //b | //i | //u")
    on_attributes = [name for e in doc.iter() if isinstance(e.tag, str) for name in e.attrib if
                     name.lower().startswith("on")]
    assert on_attributes == []
    assert "<script>" not in page.lower().replace("&lt;script&gt;", "")
    claim = texts(doc, "//article[@id='talks-north-2']//p[@class='text']")
    assert claim == [f"They discussed {HOSTILE} and </td></tr><img src=x onerror=alert(1)>.", "not mentioned"]


def test_self_contained_no_script_no_requests(page, doc):
    assert not doc.xpath("//script | //link | //img | //iframe | //*[@src] | //*[@srcset]")
    style = "".join(e.text_content() for e in doc.xpath("//style"))
    assert "body" in style and "url(" not in style and "@import" not in style
    assert "<img" not in page and "<link" not in page
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_summary_counts_per_side(doc):
    rows = [texts(doc, f"//table[@class='summary']/tbody/tr[{i}]/*") for i in (1, 2)]
    assert rows[0] == ["North Office | <i>Press</i>", "4", "2", "2", "1"]
    assert rows[1] == ["South Ministry", "3", "2", "1", "1"]
    assert texts(doc, "//section[@id='summary']/p") == ["2 links, 3 omissions, 1 link in conflict."]


def test_topic_coverage_table(doc):
    rows = {r[0]: r[1:] for r in (texts(doc, f"//table[@class='coverage']/tbody/tr[{i}]/*") for i in (1, 2, 3))}
    assert rows["Sanctions <u>&</u>"] == ["mentioned (1)", "mentioned (1)", "1"]
    assert rows["Talks"] == ["in conflict (2)", "in conflict (1)", "1"]


def test_rows_per_topic_with_word_diff_conflicts_and_omissions(doc):
    sections = texts(doc, "//section[@class='topic']/h2")
    assert sections == ["Sanctions <u>&</u>", "De-escalation", "Talks", "No topic"]
    link = doc.xpath("//article[@id='talks-l1']")[0]
    assert "conflict" in link.get("class")
    assert texts(link, ".//span[@class='del']") == ["Geneva on March 3."]
    assert texts(link, ".//span[@class='ins']") == ["Vienna on March 4."]
    conflicts = texts(link, ".//ul[@class='conflicts']/li")
    assert conflicts[0] == (f"conflict · place North Office | <i>Press</i> “Geneva” vs South Ministry "
                            f"“Vienna {HOSTILE}”")
    assert conflicts[1].startswith("conflict · date")
    omission = doc.xpath("//article[@id='sanctions-south-2']")[0]
    assert texts(omission, ".//div[contains(@class,'missing')]/p") == ["not mentioned"]
    assert "only South Ministry" in texts(omission, ".//p[@class='meta']")[0]
    assert doc.xpath("//section[@id='topic-no-topic']//article/@id") == ["no-topic-north-3"]
    assert texts(doc, "//section[@id='conflicts']//li")[0].startswith("L1 place:")


def test_a_row_in_two_topics_names_the_other(doc):
    meta = texts(doc, "//article[@id='sanctions-l2']/p[@class='meta']")[0]
    assert "also: De-escalation" in meta


def test_a_link_worded_differently_throughout_is_not_painted(doc):
    # L2's sides share one word in eighteen: marking every other word would only hide the rows that matter.
    row = doc.xpath("//article[@id='sanctions-l2']")[0]
    assert not row.xpath(".//span[@class='del' or @class='ins']")
    assert "little shared wording" in texts(row, "./p[@class='meta']")[0]


def test_a_diff_that_does_not_rebuild_the_claims_marks_nothing():
    comparison = make_comparison()
    broken = replace(comparison.links[0], diff=(Span("delete", "nonsense"),))
    bad = replace(comparison, links=(broken, *comparison.links[1:]))
    doc = lxml.html.document_fromstring(render(bad, "html"))
    link = doc.xpath("//article[@id='talks-l1']")[0]
    assert not link.xpath(".//span[@class='del' or @class='ins']")
    assert texts(link, ".//p[@class='text']")[:2] == ["The leaders agreed to meet in Geneva on March 3.",
                                                      "The leaders agreed to meet in Vienna on March 4."]


def test_three_sides_three_columns():
    doc = lxml.html.document_fromstring(render(make_comparison(third_side=True), "html"))
    assert doc.xpath("//div[contains(@class,'rows')]/@class")[0].endswith("cols-3")
    cells = doc.xpath("//article[@id='talks-l1']/div[contains(@class,'cell')]")
    assert [" ".join(c.text_content().split()) for c in cells][2].endswith(
        "The meeting will be in Geneva, the wire reported.")


def test_print_and_narrow_window_styles(doc):
    style = "".join(e.text_content() for e in doc.xpath("//style"))
    assert "@page" in style and "@media print" in style
    assert re.search(r"\.row[^{]*\{[^}]*break-inside:\s*avoid", style)
    assert re.search(r"@media \(max-width:", style)
    assert doc.xpath("//meta[@name='viewport']")


def test_rendering_is_deterministic():
    assert render(make_comparison(), "html") == render(make_comparison(), "html")


def test_a_side_silent_on_a_topic_is_not_mentioned_even_beside_a_conflict():
    comparison = make_comparison()
    l1 = replace(comparison.links[0], topics=("talks", "humanitarian"))
    topics = (*comparison.topics, TopicSummary("humanitarian", "Humanitarian", {"north": 1, "south": 0}, 1))
    doc = lxml.html.document_fromstring(render(replace(comparison, links=(l1, *comparison.links[1:]),
                                                       topics=topics), "html"))
    rows = {r[0]: r[1:] for r in (texts(doc, f"//table[@class='coverage']/tbody/tr[{i}]/*") for i in range(1, 5))}
    assert rows["Humanitarian"] == ["in conflict (1)", "not mentioned", "1"]
