"""What a report shows, computed once from a ``Comparison``: every HTML and Markdown report, ``dualread show``, the CSV
and the library index read this and nothing else, so the terminal and the files never disagree.

- ``report_view(comparison, *, detail=True, index_href="") -> ReportView``: title block, per-side summary, key
  differences, the full texts with their claims marked, the linked points once each in reading order, and per topic
  its coverage and pointers to its points. ``detail=False`` keeps only what the library index needs.
- ``ReportView`` and its parts: frozen values defined in ``comparisons.reports.view_values`` and re-exported here.
- ``shared_wording(diff)``: the share of words a word diff's two sides have in common.
- ``safe_url(url)``: the URL if a reader may follow it (http/https), else ``""``.
- ``long_date(date)``: "30 December 2021", the same whatever the machine's locale.

Templates never compute: what a row says (a side's words, which of them only that side uses, who said it, the
conflicts) is decided here so that every format says the same thing. Readout text stays plain ``str``: the HTML
environment escapes it, the Markdown environment escapes it its own way.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Mapping
from urllib.parse import urlsplit

from comparisons.evidence import why_link
from comparisons.model import Comparison, Row, Span
from comparisons.reports.fulltext import LOW_SCORE, claim_anchor, claim_views, full_texts, unsure
from comparisons.reports.review_view import REVIEW_KIND, mark_view, review_view
from comparisons.reports.stamp import make_stamp
from comparisons.reports.view_values import (
    CellView,
    ClaimView,
    ConflictView,
    CoverageCell,
    FullTextView,
    KeyDifferences,
    Piece,
    PointRef,
    ReportView,
    RowView,
    SideView,
    TopicView,
)
from readouts.textshape import one_line

__all__ = [
    "LOW_SCORE", "CellView", "ClaimView", "ConflictView", "CoverageCell", "FullTextView", "KeyDifferences", "Piece",
    "PointRef", "ReportView", "RowView", "SideView", "TopicView", "long_date", "report_view", "safe_url",
    "shared_wording",
]

NO_TOPIC = "no-topic"
"""Id of the section for points that carry no topic (a claim the tagger could not place)."""

MIN_SHARED_WORDING = 0.25
"""Below this share of words in common, a link's word diff is not marked: when nearly every word differs (two
governments telling one point in their own words), colouring all of it says nothing and buries the rows whose
wording differs in a telling detail. The row says so instead ("little shared wording")."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def safe_url(url: str) -> str:
    """Only web links become clickable: a ``javascript:`` or ``data:`` URL in pair.yaml is shown as text."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") and not re.search(r"\s", url) else ""


def long_date(date: _dt.date | str) -> str:
    if isinstance(date, _dt.date):
        return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
    return str(date)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _lang(side) -> str:
    """The side's language for HTML ``lang``: its pair.yaml code when well formed; a text in another script
    (Cyrillic, Chinese, Arabic, ...) left at the default ``en`` gets the language its script shows, so a screen
    reader does not read it as English (and the template lays Arabic or Hebrew out right to left)."""
    from readouts.textshape import guess_language

    code = (side.language or "").strip()
    if code in ("", "en"):
        guessed = guess_language(side.text)
        return guessed if guessed != "en" else code
    return code if _LANG.fullmatch(code) else ""


def _split_diff(diff: tuple[Span, ...], first: str, second: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...]] | None:
    """The diff as pieces for each side, or None when it does not rebuild both texts (then no words are marked:
    a wrong highlight is worse than none)."""
    left = tuple(Piece(s.text, s.op == "delete") for s in diff if s.op != "insert")
    right = tuple(Piece(s.text, s.op == "insert") for s in diff if s.op != "delete")
    if "".join(p.text for p in left) != first or "".join(p.text for p in right) != second:
        return None
    return left, right


def shared_wording(diff: tuple[Span, ...]) -> float:
    """The share of words the two sides of a word diff have in common, from 0 (none) to 1 (identical)."""
    words = {"equal": 0, "delete": 0, "insert": 0}
    for span in diff:
        words[span.op] += len(span.text.split())
    total = 2 * words["equal"] + words["delete"] + words["insert"]
    return 2 * words["equal"] / total if total else 1.0


def _row_view(comparison: Comparison, row: Row, labels: Mapping[str, str], langs: Mapping[str, str],
              topic_labels: Mapping[str, str]) -> RowView:
    """A link as one line of the side-by-side: each side's words, marked against the side it is diffed with."""
    link = row.link
    assert link is not None
    keys = comparison.side_keys
    texts = {k: " ".join(c.text for c in row.claims[k]) for k in keys}
    pieces: dict[str, tuple[Piece, ...]] = {k: ((Piece(texts[k], False),) if texts[k] else ()) for k in keys}
    marks = dict.fromkeys(keys, "")
    against = dict.fromkeys(keys, "")
    present = [k for k in keys if row.claims[k]]
    little_shared = False
    if link.diff and len(present) >= 2:
        first, second = present[0], present[1]
        split = _split_diff(link.diff, texts[first], texts[second])
        little_shared = split is not None and shared_wording(link.diff) < MIN_SHARED_WORDING
        if split is not None and not little_shared:
            pieces[first], pieces[second] = split
            marks[first], marks[second] = "del", "ins"
            against[first], against[second] = labels[second], labels[first]
    cells = []
    for k in keys:
        speakers = tuple(dict.fromkeys(one_line(c.speaker) for c in row.claims[k] if c.speaker))
        href = f"#{claim_anchor(min(row.claims[k], key=lambda c: c.index).id)}" if row.claims[k] else ""
        cells.append(CellView(k, labels[k], langs[k], pieces[k], speakers, marks[k], against[k], href))
    conflicts = []
    for conflict in link.conflicts:
        if conflict.kind == "review":
            # A person said the claims disagree; what on is their note, not a value per side.
            conflicts.append(ConflictView(REVIEW_KIND, (), note=link.review.note if link.review else ""))
            continue
        ordered = [k for k in keys if k in conflict.values] + sorted(k for k in conflict.values if k not in keys)
        conflicts.append(ConflictView(conflict.kind, tuple((labels.get(k, k), conflict.values[k]) for k in ordered)))
    return RowView(
        anchor=f"link-{_slug(link.id)}", ref=link.id, score=link.score, low_score=unsure(link),
        topics=tuple(topic_labels.get(t, t) for t in row.topics), cells=tuple(cells), conflicts=tuple(conflicts),
        little_shared=little_shared, review=mark_view(link.review), why=_why(comparison, row),
    )


