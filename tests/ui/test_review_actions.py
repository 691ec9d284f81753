"""Reviewing on the comparison screen, driven by its keys: why (w), confirm (v), split (b), link with a second
cursor (l ... l), not the same point (x), a conflict note (!), undo/redo (u/U), the rows still to review (r).
Each test checks what the user sees after the key and what the pair's review.yaml then holds. Real library, real
engine (one sample pair; its disk cache is computed once and copied for each test)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from tui_fixtures import record_notices, wait_for

from comparisons.cache import cached_compare
from comparisons.evidence import explain_omission, link_reasons
from comparisons.options import CompareOptions
from comparisons.review import edits
from comparisons.review.edits import decide
from comparisons.review.reviewed import change_review, read_review, reviewed_compare
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen
from tui.screens.help import keys_table
from tui.screens.review_dialogs import ALL_APART, ClaimChooser, ConflictNote
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.review.status import ReviewStatus
from tui.widgets.review.why_pane import WhyPane

PAIR = "2021-12-07-biden-putin-video-call"
# The engine's rows of this pair (checked by ``test_the_engine_rows_these_tests_start_from``):
# L1 wh:0+kr:0, L2 wh:1+kr:1, L3 wh:2+wh:3+kr:5+kr:9, omissions kr:6, kr:7, wh:4, L4 wh:5+kr:2+kr:3, ...


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("review-actions") / "library"
    library = Library(root)
    library.save(library.load(PAIR))
    reviewed_compare(library, library.load(PAIR), CompareOptions())  # the disk cache every test starts with
    return root


@pytest.fixture
def library(template, tmp_path, monkeypatch):
    monkeypatch.setenv("DUALREAD_REVIEWER", "ana")
    root = tmp_path / "library"
    shutil.copytree(template, root)
    return Library(root)


@pytest.fixture
def app(library, tmp_path):
    app = DualreadApp(library, CompareOptions(), open_pair=PAIR, export_folder=tmp_path)
    record_notices(app)  # before it runs: the notices of its first screen too
    return app


def saved(library) -> list[tuple[str, frozenset[str], str, str]]:
    """review.yaml as the user would read it: (action, claim ids, note, by) per decision, oldest first."""
    pair = library.load(PAIR)
    review = read_review(library, pair)
    if review is None:
        return []
    engine = cached_compare(pair, CompareOptions(), library.cache_dir)
    ids = {(c.side, c.start, c.end, c.text): c.id for d in engine.documents for c in d.claims}
    return [(d.action, frozenset(ids[(r.side, r.start, r.end, r.text)] for r in d.claims), d.note, d.by)
            for d in review.decisions]


def claims(*ids: str) -> frozenset[str]:
    return frozenset(ids)


async def opened(app, pilot) -> ComparisonScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen) and app.screen.comparison is not None,
                   "the comparison is shown")
    await pilot.pause()
    return app.screen


def rows(app) -> AlignedRows:
    return app.screen.query_one(AlignedRows)


def index_of(app, claim_id: str) -> int:
    return next(i for i, row in enumerate(rows(app).shown)
                if any(c.id == claim_id for cs in row.claims.values() for c in cs))


def row_ids(row) -> frozenset[str]:
    return frozenset(c.id for cs in row.claims.values() for c in cs)


def row_of(app, claim_id: str):
    return rows(app).shown[index_of(app, claim_id)]


def score_cell(app, claim_id: str) -> str:
    """The score column of the row holding ``claim_id``, as painted (the review mark, then the score)."""
    return rows(app).cells_at(index_of(app, claim_id))[-1].plain


def detail(app) -> str:
    return app.screen.query_one(RowDetail).text


async def go_to(pilot, app, claim_id: str) -> None:
    rows(app).go_to(index_of(app, claim_id))
    await pilot.pause()


async def act(pilot, app, claim_id: str, *keys: str) -> None:
    """Select the row holding ``claim_id``, press ``keys``, and wait for what they do."""
    await go_to(pilot, app, claim_id)
    await pilot.press(*keys)
    await settle(pilot)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def notices(app) -> list[str]:
    """Every notice since the app was made (the ``app`` fixture records them from the start)."""
    return record_notices(app)


async def test_the_engine_rows_these_tests_start_from(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        shown = [row_ids(r) for r in rows(app).shown[:7]]
        assert shown == [claims("white-house:0", "kremlin:0"), claims("white-house:1", "kremlin:1"),
                         claims("white-house:2", "white-house:3", "kremlin:5", "kremlin:9"), claims("kremlin:6"),
                         claims("kremlin:7"), claims("white-house:4"),
                         claims("white-house:5", "kremlin:2", "kremlin:3")]
        assert all(r.link is None or r.link.review is None for r in rows(app).shown)
        assert "decided by the engine" in detail(app)


async def test_why_shows_the_engines_evidence_for_the_selected_row_and_follows_the_cursor(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        assert not screen.query(WhyPane)
        await pilot.press("w")
        pane = screen.query_one(WhyPane)
        assert pane.open and pane.display
        link = rows(app).current.link
        text = pane.text
        assert text.startswith("Why L1  decided by the engine")
        for line in link_reasons(link, screen.comparison):
            assert line in text
        assert "rule: " in text and "white-house:0 and kremlin:0: score" in text
        await pilot.press("n")  # the first difference: the omission kremlin:6
        assert rows(app).current.omission.claim == "kremlin:6"
        text = pane.text
        assert text.startswith("Why kremlin:6 is an omission  decided by the engine")
        for line in explain_omission(rows(app).current.omission, screen.comparison):
            assert line in text
        await pilot.press("w")
        assert not pane.open and not pane.display


async def test_the_why_pane_says_what_dualread_show_why_prints(app, library):
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--library", str(library.root), "show", PAIR, "--why"],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "400"})
    assert done.returncode == 0, done.stderr
    printed = done.stdout[done.stdout.index("\nL4 · score"):]  # what it prints under L4, first line after "why: "
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        await go_to(pilot, app, "white-house:5")  # L4: three claims
        await pilot.press("w")
        lines = screen.query_one(WhyPane).text.splitlines()[1:]
        assert len(lines) >= 3
        for line in lines:
            assert line.strip() in printed


async def test_confirm_marks_the_row_says_who_decided_and_saves_at_once(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        assert score_cell(app, "white-house:0").startswith("0.")
        await pilot.press("v")
        await settle(pilot)
        assert saved(library) == [("confirm", claims("white-house:0", "kremlin:0"), "", "ana")]
        assert score_cell(app, "white-house:0").startswith("✓0.")
        assert rows(app).current.link.id == "L1", "the cursor stays on the row confirmed"
        assert "review: confirmed by ana" in detail(app)
        assert any("Confirmed L1" in n for n in notices(app))
        app.library_changed_on_disk()  # the watch sees review.yaml change: what is shown is already that review
        await settle(pilot)
        assert not any("compared again" in n or "changed on disk" in n for n in notices(app))
        await go_to(pilot, app, "white-house:1")
        assert "decided by the engine" in detail(app)
        await act(pilot, app, "kremlin:6", "v")  # an omission is confirmed as one: its claim stays in no link
        assert saved(library)[-1] == ("confirm", claims("kremlin:6"), "", "ana")
        assert score_cell(app, "kremlin:6").startswith("✓")
        assert "review: confirmed by ana" in detail(app)


async def test_split_a_link_of_two_claims_all_apart(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:1", "b")
        assert saved(library) == [("unlink", claims("white-house:1", "kremlin:1"), "", "ana")]
        wh, kr = row_of(app, "white-house:1"), row_of(app, "kremlin:1")
        assert wh is not kr and wh.link is None and kr.link is None
        assert score_cell(app, "white-house:1").startswith("✎") and score_cell(app, "kremlin:1").startswith("✎")
        assert "review: changed by hand by ana" in detail(app)


async def test_split_one_claim_out_of_a_link_chosen_in_a_dialog(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:2", "b")  # L3: four claims
        chooser = app.screen
        assert isinstance(chooser, ClaimChooser)
        assert chooser.values == ["white-house:2", "white-house:3", "kremlin:5", "kremlin:9", "all"]
        await pilot.press("down", "down", "enter")  # kremlin:5
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert saved(library) == [("unlink", claims("kremlin:5"), "", "ana")]
        assert row_of(app, "kremlin:5").link is None
        assert row_ids(row_of(app, "white-house:2")) == claims("white-house:2", "white-house:3", "kremlin:9")
        assert score_cell(app, "white-house:2").startswith("✎")
        assert rows(app).current is row_of(app, "white-house:2"), "the cursor stays on what is left of the link"


async def test_all_apart_has_a_key_named_in_the_split_dialog_at_80x24(app, library):
    # Four long claims fill a small terminal's dialog: its last line, "All apart", is below the fold there.
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:2", "b")
        chooser = app.screen
        assert isinstance(chooser, ClaimChooser)
        assert "a: All apart" in str(chooser.query_one(".review-box").border_subtitle)
        # One name for the action wherever the dialog shows it: its key, the subtitle, the list's last line.
        (key,) = [b for b in chooser.active_bindings.values() if b.binding.action == "extra"]
        last = chooser.query_one("#review-claims").get_option_at_index(len(chooser.values) - 1).prompt
        assert key.binding.description == ALL_APART.name == "All apart"
        assert str(last).startswith(f"{ALL_APART.name}: ") and chooser.values[-1] == ALL_APART.value
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert saved(library) == [("unlink", claims("white-house:2", "white-house:3", "kremlin:5", "kremlin:9"), "", "ana")]
        assert all(row_of(app, c).link is None for c in ("white-house:2", "white-house:3", "kremlin:5", "kremlin:9"))


async def test_escape_in_the_split_dialog_changes_nothing(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:2", "b")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert saved(library) == []
        assert not (library.root / PAIR / "review.yaml").exists()


async def test_link_two_omissions_with_the_second_cursor(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        await go_to(pilot, app, "kremlin:6")
        await pilot.press("l")
        status = screen.query_one(ReviewStatus)
        assert status.shown and "Linking kremlin:6" in str(status.content)
        assert score_cell(app, "kremlin:6").startswith("⇢"), "the first cursor stays on the row linked from"
        await pilot.press("j", "j")  # the second cursor: to white-house:4
        assert rows(app).current.omission.claim == "white-house:4"
        await pilot.press("l")
        await settle(pilot)
        assert saved(library) == [("link", claims("kremlin:6", "white-house:4"), "", "ana")]
        row = rows(app).current
        assert row_ids(row) == claims("kremlin:6", "white-house:4") and row.link is not None
        assert score_cell(app, "kremlin:6").startswith("+"), "a link the engine never had: added by hand"
        assert "review: added by hand by ana" in detail(app)
        assert not status.shown
        await pilot.press("u")  # the rows come back as they were: none marked as linked from
        await settle(pilot)
        assert saved(library) == []
        assert row_of(app, "kremlin:6").omission is not None
        assert not any(rows(app).cells_at(i)[-1].plain.startswith("⇢") for i in range(rows(app).row_count))


async def test_link_a_claim_into_a_link_with_enter_and_cancel_with_escape(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        await go_to(pilot, app, "kremlin:7")
        await pilot.press("l", "escape")
        assert isinstance(app.screen, ComparisonScreen), "Esc cancels the link, it does not leave the screen"
        assert not screen.query_one(ReviewStatus).shown
        assert not score_cell(app, "kremlin:7").startswith("⇢")
        assert saved(library) == []
        await pilot.press("l", "k", "k", "k")  # the second cursor up to L2
        assert rows(app).current.link.id == "L2"
        await pilot.press("enter")
        await settle(pilot)
        assert saved(library) == [("link", claims("white-house:1", "kremlin:1", "kremlin:7"), "", "ana")]
        assert row_ids(rows(app).current) == claims("white-house:1", "kremlin:1", "kremlin:7")
        assert score_cell(app, "kremlin:7").startswith("✎"), "an engine's link with a claim added: changed"
        assert not screen.query_one(RowDetail).whole, "Enter linked; it did not open the detail"


async def test_linking_two_rows_of_one_side_is_refused(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "kremlin:6", "l", "j", "l")  # kremlin:6 with kremlin:7
        assert any("one side" in n for n in notices(app))
        assert saved(library) == []
        assert app.screen.query_one(ReviewStatus).shown, "still linking: move on to a row of another side"


async def test_not_the_same_point_takes_a_two_claim_link_apart(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:1", "x")
        assert saved(library) == [("distinct", claims("white-house:1", "kremlin:1"), "", "ana")]
        assert row_of(app, "white-house:1").link is None and row_of(app, "kremlin:1").link is None
        assert "review: changed by hand" in detail(app)


async def test_not_the_same_point_takes_out_the_claim_chosen(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await act(pilot, app, "white-house:5", "x")  # L4: white-house:5, kremlin:2, kremlin:3
        assert isinstance(app.screen, ClaimChooser)
        await pilot.press("down", "down", "enter")  # kremlin:3 does not belong
        await settle(pilot)
        assert saved(library) == [("distinct", claims("kremlin:3", "white-house:5"), "", "ana")]
        assert row_ids(row_of(app, "white-house:5")) == claims("white-house:5", "kremlin:2")
        assert row_of(app, "kremlin:3").link is None


async def test_a_conflict_note_then_the_conflict_cleared(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await go_to(pilot, app, "white-house:1")  # L2: the engine flags no conflict
        assert "\n✖" not in score_cell(app, "white-house:1")
        await pilot.press("exclamation_mark")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictNote)
        assert "flags no conflict" in str(dialog.query_one("Static").content)
        # Nothing to clear yet: the button that recorded a clearing of nothing is not offered.
        assert not dialog.query("#review-clear")
        await pilot.press(*"[b]two", "space", *"hours[/b]", "enter")
        await settle(pilot)
        assert saved(library) == [("confirm", claims("white-house:1", "kremlin:1"), "", "ana"),
                                  ("conflict", claims("white-house:1", "kremlin:1"), "[b]two hours[/b]", "ana")]
        assert score_cell(app, "white-house:1").endswith("\n✖")
        assert "conflict marked" in detail(app)
        assert "✖ review  [b]two hours[/b]" in detail(app), "the note as typed, never read as markup"
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert app.screen.query_one("#review-note").value == "[b]two hours[/b]", "the note is offered again"
        await pilot.click("#review-clear")
        await settle(pilot)
        assert saved(library) == [("confirm", claims("white-house:1", "kremlin:1"), "", "ana"),
                                  ("clear-conflict", claims("white-house:1", "kremlin:1"), "[b]two hours[/b]", "ana")]
        assert "\n✖" not in score_cell(app, "white-house:1")
        assert "conflict cleared" in detail(app)


async def confirm_then_split(app, pilot) -> None:
    """Open the pair, confirm L1 (v), then split L2 (b): two changes to undo."""
    await opened(app, pilot)
    await pilot.press("v")
    await settle(pilot)
    await act(pilot, app, "white-house:1", "b")


async def test_undo_and_redo_step_through_the_changes_and_save_each_step(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await confirm_then_split(app, pilot)
        confirmed = ("confirm", claims("white-house:0", "kremlin:0"), "", "ana")
        split = ("unlink", claims("white-house:1", "kremlin:1"), "", "ana")
        assert saved(library) == [confirmed, split]
        await pilot.press("u")
        await settle(pilot)
        assert saved(library) == [confirmed]
        assert row_ids(rows(app).current) == claims("white-house:1", "kremlin:1"), "L2 is one link again, selected"
        assert "decided by the engine" in detail(app)
        await pilot.press("u")
        await settle(pilot)
        assert saved(library) == []
        assert score_cell(app, "white-house:0").startswith("0.")
        await pilot.press("u")
        assert any("Nothing to undo" in n for n in notices(app))
        await pilot.press("U")
        await settle(pilot)
        assert saved(library) == [confirmed]
        assert score_cell(app, "white-house:0").startswith("✓")
        await pilot.press("U")
        await settle(pilot)
        assert saved(library) == [confirmed, split]
        assert row_of(app, "white-house:1").link is None
        await pilot.press("U")
        assert any("Nothing to redo" in n for n in notices(app))


async def test_undo_and_redo_say_which_change_they_took_back_or_made_again(app, library):
    # Each press of u said "Undone." and nothing more: after a few, a reviewer could not tell which decision had
    # just been taken back, nor on which claims.
    async with app.run_test(size=(100, 30)) as pilot:
        await confirm_then_split(app, pilot)
        await pilot.press("u")
        await settle(pilot)
        assert notices(app)[-1] == "Undone: split (white-house:1, kremlin:1)."
        await pilot.press("u")
        await settle(pilot)
        assert notices(app)[-1] == "Undone: confirm (white-house:0, kremlin:0)."
        await pilot.press("U")
        await settle(pilot)
        assert notices(app)[-1] == "Redone: confirm (white-house:0, kremlin:0)."


async def test_undo_keeps_a_decision_another_process_made_meanwhile(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await pilot.press("v")  # confirm L1 here
        await settle(pilot)
        pair = library.load(PAIR)
        other = next(r for r in reviewed_compare(library, pair, CompareOptions()).rows
                     if r.link is not None and r.link.id == "L2")
        change_review(library, pair, lambda review: decide(review, edits.confirm(other))[0])  # elsewhere
        await pilot.press("u")
        await settle(pilot)
        assert saved(library) == [("confirm", claims("white-house:1", "kremlin:1"), "", "ana")]
        assert score_cell(app, "white-house:1").startswith("✓"), "the other decision is shown, not lost"
        assert score_cell(app, "white-house:0").startswith("0.")


async def test_r_shows_only_the_rows_still_to_review(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        total = rows(app).row_count
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("r")
        assert "still to review" in str(screen.query_one("#rows-panel").border_title)
        assert rows(app).row_count == total - 1
        assert all(r.link is None or r.link.id != "L1" for r in rows(app).shown)
        await pilot.press("v")  # confirming here takes the row out of the list
        await settle(pilot)
        assert rows(app).row_count == total - 2
        await pilot.press("r")
        assert rows(app).row_count == total
        await pilot.press("r", "escape")  # Esc clears it as it clears the other filters
        assert rows(app).row_count == total and isinstance(app.screen, ComparisonScreen)


async def test_a_review_file_that_cannot_be_used_is_named_and_never_overwritten(app, library):
    path = library.root / PAIR / "review.yaml"
    path.write_text("decisions:\n  - action: merge\n    claims: []\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await settle(pilot)
        assert any("cannot be used" in n and "decisions[0].action" in n for n in notices(app))
        for key in ("v", "b", "x", "u"):
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert any(n.startswith("Fix the review file first") for n in notices(app))
    assert path.read_text(encoding="utf-8") == "decisions:\n  - action: merge\n    claims: []\n"


async def test_the_review_keys_are_in_the_key_bar_the_help_and_the_palette(app):
    from tui.palette import DualreadCommands

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(app, pilot)
        bar = screen.query_one("#keys").content.plain
        assert "w Why" in bar and bar.endswith("^p palette"), "the line fits and keeps the palette's hint"
        await pilot.press("w")  # the pane lists the review's keys on its top edge
        edge = str(screen.query_one(WhyPane).border_title)
        for key in ("v confirm", "b split", "l link", "x not same", "! conflict", "u/U undo/redo",
                    "r to review"):
            assert key in edge
        table = keys_table(screen)  # what the help (?) lists
        keys, actions = (list(column.cells) for column in table.columns)
        helped = {str(k): str(a) for k, a in zip(keys, actions, strict=True)}
        for key, said in (("w", "Why:"), ("v", "Confirm:"), ("b", "Split:"), ("l", "Link:"),
                          ("x", "Not the same point:"), ("!", "Conflict:"), ("u", "Undo the last review change"),
                          ("U", "Redo"), ("r", "To review:")):
            assert helped.get(key, "").startswith(said), (key, helped.get(key))
        provider = DualreadCommands(screen)
        texts = [text for text, _, _ in provider._commands()]
        for said in ("Why", "Confirm", "Split", "Link", "Not the same", "Conflict note", "Undo", "Redo",
                     "To review", "Show… still to review"):
            assert said in texts


async def test_a_stale_decision_is_said_kept_in_the_file_and_outlives_new_changes(app, library):
    pair = library.load(PAIR)
    first = reviewed_compare(library, pair, CompareOptions()).rows[0]
    change_review(library, pair, lambda review: decide(review, edits.confirm(first))[0])
    text = library.root / PAIR / "white-house.txt"
    sentence = first.claims["white-house"][0].text
    text.write_text(text.read_text(encoding="utf-8").replace(sentence, "The two presidents spoke by video link."),
                    encoding="utf-8")  # the confirmed claim's text is gone
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await settle(pilot)
        assert any("1 decision of the review no longer finds its claims" in n and "dualread review" in n
                   for n in notices(app))
        await act(pilot, app, "white-house:1", "v")
        review = read_review(library, library.load(PAIR))
        assert [d.action for d in review.decisions] == ["confirm", "confirm"]
        assert review.decisions[0].claims[0].text == sentence, "the stale decision is kept as it was"
        assert score_cell(app, "white-house:1").startswith("✓")


async def test_undo_reaches_changes_made_before_the_pair_was_left_and_opened_again(app, library):
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(app, pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("escape")  # back to the library
        await settle(pilot)
        assert not isinstance(app.screen, ComparisonScreen)
        app.open_pair(PAIR)
        await opened(app, pilot)
        assert score_cell(app, "white-house:0").startswith("✓")
        await pilot.press("u")
        await settle(pilot)
        assert saved(library) == []
        assert score_cell(app, "white-house:0").startswith("0.")
