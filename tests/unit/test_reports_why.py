"""Each linked point of a report says why its claims are linked, in the words ``dualread show --why`` prints.

A reader of an exported report (the file an analyst sends on) had the score and the topics of each link, but not what
joined its claims: which rule, which shared words or concepts. ``show --why`` and the TUI's why pane said it; the
report, read without the tool, did not.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt

import readouts
from comparisons.engine import compare
from comparisons.evidence import why_link
from comparisons.model import ReviewMark
from comparisons.reports import render
from readouts.library import Library

SAMPLE = "2021-12-30-biden-putin-call"


@pytest.fixture(scope="module")
def comparison():
    samples = Path(readouts.__file__).parent / "samples"
    return compare(Library(samples).load(SAMPLE))


def flat(element) -> str:
    return " ".join(element.text_content().split())


def html_whys(page: str) -> dict[str, list[str]]:
    """{link id: the lines of its "Why linked" block} as a browser shows them."""
    doc = lxml.html.document_fromstring(page)
    out = {}
    for row in doc.xpath("//section[@id='points']//article"):
        ref = flat(row.xpath(".//a[@class='ref']")[0])
        details = row.xpath(".//details[@class='why']")
        if details:
            assert flat(details[0].xpath("summary")[0]) == "Why linked"
            out[ref] = [flat(li) for li in details[0].xpath(".//li")]
    return out


def markdown_whys(text: str) -> dict[str, list[str]]:
    """{link id: the items of its "Why linked:" list}, the Markdown rendered as a reader's viewer renders it."""
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    out: dict[str, list[str]] = {}
    ref = None
    for element in doc:
        if element.tag == "h3":
            ref = flat(element).split(" · ")[0]
        elif element.tag == "p" and flat(element) == "Why linked:" and ref:
            items = element.getnext().xpath(".//li")
            out[ref] = [" ".join((li.text or "").split()) for li in items]
    return out


def test_every_linked_point_says_why_in_the_words_show_why_prints(comparison):
    expected = {link.id: [" ".join(line.split()) for line in why_link(link, comparison, topics=False)]
                for link in comparison.links}
    assert html_whys(render(comparison, "html")) == expected
    assert markdown_whys(render(comparison, "md")) == expected
    # What a reader learns: the rule that made the link and what its claims share, each side's words quoted.
    first = expected[comparison.links[0].id]
    assert first[0].startswith("rule: merge — ")
    assert any(line.startswith("shared: ") and '"' in line for line in first)


def test_the_why_reads_as_plain_words_in_the_markdown_source(comparison):
    # Markdown is also read as plain text (pasted into a briefing): no sign there needs a backslash to stay a sign.
    text = render(comparison, "md")
    pair = comparison.links[0].evidence.pairs[0]
    a, b = pair.claims
    assert f"- {a} and {b}: score {pair.score:.2f}" in text
    assert "\\~" not in text


def test_a_link_a_person_made_says_so_where_the_engine_would_give_its_reasons(comparison):
    link = comparison.links[0]
    made = dataclasses.replace(link, evidence=None, review=ReviewMark("added", by="ana"))
    reviewed = dataclasses.replace(comparison, links=(made, *comparison.links[1:]))
    said = "linked by hand: the engine had none of these claims in a link together"
    assert html_whys(render(reviewed, "html"))[link.id][0] == said
    assert markdown_whys(render(reviewed, "md"))[link.id][0] == said


def test_a_link_with_no_recorded_reason_has_no_why_block(comparison):
    bare = dataclasses.replace(comparison, links=tuple(dataclasses.replace(link, evidence=None)
                                                       for link in comparison.links))
    assert html_whys(render(bare, "html")) == {}
    assert "Why linked" not in render(bare, "md")
