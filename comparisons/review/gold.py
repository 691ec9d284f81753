"""The reviewed alignment written as gold: the annotation format of the evaluation corpus (``../shared/eval``).

- ``gold_text(comparison) -> str``: ``pair``, ``links`` and ``topics`` by sentence id (``white-house#3``), as the
  corpus's GUIDELINES.md describes: a link is a pair of sentences of two sides (``[a, b]``, or ``{a, b, conflict:
  true}`` when the link is in conflict), listed in the order of the first side's sentences; every sentence but the
  title gets its topics (``other`` when no claim over it has one).
- ``sentence_map(document) -> dict[claim_id, tuple[int, ...]]``: which sentences each claim covers.

A claim covers a sentence when their spans overlap by half of either (the corpus's scorer maps claims to sentences
the same way), so scoring this gold against the JSON export of the same comparison gives link F1 1.0. A link of
several claims stands for every pair of their sentences across sides; a pair with three sides or more gives pairs
for every two of them. Topics are the engine's: a review decides links, not topics.
"""

from __future__ import annotations

import json
import re
from typing import Mapping

from comparisons.model import Comparison
from comparisons.review.resolve import covering
from comparisons.review.sentences import sentences
from readouts.model import Claim, Document

__all__ = ["gold_text", "sentence_map"]

_PLAIN = re.compile(r"[a-z0-9][a-z0-9#._-]*")
"""A value YAML reads as the same text when written bare (ids and topic ids nearly always are)."""


def sentence_map(document: Document) -> dict[str, tuple[int, ...]]:
    spans = sentences(document.text)
    covered: dict[str, list[int]] = {c.id: [] for c in document.claims}
    for number, (start, end) in enumerate(spans):
        if number == 0:
            continue  # the title: never annotated
        for claim in covering(start, end, document.claims):
            covered[claim.id].append(number)
    return {cid: tuple(numbers) for cid, numbers in covered.items()}


def _scalar(value: str) -> str:
    return value if _PLAIN.fullmatch(value) and value not in ("true", "false", "null", "yes", "no") \
        else json.dumps(value, ensure_ascii=False)


def gold_text(comparison: Comparison) -> str:
    keys = comparison.side_keys
    rank = {key: i for i, key in enumerate(keys)}
    maps = {d.key: sentence_map(d) for d in comparison.documents}
    claims: Mapping[str, Claim] = {c.id: c for d in comparison.documents for c in d.claims}

    def sentence_ids(cids, side: str) -> list[int]:
        return sorted({n for cid in cids if claims[cid].side == side for n in maps[side][cid]})

    pairs: dict[tuple[str, int, str, int], bool] = {}
    for link in comparison.links:
        sides = sorted({claims[cid].side for cid in link.claims}, key=rank.__getitem__)
        for i, first in enumerate(sides):
            for second in sides[i + 1:]:
                for a in sentence_ids(link.claims, first):
                    for b in sentence_ids(link.claims, second):
                        key = (first, a, second, b)
                        pairs[key] = pairs.get(key, False) or bool(link.conflicts)
    ordered = sorted(pairs, key=lambda k: (rank[k[0]], k[1], rank[k[2]], k[3]))

    lines = [f"# gold written by dualread from the reviewed alignment of {comparison.pair.id}",
             f"# ({_reviewed(comparison)}); sentence ids as ../shared/eval/segment.py numbers them;",
             "# topics are the engine's.",
             f"pair: {_scalar(comparison.pair.id)}"]
    lines.append("links:" if ordered else "links: []")
    for first, a, second, b in ordered:
        left, right = _scalar(f"{first}#{a}"), _scalar(f"{second}#{b}")
        if pairs[(first, a, second, b)]:
            lines.append(f"  - {{a: {left}, b: {right}, conflict: true}}")
        else:
            lines.append(f"  - [{left}, {right}]")
    topic_lines = []
    for document in comparison.documents:
        spans = sentences(document.text)
        by_sentence: dict[int, list[str]] = {}
        for cid, numbers in maps[document.key].items():
            for n in numbers:
                by_sentence.setdefault(n, []).extend(comparison.topics_of(cid))
        for n in range(1, len(spans)):
            topics = list(dict.fromkeys(by_sentence.get(n, []))) or ["other"]
            topic_lines.append(f"  {_scalar(f'{document.key}#{n}')}: [{', '.join(_scalar(t) for t in topics)}]")
    lines.append("topics:" if topic_lines else "topics: {}")
    lines.extend(topic_lines)
    return "\n".join(lines) + "\n"


def _reviewed(comparison: Comparison) -> str:
    summary = comparison.review
    rows = len(comparison.rows)
    if summary is None:
        return f"no review yet: all {rows} rows as the engine aligned them"
    done = rows - summary.to_review
    return f"{done} of {rows} rows reviewed"
