"""Pairs managed from the TUI (issue 13, item 8): replace a pair from the add form (after a confirmation), edit a
pair's event, date, people and sides' details (texts kept, so its review and its cached comparison stay), delete a
pair (after a confirmation whose safe answer has the focus), remove a side row, leave a filled form only after
asking, and land on the pair saved. Real library, real engine: what the user sees, then what is on disk."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label
from tui_fixtures import cursor_on as on_pair
from tui_fixtures import fill_form as fill
from tui_fixtures import form_error as error_of
from tui_fixtures import make_app, record_notices, screen_lines, wait_for
from tui_fixtures import real_app as app_on

from readouts.adding import add_pair
from readouts.library import Library
from tui.screens.add_pair import AddPairScreen
from tui.screens.confirm import ConfirmModal
from tui.screens.library import LibraryScreen
from tui.widgets.library.pair_table import PairTable

PAIR = "2024-05-01-test-call"
NORTH = "North readout\n\nThe leaders spoke by phone about the harbour. They agreed to meet in April.\n"
SOUTH = "South readout\n\nThe presidents talked on the phone about the harbour. They will meet in May.\n"
PRESS = "Press summary\n\nThe two leaders discussed the harbour by telephone.\n"


@pytest.fixture
def sources(tmp_path):
    found = {}
    for key, text in (("north", NORTH), ("south", SOUTH), ("press", PRESS)):
        path = tmp_path / "sources" / f"{key}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        found[key] = str(path)
    return found


@pytest.fixture
def root(tmp_path, sources):
    root = tmp_path / "library"
    add_pair(Library(root), PAIR, "Harbour call", "2024-05-01", [("north", sources["north"]),
                                                                  ("south", sources["south"])],
             publishers={"north": "North Office"})
    (root / PAIR / "review.yaml").write_text("links: []\n", encoding="utf-8")
    return root


def current_id(app) -> str | None:
    return app.screen.query_one(PairTable).current_id


def claims_shown(app, pair_id: str = PAIR) -> str:
    """The pair's claims figure on its library row ("…" until the library screen has it)."""
    return app.screen.query_one(PairTable).cell(pair_id, "claims").plain.strip()


def texts_on_disk(root, pair_id: str = PAIR) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / pair_id).glob("*.txt"))}


def second_south(tmp_path):
    """A new text for the south side, its harbour sentence gone."""
    replacement = tmp_path / "sources" / "south-2.txt"
    replacement.write_text("South readout, second version\n\nThe harbour was not discussed at all.\n",
                           encoding="utf-8")
    return replacement


async def edit_form(pilot, app, settle, pair_id: str = PAIR) -> AddPairScreen:
    """The edit form (E) of ``pair_id``, once the library is listed."""
    await settle(pilot)
    await on_pair(pilot, pair_id)
    await pilot.press("E")
    await pilot.pause()
    assert isinstance(app.screen, AddPairScreen)
    return app.screen


# --- leaving the form ------------------------------------------------------------------------------------------------

async def test_esc_on_a_filled_form_asks_and_the_safe_answer_keeps_it(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen), "an empty form closes at once"
        await pilot.press("a", *"my-call", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal), "a filled form is not thrown away on one key"
        assert app.screen.focused.id == "confirm-keep"
        assert any("Discard the form?" in line for line in screen_lines(app))
        await pilot.press("enter")  # the focused, safe answer
        await pilot.pause()
        assert isinstance(app.screen, AddPairScreen) and app.screen.value("id") == "my-call"
        await pilot.press("escape", "tab", "enter")  # over to Discard
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


# --- replacing a pair from the form ----------------------------------------------------------------------------------

async def test_an_existing_id_is_replaced_only_after_a_confirmation_and_keeps_its_review(root, sources, tmp_path,
                                                                                         settle):
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill(app.screen, id=PAIR, event="Harbour call, revised", date="2024-05-01",
             key_0="north", source_0=sources["north"], key_1="press", source_1=sources["press"])
        await pilot.pause()
        assert "saving replaces it" in error_of(app, "id")
        assert app.screen.query_one("#error-id").has_class("-working"), "a note, not an error"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and app.screen.focused.id == "confirm-keep"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AddPairScreen)
        assert Library(root).load(PAIR).event == "Harbour call", "Keep changed nothing"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Replace
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await wait_for(pilot, lambda: current_id(app) == PAIR, "the cursor on the pair just saved")
        assert any("Harbour call, revised" in line for line in screen_lines(app))
    pair = Library(root).load(PAIR)
    assert pair.event == "Harbour call, revised" and pair.side_keys == ("north", "press")
    assert (root / PAIR / "review.yaml").read_text(encoding="utf-8") == "links: []\n"


# --- editing a pair ---------------------------------------------------------------------------------------------------

