"""Hand-built comparisons for the report tests: written in our own words, with hostile text in every field a
report shows (event, titles, publishers, claim text, conflict values), so each format must escape it."""

from __future__ import annotations

import datetime as dt

from comparisons.model import Comparison, Conflict, EngineInfo, Link, Omission, Span, TopicSummary
from readouts.model import Claim, Document, Pair, Side

__all__ = ["HOSTILE", "make_comparison", "plain_comparison"]

HOSTILE = '<script>alert("x")</script>'
"""Appears verbatim in the event name, a title, a claim and a conflict value of ``make_comparison()``."""


def _document(side: Side, sentences: list[tuple[str, str | None]]) -> Document:
    """The side's text is its title line, a blank line, then the sentences; claims are offsets into it."""
    head = side.title + "\n\n"
    text = head
    claims = []
    for index, (sentence, speaker) in enumerate(sentences):
        start = len(text)
        text += sentence + " "
        claims.append(Claim(side.key, index, start, start + len(sentence), sentence, 0, speaker))
    full = Side(side.key, text.rstrip(), side.file, side.publisher, side.title, side.url, side.language)
    for claim in claims:
        assert full.text[claim.start:claim.end] == claim.text
    return Document(full, tuple(claims))


def _diff(a: str, b: str) -> tuple[Span, ...]:
    """A word diff good enough for fixtures: common prefix and suffix words kept, the middle replaced."""
    wa, wb = a.split(" "), b.split(" ")
    p = 0
    while p < min(len(wa), len(wb)) and wa[p] == wb[p]:
        p += 1
    s = 0
    while s < min(len(wa), len(wb)) - p and wa[-1 - s] == wb[-1 - s]:
        s += 1
    spans = []
    pre = " ".join(wa[:p]) + (" " if p else "")
    if pre:
        spans.append(Span("equal", pre))
    mid_a, mid_b = " ".join(wa[p:len(wa) - s]), " ".join(wb[p:len(wb) - s])
    suf = (" " if s else "") + " ".join(wa[len(wa) - s:])
    if mid_a:
        spans.append(Span("delete", mid_a))
    if mid_b:
        spans.append(Span("insert", mid_b))
    if s:
        spans.append(Span("equal", suf))
    assert "".join(x.text for x in spans if x.op != "insert") == a
    assert "".join(x.text for x in spans if x.op != "delete") == b
    return tuple(spans)


def make_comparison(*, event: str = f"Call on {HOSTILE} & <b>trade</b>", third_side: bool = False,
                    pair_id: str = "2030-01-02-hostile-call", south_language: str = "en") -> Comparison:
    """Two sides (three with ``third_side``): two links (one in conflict), omissions on each side, one row
    without a topic, and markup, Markdown and spreadsheet formulas in the text."""
    left = Side("north", "", publisher="North Office | <i>Press</i>", title=f"Readout {HOSTILE}",
                url="https://north.example/readout?a=1&b=2")
    right = Side("south", "", publisher="South Ministry", title="# Statement [click](javascript:alert(1))",
                 url="javascript:alert(1)", language=south_language)
    docs = [
        _document(left, [
            ("The leaders agreed to meet in Geneva on March 3.", "Leader A"),
            ("Leader A warned of costly measures if the troops advance.", "Leader A"),
            (f"They discussed {HOSTILE} and </td></tr><img src=x onerror=alert(1)>.", None),
            ("=HYPERLINK(\"http://evil.example\",\"x\") | pipes | here", None),
        ]),
        _document(right, [
            ("The leaders agreed to meet in Vienna on March 4.", "both"),
            ("Leader B said the troops were on exercises.", "Leader B"),
            ("# Not a heading, *not emphasis*, [not](a link) and 1. not a list", None),
        ]),
    ]
    if third_side:
        press = Side("press", "", publisher="Wire Service", title="Summary", url="http://wire.example/s")
        docs.append(_document(press, [("The meeting will be in Geneva, the wire reported.", None)]))
    d = {doc.key: doc for doc in docs}
    first, second = d["north"].claims[0].text, d["south"].claims[0].text
    link_claims = ("north:0", "south:0") + (("press:0",) if third_side else ())
    links = (
        Link("L1", link_claims, 0.81, ("talks",),
             (Conflict("place", {"north": "Geneva", "south": f"Vienna {HOSTILE}"}),
              Conflict("date", {"north": "March 3", "south": "March 4"})),
             _diff(first, second)),
        Link("L2", ("north:1", "south:1"), 0.42, ("de-escalation", "sanctions"), (),
             _diff(d["north"].claims[1].text, d["south"].claims[1].text)),
    )
    omissions = (Omission("north:2", "north", ("talks",)), Omission("north:3", "north", ()),
                 Omission("south:2", "south", ("sanctions",)))
    claim_topics = {"north:0": ("talks",), "south:0": ("talks",), "north:1": ("de-escalation", "sanctions"),
                    "south:1": ("de-escalation",), "north:2": ("talks",), "north:3": (), "south:2": ("sanctions",)}
    if third_side:
        claim_topics["press:0"] = ("talks",)
    keys = [doc.key for doc in docs]

    def count(topic: str) -> dict[str, int]:
        return {k: sum(1 for c in d[k].claims if topic in claim_topics[c.id]) for k in keys}

    topics = (
        TopicSummary("sanctions", "Sanctions <u>&</u>", count("sanctions"), 1),
        TopicSummary("de-escalation", "De-escalation", count("de-escalation"), 1),
        TopicSummary("talks", "Talks", count("talks"), 1),
    )
    pair = Pair(pair_id, event, dt.date(2030, 1, 2), tuple(doc.side for doc in docs))
    return Comparison(pair, tuple(docs), claim_topics, links, omissions, topics,
                      EngineInfo("test", {"similarity": "lexical"}))


def plain_comparison(pair_id: str = "2030-02-03-plain-call", event: str = "A plain call") -> Comparison:
    """A small, harmless comparison for the library-wide tests."""
    return make_comparison(event=event, pair_id=pair_id)
