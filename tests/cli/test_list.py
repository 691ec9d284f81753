"""``dualread list``: samples on a fresh machine, the user's pairs beside them, broken pairs named, exit 0."""

from __future__ import annotations

import json

from readouts import Library


def write_pair(root, pair_id, *, date="2024-03-04", event="Aldren–Vesk call", yaml_text=None):
    folder = root / pair_id
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(yaml_text or (
        f"id: {pair_id}\nevent: {json.dumps(event)}\ndate: {date}\n"
        "sides:\n  - key: norland\n    file: norland.txt\n  - key: ostria\n    file: ostria.txt\n"), encoding="utf-8")
    (folder / "norland.txt").write_text("Title\n\nThe President spoke.\n", encoding="utf-8")
    (folder / "ostria.txt").write_text("Title\n\nThe Prime Minister spoke.\n", encoding="utf-8")


def test_an_empty_library_shows_the_samples(run_dualread, library_dir):
    result = run_dualread("list")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["DATE", "ID", "SIDES", "EVENT"]
    sample_ids = Library(library_dir).sample_ids()
    assert len(lines) == 1 + len(sample_ids) >= 4
    for pair_id in sample_ids:
        assert any(pair_id in line and "sample" in line for line in lines[1:])
    assert not library_dir.exists()  # listing never creates the library


def test_json_lists_samples_with_the_documented_fields(run_dualread):
    result = run_dualread("list", "--json")
    assert result.returncode == 0
    items = json.loads(result.stdout)
    assert items and all(item["sample"] is True for item in items)
    for item in items:
        assert {"id", "date", "event", "sides", "sample"} <= set(item)
        assert isinstance(item["sides"], list) and len(item["sides"]) >= 2
    assert "2021-12-30-biden-putin-call" in {item["id"] for item in items}
    assert [i["date"] for i in items] == sorted((i["date"] for i in items), reverse=True)


def test_user_pairs_are_listed_newest_first_among_the_samples(run_dualread, library_dir):
    write_pair(library_dir, "old-call", date="1999-01-01", event="Old call")
    write_pair(library_dir, "new-call", date="2099-01-01", event="New call")
    result = run_dualread("list")
    lines = result.stdout.splitlines()
    assert "new-call" in lines[1] and "New call" in lines[1] and "norland, ostria" in lines[1]
    assert "old-call" in lines[-1] and "sample" not in lines[-1]


def test_a_broken_pair_is_named_and_the_rest_still_listed(run_dualread, library_dir):
    write_pair(library_dir, "fine-call")
    write_pair(library_dir, "broken-yaml", yaml_text="id: broken-yaml\nsides: [\n")
    write_pair(library_dir, "missing-side")
    (library_dir / "missing-side" / "ostria.txt").unlink()
    result = run_dualread("list")
    assert result.returncode == 0
    assert "fine-call" in result.stdout and "broken-yaml" not in result.stdout
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert any("broken-yaml" in e and "not valid YAML" in e for e in errors)
    assert any("missing-side" in e and "ostria.txt" in e for e in errors)
    assert "Traceback" not in result.stderr

    items = {i["id"]: i for i in json.loads(run_dualread("list", "--json").stdout)}
    assert "not valid YAML" in items["broken-yaml"]["problem"]
    assert items["broken-yaml"]["sample"] is False and items["broken-yaml"]["sides"] == []
    assert "problem" not in items["fine-call"]


def test_a_pair_dated_a_day_that_does_not_exist_is_named_and_the_rest_still_listed(run_dualread, library_dir):
    write_pair(library_dir, "fine-call")
    write_pair(library_dir, "leap-call", date="2021-02-30")
    result = run_dualread("list")
    assert result.returncode == 0, result.stderr
    assert "fine-call" in result.stdout
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "leap-call" in result.stderr and "2021-02-30" in result.stderr and "line 3" in result.stderr
    shown = run_dualread("show", "leap-call")
    assert shown.returncode == 1 and "2021-02-30" in shown.stderr and "Traceback" not in shown.stderr


def test_escape_sequences_in_an_event_are_taken_out_on_load(run_dualread, library_dir):
    write_pair(library_dir, "sneaky", event="Call \x1b[2J\x1b[31mred")
    result = run_dualread("list")
    assert "\x1b" not in result.stdout and "[2J" not in result.stdout
    assert "Call red" in result.stdout
    item = next(i for i in json.loads(run_dualread("list", "--json").stdout) if i["id"] == "sneaky")
    assert item["event"] == "Call red"  # as ``add`` would have stored it: no export carries the sequence


def test_a_library_that_is_a_file_is_one_clear_error(run_dualread, library_dir):
    library_dir.parent.mkdir(parents=True, exist_ok=True)
    library_dir.write_text("not a folder\n", encoding="utf-8")
    result = run_dualread("list")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"dualread: {library_dir}: the library is not a folder"]


def test_on_an_80_column_terminal_every_pair_shows_its_event_and_sample_mark(tmp_path):
    from readouts.catalog import Catalog
    from tui.commands.list import format_table

    with Catalog(Library(tmp_path / "library")) as catalog:
        catalog.refresh()
        entries = catalog.summaries()
    lines = format_table(entries, 80)
    assert all(len(line) <= 80 for line in lines), lines
    text = "\n".join(lines)
    for entry in entries:
        assert entry.id in text
        # The event is not cut away to a lone '…': its first words are there to read.
        assert " ".join(entry.event.split()[:4]) in text, entry.event
    assert text.count("sample") >= len(entries)


def test_on_an_80_column_terminal_an_event_in_wide_characters_fits_too(tmp_path, write_pair_folder):
    # fit() cut by characters: an event in Chinese, two cells a character, ran to twice the width and the
    # terminal wrapped it under the next pair's line. Columns are terminal cells.
    from rich.cells import cell_len

    from readouts.catalog import Catalog
    from tui.commands.list import format_table

    event = "国家主席习近平同美国总统拜登举行视频会晤双方就中美关系以及共同关心的重要问题进行了坦诚深入的交流"
    write_pair_folder(tmp_path / "library", "2024-03-01-call", event=event)
    with Catalog(Library(tmp_path / "library")) as catalog:
        catalog.refresh()
        entries = catalog.summaries()
    for width in (80, 100, 200):
        lines = format_table(entries, width)
        assert all(cell_len(line) <= width for line in lines), [(cell_len(line), line) for line in lines]
        assert event[:10] in "\n".join(lines)


def test_a_pair_of_many_sides_names_the_first_and_how_many_in_a_column_of_its_own_width(run_dualread, library_dir):
    # One pair of 300 sides padded the SIDES column, and so every line of the listing, to 1,600 characters.
    folder = library_dir / "press-review"
    folder.mkdir(parents=True)
    sides = "".join(f"  - {{key: outlet-{n}, publisher: Outlet {n}, file: outlet-{n}.txt}}\n" for n in range(1, 61))
    (folder / "pair.yaml").write_text(f"id: press-review\nevent: A call\ndate: 2024-03-04\nsides:\n{sides}",
                                      encoding="utf-8")
    for n in range(1, 61):
        (folder / f"outlet-{n}.txt").write_text(f"Report {n}\n\nThe ministers met.\n", encoding="utf-8")
    lines = run_dualread("list").stdout.splitlines()
    row = next(line for line in lines if "press-review" in line)
    assert "outlet-1, outlet-2, " in row and ", … (60 sides)" in row, row
    assert max(len(line) for line in lines) < 200, max(len(line) for line in lines)
    assert json.loads(run_dualread("list", "--json").stdout)[0]["sides"][-1] == "outlet-60", "the JSON has them all"
