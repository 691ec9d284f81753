"""Snapshots of every screen at a fixed size, after workers settle, with a fixed library path in the title.

Look at a changed snapshot before accepting it: `pytest tests/ui/test_snapshots.py --snapshot-update`, then open
the SVG files in tests/ui/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

from tui_fixtures import cursor_on, make_app

ROOT = Path("/data/library")
PAIR = "2022-01-05-carter-ostrov-call"


def app(open_pair: str | None = None):
    return make_app(ROOT, open_pair=open_pair)


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_library_100x30(snap_compare):
    assert snap_compare(app(), terminal_size=(100, 30), run_before=settled)


def test_comparison_100x30(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("n", "n", "n")
        await settled(pilot)

    assert snap_compare(app(PAIR), terminal_size=(100, 30), run_before=before)


def test_comparison_80x24(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("n", "n", "n")
        await settled(pilot)

    assert snap_compare(app(PAIR), terminal_size=(80, 24), run_before=before)


def test_comparison_with_a_third_side_80x24(snap_compare):
    assert snap_compare(app("2021-06-02-lisbon-meeting"), terminal_size=(80, 24), run_before=settled)


def test_full_text_100x30(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("n", "n", "n", "f")
        await settled(pilot)

    assert snap_compare(app(PAIR), terminal_size=(100, 30), run_before=before)


def test_help_100x30(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("question_mark")
        await settled(pilot)

    assert snap_compare(app(PAIR), terminal_size=(100, 30), run_before=before)


def test_add_pair_100x30(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("a", *"Bad/Id")
        await settled(pilot)

    assert snap_compare(app(), terminal_size=(100, 30), run_before=before)


def test_export_dialog_100x30(snap_compare):
    async def before(pilot):
        await settled(pilot)
        await pilot.press("e")
        await settled(pilot)

    assert snap_compare(app(PAIR), terminal_size=(100, 30), run_before=before)


async def on_pair_then(pilot, *keys: str) -> None:
    """The cursor on PAIR in the library, then ``keys``."""
    await settled(pilot)
    await cursor_on(pilot, PAIR)
    await pilot.press(*keys)
    await settled(pilot)


def test_edit_pair_100x30(snap_compare):
    assert snap_compare(app(), terminal_size=(100, 30), run_before=lambda pilot: on_pair_then(pilot, "E"))


def test_edit_pair_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=lambda pilot: on_pair_then(pilot, "E"))


def test_delete_confirmation_100x30(snap_compare):
    assert snap_compare(app(), terminal_size=(100, 30), run_before=lambda pilot: on_pair_then(pilot, "d"))


def test_delete_confirmation_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=lambda pilot: on_pair_then(pilot, "d"))
