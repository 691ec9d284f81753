"""``export_all``: every pair of a real library folder into one report each plus an index; broken pairs reported.

The engine is replaced by hand-built comparisons (one per pair, named after it) so that these tests check the
export, not alignment quality; one pair makes the engine fail, one folder is broken on disk.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import lxml.html
import pytest

import comparisons.cache
from comparisons.errors import ComparisonError
from comparisons.options import CompareOptions
from comparisons.reports import COVERAGE_CSV, INDEX_NAMES, export_all, render, report_file_name
from comparisons.reports.html import render_html
from comparisons.reports.library_index import digest, render_index
from comparisons.reports.markdown import render_markdown
from comparisons.reports.view import report_view
from readouts.errors import DualreadError
from readouts.library import Library
from reports_fixtures import HOSTILE, make_comparison

GOOD = ("2030-01-05-good-call", "index")
INDEX_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "index.schema.json"


def _write_pair(root: Path, pair_id: str, event: str) -> None:
    folder = root / pair_id
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(
        f"id: {pair_id}\nevent: '{event}'\ndate: 2030-01-05\nsides:\n"
        "  - {key: north, publisher: North, file: north.txt}\n  - {key: south, publisher: South, file: south.txt}\n",
        encoding="utf-8")
    (folder / "north.txt").write_text("North title\n\nThe leaders spoke.\n", encoding="utf-8")
    (folder / "south.txt").write_text("South title\n\nThe leaders talked.\n", encoding="utf-8")


@pytest.fixture()
def library(tmp_path, monkeypatch) -> Library:
    root = tmp_path / "lib"
    _write_pair(root, GOOD[0], "A good call")
    _write_pair(root, GOOD[1], "A pair called index")
    _write_pair(root, "2030-01-06-engine-trouble", "The engine fails here")
    broken = root / "2030-01-07-broken"
    broken.mkdir()
    (broken / "pair.yaml").write_text("id: [unclosed\n", encoding="utf-8")

    def fake_compare(pair, options, cache_dir):
        if pair.id == "2030-01-06-engine-trouble":
            raise ComparisonError("the scorer is not available", field="--similarity", value="semantic")
        if pair.sample:
            raise RuntimeError("samples are not compared in this test")
        return make_comparison(pair_id=pair.id, event=f"{pair.event} {HOSTILE}")

    monkeypatch.setattr(comparisons.cache, "cached_compare", fake_compare)
    return Library(root)


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_one_report_per_pair_plus_index_and_failures_named(library, tmp_path, fmt):
    out = tmp_path / "out" / "nested"
    calls = []
    summary = export_all(library, CompareOptions(), fmt, out, progress=lambda *a: calls.append(a))

    assert sorted(p.name for p in summary.written) == sorted(report_file_name(i, fmt) for i in GOOD)
    assert "index_pair." + fmt in {p.name for p in summary.written}  # the pair called "index" keeps its report
    assert summary.index == out / INDEX_NAMES[fmt] and summary.index.is_file()
    assert summary.exported == 2
    failed = dict(summary.failed)
    assert "the scorer is not available" in failed["2030-01-06-engine-trouble"]
    assert "2030-01-07-broken" in failed
    assert all("\n" not in problem for problem in failed.values())
    samples = Library.sample_ids()
    assert all("internal error (RuntimeError" in failed[s] for s in samples)
    total = 4 + len(samples)
    assert [c[:2] for c in calls] == [(n, total) for n in range(1, total + 1)]
    assert sorted(c[2] for c in calls) == sorted([*GOOD, "2030-01-06-engine-trouble", "2030-01-07-broken",
                                                  *samples])
    assert sorted(p.name for p in out.iterdir()) == sorted([*(p.name for p in summary.written), summary.index.name])


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_each_report_is_the_single_pair_render_linking_back_to_the_index(library, tmp_path, fmt):
    summary = export_all(library, CompareOptions(), fmt, tmp_path / "o")
    good = tmp_path / "o" / report_file_name(GOOD[0], fmt)
    comparison = make_comparison(pair_id=GOOD[0], event=f"A good call {HOSTILE}")
    render_page = render_html if fmt == "html" else render_markdown
    assert good in summary.written
    assert good.read_text(encoding="utf-8") == render_page(comparison, index_href=INDEX_NAMES[fmt])
    assert INDEX_NAMES[fmt] not in render(comparison, fmt), "a report on its own links to no index"


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_page_and_the_index_have_the_dated_versioned_footer(library, tmp_path, fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    summary = export_all(library, CompareOptions(), fmt, tmp_path / "o")
    for path in [*summary.written, summary.index]:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"Exported 2026-01-01 by dualread \S+, engine \S+", text), path.name


def test_html_index_links_reports_and_shows_the_coverage_matrix(library, tmp_path):
    summary = export_all(library, CompareOptions(), "html", tmp_path / "o")
    doc = lxml.html.document_fromstring(summary.index.read_text(encoding="utf-8"))
    assert not doc.xpath("//script | //img")
    pair_links = doc.xpath("//table[@class='pairs']//a/@href")
    assert sorted(pair_links) == sorted(report_file_name(i, "html") for i in GOOD)
    assert all((tmp_path / "o" / href).is_file() for href in pair_links)
    matrix = doc.xpath("//table[contains(@class,'matrix-screen')]")[0]
    header = [" ".join(th.text_content().split()) for th in matrix.xpath(".//thead//th")]
    assert header == ["Pair", "Sanctions <u>&</u>", "De-escalation", "Talks"]
    row = matrix.xpath("./tbody/tr")[0]
    cells = row.xpath("td")
    assert [c.text_content() for c in cells] == ["1/1", "1/1", "2/1 !"]
    assert "conflicted" in cells[2].get("class")
    assert HOSTILE in row.xpath("th")[0].text_content()
    # Row labels lead to the pair's page; the cell with the most claims is the darkest.
    assert row.xpath("th/a/@href") == [report_file_name(GOOD[0], "html")]
    assert [c.get("class").split()[0] for c in cells] == ["heat-3", "heat-3", "heat-4"]
    assert [" ".join(td.text_content().split()) for td in matrix.xpath("./tfoot/tr[1]/td")] == ["4", "4", "6"]
    assert [" ".join(td.text_content().split()) for td in matrix.xpath("./tfoot/tr[2]/td")] == ["2", "2", "2"]
    failed = [" ".join(li.text_content().split()) for li in doc.xpath("//section[@id='pairs']//ul/li")]
    assert any(f.startswith("2030-01-07-broken:") for f in failed)


def test_markdown_index_tables(library, tmp_path):
    summary = export_all(library, CompareOptions(), "md", tmp_path / "o")
    text = summary.index.read_text(encoding="utf-8")
    assert "[A good call \\<script\\>" in text and f"(<{report_file_name(GOOD[0], 'md')}>)" in text
    assert "| Pair | Sanctions \\<u\\>&\\</u\\> | De-escalation | Talks |" in text
    assert f"| [{GOOD[0]}](<{report_file_name(GOOD[0], 'md')}>) | 1/1 | 1/1 | 2/1 ! |" in text
    assert "| **Claims, all pairs** | 4 | 4 | 6 |" in text
    assert "| North Office \\| \\<i\\>Press\\</i\\> | 2 | 2 | 2 | 4 |" in text
    assert "- **2030-01-07-broken**:" in text


def test_json_index(library, tmp_path):
    summary = export_all(library, CompareOptions(), "json", tmp_path / "o")
    index = json.loads(summary.index.read_text(encoding="utf-8"))
    jsonschema.validate(index, json.loads(INDEX_SCHEMA.read_text(encoding="utf-8")))
    assert index["schema"] == "dualread/index@1"
    assert index["generator"]["engine"] == "test"
    assert index["topics"][2] == {"id": "talks", "label": "Talks", "claims": 6, "pairs": 2}
    assert index["publishers"][0] == {"publisher": "North Office | <i>Press</i>", "pairs": 2,
                                      "claims": {"sanctions": 2, "de-escalation": 2, "talks": 4}}
    assert [p["file"] for p in index["pairs"]] == [report_file_name(i, "json") for i in sorted(GOOD)]
    first = index["pairs"][0]
    assert first["topics"]["talks"] == {"claims": {"north": 2, "south": 1}, "conflict": True}
    assert {f["id"] for f in index["failed"]} >= {"2030-01-06-engine-trouble", "2030-01-07-broken"}
    for p in index["pairs"]:
        assert json.loads((tmp_path / "o" / p["file"]).read_text(encoding="utf-8"))["pair"]["id"] == p["id"]


def test_csv_writes_a_file_per_pair_the_combined_claims_and_the_topic_coverage(library, tmp_path):
    summary = export_all(library, CompareOptions(), "csv", tmp_path / "o")
    names = sorted(p.name for p in summary.written)
    assert names == sorted([report_file_name(i, "csv") for i in GOOD] + ["all-pairs.csv", COVERAGE_CSV])
    assert summary.index.name == "all-pairs.csv" and summary.exported == 2

    def read(path):
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))

    rows = read(summary.index)
    per_pair = sum(len(d.claims) for d in make_comparison().documents)
    assert sorted({r["pair"] for r in rows}) == sorted(GOOD)
    assert len(rows) == 2 * per_pair
    one = read(tmp_path / "o" / report_file_name(GOOD[0], "csv"))
    assert one == [r for r in rows if r["pair"] == GOOD[0]]
    coverage = read(tmp_path / "o" / COVERAGE_CSV)
    assert {(r["pair"], r["topic"]) for r in coverage} == {(p, t) for p in GOOD
                                                           for t in ("sanctions", "de-escalation", "talks")}


def test_an_unwritable_output_is_an_error_not_a_failed_pair(library, tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(DualreadError) as caught:
        export_all(library, CompareOptions(), "html", target)
    assert "export folder" in str(caught.value)


def test_matrix_columns_follow_the_taxonomy_order():
    view = report_view(make_comparison())
    d = digest(view, "x.html")
    index = json.loads(render_index([d], [], "json", topic_order=("talks", "sanctions", "de-escalation")))
    assert [t["id"] for t in index["topics"]] == ["talks", "sanctions", "de-escalation"]
    unknown_last = json.loads(render_index([d], [], "json", topic_order=("de-escalation",)))
    assert [t["id"] for t in unknown_last["topics"]] == ["de-escalation", "sanctions", "talks"]


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_the_index_names_a_broken_pair_without_the_users_own_folders(library, tmp_path, fmt):
    # The index is shared with others; where the library sits on this machine is nobody else's business.
    summary = export_all(library, CompareOptions(), fmt, tmp_path / "o")
    problem = dict(summary.failed)["2030-01-07-broken"]
    assert str(library.root.resolve()) in problem, "the terminal summary keeps the full path"
    index = summary.index.read_text(encoding="utf-8")
    assert "2030-01-07-broken" in index and "pair.yaml" in index
    assert str(library.root.resolve()) not in index
