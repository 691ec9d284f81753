"""The comparison, full-text and help screens as a careful user finds them: nothing cut off that carries meaning,
keys and legends that say what they do. Each test reads what the screen shows."""

from __future__ import annotations

from tui_fixtures import make_app, palette_commands, record_notices, shown, slow_comparison, wait_for

PAIR = "2022-01-05-carter-ostrov-call"
THREE = "2021-06-02-lisbon-meeting"


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
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        helps = {text: help_text for text, _, help_text in await palette_commands(app.screen)}
        assert helps["Search"].endswith("· key: /") and "highlight" in helps["Search"]
        assert helps["Help"] == "key: ?"
        assert helps["Back"].endswith("· key: esc")


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
        # The preview names the sides a topic is on, rather than saying "one side" of three.
        assert "◐ only north: talks" in preview and "one side" not in preview and "both" not in preview
        await pilot.press("enter")
        await settle(pilot)
        legend = " ".join(shown(app.screen.query_one("#topics-legend")))
        assert "◐ some" in legend and "one side" not in legend and "both" not in legend


async def test_a_search_missing_in_the_chosen_topic_says_it_looked_only_there(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.choose_topic("sanctions")
        notes = record_notices(app)
        await pilot.press("slash", *"fleet", "enter")  # the fishing fleet is a Humanitarian row
        await settle(pilot)
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


async def test_while_a_comparison_loads_its_keys_are_dimmed_not_dead(tmp_path, settle, monkeypatch):
    from tui.screens.comparison import ComparisonScreen
    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path)
    release = slow_comparison(app, PAIR, monkeypatch)

    def dimmed(label: str) -> bool:
        bar = app.screen.query_one(KeyBar).content
        start = bar.plain.index(label)
        return any(span.style.dim for span in bar.spans if span.start <= start < span.end)

    def keys_shown() -> bool:
        screen = app.screen
        return isinstance(screen, ComparisonScreen) and any("Topic" in bar.content.plain
                                                            for bar in screen.query(KeyBar))

    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await pilot.pause()
            app.open_pair(PAIR)
            await wait_for(pilot, keys_shown, "the comparison's key bar")
            assert app.screen.comparison is None, "still loading"
            assert dimmed("Topic") and dimmed("Filter") and dimmed("Why") and not dimmed("Back")
        finally:
            release.set()
        await settle(pilot)
        assert not dimmed("Topic") and not dimmed("Filter") and not dimmed("Why")


async def test_the_key_bar_says_esc_closes_the_search_while_it_is_open(tmp_path, settle):
    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        assert "esc Back" in bar.content.plain
        await pilot.press("slash")
        await pilot.pause()
        assert "esc Close search" in bar.content.plain and "esc Back" not in bar.content.plain
        await pilot.press("escape")
        await pilot.pause()
        assert "esc Back" in bar.content.plain
        assert app.screen.query_one("#search").has_class("-open") is False


async def test_the_key_bar_says_esc_closes_the_topics_brought_over_the_rows(tmp_path, settle):
    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path, open_pair=THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        await pilot.press("t")
        await pilot.pause()
        assert "esc Close topics" in bar.content.plain
        await pilot.press("escape")
        await pilot.pause()
        assert "esc Back" in bar.content.plain


async def test_topics_brought_up_over_three_sides_at_80_columns_show_their_labels_whole(tmp_path, settle):
    app = make_app(tmp_path, open_pair=THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        topics = app.screen.query_one("#topics")
        prompts = [str(topics.get_option_at_index(i).prompt) for i in range(topics.option_count)]
        labels = [t.label for t in app.screen.comparison.topics if any(t.claims.values())]
        assert labels and all(any(p.startswith(label + " ") for p in prompts) for label in labels), prompts


async def test_a_point_both_ministers_made_is_not_said_to_be_both_leaders(tmp_path, settle):
    # Two foreign ministers' call: the detail under a row said "speakers Westland: both leaders", of two ministers.
    from tui_fixtures import real_app, screen_lines

    folder = tmp_path / "library" / "ministers-call"
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(
        "id: ministers-call\nevent: Ministers' call\ndate: 2026-03-01\nsides:\n"
        "  - {key: eastland, publisher: Eastland, file: eastland.txt}\n"
        "  - {key: westland, publisher: Westland, file: westland.txt}\n", encoding="utf-8")
    (folder / "eastland.txt").write_text(
        "Readout of the Foreign Minister's call\n\nForeign Minister Ana Rolle spoke today with Foreign Minister "
        "Petr Dvorak by telephone.\n\nThey agreed to stay in close touch.\n", encoding="utf-8")
    (folder / "westland.txt").write_text(
        "Telephone conversation\n\nForeign Minister Petr Dvorak held a telephone conversation with Foreign Minister "
        "Ana Rolle.\n\nThey agreed to continue contacts.\n", encoding="utf-8")
    app = real_app(tmp_path / "library", tmp_path, open_pair="ministers-call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = " ".join(line for line in screen_lines(app) if line.lstrip().startswith("speakers"))
        assert "both participants" in said and "both leaders" not in said, said
