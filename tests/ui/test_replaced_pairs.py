"""A pair replaced, edited or removed on disk while the UI runs (another process's ``dualread add --force``, the
add form under a sample's id): the library, the comparison and the export show the pair as it is now, never the
comparison of the pair it replaced (issue 13, item 1). Real library, real engine, a real second process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from textual.widgets import Input, Select
from tui_fixtures import open_from_library, record_notices, wait_for
from tui_fixtures import real_app as app_on

from comparisons.engine import compare
from readouts.adding import add_pair
from readouts.library import Library
from tui.screens.add_pair import AddPairScreen
from tui.screens.comparison import ComparisonScreen
from tui.screens.export import ExportDialog
from tui.screens.library import LibraryScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.library.pair_table import PairTable

PAIR = "2024-03-04-harbour-call"

FIRST = {
    "north": "North readout\n\nThe leaders spoke by telephone about the harbour dispute. "
             "They agreed that inspectors would visit the harbour in April.\n",
    "south": "South readout\n\nThe presidents held a telephone conversation on the harbour. "
             "Inspectors are to visit the harbour in May.\n",
}
SECOND = {
    "north": "North readout, revised\n\nThe leaders discussed the olive harvest and its exports. "
             "The president raised the price of fertiliser. He thanked his counterpart for the rescue at sea. "
             "Both sides will meet again in the autumn.\n",
    "south": "South readout, revised\n\nThe olive harvest and its exports were discussed. "
             "The sides will meet again in the autumn.\n",
}


def write_sources(folder, texts: dict[str, str]) -> list[tuple[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for key, text in texts.items():
        path = folder / f"{key}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append((key, str(path)))
    return sources


def replace_from_another_process(root, sources) -> None:
    """``dualread add --force`` in a second process, as a user would run it in another terminal."""
    command = [sys.executable, "-m", "tui.cli", "--library", str(root), "add", PAIR, "--event", "Harbour call",
               "--date", "2024-03-04", "--force"]
    for key, source in sources:
        command += ["--side", f"{key}={source}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def fresh_claims(root, pair_id: str = PAIR) -> int:
    """How many claims a comparison computed from scratch finds (what a new process would show)."""
    return sum(len(d.claims) for d in compare(Library(root).load(pair_id)).documents)


def all_text(screen) -> str:
    rows = screen.query_one(AlignedRows)
    return " ".join(c.text for r in rows.shown for cs in r.claims.values() for c in cs)


def claims_cell(app, pair_id: str = PAIR) -> str:
    return app.screen.query_one(PairTable).cell(pair_id, "claims").plain.strip()


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "library"
    add_pair(Library(root), PAIR, "Harbour call", "2024-03-04", write_sources(tmp_path / "first", FIRST))
    assert fresh_claims(root) != len(SECOND) + 4, "the two versions must differ in what a user sees"
    return root


async def test_replaced_from_another_process_then_r_lists_opens_and_exports_the_new_pair(library, tmp_path,
                                                                                          settle):
    app = app_on(library, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: claims_cell(app) != "…", "the first figures")
        before = claims_cell(app)
        await open_from_library(pilot, PAIR)
        assert "inspectors" in all_text(app.screen).casefold()
        await pilot.press("escape")
        await settle(pilot)

        replace_from_another_process(library, write_sources(tmp_path / "second", SECOND))
        expected = str(fresh_claims(library))
        assert expected != before
        await pilot.press("r")
        await wait_for(pilot, lambda: claims_cell(app) == expected, f"the library row reads {expected} claims")

        await open_from_library(pilot, PAIR)
        shown = all_text(app.screen).casefold()
        assert "olive harvest" in shown and "inspectors" not in shown

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        target = tmp_path / f"{PAIR}.json"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await wait_for(pilot, target.exists, "the export is written")
        exported = json.loads(target.read_text(encoding="utf-8"))
        texts = " ".join(d["text"] for d in exported["documents"]).casefold()
        assert "olive harvest" in texts and "inspectors" not in texts


async def test_the_ui_notices_a_replaced_or_removed_pair_without_r_or_a_restart(library, tmp_path, settle):
    app = app_on(library, tmp_path)
    app.WATCH_SECONDS = 0.2
    said = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        screen = app.screen
        assert "inspectors" in all_text(screen).casefold()

        replace_from_another_process(library, write_sources(tmp_path / "second", SECOND))
        await wait_for(pilot, lambda: "olive harvest" in all_text(screen).casefold(),
                       "the open comparison follows the pair on disk")
        assert "inspectors" not in all_text(screen).casefold()
        assert any("changed on disk" in notice for notice in said), "the user is told why it changed"

        await pilot.press("escape")
        expected = str(fresh_claims(library))
        await wait_for(pilot, lambda: claims_cell(app) == expected, "the library row has the new figures")

        shutil.rmtree(library / PAIR)
        await wait_for(pilot, lambda: PAIR not in app.screen.query_one(PairTable).row_ids,
                       "a pair removed on disk leaves the list")


SAMPLE = "2021-12-07-biden-putin-video-call"


async def test_a_pair_added_in_the_form_under_a_samples_id_replaces_the_samples_comparison(tmp_path, settle):
    root = tmp_path / "library"
    app = app_on(root, tmp_path)
    sources = write_sources(tmp_path / "second", SECOND)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: claims_cell(app, SAMPLE) != "…", "the sample's figures")
        await open_from_library(pilot, SAMPLE)
        assert "olive" not in all_text(app.screen).casefold()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AddPairScreen)
        values = {"id": SAMPLE, "event": "Olive call", "date": "2021-12-07",
                  "key-0": sources[0][0], "source-0": sources[0][1],
                  "key-1": sources[1][0], "source-1": sources[1][1]}
        for name, value in values.items():
            form.query_one(f"#input-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, AddPairScreen), "the form is saved and closed")
        await settle(pilot)

        # Back on the comparison it was opened from: the comparison is the new pair's.
        assert isinstance(app.screen, ComparisonScreen)
        await wait_for(pilot, lambda: "olive harvest" in all_text(app.screen).casefold(),
                       "the open comparison is the new pair's")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        expected = str(fresh_claims(root, SAMPLE))
        await wait_for(pilot, lambda: claims_cell(app, SAMPLE) == expected, "the library row has the new figures")
        await open_from_library(pilot, SAMPLE)
        assert "olive harvest" in all_text(app.screen).casefold()


async def test_export_writes_the_pair_as_it_is_now_even_before_the_screen_has_noticed(library, tmp_path, settle):
    app = app_on(library, tmp_path)
    app.WATCH_SECONDS = 3600  # the watch does not come round during this test: only the export's own reading
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_from_library(pilot, PAIR)
        replace_from_another_process(library, write_sources(tmp_path / "second", SECOND))
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        target = tmp_path / "out.md"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await wait_for(pilot, target.exists, "the export is written")
        text = target.read_text(encoding="utf-8").casefold()
        assert "olive harvest" in text and "inspectors" not in text
