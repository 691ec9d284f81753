"""Questions an analyst asks of a comparison, each one key away (issue 13, items 3 to 7): what did a side leave
out (n/N and the "not mentioned by" filter), every conflict, who said what, which side is which, a conflict read
whole, a row quoted to the clipboard and a source opened in the browser."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tui_fixtures import (
    build,
    call_comparison,
    make_app,
    palette_commands,
    real_app,
    record_notices,
    screen_lines,
    shown,
    still,
    wait_for,
)

from comparisons.model import Conflict
from readouts.model import Claim, Pair, Side
from tui.screens.comparison import ComparisonScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.row_detail import RowDetail
from tui.widgets.comparison.row_filter import is_difference, next_difference

PAIR = "2022-01-05-carter-ostrov-call"
TRIO = "2023-04-05-harbour-talks"

NORTH = "North note\n\nThe ministers met at the harbour. Minister Aalto said the quota would rise. They will meet in June."
SOUTH = "South note\n\nThe ministers met at the harbour. The quota will rise, Minister Aalto said."
PRESS = "Press summary\n\nThe ministers met at the harbour. Minister Aalto said the quota would rise."


def trio():
    """Three sides: a row all three report, a row the north does not mention while the others agree (a link of
    two), and a north omission; the quota claims carry a speaker."""
    pair = Pair(id=TRIO, event="Harbour talks", date=dt.date(2023, 4, 5), sides=(
        Side("north", NORTH, publisher="Ministry of the North", url="https://north.example/note"),
        Side("south", SOUTH, publisher="Southern Government Office", url="javascript:alert(1)"),
        Side("press", PRESS, publisher="dualread sample press summary", url="https://press.example/summary"),
    ))
    sentences = {"north": ["The ministers met at the harbour.", "Minister Aalto said the quota would rise.",
                           "They will meet in June."],
                 "south": ["The ministers met at the harbour.", "The quota will rise, Minister Aalto said."],
                 "press": ["The ministers met at the harbour.", "Minister Aalto said the quota would rise."]}
    topics = {"north:0": ("bilateral",), "south:0": ("bilateral",), "press:0": ("bilateral",),
              "north:1": ("talks",), "south:1": ("talks",), "press:1": ("talks",), "north:2": ("talks",)}
    links = [("L1", ("north:0", "south:0", "press:0"), 0.97, ()),
             ("L2", ("south:1", "press:1"), 0.8, ())]
    comparison = build(pair, sentences, topics, links)
    # The north's quota claim is left unlinked on purpose: the others agree without it. Speakers by claim.
    speakers = {"north:1": "Aalto", "south:1": "Aalto", "press:1": "Aalto"}
    documents = tuple(replace(d, claims=tuple(replace(c, speaker=speakers.get(c.id)) for c in d.claims))
                      for d in comparison.documents)
    return replace(comparison, documents=documents)


def app_with(tmp_path, comparison, **kwargs):
    app = make_app(tmp_path, **kwargs)
    app.library.pairs[comparison.pair.id] = comparison.pair
    app.store.remember(comparison)
    return app


def rows(app) -> AlignedRows:
    return app.screen.query_one(AlignedRows)


def detail(app) -> str:
    return app.screen.query_one(RowDetail).text


def test_a_link_one_side_takes_no_part_in_is_a_difference():
    comparison = trio()
    found = [i for i, r in enumerate(comparison.rows) if is_difference(r)]
    two_of_three = next(i for i, r in enumerate(comparison.rows) if r.link and r.link.id == "L2")
    assert two_of_three in found
    assert next_difference(comparison.rows, -1, 1) == found[0]


async def test_n_stops_where_one_side_of_three_is_silent_and_the_others_agree(tmp_path, settle):
    app = app_with(tmp_path, trio(), open_pair=TRIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(3):
            await pilot.press("n")
            current = rows(app).current
            seen.append(current.link.id if current.link else "omission")
        assert "L2" in seen, seen


async def test_m_shows_what_each_side_left_out_in_turn_then_every_row_again(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        total = rows(app).row_count
        await pilot.press("m")
        assert rows(app).row_count == 1
        assert all(not r.claims["white-house"] for r in rows(app).shown)
        assert "not mentioned by White House" in str(app.screen.query_one("#rows-panel").border_title)
        await pilot.press("m")
        assert rows(app).row_count == 2 and all(not r.claims["kremlin"] for r in rows(app).shown)
        assert "not mentioned by Kremlin" in str(app.screen.query_one("#rows-panel").border_title)
        await pilot.press("m")
        assert rows(app).row_count == total


async def test_c_lists_every_conflict_and_esc_clears_the_filter_before_going_back(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert rows(app).row_count == 1 and rows(app).current.has_conflict
        assert "conflicts · 1 row" in str(app.screen.query_one("#rows-panel").border_title)
        await pilot.press("escape")
        assert isinstance(app.screen, ComparisonScreen), "Esc cleared the filter first"
        assert rows(app).row_count == 7
        await pilot.press("escape")
        assert not isinstance(app.screen, ComparisonScreen)


async def test_s_shows_the_rows_of_one_speaker(tmp_path, settle):
    app = app_with(tmp_path, trio(), open_pair=TRIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        shown_rows = rows(app).shown
        assert shown_rows and all(any(c.speaker == "Aalto" for cs in r.claims.values() for c in cs)
                                  for r in shown_rows)
        assert "said by Aalto" in str(app.screen.query_one("#rows-panel").border_title)
        await pilot.press("s")
        assert rows(app).row_count == len(trio().rows)


async def test_the_detail_names_each_sides_speakers_by_side(tmp_path, settle):
    app = app_with(tmp_path, trio(), open_pair=TRIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows(app).go_to(next(i for i, r in enumerate(rows(app).shown) if r.link and r.link.id == "L2"))
        await pilot.pause()
        text = detail(app)
        assert "South: Aalto" in text and "Press: Aalto" in text, text
        assert "not mentioned by North" in text, text


def test_side_tags_and_names_come_from_the_keys_a_person_chose():
    from tui.widgets.side_names import short_names, side_tags

    sides = [Side("white-house", "x", publisher="The White House"),
             Side("kremlin", "x", publisher="President of Russia"),
             Side("press", "x", publisher="dualread sample press summary")]
    assert short_names(sides) == ["White House", "Kremlin", "Press"]
    assert side_tags(sides) == ["WH", "KR", "PR"]
    uk = [Side("uk-gov", "x", publisher="Prime Minister's Office"), Side("pmo-india", "x", publisher="PMO")]
    assert short_names(uk) == ["UK Gov", "PMO India"] and side_tags(uk) == ["UK", "PM"]
    own = Side("a", "x", publisher="Office of the Prime Minister of Canada", extra={"short": "Canada"})
    assert short_names([own, Side("b", "x", publisher="Élysée")]) == ["Canada", "Élysée"]


async def test_three_sides_at_100_columns_name_every_side_whole_in_the_rows_header(tmp_path, settle):
    app = app_with(tmp_path, trio(), open_pair=TRIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        header = shown(rows(app))[0]
        assert "NO North" in header and "SO South" in header and "PR Press" in header, header
        assert "…" not in header


def long_conflict():
    comparison = call_comparison()
    values = {"white-house": "January 10, January 12, January 13 in Geneva and later in Brussels",
              "kremlin": "January 9–10, January 12, January 13 in Geneva, then Brussels and Vienna"}
    links = tuple(replace(link, conflicts=(Conflict("date", values), *link.conflicts)) if link.conflicts else link
                  for link in comparison.links)
    return replace(comparison, links=links)


async def test_a_conflict_is_read_whole_at_80x24_every_value_of_every_side(tmp_path, settle):
    app = app_with(tmp_path, long_conflict(), open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        seen = " ".join(" ".join(line.split()) for line in screen_lines(app))
        for value in ("January 10, January 12, January 13 in Geneva and later in Brussels",
                      "January 9–10, January 12, January 13 in Geneva, then Brussels and Vienna",
                      "Vienna", "Geneva"):
            assert " ".join(value.split()) in seen, (value, seen)


async def test_enter_opens_the_whole_row_in_the_detail_pane_and_closes_it(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        row = rows(app).current
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(RowDetail)
        assert pane.has_class("-whole")
        for claims in row.claims.values():
            for claim in claims:
                assert claim.text in pane.text
        await pilot.press("enter")
        assert not app.screen.query_one(RowDetail).has_class("-whole")


async def test_y_copies_the_row_as_a_quote_naming_each_side(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = record_notices(app)
        await pilot.press("y")
        copied = app.clipboard
        row = rows(app).current
        assert "The White House" in copied and "Freedonian Presidency" in copied
        for claims in row.claims.values():
            for claim in claims:
                assert claim.text in copied
        assert any("Copied" in message for message in said)


async def test_o_offers_each_sides_web_source_and_opens_the_one_chosen(tmp_path, settle, monkeypatch):
    app = app_with(tmp_path, trio(), open_pair=TRIO)
    opened = []
    monkeypatch.setattr(app, "open_url", lambda url, **kwargs: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        offered = " ".join(str(o.prompt) for o in app.screen.query_one("#sources").options)
        assert "https://north.example/note" in offered and "https://press.example/summary" in offered
        assert "javascript" not in offered, "only web addresses are offered: a library's links are untrusted"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert opened == ["https://press.example/summary"]
        assert isinstance(app.screen, ComparisonScreen)


async def test_with_the_detail_pane_open_each_topics_badge_stays_on_its_line(tmp_path):
    import re

    app = real_app(tmp_path / "library", tmp_path, open_pair="2021-12-30-biden-putin-call")
    async with app.run_test(size=(100, 30)) as pilot:
        # Waited for by name, not by rounds: on a loaded machine Textual's idle wait returns early, and Enter pressed
        # before the comparison landed does nothing (the list then fits and never scrolls).
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonScreen) and app.screen.comparison is not None
                       and isinstance(app.screen.focused, AlignedRows), "the comparison on screen, the rows focused")
        await pilot.press("enter")
        topics = app.screen.query_one("#topics")
        steady = still(app)
        await wait_for(pilot, lambda: app.screen.query_one(RowDetail).whole and steady(),
                       "the detail pane open and the screen still")
        assert topics.show_vertical_scrollbar, "the list is taller than its room"
        panel = [line[:30] for line in screen_lines(app)]
        # A topic's line holds its counts and badge; a line with a badge and nothing else is one that wrapped.
        assert not [line for line in panel if re.fullmatch(r"│[●◐✖] *│", line.rstrip())], panel


async def test_the_palette_says_what_each_action_does_and_offers_each_filter_choice(tmp_path, settle):
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands = await palette_commands(app.screen)
        helps = {text: help_text for text, _, help_text in commands}
        assert helps["Conflicts"].startswith("Conflicts: only the links") and helps["Conflicts"].endswith("key: c")
        assert "Copy" in helps and "Open source" in helps
        show = next(cb for text, cb, _ in commands if text == "Show… not mentioned by Kremlin")
        show()
        await pilot.pause()
        assert rows(app).row_count == 2 and all(not r.claims["kremlin"] for r in rows(app).shown)
