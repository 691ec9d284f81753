"""The bindings the flow tests do not already press: reload, q as back, help from full text, another side."""

from __future__ import annotations

from textual.widgets import Input
from tui_fixtures import make_app

from tui.screens.add_pair import AddPairScreen
from tui.screens.comparison import ComparisonScreen
from tui.screens.fulltext import FullTextScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.widgets.library.pair_table import PairTable

PAIR = "2022-01-05-carter-ostrov-call"


async def test_r_reloads_the_library_and_keeps_the_cursor(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "r")
        await settle(pilot)
        assert app.screen.query_one(PairTable).current_id == "2021-06-02-lisbon-meeting"


async def test_q_on_a_comparison_goes_back_not_out(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        assert app.is_running


async def test_help_from_the_full_text_lists_its_keys(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = [str(c) for c in app.screen.keys.columns[1]._cells]
        assert "Aligned rows" in descriptions and "Next diff" in descriptions
        await pilot.press("escape")
        assert isinstance(app.screen, FullTextScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ComparisonScreen)


async def test_ctrl_n_adds_a_side_row_to_the_form(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AddPairScreen)
        assert app.screen.focused is app.screen.query_one("#input-key-2", Input)


async def test_a_theme_change_recolours_the_word_diffs(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#rows")

        def diff_colours() -> set[str]:
            return {str(span.style.bgcolor) for cell in rows.cells_at(0)[:2] for span in cell.spans
                    if span.style and span.style.bgcolor}

        before = diff_colours()
        app.theme = "textual-light"
        await settle(pilot)
        after = diff_colours()
        assert before and after and before != after
