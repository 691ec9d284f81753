"""One-line fields stay on one line wherever they are shown.

A hand-written pair.yaml may hold line breaks or tabs in a field that is one line by nature: the event, a side's
title and publisher, a person's name (``event: "Call\\n\\n# Fake heading"``). Printed as it is, the event became a
Markdown heading of its own in a terminal, a table row broke in two and a CSV cell spread over several lines. Every
command shows such a field with each run of line breaks and tabs made one space; the files on disk stay as written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pair_folders import BROKEN_TAILS, ONE_LINE, write_pair_with_line_breaks

from tui.cli import main

FLAT = ONE_LINE


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    write_pair_with_line_breaks(tmp_path / "lib")
    return tmp_path / "lib"


def run(lib: Path, capsys, *args: str) -> str:
    assert main(["--library", str(lib), *args]) == 0
    out, _err = capsys.readouterr()
    return out


def no_line_starts_with_a_fields_tail(out: str) -> None:
    for line in out.splitlines():
        assert not line.strip().startswith(BROKEN_TAILS), f"a field went over two lines: {line!r}\n{out}"


@pytest.mark.parametrize("args", [
    ("list",), ("show", "odd"), ("show", "odd", "--why"), ("export", "odd", "--format", "md"),
    ("search", "sanctions"), ("stats", "--by", "publisher"), ("review", "odd"),
], ids=lambda a: " ".join(a))
def test_every_command_prints_a_field_with_line_breaks_on_one_line(lib, capsys, args):
    out = run(lib, capsys, *args)
    no_line_starts_with_a_fields_tail(out)
    assert "\\n" not in out and "\\t" not in out, "no line break shown as an escape either"
    if args[0] in ("list", "show", "search"):
        assert FLAT["event"] in out
    if args[0] in ("show", "stats", "search"):
        assert FLAT["publisher"] in out


def test_show_names_the_sides_titles_and_the_speaker_on_one_line(lib, capsys):
    out = run(lib, capsys, "show", "odd")
    assert FLAT["title"] in out and FLAT["other title"] in out
    assert FLAT["person"] in out


def test_the_csv_keeps_every_row_on_one_line(lib, capsys):
    out = run(lib, capsys, "export", "odd", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows
    for row in rows:
        for column in ("event", "publisher", "speaker"):
            assert "\n" not in row[column] and "\r" not in row[column] and "\t" not in row[column], row
    assert {row["event"] for row in rows} == {FLAT["event"]}
    assert FLAT["publisher"] in {row["publisher"] for row in rows}
    assert FLAT["person"] in {row["speaker"] for row in rows}
    assert len(out.splitlines()) == len(rows) + 1, "one line per row"


def test_the_markdown_title_and_sources_are_one_line_each(lib, capsys):
    out = run(lib, capsys, "export", "odd", "--format", "md")
    assert out.splitlines()[0] == "# " + FLAT["event"]
    assert f"**{FLAT['publisher']}**: {FLAT['title']}" in out


def test_the_html_report_shows_the_fields_as_one_line(lib, capsys):
    out = run(lib, capsys, "export", "odd", "--format", "html")
    assert f"<title>{FLAT['event']}" in out or f"{FLAT['event']}</title>" in out
    assert "Call\n" not in out and "North\r\n" not in out and "North\n" not in out


def test_the_files_on_disk_keep_what_was_written(lib, capsys):
    before = (lib / "odd" / "pair.yaml").read_bytes()
    for args in (("list",), ("show", "odd"), ("export", "odd", "--format", "csv"), ("search", "talks"),
                 ("stats",), ("export", "odd", "--format", "json")):
        run(lib, capsys, *args)
    assert (lib / "odd" / "pair.yaml").read_bytes() == before
    json_out = run(lib, capsys, "export", "odd", "--format", "json")
    # As read (a tab is a space once loaded): the JSON is data, not a display.
    assert '"event": "Call\\n\\n# Fake heading on talks"' in json_out


def test_a_topic_label_written_over_two_lines_is_shown_on_one(lib, capsys):
    # topics.yaml with `label: |` (a YAML literal block) over two lines: show's topic table and stats printed the
    # label over two lines, the second looking like a row of its own.
    (lib / "topics.yaml").write_text(
        "extends: default\ntopics:\n  - id: harbour\n    label: |\n      Harbours and\n      fishing fleets\n"
        "    description: Ports.\n    keywords: [sanction*]\n", encoding="utf-8")
    for args in (("show", "odd"), ("stats", "--by", "topic"), ("stats",)):
        out = run(lib, capsys, *args)
        assert "Harbours and fishing fleets" in out, args
        assert not any(line.strip().startswith("fishing fleets") for line in out.splitlines()), out
