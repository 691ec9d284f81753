"""The comparison at 80 columns (and 100, where the same lines are read): topic labels, the count columns, the
header's sides and the key bar while searching, each read as the user sees it on the terminal."""

from __future__ import annotations

import tui_fixtures
from textual.geometry import Region
from tui_fixtures import make_app, shown

PAIR = "2022-01-05-carter-ostrov-call"
THREE = "2021-06-02-lisbon-meeting"

LONG_LABELS = {"bilateral": "NATO, allies and partners", "humanitarian": "Economy, trade and energy",
               "talks": "Regional issues"}
"""Labels as long as the default taxonomy's longest (the fixtures' own are short)."""


def topic_lines(app) -> list[str]:
    return [line.rstrip() for line in shown(app.screen.query_one("#topics"))]


def label_words(lines: list[str]) -> str:
    """The topic list's words without its counts and badges: the labels as read, a wrapped one joined up."""
    return " ".join(w for line in lines for w in line.split() if not w.isdigit() and w not in "·●◐✖")


async def test_two_sides_at_80_columns_show_every_topic_label_whole(tmp_path, settle, monkeypatch):
    for topic, label in LONG_LABELS.items():
        monkeypatch.setitem(tui_fixtures.LABELS, topic, label)
    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = topic_lines(app)
        painted = label_words(lines)
        labels = [t.label for t in app.screen.comparison.topics if any(t.claims.values())]
        for label in labels:
            assert label in painted, (label, lines)
        assert "…" not in painted, lines
        # The rows still get most of the width: each side's column keeps room for a readable line of text.
        rows = app.screen.query_one("#rows-panel")
        assert rows.size.width >= 52, rows.size.width


def test_side_tags_are_at_most_two_letters_and_never_the_same_twice():
    from readouts.model import Side
    from tui.widgets.side_names import side_tags

    sides = [Side(key, "x") for key in ("north-ministry", "north-mission", "northern")]
    tags = side_tags(sides)
    assert len(set(tags)) == 3 and all(1 <= len(t) <= 2 for t in tags), tags


async def test_the_count_columns_have_a_header_that_the_rows_header_explains(tmp_path, settle):
    for width in (80, 100):
        app = make_app(tmp_path, open_pair=PAIR)
        async with app.run_test(size=(width, 24)) as pilot:
            await settle(pilot)
            header = shown(app.screen.query_one("#topics-columns"))[0]
            all_line = topic_lines(app)[0]
            assert all_line.split() == ["All", "6", "5"], all_line
            # "WH" over the White House's count, "KR" over the Kremlin's (its key), right-aligned alike.
            assert header.index("WH") + 2 == all_line.index("6") + 1, (header, all_line)
            assert header.index("KR") + 2 == all_line.index("5") + 1, (header, all_line)
            rows_header = shown(app.screen.query_one("#rows"))[0]
            assert "WH White House" in rows_header and "KR Kremlin" in rows_header, rows_header


async def test_while_searching_the_key_bar_says_enter_jumps_and_esc_closes(tmp_path, settle):
    from tui.widgets.key_bar import KeyBar

    app = make_app(tmp_path, open_pair=PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"talks")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar).content.plain
        assert "⏎ Next match" in bar and "esc Close search" in bar, bar
        rows = app.screen.query_one("#rows")
        before = rows.cursor_row
        await pilot.click(KeyBar, offset=(bar.index("Next match") + 1, 0))
        await pilot.pause()
        assert rows.cursor_row != before, "a click on the entry jumps as Enter does"


async def test_three_sides_at_80_columns_the_header_names_the_publishers_not_scraps_of_titles(tmp_path, settle):
    app = tui_fixtures.real_app(tmp_path / "library", tmp_path, open_pair="2021-12-30-biden-putin-call")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        header = app.screen.query_one("#pair-header")
        whole = Region(0, 0, header.outer_size.width, header.outer_size.height)  # ``shown`` loses the padding
        sides_line = header.render_lines(whole)[1].text.strip()
        parts = [part.strip() for part in sides_line.split(" · ")]
        labels = [side.label for side in app.screen.comparison.pair.sides]
        assert len(parts) == len(labels) == 3, sides_line
        for part, label in zip(parts, labels):
            # A name whole, or losing at most its last few letters; no title squeezed in beside a cut name.
            assert part == label or (part.endswith("…") and label.startswith(part[:-1])
                                     and len(part) >= len(label) - 3), (part, label, sides_line)


async def test_at_80x24_a_topic_list_with_a_scrollbar_keeps_each_badge_on_its_topics_line(tmp_path, settle):
    # The bundled video call has more topics than the list has lines: the scrollbar that came took two cells from
    # prompts laid out without it, so every badge wrapped to a line of its own under its topic ("Sanctions  1  3"
    # then "●"), and half the list was badges.
    app = tui_fixtures.real_app(tmp_path / "library", tmp_path, open_pair="2021-12-07-biden-putin-video-call")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        topics = app.screen.query_one("#topics")
        assert topics.show_vertical_scrollbar, "the case: more topics than lines"
        lines = topic_lines(app)
        assert not [line for line in lines if line.strip() in ("●", "◐", "✖")], lines
        assert lines[1].split()[-1] in ("●", "◐", "✖"), lines


