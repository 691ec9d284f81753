"""The catalog (readouts.catalog): lists what the folders hold, follows them when they change behind its back, is
rebuilt when deleted or damaged, and survives two processes at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from readouts.catalog import Catalog, catalog_path
from readouts.library import Library
from tests.unit.library_files import NORLAND, RUSSIAN, age, save_pair


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "library"
    save_pair(root, "vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND}, date="2024-03-04",
              publishers={"kremlin": "President of Russia"})
    save_pair(root, "older-call", {"kremlin": RUSSIAN, "norland": NORLAND}, date="2019-05-06", event="Older call")
    for folder in root.iterdir():
        age(folder)
    return root


def listed(catalog):
    return [(s.id, s.date.isoformat() if s.date else None, s.event, s.side_keys, s.sample, s.problem is None)
            for s in catalog.summaries()]


def test_the_catalog_lists_what_the_library_lists(root):
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        expected = [(e.id, e.pair.date.isoformat() if e.pair else None, e.pair.event if e.pair else "",
                     e.pair.side_keys if e.pair else (), e.sample, e.ok) for e in Library(root).entries()]
        assert listed(catalog) == expected
        vest = catalog.summary("vest-putin-call")
        assert vest.publishers == ("President of Russia", "")
        assert [s.key for s in catalog.sides("vest-putin-call")] == ["kremlin", "norland"]
    assert catalog_path(Library(root)).is_file()


def test_an_unchanged_library_is_not_read_again(root):
    with Catalog(Library(root)) as catalog:
        assert catalog.refresh().read == len(Library(root).entries())
        assert catalog.refresh().read == 0
        assert catalog.refresh(texts=False).read == 0


def test_the_catalog_follows_a_pair_added_replaced_edited_and_removed_behind_its_back(root):
    catalog = Catalog(Library(root))
    catalog.refresh()
    # Another process (another Catalog, another Library object) changes the folders.
    save_pair(root, "new-call", {"kremlin": RUSSIAN, "norland": NORLAND}, date="2025-01-02", event="New call")
    result = catalog.refresh()
    assert result.read == 1 and catalog.summaries()[0].id == "new-call"

    save_pair(root, "older-call", {"kremlin": RUSSIAN, "ostria": NORLAND}, date="2019-05-06", event="Replaced")
    catalog.refresh()
    assert catalog.summary("older-call").event == "Replaced"
    assert catalog.summary("older-call").side_keys == ("kremlin", "ostria")

    # An edit in place of pair.yaml (no rename: the folder's own time does not change) is seen by a listing.
    for folder in root.iterdir():
        age(folder)
    catalog.refresh()
    yaml_file = root / "vest-putin-call" / "pair.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("Vest–Putin call", "Vest–Putin talk"),
                         encoding="utf-8")
    assert catalog.refresh(texts=False).read == 1
    assert catalog.summary("vest-putin-call").event == "Vest–Putin talk"

    # A side file broken in place: seen by a refresh that looks at the texts, and listed as broken.
    age(root / "vest-putin-call")
    catalog.refresh()
    (root / "vest-putin-call" / "norland.txt").write_bytes(b"\xff\xfe binary \x00")
    assert catalog.refresh(texts=False).read == 0  # a listing looks at the folder and pair.yaml only
    assert catalog.refresh().read == 1
    broken = catalog.summary("vest-putin-call")
    assert broken.problem and "norland.txt" in broken.problem
    assert listed(catalog)[-1][0] == "vest-putin-call"  # broken pairs come last

    import shutil

    shutil.rmtree(root / "new-call")
    result = catalog.refresh(texts=False)
    assert result.removed == 1 and catalog.summary("new-call") is None
    catalog.close()


def test_a_side_file_rewritten_in_place_with_its_old_time_put_back_is_read_again(root):
    # `search` went on finding the old words: the new text had the same length and the file its old modification
    # time (written in place, then `touch -r` or a tool that keeps times), so size, inode and mtime all matched.
    import os

    catalog = Catalog(Library(root))
    catalog.refresh()
    side = root / "vest-putin-call" / "norland.txt"
    before = os.stat(side)
    text = side.read_text(encoding="utf-8")
    edited = text.replace("grain", "wheat", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    with open(side, "r+", encoding="utf-8") as handle:  # in place: the same inode
        handle.write(edited)
    os.utime(side, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(side)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert catalog.refresh().read == 1
    catalog.close()


def test_a_broken_pair_is_listed_with_its_problem_and_the_rest_still_serve(root):
    (root / "bad-yaml").mkdir()
    (root / "bad-yaml" / "pair.yaml").write_text("id: bad-yaml\nsides: [\n", encoding="utf-8")
    (root / "Not A Pair Id").mkdir()
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        problems = {s.id: s.problem for s in catalog.summaries() if s.problem}
        assert set(problems) == {"bad-yaml", "Not A Pair Id"}
        assert "YAML" in problems["bad-yaml"]
        assert catalog.summary("vest-putin-call").ok


def test_a_library_with_no_folder_gets_a_catalog_in_memory_and_is_not_created(tmp_path):
    library = Library(tmp_path / "nowhere")
    with Catalog(library) as catalog:
        catalog.refresh()
        assert catalog.path is None
        assert {s.id for s in catalog.summaries()} == set(library.sample_ids())
    assert not library.root.exists()


@pytest.mark.parametrize("damage", ["garbage", "header", "truncated"])
def test_a_damaged_catalog_is_rebuilt_from_the_folders(root, damage):
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        expected = listed(catalog)
    path = catalog_path(Library(root))
    data = path.read_bytes()
    path.write_bytes({"garbage": b"not a database at all\n" * 200,
                      "header": b"\0" * 100 + data[100:],
                      "truncated": data[: len(data) // 3]}[damage])
    with Catalog(Library(root)) as catalog:
        result = catalog.refresh()
        assert result.rebuilt
        assert listed(catalog) == expected
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_deleted_catalog_is_rebuilt(root):
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        expected = listed(catalog)
    catalog_path(Library(root)).unlink()
    with Catalog(Library(root)) as catalog:
        assert catalog.refresh().read == len(expected)
        assert listed(catalog) == expected


def test_a_cache_that_cannot_be_written_falls_back_to_a_catalog_in_memory(root):
    (root / ".cache").write_text("a file where the cache folder should be\n", encoding="utf-8")
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        assert catalog.path is None
        assert "vest-putin-call" in {s.id for s in catalog.summaries()}


@pytest.mark.parametrize("place", [".cache", ".cache/catalog.sqlite3", ".cache/catalog.sqlite3-wal"])
def test_a_link_where_the_catalog_should_be_is_never_followed(root, tmp_path, place):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "precious.txt" if place != ".cache" else outside
    if place != ".cache":
        target.write_text("not yours\n", encoding="utf-8")
        (root / ".cache").mkdir()
    (root / place).symlink_to(target)
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        assert catalog.path is None and "vest-putin-call" in {s.id for s in catalog.summaries()}
    assert sorted(p.name for p in outside.iterdir()) == ([] if place == ".cache" else ["precious.txt"])
    if place != ".cache":
        assert target.read_text(encoding="utf-8") == "not yours\n"


def test_processes_refreshing_one_catalog_while_pairs_change_leave_it_sound_and_in_step(root):
    worker = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from readouts.catalog import Catalog
        from readouts.library import Library
        for _ in range(15):
            with Catalog(Library(Path({str(root)!r}))) as catalog:
                catalog.refresh()
                catalog.summaries()
    """)
    workers = [subprocess.Popen([sys.executable, "-c", worker], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for n in range(12):
        save_pair(root, f"churn-{n % 4}", {"kremlin": RUSSIAN, "norland": NORLAND}, event=f"Churn {n}")
    for process in workers:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    path = catalog_path(Library(root))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Catalog(Library(root)) as catalog:
        catalog.refresh()
        events = {s.id: s.event for s in catalog.summaries()}
    assert {f"churn-{n}": f"Churn {n + 8}" for n in range(4)}.items() <= events.items()


def test_readouts_catalog_does_not_import_comparisons():
    code = "import sys, readouts.catalog; print(','.join(m for m in sys.modules if m.startswith('comparisons')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
