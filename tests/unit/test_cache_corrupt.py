"""A cache entry that does not read back as a valid comparison of these texts is discarded and recomputed, with a
note in the log: in the library code, on the command line and in the TUI. Each corruption is one a fuzzer or a
hostile library produced (a ``RecursionError``, a ``KeyError`` that killed the TUI, an ``AttributeError``, an export
that failed); a forged entry must not be shown either.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import threading
from pathlib import Path

import pytest

from comparisons.cache import cache_path, cached_compare
from comparisons.engine import compare
from comparisons.options import CompareOptions
from readouts.library import Library
from tui.cli import main

DEEP = 100_000


def _first_link(data: dict) -> dict:
    assert data["links"], "the test pair must have a link"
    return data["links"][0]


def _linked_claim(data: dict) -> str:
    return _first_link(data)["claims"][0]


CORRUPTIONS = {
    "deep nesting": lambda data: '{"schema": "dualread/comparison@1", "pair": ' + "[" * DEEP + "]" * DEEP + "}",
    "deep nesting in a field": lambda data: json.dumps(data)[:-1] + ', "extra": ' + "[" * DEEP + "]" * DEEP + "}",
    "a link to a claim that does not exist": lambda data: _edit(data, lambda d: _first_link(d)["claims"].__setitem__(
        0, _first_link(d)["claims"][0].split(":")[0] + ":99")),
    "a label of the wrong type": lambda data: _edit(data, lambda d: d["topics"][0].__setitem__("label", 5)),
    "a count of the wrong type": lambda data: _edit(data, lambda d: d["topics"][0].__setitem__(
        "claims", {"north": "many", "south": None})),
    "a conflict value of the wrong type": lambda data: _edit(data, lambda d: _first_link(d).__setitem__(
        "conflicts", [{"kind": "date", "values": {"north": 10, "south": ["9"]}}])),
    "a bogus omission": lambda data: _edit(data, lambda d: d["omissions"].append(
        {"claim": _linked_claim(d), "side": "south", "topics": []})),
    "an omission of a claim that does not exist": lambda data: _edit(data, lambda d: d["omissions"].append(
        {"claim": "north:77", "side": "north", "topics": []})),
    "an escape sequence in a label": lambda data: _edit(data, lambda d: d["topics"][0].__setitem__(
        "label", "Sanctions\x1b]52;c;SGVsbG8=\x07")),
    "a forged word diff": lambda data: _edit(data, lambda d: _first_link(d).__setitem__(
        "diff", [{"op": "equal", "text": "They agreed to everything."}])),
    "a score out of range": lambda data: _edit(data, lambda d: _first_link(d).__setitem__("score", 7)),
    "a side left out": lambda data: _edit(data, lambda d: d.__setitem__("documents", d["documents"][:1])),
    "a small file that unpacks to megabytes": lambda data: json.dumps(data) + " " * 5_000_000,
    "claims that overlap": lambda data: _edit(data, lambda d: d["documents"][0]["claims"][1].__setitem__(
        "start", d["documents"][0]["claims"][0]["start"])),
}


def _edit(data: dict, change) -> str:
    change(data)
    return json.dumps(data, ensure_ascii=False)


def corrupt(path: Path, name: str) -> None:
    """Apply a corruption to the entry at ``path``, stored as the cache stores it (gzipped JSON)."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    path.write_bytes(gzip.compress(CORRUPTIONS[name](data).encode("utf-8")))


@pytest.fixture
def library(tmp_path: Path, write_pair_folder) -> Library:
    write_pair_folder(tmp_path / "lib", "call")
    return Library(tmp_path / "lib")


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_a_corrupt_entry_is_recomputed_with_a_note(library, name, caplog):
    pair = library.load("call")
    fresh = compare(pair, CompareOptions())
    assert cached_compare(pair, CompareOptions(), library.cache_dir) == fresh
    path = cache_path(pair, CompareOptions(), library.cache_dir)
    corrupt(path, name)

    with caplog.at_level(logging.WARNING, logger="dualread.cache"):
        again = cached_compare(pair, CompareOptions(), library.cache_dir)
    assert again == fresh
    assert any("discarded" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="dualread.cache"):
        assert cached_compare(pair, CompareOptions(), library.cache_dir) == fresh
    assert not caplog.records, "the entry was written again, whole"


def _cli(library: Library, *args: str) -> int:
    return main(["--library", str(library.root), *args])


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_show_and_export_recompute_a_corrupt_entry(library, name, capsys, tmp_path):
    assert _cli(library, "show", "call") == 0
    clean = capsys.readouterr().out
    (entry,) = (library.cache_dir / "comparisons" / "call").glob("*.json.gz")
    corrupt(entry, name)

    assert _cli(library, "show", "call") == 0
    out, err = capsys.readouterr()
    assert out == clean and "\x1b" not in out
    assert "discarded" in err and "Traceback" not in err

    corrupt(entry, name)
    assert _cli(library, "export", "call", "--format", "md", "--output", str(tmp_path / "call.md")) == 0
    assert "Geneva" in (tmp_path / "call.md").read_text(encoding="utf-8")


def test_a_fifo_in_place_of_an_entry_is_not_waited_on(library, caplog):
    pair = library.load("call")
    path = cache_path(pair, CompareOptions(), library.cache_dir)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    done = threading.Event()

    def unblock() -> None:
        """Should a regression wait on the FIFO, give it an end after a while so the test fails, not hangs."""
        while not done.wait(20):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass

    threading.Thread(target=unblock, daemon=True).start()
    try:
        with caplog.at_level(logging.WARNING, logger="dualread.cache"):
            assert cached_compare(pair, CompareOptions(), library.cache_dir) == compare(pair, CompareOptions())
    finally:
        done.set()
    assert any("FIFO" in r.getMessage() for r in caplog.records)


def test_an_entry_linked_elsewhere_is_not_followed(library, tmp_path):
    pair = library.load("call")
    path = cache_path(pair, CompareOptions(), library.cache_dir)
    path.parent.mkdir(parents=True)
    forged = tmp_path / "forged.json"
    forged.write_text("{}", encoding="utf-8")
    path.symlink_to(forged)
    assert cached_compare(pair, CompareOptions(), library.cache_dir) == compare(pair, CompareOptions())
    assert forged.read_text(encoding="utf-8") == "{}"


def test_a_cache_folder_linked_out_of_the_library_is_never_written_or_pruned(library, tmp_path):
    """Pruning keeps eight entries per pair: through a link it would delete someone's JSON files elsewhere."""
    elsewhere = tmp_path / "my-json"
    elsewhere.mkdir()
    for n in range(12):
        (elsewhere / f"data-{n}.json.gz").write_text("{}", encoding="utf-8")
    (library.cache_dir / "comparisons").mkdir(parents=True)
    (library.cache_dir / "comparisons" / "call").symlink_to(elsewhere, target_is_directory=True)

    pair = library.load("call")
    assert cached_compare(pair, CompareOptions(), library.cache_dir) == compare(pair, CompareOptions())
    assert sorted(p.name for p in elsewhere.iterdir()) == sorted(f"data-{n}.json.gz" for n in range(12))
