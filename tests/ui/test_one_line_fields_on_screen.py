"""The UI shows one-line fields (event, titles, publishers, people's names) on one line, whatever pair.yaml holds.

A hand-written ``event: "Call\\n\\n# Fake heading"`` or ``publisher: "North\\r\\nOffice"`` broke the library's
preview, the comparison's header and detail, the full text's column titles and the search screen over several
lines; each screen now shows the field with its line breaks and tabs made one space.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pair_folders import BROKEN_TAILS, ONE_LINE, write_pair_with_line_breaks
from tui_fixtures import screen_lines, wait_for

from comparisons.options import CompareOptions
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen
from tui.screens.library_search import LibrarySearchScreen
from tui.widgets.library.pair_table import PairTable
from tui.widgets.search.results import SearchResults


@pytest.fixture
def library(tmp_path: Path) -> Library:
    write_pair_with_line_breaks(tmp_path / "lib")
    return Library(tmp_path / "lib")


def one_line_each(app, where: str) -> str:
    lines = screen_lines(app)
    for line in lines:
        # A field printed with its line break starts a line with what followed the break (inside a border or not).
        inner = line.strip().strip("│╭╮╰╯─ ").strip()
        assert not inner.startswith(BROKEN_TAILS), f"{where}: a field went over two lines: {line!r}\n" + "\n".join(lines)
    return "\n".join(lines)


async def on_the_pair(pilot, app, settle) -> None:
    """The library listed, its cursor on the pair with line breaks."""
    await settle(pilot)
    table = app.screen.query_one(PairTable)
    await wait_for(pilot, lambda: "odd" in table.row_ids, "the pair listed")
    table.move_to(table.row_ids.index("odd"))
    await settle(pilot)


async def test_every_screen_shows_the_fields_on_one_line(library, tmp_path, settle):
    app = DualreadApp(library, CompareOptions(), export_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_the_pair(pilot, app, settle)
        shown = one_line_each(app, "library")
        assert ONE_LINE["event"] in shown
        assert f"{ONE_LINE['publisher']} — {ONE_LINE['title']}" in shown, "the preview's side line"

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen) and app.screen.comparison is not None,
                       "the comparison")
        await settle(pilot)
        await pilot.press("d")  # the whole row in the detail: each side's publisher under its name
        await settle(pilot)
        shown = one_line_each(app, "comparison")
        assert ONE_LINE["event"] in shown and ONE_LINE["person"] in shown
        assert f"North  {ONE_LINE['publisher']}" in shown, "the side's name, then its publisher"

        await pilot.press("f")
        await settle(pilot)
        one_line_each(app, "full text")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, LibrarySearchScreen), "the search screen")
        app.screen.query_one("#search-line").value = "Geneva"
        await pilot.press("enter")
        results = app.screen.query_one(SearchResults)
        await wait_for(pilot, lambda: any(line.hit for line in results.lines), "the results")
        results.focus()
        results.move_to(next(i for i, line in enumerate(results.lines) if line.hit and line.group.pair_id == "odd"))
        await settle(pilot)
        shown = one_line_each(app, "search")
        assert ONE_LINE["event"] in shown and ONE_LINE["publisher"] in shown

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Open pair odd")
        await wait_for(pilot, lambda: "Open pair… odd" in "\n".join(screen_lines(app)), "the palette offers the pair")
        shown = one_line_each(app, "palette")
        assert f"odd: {ONE_LINE['event']}" in shown


async def test_the_edit_form_shows_the_fields_on_one_line(library, tmp_path, settle):
    # The form put "Call\n\n# Fake heading" into its Event field as it was: the line break drew the rest of the
    # event over the fields below (the Date field was gone) and over the library behind the form. A save stores
    # the fields as add stores typed text, on one line; the people, left as shown, are kept as they are.
    from tui_fixtures import fill_form

    from tui.screens.add_pair import AddPairScreen
    from tui.screens.library import LibraryScreen

    before = library.load("odd")
    app = DualreadApp(library, CompareOptions(), export_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_pair(pilot, app, settle)
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AddPairScreen)
        shown = one_line_each(app, "edit form")
        assert "Date" in shown and "2024-03-04" in shown, "the field under the event is drawn"
        assert (form.value("event"), form.value("publisher-0"), form.value("title-0")) == (
            ONE_LINE["event"], ONE_LINE["publisher"], ONE_LINE["title"])
        fill_form(form, date="2024-03-05")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), "saved"
    after = library.load("odd")
    assert after.date.isoformat() == "2024-03-05"
    assert (after.event, after.sides[0].publisher) == (ONE_LINE["event"], ONE_LINE["publisher"])
    assert [side.text for side in after.sides] == [side.text for side in before.sides]
    assert after.participants == before.participants
