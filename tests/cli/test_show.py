"""``dualread show``: the comparison as text a reader can follow in a terminal or a pipe."""

from __future__ import annotations

import io
import re

from rich.console import Console

SAMPLE = "2021-12-30-biden-putin-call"


def test_show_prints_header_topics_links_and_omissions(run_dualread):
    done = run_dualread("show", SAMPLE)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # The key differences come first, before the topics and the rows, as in the reports.
    assert out.index("Key differences") < out.index("Topics") < out.index("Reported by more than one side")
    assert re.search(r"^L\d+ conflict \(date\): The White House “January 10", out, re.MULTILINE)
    assert "Biden–Putin telephone call" in out and "2021-12-30" in out
    for side in ("The White House", "President of Russia (Kremlin)"):
        assert side in out
    assert "Topics" in out and "Security guarantees" in out
    assert "L1" in out and "score" in out
    assert "Only in The White House" in out and "Only in President of Russia (Kremlin)" in out
    assert "\x1b[" not in out, "no colour codes when piped"


def test_show_flags_a_date_conflict_with_both_values(run_dualread, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Title A\n\nThe delegations will hold security talks in Geneva on January 10.\n", encoding="utf-8")
    b.write_text("Title B\n\nThe delegations will hold security talks in Geneva on January 9–10.\n", encoding="utf-8")
    added = run_dualread("add", "dated-call", "--event", "Dated call", "--date", "2022-01-02",
                         "--side", f"white-house={a}", "--side", f"kremlin={b}")
    assert added.returncode == 0, added.stderr
    out = run_dualread("show", "dated-call").stdout
    assert "conflict (date)" in out
    assert "“January 10”" in out and "“January 9–10”" in out


def test_piped_word_diff_is_marked_in_text(run_dualread):
    out = run_dualread("show", SAMPLE).stdout
    assert "[-" in out and "-]" in out and "{+" in out and "+}" in out


def test_readout_markup_is_printed_as_typed(run_dualread, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Title A\n\nThe leaders discussed [bold]grain[/bold] exports and [red]ports[/].\n", encoding="utf-8")
    b.write_text("Title B\n\nThe leaders discussed grain exports and [link=x]ports[/link].\n", encoding="utf-8")
    added = run_dualread("add", "markup-call", "--event", "Markup [b]call[/b]", "--date", "2022-03-01",
                         "--side", f"white-house={a}", "--side", f"kremlin={b}")
    assert added.returncode == 0, added.stderr
    done = run_dualread("show", "markup-call")
    assert done.returncode == 0, done.stderr
    # Piped, the words only one side uses are bracketed; without the brackets the text is exactly as typed.
    shown = " ".join(done.stdout.split())
    for mark in ("[-", "-]", "{+", "+}"):
        shown = shown.replace(mark, "")
    assert "The leaders discussed [bold]grain[/bold] exports and [red]ports[/]." in shown
    assert "grain exports and [link=x]ports[/link]." in shown
    assert "Markup [b]call[/b]" in done.stdout


def test_show_unknown_pair_is_one_line_exit_1(run_dualread):
    done = run_dualread("show", "not-here")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "not-here" in done.stderr


def test_on_a_terminal_the_two_sides_marked_words_differ_in_more_than_colour():
    from comparisons.reports.view_values import Piece
    from tui.commands.show import _cell_text

    first = _cell_text([Piece("talks on ", False), Piece("Monday", True)], "del", plain=False)
    second = _cell_text([Piece("talks on ", False), Piece("Friday", True)], "ins", plain=False)
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=80)
    console.print(first)
    console.print(second)
    rendered = console.file.getvalue()
    assert "\x1b[" in rendered and "Monday" in rendered and "Friday" in rendered
    assert "[-" not in rendered
    monday = next(s.style for s in first.spans if first.plain[s.start:s.end] == "Monday")
    friday = next(s.style for s in second.spans if second.plain[s.start:s.end] == "Friday")
    assert {"bold", "red"} <= set(str(monday).split()) and {"italic", "green"} <= set(str(friday).split())
    plain = _cell_text([Piece("talks on ", False), Piece("Friday", True)], "ins", plain=True)
    assert plain.plain == "talks on {+Friday+}"


def test_escape_sequences_in_a_readout_are_shown_not_obeyed():
    import datetime as dt

    from comparisons.engine import compare
    from readouts.model import Pair, Side
    from tui.commands.show import render_comparison

    pair = Pair("escape-call", "Escape \x1b]0;title\x07 call", dt.date(2022, 3, 1), (
        Side("white-house", "Title A\n\nThe leaders discussed \x1b[31mred\x1b[0m grain exports.\n"),
        Side("kremlin", "Title B\n\nThe leaders discussed grain exports.\n"),
    ))
    for terminal in (True, False):
        console = Console(file=io.StringIO(), force_terminal=terminal, width=100)
        render_comparison(compare(pair), console)
        out = console.file.getvalue()
        assert "␛[31mred␛[0m" in out
        assert "\x1b[31m" not in out and "\x07" not in out


def test_on_a_terminal_only_labels_are_bold_not_the_readout_text():
    import datetime as dt
    import re

    from comparisons.engine import compare
    from readouts.model import Pair, Side
    from tui.commands.show import render_comparison

    pair = Pair("bold-call", "Bold call", dt.date(2022, 3, 1), (
        Side("white-house", "Title A\n\nThe leaders discussed grain exports on Monday.\n"),
        Side("kremlin", "Title B\n\nThe leaders discussed grain exports on Friday.\n"),
    ))
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=200)
    render_comparison(compare(pair), console)
    out = console.file.getvalue()
    # The claim itself is printed in the terminal's plain text style, not in the label's bold.
    line = next(line for line in out.splitlines() if "kremlin:" in line and "Friday" in line)
    claim_start = line.index("The leaders")
    styles_before = re.findall(r"\x1b\[([0-9;]*)m", line[:claim_start])
    assert styles_before == ["1", "0"], repr(line)  # the label in bold, then the style reset


