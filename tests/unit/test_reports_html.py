"""The HTML report: what a reader sees in the order they see it, escaping of hostile text, self-containment, print
and narrow layout."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest

from comparisons.model import Span, TopicSummary
from comparisons.reports import render
from comparisons.reports.html import render_html
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


def test_key_differences_come_first(doc):
    assert texts(doc, "//h2") == ["Key differences", "In numbers", "Full texts", "Linked points, side by side",
                                  "Topics"]
    lede = texts(doc, "//section[@id='key']/div[@class='lede']/p")
    assert [s.split(" leads with ")[0] for s in lede] == ["North Office | <i>Press</i>", "South Ministry"]
    assert "2 points are in no other readout" in lede[0]


def test_a_conflict_shows_each_sides_words_with_the_value_marked(doc):
    item = doc.xpath("//section[@id='key']//div[contains(@class,'keyitem') and contains(@class,'conflict')]")[0]
    assert texts(item, "./p[@class='keyhead']")[0].startswith("L1 place: North Office | <i>Press</i> “Geneva” vs")
    quotes = item.xpath(".//blockquote")
    assert texts(quotes[0], "./p[contains(@class,'cell-side')]") == ["North Office | <i>Press</i>"]
    assert texts(quotes[0], ".//mark[@class='value']") == ["Geneva"]
    assert texts(quotes[1], "./p[2]") == ["The leaders agreed to meet in Vienna on March 4."]
    assert item.xpath(".//a/@href") == ["#link-l1"]


def test_what_only_one_side_reports_is_listed_per_side_and_leads_to_the_full_text(doc):
    key = doc.xpath("//section[@id='key']")[0]
    assert texts(key, ".//h4") == ["Only in North Office | <i>Press</i> (2)", "Only in South Ministry (1)"]
    first = key.xpath(".//ol[@class='omissions']")[0]
    assert [a.get("href") for a in first.xpath(".//a")] == ["#t-north-2", "#t-north-3"]
    assert all(doc.xpath(f"//span[@id='{href[1:]}']") for href in first.xpath(".//a/@href"))


def test_hostile_text_stays_text(page, doc):
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //b | //i | //u")
    on_attributes = [name for e in doc.iter() if isinstance(e.tag, str) for name in e.attrib if
                     name.lower().startswith("on")]
    assert on_attributes == []
    assert "<script>" not in page.lower().replace("&lt;script&gt;", "")
    assert texts(doc, "//span[@id='t-north-2']") == [
        f"They discussed {HOSTILE} and </td></tr><img src=x onerror=alert(1)>."]


def test_only_web_urls_become_links(doc):
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    assert "https://north.example/readout?a=1&b=2" in hrefs
    assert not [h for h in hrefs if not (h.startswith("#") or h.startswith("https://"))]
    # The javascript: URL is still shown, as text, so the reader knows what pair.yaml says.
    assert "(javascript:alert(1))" in texts(doc, "//ul[@class='sources']/li")[1]


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
    assert texts(doc, "//section[@id='summary']/p[1]") == ["2 links, 3 omissions, 1 link in conflict."]


def test_full_texts_side_by_side_in_reading_order_with_every_claim_marked(doc):
    columns = doc.xpath("//div[contains(@class,'fulltexts')]/section")
    assert texts(doc, "//div[contains(@class,'fulltexts')]/section/h3") == ["North Office | <i>Press</i>",
                                                                            "South Ministry"]
    north = columns[0].xpath(".//span[contains(@class,'claim')]")
    assert [s.get("id") for s in north] == ["t-north-0", "t-north-1", "t-north-2", "t-north-3"]
    assert [s.get("class") for s in north] == ["claim conflict", "claim linked", "claim omission", "claim omission"]
    assert texts(columns[0], ".//p[@class='headline']") == [f"Readout {HOSTILE}"]
    # A linked claim's marker names its link and leads to the partner's words on the other side, and back.
    marker = north[0].getnext()
    assert (marker.text_content(), marker.get("href")) == ("L1 ≠", "#t-south-0")
    back = doc.xpath("//span[@id='t-south-0']")[0].getnext()
    assert back.get("href") == "#t-north-0"
    assert north[2].getnext().text_content() == "only"


def test_each_linked_point_is_shown_once_and_topics_point_to_it(doc):
    articles = doc.xpath("//section[@id='points']//article")
    assert [a.get("id") for a in articles] == ["link-l1", "link-l2"]
    assert len(doc.xpath("//article")) == 2, "omissions are in the full texts and the key differences, not rows"
    topics = {r.xpath("./th")[0].text_content(): [a.get("href") for a in r.xpath(".//td[@class='points']/a")]
              for r in doc.xpath("//table[@class='coverage']/tbody/tr")}
    assert topics["Talks"] == ["#link-l1", "#t-north-2"]
    assert topics["No topic"] == ["#t-north-3"]
    hrefs = {h for refs in topics.values() for h in refs}
    assert all(doc.xpath(f"//*[@id='{h[1:]}']") for h in hrefs)


def test_linked_point_cells_name_their_side_and_the_side_they_are_compared_with(doc):
    link = doc.xpath("//article[@id='link-l1']")[0]
    assert "conflict" in link.get("class")
    cells = link.xpath("./div[contains(@class,'cell')]")
    assert texts(link, "./div/p[@class='cell-side']") == ["North Office | <i>Press</i>", "South Ministry"]
    assert texts(cells[0], ".//mark[@class='del']") == ["Geneva on March 3."]
    assert texts(cells[1], ".//mark[@class='ins']") == ["Vienna on March 4."]
    assert texts(cells[0], "./p[@class='diffnote']") == ["solid underline: not in South Ministry’s wording"]
    assert texts(cells[1], "./p[@class='diffnote']") == [
        "dotted underline: not in North Office | <i>Press</i>’s wording"]
    conflicts = texts(link, ".//ul[@class='conflicts']/li")
    assert conflicts[0] == (f"conflict · place North Office | <i>Press</i> “Geneva” vs South Ministry "
                            f"“Vienna {HOSTILE}”")


def test_topic_coverage_shows_counts_and_conflict_together(doc):
    rows = {r[0]: r[1:] for r in (texts(doc, f"//table[@class='coverage']/tbody/tr[{i}]/*") for i in (1, 2, 3))}
    assert rows["Sanctions <u>&</u>"] == ["1", "1", "L2 south:2"]
    # In conflict and mentioned: the count stays, the conflict is flagged beside it (issue 14, item 8).
    assert rows["Talks"] == ["2 ≠", "1 ≠", "L1 ≠ north:2"]
    cell = doc.xpath("//table[@class='coverage']/tbody/tr[3]/td[1]")[0]
    assert cell.get("aria-label") == "North Office | <i>Press</i>: 2, in conflict (L1)"


def test_a_link_worded_differently_throughout_is_not_painted(doc):
    # L2's sides share one word in eighteen: marking every other word would only hide the rows that matter.
    row = doc.xpath("//article[@id='link-l2']")[0]
    assert not row.xpath(".//mark")
    assert "little shared wording" in texts(row, "./p[@class='meta']")[0]


def test_a_diff_that_does_not_rebuild_the_claims_marks_nothing():
    comparison = make_comparison()
    broken = replace(comparison.links[0], diff=(Span("delete", "nonsense"),))
    bad = replace(comparison, links=(broken, *comparison.links[1:]))
    doc = lxml.html.document_fromstring(render(bad, "html"))
    link = doc.xpath("//article[@id='link-l1']")[0]
    assert not link.xpath(".//mark")
    assert texts(link, ".//p[@class='text']") == ["The leaders agreed to meet in Geneva on March 3.",
                                                  "The leaders agreed to meet in Vienna on March 4."]


def test_a_third_side_is_shown_and_said_to_be_unmarked():
    doc = lxml.html.document_fromstring(render(make_comparison(third_side=True), "html"))
    assert doc.xpath("//div[contains(@class,'rows')]/@class")[0].endswith("cols-3")
    cells = doc.xpath("//article[@id='link-l1']/div[contains(@class,'cell')]")
    assert texts(cells[2], "./p[@class='text']") == ["The meeting will be in Geneva, the wire reported."]
    assert not cells[2].xpath(".//mark")
    assert texts(cells[2], "./p[@class='diffnote']") == ["not compared word by word"]
    assert len(doc.xpath("//div[contains(@class,'fulltexts')]/section")) == 3


def test_a_low_score_is_said_where_the_link_is_shown():
    comparison = make_comparison()
    weak = replace(comparison.links[1], score=0.21)
    doc = lxml.html.document_fromstring(render(replace(comparison, links=(comparison.links[0], weak)), "html"))
    unsure = texts(doc, "//section[@id='key']/h3[.='Where the engine is unsure']/following-sibling::p[1]")
    assert unsure[0].startswith("L2 (score 0.21): links scored below 0.30")
    assert "low score: check it" in texts(doc, "//article[@id='link-l2']/p[@class='meta']")[0]
    assert doc.xpath("//span[@id='t-north-1']")[0].getnext().text_content() == "L2 ?"
    strong = lxml.html.document_fromstring(render(make_comparison(), "html"))
    assert not strong.xpath("//h3[.='Where the engine is unsure']")


def test_the_footer_dates_the_export_and_names_both_versions(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    doc = lxml.html.document_fromstring(render(make_comparison(), "html"))
    footer = texts(doc, "//footer/p")[0]
    assert re.fullmatch(r"Exported 2026-01-01 by dualread \S+, engine test, lexical similarity\.", footer)
    assert "unknown" not in footer


def test_a_report_in_a_library_export_links_back_to_the_index():
    doc = lxml.html.document_fromstring(render_html(make_comparison(), index_href="index.html"))
    assert doc.xpath("//header//a[.='← All pairs']/@href") == ["index.html"]
    assert doc.xpath("//footer//a/@href") == ["index.html"]
    alone = lxml.html.document_fromstring(render(make_comparison(), "html"))
    assert not alone.xpath("//a[@href='index.html']")


def test_foreign_text_carries_its_language():
    doc = lxml.html.document_fromstring(render(make_comparison(south_language="ru"), "html"))
    south = doc.xpath("//div[contains(@class,'fulltexts')]/section")[1]
    assert south.xpath("./div/@lang") == ["ru"]
    assert doc.xpath("//article[@id='link-l1']/div[contains(@class,'cell')]/@lang") == ["en", "ru"]
    # Labels we write stay English inside a Russian cell.
    assert doc.xpath("//article[@id='link-l1']/div[2]/p[@class='cell-side']/@lang") == ["en"]


def test_arabic_text_left_at_the_default_language_is_marked_arabic_and_right_to_left():
    # pair.yaml's language defaults to en: an Arabic side was marked lang="en" and laid out left to right, its
    # sentences starting at the wrong edge. Its script now says ar, and the text runs right to left.
    import datetime as dt

    from comparisons import compare
    from readouts.model import Pair, Side

    english = Side("north", "Readout\n\nThe ministers discussed trade and agreed to meet again in March.\n")
    arabic = Side("south", "بيان\n\nناقش الوزيران التجارة واتفقا على اللقاء مجددا في مارس.\n")
    pair = Pair("2030-01-03-call", "A call", dt.date(2030, 1, 3), (english, arabic))
    doc = lxml.html.document_fromstring(render(compare(pair), "html"))
    north, south = doc.xpath("//div[contains(@class,'fulltexts')]/section")
    assert south.xpath("./div/@lang") == ["ar"] and south.xpath("./div/@dir") == ["rtl"]
    assert north.xpath("./div/@dir") == [] and "en" in north.xpath("./div/@lang") + [doc.xpath("/html/@lang")[0]]


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
    assert rows["Humanitarian"] == ["1 ≠", "–", "L1 ≠"]
