"""The Markdown report: headings, tables and quotes that render as intended and keep hostile text inert.

Rendered with markdown-it-py (CommonMark plus tables, raw HTML allowed as GitHub allows it), then inspected as HTML.
"""

from __future__ import annotations

import lxml.html
import pytest
from markdown_it import MarkdownIt

from comparisons.reports import render
from comparisons.reports.markdown import md_escape
from reports_fixtures import HOSTILE, make_comparison


@pytest.fixture(scope="module")
def text() -> str:
    return render(make_comparison(third_side=True), "md")


@pytest.fixture(scope="module")
def doc(text):
    html = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(text)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def flat(element) -> str:
    return " ".join(element.text_content().split())


def test_headings_outline(doc):
    assert [flat(h) for h in doc.xpath("h1")] == [f"Call on {HOSTILE} & <b>trade</b>"]
    assert [flat(h) for h in doc.xpath("h2")] == [
        "Sources", "Summary", "Topic coverage", "Conflicts", "Sanctions <u>&</u>", "De-escalation", "Talks",
        "No topic"]
    assert [flat(h) for h in doc.xpath("h3")][:2] == ["L2 · score 0.42 · little shared wording · also: De-escalation",
                                                      "south:2 · only South Ministry"]


def test_hostile_text_renders_as_text(doc, text):
    assert not doc.xpath("//script | //img | //b | //i | //u | //a[starts-with(@href, 'javascript')]")
    assert not [n for e in doc.iter() if isinstance(e.tag, str) for n in e.attrib if n.startswith("on")]
    quotes = [flat(q) for q in doc.xpath("//blockquote/p")]
    assert (f"North Office | <i>Press</i>: They discussed {HOSTILE} and </td></tr><img src=x onerror=alert(1)>."
            in quotes)
    assert "South Ministry: # Not a heading, *not emphasis*, [not](a link) and 1. not a list" in quotes
    # No heading, emphasis or link came out of the claim text.
    assert not doc.xpath("//blockquote//a | //blockquote//h1")


def test_tables_keep_their_columns_despite_pipes(doc):
    summary, coverage = doc.xpath("//table")[:2]
    assert [flat(c) for c in summary.xpath(".//tbody/tr[1]/td")] == ["North Office | <i>Press</i>", "4", "2", "2", "1"]
    header = [flat(c) for c in coverage.xpath(".//thead//th")]
    assert header == ["Topic", "North Office | <i>Press</i>", "South Ministry", "Wire Service", "Links"]
    talks = [r for r in coverage.xpath(".//tbody/tr") if flat(r.xpath("td")[0]) == "Talks"][0]
    assert [flat(c) for c in talks.xpath("td")] == ["Talks", "in conflict (2)", "in conflict (1)", "mentioned (1)",
                                                     "1"]


def test_sources_link_only_web_urls(doc):
    hrefs = doc.xpath("//a/@href")
    assert hrefs == ["https://north.example/readout?a=1&b=2", "http://wire.example/s"]


def test_word_diff_in_bold_and_conflicts(doc):
    strong = [flat(s) for s in doc.xpath("//blockquote//strong")]
    assert "Geneva on March 3." in strong and "Vienna on March 4." in strong
    paragraphs = [flat(p) for p in doc.xpath("p")]
    assert (f"Conflict, place: North Office | <i>Press</i> “Geneva” vs South Ministry “Vienna {HOSTILE}”"
            in paragraphs)


def test_reads_as_plain_text(text):
    # Ordinary sentences come through unchanged: no stray backslashes where nothing needed escaping.
    assert "The meeting will be in Geneva, the wire reported." in text
    assert "> **Wire Service:** *not mentioned*" in text
    assert "\n\n\n\n" not in text


@pytest.mark.parametrize("raw, inert", [
    ("# heading", r"\# heading"),
    ("1. item", r"1\. item"),
    ("- item", r"\- item"),
    ("a | b", r"a \| b"),
    ("<b>x</b>", r"\<b\>x\</b\>"),
    ("[a](b)", r"\[a\](b)"),
    ("&amp; AT&T", r"\&amp; AT&T"),
    ("line\nbreak", "line break"),
])
def test_md_escape(raw, inert):
    assert md_escape(raw) == inert


def _bold_cell(*pieces: tuple[str, bool]) -> str:
    from comparisons.reports.markdown import markdown_environment
    from comparisons.reports.view_values import CellView, Piece

    cell = CellView("a", "A", tuple(Piece(text, only) for text, only in pieces), (), "del")
    return markdown_environment().filters["diffmd"](cell)


@pytest.mark.parametrize("pieces, plain, bold", [
    # A marked piece that starts with punctuation right after a word: '**' there cannot open emphasis in CommonMark.
    ([("would be a colossal mistake", False), (", one that could lead to a rupture", True), (".", False)],
     "would be a colossal mistake, one that could lead to a rupture.", ["one that could lead to a rupture"]),
    # ... or ends with punctuation right before a word: '**' there cannot close it.
    ([("meet in Geneva on January ", False), ("9–", True), ("10, the", True), (" Russia", False), ("-NATO", True),
      (" Council", False)],
     "meet in Geneva on January 9–10, the Russia-NATO Council", ["9–10, the", "NATO"]),
    ([("said ", False), ('"', True), ("sanctions", False), ('"', True), (" would follow", False)],
     'said "sanctions" would follow', []),
])
def test_word_diff_bold_renders_next_to_punctuation(pieces, plain, bold):
    md = _bold_cell(*pieces)
    html = MarkdownIt("commonmark").render(md)
    rendered = lxml.html.fragment_fromstring(html, create_parent="div")
    assert flat(rendered) == plain  # no literal asterisks left over
    assert [flat(s) for s in rendered.xpath("//strong")] == bold
