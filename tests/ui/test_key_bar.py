"""The comparison screen's key bar at 80 columns: how to move by difference (n/N) and by row (j/k) is on show,
each key of a group runs its own action when clicked, and a longer Esc label pushes out optional keys, not its own
end."""

from __future__ import annotations

from tui_fixtures import make_app

from tui.screens.comparison import next_difference
from tui.widgets.key_bar import KeyBar

PAIR = "2022-01-05-carter-ostrov-call"
THREE = "2021-06-02-lisbon-meeting"


async def test_the_key_bar_shows_difference_and_row_keys_whole_at_80_columns(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        line = bar.content.plain
        for entry in ("n/N Diff", "j/k Row", "t Topic", "/ Search", "? Help", "esc Back"):
            assert entry in line, (entry, line)
        assert not line.endswith("…") and len(line) <= bar.size.width


async def test_clicking_n_or_N_in_the_key_bar_moves_to_the_next_or_previous_difference(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#rows")
        line = app.screen.query_one(KeyBar).content.plain
        n_at, big_n_at = line.index("n/N"), line.index("n/N") + 2
        first = next_difference(rows.shown, rows.cursor_row, 1)
        second = next_difference(rows.shown, first, 1)
        assert first is not None and second is not None, "the fixture has two differences"
        await pilot.click(KeyBar, offset=(n_at + 1, 0))  # +1: the bar's left padding
        await pilot.click(KeyBar, offset=(n_at + 1, 0))
        await pilot.pause()
        assert rows.cursor_row == second
        await pilot.click(KeyBar, offset=(big_n_at + 1, 0))
        await pilot.pause()
        assert rows.cursor_row == first


async def test_a_longer_esc_label_leaves_out_optional_keys_rather_than_cutting_itself(tmp_path, settle):
    app = make_app(tmp_path, open_pair=THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        await pilot.press("t")  # three sides at 80 columns: the topics come over the rows, Esc closes them
        await pilot.pause()
        line = bar.content.plain
        assert "esc Close topics" in line and not line.endswith("…"), line
        assert "n/N Diff" in line and len(line) <= bar.size.width


async def test_the_library_key_bar_offers_edit_and_delete_and_keeps_quit_and_the_palette(tmp_path, settle):
    """At 100 columns the pair's keys, search, reload and "^p palette" fit (a line that fitted exactly used to lose
    the hint); at 80 the least needed keys make room, and Quit and the palette hint stay whole."""
    for size, wanted, left_out in (((100, 30), ("E Edit", "d Delete", "^f Search", "r Reload"), ()),
                                   ((80, 24), ("a Add pair", "E Edit", "r Reload", "q Quit"),
                                    ("Export all", "Delete"))):
        app = make_app(tmp_path)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            line = app.screen.query_one(KeyBar).content.plain
            for entry in wanted + ("? Help", "q Quit", "^p palette"):
                assert entry in line, (size, entry, line)
            assert not any(entry in line for entry in left_out), (size, line)
            assert not line.endswith("…")
