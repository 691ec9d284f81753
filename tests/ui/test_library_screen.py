"""The library screen: pairs newest first with their figures, broken pairs named, filter as you type, Enter opens."""

from __future__ import annotations

from textual import events
from tui_fixtures import BROKEN

from tui.screens.comparison import ComparisonScreen
from tui.screens.error import ErrorModal
from tui.screens.help import HelpScreen
from tui.widgets.library.pair_preview import PairPreview
from tui.widgets.library.pair_table import PairTable


def visible_ids(app) -> list[str]:
    return app.screen.query_one(PairTable).row_ids


def cell(app, pair_id: str, column: str) -> str:
    return app.screen.query_one(PairTable).cell(pair_id, column).plain


async def test_pairs_newest_first_and_broken_last_with_their_problem(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert visible_ids(app) == ["2022-01-05-carter-ostrov-call", "2021-06-02-lisbon-meeting", "zz-broken-pair"]
        # one link, disagreeing on a date and a place: one conflict (a conflict is a link), as `show` counts it
        assert cell(app, "2022-01-05-carter-ostrov-call", "conflicts") == "1"
        assert cell(app, "2022-01-05-carter-ostrov-call", "omissions") == "3"
        assert cell(app, "2021-06-02-lisbon-meeting", "sample") == "sample"
        assert cell(app, "zz-broken-pair", "date") == "broken"
        assert "pair.yaml" in cell(app, "zz-broken-pair", "event")


async def test_typing_filters_the_pairs_and_escape_clears_it(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l", "i", "s", "b")
        assert app.screen.focused.id == "filter"
        assert app.screen.focused.value == "lisb", "no typed letter is lost while the focus moves"
        assert visible_ids(app) == ["2021-06-02-lisbon-meeting"]
        await pilot.press("escape")
        assert len(visible_ids(app)) == 3
        assert isinstance(app.screen.focused, PairTable)


async def test_filter_then_enter_opens_the_match(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ostrov", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert app.screen.pair_id == "2022-01-05-carter-ostrov-call"


async def test_arrows_move_and_the_preview_follows(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        preview = str(app.screen.query_one(PairPreview).render())
        assert "Lisbon ministers' meeting" in preview and "Press summary" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.pair_id == "2021-06-02-lisbon-meeting"


async def test_opening_a_broken_pair_explains_instead_of_failing(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert BROKEN in app.screen.message
        await pilot.press("escape")
        assert isinstance(app.screen.query_one(PairTable), PairTable)


async def test_a_click_picks_a_pair_and_a_double_click_opens_it(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.click(PairTable, offset=(20, 2))
        await pilot.pause()
        assert "Lisbon" in str(app.screen.query_one(PairPreview).render())
        await pilot.click(PairTable, offset=(20, 1))
        await pilot.pause()
        assert app.screen.query_one(PairTable).current_id == "2022-01-05-carter-ostrov-call"
        assert not isinstance(app.screen, ComparisonScreen), "a single click only selects"
        await pilot.double_click(PairTable, offset=(20, 2))
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert app.screen.pair_id == "2021-06-02-lisbon-meeting"


async def test_help_lists_this_screens_keys(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys
        assert any("Filter" in str(c) for c in keys.columns[1]._cells)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_a_click_on_the_filter_line_opens_the_filter(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.click("#filter-hint")
        await pilot.pause()
        assert app.screen.focused.id == "filter"
        await pilot.press(*"ostrov")
        assert visible_ids(app) == ["2022-01-05-carter-ostrov-call"]


async def test_tab_reaches_the_filter(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused.id == "filter"
        await pilot.press("l", "i", "s", "b")
        assert visible_ids(app) == ["2021-06-02-lisbon-meeting"]


async def test_letters_typed_in_one_burst_all_reach_the_filter(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for letter in "lisb":  # as a terminal delivers fast typing: all queued before the first is handled
            app.post_message(events.Key(letter, letter))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.focused.id == "filter"
        assert app.screen.focused.value == "lisb"
        assert visible_ids(app) == ["2021-06-02-lisbon-meeting"]


def app_with_a_badly_dated_pair(root, write_pair_folder):
    """The app on a library of one good pair and one whose pair.yaml has a date of the wrong type."""
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.app import DualreadApp

    write_pair_folder(root, "2024-03-04-good")
    folder = write_pair_folder(root, "2024-03-05-dated-badly")
    yaml = (folder / "pair.yaml").read_text(encoding="utf-8").replace("date: 2024-03-04", "date: [1]")
    (folder / "pair.yaml").write_text(yaml, encoding="utf-8")
    return DualreadApp(Library(root), CompareOptions())


async def test_a_broken_pair_says_its_whole_problem_at_80_columns(tmp_path, write_pair_folder, settle):
    # The row and the preview began with the library's absolute path ("/home/me/.local/share/dualread/..."): at
    # 80 columns the row showed the path alone and the preview lost the value at fault to its ellipsis.
    root = tmp_path / "a-library-folder-with-a-rather-long-name" / "kept-in-a-shared-repository"
    app = app_with_a_badly_dated_pair(root, write_pair_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PairTable)
        assert cell(app, "2024-03-05-dated-badly", "event").startswith("2024-03-05-dated-badly: p")
        table.move_to(table.row_ids.index("2024-03-05-dated-badly"))
        await settle(pilot)
        preview = app.screen.query_one(PairPreview)
        shown = " ".join(line.text.strip() for line in preview.render_lines(preview.region.reset_offset))
        assert "pair.yaml: field 'date': must be a date YYYY-MM-DD (got [1])" in " ".join(shown.split()), shown
        assert str(root) not in shown and "…" not in shown


def test_a_broken_pair_folder_that_is_itself_the_problem_is_named_by_its_problem():
    # A pair folder linked out of the library: its row read "linked: /home/me/lib/linked: refused: a link o…".
    from tui.widgets.library.listing import Listing

    listing = Listing("linked", None, "/home/me/lib/linked: refused: a link out of the library (to /elsewhere)")
    assert listing.short_problem == "refused: a link out of the library (to /elsewhere)"
    inside = Listing("p", None, "/home/me/lib/p/pair.yaml: field 'date': must be a date YYYY-MM-DD (got [1])")
    assert inside.short_problem == "pair.yaml: field 'date': must be a date YYYY-MM-DD (got [1])"
    # A problem that names no path of the pair is left whole.
    assert Listing("p", None, "could not be read").short_problem == "could not be read"


async def test_a_broken_pairs_row_gives_its_problem_the_columns_it_has_no_figures_for(tmp_path, write_pair_folder,
                                                                                       settle):
    # The problem was held to the event column: at 80 columns "2024-03-05-dated-badly: p…", with six empty
    # columns beside it.
    app = app_with_a_badly_dated_pair(tmp_path / "lib", write_pair_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PairTable)
        row = table.render_line(1 + table.row_ids.index("2024-03-05-dated-badly")).text
        assert row.startswith(" broken ") and len(row.rstrip()) <= 80
        assert "2024-03-05-dated-badly: pair.yaml: field 'date': must be a date" in row, row
        good = table.render_line(1 + table.row_ids.index("2024-03-04-good")).text
        assert "A call" in good, "other rows keep their columns"
