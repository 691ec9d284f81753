"""The library table's line styles, worked out from the theme, are what Textual's CSS gives for the same rules."""

from __future__ import annotations

from textual.app import App

from tui.widgets.library.pair_table import PairTable
from tui.widgets.library.table_styles import table_styles


class CssStyledTable(PairTable):
    """The table as it was styled before: component classes in CSS, resolved by Textual."""

    COMPONENT_CLASSES = {"pair-table--header", "pair-table--cursor", "pair-table--cursor-blurred",
                         "pair-table--zebra"}
    DEFAULT_CSS = """
    CssStyledTable > .pair-table--header { background: $panel; text-style: bold; }
    CssStyledTable > .pair-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                      text-style: bold; }
    CssStyledTable > .pair-table--cursor-blurred { background: $block-cursor-blurred-background; }
    CssStyledTable > .pair-table--zebra { background: $surface; }
    """


class TableApp(App[None]):
    def compose(self):
        yield CssStyledTable()


async def test_every_theme_gives_the_styles_its_css_would():
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(CssStyledTable)
        for theme in app.available_themes:
            app.theme = theme
            await pilot.pause()
            ours = table_styles(table, app.theme_variables)
            for kind in ("header", "cursor", "cursor_blurred", "zebra"):
                css = table.get_component_rich_style("pair-table--" + kind.replace("_", "-"))
                assert getattr(ours, kind) == css, (theme, kind)