async def test_edit_opens_the_form_filled_and_saves_the_changes_keeping_texts_and_comparison(root, tmp_path, settle):
    from readouts.model import Participant

    library = Library(root)
    pair = library.load(PAIR)
    library.save(pair.__class__(**{**pair.__dict__, "participants": (Participant("Anna Berg", ("Berg",)),)}),
                 force=True)
    texts = texts_on_disk(root)
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: claims_shown(app) != "…", "the figures")
        await on_pair(pilot, PAIR)
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AddPairScreen)
        assert any(f"edit {PAIR}" in line for line in screen_lines(app))
        assert form.query_one("#input-id", Input).disabled and form.value("id") == PAIR
        assert (form.value("event"), form.value("date"), form.value("participants")) == (
            "Harbour call", "2024-05-01", "Anna Berg=Berg")
        assert (form.value("key-0"), form.value("publisher-0"), form.value("title-0")) == (
            "north", "North Office", "North readout")
        assert form.value("source-0") == "" and "kept: north.txt" in form.query_one("#input-source-0").placeholder
        assert app.screen.focused.id == "input-event"
        await pilot.press("end", *" (second)")
        fill(form, date="2024-05-02", participants="Anna Berg=Berg, Minister Berg; Tomas Ek",
             title_1="South's own title", language_1="fr", url_1="https://example.org/south")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await wait_for(pilot, lambda: current_id(app) == PAIR, "the cursor on the pair just edited")
        assert any("Harbour call (second)" in line for line in screen_lines(app))
    edited = Library(root).load(PAIR)
    assert (edited.event, edited.date.isoformat()) == ("Harbour call (second)", "2024-05-02")
    assert [(p.name, p.aliases) for p in edited.participants] == [("Anna Berg", ("Berg", "Minister Berg")),
                                                                   ("Tomas Ek", ())]
    south = edited.side("south")
    assert (south.title, south.language, south.url) == ("South's own title", "fr", "https://example.org/south")
    assert edited.side("north").publisher == "North Office"
    assert texts_on_disk(root) == texts, "the texts are untouched"
    assert (root / PAIR / "review.yaml").read_text(encoding="utf-8") == "links: []\n"


async def test_an_edit_of_the_event_only_keeps_the_comparison_it_had(root, tmp_path, settle):
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: claims_shown(app) != "…", "the figures")
        before = claims_shown(app)
        cached = sorted(p.name for p in (root / ".cache" / "comparisons").rglob("*") if p.is_file())
        assert cached, "the comparison is in the library's cache"
        await on_pair(pilot, PAIR)
        await pilot.press("E")
        await pilot.pause()
        fill(app.screen, event="Harbour telephone call")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert Library(root).load(PAIR).event == "Harbour telephone call"
        # Same texts and people: the same comparison, served from the cache (no new entry), on the row at once.
        assert sorted(p.name for p in (root / ".cache" / "comparisons").rglob("*") if p.is_file()) == cached
        assert claims_shown(app) == before, "the row's figures show at once, not '…'"


async def test_an_edit_replaces_one_text_and_removes_a_side(root, sources, tmp_path, settle):
    add_pair(Library(root), PAIR, "Harbour call", "2024-05-01",
             [("north", sources["north"]), ("south", sources["south"]), ("press", sources["press"])], force=True)
    north = (root / PAIR / "north.txt").read_bytes()
    replacement = second_south(tmp_path)
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit_form(pilot, app, settle)
        await pilot.click("#remove-side-2")
        await pilot.pause()
        assert not form.query("#side-row-2") and form.rows == [0, 1]
        fill(form, source_1=str(replacement))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    pair = Library(root).load(PAIR)
    assert pair.side_keys == ("north", "south")
    assert "not discussed at all" in pair.side("south").text
    assert (root / PAIR / "north.txt").read_bytes() == north and not (root / PAIR / "press.txt").exists()


async def test_an_edit_that_changes_a_text_says_what_became_of_the_review(root, sources, tmp_path, settle):
    # The form's notice said only that the pair was saved: a reviewer's decision on the old text went stale without
    # a word there (dualread add --force says it: "its review was kept: 0 decisions still apply, 1 went stale").
    claim = "The presidents talked on the phone about the harbour."
    start = SOUTH.index(claim)
    (root / PAIR / "review.yaml").write_text(
        f"schema: dualread/review@1\npair: {PAIR}\ndecisions:\n  - action: unlink\n    claims:\n"
        f"      - {{side: south, start: {start}, end: {start + len(claim)}, text: {claim}}}\n", encoding="utf-8")
    replacement = second_south(tmp_path)
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit_form(pilot, app, settle)
        notes = record_notices(app)
        fill(form, source_1=str(replacement))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert any("its review was kept: 0 decisions still apply, 1 went stale" in note for note in notes), notes


