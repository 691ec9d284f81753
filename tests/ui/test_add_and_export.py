"""Adding a pair from the UI (the rules of `dualread add`, errors shown inline) and exporting a comparison."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, Select, Static
from tui_fixtures import fill_form as fill
from tui_fixtures import form_error as error_of
from tui_fixtures import make_app, record_notices

from tui.screens.add_pair import AddPairScreen
from tui.screens.comparison import ComparisonScreen
from tui.screens.export import ExportDialog
from tui.screens.library import LibraryScreen

PAIR = "2022-01-05-carter-ostrov-call"


def two_sources(tmp_path):
    """Two short readout files, ``a.txt`` and ``b.txt``, for a new pair's sides."""
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


def fill_new_pair(screen, north, south, **more: str) -> None:
    """The pair form filled for a new pair 2024-05-01-test-call from the files ``north`` and ``south``."""
    fill(screen, id="2024-05-01-test-call", event="A test call", date="2024-05-01",
         key_0="north", source_0=str(north), key_1="south", source_1=str(south), **more)


async def test_fields_are_checked_as_you_type(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AddPairScreen)
        await pilot.press(*"Bad/Id")
        assert "not a valid pair id" in error_of(app, "id")
        await pilot.press(*["backspace"] * 6, *"good-id")
        assert error_of(app, "id") == ""
        await pilot.press("tab", "tab")
        await pilot.press(*"2024-13-01")
        assert error_of(app, "date")
        await pilot.press("escape", "tab", "enter")  # the form is filled: leaving it is confirmed (Discard)
        assert isinstance(app.screen, LibraryScreen)


