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
