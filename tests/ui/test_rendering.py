"""What the UI paints, checked without an app: readout text stays literal, diffs and conflicts are coloured where
a reader looks for them, tables fit the terminal."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console
from tui_fixtures import MARKUP_LINE, call_comparison, three_sides

from comparisons.model import Span
from tui.screens.comparison import next_difference, row_matches
from tui.widgets.comparison.row_detail import detail_text
from tui.widgets.comparison.topic_list import badge_of
from tui.widgets.fulltext.readout_pane import paragraphs
from tui.widgets.library.listing import Listing, figures_of, matches
from tui.widgets.library.pair_preview import preview_text
from tui.widgets.library.pair_table import columns_for
from tui.widgets.texts import NOT_MENTIONED, Palette, diff_pieces, highlight, literal, side_cell

PALETTE = Palette()


def rendered(text) -> str:
    console = Console(width=200, color_system="truecolor", force_terminal=True, legacy_windows=False)
    with console.capture() as capture:
        console.print(text)
    return capture.get()


def test_markup_in_a_readout_is_shown_as_typed():
    text = literal(MARKUP_LINE)
    assert "[bold red]urgent[/]" in text.plain
    assert text.spans == []
    assert "\x1b" not in text.plain, "an escape sequence must not reach the terminal alive"
    assert "␛[31m" in text.plain
    # Printed, the only escape sequences are the console's own: the readout's ESC never comes through.
    assert "\x1b[31mred" not in rendered(text)


def test_rows_paint_word_diffs_on_both_sides_and_rebuild_each_text():
    comparison = call_comparison()
    row = next(r for r in comparison.rows if r.link and r.link.id == "L2")
    left = side_cell(row, "white-house", comparison, PALETTE)
    right = side_cell(row, "kremlin", comparison, PALETTE)
    assert left.plain == "Carter said that new export controls would follow any move across the border."
    assert right.plain == "Ostrov warned that export controls would be a grave mistake."
    left_coloured = {left.plain[s.start:s.end] for s in left.spans}
    right_coloured = {right.plain[s.start:s.end] for s in right.spans}
    assert "Carter" in left_coloured and "export" not in left_coloured
    assert "grave" in right_coloured and "export" not in right_coloured


def test_a_diff_that_does_not_rebuild_the_text_is_not_used():
    assert diff_pieces((Span("equal", "a b"),), "a b", "a c") is None
    assert diff_pieces((Span("equal", "a "), Span("delete", "b"), Span("insert", "c")), "a b", "a c") is not None


def test_conflict_values_appear_under_each_side():
    comparison = call_comparison()
    row = next(r for r in comparison.rows if r.has_conflict)
    assert "date: 10 January" in side_cell(row, "white-house", comparison, PALETTE).plain
    assert "date: 9 January" in side_cell(row, "kremlin", comparison, PALETTE).plain
    assert "place: Geneva" in side_cell(row, "kremlin", comparison, PALETTE).plain


def test_an_omission_says_not_mentioned_on_the_silent_side():
    comparison = call_comparison()
    row = next(r for r in comparison.rows if r.omission and r.omission.side == "kremlin")
    assert side_cell(row, "white-house", comparison, PALETTE).plain == NOT_MENTIONED
    assert "fishing fleet" in side_cell(row, "kremlin", comparison, PALETTE).plain


def test_search_highlights_every_match_case_insensitively():
    text = highlight(literal("Talks, talks and TALKS."), "talks", "underline")
    assert [text.plain[s.start:s.end] for s in text.spans] == ["Talks", "talks", "TALKS"]
    assert highlight(literal("[x]"), "[x", "underline").spans, "the query is text, not a pattern"


def test_detail_line_gives_score_topics_and_conflict_values():
    comparison = call_comparison()
    rows = comparison.rows
    index = next(i for i, r in enumerate(rows) if r.has_conflict)
    line = detail_text(comparison, rows[index], index, len(rows), PALETTE).plain
    assert "Link L3" in line and "score 0.81" in line and "topics Talks" in line
    assert "✖ date  White House: 10 January · Kremlin: 9 January" in line
    assert "✖ place  White House: Vienna · Kremlin: Geneva" in line
    omission = next(i for i, r in enumerate(rows) if r.omission)
    assert "Omission" in detail_text(comparison, rows[omission], omission, len(rows), PALETTE).plain


def test_next_difference_skips_plain_links():
    rows = call_comparison().rows
    found = next_difference(rows, -1, 1)
    assert found is not None and (rows[found].omission or rows[found].has_conflict)
    assert all(not (r.omission or r.has_conflict) for r in rows[:found])
    assert next_difference(rows, len(rows), -1) is not None
    assert next_difference(rows[:1], 0, 1) is None


def test_row_matches_reads_every_side():
    rows = call_comparison().rows
    assert sum(row_matches(r, "GENEVA") for r in rows) == 1
    assert not any(row_matches(r, "   ") for r in rows)


def test_topic_badges():
    comparison = call_comparison()
    assert badge_of(comparison, "talks") == "conflict"
    assert badge_of(comparison, "humanitarian") == "one"
    assert badge_of(comparison, "sanctions") == "both"


def test_library_figures_and_filter():
    comparison = call_comparison()
    figures = figures_of(comparison)
    # one link in conflict (on a date and a place): one conflict, as `show` counts it
    assert (figures.claims, figures.links, figures.omissions, figures.conflicts) == (11, 4, 3, 1)
    assert figures.coverage[0] == "both" and figures.coverage[2] == "conflict"
    listing = Listing(comparison.pair.id, comparison.pair)
    assert matches(listing, "ostrov 2022")
    assert matches(listing, "white-house")
    assert not matches(listing, "lisbon")
    assert figures_of(three_sides()).links == 1


def test_the_preview_counts_in_words_a_reader_expects():
    comparison = call_comparison()
    listing = Listing(comparison.pair.id, comparison.pair)
    figures = replace(figures_of(comparison), links=1, conflicts=1)
    text = preview_text(listing, figures, PALETTE).plain
    assert "11 claims · 1 link · 3 omissions · 1 conflict\n" in text


def test_library_columns_fit_the_terminal():
    for width in (80, 100, 160):
        columns = columns_for(width)
        assert sum(c.width + 2 for c in columns) <= width
        assert {"date", "event", "claims", "coverage", "sample"} <= {c.key for c in columns}
    assert "sides" not in {c.key for c in columns_for(80)}
    assert "sides" in {c.key for c in columns_for(140)}


def test_paragraphs_cover_each_block_of_text():
    text = "Title\n\nFirst paragraph.\nStill first.\n\n  Second.  \n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["Title", "First paragraph.\nStill first.", "Second."]


def test_a_reviewers_conflict_note_is_in_the_six_lines_the_detail_shows_at_80_columns():
    # The engine's stance conflict, wrapped at 80 columns, filled the pane's six lines and hid the note a person
    # had just typed (it was listed last).
    from comparisons.model import Conflict, ReviewMark

    comparison = call_comparison()
    link = comparison.links[0]
    a, b = comparison.side_keys[:2]
    stance = Conflict("stance", {a: "raised concerns about the export restrictions on rare earth magnets announced",
                                 b: "a legitimate step in line with international practice and not targeted at anyone"})
    marked = replace(link, conflicts=(stance, Conflict("review", {})),
                     review=ReviewMark("confirmed", conflict="marked", note="both views stand"))
    comparison = replace(comparison, links=(marked, *comparison.links[1:]))
    rows = comparison.rows
    index = next(i for i, r in enumerate(rows) if r.link is not None and r.link.id == link.id)
    console = Console(width=78, color_system=None, legacy_windows=False)  # 80 columns less the pane's padding
    with console.capture() as capture:
        console.print(detail_text(comparison, rows[index], index, len(rows), PALETTE))
    shown = capture.get().splitlines()[:6]
    assert any(line.startswith("✖ review  both views stand") for line in shown), shown
    assert any(line.startswith("✖ stance  ") for line in shown), "the engine's conflict is still said"


def test_detail_line_says_a_low_score_link_is_one_to_check_as_the_reports_do():
    # The reports mark a link below 0.30 "low score: check it"; the TUI showed its score alone (0.30 for 0.2975).
    comparison = call_comparison()
    low = replace(comparison.links[0], score=0.2975)
    comparison = replace(comparison, links=(low, *comparison.links[1:]))
    rows = comparison.rows
    index = next(i for i, r in enumerate(rows) if r.link is not None and r.link.id == low.id)
    line = detail_text(comparison, rows[index], index, len(rows), PALETTE).plain
    assert "score 0.297 · low score: check it" in line
    other = next(i for i, r in enumerate(rows) if r.link is not None and r.link.id != low.id)
    assert "low score" not in detail_text(comparison, rows[other], other, len(rows), PALETTE).plain
    from comparisons.model import ReviewMark

    confirmed = replace(comparison, links=(replace(low, review=ReviewMark("confirmed")), *comparison.links[1:]))
    rows = confirmed.rows
    assert "low score" not in detail_text(confirmed, rows[index], index, len(rows), PALETTE).plain, "a person decided"
