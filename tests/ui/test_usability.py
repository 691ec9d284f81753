"""What a careful user notices on the screens: nothing cut off that carries meaning, keys and labels that say
what they do, files going where the user asked. Each test reads what the screen shows."""

from __future__ import annotations

from textual.geometry import Region
from tui_fixtures import make_app

PAIR = "2022-01-05-carter-ostrov-call"
THREE = "2021-06-02-lisbon-meeting"


def shown(widget) -> list[str]:
    """The lines ``widget`` paints, as text (cut and padded as on the terminal)."""
    return [strip.text for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


async def test_the_header_names_every_side_even_when_a_title_is_long(tmp_path, settle):
    for size in ((80, 24), (100, 30)):
        app = make_app(tmp_path, open_pair=PAIR)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            sides_line = shown(app.screen.query_one("#pair-header"))[1]
            assert "The White House" in sides_line and "Freedonian Presidency" in sides_line, (size, sides_line)
            await pilot.press("f")
            await settle(pilot)
            sides_line = shown(app.screen.query_one("#pair-header"))[1]
            assert "Freedonian Presidency" in sides_line, (size, sides_line)


async def test_the_palette_names_keys_as_the_key_bar_does(tmp_path, settle):
    from tui.palette import DualreadCommands

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        provider = DualreadCommands(app.screen)
        await provider.startup()
        helps = {text: help_text for text, _, help_text in provider.commands}
        assert helps["Search"] == "key: /"
        assert helps["Help"] == "key: ?"
        assert helps["Back"] == "key: esc"


async def test_shrinking_the_terminal_leaves_no_sideways_scrollbar_on_the_library(tmp_path, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")  # the library listed again at 100 columns, as after adding a pair
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        table = app.screen.query_one("#pairs")
        assert not table.show_horizontal_scrollbar


async def test_adding_a_taken_id_says_to_choose_another_not_a_command_line_flag(tmp_path, settle):
    from textual.widgets import Input, Static

    app = make_app(tmp_path)
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    values = dict(id="2024-05-01-test-call", event="A test call", date="2024-05-01", key_0="north",
                  source_0=str(tmp_path / "a.txt"), key_1="south", source_1=str(tmp_path / "b.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for attempt in range(2):
            await pilot.press("a")
            for name, value in values.items():
                app.screen.query_one(f"#input-{name.replace('_', '-')}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
        message = str(app.screen.query_one("#error-id", Static).content)
        assert "already exists" in message and "choose another id" in message
        assert "--force" not in message


async def test_exporting_into_a_folder_not_yet_made_makes_it_as_the_command_line_does(tmp_path, settle):
    from textual.widgets import Input

    from tui.screens.comparison import ComparisonScreen

    app = make_app(tmp_path, open_pair=PAIR)
    target = tmp_path / "briefings" / "week-2" / "call.html"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen), "the dialog closed"
        assert "Geneva" in target.read_text(encoding="utf-8")


async def test_exporting_a_library_of_one_pair_says_1_pair(tmp_path, settle, monkeypatch):
    import comparisons.reports as reports

    def export_one(library, options, fmt, out_dir, *, progress=None):
        return reports.ExportSummary(written=[out_dir / "one.html"], index=out_dir / "index.html", exported=1)

    monkeypatch.setattr(reports, "export_all", export_one)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.click("#export-go")
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any("Wrote 1 pair to" in n for n in notes), notes


async def test_help_explains_the_conflict_glyph_the_rows_use_and_fits_80_columns(tmp_path, settle):
    from tui.screens.comparison import ComparisonScreen
    from tui.screens.help import GUIDE

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        rows = screen.query_one("#rows")
        conflict_row = next(i for i, row in enumerate(rows.shown) if row.has_conflict)
        cell = rows.cells_at(conflict_row)[0].plain
        marker = cell.splitlines()[-1].split()[0]  # the glyph before "place: Vienna"
        await pilot.press("question_mark")
        await settle(pilot)
        assert f"{marker} lines under the texts" in GUIDE
        guide = app.screen.query_one("#help-guide")
        assert guide.size.height == len(GUIDE.splitlines()), "a guide line wrapped at 80 columns"


async def test_help_lists_a_key_bound_twice_for_one_action_on_one_line(tmp_path, settle):
    from tui.screens.help import keys_table

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = keys_table(app.screen)
        keys, actions = (list(column.cells) for column in table.columns)
        helps = [str(k) for k, a in zip(keys, actions) if str(a) == "Help"]
        assert helps == ["? f1"], helps


async def test_the_key_bar_does_not_offer_slash_while_slash_types_into_the_field(tmp_path, settle):
    from tui.widgets.key_bar import KeyBar

    def keys(app) -> str:
        return app.screen.query_one(KeyBar).content.plain

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "/ Search" in keys(app)
        await pilot.press("slash", *"fleet", "slash")
        await settle(pilot)
        assert app.screen.query_one("#search").value == "fleet/"
        assert "/ Search" not in keys(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert "/ Filter" in keys(app)
        await pilot.press("slash")
        await settle(pilot)
        assert "/ Filter" not in keys(app)


async def test_after_adding_a_pair_the_library_has_it_selected(tmp_path, settle):
    from textual.widgets import Input

    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.app import DualreadApp
    from tui.screens.library import LibraryScreen

    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    app = DualreadApp(Library(tmp_path / "library"), CompareOptions(), export_folder=tmp_path)
    values = dict(id="2001-02-03-old-call", event="An old call", date="2001-02-03", key_0="north",
                  source_0=str(tmp_path / "a.txt"), key_1="south", source_1=str(tmp_path / "b.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#pairs")
        assert table.current_id != "2001-02-03-old-call"
        await pilot.press("a")
        for name, value in values.items():
            app.screen.query_one(f"#input-{name.replace('_', '-')}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert table.row_ids[-1] == "2001-02-03-old-call", "the oldest pair is listed last"
        assert table.current_id == "2001-02-03-old-call"
        assert "An old call" in str(app.screen.query_one("#preview").render())


async def test_a_sides_key_file_and_publisher_fields_are_apart(tmp_path, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        key, source, publisher = (app.screen.query_one(f"#input-{name}-0") for name in ("key", "source", "publisher"))
        assert source.region.x > key.region.right and publisher.region.x > source.region.right


async def test_the_full_text_legend_keeps_the_selection_key_when_a_pair_has_many_topics(tmp_path, settle):
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.app import DualreadApp

    app = DualreadApp(Library(tmp_path / "library"), CompareOptions(), open_pair="2022-11-14-biden-xi-bali-meeting")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        legend = " ".join(shown(app.screen.query_one("#fulltext-legend")))
        assert "Tints:" in legend and "selected claim" in legend


async def test_with_three_sides_the_legends_say_all_and_some_not_both_and_one(tmp_path, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#pairs")
        table.move_to(table.row_ids.index(THREE))
        await settle(pilot)
        preview = str(app.screen.query_one("#preview").render())
        assert "◐ some sides" in preview and "one side" not in preview
        await pilot.press("enter")
        await settle(pilot)
        legend = " ".join(shown(app.screen.query_one("#topics-legend")))
        assert "◐ some" in legend and "one side" not in legend and "both" not in legend


async def test_a_search_missing_in_the_chosen_topic_says_it_looked_only_there(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.choose_topic("sanctions")
        await pilot.press("slash", *"fleet", "enter")  # the fishing fleet is a Humanitarian row
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any("Sanctions" in n and "every row" in n for n in notes), notes


async def test_esc_puts_away_the_topics_t_brought_over_three_sides_rows_and_stays(tmp_path, settle):
    from tui.screens.comparison import ComparisonScreen

    app = make_app(tmp_path, open_pair=THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#topics-panel").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen), "Esc closed the topics, not the comparison"
        assert not app.screen.query_one("#topics-panel").display
        assert app.screen.focused is app.screen.query_one("#rows")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ComparisonScreen)


async def test_back_from_dualread_open_lands_on_that_pair_in_the_library(tmp_path, settle):
    from tui.screens.library import LibraryScreen

    app = make_app(tmp_path, open_pair=THREE)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one("#pairs")
        assert table.row_ids[0] != THREE, "not the pair the cursor starts on anyway"
        assert table.current_id == THREE


async def test_the_next_export_is_offered_the_folder_of_the_last_one(tmp_path, settle):
    from textual.widgets import Input

    app = make_app(tmp_path, open_pair=PAIR)
    folder = tmp_path / "briefings"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(folder / "call.md")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(folder / f"{PAIR}.html")


async def test_while_a_comparison_loads_its_keys_are_dimmed_not_dead(tmp_path, settle, monkeypatch):
    import threading

    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path)
    comparison = app.comparisons.pop(PAIR)
    release = threading.Event()

    def slow_compare(pair_id):
        release.wait(5)
        app.comparisons[pair_id] = comparison
        return comparison

    def dimmed(label: str) -> bool:
        bar = app.screen.query_one(KeyBar).content
        start = bar.plain.index(label)
        return any(span.style.dim for span in bar.spans if span.start <= start < span.end)

    monkeypatch.setattr(app, "compare", slow_compare)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_pair(PAIR)
        await pilot.pause()
        await pilot.pause()
        assert dimmed("Full text") and dimmed("Export") and not dimmed("Back")
        release.set()
        await settle(pilot)
        assert not dimmed("Full text") and not dimmed("Export")
