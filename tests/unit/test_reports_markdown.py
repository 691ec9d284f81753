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
        "Sources", "Key differences", "In numbers", "Full texts", "Linked points, side by side", "Topics"]
    h3 = [flat(h) for h in doc.xpath("h3")]
    assert h3[:2] == ["Where the sides disagree", "What only one side reports"]
    assert "L1 · score 0.81 · in conflict · Talks" in h3
    assert "L2 · score 0.42 · little shared wording · De-escalation; Sanctions <u>&</u>" in h3
    assert [flat(h) for h in doc.xpath("h4")] == ["Only in North Office | <i>Press</i> (2)",
                                                  "Only in South Ministry (1)"]


def test_hostile_text_renders_as_text(doc, text):
    assert not doc.xpath("//script | //img | //b | //i | //u | //a[starts-with(@href, 'javascript')]")
    assert not [n for e in doc.iter() if isinstance(e.tag, str) for n in e.attrib if n.startswith("on")]
    paragraphs = [flat(p) for p in doc.xpath("//p")]
    assert any(f"They discussed {HOSTILE} and </td></tr><img src=x onerror=alert(1)>. [only]" in p
               for p in paragraphs)
    items = [flat(li) for li in doc.xpath("//ol/li")]
    assert "# Not a heading, *not emphasis*, [not](a link) and 1. not a list — south:2 · Sanctions <u>&</u>" in items
    # No heading, emphasis or link came out of the claim text.
    assert not doc.xpath("//blockquote//a | //blockquote//h1 | //ol//a")


def test_tables_keep_their_columns_despite_pipes(doc):
    summary, coverage = doc.xpath("//table")[:2]
    assert [flat(c) for c in summary.xpath(".//tbody/tr[1]/td")] == ["North Office | <i>Press</i>", "4", "2", "2", "1"]
    header = [flat(c) for c in coverage.xpath(".//thead//th")]
    assert header == ["Topic", "North Office | <i>Press</i>", "South Ministry", "Wire Service", "Points"]
    talks = [r for r in coverage.xpath(".//tbody/tr") if flat(r.xpath("td")[0]) == "Talks"][0]
    assert [flat(c) for c in talks.xpath("td")] == ["Talks", "2 ≠", "1 ≠", "1", "L1 ≠, north:2"]


def test_sources_link_only_web_urls(doc):
    hrefs = doc.xpath("//a/@href")
    assert hrefs == ["https://north.example/readout?a=1&b=2", "http://wire.example/s"]


def test_the_two_sides_of_a_word_diff_are_told_apart_without_colour(doc):
    l1 = doc.xpath("//h3[starts-with(., 'L1 ')]/following-sibling::blockquote[1]")[0]
    assert [flat(s) for s in l1.xpath(".//strong")] == ["North Office | <i>Press</i>:", "Geneva on March 3.",
                                                       "South Ministry:", "Wire Service:"]
    ems = [flat(s) for s in l1.xpath(".//em")]
    assert "Vienna on March 4." in ems and "Vienna on March 4." not in [flat(s) for s in l1.xpath(".//strong")]
    said = flat(l1)
    assert "(bold: not in South Ministry’s wording)" in said
    assert "(italic: not in North Office | <i>Press</i>’s wording)" in said
    paragraphs = [flat(p) for p in doc.xpath("p")]
    assert (f"Conflict, place: North Office | <i>Press</i> “Geneva” vs South Ministry “Vienna {HOSTILE}”"
            in paragraphs)


def test_a_conflict_quotes_each_side_with_its_value_in_bold(doc):
    quote = doc.xpath("//h3[.='Where the sides disagree']/following-sibling::blockquote[1]")[0]
    assert [flat(s) for s in quote.xpath(".//strong")] == ["North Office | <i>Press</i>:", "Geneva",
                                                          "South Ministry:"]


def test_reads_as_plain_text(text):
    # Ordinary sentences come through unchanged: no stray backslashes where nothing needed escaping.
    assert "The meeting will be in Geneva, the wire reported." in text
    assert "> **Wire Service:** *not mentioned*" in text
    assert "\n\n\n\n" not in text
    # Sentences of a full text keep the space between them.
    assert "on March 3. \\[L1 ≠\\] Leader A warned" in text


@pytest.mark.parametrize("raw", ["{{ site.secret }}", "{% include x %}", "{# note #}", "{{< shortcode >}}",
                                 "a {{b}} c %} d }}"])
def test_template_braces_are_inert_for_static_site_generators(raw):
    escaped = md_escape(raw)
    for token in ("{{", "{%", "{#", "}}", "%}", "#}"):
        assert token not in escaped, (token, escaped)
    rendered = lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(escaped), create_parent="div")
    assert flat(rendered) == raw


def test_template_braces_split_across_marked_words_are_inert_too():
    md = _bold_cell(("text {", False), ("{ x }", True), ("} end", False))
    assert "{{" not in md and "}}" not in md
    rendered = lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(md), create_parent="div")
    assert flat(rendered) == "text {{ x }} end"


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

    cell = CellView("a", "A", "en", tuple(Piece(text, only) for text, only in pieces), (), "del", "B", "")
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
