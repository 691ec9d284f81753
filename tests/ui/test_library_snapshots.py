"""Snapshots of the library screen's orders and topic chooser, and of the search screen, at 100x30 and 80x24.

The library is the UI tests' stand-in (``tui_fixtures.make_app``); the search screen's results are a fixed
``SearchResult`` (the search itself is tested against real libraries in ``test_library_catalog.py``), one claim
holding Rich markup that must show as typed. Look at a changed snapshot before accepting it:
`pytest tests/ui/test_library_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from tui_fixtures import MARKUP_LINE, make_app

from comparisons.library_search import ClaimHit, Partner, PairHits, SearchQuery, SearchResult

ROOT = Path("/data/library")


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys(*pressed: str):
    async def before(pilot) -> None:
        await settled(pilot)
        await pilot.press(*pressed)
        await settled(pilot)

    return before


def test_library_80x24(snap_compare):
    assert snap_compare(make_app(ROOT), terminal_size=(80, 24), run_before=settled)


def test_library_by_omissions_80x24(snap_compare):
    # date -> event -> claims -> links -> omissions
    assert snap_compare(make_app(ROOT), terminal_size=(80, 24), run_before=keys("o", "o", "o", "o"))


def test_topic_choice_100x30(snap_compare):
    assert snap_compare(make_app(ROOT), terminal_size=(100, 30), run_before=keys("t"))


def hit(claim_id: str, text: str, status: str, link: str | None, partner: str | None = None) -> ClaimHit:
    side = claim_id.split(":")[0]
    partners = (Partner("kr:2", "kr", "Kremlin", partner),) if partner else ()
    return ClaimHit(claim_id, side, "White House" if side == "wh" else "Kremlin", text, 0, len(text), None,
                    ("sanctions",), status, link, 0.8 if link else None, (), partners)


RESULT = SearchResult(
    query=SearchQuery("controls"),
    pairs=(
        PairHits("2022-01-05-carter-ostrov-call", "2022-01-05", "Carter–Ostrov call", False, (
            hit("wh:2", "Carter said that new export controls would follow any move across the border.", "linked",
                "L2", "Ostrov warned that export controls would be a grave mistake."),
            hit("wh:4", MARKUP_LINE + " Export controls again.", "omission", None),
        )),
        PairHits("2021-06-02-lisbon-meeting", "2021-06-02", "Lisbon meeting", True, (
            hit("kr:7", "Export controls came up at the end of the meeting.", "conflict", "L5",
                "The controls were not discussed, the other side said."),
        )),
    ),
    broken=(("2020-02-02-broken", "pair.yaml: field 'date': not a date"),),
    failed=(),
    not_indexed=3,
)


class FixedSearch:
    """The library view of the stand-in library, its search answering ``RESULT``."""

    def __init__(self, view) -> None:
        self.view = view

    def __getattr__(self, name):
        return getattr(self.view, name)

    def search(self, query, limit=None):
        return RESULT


def search_app():
    app = make_app(ROOT)
    app.library_view = FixedSearch(app.library_view)
    return app


def test_search_100x30(snap_compare):
    async def before(pilot) -> None:
        await settled(pilot)
        await pilot.press("ctrl+f", *"controls", "enter")
        await settled(pilot)

    assert snap_compare(search_app(), terminal_size=(100, 30), run_before=before)


def test_search_80x24(snap_compare):
    async def before(pilot) -> None:
        await settled(pilot)
        await pilot.press("ctrl+f", *"controls", "enter", "down")
        await settled(pilot)

    assert snap_compare(search_app(), terminal_size=(80, 24), run_before=before)