def _why(comparison: Comparison, row: Row) -> tuple[str, ...]:
    """Why a row's claims are linked (``evidence.why_link``), or nothing when neither the engine nor a person said
    why (a comparison built without evidence): "no evidence recorded" is for the screens that ask for it."""
    link = row.link
    assert link is not None
    if link.evidence is None and link.review is None:
        return ()
    return tuple(why_link(link, comparison, topics=False))


def _conflict_sides(row: Row, keys: tuple[str, ...]) -> set[str]:
    """The sides a row's conflicts involve: those named in the values, else every side of the link."""
    sides: set[str] = set()
    if row.link is None:
        return sides
    for conflict in row.link.conflicts:
        sides.update(conflict.values or [k for k in keys if row.claims[k]])
    return sides


def _point(row: Row, labels: Mapping[str, str]) -> PointRef:
    if row.link is not None:
        return PointRef(row.link.id, f"#link-{_slug(row.link.id)}", "link", bool(row.link.conflicts),
                        unsure(row.link), "")
    assert row.omission is not None
    return PointRef(row.omission.claim, f"#{claim_anchor(row.omission.claim)}", "omission", False, False,
                    labels[row.omission.side])


def _topics(comparison: Comparison, labels: Mapping[str, str]) -> tuple[TopicView, ...]:
    keys = comparison.side_keys
    topics = []
    for summary in comparison.topics:
        topic_rows = comparison.rows_for(summary.id)
        cells = []
        for k in keys:
            count = summary.claims.get(k, 0)
            # A side is in conflict on a topic only where it mentions the topic: a link carries the topics of all
            # its claims, and a side whose own claim in it is about something else has not spoken on this topic.
            refs = tuple(r.link.id for r in topic_rows
                         if r.link is not None and count and k in _conflict_sides(r, keys))
            cells.append(CoverageCell(k, count, "mentioned" if count else "not mentioned", refs))
        topics.append(TopicView(summary.id, one_line(summary.label), f"topic-{_slug(summary.id)}", tuple(cells), summary.links,
                                tuple(_point(r, labels) for r in topic_rows)))
    untagged = tuple(r for r in comparison.rows if not r.topics)
    if untagged:
        topics.append(TopicView(NO_TOPIC, "No topic", f"topic-{NO_TOPIC}", (), 0,
                                tuple(_point(r, labels) for r in untagged)))
    return tuple(topics)


