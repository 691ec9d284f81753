"""The index of a whole-library export: every pair's report, and the library-wide topic coverage as a heat map.

- ``PairDigest`` / ``digest(view, file)``: what the index keeps of one comparison (a few numbers and the
  coverage per topic and side), so an export of many pairs never holds more than one comparison at a time.
- ``TopicCoverage``: one matrix cell: a pair's claim counts per side for one topic, and whether any is in conflict.
- ``LibraryIndex`` / ``library_index(digests, failed, topic_order)``: the matrix (pairs x topics) with its heat
  levels, the totals per topic and per publisher, and the topic columns cut into print-wide groups.
- ``render_index(digests, failed, fmt, *, topic_order=(), stamp=None) -> str`` for ``html``, ``md`` and ``json``
  (``dualread/index@1``, defined by docs/index.schema.json).

Each matrix cell gives, in the order of the pair's sides, how many claims each side has on the topic ("2/–": only
the first side mentions it), is shaded by the claims on it like a heat map, and is flagged when a link on that topic
is in conflict: the view an analyst scans for who talks about what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping, Sequence

from comparisons.reports.html import html_environment, stylesheet
from comparisons.reports.markdown import markdown_environment
from comparisons.reports.view_values import ReportView, Stamp

__all__ = ["INDEX_SCHEMA", "PRINT_COLUMNS", "LibraryIndex", "PairDigest", "TopicCoverage", "digest", "library_index",
           "render_index"]

INDEX_SCHEMA = "dualread/index@1"
PRINT_COLUMNS = 8
"""Topic columns per printed table: the matrix is split so that every topic fits the width of a portrait page."""
HEAT_LEVELS = 4


@dataclass(frozen=True)
class TopicCoverage:
    counts: tuple[int, ...]
    """Claims on the topic per side, in the pair's side order."""
    conflict: bool
    titles: tuple[str, ...]
    """Per side: "White House: 2 claims" / "Kremlin: not mentioned", for tooltips and screen readers."""

    @property
    def presence(self) -> str:
        present = sum(1 for n in self.counts if n)
        return "none" if present == 0 else "both" if present == len(self.counts) else "one"

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def text(self) -> str:
        """"2/1", "2/–" (only the first side), "·" (no side), " !" after a cell with a link in conflict."""
        if not self.total:
            return "·"
        cell = "/".join(str(n) if n else "–" for n in self.counts)
        return cell + (" !" if self.conflict else "")


@dataclass(frozen=True)
class PairDigest:
    id: str
    event: str
    date: str
    sample: bool
    sides: tuple[tuple[str, str], ...]
    """(key, label) per side."""
    file: str
    """The pair's report, relative to the index."""
    links: int
    omissions: int
    conflicts: int
    topics: Mapping[str, TopicCoverage]
    topic_labels: Mapping[str, str]

    def cell(self, topic_id: str) -> TopicCoverage:
        return self.topics.get(topic_id) or TopicCoverage(tuple(0 for _ in self.sides), False,
                                                           tuple(f"{label}: not mentioned" for _, label in self.sides))


def digest(view: ReportView, file: str) -> PairDigest:
    """From the same ``ReportView`` the pair's own report is rendered from, so the index and report agree."""
    topics = {}
    for topic in view.topics:
        if not topic.coverage:
            continue
        topics[topic.id] = TopicCoverage(
            counts=tuple(c.count for c in topic.coverage),
            conflict=any(c.in_conflict for c in topic.coverage),
            titles=tuple(f"{s.label}: " + (f"{c.count} claim{'s' if c.count != 1 else ''}" if c.count
                                           else "not mentioned") + (", in conflict" if c.in_conflict else "")
                         for s, c in zip(view.sides, topic.coverage, strict=False)),
        )
    return PairDigest(
        id=view.pair_id, event=view.event, date=view.date_iso, sample=view.sample,
        sides=tuple((s.key, s.label) for s in view.sides), file=file,
        links=view.links, omissions=view.omissions, conflicts=view.conflicts,
        topics=topics, topic_labels={t.id: t.label for t in view.topics if t.coverage},
    )


@dataclass(frozen=True)
class PublisherTotal:
    label: str
    pairs: int
    claims: Mapping[str, int]
    """Claims per topic id over every pair the publisher is a side of."""


