"""The library at 80 columns as the user reads it: the key bar while filtering, the preview's first line."""

from __future__ import annotations

from tui_fixtures import make_app, shown

PAIR = "2022-01-05-carter-ostrov-call"


async def test_while_filtering_the_key_bar_says_enter_opens_and_esc_clears(tmp_path, settle):
    from tui.screens.comparison import ComparisonScreen
    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"carter")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar).content.plain
        assert "⏎ Open" in bar and "esc Clear filter" in bar, bar
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#filter").value == ""
        assert app.screen.focused is app.screen.query_one("#pairs")
        await pilot.press(*"carter")
        await pilot.pause()
        await pilot.click(KeyBar, offset=(bar.index("⏎ Open") + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen) and app.screen.pair_id == PAIR


async def test_the_preview_names_the_pair_by_event_and_id_without_saying_its_date_twice(tmp_path, settle):
    from tui.widgets.library.pair_preview import PairPreview

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = shown(app.screen.query_one(PairPreview))[1]  # under the rule that parts it from the table
        pair = app.screen.current.pair
        assert pair.event in first and pair.id in first, first
        assert first.count(pair.date.isoformat()) == 1, first
