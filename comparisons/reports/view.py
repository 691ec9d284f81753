"""What a report shows, computed once from a ``Comparison`` and handed to the HTML and Markdown templates.

- ``report_view(comparison) -> ReportView``: title block, per-side summary, topic coverage, conflicts, and the
  sections of aligned rows per topic.
- ``ReportView``, ``SideView``, ``CoverageCell``, ``TopicView``, ``RowView``, ``CellView``, ``Piece``,
  ``ConflictView``: frozen values the templates only read, defined in ``comparisons.reports.view_values`` and
  re-exported here.
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
from urllib.parse import urlsplit

from comparisons.model import Comparison, Row, Span
from comparisons.reports.view_values import (
    CellView,
    ConflictView,
    CoverageCell,
    Piece,
    ReportView,
    RowView,
    SideView,
    TopicView,
)

__all__ = [
    "CellView",
    "ConflictView",
    "CoverageCell",
    "Piece",
    "ReportView",
    "RowView",
    "SideView",
    "TopicView",
    "long_date",
    "report_view",
    "safe_url",
    "shared_wording",
]

NO_TOPIC = "no-topic"
"""Id of the section for rows that carry no topic (a claim the tagger could not place)."""

MIN_SHARED_WORDING = 0.25
"""Below this share of words in common, a link's word diff is not marked: when nearly every word differs (two
governments telling one point in their own words), colouring all of it says nothing and buries the rows whose
wording differs in a telling detail. The row says so instead ("little shared wording")."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


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


def _cells(comparison: Comparison, row: Row, labels: dict[str, str]) -> tuple[tuple[CellView, ...], bool]:
    keys = comparison.side_keys
    texts = {k: " ".join(c.text for c in row.claims[k]) for k in keys}
    pieces = {k: ((Piece(texts[k], False),) if texts[k] else ()) for k in keys}
    marks = dict.fromkeys(keys, "")
    present = [k for k in keys if row.claims[k]]
    little_shared = False
    if row.link is not None and row.link.diff and len(present) >= 2:
        first, second = present[0], present[1]
        split = _split_diff(row.link.diff, texts[first], texts[second])
        little_shared = split is not None and shared_wording(row.link.diff) < MIN_SHARED_WORDING
        if split is not None and not little_shared:
            pieces[first], pieces[second] = split
            marks[first], marks[second] = "del", "ins"
    cells = []
    for k in keys:
        speakers = tuple(dict.fromkeys(c.speaker for c in row.claims[k] if c.speaker))
        cells.append(CellView(k, labels[k], pieces[k], speakers, marks[k]))
    return tuple(cells), little_shared


def _conflicts(row: Row, labels: dict[str, str], keys: tuple[str, ...]) -> tuple[ConflictView, ...]:
    if row.link is None:
        return ()
    views = []
    for conflict in row.link.conflicts:
        ordered = [k for k in keys if k in conflict.values] + sorted(k for k in conflict.values if k not in keys)
        views.append(ConflictView(conflict.kind, tuple((labels.get(k, k), conflict.values[k]) for k in ordered)))
    return tuple(views)


def _row_view(comparison: Comparison, row: Row, section: str, labels: dict[str, str],
              topic_labels: dict[str, str], memo: dict[int, tuple]) -> RowView:
    """A row as shown in one topic's section; its cells and conflicts are the same in every section, so they are
    computed once per row (``memo``) however many topics the row carries."""
    if row.link is not None:
        ref, kind, score, only = row.link.id, "link", row.link.score, ""
    else:
        assert row.omission is not None
        ref, kind, score, only = row.omission.claim, "omission", None, labels[row.omission.side]
    if id(row) not in memo:
        memo[id(row)] = (*_cells(comparison, row, labels), _conflicts(row, labels, comparison.side_keys))
    cells, little_shared, conflicts = memo[id(row)]
    return RowView(
        anchor=f"{_slug(section)}-{_slug(ref)}",
        ref=ref,
        kind=kind,
        score=score,
        other_topics=tuple(topic_labels.get(t, t) for t in row.topics if t != section),
        cells=cells,
        conflicts=conflicts,
        only_side=only,
        little_shared=little_shared,
    )


