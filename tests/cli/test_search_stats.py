"""``dualread search`` and ``dualread stats`` as a user runs them: output, JSON, exit codes, one-line errors."""

from __future__ import annotations

import json

from tests.unit.library_files import NORLAND, RUSSIAN, save_pair


def test_search_answers_what_the_kremlin_said_on_sanctions_and_the_white_house_did_not(run_dualread):
    result = run_dualread("search", "", "--topic", "sanctions", "--side", "kremlin", "--without", "white-house",
                          "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "dualread/search@1" and data["claims"] >= 1 and data["not_indexed"] == 0
    for group in data["pairs"]:
        assert {"id", "date", "event", "sample", "claims"} <= set(group)
        for claim in group["claims"]:
            assert claim["side"] == "kremlin" and "sanctions" in claim["topics"]
            assert not any(p["side"] == "white-house" for p in claim["partners"])

    text = run_dualread("search", "", "--topic", "sanctions", "--side", "kremlin", "--without", "white-house")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0] == f"{data['claims']} claim{'s' if data['claims'] != 1 else ''} in {len(data['pairs'])} " \
                       f"pair{'s' if len(data['pairs']) != 1 else ''}"
    first = data["pairs"][0]
    assert any(first["id"] in line and first["date"] in line for line in lines)
    assert any(first["claims"][0]["text"] in line for line in lines)


