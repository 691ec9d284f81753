"""The CSV exports, in long ("tidy") form for spreadsheets, pandas and R (documented in docs/csv.md).

- ``claim_rows(view) -> list[dict]``: one row per claim (``CLAIM_COLUMNS``): the pair, the side, the claim with
  its offsets and speaker, its status (``linked``, ``conflict``, ``omission``), its link and partners, the link's
  score, and this side's value for each conflict kind in a column of its own (``conflict_date``, ...).
- ``coverage_rows(view) -> list[dict]``: one row per pair, topic and side (``COVERAGE_COLUMNS``).
- ``render_csv(comparison) -> str``: a pair's claims; ``render_rows(rows, columns) -> str``: any rows' file text.
- ``BOM``: the byte order mark every file starts with.

Both read the same ``ReportView`` as every other format, so a status or a count is the same everywhere.

Decisions a spreadsheet user notices:
- UTF-8 **with a byte order mark**: Excel opens a BOM-less CSV in the machine's legacy code page, turning
  "Biden–Putin" or Cyrillic into mojibake; with the BOM Excel, LibreOffice, Numbers, Google Sheets and Python's
  ``utf-8-sig`` all read it as UTF-8. The cost, a BOM in front of the first header for tools that ignore it,
  is smaller.
- RFC 4180 line ends (``\\r\\n``) and minimal quoting, from the ``csv`` module; a claim's own line breaks stay
  inside its quoted cell.
- A cell holds one value; lists (topics, partners, conflict kinds) are joined by ``"; "``, and each conflict kind
  has its own column, so no cell packs "kind: side=value, ..." for a reader to take apart.
- Formula injection: a cell of readout text or metadata that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it.
  Numbers we write ourselves (offsets, counts, the score) are left as numbers.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping, Sequence

from comparisons.conflicts.detect import KINDS
from comparisons.model import Comparison
from comparisons.reports.view_values import ReportView

__all__ = ["BOM", "CLAIM_COLUMNS", "COVERAGE_COLUMNS", "NUMERIC", "claim_rows", "coverage_rows", "render_csv",
           "render_rows"]

BOM = "\ufeff"
CONFLICT_COLUMNS = tuple(f"conflict_{kind}" for kind in KINDS)
CLAIM_COLUMNS = ("pair", "date", "event", "side", "publisher", "claim", "start", "end", "speaker", "text", "topics",
                 "status", "link", "partners", "score", "review", "review_conflict", "review_note", "conflict_kinds",
                 *CONFLICT_COLUMNS, "conflict_other")
COVERAGE_COLUMNS = ("pair", "date", "event", "topic", "topic_label", "side", "publisher", "claims", "mentioned",
                    "links", "conflict_links")
NUMERIC = frozenset({"start", "end", "score", "claims", "links"})
"""Columns we fill with our own numbers: never guarded, so a spreadsheet reads them as numbers."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEP = "; "


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def claim_rows(view: ReportView) -> list[dict[str, str]]:
    """Every claim of the pair, side after side, each side in reading order (``view`` needs its full texts)."""
    publishers = {s.key: s.publisher for s in view.sides}
    rows = []
    for claim in view.claims:
        conflicts = dict(claim.conflicts)
        other = [(kind, value) for kind, value in claim.conflicts if kind not in KINDS]
        row = {
            "pair": view.pair_id, "date": view.date_iso, "event": view.event,
            "side": claim.side, "publisher": publishers.get(claim.side, ""),
            "claim": claim.id, "start": str(claim.start), "end": str(claim.end), "speaker": claim.speaker,
            "text": claim.text, "topics": _SEP.join(claim.topics), "status": claim.status, "link": claim.link,
            "partners": _SEP.join(claim.partners),
            "score": "" if claim.score is None else f"{claim.score:.4f}".rstrip("0").rstrip("."),
            "review": claim.review, "review_conflict": claim.review_conflict, "review_note": claim.review_note,
            "conflict_kinds": _SEP.join(dict.fromkeys(kind for kind, _ in claim.conflicts)),
            "conflict_other": _SEP.join(f"{kind}: {value}" for kind, value in other),
        }
        for kind in KINDS:
            row[f"conflict_{kind}"] = conflicts.get(kind, "")
        rows.append(row)
    return rows


def coverage_rows(view: ReportView) -> list[dict[str, str]]:
    """Per topic the pair's claims carry, per side: how many claims, and the links in conflict on it."""
    rows = []
    for topic in view.topics:
        for side, cell in zip(view.sides, topic.coverage, strict=False):
            rows.append({
                "pair": view.pair_id, "date": view.date_iso, "event": view.event, "topic": topic.id,
                "topic_label": topic.label, "side": side.key, "publisher": side.publisher,
                "claims": str(cell.count), "mentioned": "yes" if cell.count else "no", "links": str(topic.links),
                "conflict_links": _SEP.join(cell.conflicts),
            })
    return rows


def render_rows(rows: Iterable[Mapping[str, str]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), restval="", extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (v if k in NUMERIC else _guard(v)) for k, v in row.items()})
    return BOM + buffer.getvalue()


def render_csv(comparison: Comparison) -> str:
    from comparisons.reports.view import report_view

    return render_rows(claim_rows(report_view(comparison, detail=False, texts=True)), CLAIM_COLUMNS)
