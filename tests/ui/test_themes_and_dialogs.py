"""Every built-in theme runs and keeps the selected row legible (WCAG 4.5:1), the theme chosen is kept for the next
run; the export dialog exports on Enter, asks before overwriting, keeps the extension true to the format and
remembers the format; the palette's Screenshot says where it saved; a word diff between two languages is not
coloured but named (issue 13, items 11 to 14)."""

from __future__ import annotations

from dataclasses import replace

from rich.color import ColorType
from textual.geometry import Region
from textual.widgets import Input, Select
from tui_fixtures import call_comparison, make_app, record_notices, wait_for

from tui.screens.comparison import ComparisonScreen
from tui.screens.export import ExportDialog
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.contrast import MINIMUM, contrast
from tui.widgets.library.pair_table import PairTable

PAIR = "2022-01-05-carter-ostrov-call"


def worst_contrast(strips) -> tuple[float, str]:
    worst = (99.0, "")
    for strip in strips:
        for segment in strip:
            style = segment.style
            if not segment.text.strip() or style is None or style.color is None or style.bgcolor is None:
                continue
            if style.color.type != ColorType.TRUECOLOR or style.bgcolor.type != ColorType.TRUECOLOR:
                continue  # an ANSI theme's colours are the terminal's, not ours to measure
            worst = min(worst, (contrast(style.color, style.bgcolor), segment.text))
    return worst


async def test_every_built_in_theme_runs_and_keeps_the_selected_row_legible(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(AlignedRows)
        rows.go_to(next(i for i, r in enumerate(rows.shown) if r.omission))  # "not mentioned" on the cursor too
        failures = []
        for theme in sorted(app.available_themes):
            app.theme = theme
            await settle(pilot)
            assert app.is_running, theme
            lines = rows.render_lines(Region(0, 0, rows.size.width, rows.size.height))
            cursor = [strip for y, strip in enumerate(lines[1:], 1)
                      if rows._line_row[int(rows.scroll_offset.y) + y - 1] == rows.cursor_row]
            ratio, text = worst_contrast(cursor)
            if ratio < MINIMUM:
                failures.append((theme, round(ratio, 2), text))
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one(PairTable)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await settle(pilot)
            line = table.render_lines(Region(0, 1 + table.cursor_row, table.size.width, 1))
            ratio, text = worst_contrast(line)
            if ratio < MINIMUM:
                failures.append(("library " + theme, round(ratio, 2), text))
        assert not failures, failures


async def test_the_theme_chosen_is_kept_for_the_next_run(tmp_path, settle):
    from tui.app import DualreadApp

    settings = tmp_path / "config" / "tui.yaml"
    first = make_app(tmp_path)
    first.settings_file = settings
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first.theme = "textual-light"
        await settle(pilot)
    assert "textual-light" in settings.read_text(encoding="utf-8")
    second = DualreadApp(first.library, first.options, settings_file=settings)
    async with second.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert second.theme == "textual-light"
    settings.write_text("theme: [not, a, name]\n", encoding="utf-8")
    third = DualreadApp(first.library, first.options, settings_file=settings)
    async with third.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert third.is_running and third.theme == "textual-dark"


async def test_export_dialog_enter_exports_asks_before_overwriting_and_remembers_the_format(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    target = tmp_path / f"{PAIR}.md"
    target.write_text("an older report", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "mine.html")
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value == str(tmp_path / "mine.md"), "HTML never in a .md"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.pause()
        dialog.query_one("#export-go").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog), "asked first"
        assert target.read_text(encoding="utf-8") == "an older report"
        assert "exists" in str(app.screen.query_one("#export-status").content)
        button = app.screen.query_one("#export-go")
        # A button ignores a press while it still shows the last one (Textual's "-active", a fraction of a second).
        await wait_for(pilot, lambda: not button.has_class("-active"), "the button ready for another press")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert "Carter" in target.read_text(encoding="utf-8")
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#export-format", Select).value == "md", "the format is remembered"
        assert app.screen.focused is app.screen.query_one("#export-go"), "Enter exports"


async def test_screenshot_from_the_palette_is_saved_where_it_says(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Screenshot")
        assert str(tmp_path) in command.help
        said = record_notices(app)
        command.callback()
        await settle(pilot)
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(saved[0]) in message for message in said)


def two_languages():
    comparison = call_comparison()
    pair = comparison.pair
    sides = (pair.sides[0], replace(pair.sides[1], language="ru"))
    pair = replace(pair, sides=sides)
    documents = tuple(replace(d, side=s) for d, s in zip(comparison.documents, sides))
    return replace(comparison, pair=pair, documents=documents)


def test_a_word_diff_between_english_and_arabic_left_at_the_default_language_is_two_languages():
    # Both sides declared en (pair.yaml's default): an Arabic claim's script said en too, so the row coloured
    # every word of the diff as if one language.
    from tui.widgets.comparison.word_languages import diff_languages

    comparison = call_comparison()
    row = next(r for r in comparison.rows if r.link is not None)
    first, second = (c.rsplit(":", 1)[0] for c in row.link.claims[:2])
    arabic = tuple(replace(c, text="ناقش الوزيران التجارة واتفقا على اللقاء مجددا في مارس.") for c in row.claims[second])
    assert diff_languages(comparison, row) is None
    assert diff_languages(comparison, replace(row, claims={**row.claims, second: arabic})) == ("en", "ar")


async def test_a_word_diff_between_two_languages_is_named_not_coloured(tmp_path, settle):
    comparison = two_languages()
    app = make_app(tmp_path, open_pair=PAIR)
    app.library.pairs[PAIR] = comparison.pair
    app.store.remember(comparison)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(AlignedRows)
        assert rows.current.link is not None
        assert not any(span.style and getattr(span.style, "bgcolor", None) for cell in rows.cells_at(0)[:2]
                       for span in cell.spans)
        assert "different languages (en, ru)" in app.screen.query_one(RowDetail).text