def write_many_sides(library, pair_id: str, count: int) -> None:
    """A pair of ``count`` sides (a press review of one call, say), each a short readout of its own."""
    folder = library / pair_id
    folder.mkdir(parents=True)
    sides = "".join(f"  - {{key: outlet-{n}, publisher: Outlet {n}, title: Report {n}, file: outlet-{n}.txt}}\n"
                    for n in range(1, count + 1))
    (folder / "pair.yaml").write_text(f"id: {pair_id}\nevent: A call\ndate: 2024-03-04\nsides:\n{sides}",
                                      encoding="utf-8")
    for n in range(1, count + 1):
        (folder / f"outlet-{n}.txt").write_text(
            f"Report {n}\n\nThe ministers discussed fishing quotas in the strait.\n\nThey agreed to meet in "
            f"town number {n}.\n", encoding="utf-8")


async def test_a_pair_of_thirty_sides_shows_readable_columns_and_pages_through_the_sides(tmp_path, settle):
    # 300 sides gave each side 8 cells ("mentione / d" over two lines, every name cut to nothing) and the
    # topic list a wall of counts. Now the rows show the sides that fit at a readable width, the panel's title
    # says which ("sides 1–3 of 30") and ] / [ page through the others.
    write_many_sides(tmp_path / "library", "press-review", 30)
    app = tui_fixtures.real_app(tmp_path / "library", tmp_path, open_pair="press-review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        rows = app.screen.query_one("#rows")
        header = shown(rows)[0]
        names = [n for n in range(1, 31) if f"Outlet {n}" in header]
        assert names and names == list(range(1, len(names) + 1)), header
        assert len(names) < 30 and (rows.size.width - 9) // len(names) >= 14, (header, rows.size.width)
        title = str(app.screen.query_one("#rows-panel").border_title)
        assert f"sides 1–{len(names)} of 30" in title, title
        await pilot.press("right_square_bracket")
        await settle(pilot)
        header = shown(rows)[0]
        after = [n for n in range(1, 31) if f"Outlet {n} " in header + " "]
        assert after == list(range(len(names) + 1, 2 * len(names) + 1)), header
        title = str(app.screen.query_one("#rows-panel").border_title)
        assert f"sides {len(names) + 1}–{2 * len(names)} of 30" in title, title
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert f"sides 1–{len(names)} of 30" in str(app.screen.query_one("#rows-panel").border_title)
        # The topic list keeps its labels readable: no count column per side when they cannot all fit.
        all_line = topic_lines(app)[0]
        assert all_line.split()[0] == "All" and len(all_line.split()) <= 3, all_line


async def test_a_pair_of_thirty_sides_names_its_first_sides_in_the_header_and_how_many_more(tmp_path, settle):
    # Every side got an equal share of the sides line: "… · … · … · …", thirty ellipses and not one name.
    write_many_sides(tmp_path / "library", "press-review", 30)
    app = tui_fixtures.real_app(tmp_path / "library", tmp_path, open_pair="press-review")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.screen.query_one("#pair-header")
        whole = Region(0, 0, header.outer_size.width, header.outer_size.height)
        sides_line = header.render_lines(whole)[1].text.strip()
        assert sides_line.startswith("Outlet 1 · Outlet 2"), sides_line
        named = sides_line.count("Outlet")
        assert sides_line.endswith(f"+{30 - named} more"), sides_line
        assert len(sides_line) <= 78, sides_line


async def test_the_full_text_of_thirty_sides_shows_readable_panes_and_pages_through_the_sides(tmp_path, settle):
    # The full-text view made a pane of each of 300 sides: two cells wide, no text in any.
    from tui.screens.fulltext import FullTextScreen
    from tui.widgets.fulltext.readout_pane import ReadoutPane

    write_many_sides(tmp_path / "library", "press-review", 30)
    app = tui_fixtures.real_app(tmp_path / "library", tmp_path, open_pair="press-review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FullTextScreen)
        panes = list(app.screen.query(ReadoutPane))
        assert 2 <= len(panes) < 30 and all(p.size.width >= 20 for p in panes), [p.size.width for p in panes]
        assert [p.document.key for p in panes] == [f"outlet-{n}" for n in range(1, len(panes) + 1)]
        header = app.screen.query_one("#pair-header")
        first_line = header.render_lines(Region(0, 0, header.outer_size.width, 2))[0].text
        assert f"sides 1–{len(panes)} of 30" in first_line, first_line
        await pilot.press("right_square_bracket")
        await settle(pilot)
        keys = [p.document.key for p in app.screen.query(ReadoutPane)]
        assert keys == [f"outlet-{n}" for n in range(len(panes) + 1, 2 * len(panes) + 1)], keys
