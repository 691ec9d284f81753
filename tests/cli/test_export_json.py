"""``dualread export``: the JSON a script or the quality harness reads, and the errors a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "comparison.schema.json").read_text("utf-8"))
SAMPLE = "2021-12-30-biden-putin-call"


def check_export(data: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    ids = []
    for doc in data["documents"]:
        for c in doc["claims"]:
            assert doc["text"][c["start"]:c["end"]] == c["text"]
            ids.append(c["id"])
    placed = [c for link in data["links"] for c in link["claims"]] + [o["claim"] for o in data["omissions"]]
    assert sorted(placed) == sorted(ids)


def add_pair(run_dualread, fixtures_dir, pair_id="my-call", *extra):
    done = run_dualread("add", pair_id, "--event", "A call", "--date", "2022-02-01",
                        "--side", f"white-house={fixtures_dir / 'readout-plain.txt'}",
                        "--side", f"kremlin={fixtures_dir / 'readout-other-side.md'}", *extra)
    assert done.returncode == 0, done.stderr
    return pair_id


def test_export_json_to_a_file_is_valid(run_dualread, tmp_path):
    out = tmp_path / "call.json"
    done = run_dualread("export", SAMPLE, "--format", "json", "--output", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    check_export(data)
    assert data["pair"]["id"] == SAMPLE
    assert [d["side"] for d in data["documents"]] == ["white-house", "kremlin", "press"]
    assert data["links"], "the sides of a real call share points"


def test_export_to_stdout_matches_the_file_and_is_stable(run_dualread, tmp_path):
    out = tmp_path / "call.json"
    first = run_dualread("export", SAMPLE, "--format", "json")
    run_dualread("export", SAMPLE, "--format", "json", "--output", out)
    second = run_dualread("export", SAMPLE, "--format", "json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout == out.read_text(encoding="utf-8")


def test_output_folder_gets_a_file_named_after_the_pair(run_dualread, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    done = run_dualread("export", SAMPLE, "--format", "json", "--output", folder)
    assert done.returncode == 0, done.stderr
    check_export(json.loads((folder / f"{SAMPLE}.json").read_text(encoding="utf-8")))


def test_users_own_pair_exports_and_is_cached_in_the_library(run_dualread, fixtures_dir, library_dir):
    pair_id = add_pair(run_dualread, fixtures_dir)
    done = run_dualread("export", pair_id, "--format", "json")
    assert done.returncode == 0, done.stderr
    check_export(json.loads(done.stdout))
    assert list((library_dir / ".cache" / "comparisons" / pair_id).glob("*.json.gz"))
    again = run_dualread("export", pair_id, "--format", "json")
    assert again.stdout == done.stdout


def test_editing_a_readout_changes_the_export(run_dualread, fixtures_dir, library_dir):
    pair_id = add_pair(run_dualread, fixtures_dir)
    before = json.loads(run_dualread("export", pair_id, "--format", "json").stdout)
    side = library_dir / pair_id / "kremlin.txt"
    side.write_text(side.read_text(encoding="utf-8") + "\nThe ministers will meet again in Vienna.\n",
                    encoding="utf-8")
    after = json.loads(run_dualread("export", pair_id, "--format", "json").stdout)
    texts = [c["text"] for d in after["documents"] for c in d["claims"]]
    assert "The ministers will meet again in Vienna." in texts
    assert after != before


def test_unknown_pair_is_one_clear_line(run_dualread):
    done = run_dualread("export", "no-such-pair", "--format", "json")
    assert done.returncode == 1
    assert "no-such-pair" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [
    ["--format", "json"],
    [SAMPLE, "--all", "--format", "json"],
    ["--all", "--format", "json"],
    [SAMPLE, "--format", "pdf"],
])
def test_wrong_usage_exits_2(run_dualread, args):
    done = run_dualread("export", *args)
    assert done.returncode == 2
    assert "usage" in done.stderr.lower()


def test_unwritable_output_is_one_clear_line(run_dualread, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    done = run_dualread("export", SAMPLE, "--format", "json", "--output", blocker / "out.json")
    assert done.returncode == 1
    assert "not-a-folder" in done.stderr and "Traceback" not in done.stderr
    assert blocker.read_text() == "x"


def test_export_all_writes_every_pair_and_an_index(run_dualread, fixtures_dir, tmp_path):
    pair_id = add_pair(run_dualread, fixtures_dir)
    out = tmp_path / "all"
    done = run_dualread("export", "--all", "--format", "json", "--output", out)
    assert done.returncode == 0, done.stderr
    names = {p.name for p in out.iterdir()}
    assert f"{pair_id}.json" in names and f"{SAMPLE}.json" in names
    check_export(json.loads((out / f"{pair_id}.json").read_text(encoding="utf-8")))
    assert f"{pair_id}" in done.stderr, "progress names the pairs"
    index = done.stderr.strip().splitlines()[-1].split("index: ")[-1]
    assert Path(index).is_file() and Path(index).parent == out


def test_export_all_names_a_broken_pair_and_exports_the_rest(run_dualread, fixtures_dir, library_dir, tmp_path):
    add_pair(run_dualread, fixtures_dir, "good-call")
    add_pair(run_dualread, fixtures_dir, "broken-call")
    (library_dir / "broken-call" / "kremlin.txt").unlink()
    out = tmp_path / "all"
    done = run_dualread("export", "--all", "--format", "json", "--output", out)
    assert done.returncode == 1
    assert "broken-call" in done.stderr and "Traceback" not in done.stderr
    assert (out / "good-call.json").is_file()
    assert not (out / "broken-call.json").exists()


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_report_formats_go_through_the_same_command(run_dualread, tmp_path, fmt):
    out = tmp_path / f"call.{fmt}"
    done = run_dualread("export", SAMPLE, "--format", fmt, "--output", out)
    assert done.returncode == 0, done.stderr
    assert "Geneva" in out.read_text(encoding="utf-8-sig")


def test_editing_the_librarys_taxonomy_recomputes(run_dualread, fixtures_dir, library_dir):
    pair_id = add_pair(run_dualread, fixtures_dir)
    before = json.loads(run_dualread("export", pair_id, "--format", "json").stdout)
    assert "floods" not in [t["id"] for t in before["topics"]]
    (library_dir / "topics.yaml").write_text(
        "extends: default\ntopics:\n  - id: floods\n    label: Floods\n    description: Flood relief.\n"
        "    keywords: [flood*]\n", encoding="utf-8")
    after = json.loads(run_dualread("export", pair_id, "--format", "json").stdout)
    floods = next(t for t in after["topics"] if t["id"] == "floods")
    assert floods["claims"]["white-house"] >= 1 and floods["claims"]["kremlin"] >= 1
    assert after["engine"]["settings"]["taxonomy"] != before["engine"]["settings"]["taxonomy"]
