"""The review's command line (SPEC §4): review, link, unlink, confirm, score, export --format gold; a bad review file
is one line and exit 1 with the file left as it was; add --force keeps the review and says what went stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "comparison.schema.json").read_text("utf-8"))
PAIR = "2021-12-07-biden-putin-video-call"


def ok(done):
    assert done.returncode == 0, done.stderr
    return done


def export(run_dualread, pair=PAIR) -> dict:
    return json.loads(ok(run_dualread("export", pair, "--format", "json")).stdout)


def omission_of(data, side) -> str:
    return next(o["claim"] for o in data["omissions"] if o["side"] == side)


def test_review_without_a_file_says_so_and_lists_every_row_with_claim_ids(run_dualread):
    done = ok(run_dualread("review", PAIR))
    assert "no review yet" in done.stdout
    assert "L1" in done.stdout and "white-house:0" in done.stdout and "to review" in done.stdout


def test_confirm_link_unlink_then_review_and_score(run_dualread, library_dir):
    before = export(run_dualread)
    done = ok(run_dualread("confirm", PAIR, "L1", env={"DUALREAD_REVIEWER": "Ana Analyst"}))
    assert "confirmed L1" in done.stdout
    assert "copied it into" in done.stderr  # a bundled sample is never written to
    left, right = omission_of(before, "white-house"), omission_of(before, "kremlin")
    done = ok(run_dualread("link", PAIR, left, right))
    assert "added by hand" in done.stdout
    two = next(l for l in before["links"] if len(l["claims"]) == 2 and l["id"] != "L1")
    done = ok(run_dualread("unlink", PAIR, two["claims"][0]))
    assert "changed by hand" in done.stdout

    after = export(run_dualread)
    jsonschema.Draft202012Validator(SCHEMA).validate(after)
    assert after["review"]["decisions"] == 3
    assert after["links"][0]["review"]["status"] == "confirmed"
    assert after["links"][0]["review"]["by"] == "Ana Analyst"
    added = next(l for l in after["links"] if left in l["claims"])
    assert added["claims"] == [left, right] and added["review"]["status"] == "added"
    assert any(o["claim"] == two["claims"][0] and o["review"]["status"] == "changed" for o in after["omissions"])

    state = ok(run_dualread("review", PAIR)).stdout
    assert "review.yaml holds 3 decisions" in state
    assert "1 confirmed · 1 added by hand · 2 changed by hand" in state
    review = yaml.safe_load((library_dir / PAIR / "review.yaml").read_text(encoding="utf-8"))
    assert [d["action"] for d in review["decisions"]] == ["confirm", "link", "unlink"]

    table = ok(run_dualread("score", PAIR)).stdout
    assert PAIR in table and "link P" in table
    (score,) = json.loads(ok(run_dualread("score", PAIR, "--json")).stdout)
    assert 0 < score["link_f1"] < 1 and score["rows_reviewed"] == 4
    everything = json.loads(ok(run_dualread("score", "--all", "--json")).stdout)
    assert [s["pair"] for s in everything] == [PAIR]


def test_confirm_all_confirms_every_link_still_to_review(run_dualread):
    ok(run_dualread("confirm", PAIR, "--all"))
    data = export(run_dualread)
    assert all(l["review"]["status"] == "confirmed" for l in data["links"])
    assert "no link left to review" in ok(run_dualread("confirm", PAIR, "--all")).stdout


def test_wrong_claims_and_links_are_one_line_and_write_nothing(run_dualread, library_dir):
    for args, words in [
        (("link", PAIR, "white-house:0", "white-house:1"), "two sides"),
        (("link", PAIR, "white-house:0", "white-house:0"), "twice"),
        (("link", PAIR, "white-house:0", "kremlin:999"), "kremlin:0 to kremlin:"),
        (("unlink", PAIR, "press:1"), "no side 'press'"),
        (("unlink", PAIR, "kremlin-1"), "side:number"),
        (("confirm", PAIR, "L99"), "no such link"),
    ]:
        done = run_dualread(*args)
        assert done.returncode == 1, args
        assert done.stderr.count("\n") == 1 and words in done.stderr and "Traceback" not in done.stderr
    assert not (library_dir / PAIR).exists()
    assert run_dualread("confirm", PAIR).returncode == 2  # neither a LINK nor --all: wrong usage


def test_a_bad_review_file_is_one_line_exit_1_for_commands_on_the_pair_and_left_as_it_was(run_dualread,
                                                                                           library_dir):
    ok(run_dualread("confirm", PAIR, "L1"))
    path = library_dir / PAIR / "review.yaml"
    text = path.read_text(encoding="utf-8").replace("side: kremlin", "side: the-kremlin", 1)
    path.write_text(text, encoding="utf-8")
    for args in (("show", PAIR), ("export", PAIR, "--format", "json"), ("review", PAIR), ("score", PAIR),
                 ("link", PAIR, "white-house:1", "kremlin:1")):
        done = run_dualread(*args)
        assert done.returncode == 1, args
        line = done.stderr.strip()
        assert "\n" not in line and str(path) in line and "claims[1].side" in line and "the-kremlin" in line
    assert path.read_text(encoding="utf-8") == text
    assert ok(run_dualread("list")).returncode == 0  # the library still lists


def test_export_gold_writes_the_annotation_format(run_dualread, tmp_path):
    ok(run_dualread("confirm", PAIR, "--all"))
    done = ok(run_dualread("export", PAIR, "--format", "gold", "--output", str(tmp_path) + "/"))
    gold = yaml.safe_load((tmp_path / f"{PAIR}.yaml").read_text(encoding="utf-8"))
    assert gold["pair"] == PAIR and gold["links"] and "white-house#1" in gold["topics"]
    assert done.stdout == ""
    assert run_dualread("export", "--all", "--format", "gold", "--output", str(tmp_path)).returncode == 2


def add(run_dualread, tmp_path, wh_text, *extra):
    (tmp_path / "wh.txt").write_text(wh_text, encoding="utf-8")
    (tmp_path / "kr.txt").write_text(KREMLIN, encoding="utf-8")
    return run_dualread("add", "my-call", "--event", "A call", "--date", "2024-03-01",
                        "--side", f"white-house={tmp_path / 'wh.txt'}", "--side", f"kremlin={tmp_path / 'kr.txt'}",
                        *extra)


WHITE_HOUSE = ("Readout of the call\n\nThe President spoke with the President of Russia today.\n\n"
               "He warned of severe sanctions if Russia invades Ukraine.\n\nThe leaders agreed to talk again soon.\n")
KREMLIN = ("Telephone conversation\n\nVladimir Putin had a telephone conversation with the US President.\n\n"
           "The leaders discussed strategic stability and arms control.\n\n"
           "They agreed to maintain contacts in the future.\n")


def test_add_force_keeps_the_review_and_reports_what_went_stale(run_dualread, library_dir, tmp_path):
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    ok(run_dualread("confirm", "my-call", "--all"))
    review = (library_dir / "my-call" / "review.yaml").read_bytes()
    decisions = export(run_dualread, "my-call")["review"]["decisions"]  # the hand link and every confirmed one
    assert decisions >= 2

    done = ok(add(run_dualread, tmp_path, WHITE_HOUSE, "--force"))
    assert "replaced my-call" in done.stdout and f"its review was kept ({decisions} decisions)" in done.stdout
    assert (library_dir / "my-call" / "review.yaml").read_bytes() == review

    changed = WHITE_HOUSE.replace("He warned of severe sanctions if Russia invades Ukraine.",
                                  "He raised the question of sanctions.")
    done = ok(add(run_dualread, tmp_path, changed, "--force"))
    assert "1 went stale" in done.stdout and "dualread review my-call" in done.stdout
    state = ok(run_dualread("review", "my-call")).stdout
    assert "1 stale decision" in state and "He warned of severe sanctions" in state
    data = export(run_dualread, "my-call")
    assert len(data["review"]["stale"]) == 1 and data["review"]["decisions"] == decisions


def test_show_why_says_what_a_person_decided_where_the_engine_has_no_evidence(run_dualread, tmp_path):
    # show --why said of a link made by hand, and of a claim a person took out of its link, "no evidence recorded
    # (a comparison from an older dualread; recompute it to see why)": recomputing changed nothing, and the TUI's
    # why pane said what had happened.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    ok(run_dualread("unlink", "my-call", "kremlin:2"))
    shown = ok(run_dualread("show", "my-call", "--why")).stdout
    assert "older dualread" not in shown
    hand = shown[shown.index("✓ linked by hand"):]
    assert hand.index("linked by hand: the engine had none of these claims in a link together") < hand.index("\n\n")
    # Its score (+0.00 beside the link) is explained, not left to read as the engine's verdict on the person.
    score = re.search(r"score (\d\.\d\d)", hand).group(1)
    assert re.search(rf"why: score {score}: (its claims share nothing the engine weighs|how alike the engine finds)",
                     hand[:hand.index("\n\n")]), hand[:hand.index("\n\n")]
    out = shown[shown.index("They agreed to maintain contacts"):]
    assert out.index("the engine had it in a link: a person's review took it out") < out.index("\n\n")


def test_score_says_when_no_row_is_reviewed_and_pools_only_reviewed_pairs(run_dualread, tmp_path):
    # A pair whose every decision went stale (or one never reviewed) scored 1.000 everywhere, the engine against
    # itself, and score --all pooled those perfect rows into 'all', flattering the engine.
    ok(run_dualread("confirm", PAIR, "L1"))
    alone = json.loads(ok(run_dualread("score", PAIR, "--json")).stdout)[0]
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("unlink", "my-call", "white-house:1"))
    ok(add(run_dualread, tmp_path, WHITE_HOUSE.replace("He warned of severe sanctions if Russia invades Ukraine.",
                                                       "He raised the question of sanctions."), "--force"))
    table = ok(run_dualread("score", "my-call")).stdout
    assert "note: my-call: no row is reviewed yet: its figures compare the engine with itself" in table
    every = json.loads(ok(run_dualread("score", "--all", "--json")).stdout)
    assert [s["pair"] for s in every] == ["my-call", PAIR, "all"]
    pooled = {k: v for k, v in every[-1].items() if k not in ("pair", "stale")}
    assert pooled == {k: v for k, v in alone.items() if k not in ("pair", "stale")}, "only reviewed rows pooled"
    said = ok(run_dualread("score", "--all")).stdout
    assert "note: my-call: no row is reviewed yet: its figures compare the engine with itself (left out of 'all')" in said


def test_link_says_what_became_of_the_links_it_took_its_claims_from(run_dualread, tmp_path):
    # link said only "now L1 (added by hand)": the claims it took from two other links left a claim alone in each,
    # now omissions, and nothing said so (unlink says "the rest of L4 is now ...").
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    done = ok(run_dualread("link", "my-call", "white-house:0", "kremlin:2"))
    assert done.stdout.strip() == (
        "linked white-house:0 + kremlin:2 in my-call: now L1 (added by hand); the rest of L1 is now omission "
        "kremlin:0 (changed by hand); the rest of L2 is now omission white-house:2 (changed by hand)")
    done = ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    assert done.stdout.strip() == "linked white-house:1 + kremlin:1 in my-call: now L2 (added by hand)", "two omissions"


def test_a_decision_made_already_says_nothing_changed(run_dualread, tmp_path):
    # confirm, link and unlink said "confirmed L1" (and unlink "recorded in my-call's review") a second time as if
    # they had decided something, where the TUI says "Already decided so: nothing changed."
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    for args, first, again in [
        (("confirm", "my-call", "L1"), "confirmed L1 (white-house:0 + kremlin:0) in my-call",
         "my-call: L1 was decided so already; nothing changed"),
        (("link", "my-call", "white-house:1", "kremlin:1"), "linked white-house:1 + kremlin:1 in my-call: now L2",
         "my-call: white-house:1 + kremlin:1 were linked so already; nothing changed"),
        (("unlink", "my-call", "white-house:2"), "unlinked white-house:2 in my-call",
         "my-call: white-house:2 was unlinked already; nothing changed"),
    ]:
        assert ok(run_dualread(*args)).stdout.startswith(first)
        assert ok(run_dualread(*args)).stdout.strip() == again


def test_review_shows_a_conflict_a_person_cleared_or_marked_with_its_note(run_dualread, tmp_path, library_dir):
    # review listed a link whose conflict a reviewer had cleared as "confirmed" only: the clearing and its note,
    # made in the TUI, showed nowhere on the command line but in the exports.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("confirm", "my-call", "L1"))
    review = yaml.safe_load((library_dir / "my-call" / "review.yaml").read_text(encoding="utf-8"))
    review["decisions"].append({"action": "clear-conflict", "claims": review["decisions"][0]["claims"],
                                "note": "same day, two zones", "by": "ana", "at": "2026-12-07T10:00:00Z"})
    (library_dir / "my-call" / "review.yaml").write_text(yaml.safe_dump(review, allow_unicode=True), encoding="utf-8")
    lines = ok(run_dualread("review", "my-call")).stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("L1 "))
    assert "confirmed" in lines[at] and lines[at + 2].split() == ["conflict", "cleared:", "same", "day,", "two",
                                                                  "zones"], lines[at:at + 3]
    row = json.loads(ok(run_dualread("review", "my-call", "--json")).stdout)["rows"][0]
    assert (row["status"], row["conflict"], row["note"]) == ("confirmed", "cleared", "same day, two zones")


def test_export_says_where_it_wrote_and_that_some_decisions_are_stale(run_dualread, tmp_path):
    # export --output wrote in silence (export --all and the TUI say where), and a CSV, which has no row for a
    # decision whose claim is gone, left out the stale decisions without a word.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    done = ok(run_dualread("export", "my-call", "--format", "csv", "--output", "reports/"))
    assert done.stderr == f"exported my-call to {Path('reports') / 'my-call.csv'}\n"
    assert (tmp_path / "reports" / "my-call.csv").is_file()

    ok(add(run_dualread, tmp_path, WHITE_HOUSE.replace("He warned of severe sanctions if Russia invades Ukraine.",
                                                       "He raised the question of sanctions."), "--force"))
    for fmt in ("csv", "md"):
        done = ok(run_dualread("export", "my-call", "--format", fmt, "--output", f"call.{fmt}"))
        assert done.stderr.splitlines() == [
            f"exported my-call to call.{fmt}; note: 1 decision of its review is stale: kept in review.yaml, not "
            "applied (see: dualread review my-call)"]
    to_stdout = ok(run_dualread("export", "my-call", "--format", "json"))
    assert json.loads(to_stdout.stdout)["review"]["stale"]
    assert to_stdout.stderr.startswith("dualread: note: 1 decision of the review of my-call is stale")
    every = ok(run_dualread("export", "--all", "--format", "csv", "--output", "all/"))
    assert every.stderr.splitlines()[-1] == (
        "note: my-call: 1 decision of its review is stale: kept in review.yaml, not applied (see: dualread review "
        "my-call)")


def test_export_all_carries_the_review_and_names_a_pair_whose_review_cannot_be_used(run_dualread, library_dir,
                                                                                     tmp_path):
    ok(run_dualread("confirm", PAIR, "L1"))
    ok(run_dualread("export", "--all", "--format", "json", "--output", str(tmp_path / "out")))
    data = json.loads((tmp_path / "out" / f"{PAIR}.json").read_text(encoding="utf-8"))
    assert data["links"][0]["review"]["status"] == "confirmed"
    (library_dir / PAIR / "review.yaml").write_text("decisions: 7\n", encoding="utf-8")
    done = run_dualread("export", "--all", "--format", "json", "--output", str(tmp_path / "again"))
    assert done.returncode == 1
    assert f"dualread: {PAIR}:" in done.stderr and "review.yaml" in done.stderr and "'decisions'" in done.stderr
    assert (tmp_path / "again" / "2021-12-30-biden-putin-call.json").is_file()  # the other pairs still export


def test_review_cuts_a_claim_in_wide_characters_to_the_terminals_width(run_dualread, tmp_path):
    # Claims were cut by characters: a Chinese claim's line in `review` ran to twice the room it was cut for.
    from rich.cells import cell_len

    (tmp_path / "a.txt").write_text("外交部发布\n\n" + "双方讨论了制裁问题以及中美关系中共同关心的重要问题" * 4 + "。\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Readout\n\nThe leaders discussed sanctions.\n", encoding="utf-8")
    assert run_dualread("add", "cjk", "--event", "Call", "--date", "2024-03-01", "--side",
                        f"china-mfa={tmp_path / 'a.txt'}", "--side", f"white-house={tmp_path / 'b.txt'}").returncode == 0
    shown = run_dualread("review", "cjk", env={"COLUMNS": "80"}).stdout
    assert "china-mfa:0" in shown
    assert all(cell_len(line) <= 80 for line in shown.splitlines()), [cell_len(x) for x in shown.splitlines()]


def test_review_rows_end_at_the_terminals_width(run_dualread):
    # Each claim was cut to the width less 32 cells, after a head of 40: every long claim ran 8 cells past it.
    shown = run_dualread("review", PAIR, env={"COLUMNS": "80"}).stdout
    rows = shown.split("\n\n", 1)[1].splitlines()
    assert len(rows) > 10 and max(len(line) for line in rows) == 80, [len(line) for line in rows]


def test_conflict_marks_or_clears_a_links_conflict_from_the_command_line(run_dualread, tmp_path):
    # A conflict could be cleared or marked only in the TUI (!) or by editing review.yaml: the command line had
    # link, unlink and confirm, and nothing for a date the engine misread.
    (tmp_path / "a.txt").write_text("North readout\n\nThe ministers will meet in Geneva on March 3.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("South readout\n\nThe ministers agreed to meet in Geneva on March 4.\n",
                                    encoding="utf-8")
    ok(run_dualread("add", "dates", "--event", "Call", "--date", "2024-03-01", "--side", f"north={tmp_path / 'a.txt'}",
                    "--side", f"south={tmp_path / 'b.txt'}"))
    assert export(run_dualread, "dates")["links"][0]["conflicts"], "the engine flags the dates"
    done = ok(run_dualread("conflict", "dates", "L1", "--clear", "--note", "two sessions"))
    assert done.stdout.strip() == "cleared the conflict of L1 (north:0 + south:0) in dates: now L1 (confirmed)"
    data = export(run_dualread, "dates")
    assert data["links"][0]["conflicts"] == [] and data["links"][0]["review"]["conflict"] == "cleared"
    assert "conflict cleared: two sessions" in ok(run_dualread("review", "dates")).stdout
    again = ok(run_dualread("conflict", "dates", "L1", "--clear", "--note", "two sessions"))
    assert again.stdout.strip() == "dates: L1 was decided so already; nothing changed"
    done = ok(run_dualread("conflict", "dates", "L1", "--note", "the dates differ after all"))
    assert done.stdout.strip() == "marked a conflict on L1 (north:0 + south:0) in dates: now L1 (confirmed)"
    assert export(run_dualread, "dates")["links"][0]["review"]["conflict"] == "marked"
    refused = run_dualread("conflict", "dates", "L1")
    assert refused.returncode == 2 and "--note" in refused.stderr
    missing = run_dualread("conflict", "dates", "L9", "--clear")
    assert missing.returncode == 1 and "no such link" in missing.stderr


def test_reviews_opening_lines_wrap_at_the_terminals_width(tmp_path, monkeypatch, capsys):
    # "2022-11-14-biden-xi-bali-meeting: no review yet; 21 rows as the engine aligned them" was 83 cells: at 80
    # columns it, and the hint under it, ran on at the terminal's first column.
    from rich.cells import cell_len

    from tui.cli import main

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--library", str(tmp_path / "lib"), "review", "2022-11-14-biden-xi-bali-meeting"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    head = " ".join(" ".join(lines[:4]).split())
    assert re.search(r"2022-11-14-biden-xi-bali-meeting: no review yet; \d+ rows as the engine aligned them", head)
    assert "confirm a link: dualread confirm 2022-11-14-biden-xi-bali-meeting L1 (or --all)" in head


def test_confirm_and_conflict_say_which_claims_a_renumbered_link_id_stood_for(run_dualread, tmp_path):
    # Links are numbered again after a link or unlink: `conflict PAIR L4 --note ...` typed from an older listing
    # marked another link than meant, and said only "marked a conflict on L4 ...: now L4 (confirmed)". The message
    # names the link's claims, so the slip shows at once.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    before = export(run_dualread, "my-call")["links"]
    ok(run_dualread("unlink", "my-call", before[0]["claims"][0]))
    after = export(run_dualread, "my-call")["links"]
    assert after[0]["claims"] == before[1]["claims"], "the old L2 is L1 now"
    done = ok(run_dualread("confirm", "my-call", "L1"))
    assert done.stdout.strip() == f"confirmed L1 ({' + '.join(before[1]['claims'])}) in my-call"
    done = ok(run_dualread("conflict", "my-call", "L1", "--note", "dates differ"))
    held = " + ".join(before[1]["claims"])
    assert done.stdout.startswith(f"marked a conflict on L1 ({held}) in my-call"), done.stdout


def test_show_why_of_a_link_of_two_claims_does_not_speak_of_pairs_it_added(run_dualread, tmp_path):
    # Every one-to-one link's why began "rule: merge — grown from its strongest pair while every pair it added
    # stayed strong on average": there was no other pair, and the analyst was left looking for one.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    data = export(run_dualread, "my-call")
    pair_link = next(l for l in data["links"] if len(l["claims"]) == 2 and l["evidence"]["rule"] == "merge")
    shown = ok(run_dualread("show", "my-call", "--why")).stdout
    block = shown[shown.index(f"{pair_link['id']} · score"):]
    block = block[:block.index("\n\n")]
    assert "every pair it added" not in block, block
    assert "rule: merge — the two claims score each other high enough for a link" in " ".join(block.split()), block


def test_a_review_left_mid_merge_by_git_says_so(run_dualread, tmp_path, library_dir):
    # Two analysts reviewed one pair of a library kept in git; `git pull` left conflict markers in review.yaml, and
    # dualread said "not valid YAML at line 9, column 11: could not find expected ':'", nothing about the merge.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("confirm", "my-call", "L1", env={"DUALREAD_REVIEWER": "ana"}))
    path = library_dir / "my-call" / "review.yaml"
    text = path.read_text(encoding="utf-8")
    head, decisions = text.split("decisions:\n")
    path.write_text(f"{head}decisions:\n<<<<<<< HEAD\n{decisions}=======\n{decisions.replace('ana', 'bob')}"
                    ">>>>>>> 5d1e2c0 (bob's review)\n", encoding="utf-8")
    line = head.count("\n") + 2
    for args in (("review", "my-call"), ("show", "my-call")):
        result = run_dualread(*args)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [
            f"dualread: {path}: an unfinished git merge: conflict markers at line {line} ('<<<<<<< HEAD'); keep what "
            "each side wrote between them, then delete the marker lines"], result.stderr


def test_a_stale_decision_says_what_its_readout_now_reads_where_it_read_otherwise(run_dualread, tmp_path, library_dir):
    # A readout corrected on disk made a decision stale, and review said only 'no longer in the white-house readout:
    # white-house@... "He warned of severe sanctions if Russia invades Ukra…"': what had changed, and so which
    # decision to make again, was for the analyst to find.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    side = library_dir / "my-call" / "white-house.txt"
    side.write_text(side.read_text(encoding="utf-8").replace("severe sanctions", "tough sanctions"), encoding="utf-8")
    said = " ".join(ok(run_dualread("review", "my-call")).stdout.split())
    assert ('at its place the readout now reads "He warned of tough sanctions if Russia invades…" (it read '
            '"He warned of severe sanctions if Russia invades…")') in said, said
    stale = export(run_dualread, "my-call")["review"]["stale"]
    assert 'now reads "He warned of tough sanctions' in stale[0]["reason"], stale


def test_a_new_decision_on_a_claim_of_a_stale_decision_keeps_the_stale_one_in_the_file(run_dualread, tmp_path,
                                                                                    library_dir):
    # SPEC §3: a decision whose claim no longer exists is kept and reported as stale, never dropped. Unlinking
    # kremlin:1, whose partner's text had changed, took the stale link out of review.yaml (only the TUI's undo,
    # while it ran, could put it back).
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    ok(run_dualread("link", "my-call", "white-house:1", "kremlin:1"))
    side = library_dir / "my-call" / "white-house.txt"
    side.write_text(side.read_text(encoding="utf-8").replace("severe sanctions", "tough sanctions"), encoding="utf-8")
    ok(run_dualread("unlink", "my-call", "kremlin:1"))
    decisions = yaml.safe_load((library_dir / "my-call" / "review.yaml").read_text(encoding="utf-8"))["decisions"]
    assert [(d["action"], [c["side"] for c in d["claims"]]) for d in decisions] == [
        ("link", ["white-house", "kremlin"]), ("unlink", ["kremlin"])]
    assert "severe sanctions" in decisions[0]["claims"][0]["text"]
    said = " ".join(ok(run_dualread("review", "my-call")).stdout.split())
    assert "1 stale decision (kept in review.yaml, not applied)" in said, said
    assert 'it read "He warned of severe sanctions' in said, said
    data = export(run_dualread, "my-call")
    assert len(data["review"]["stale"]) == 1
    assert any(o["claim"] == "kremlin:1" and o["review"]["status"] == "confirmed" for o in data["omissions"])


def test_a_stale_decision_with_a_huge_hand_typed_text_is_reported_in_a_few_words(run_dualread, tmp_path, library_dir):
    # review.yaml is untrusted: a claim "text" of a million letters without a space, where the readout has its
    # sentence, must not come back whole in the stale decision's reason.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    data = export(run_dualread, "my-call")
    claim = next(c for d in data["documents"] if d["side"] == "white-house" for c in d["claims"])
    huge = "x" * 1_000_000
    (library_dir / "my-call" / "review.yaml").write_text(
        "schema: dualread/review@1\npair: my-call\ndecisions:\n  - action: unlink\n    claims:\n"
        f"      - {{side: white-house, start: {claim['start']}, end: {claim['start'] + len(huge)}, text: {huge}}}\n",
        encoding="utf-8")
    result = ok(run_dualread("review", "my-call"))
    assert len(result.stdout) < 5_000, len(result.stdout)
    assert "at its place the readout now reads" in result.stdout


def test_a_link_given_for_a_claim_or_a_claim_for_a_link_is_answered_with_what_to_type(run_dualread, tmp_path):
    # `unlink my-call L1` said only "a claim is named side:number, e.g. kremlin:11"; `conflict my-call kremlin:0`
    # "no such link (its links: L1 to L2)"; `confirm my-call l1` took l1 for a badly named claim.
    ok(add(run_dualread, tmp_path, WHITE_HOUSE))
    l1 = export(run_dualread, "my-call")["links"][0]
    held = f"L1 ({' + '.join(l1['claims'])})"
    result = run_dualread("unlink", "my-call", "L1")
    assert result.returncode == 1
    assert result.stderr.strip() == ("dualread: field 'CLAIM': a claim is named side:number, not by its link: "
                                     f"{held} (got 'L1')")
    result = run_dualread("conflict", "my-call", l1["claims"][0], "--note", "x")
    assert result.returncode == 1
    assert result.stderr.strip() == ("dualread: field 'LINK': a link is named L1, L2, ..., not by a claim: it is in "
                                     f"{held} (got '{l1['claims'][0]}')")
    assert ok(run_dualread("confirm", "my-call", "l1")).stdout.strip() == f"confirmed {held} in my-call"
