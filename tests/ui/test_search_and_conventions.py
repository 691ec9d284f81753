"""Search that says where it is ("match 2 of 3"), goes back as well as forward and says when it wraps; the keys
the library shares with the comparison (j/k/g/G); typed letters that filter and never fire an action
(issue 13, items 9 and 10)."""

from __future__ import annotations

from tui_fixtures import make_app, record_notices

from tui.screens.comparison import ComparisonScreen
from tui.screens.library import LibraryScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.library.pair_table import PairTable

PAIR = "2022-01-05-carter-ostrov-call"


def rows(app) -> AlignedRows:
    return app.screen.query_one(AlignedRows)


def where(app) -> str:
    return str(app.screen.query_one("#rows-panel").border_subtitle)


async def test_search_says_which_match_of_how_many_and_moves_both_ways_saying_when_it_wraps(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        matching = [i for i, r in enumerate(rows(app).shown)
                    if any("ostrov" in c.text.casefold() for cs in r.claims.values() for c in cs)]
        assert len(matching) == 3 and matching[0] == 0
        said = record_notices(app)
        await pilot.press("slash", *"ostrov")
        assert where(app) == "match 1 of 3"
        await pilot.press("enter")
        assert rows(app).cursor_row == matching[1] and where(app) == "match 2 of 3"
        await pilot.press("down")
        assert rows(app).cursor_row == matching[2] and where(app) == "match 3 of 3"
        await pilot.press("down")
        assert rows(app).cursor_row == matching[0] and where(app) == "match 1 of 3"
        assert any("wrapped" in message for message in said), "the wrap is said"
        await pilot.press("up")
        assert rows(app).cursor_row == matching[2]
        await pilot.press("backspace", *"xyz")
        assert where(app) == "no match"
        await pilot.press("escape")
        assert not where(app), "the count goes with the search"


async def test_the_library_moves_with_j_k_g_and_G(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PairTable)
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("k")
        assert table.cursor_row == table.row_count - 2
        await pilot.press("g")
        assert table.cursor_row == 0
        assert isinstance(app.screen.focused, PairTable), "none of them went to the filter"


async def test_g_and_G_move_to_the_first_and_last_row_of_a_comparison(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        assert rows(app).cursor_row == rows(app).row_count - 1
        await pilot.press("g")
        assert rows(app).cursor_row == 0


def burst(app, text: str) -> None:
    """Keys as a terminal delivers fast typing: all at once, before the app has handled the first."""
    from textual import events

    names = {"/": "slash", " ": "space"}
    for character in text:
        app.post_message(events.Key(names.get(character, character), character))


async def test_letters_typed_fast_after_slash_all_land_in_the_filter_and_fire_nothing(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "/area")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.is_running, "the a of 'area' opened the add form"
        assert app.screen.query_one("#filter").value == "area"


async def test_a_word_typed_fast_on_the_table_lands_whole_in_the_filter(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "lear")  # starts with a letter that is no command; e, a and r are (export, add, reload)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        assert app.screen.query_one("#filter").value == "lear"
        await pilot.press("escape")
        burst(app, "/quit")
        await settle(pilot)
        assert app.is_running and app.screen.query_one("#filter").value == "quit"


async def test_the_library_key_bar_shows_r_reload(app, settle):
    from tui.widgets.key_bar import KeyBar

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "r Reload" in app.screen.query_one(KeyBar).content.plain


async def test_a_search_typed_fast_after_slash_lands_whole_and_fires_nothing(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "/fleet")  # f is the full text, e the export, t the topics
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen), type(app.screen).__name__
        assert app.screen.query_one("#search").value == "fleet"


async def test_after_leaving_the_search_line_for_the_rows_letters_are_commands_again(tmp_path, settle):
    from tui.screens.fulltext import FullTextScreen

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"fleet")
        await pilot.click(AlignedRows, offset=(5, 3))
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FullTextScreen)


def test_two_events_in_wide_characters_cut_alike_show_what_tells_them_apart():
    # At 80 columns two Chinese events sharing their first dozen characters both read "中华人民共和国外交部长与 …":
    # events were cut by characters (two cells each), so they fell in different groups and were never told apart.
    from rich.cells import cell_len

    from tui.widgets.library.listing import told_apart

    events = ["中华人民共和国外交部长与美利坚合众国国务卿就双边关系深入交换意见", "中华人民共和国外交部长与美国国务卿通电话讨论地区问题"]
    shown = told_apart(events, 26)
    assert all(cell_len(s) <= 26 for s in shown), shown
    assert shown[0] != shown[1] and shown[0].startswith("中华 … 利坚合众国") and shown[1].startswith("中华 … 国国务卿"), shown


def test_two_events_cut_to_the_same_text_show_what_tells_them_apart():
    from tui.widgets.library.listing import told_apart

    events = ["Biden–Putin telephone call before the January 2022 security talks",
              "Biden–Putin telephone call on the buildup near Ukraine's border", "Lisbon ministers' meeting"]
    shown = told_apart(events, 26)
    assert len(set(shown)) == 3, shown
    assert shown[0].startswith("Biden–Putin … before") and shown[1].startswith("Biden–Putin … on the")
    assert shown[2] == "Lisbon ministers' meeting"
