"""The TUI shows a pair with its review applied, keyed by the review like the disk cache; a review file it cannot
use still opens the pair, with the engine's result and the problem named; another process's review decisions
show up while the app runs. Real library, real engine."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tui_fixtures import wait_for

from comparisons.options import CompareOptions
from comparisons.review import edits
from comparisons.review.edits import decide
from comparisons.review.reviewed import change_review, reviewed_compare
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen

PAIR = "2021-12-07-biden-putin-video-call"


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "library"
    Library(root).save(Library(root).load(PAIR))
    return Library(root)


def confirm_first_link(library) -> None:
    pair = library.load(PAIR)
    comparison = reviewed_compare(library, pair, CompareOptions())
    row = next(r for r in comparison.rows if r.link is not None)
    change_review(library, pair, lambda review: decide(review, edits.confirm(row))[0])


async def open_pair(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen) and app.screen.comparison is not None,
                   "the comparison is shown")
    return app.screen


async def test_a_reviewed_pair_opens_with_its_review_applied(library, tmp_path):
    confirm_first_link(library)
    app = DualreadApp(library, CompareOptions(), open_pair=PAIR, export_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_pair(app, pilot)
        assert screen.comparison.links[0].review.status == "confirmed"
        assert screen.comparison.review.decisions == 1


async def test_a_review_file_it_cannot_use_still_opens_the_pair_with_the_engines_result(library, tmp_path):
    path = library.root / PAIR / "review.yaml"
    path.write_text("decisions:\n  - action: merge\n    claims: []\n", encoding="utf-8")
    app = DualreadApp(library, CompareOptions(), open_pair=PAIR, export_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_pair(app, pilot)
        assert screen.comparison.links and all(link.review is None for link in screen.comparison.links)
        assert "decisions[0].action" in screen.comparison.review.problem
        # The why pane's edge offered "v confirm  b split ..." while each of those keys was refused.
        await pilot.press("w")
        await pilot.pause()
        edge = str(screen.query_one("WhyPane").border_title)
        assert "v confirm" not in edge and "cannot be used" in edge, edge
    assert path.read_text(encoding="utf-8") == "decisions:\n  - action: merge\n    claims: []\n"


async def test_a_decision_made_by_another_process_shows_up_while_the_app_runs(library, tmp_path):
    app = DualreadApp(library, CompareOptions(), open_pair=PAIR, export_folder=tmp_path)
    app.WATCH_SECONDS = 0.2
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_pair(app, pilot)
        assert screen.comparison.links[0].review is None
        done = subprocess.run([sys.executable, "-m", "tui.cli", "--library", str(library.root), "confirm", PAIR, "L1"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: screen.comparison.links[0].review is not None,
                       "the open comparison follows the review on disk")
        assert screen.comparison.links[0].review.status == "confirmed"
