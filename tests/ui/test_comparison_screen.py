"""The comparison screen: every binding, the topic filter, search, the worker's loading and error paths."""

from __future__ import annotations

import pytest
from tui_fixtures import MARKUP_LINE, make_app, slow_comparison, wait_for

from tui.screens.add_pair import AddPairScreen
from tui.screens.comparison import ComparisonScreen
from tui.screens.error import ErrorModal
from tui.screens.export import ExportDialog
from tui.screens.fulltext import FullTextScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.comparison.topic_list import TopicList

PAIR = "2022-01-05-carter-ostrov-call"


@pytest.fixture
def opened(tmp_path):
    return make_app(tmp_path, open_pair=PAIR)


def rows(app) -> AlignedRows:
    return app.screen.query_one(AlignedRows)


def detail(app) -> str:
    return app.screen.query_one(RowDetail).text


async def test_open_pair_starts_on_the_comparison_with_the_library_behind(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(opened.screen, ComparisonScreen)
        assert "Carter–Ostrov telephone call" in str(opened.screen.query_one("#pair-header").render())
        assert rows(opened).row_count == 7
        assert "Link L1" in detail(opened)
        await pilot.press("escape")
        assert isinstance(opened.screen, LibraryScreen)


async def test_next_and_previous_row(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        assert rows(opened).cursor_row == 1
        await pilot.press("down", "down")
        assert rows(opened).cursor_row == 3
        await pilot.press("k")
        assert rows(opened).cursor_row == 2
        assert "row 3 of 7" in detail(opened)


async def test_next_and_previous_difference_stop_on_conflicts_and_omissions(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("n")
            row = rows(opened).current
            assert row.omission is not None or row.has_conflict
            seen.append(rows(opened).cursor_row)
        assert seen == sorted(seen) and len(set(seen)) == 4
        await pilot.press("N")
        assert rows(opened).cursor_row == seen[-2]
        await pilot.press("p")
        assert rows(opened).cursor_row == seen[-3]


async def test_topic_filter_shows_only_that_topics_rows(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert isinstance(opened.screen.focused, TopicList)
        labels = [str(o.prompt) for o in opened.screen.query_one(TopicList).options]
        talks = next(i for i, label in enumerate(labels) if label.startswith("Talks"))
        for _ in range(talks):
            await pilot.press("down")
        assert rows(opened).row_count == 1
        assert rows(opened).current.has_conflict
        assert opened.screen.query_one("#rows-panel").border_title.startswith("Talks")
        await pilot.press("enter")
        assert isinstance(opened.screen.focused, AlignedRows)
        await pilot.press("t", "home")
        assert rows(opened).row_count == 7


async def test_clicking_a_topic_filters_and_clicking_a_row_selects_it(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.click(TopicList, offset=(2, 3))
        await settle(pilot)
        assert 0 < rows(opened).row_count < 7
        await pilot.click(TopicList, offset=(2, 0))
        await pilot.click(AlignedRows, offset=(5, 6))
        assert rows(opened).cursor_row > 0


async def test_search_highlights_matches_and_enter_jumps_to_the_next(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"fleet")
        table = rows(opened)
        index = next(i for i, r in enumerate(table.shown) if r.omission and "fleet" in r.omission.claim or
                     any("fleet" in c.text for cs in r.claims.values() for c in cs))
        cell = table.cells_at(index)[1]
        assert any(cell.plain[s.start:s.end] == "fleet" for s in cell.spans)
        await pilot.press("enter")
        assert table.cursor_row == index
        await pilot.press("escape")
        assert not opened.screen.query_one("#search").has_class("-open")
        assert isinstance(opened.screen, ComparisonScreen), "the first Esc closes the search, not the screen"


async def test_readout_markup_shows_literally_on_screen(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = rows(opened)
        index = next(i for i, r in enumerate(table.shown) if any(
            c.text == MARKUP_LINE for cs in r.claims.values() for c in cs))
        cell = table.cells_at(index)[0]
        assert "[bold red]urgent[/]" in cell.plain
        assert not any(span.style and "bold" in str(span.style) for span in cell.spans)


async def test_keys_open_full_text_export_add_and_help(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key, screen_type in (("f", FullTextScreen), ("e", ExportDialog), ("a", AddPairScreen),
                                 ("question_mark", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(opened.screen, screen_type), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(opened.screen, ComparisonScreen), key


async def test_first_comparison_runs_in_a_worker_with_a_loading_state(tmp_path, settle, monkeypatch):
    app = make_app(tmp_path)
    release = slow_comparison(app, PAIR, monkeypatch)

    def loading() -> bool:
        screen = app.screen
        return isinstance(screen, ComparisonScreen) and any(body.loading for body in screen.query("#comparison-body"))

    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await pilot.pause()
            app.open_pair(PAIR)
            # The loading state follows a timer (LOADING_DELAY): wait for it, however busy the machine, while the
            # comparison is held back; a fixed pause raced it under load.
            await wait_for(pilot, loading, "the loading state")
            assert "Comparing" in detail(app)
            assert app.screen.comparison is None, "still loading: the comparison has not landed"
        finally:
            release.set()
        await settle(pilot)
        assert not app.screen.query_one("#comparison-body").loading
        assert rows(app).row_count == 7


async def test_a_failing_comparison_shows_an_error_modal_and_the_app_lives_on(tmp_path, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_pair("no-such-pair")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "no-such-pair" in app.screen.message
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)


async def test_palette_offers_actions_pairs_and_topics(opened, settle):
    from tui.palette import DualreadCommands

    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        provider = DualreadCommands(opened.screen)
        await provider.startup()
        texts = [text for text, _, _ in provider.commands]
        assert "Next diff" in texts and "Full text" in texts
        assert any(t.startswith("Open pair… 2021-06-02-lisbon-meeting") for t in texts)
        jump = next(cb for text, cb, _ in provider.commands if text == "Jump to topic… Humanitarian")
        jump()
        await pilot.pause()
        assert rows(opened).row_count == 1
        hits = [hit async for hit in provider.search("lisbon")]
        assert hits and "lisbon" in hits[0].text.lower()


async def test_three_sides_at_80_columns_give_the_rows_the_width_and_t_brings_the_topics(tmp_path, settle):
    app = make_app(tmp_path, open_pair="2021-06-02-lisbon-meeting")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(app.screen.comparison.side_keys) == 3
        assert not app.screen.query_one("#topics-panel").display
        assert rows(app).size.width >= 74, "the rows take the width the topics would"
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#topics-panel").display
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not app.screen.query_one("#topics-panel").display
        assert app.screen.topic is not None, "the topic chosen filters the rows"


async def test_leaving_while_the_comparison_loads_and_it_landing_after_leaves_the_app_running(
    tmp_path, settle, monkeypatch
):
    app = make_app(tmp_path)
    release = slow_comparison(app, PAIR, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await pilot.pause()
            app.open_pair(PAIR)
            await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen), "the comparison screen")
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "back on the library")
        finally:
            release.set()
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        await pilot.press("down")
        await settle(pilot)
        assert app.is_running
