"""The library, the add-pair form and the export dialog as a careful user finds them: the cursor where the user
expects it, messages that fit the screen they are on, files going where the user asked."""

from __future__ import annotations

from tui_fixtures import make_app, record_notices

PAIR = "2022-01-05-carter-ostrov-call"
THREE = "2021-06-02-lisbon-meeting"


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


async def test_adding_a_taken_id_says_saving_replaces_it_not_a_command_line_flag(tmp_path, settle):
    from textual.widgets import Input, Static

    from tui.screens.confirm import ConfirmModal

    app = make_app(tmp_path)
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    values = {"id": "2024-05-01-test-call", "event": "A test call", "date": "2024-05-01", "key_0": "north",
              "source_0": str(tmp_path / "a.txt"), "key_1": "south", "source_1": str(tmp_path / "b.txt")}
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for attempt in range(2):
            await pilot.press("a")
            for name, value in values.items():
                app.screen.query_one(f"#input-{name.replace('_', '-')}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert isinstance(app.screen, ConfirmModal), "the form asks before replacing the pair"
        await pilot.press("escape")
        await pilot.pause()
        message = str(app.screen.query_one("#error-id", Static).content)
        assert "already exists" in message and "saving replaces it" in message
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


async def export_the_library(app, pilot, settle) -> list[str]:
    """``e`` on the library and Export: the notices said from then on."""
    await settle(pilot)
    notes = record_notices(app)
    await pilot.press("e")
    await pilot.click("#export-go")
    await settle(pilot)
    return notes


async def test_exporting_a_library_of_one_pair_says_1_pair(tmp_path, settle, monkeypatch):
    from comparisons import reports

    def export_one(library, options, fmt, out_dir, *, progress=None):
        return reports.ExportSummary(written=[out_dir / "one.html"], index=out_dir / "index.html", exported=1)

    monkeypatch.setattr(reports, "export_all", export_one)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        notes = await export_the_library(app, pilot, settle)
        assert any("Wrote 1 pair to" in n for n in notes), notes


async def test_after_adding_a_pair_the_library_has_it_selected(tmp_path, settle):
    from textual.widgets import Input

    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.app import DualreadApp
    from tui.screens.library import LibraryScreen

    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    app = DualreadApp(Library(tmp_path / "library"), CompareOptions(), export_folder=tmp_path)
    values = {"id": "2001-02-03-old-call", "event": "An old call", "date": "2001-02-03", "key_0": "north",
              "source_0": str(tmp_path / "a.txt"), "key_1": "south", "source_1": str(tmp_path / "b.txt")}
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
        app.screen.query_one("#export-path", Input).value = str(folder / "call.html")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(folder / f"{PAIR}.html")


async def test_the_file_fields_hint_is_whole_at_80_columns(tmp_path, settle):
    from tui_fixtures import shown

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        source = app.screen.query_one("#input-source-0")
        assert source.placeholder in shown(source)[0]


async def test_exporting_the_library_names_a_pair_whose_review_has_stale_decisions(tmp_path, settle):
    # The library's export wrote every pair and said nothing of review decisions no longer applied: a CSV has no row
    # for them, so an analyst reading it could not know a reviewer's link was missing.
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tests.unit.library_files import NORLAND, RUSSIAN, save_pair
    from tui.app import DualreadApp

    root = tmp_path / "library"
    folder = save_pair(root, "2024-03-04-vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND})
    old = "The leaders discussed fish."
    (folder / "review.yaml").write_text(
        "schema: dualread/review@1\npair: 2024-03-04-vest-putin-call\ndecisions:\n"
        f"  - action: unlink\n    claims:\n      - {{side: norland, start: 60, end: {60 + len(old)}, text: {old}}}\n",
        encoding="utf-8")
    app = DualreadApp(Library(root), CompareOptions(), export_folder=tmp_path / "out")
    async with app.run_test(size=(100, 30)) as pilot:
        said = " ".join(await export_the_library(app, pilot, settle))
        assert "Wrote" in said and "stale review decisions, kept and not applied: 2024-03-04-vest-putin-call (1)" in said


async def test_exporting_a_library_with_many_broken_pairs_says_what_it_wrote_first_and_in_one_screen(
        tmp_path, settle, monkeypatch):
    # Eleven broken pairs made a notice of eleven paths and problems: at 80x24 it ran off the top of the screen,
    # and "Wrote 10 pairs to ..." went with it. Now the ids, a count, and where each problem is written.
    from comparisons import reports

    root = str(tmp_path.resolve())
    failed = [(f"2024-01-{n:02d}-broken", f"{root}/2024-01-{n:02d}-broken/pair.yaml: field 'date': must be a date "
               "YYYY-MM-DD (got [1])") for n in range(1, 12)]

    def export_with_failures(library, options, fmt, out_dir, *, progress=None):
        return reports.ExportSummary(written=[out_dir / "a.html"], failed=failed, index=out_dir / "index.html",
                                     exported=10)

    monkeypatch.setattr(reports, "export_all", export_with_failures)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        said = await export_the_library(app, pilot, settle)
        note = next(n for n in said if n.startswith("Wrote 10 pairs"))
        assert "11 pairs not exported: 2024-01-01-broken, 2024-01-02-broken, 2024-01-03-broken and 8 more" in note
        assert "index.html says why" in note and "pair.yaml" not in note and len(note) < 300


async def test_exporting_a_library_with_one_broken_pair_says_its_problem_without_the_users_folders(
        tmp_path, settle, monkeypatch):
    from comparisons import reports

    problem = f"{tmp_path.resolve()}/2024-01-01-broken/pair.yaml: field 'date': must be a date YYYY-MM-DD (got [1])"

    def export_with_a_failure(library, options, fmt, out_dir, *, progress=None):
        return reports.ExportSummary(written=[out_dir / "a.html"], failed=[("2024-01-01-broken", problem)],
                                     index=out_dir / "index.html", exported=1)

    monkeypatch.setattr(reports, "export_all", export_with_a_failure)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        said = " ".join(await export_the_library(app, pilot, settle))
        assert ("not exported: 2024-01-01-broken: 2024-01-01-broken/pair.yaml: field 'date': must be a date "
                "YYYY-MM-DD (got [1])") in said