async def test_a_name_or_alias_holding_a_comma_keeps_it_when_the_people_are_edited(root, tmp_path, settle):
    # The People field reads "Name=Alias, Alias; Name2": an alias "Biden, Jr." came back as two aliases, "Biden"
    # and "Jr.", once a person edited the field. A name or alias holding , ; = is written in double quotes.
    from dataclasses import replace

    from readouts.model import Participant

    library = Library(root)
    library.save(replace(library.load(PAIR), participants=(
        Participant("Joseph R. Biden", ("Biden", "Biden, Jr.")), Participant("Anna Berg", ("Berg",)))), force=True)
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit_form(pilot, app, settle)
        people = form.value("participants")
        assert people == 'Joseph R. Biden=Biden, "Biden, Jr."; Anna Berg=Berg'
        assert '"' in form.query_one("#input-participants", Input).placeholder, "the hint shows the quotes"
        fill(form, participants=people + '; "Ek, Tomas=Ek')  # a quote left open: said under the field
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "quote is opened and not closed" in error_of(app, "participants")
        assert Library(root).load(PAIR).participants[0].aliases == ("Biden", "Biden, Jr."), "nothing saved"
        fill(form, participants=people.replace("=Berg", "=Berg, Minister Berg")
             + '; "Ek, Tomas"=Ek, "the minister of trade; fisheries", Tomas "Tom" Ek')
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), "saved"
        again = (await edit_form(pilot, app, settle)).value("participants")
    edited = Library(root).load(PAIR)
    assert [(p.name, p.aliases) for p in edited.participants] == [
        ("Joseph R. Biden", ("Biden", "Biden, Jr.")),
        ("Anna Berg", ("Berg", "Minister Berg")),
        ("Ek, Tomas", ("Ek", "the minister of trade; fisheries", 'Tomas "Tom" Ek')),
    ]
    assert again == ('Joseph R. Biden=Biden, "Biden, Jr."; Anna Berg=Berg, Minister Berg; '
                     '"Ek, Tomas"=Ek, "the minister of trade; fisheries", Tomas "Tom" Ek'), "the same field again"


async def test_a_sample_is_not_edited_or_deleted_and_says_why(tmp_path, settle):
    app = app_on(tmp_path / "library", tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sample = Library.sample_ids()[0]
        await on_pair(pilot, sample)
        said = record_notices(app)
        for key in ("E", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert any("read-only" in message for message in said), key
            said.clear()


# --- side rows -------------------------------------------------------------------------------------------------------

async def test_a_side_row_is_removed_and_the_rows_renumbered_but_two_always_stay(app, settle):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = app.screen
        await pilot.click("#remove-side-1")
        await pilot.pause()
        assert form.rows == [0, 1] and "at least two sides" in error_of(app, "side-1")
        await pilot.press("ctrl+n")
        await pilot.pause()
        fill(form, key_2="third")
        await pilot.click("#remove-side-0")
        await pilot.pause()
        assert form.rows == [1, 2]
        labels = [str(label.content) for label in form.query(".side-label").results(Label)]
        assert labels == ["Side 1", "Side 2"]
        assert form.value("key-2") == "third"


async def test_per_side_title_url_and_language_are_saved(tmp_path, sources, settle):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill(app.screen, id=PAIR, event="A call", date="2024-05-01",
             key_0="north", source_0=sources["north"], title_0="Our readout", url_0="https://example.org/n",
             language_0="en-GB", key_1="south", source_1=sources["south"], language_1="javascript:x")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a language code" in error_of(app, "side-1"), "the problem shows under its side"
        assert not (tmp_path / PAIR).exists()
        fill(app.screen, language_1="")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    north = Library(tmp_path).load(PAIR).side("north")
    assert (north.title, north.url, north.language) == ("Our readout", "https://example.org/n", "en-GB")


# --- deleting a pair -------------------------------------------------------------------------------------------------

async def test_delete_asks_first_with_keep_focused_then_removes_the_pair(root, sources, tmp_path, settle):
    add_pair(Library(root), "2024-04-01-other-call", "Other call", "2024-04-01",
             [("north", sources["north"]), ("south", sources["south"])])
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_pair(pilot, PAIR)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and app.screen.focused.id == "confirm-keep"
        lines = "\n".join(screen_lines(app))
        assert f"Delete the pair {PAIR}?" in lines and "cannot be undone" in lines
        await pilot.press("enter")
        await settle(pilot)
        assert (root / PAIR / "pair.yaml").is_file(), "Enter on the focused answer keeps the pair"
        said = record_notices(app)
        await pilot.press("d", "tab", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert not (root / PAIR).exists()
        assert [p.name for p in root.iterdir() if not p.name.startswith(".")] == ["2024-04-01-other-call"]
        assert PAIR not in app.screen.query_one(PairTable).row_ids
        assert any(f"deleted {PAIR}" in message for message in said)


async def test_letters_typed_fast_on_the_table_never_delete(root, tmp_path, settle):
    """A word typed on the table starting with d opens the question; the rest of the word never answers it."""
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_pair(pilot, PAIR)
        await pilot.press(*"dyes")
        await settle(pilot)
        assert (root / PAIR / "pair.yaml").is_file()


async def test_a_broken_pair_folder_can_be_deleted_but_not_edited(root, tmp_path, settle):
    broken = root / "zz-broken-pair"
    broken.mkdir()
    (broken / "pair.yaml").write_text("id: [not, an, id\n", encoding="utf-8")
    app = app_on(root, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_pair(pilot, "zz-broken-pair")
        said = record_notices(app)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("cannot be edited" in message for message in said)
        await pilot.press("d", "tab", "enter")
        await settle(pilot)
        assert not broken.exists() and (root / PAIR / "pair.yaml").is_file()
        assert "zz-broken-pair" not in app.screen.query_one(PairTable).row_ids
