"""``dualread export`` end to end with the real engine: every format on a bundled sample, hostile metadata and text
in a user's pair, and ``--all`` over a library with a broken pair."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt

from tui.cli import main

SAMPLE = "2021-12-30-biden-putin-call"
EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def export(tmp_path: Path, *args: str) -> int:
    return main(["--library", str(tmp_path / "lib"), "export", *args])


@pytest.fixture()
def hostile_library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib" / "2030-03-04-hostile"
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(
        "id: 2030-03-04-hostile\n"
        f"event: 'Talks | {EVIL} # [x](javascript:alert(3))'\n"
        "date: 2030-03-04\n"
        "sides:\n"
        f"  - {{key: north, publisher: 'North {EVIL}', title: '# Readout {EVIL}', url: 'javascript:alert(4)',"
        " file: north.txt}\n"
        "  - {key: south, publisher: South, title: Statement, url: 'https://south.example/a?b=1&c=2',"
        " file: south.txt}\n",
        encoding="utf-8")
    (folder / "north.txt").write_text(
        "Readout\n\nThe two presidents discussed sanctions and the troop buildup near the border. "
        f"They agreed that talks will take place in Geneva on 10 January {EVIL}.\n", encoding="utf-8")
    (folder / "south.txt").write_text(
        "Statement\n\nThe presidents discussed the troop buildup near the border and possible sanctions. "
        "They agreed that talks will take place in Geneva on 9 January. =SUM(A1:A9) | pipe\n", encoding="utf-8")
    return tmp_path


def sample_json(tmp_path: Path) -> dict:
    path = tmp_path / "c.json"
    assert export(tmp_path, SAMPLE, "--format", "json", "--output", str(path)) == 0
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_each_format_of_a_sample_says_what_the_json_says(tmp_path, fmt):
    data = sample_json(tmp_path)
    out = tmp_path / f"call.{fmt}"
    assert export(tmp_path, SAMPLE, "--format", fmt, "--output", str(out)) == 0
    text = out.read_text(encoding="utf-8-sig")
    if fmt == "html":
        doc = lxml.html.document_fromstring(text)
        assert doc.xpath("//h1")[0].text_content() == data["pair"]["event"]
        assert not doc.xpath("//script")
        shown = [e.text_content() for e in doc.xpath("//section[@id='points']//article//a[@class='ref']")]
        assert sorted(shown) == sorted(link["id"] for link in data["links"])  # each link once
        assert len(doc.xpath("//table[@class='summary']/tbody/tr")) == len(data["documents"])
        claims = doc.xpath("//div[contains(@class,'fulltexts')]//span[contains(@class,'claim')]")
        assert [c.text_content() for c in claims] == [c["text"] for d in data["documents"] for c in d["claims"]]
        omitted = {o["claim"] for o in data["omissions"]}
        assert {c.get("id") for c in claims if "omission" in c.get("class")} == {
            "t-" + cid.replace(":", "-") for cid in omitted}
    elif fmt == "md":
        assert text.startswith(f"# {data['pair']['event']}\n")
        assert "\n## Key differences\n" in text and "\n## Topics\n" in text
        assert all(text.count(f"\n### {link['id']} · score") == 1 for link in data["links"])
    else:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["claim"] for r in rows] == [c["id"] for d in data["documents"] for c in d["claims"]]
        assert {r["link"] for r in rows} - {""} == {link["id"] for link in data["links"]}
        assert {r["claim"] for r in rows if r["status"] == "omission"} == {o["claim"] for o in data["omissions"]}
        assert [float(r["score"]) for r in rows if r["claim"] in data["links"][0]["claims"]] == [
            data["links"][0]["score"]] * len(data["links"][0]["claims"])


def test_hostile_pair_is_escaped_in_every_format(hostile_library):
    tmp_path = hostile_library
    for fmt in ("html", "md", "csv"):
        assert export(tmp_path, "2030-03-04-hostile", "--format", fmt, "--output", str(tmp_path / f"h.{fmt}")) == 0
    page = (tmp_path / "h.html").read_text(encoding="utf-8")
    doc = lxml.html.document_fromstring(page)
    assert not doc.xpath("//script | //img | //*[@onerror]")
    assert EVIL in doc.xpath("//h1")[0].text_content()
    assert doc.xpath("//a[starts-with(@href, 'http')]/@href") == ["https://south.example/a?b=1&c=2"]
    md = MarkdownIt("commonmark", {"html": True}).enable("table").render((tmp_path / "h.md").read_text("utf-8"))
    md_doc = lxml.html.fragment_fromstring(md, create_parent="div")
    assert not md_doc.xpath("//script | //img | //*[@onerror]")
    assert md_doc.xpath("//a/@href") == ["https://south.example/a?b=1&c=2"]
    assert EVIL in md_doc.xpath("//h1")[0].text_content()
    cells = [c for row in csv.reader(io.StringIO((tmp_path / "h.csv").read_text("utf-8-sig"), newline=""))
             for c in row]
    assert not [c for c in cells if c.startswith("=")]


def test_export_all_with_a_broken_pair(hostile_library, capsys):
    tmp_path = hostile_library
    broken = tmp_path / "lib" / "2030-01-01-broken"
    broken.mkdir()
    (broken / "pair.yaml").write_text("id: 2030-01-01-broken\nevent: x\n", encoding="utf-8")
    out = tmp_path / "reports"
    code = export(tmp_path, "--all", "--format", "html", "--output", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert "2030-01-01-broken" in err.splitlines()[-1]
    assert "exported" in err
    index = lxml.html.document_fromstring((out / "index.html").read_text(encoding="utf-8"))
    links = index.xpath("//table[@class='pairs']//a/@href")
    assert "2030-03-04-hostile.html" in links and f"{SAMPLE}.html" in links
    assert all((out / href).is_file() for href in links)
    assert index.xpath("//table[contains(@class,'matrix-screen')]/tbody/tr")
    page = lxml.html.document_fromstring((out / "2030-03-04-hostile.html").read_text(encoding="utf-8"))
    assert page.xpath("//a[.='← All pairs']/@href") == ["index.html"]
    assert not (out / "2030-01-01-broken.html").exists()


@pytest.mark.parametrize("under", ["", "sub/"])
def test_an_output_path_under_a_file_names_that_file(tmp_path, capsys, under):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n", encoding="utf-8")
    assert export(tmp_path, SAMPLE, "--format", "md", "--output", str(blocker / f"{under}call.md")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{blocker} is a file, not a folder" in err, err
    assert export(tmp_path, "--all", "--format", "md", "--output", str(blocker / f"{under}reports")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{blocker} is a file, not a folder" in err, err
    assert blocker.read_text(encoding="utf-8") == "my notes\n"


def test_export_all_progress_does_not_call_a_failed_pair_exported(hostile_library, capsys):
    broken = hostile_library / "lib" / "2030-01-01-broken"
    broken.mkdir()
    (broken / "pair.yaml").write_text("id: 2030-01-01-broken\nevent: x\n", encoding="utf-8")
    assert export(hostile_library, "--all", "--format", "md", "--output", str(hostile_library / "out")) == 1
    lines = capsys.readouterr().err.splitlines()
    about_broken = [line for line in lines if "2030-01-01-broken" in line]
    assert about_broken and not [line for line in about_broken if "exported" in line], lines
    assert any("2030-03-04-hostile" in line for line in lines)  # progress still names each pair


def test_an_output_ending_in_a_slash_is_a_folder_even_before_it_exists(tmp_path):
    folder = tmp_path / "reports"
    assert export(tmp_path, SAMPLE, "--format", "md", "--output", f"{folder}/") == 0
    assert folder.is_dir() and (folder / f"{SAMPLE}.md").is_file()


def test_output_dash_is_stdout_as_for_add(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export(tmp_path, SAMPLE, "--format", "csv", "--output", "-") == 0
    assert capsys.readouterr().out.startswith("\ufeffpair,date,event,side,publisher,claim")
    assert not (tmp_path / "-").exists()
    with pytest.raises(SystemExit) as usage:
        export(tmp_path, "--all", "--format", "csv", "--output", "-")
    assert usage.value.code == 2 and not (tmp_path / "-").exists()


def test_a_review_made_on_the_command_line_shows_in_show_and_in_every_exported_page(hostile_library, capsys):
    tmp_path = hostile_library
    lib = ["--library", str(tmp_path / "lib")]
    assert main([*lib, "confirm", "2030-03-04-hostile", "--all"]) == 0
    capsys.readouterr()
    assert main([*lib, "show", "2030-03-04-hostile"]) == 0
    shown = capsys.readouterr().out
    assert "Reviewed: " in shown and "✓ confirmed by a reviewer" in shown
    out = tmp_path / "reports"
    assert export(tmp_path, "--all", "--format", "html", "--output", str(out)) == 0
    page = lxml.html.document_fromstring((out / "2030-03-04-hostile.html").read_text(encoding="utf-8"))
    assert page.xpath("//h3[.='What a review changed']")
    assert "✓ confirmed by a reviewer" in page.xpath("string(//section[@id='points'])")
    sample = lxml.html.document_fromstring((out / f"{SAMPLE}.html").read_text(encoding="utf-8"))
    assert not sample.xpath("//h3[.='What a review changed']"), "only the reviewed pair says so"


@pytest.mark.parametrize("fmt, name", [("html", "call.md"), ("md", "call.html"), ("csv", "call.json"),
                                       ("json", "call.csv"), ("gold", "call.htm"), ("md", "CALL.HTML")])
def test_an_output_named_for_another_format_is_refused_and_nothing_written(tmp_path, capsys, fmt, name):
    # `export --format html --output call.md` wrote HTML into a .md file without a word (the TUI's dialog never
    # does): a Markdown viewer then shows tags, a browser opening call.html shows Markdown as one paragraph.
    assert export(tmp_path, SAMPLE, "--format", fmt, "--output", str(tmp_path / name)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--output" in err and name in err and "Traceback" not in err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("fmt, name", [("html", "call.htm"), ("md", "notes.txt"), ("gold", "gold.yml"),
                                       ("md", "call.markdown"), ("csv", "rows")])
def test_an_output_named_for_its_format_or_for_none_is_written(tmp_path, fmt, name):
    assert export(tmp_path, SAMPLE, "--format", fmt, "--output", str(tmp_path / name)) == 0
    assert (tmp_path / name).stat().st_size > 0