async def test_a_bad_file_is_named_under_its_side_and_nothing_is_saved(tmp_path, settle):
    app = make_app(tmp_path)
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill(app.screen, id="2024-05-01-test-call", event="A test call", date="2024-05-01",
             key_0="north", source_0=str(tmp_path / "a.txt"), key_1="south", source_1=str(tmp_path / "b.bin"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AddPairScreen), "the form stays open to fix the problem"
        assert "b.bin" in error_of(app, "side-1")
        assert error_of(app, "side-0") == ""
        assert not (tmp_path / "2024-05-01-test-call").exists()


async def test_a_good_pair_is_saved_and_the_form_closes(tmp_path, settle):
    app = make_app(tmp_path)
    (tmp_path / "a.txt").write_text("Title A\n\nThe leaders spoke by phone.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title B\n\nThe presidents talked on the phone.\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.click("#add-side")
        await pilot.pause()
        assert app.screen.query_one("#input-key-2", Input)
        fill(app.screen, id="2024-05-01-test-call", event="A test call", date="2024-05-01",
             key_0="north", source_0=str(tmp_path / "a.txt"), publisher_0="North Office",
             key_1="south", source_1=str(tmp_path / "b.md"))
        await pilot.click("#add-save")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        saved = tmp_path / "2024-05-01-test-call"
        assert (saved / "pair.yaml").is_file() and (saved / "north.txt").is_file()
        assert "North Office" in (saved / "pair.yaml").read_text(encoding="utf-8")


async def test_a_pair_id_that_exists_is_refused_inline(tmp_path, settle):
    app = make_app(tmp_path)
    (tmp_path / "taken").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"taken")
        assert "already exists" in error_of(app, "id")


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
async def test_export_writes_the_chosen_format_and_says_where(tmp_path, settle, fmt):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = fmt
        await pilot.pause()
        target = tmp_path / f"{PAIR}.{fmt}"
        assert dialog.query_one("#export-path", Input).value == str(target)
        said = record_notices(app)
        await pilot.click("#export-go")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        text = target.read_text(encoding="utf-8")
        assert "Geneva" in text
        if fmt == "json":
            assert json.loads(text)["pair"]["id"] == PAIR
        assert any(str(target) in message for message in said)


async def test_an_unwritable_export_path_is_reported_in_the_dialog(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "file" / "inside.html")
        await pilot.click("#export-go")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        status = app.screen.query_one("#export-status", Static)
        assert status.has_class("-error") and "inside.html" in str(status.content)


async def test_a_samples_id_is_allowed_with_a_note_as_on_the_command_line(tmp_path, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"2021-06-02-lisbon-meeting")
        note = error_of(app, "id")
        assert "bundled sample" in note and "already exists" not in note
        assert app.screen.query_one("#error-id").has_class("-working"), "shown as a note, not as an error"


async def test_the_form_sets_the_participants_as_dualread_add_participant_does(tmp_path, settle):
    app = make_app(tmp_path)
    north, south = two_sources(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill_new_pair(app.screen, north, south, participants="Anna Berg=Berg, Minister Berg; Tomas Ek")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    from readouts.library import Library

    pair = Library(tmp_path).load("2024-05-01-test-call")
    assert [(p.name, p.aliases) for p in pair.participants] == [("Anna Berg", ("Berg", "Minister Berg")),
                                                                ("Tomas Ek", ())]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_no_hint_of_the_pair_form_is_cut(tmp_path, settle, size):
    # The URL field's hint read "URL (default: the" at 80 and at 100 columns.
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddPairScreen)
        cut = [(field.id, field.placeholder, field.content_region.width)
               for field in app.screen.query(Input) if len(field.placeholder) >= field.content_region.width]
        assert cut == [], "hints longer than their field (the cursor takes a cell)"


@pytest.mark.parametrize("written", [
    "'{path}'",                # a file dropped on GNOME Terminal, iTerm2 or Konsole: the path in single quotes
    '"{path}"',                # ... or in double quotes
    "{uri}",                   # a file:// address, as some file managers hand a dropped file over
])
async def test_a_file_dropped_into_the_source_field_is_read(tmp_path, settle, written):
    # The form read the quotes as part of the name ("'/home/ana/My readout.txt': no such file") and refused a
    # file:// address ("only http:// and https:// URLs can be imported"), though both name a file plainly.
    from readouts.library import Library

    folder = tmp_path / "My readouts"
    folder.mkdir()
    north, south = two_sources(tmp_path)
    path = folder / "north call.txt"
    north.rename(path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill_new_pair(app.screen, written.format(path=path, uri=path.as_uri()), south)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), error_of(app, "side-0")
    assert "spoke by phone" in Library(tmp_path).load("2024-05-01-test-call").side("north").text


async def test_saving_ends_its_worker_before_the_form_closes(tmp_path, settle):
    # The save worker closed the form from inside itself (call_from_thread), and a closing screen cancels its
    # workers: the save ended "cancelled" though the pair was written, and a test waiting for the workers failed
    # at random under load (WorkerCancelled).
    from textual.worker import WorkerState
    from tui_fixtures import descheduled_workers, wait_for

    app = make_app(tmp_path)
    north, south = two_sources(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        started = descheduled_workers(app)
        fill_new_pair(app.screen, north, south)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the form closed")
        await wait_for(pilot, lambda: all(w.is_finished for w in started), "the save finished")
        assert [(w.name, w.state) for w in started if w.name == "save the pair"] == [
            ("save the pair", WorkerState.SUCCESS)]


async def test_exporting_ends_its_worker_before_the_dialog_closes(tmp_path, settle):
    # As the form's save: the export closed its dialog from inside its worker, which the closing cancelled.
    from textual.worker import WorkerState
    from tui_fixtures import descheduled_workers, wait_for

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        started = descheduled_workers(app)
        await pilot.click("#export-go")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen), "the dialog closed")
        await wait_for(pilot, lambda: all(w.is_finished for w in started), "the export finished")
        assert [(w.name, w.state) for w in started if w.name == "export"] == [("export", WorkerState.SUCCESS)]
        assert (tmp_path / f"{PAIR}.html").is_file()
