"""The index of a whole-library export: every pair's report, and the library-wide topic coverage matrix.

- ``PairDigest`` / ``digest(view, file)``: what the index keeps of one comparison (a few numbers and the
  coverage per topic and side), so an export of many pairs never holds more than one comparison at a time.
- ``TopicCoverage``: one matrix cell: a pair's claim counts per side for one topic, and whether any is in conflict.
- ``render_index(digests, failed, fmt, *, topic_order=()) -> str`` for ``html``, ``md`` and ``json``.

The matrix is pairs x topics; each cell gives, in the order of the pair's sides, how many claims each side has on
the topic ("2 / –": only the first side mentions it), shaded by whether every side, some sides or none mention
it, and flagged when a link on that topic is in conflict: the view an analyst scans for who talks about what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping, Sequence

from comparisons.reports.html import html_environment, stylesheet
from comparisons.reports.markdown import markdown_environment
from comparisons.reports.view_values import ReportView

__all__ = ["INDEX_SCHEMA", "PairDigest", "TopicCoverage", "digest", "render_index"]

INDEX_SCHEMA = "dualread/index@1"


@dataclass(frozen=True)
class TopicCoverage:
    counts: tuple[int, ...]
    """Claims on the topic per side, in the pair's side order."""
    conflict: bool
    titles: tuple[str, ...]
    """Per side: "White House: 2 claims" / "Kremlin: not mentioned", for tooltips and the JSON index."""

    @property
    def presence(self) -> str:
        present = sum(1 for n in self.counts if n)
        return "none" if present == 0 else "both" if present == len(self.counts) else "one"

    @property
    def text(self) -> str:
        cell = " / ".join(str(n) if n else "–" for n in self.counts)
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
    """The pair's report, relative to the index; empty when all pairs share one file (CSV)."""
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
            conflict=any(c.state == "in conflict" for c in topic.coverage),
            titles=tuple(f"{s.label}: " + (f"{c.count} claim{'s' if c.count != 1 else ''}" if c.count
                                           else "not mentioned") + (", in conflict" if c.state == "in conflict"
                                                                    else "")
                         for s, c in zip(view.sides, topic.coverage)),
        )
    return PairDigest(
        id=view.pair_id, event=view.event, date=view.date_iso, sample=view.sample,
        sides=tuple((s.key, s.label) for s in view.sides), file=file,
        links=view.links, omissions=view.omissions, conflicts=view.conflicts,
        topics=topics, topic_labels={t.id: t.label for t in view.topics if t.coverage},
    )


def _topic_columns(digests: Sequence[PairDigest], order: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Every topic some pair mentions: in the taxonomy's ``order``, then any others in the order pairs list them."""
    seen: dict[str, str] = {}
    for d in digests:
        for topic_id in d.topics:
            seen.setdefault(topic_id, d.topic_labels.get(topic_id, topic_id))
    rank = {topic_id: i for i, topic_id in enumerate(order)}
    first = {topic_id: i for i, topic_id in enumerate(seen)}
    return sorted(seen.items(), key=lambda item: (rank.get(item[0], len(rank)), first[item[0]]))


def _json_index(digests: Sequence[PairDigest], failed: Sequence[tuple[str, str]], order: Sequence[str]) -> str:
    data = {
        "schema": INDEX_SCHEMA,
        "topics": [{"id": t, "label": label} for t, label in _topic_columns(digests, order)],
        "pairs": [
            {
                "id": d.id, "event": d.event, "date": d.date, "sample": d.sample,
                "sides": [key for key, _ in d.sides], "file": d.file,
                "links": d.links, "omissions": d.omissions, "conflicts": d.conflicts,
                "topics": {
                    t: {"claims": dict(zip((k for k, _ in d.sides), cov.counts)), "conflict": cov.conflict}
                    for t, cov in d.topics.items()
                },
            }
            for d in digests
        ],
        "failed": [{"id": pair_id, "problem": problem} for pair_id, problem in failed],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_index(digests: Sequence[PairDigest], failed: Sequence[tuple[str, str]], fmt: str, *,
                 topic_order: Sequence[str] = ()) -> str:
    """The index in ``fmt``; matrix columns follow ``topic_order`` (the taxonomy's ids) where it names them."""
    if fmt == "json":
        return _json_index(digests, failed, topic_order)
    context = {"pairs": list(digests), "failed": list(failed), "topics": _topic_columns(digests, topic_order)}
    if fmt == "html":
        return html_environment().get_template("index.html.j2").render(css=stylesheet(), **context)
    if fmt == "md":
        return markdown_environment().get_template("index.md.j2").render(**context)
    raise ValueError(f"no index for format {fmt!r}")