def _conflict_sides(row: Row, keys: tuple[str, ...]) -> set[str]:
    """The sides a row's conflicts involve: those named in the values, else every side of the link."""
    sides: set[str] = set()
    if row.link is None:
        return sides
    for conflict in row.link.conflicts:
        sides.update(conflict.values or [k for k in keys if row.claims[k]])
    return sides


def report_view(comparison: Comparison, *, rows: bool = True) -> ReportView:
    """Everything the HTML and Markdown reports show, in the order they show it.

    ``rows=False`` leaves out the aligned rows (sections keep their coverage, with no rows): what the library
    index needs, at a fraction of the cost, when the pair's own file is JSON or CSV.
    """
    pair = comparison.pair
    keys = comparison.side_keys
    sides_by_key = {d.key: d.side for d in comparison.documents}
    labels = {k: sides_by_key[k].label for k in keys}
    topic_labels = {t.id: t.label for t in comparison.topics}
    all_rows = comparison.rows

    conflicted_links = [r for r in all_rows if r.has_conflict]
    side_views = []
    for document in comparison.documents:
        k = document.key
        side = document.side
        side_views.append(SideView(
            key=k, label=labels[k], publisher=side.publisher, title=side.title, url=side.url,
            safe_url=safe_url(side.url),
            claims=len(document.claims),
            linked=sum(len(r.claims[k]) for r in all_rows if r.link is not None),
            omitted=sum(1 for om in comparison.omissions if om.side == k),
            conflicts=sum(1 for r in conflicted_links if k in _conflict_sides(r, keys)),
        ))

    topics = []
    memo: dict[int, tuple] = {}
    for summary in comparison.topics:
        topic_rows = comparison.rows_for(summary.id)
        in_conflict: set[str] = set()
        for r in topic_rows:
            in_conflict |= _conflict_sides(r, keys)
        # A side is "in conflict" on a topic only where it mentions the topic: a link carries the topics of all
        # its claims, and a side whose own claim in it is about something else has not spoken on this topic.
        coverage = tuple(
            CoverageCell(k, summary.claims.get(k, 0),
                         "not mentioned" if not summary.claims.get(k, 0) else
                         "in conflict" if k in in_conflict else "mentioned")
            for k in keys
        )
        views = tuple(_row_view(comparison, r, summary.id, labels, topic_labels, memo) for r in topic_rows) \
            if rows else ()
        topics.append(TopicView(summary.id, summary.label, f"topic-{_slug(summary.id)}", coverage, summary.links,
                                views))
    untagged = tuple(r for r in all_rows if not r.topics)
    if untagged and rows:
        topics.append(TopicView(NO_TOPIC, "No topic", f"topic-{NO_TOPIC}", (), 0,
                                tuple(_row_view(comparison, r, NO_TOPIC, labels, topic_labels, memo) for r in untagged)))

    first_section = {}
    for topic in topics:
        for view in topic.rows:
            first_section.setdefault(view.ref, view)
    conflict_rows = tuple(first_section[r.link.id] for r in conflicted_links if r.link.id in first_section)

    date = pair.date
    return ReportView(
        pair_id=pair.id,
        event=pair.event,
        date_iso=date.isoformat() if isinstance(date, _dt.date) else str(date),
        date_long=long_date(date),
        sample=pair.sample,
        sides=tuple(side_views),
        links=len(comparison.links),
        omissions=len(comparison.omissions),
        conflicts=len(conflicted_links),
        topics=tuple(topics),
        conflict_rows=conflict_rows,
        engine_version=comparison.engine.version,
        similarity=str(comparison.engine.settings.get("similarity") or "lexical"),
    )
