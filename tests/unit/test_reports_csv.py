"""The CSV exports: read back with the csv module as a spreadsheet or pandas would, against the columns docs/csv.md
documents."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

from comparisons.model import Conflict
from comparisons.reports import render
from comparisons.reports.csv_report import BOM, CLAIM_COLUMNS, COVERAGE_COLUMNS, coverage_rows, render_rows
from comparisons.reports.view import report_view
from reports_fixtures import HOSTILE, make_comparison

DOCS = Path(__file__).resolve().parents[2] / "docs" / "csv.md"


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM):], newline="")))


def documented(heading: str) -> list[str]:
    """The column names in the table under ``heading`` in docs/csv.md, in their order."""
    section = DOCS.read_text(encoding="utf-8").split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)


def test_the_columns_are_the_documented_ones():
    assert documented("Claims") == list(CLAIM_COLUMNS)
    assert documented("Topic coverage") == list(COVERAGE_COLUMNS)


def test_one_row_per_claim_round_trips_through_the_csv_module():
    comparison = make_comparison(third_side=True)
    rows = read(render(comparison, "csv"))
    assert list(rows[0]) == documented("Claims")
    claims = [c for d in comparison.documents for c in d.claims]
    assert [r["claim"] for r in rows] == [c.id for c in claims]
    for row, claim in zip(rows, claims):
        text = row["text"][1:] if row["text"].startswith("'") else row["text"]
        assert text == claim.text
        side_text = next(d.text for d in comparison.documents if d.key == claim.side)
        assert side_text[int(row["start"]):int(row["end"])] == claim.text
        assert row["pair"] == comparison.pair.id and row["date"] == "2030-01-02"
    north0 = rows[0]
    assert (north0["side"], north0["publisher"], north0["speaker"]) == ("north", "North Office | <i>Press</i>",
                                                                       "Leader A")
    assert (north0["status"], north0["link"], north0["score"]) == ("conflict", "L1", "0.81")
    assert north0["partners"] == "south:0; press:0"
    assert north0["topics"] == "talks"


def test_conflict_values_have_columns_of_their_own():
    rows = {r["claim"]: r for r in read(render(make_comparison(third_side=True), "csv"))}
    assert rows["north:0"]["conflict_kinds"] == "place; date"
    assert (rows["north:0"]["conflict_place"], rows["north:0"]["conflict_date"]) == ("Geneva", "March 3")
    assert (rows["south:0"]["conflict_place"], rows["south:0"]["conflict_date"]) == (f"Vienna {HOSTILE}", "March 4")
    # The press summary is in the link but states no value: no conflict kind, empty cells.
    assert rows["press:0"]["status"] == "conflict" and rows["press:0"]["conflict_kinds"] == ""
    assert rows["press:0"]["conflict_place"] == ""
    assert rows["north:1"]["status"] == "linked" and rows["north:1"]["conflict_kinds"] == ""
    omission = rows["north:2"]
    assert (omission["status"], omission["link"], omission["partners"], omission["score"]) == ("omission", "", "", "")


def test_a_value_with_commas_stays_one_cell_and_an_unknown_kind_goes_to_other():
    comparison = make_comparison()
    link = replace(comparison.links[0], conflicts=(
        Conflict("date", {"north": "January 10, January 12", "south": "January 9–10, January 12"}),
        Conflict("tone", {"north": "warm", "south": "frank"})))
    rows = {r["claim"]: r for r in read(render(replace(comparison, links=(link, comparison.links[1])), "csv"))}
    assert rows["north:0"]["conflict_date"] == "January 10, January 12"
    assert rows["south:0"]["conflict_other"] == "tone: frank"
    assert rows["south:0"]["conflict_kinds"] == "date; tone"


def test_utf8_with_bom_and_crlf_records():
    text = render(make_comparison(event="Call – Встреча"), "csv")
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n")[0].startswith("pair,date,event,side")
    assert all(line.endswith("\r") or not line for line in text.split("\n"))
    assert read(text)[0]["event"] == "Call – Встреча"


def test_formula_cells_are_guarded_with_an_apostrophe_and_numbers_are_not():
    rows = read(render(make_comparison(), "csv"))
    formula = next(r for r in rows if r["claim"] == "north:3")
    assert formula["text"].startswith("'=HYPERLINK(")
    numeric = {"start", "end", "score"}
    cells = [v for r in rows for k, v in r.items() if k not in numeric]
    assert not [v for v in cells if v[:1] in ("=", "+", "-", "@")]
    assert all(re.fullmatch(r"\d+", r["start"]) for r in rows)


def test_topic_coverage_rows_per_topic_and_side():
    view = report_view(make_comparison(), detail=False)
    rows = read(render_rows(coverage_rows(view), COVERAGE_COLUMNS))
    assert list(rows[0]) == documented("Topic coverage")
    talks = {r["side"]: r for r in rows if r["topic"] == "talks"}
    assert (talks["north"]["claims"], talks["north"]["mentioned"], talks["north"]["conflict_links"]) == ("2", "yes",
                                                                                                         "L1")
    sanctions = {r["side"]: r for r in rows if r["topic"] == "sanctions"}
    assert sanctions["south"]["topic_label"] == "Sanctions <u>&</u>"
    assert len(rows) == 3 * 2


def test_the_score_reads_as_a_number():
    rows = read(render(make_comparison(), "csv"))
    assert sorted({float(r["score"]) for r in rows if r["score"]}) == [0.42, 0.81]
