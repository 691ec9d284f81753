"""The full-text view: both readouts, the selected row's claims highlighted in each, panes scrolling in step."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import Static
from tui_fixtures import MARKUP_LINE, held, make_app

from tui.screens.comparison import ComparisonScreen
from tui.screens.fulltext import FullTextScreen, place_in
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.fulltext.readout_pane import ReadoutPane

PAIR = "2022-01-05-carter-ostrov-call"


@pytest.fixture
def opened(tmp_path):
    return make_app(tmp_path, open_pair=PAIR)


def highlighted(pane: ReadoutPane) -> list[str]:
    """The stretches of a pane's text painted as the selected claim (reverse video)."""
    found = []
    for static in pane.query(".paragraph").results(Static):
        text = static.content
        assert isinstance(text, Text)
        for span in text.spans:
            if "reverse" in str(span.style):
                found.append(text.plain[span.start:span.end])
    return found


async def test_the_selected_link_is_highlighted_in_every_side(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = opened.screen
        assert isinstance(screen, FullTextScreen)
        wh, kr = screen.panes
        assert highlighted(wh) == ["President Carter spoke today with President Ostrov of Freedonia."]
        assert highlighted(kr) == [
            "At the request of the American side, Ostrov held a telephone conversation with Carter."
        ]
        await pilot.press("n")
        assert highlighted(kr) == [] and highlighted(wh) == ["The call lasted fifty minutes."]


async def test_rows_move_with_keys_and_the_place_is_kept_on_return(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", "down", "down", "j")
        assert opened.screen.index == 3
        await pilot.press("k")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(opened.screen, ComparisonScreen)
        assert opened.screen.query_one(AlignedRows).cursor_row == 2


async def test_panes_scroll_in_step(opened, settle):
    async with opened.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        first, second = opened.screen.panes
        assert first.max_scroll_y > 0 and second.max_scroll_y > 0, "the test needs panes that scroll"
        first.scroll_to(y=first.max_scroll_y, animate=False)
        await pilot.pause()
        assert second.scroll_y == second.max_scroll_y
        first.scroll_to(y=0, animate=False)
        await pilot.pause()
        assert second.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert first.scroll_y > 0 and second.scroll_y > 0


async def test_the_selected_claim_is_scrolled_into_view_on_opening(tmp_path, settle):
    from comparisons.options import CompareOptions
    from readouts.library import Library
    from tui.app import DualreadApp

    app = DualreadApp(Library(tmp_path), CompareOptions(), open_pair="2021-12-30-biden-putin-call")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end", "f")
        await settle(pilot)
        screen = app.screen
        row = screen.current
        for pane in screen.panes:
            claims = row.claims.get(pane.document.key, ())
            if claims and pane.max_scroll_y:
                assert pane.scroll_y > 0, f"{pane.document.key}: the last row's claim is not at the top"


async def test_markup_in_the_full_text_is_literal(opened, settle):
    async with opened.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        wh = opened.screen.panes[0]
        plain = "\n".join(s.content.plain for s in wh.query(".paragraph").results(Static))
        assert "[bold red]urgent[/]" in plain
        assert MARKUP_LINE.replace("\x1b", "␛") in plain



def test_place_in_is_the_rows_own_claim_else_the_nearest_rows(tmp_path):
    comparison = held(make_app(tmp_path), PAIR)
    rows = comparison.rows
    index = max(i for i, r in enumerate(rows) if r.omission is not None)
    reporter = rows[index].omission.side
    silent = next(k for k in comparison.side_keys if k != reporter)
    nearest = min((abs(i - index), i) for i, r in enumerate(rows) if r.claims.get(silent))[1]
    assert place_in(rows, index, reporter) == rows[index].claims[reporter][0].start
    assert place_in(rows, index, silent) == rows[nearest].claims[silent][0].start
    assert place_in(rows, index, "no-such-side") is None


async def test_on_opening_a_side_without_the_row_shows_its_nearest_claim(opened, settle):
    async with opened.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        rows = opened.screen.query_one(AlignedRows)
        rows.go_to(max(i for i, r in enumerate(rows.shown) if r.omission is not None))
        await pilot.press("f")
        await settle(pilot)
        screen = opened.screen
        silent = [p for p in screen.panes if not screen.current.claims.get(p.document.key)]
        assert silent, "the row is an omission: one side does not report it"
        for pane in silent:
            place = place_in(screen.rows, screen.index, pane.document.key)
            paragraph = next(
                static for static, (start, end) in zip(pane.query(".paragraph").results(Static), pane.spans)
                if place < end
            )
            top = pane.scroll_y
            assert top > 0, "not left at the top of the text"
            assert top <= paragraph.virtual_region.y < top + pane.scrollable_content_region.height


async def test_at_80_columns_a_long_event_gives_way_to_the_full_text_mark_and_the_keys_read_as_on_rows(
    tmp_path, settle
):
    from dataclasses import replace

    from textual.geometry import Region

    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path, open_pair=PAIR)
    long = "Carter–Ostrov telephone call on the fishing fleet, export controls and the Vienna and Geneva talks"
    app.library.pairs[PAIR] = replace(app.library.pairs[PAIR], event=long)  # pair.yaml edited: the same texts
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FullTextScreen)
        header = app.screen.query_one("#pair-header")
        title = header.render_lines(Region(0, 0, header.outer_size.width, 1))[0].text.rstrip()  # padding too
        assert title.endswith("[full text]") and "Carter–Ostrov" in title, title
        keys = app.screen.query_one(KeyBar).content.plain
        assert "↓/↑ Row" in keys and "n/N Diff" in keys, keys


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)])
async def test_the_tint_legend_never_breaks_a_topic_name_over_two_lines(tmp_path, settle, size):
    # At 80 columns "Security guarantees" was split: its first word ended the legend's first line and
    # "guarantees" began the second, a chip of its own that read as a topic.
    from tui_fixtures import real_app, screen_lines

    app = real_app(tmp_path / "library", tmp_path, open_pair="2021-12-30-biden-putin-call")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FullTextScreen)
        labels = [screen.comparison.topic_label(topic) for topic in screen.colours]
        assert "Security guarantees" in labels
        lines = "\n".join(screen_lines(app))
        for label in labels:
            assert f" {label} " in lines, f"{label!r} whole on one line:\n{lines}"