def report_view(comparison: Comparison, *, detail: bool = True, texts: bool | None = None,
                index_href: str = "") -> ReportView:
    """Everything a report shows, in the order it shows it.

    ``detail=False`` leaves out the key differences and the linked rows (topics keep their coverage) and, unless
    ``texts=True``, the full texts: the library index needs neither, the CSV needs only the claims of the full
    texts; both at a fraction of the cost.
    """
    from comparisons.reports.key_points import key_differences

    pair = comparison.pair
    keys = comparison.side_keys
    sides_by_key = {d.key: d.side for d in comparison.documents}
    # The event, labels, titles and speakers are one line in every format (``one_line``), whatever pair.yaml holds.
    labels = {k: one_line(sides_by_key[k].label) for k in keys}
    langs = {k: _lang(sides_by_key[k]) for k in keys}
    topic_labels = {t.id: one_line(t.label) for t in comparison.topics}
    all_rows = comparison.rows

    conflicted = [r for r in all_rows if r.has_conflict]
    side_views = tuple(
        SideView(
            key=k, label=labels[k], publisher=one_line(side.publisher), title=one_line(side.title), url=side.url,
            safe_url=safe_url(side.url), lang=langs[k], claims=len(document.claims),
            linked=sum(len(r.claims[k]) for r in all_rows if r.link is not None),
            omitted=sum(1 for om in comparison.omissions if om.side == k),
            conflicts=sum(1 for r in conflicted if k in _conflict_sides(r, keys)),
        )
        for document in comparison.documents for k, side in [(document.key, document.side)]
    )
    rows: tuple[RowView, ...] = ()
    key = None
    fulltexts: tuple[FullTextView, ...] = ()
    if detail or texts:
        claims = claim_views(comparison, labels, langs)
        fulltexts = full_texts(comparison, claims, langs)
    if detail:
        rows = tuple(_row_view(comparison, r, labels, langs, topic_labels) for r in all_rows if r.link is not None)
        key = key_differences(comparison, rows, claims, labels, langs)

    date = pair.date
    return ReportView(
        pair_id=pair.id,
        event=one_line(pair.event),
        date_iso=date.isoformat() if isinstance(date, _dt.date) else str(date),
        date_long=long_date(date),
        sample=pair.sample,
        sides=side_views,
        links=len(comparison.links),
        omissions=len(comparison.omissions),
        conflicts=len(conflicted),
        topics=_topics(comparison, labels),
        stamp=make_stamp(comparison.engine),
        rows=rows,
        key=key,
        fulltexts=fulltexts,
        index_href=index_href,
        low_score=LOW_SCORE,
        review=review_view(comparison, _href) if detail or texts else None,
    )


def _href(ref: str) -> str:
    """Where a point is shown: a link's row (``L4``), an omission's claim in the full text (``kremlin:3``)."""
    return f"#{claim_anchor(ref)}" if ":" in ref else f"#link-{_slug(ref)}"
