"""The UI on the real engine and the bundled samples, through a temporary library (nothing hand-built here)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from textual.geometry import Region
from tui_fixtures import record_notices

from comparisons.options import CompareOptions
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen
from tui.screens.export import ExportDialog
from tui.screens.fulltext import FullTextScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.key_bar import KeyBar
from tui.widgets.library.listing import CORE_TOPICS
from tui.widgets.library.pair_preview import PairPreview
from tui.widgets.library.pair_table import PairTable

CALL = "2021-12-30-biden-putin-call"


@pytest.fixture
def real_app(tmp_path):
    return DualreadApp(Library(tmp_path / "library"), CompareOptions(), export_folder=tmp_path)


async def test_library_lists_the_samples_with_their_figures(real_app, settle):
    async with real_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        table = real_app.screen.query_one(PairTable)
        assert table.row_count >= 3
        assert CALL in table.row_ids
        assert table.cell(CALL, "sample").plain == "sample"
        assert table.cell(CALL, "claims").plain.strip().isdigit(), "the worker filled in the counts"


async def test_open_navigate_full_text_and_back_on_a_sample(real_app, settle):
    async with real_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"putin call", "enter")
        await settle(pilot)
        screen = real_app.screen
        assert isinstance(screen, ComparisonScreen) and screen.pair_id == CALL
        rows = screen.query_one(AlignedRows)
        assert rows.row_count == len(screen.comparison.rows) > 0
        await pilot.press("n")
        current = rows.current
        # A difference: an omission, a conflict, or (three sides here) a row one side does not mention.
        assert current.omission is not None or current.has_conflict or any(not c for c in current.claims.values())
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(real_app.screen, FullTextScreen)
        assert len(real_app.screen.panes) == 3, "the Biden–Putin sample has a third side"
        await pilot.press("f", "escape")
        await settle(pilot)
        assert isinstance(real_app.screen.query_one(PairTable), PairTable)


async def test_exporting_the_whole_library_shows_progress_and_writes_an_index(real_app, settle, tmp_path):
    async with real_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = record_notices(real_app)
        await pilot.press("e")
        assert isinstance(real_app.screen, ExportDialog)
        await pilot.click("#export-go")
        await settle(pilot)
        out = tmp_path / "dualread-html"
        assert (out / "index.html").is_file()
        assert (out / f"{CALL}.html").is_file()
        assert any(str(out) in message for message in said)


async def test_clicking_a_key_in_the_key_bar_runs_it(real_app, settle):
    async with real_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = real_app.screen.query_one(KeyBar)
        x = bar.content.plain.index("Help")
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await pilot.pause()
        assert type(real_app.screen).__name__ == "HelpScreen"


async def test_the_preview_names_every_covered_topic_and_its_sides_at_80_100_and_160_columns(real_app, settle):
    """The coverage part of the preview: each core topic a sample mentions is readable whole, and a topic only some
    sides mention is on a line naming those sides (a single line of topics ran off the screen at 80 and 100)."""
    async with real_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        table = real_app.screen.query_one(PairTable)
        for width, height in ((80, 24), (100, 30), (160, 40)):
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            for index, pair_id in enumerate(table.row_ids):
                table.move_to(index)
                await settle(pilot)
                preview = real_app.screen.query_one(PairPreview)
                whole = Region(0, 0, preview.outer_size.width, preview.outer_size.height)  # border and padding too
                lines = [strip.text for strip in preview.render_lines(whole)]
                start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Coverage"))
                coverage = [line.rstrip() for line in lines[start:] if line.strip()]
                assert not any(line.endswith("…") for line in coverage), (width, coverage)
                comparison = real_app.compare(pair_id)
                for summary in comparison.topics:
                    if summary.id not in CORE_TOPICS:
                        continue
                    found = [line for line in coverage if re.search(rf"(?<![\w-]){summary.id}(?![\w-])", line)]
                    assert found, f"{summary.id} missing from {pair_id}'s preview at {width}: {coverage}"
                    sides = [key for key, n in summary.claims.items() if n]
                    if 0 < len(sides) < len(summary.claims) and not any(
                        link.conflicts and summary.id in link.topics for link in comparison.links
                    ):
                        # Its line (or the line its group starts on) names the sides that mention it.
                        group = next(n for n in range(coverage.index(found[0]), -1, -1) if ":" in coverage[n])
                        assert all(key in coverage[group] for key in sides), (summary.id, coverage[group])


def test_open_on_an_unknown_pair_is_one_line_and_exit_1(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--library", str(tmp_path), "open", "no-such-pair"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no-such-pair" in result.stderr
    assert "Traceback" not in result.stderr
