"""Faults the TUI must ride out (issue 15): one pair that trips the engine never stops the library's figures for the
others, and a corrupt cache entry is recomputed instead of taking the whole app down."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import comparisons.engine as engine
from comparisons.options import CompareOptions
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.library.pair_table import PairTable

@pytest.fixture
def library(tmp_path: Path, write_pair_folder) -> Library:
    for pair_id in ("good", "bad"):
        write_pair_folder(tmp_path / "lib", pair_id)
    return Library(tmp_path / "lib")


async def test_a_pair_that_trips_the_engine_does_not_stop_the_others_figures(library, monkeypatch, settle):
    real = engine.compare

    def fragile(pair, options=None):
        if pair.id == "bad":
            raise ValueError("invalid literal for int() with base 10: '❶'")  # what ❶ did to the engine
        return real(pair, options)

    monkeypatch.setattr(engine, "compare", fragile)
    app = DualreadApp(library, CompareOptions())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        table = app.screen.query_one(PairTable)
        figures = {pair_id: table.cell(pair_id, "claims").plain.strip() for pair_id in table.row_ids}
        others = [pair_id for pair_id in figures if pair_id != "bad"]
        assert len(others) >= 4 and all(figures[pair_id].isdigit() for pair_id in others), figures
        assert not figures["bad"].isdigit() and "engine failed" in table.cell("bad", "event").plain
        assert app.is_running


async def test_a_corrupt_cache_entry_is_recomputed_in_the_tui(library, settle):
    app = DualreadApp(library, CompareOptions())
    fresh = engine.compare(library.load("good"), CompareOptions())
    app.compare("good")  # fills the disk cache
    (entry,) = (library.cache_dir / "comparisons" / "good").glob("*.json.gz")
    data = json.loads(gzip.decompress(entry.read_bytes()))
    data["links"][0]["claims"][0] = "north:99"  # a link to a claim that does not exist: a KeyError killed the app
    data["topics"][0]["label"] = 5
    entry.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))

    app = DualreadApp(library, CompareOptions(), open_pair="good")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        assert app.is_running and isinstance(screen, ComparisonScreen)
        assert screen.comparison == fresh
        assert screen.query_one(AlignedRows).row_count == len(fresh.rows)


async def test_a_library_folder_replaced_by_a_file_while_the_ui_runs_is_said_not_a_crash(library, settle):
    # A library on a drive that was swapped, or a folder replaced by a file of the same name: `r` (or the watch)
    # read it again and the app ended with a traceback ("the library is not a folder").
    from tui.screens.error import ErrorModal

    app = DualreadApp(library, CompareOptions())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "good" in app.screen.query_one(PairTable).row_ids
        root = library.root
        root.rename(root.with_name("moved"))
        root.write_text("not a library\n", encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ErrorModal)
        assert "the library is not a folder" in app.screen.message and str(root) in app.screen.message
