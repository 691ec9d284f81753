"""The CSV report: one row per link or omission, for spreadsheets and scripts.

- ``csv_rows(comparison) -> list[dict]``: the rows of one comparison, keyed by column name.
- ``columns(side_keys) -> list[str]``: the header: fixed columns, one text column per side key, then the rest;
  ``side_column(key)`` names a side's column.
- ``render_csv(comparison) -> str`` and ``render_csv_rows(rows, side_keys) -> str``: the file's text.
- ``BOM``: the byte order mark every file starts with.

Decisions a spreadsheet user notices:
- UTF-8 **with a byte order mark**: Excel opens a BOM-less CSV in the machine's legacy code page, turning
  "Biden–Putin" or Cyrillic into mojibake; with the BOM Excel, LibreOffice, Numbers, Google Sheets and Python's
  ``utf-8-sig`` all read it as UTF-8. The cost, a BOM in front of the first header for tools that ignore it,
  is smaller.
- RFC 4180 line ends (``\\r\\n``) and minimal quoting, from the ``csv`` module; a claim's own line breaks stay
  inside its quoted cell.
- Formula injection: a cell of readout text or metadata that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it.
  Numbers we write ourselves (the score) are left as numbers.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping, Sequence

from comparisons.model import Comparison, Row

__all__ = ["BOM", "columns", "csv_rows", "render_csv", "render_csv_rows", "side_column"]

BOM = "\ufeff"
FIRST = ("pair", "row", "kind", "claims", "topics")
LAST = ("score", "conflict_kinds", "conflict_values")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def side_column(key: str) -> str:
    """A side's text column is named by its key; a key that equals a fixed column ("score") gets a prefix."""
    return f"text:{key}" if key in FIRST or key in LAST else key


def columns(side_keys: Sequence[str]) -> list[str]:
    return [*FIRST, *(side_column(k) for k in side_keys), *LAST]


def _row(comparison: Comparison, row: Row) -> dict[str, str]:
    link = row.link
    out = {
        "pair": comparison.pair.id,
        "row": link.id if link else row.omission.claim,  # type: ignore[union-attr]
        "kind": "link" if link else "omission",
        "claims": " ".join(c.id for k in comparison.side_keys for c in row.claims[k]),
        "topics": "; ".join(row.topics),
        "score": str(round(link.score, 4)) if link else "",
        "conflict_kinds": "; ".join(dict.fromkeys(c.kind for c in link.conflicts)) if link else "",
        "conflict_values": "; ".join(
            f"{c.kind}: " + ", ".join(f"{side}={value}" for side, value in c.values.items())
            for c in link.conflicts
        ) if link else "",
    }
    for key in comparison.side_keys:
        # A side with several claims in one link: joined by a space, as the word diff joins them.
        out[side_column(key)] = " ".join(c.text for c in row.claims[key])
    return out


def csv_rows(comparison: Comparison) -> list[dict[str, str]]:
    """Links and omissions in reading order (``Comparison.rows``), each once."""
    return [_row(comparison, row) for row in comparison.rows]


def render_csv_rows(rows: Iterable[Mapping[str, str]], side_keys: Sequence[str]) -> str:
    """Rows from one or many comparisons under one header; a side a pair lacks is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(side_keys), restval="", extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (v if k == "score" else _guard(v)) for k, v in row.items()})
    return BOM + buffer.getvalue()


def render_csv(comparison: Comparison) -> str:
    return render_csv_rows(csv_rows(comparison), comparison.side_keys)
