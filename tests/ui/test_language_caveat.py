"""A pair whose sides the lexical engine cannot read against each other says so when it opens: its omissions may
be points both sides make (``comparisons.reports.languages``)."""

from __future__ import annotations

from tui_fixtures import real_app, record_notices, wait_for

from readouts.adding import add_pair
from readouts.library import Library
from tui.screens.comparison import ComparisonScreen


async def test_an_english_and_a_chinese_readout_open_with_a_caveat_said_once(tmp_path):
    (tmp_path / "en.txt").write_text("Trade note\n\nThe two sides discussed trade.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("贸易\n\n双方讨论了贸易问题。\n", encoding="utf-8")
    library = Library(tmp_path / "library")
    add_pair(library, "p", "Trade call", "2026-03-05", {"north": str(tmp_path / "en.txt"),
                                                         "china": str(tmp_path / "zh.txt")})
    app = real_app(library.root, tmp_path, open_pair="p")
    notices = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen) and app.screen.comparison is not None,
                       "the comparison on screen")
        await wait_for(pilot, lambda: any("different languages (en, zh)" in n for n in notices), "the caveat")
        caveats = [n for n in notices if "different languages" in n]
        assert len(caveats) == 1 and caveats[0].severity == "warning"
        app.screen.show_comparison(app.screen.comparison)  # compared anew (a review, a watch): not said again
        await pilot.pause()
        assert len([n for n in notices if "different languages" in n]) == 1
