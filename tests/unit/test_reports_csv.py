"""The CSV report: read back with the csv module as a spreadsheet would see it."""

from __future__ import annotations

import csv
import io

from comparisons.reports import render
from comparisons.reports.csv_report import BOM, columns
from reports_fixtures import HOSTILE, make_comparison


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM):], newline="")))


def test_one_row_per_link_or_omission_with_a_column_per_side():
    comparison = make_comparison(third_side=True)
    text = render(comparison, "csv")
    rows = read(text)
    assert list(rows[0]) == ["pair", "row", "kind", "claims", "topics", "north", "south", "press", "score",
                             "conflict_kinds", "conflict_values"]
    assert [(r["row"], r["kind"]) for r in rows] == [
        (r.link.id if r.link else r.omission.claim, "link" if r.link else "omission") for r in comparison.rows]
    assert len(rows) == len(comparison.links) + len(comparison.omissions)
    l1 = next(r for r in rows if r["row"] == "L1")
    assert l1["north"] == "The leaders agreed to meet in Geneva on March 3."
    assert l1["press"] == "The meeting will be in Geneva, the wire reported."
    assert l1["score"] == "0.81"
    assert l1["topics"] == "talks"
    assert l1["conflict_kinds"] == "place; date"
    assert l1["conflict_values"] == f"place: north=Geneva, south=Vienna {HOSTILE}; date: north=March 3, south=March 4"
    omission = next(r for r in rows if r["row"] == "north:2")
    assert omission["kind"] == "omission" and omission["south"] == "" and omission["score"] == ""
    assert omission["north"].startswith("They discussed <script>")


def test_utf8_with_bom_and_crlf_records():
    text = render(make_comparison(event="Call – Встреча"), "csv")
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n")[0].startswith("pair,row,kind")
    assert all(line.endswith("\r") or not line for line in text.split("\n"))


def test_formula_cells_are_neutralised():
    rows = read(render(make_comparison(), "csv"))
    formula = next(r for r in rows if r["row"] == "north:3")
    assert formula["north"].startswith("'=HYPERLINK(")
    cells = [v for r in rows for k, v in r.items() if k != "score"]
    assert not [v for v in cells if v[:1] in ("=", "+", "-", "@")]


def test_a_side_key_named_like_a_column_gets_its_own_column():
    assert columns(["score", "north"]) == ["pair", "row", "kind", "claims", "topics", "text:score", "north", "score",
                                           "conflict_kinds", "conflict_values"]