@dataclass(frozen=True)
class LibraryIndex:
    pairs: tuple[PairDigest, ...]
    failed: tuple[tuple[str, str], ...]
    topics: tuple[tuple[str, str], ...]
    """(id, label) of every topic some pair mentions, in the taxonomy's order."""
    topic_claims: Mapping[str, int]
    topic_pairs: Mapping[str, int]
    publishers: tuple[PublisherTotal, ...]
    max_cell: int
    max_publisher: int

    def heat(self, total: int, top: int | None = None) -> int:
        """0 for nothing, then 1..HEAT_LEVELS by share of the largest value in the table (which gets the darkest)."""
        top = self.max_cell if top is None else top
        if total <= 0:
            return 0
        return min(HEAT_LEVELS, -(-HEAT_LEVELS * total // max(top, 1)))

    @property
    def print_groups(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        return tuple(self.topics[i:i + PRINT_COLUMNS] for i in range(0, len(self.topics), PRINT_COLUMNS))


def _topic_columns(digests: Sequence[PairDigest], order: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Every topic some pair mentions: in the taxonomy's ``order``, then any others in the order pairs list them."""
    seen: dict[str, str] = {}
    for d in digests:
        for topic_id in d.topics:
            seen.setdefault(topic_id, d.topic_labels.get(topic_id, topic_id))
    rank = {topic_id: i for i, topic_id in enumerate(order)}
    first = {topic_id: i for i, topic_id in enumerate(seen)}
    return sorted(seen.items(), key=lambda item: (rank.get(item[0], len(rank)), first[item[0]]))


def library_index(digests: Sequence[PairDigest], failed: Sequence[tuple[str, str]],
                  topic_order: Sequence[str] = ()) -> LibraryIndex:
    topics = tuple(_topic_columns(digests, topic_order))
    claims = {t: sum(d.cell(t).total for d in digests) for t, _ in topics}
    pairs = {t: sum(1 for d in digests if d.cell(t).total) for t, _ in topics}
    publishers: dict[str, tuple[set[str], dict[str, int]]] = {}
    for d in digests:
        for index, (_key, label) in enumerate(d.sides):
            seen, counts = publishers.setdefault(label, (set(), {t: 0 for t, _ in topics}))
            seen.add(d.id)
            for t, _ in topics:
                counts[t] += d.cell(t).counts[index]
    totals = tuple(PublisherTotal(label, len(seen), counts)
                   for label, (seen, counts) in sorted(publishers.items(), key=lambda p: (-len(p[1][0]), p[0])))
    return LibraryIndex(
        pairs=tuple(digests), failed=tuple(failed), topics=topics, topic_claims=claims, topic_pairs=pairs,
        publishers=totals,
        max_cell=max((d.cell(t).total for d in digests for t, _ in topics), default=0),
        max_publisher=max((n for p in totals for n in p.claims.values()), default=0),
    )


def _json_index(index: LibraryIndex, stamp: Stamp | None) -> str:
    data = {
        "schema": INDEX_SCHEMA,
        "generator": {"dualread": stamp.dualread if stamp else "", "engine": stamp.engine if stamp else ""},
        "topics": [{"id": t, "label": label, "claims": index.topic_claims[t], "pairs": index.topic_pairs[t]}
                   for t, label in index.topics],
        "pairs": [
            {
                "id": d.id, "event": d.event, "date": d.date, "sample": d.sample,
                "sides": [key for key, _ in d.sides], "publishers": [label for _, label in d.sides], "file": d.file,
                "links": d.links, "omissions": d.omissions, "conflicts": d.conflicts,
                "topics": {
                    t: {"claims": dict(zip((k for k, _ in d.sides), cov.counts, strict=False)), "conflict": cov.conflict}
                    for t, cov in d.topics.items()
                },
            }
            for d in index.pairs
        ],
        "publishers": [{"publisher": p.label, "pairs": p.pairs, "claims": dict(p.claims)} for p in index.publishers],
        "failed": [{"id": pair_id, "problem": problem} for pair_id, problem in index.failed],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_index(digests: Sequence[PairDigest], failed: Sequence[tuple[str, str]], fmt: str, *,
                 topic_order: Sequence[str] = (), stamp: Stamp | None = None) -> str:
    """The index in ``fmt``; matrix columns follow ``topic_order`` (the taxonomy's ids) where it names them."""
    index = library_index(digests, failed, topic_order)
    if fmt == "json":
        return _json_index(index, stamp)
    if fmt == "html":
        return html_environment().get_template("index.html.j2").render(css=stylesheet(), x=index, stamp=stamp)
    if fmt == "md":
        return markdown_environment().get_template("index.md.j2").render(x=index, stamp=stamp)
    raise ValueError(f"no index for format {fmt!r}")