def test_piped_at_80_columns_lines_fit_and_wrapped_points_stay_indented(run_dualread):
    out = run_dualread("show", SAMPLE, env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines if not line.lstrip().startswith("http"))  # URLs stay whole
    assert not [line for line in lines if line != line.rstrip()], "no padding after the words"
    # What one side alone reports: each point a bullet, its wrapped lines indented under the bullet's text.
    section = lines[next(i for i, line in enumerate(lines) if line.startswith("Only in The White House")) + 1:]
    section = section[:section.index("")]
    assert section[0].startswith("• ")
    assert all(line.startswith(("• ", "  ")) for line in section), section
    assert any(line.startswith("  ") for line in section), "the sample has a point that wraps"


def test_piped_at_80_columns_urls_stay_whole_and_headings_unpadded(run_dualread):
    url = ("https://www.whitehouse.gov/briefing-room/statements-releases/2022/11/14/readout-of-president-joe-bidens-"
           "meeting-with-president-xi-jinping-of-the-peoples-republic-of-china/")
    out = run_dualread("show", "2022-11-14-biden-xi-bali-meeting", env={"COLUMNS": "80"}).stdout
    assert f"    {url}\n" in out, "a URL is printed on one line, so it can be copied or clicked whole"
    out = run_dualread("show", "2021-12-07-biden-putin-video-call", env={"COLUMNS": "80"}).stdout
    assert not [line for line in out.splitlines() if line != line.rstrip()]


def test_show_into_a_pipe_closed_early_exits_0_quietly(library_dir, tmp_path):
    # `dualread show PAIR | head` is not an error: exit code 1 is kept for bad input.
    import os
    import subprocess
    import sys

    env = dict(os.environ, DUALREAD_LIBRARY=str(library_dir), NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "show", SAMPLE], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=tmp_path)
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode("utf-8", errors="replace")
    proc.stderr.close()
    assert proc.wait() == 0, err
    assert "Traceback" not in err


def test_a_topic_label_with_a_comma_stays_one_topic_in_lists(run_dualread, tmp_path):
    # "NATO, allies and partners" is one topic: lists of topics are separated by semicolons, not commas.
    shown = run_dualread("show", SAMPLE).stdout
    assert "Talks; NATO, allies and partners; Arms control" in shown
    report = tmp_path / "r.md"
    assert run_dualread("export", SAMPLE, "--format", "md", "--output", str(report)).returncode == 0
    assert "Talks; Security guarantees; NATO, allies and partners; Leader contacts\n" in report.read_text(encoding="utf-8")


def test_show_why_says_what_made_each_link_and_each_omission(run_dualread):
    plain = run_dualread("show", SAMPLE).stdout
    assert "why:" not in plain
    done = run_dualread("show", SAMPLE, "--why")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    geneva = out[out.index("will meet in Geneva"):]
    geneva = geneva[:geneva.index("\n\n")]
    # The Geneva schedule is linked because both sides name Geneva and January, in their own words.
    assert "why: rule: merge" in geneva
    assert 'entity geneva "geneva"' in geneva
    assert re.search(r"score \d\.\d\d \(content \d\.\d\d\)", geneva)
    # What gave a claim its topics, and why a one-sided claim is one.
    assert re.search(r"why: topic \w[\w-]* of [\w-]+:\d+: ", out)
    only = out[out.index("Only in The White House"):]
    assert "why: not linked: " in only


def test_a_side_that_makes_no_claim_is_not_said_to_have_every_claim_reported(run_dualread, tmp_path):
    # A side whose readout holds only a transcript's questions makes no claim: show said of it "nothing: every
    # claim is reported by another side", as if it had claims and all were linked.
    (tmp_path / "north.txt").write_text("Readout\n\nThe presidents discussed sanctions. They agreed to talk again.\n",
                                        encoding="utf-8")
    (tmp_path / "press.txt").write_text("Transcript\n\nQuestion: Did they discuss sanctions?\n\n"
                                        "Question: Will there be talks?\n", encoding="utf-8")
    added = run_dualread("add", "qs", "--event", "Call", "--date", "2024-01-02", "--side",
                         f"north={tmp_path / 'north.txt'}", "--side", f"press={tmp_path / 'press.txt'}")
    assert added.returncode == 0, added.stderr
    shown = run_dualread("show", "qs").stdout
    only_in_press = shown[shown.index("Only in press"):]
    assert "every claim is reported" not in only_in_press
    assert "press makes no claim" in only_in_press