def test_search_shows_each_claim_with_its_partners_and_names_broken_pairs(run_dualread, library_dir):
    save_pair(library_dir, "2024-03-04-vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND})
    (library_dir / "broken-pair").mkdir()
    result = run_dualread("search", '"grain shipments"')
    assert result.returncode == 0
    assert "norland:" in result.stdout and "The two leaders discussed grain shipments" in result.stdout
    assert "↔ kremlin:" in result.stdout  # its partner on the other side
    notes = [line for line in result.stderr.splitlines() if "comparing and indexing claims" not in line]
    assert len(notes) == 1 and notes[0].startswith("dualread: broken pair broken-pair: ") and "pair.yaml" in notes[0]
    russian = run_dualread("search", "санкции", "--json")
    assert [g["id"] for g in json.loads(russian.stdout)["pairs"]] == ["2024-03-04-vest-putin-call"]
    none = run_dualread("search", "zanzibar")
    assert none.returncode == 0 and none.stdout.strip() == "No claims match."


def test_search_errors_are_one_line_and_exit_1(run_dualread):
    for args, words in [
        (["sanctions AND"], "QUERY"),
        (['"unterminated'], "QUERY"),
        (["x", "--topic", "sanction"], "--topic"),
        (["x", "--side", "kremln"], "--side"),
        (["x", "--since", "2022-02-30"], "--since"),
        (["x", "--until", "last year"], "--until"),
    ]:
        result = run_dualread("search", *args)
        assert result.returncode == 1, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert run_dualread("search", "x", "--status", "lost").returncode == 2


def test_until_a_month_counts_to_its_last_day_even_the_last_month_there_is(run_dualread):
    # `--until 9999-12` ("no end, really") printed an OverflowError traceback; in the TUI's search it was "Could
    # not search the library: date value out of range".
    for until, pairs in [("2021-12", 3), ("2021-11", 1), ("2022-02", 3), ("9999-12", 4)]:
        result = run_dualread("search", "", "--until", until, "--json")
        assert result.returncode == 0, (until, result.stderr)
        assert len(json.loads(result.stdout)["pairs"]) == pairs, until
    leap = run_dualread("search", "", "--since", "2024-02", "--until", "2024-02")
    assert leap.returncode == 0 and leap.stdout.strip() == "No claims match."


def test_a_damaged_catalog_is_rebuilt_and_said_so_in_one_line(run_dualread, library_dir):
    save_pair(library_dir, "2024-03-04-vest-putin-call", {"kremlin": RUSSIAN, "norland": NORLAND})
    assert run_dualread("list").returncode == 0
    catalog = library_dir / ".cache" / "catalog.sqlite3"
    catalog.write_bytes(b"scribbled over by something else\n" * 100)
    result = run_dualread("list")
    assert result.returncode == 0 and "2024-03-04-vest-putin-call" in result.stdout
    assert result.stderr.strip().splitlines() == [
        f"dualread: the catalog {catalog} was damaged; rebuilt it from the library's folders"]
    again = run_dualread("list")
    assert again.stderr == "" and again.stdout == result.stdout


def test_stats_table_and_json_agree(run_dualread):
    data = json.loads(run_dualread("stats", "--json").stdout)
    assert data["schema"] == "dualread/stats@1" and data["by"] == "publisher" and data["pairs"] >= 4
    rows = {(r["side"], r["topic"]): r for r in data["rows"]}
    white_house = rows[("The White House", "sanctions")]
    table = run_dualread("stats")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    start = lines.index("The White House")
    line = next(line for line in lines[start:] if line.strip().startswith("Sanctions"))
    share = round(100 * white_house["raised"] / white_house["pairs"])
    assert f"{white_house['raised']} ({share}%)" in line
    by_year = json.loads(run_dualread("stats", "--by", "year", "--json").stdout)
    assert {r["year"] for r in by_year["rows"]} >= {"2021", "2022"}
    assert "Sanctions (sanctions)" in run_dualread("stats", "--by", "topic").stdout
    assert run_dualread("stats", "--by", "decade").returncode == 2


def test_search_follows_a_review(run_dualread):
    def kremlin_status():
        data = json.loads(run_dualread("search", '"colossal mistake"', "--side", "kremlin", "--json").stdout)
        return [(c["id"], c["status"]) for g in data["pairs"] for c in g["claims"]]

    before = kremlin_status()
    assert before and all(status == "linked" for _, status in before)
    claim = before[0][0]
    assert run_dualread("unlink", "2021-12-30-biden-putin-call", claim).returncode == 0
    assert (claim, "omission") in kremlin_status()


def test_stats_columns_line_up_under_a_publisher_named_in_wide_characters(run_dualread, library_dir, tmp_path):
    # Names were padded by characters: a topic table under a Chinese publisher's name had its figures shifted
    # by as many cells as the name has characters wider than one.
    from rich.cells import cell_len

    (tmp_path / "a.txt").write_text("外交部发布\n\n双方讨论了制裁问题。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Readout\n\nThe leaders discussed sanctions.\n", encoding="utf-8")
    added = run_dualread("add", "2024-03-01-call", "--event", "Call", "--date", "2024-03-01",
                         "--side", f"china-mfa={tmp_path / 'a.txt'}", "--side", f"white-house={tmp_path / 'b.txt'}",
                         "--publisher", "china-mfa=中华人民共和国外交部", "--publisher", "white-house=白宫新闻办公室发言人")
    assert added.returncode == 0, added.stderr
    out = run_dualread("stats", "--by", "topic").stdout
    tables = [block.splitlines()[1:] for block in out.split("\n\n") if "PAIRS" in block]
    assert tables
    for table in tables:
        assert len({cell_len(line) for line in table}) == 1, table


def test_search_wraps_a_claim_in_wide_characters_to_the_terminals_width():
    # Claims were wrapped by characters: a Chinese claim's lines ran to twice the terminal's width, and the
    # terminal's own wrapping then lost their indent under the claim's header.
    from rich.cells import cell_len

    from comparisons.library_search import ClaimHit, PairHits, SearchQuery, SearchResult
    from tui.commands.search import format_result

    text = "国家主席习近平同美国总统拜登举行视频会晤，双方就中美关系以及共同关心的重要问题进行了坦诚、深入的交流。" * 2
    hit = ClaimHit("china-mfa:0", "china-mfa", "中华人民共和国外交部", text, 0, len(text), None, (), "omission", None,
                   None, (), ())
    result = SearchResult(SearchQuery(text=""), (PairHits("p", "2024-03-01", "会晤", False, (hit,)),), (), (), 0)
    for width in (60, 80):
        lines = format_result(result, width)
        claim = [line for line in lines if line.startswith("    ")]
        assert len(claim) > 1 and all(cell_len(line) <= width for line in lines), [cell_len(x) for x in lines]
        assert "".join(line.strip() for line in claim) == text, "every character, in order"


def test_stats_fit_an_80_column_terminal():
    # Ten cells a column made the table 87 wide: at 80 columns each row's ALONE figure wrapped onto a line of its
    # own, under the topic's name. Columns are now as wide as they need, and a name too long has a line of its own.
    from rich.cells import cell_len

    from comparisons.library_stats import LibraryStats, TopicStat
    from tui.commands.stats import format_stats

    labels = {"economy": "Economy, trade and energy", "nato": "NATO, allies and partners", "talks": "Talks"}
    rows = tuple(TopicStat(None, side, topic, 4, 4, 2, 1, 14, 5)
                 for side in ("The White House", "President of Russia (Kremlin), a rather long publisher name")
                 for topic in labels)
    stats = LibraryStats("publisher", rows, 4, 0, labels)
    lines = format_stats(stats, 80)
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    assert any(line.strip().startswith("Economy, trade and energy") and line.rstrip().endswith("14      5")
               for line in lines), "the names fit whole, and each row keeps its figures on its line"
    by_topic = format_stats(LibraryStats("topic", rows, 4, 0, labels), 80)
    assert all(cell_len(line) <= 80 for line in by_topic)
    # A publisher's name too long for the column stands whole on its own line, its figures on the next.
    at = next(i for i, line in enumerate(by_topic) if "a rather long publisher name" in line)
    assert by_topic[at].strip() == "President of Russia (Kremlin), a rather long publisher name"
    assert by_topic[at + 1].strip().startswith("4") and by_topic[at + 1].rstrip().endswith("14      5")


def test_search_wraps_a_pairs_line_and_a_claims_facts_to_the_terminals_width():
    # The claim's text was wrapped, its facts line and its pair's line were not: at 80 columns "kremlin:10 ·
    # President of Russia (Kremlin) · linked · sanctions, de-escalation, ukraine · speaker ..." ran on at column 0.
    from rich.cells import cell_len

    from comparisons.library_search import ClaimHit, PairHits, SearchQuery, SearchResult
    from tui.commands.search import format_result

    hit = ClaimHit("kremlin:10", "kremlin", "President of Russia (Kremlin)", "Sanctions were raised.", 0, 22,
                   "Joseph R. Biden", ("sanctions", "de-escalation", "ukraine"), "linked", "L3", 0.7, (), ())
    event = "Biden–Putin telephone call before the January 2022 security talks"
    result = SearchResult(SearchQuery(text=""), (PairHits("2021-12-30-biden-putin-call", "2021-12-30", event, True,
                                                          (hit,)),), (), (), 0)
    lines = format_result(result, 80)
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    joined = " ".join(" ".join(lines).split())
    assert f"2021-12-30 {event} (2021-12-30-biden-putin-call, sample)" in joined
    assert ("kremlin:10 · President of Russia (Kremlin) · linked · sanctions, de-escalation, ukraine · speaker "
            "Joseph R. Biden") in joined
    assert all(line.startswith("  ") for line in lines if "speaker" in line or "ukraine" in line)
    piped = format_result(result, None)
    assert piped[2] == f"2021-12-30  {event}  (2021-12-30-biden-putin-call, sample)", "piped: one line, as before"
