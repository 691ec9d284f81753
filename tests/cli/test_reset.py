"""``dualread reset``: a decision made on the command line (or by someone else) can be taken back without editing
review.yaml by hand; the rows are then as the engine has them, in every export."""

from __future__ import annotations

import json

import yaml

PAIR = "2021-12-07-biden-putin-video-call"


def ok(done):
    assert done.returncode == 0, done.stderr
    return done


def export(run_dualread) -> dict:
    return json.loads(ok(run_dualread("export", PAIR, "--format", "json")).stdout)


def omissions(data, side) -> list[str]:
    return [o["claim"] for o in data["omissions"] if o["side"] == side]


def test_reset_takes_back_a_confirm_a_conflict_and_a_link_by_hand(run_dualread, library_dir):
    engine = export(run_dualread)
    left, right = omissions(engine, "white-house")[0], omissions(engine, "kremlin")[0]
    env = {"DUALREAD_REVIEWER": "Ana Analyst"}
    ok(run_dualread("confirm", PAIR, "L1", env=env))
    ok(run_dualread("conflict", PAIR, "L2", "--note", "two dates", env=env))
    ok(run_dualread("link", PAIR, left, right, env=env))
    reviewed = export(run_dualread)
    assert reviewed["review"]["decisions"] == 4  # the conflict note also confirms its link

    done = ok(run_dualread("reset", PAIR, "L2"))
    lines = done.stdout.splitlines()
    assert lines[0] == f"reset L2 in {PAIR}: took back 2 decisions"
    assert lines[1].startswith("  confirm (Ana Analyst ") and lines[2].startswith("  conflict “two dates” (Ana Analyst ")
    assert lines[-1] == "  now: L2 (as the engine has it)"

    hand = next(link["id"] for link in export(run_dualread)["links"] if left in link["claims"])
    done = ok(run_dualread("reset", PAIR, hand))
    assert done.stdout.splitlines()[1].startswith("  link (Ana Analyst ")
    assert done.stdout.splitlines()[-1] == (f"  now: omission {right} (as the engine has it), "
                                            f"omission {left} (as the engine has it)")

    after = export(run_dualread)
    assert after["review"]["decisions"] == 1
    assert after["links"][0]["review"]["status"] == "confirmed"  # L1 was not named: its confirm stays
    assert not any(link.get("review") for link in after["links"][1:])
    assert left in omissions(after, "white-house") and right in omissions(after, "kremlin")
    assert after["links"][1]["conflicts"] == engine["links"][1]["conflicts"]  # no reviewer's conflict left
    review = yaml.safe_load((library_dir / PAIR / "review.yaml").read_text(encoding="utf-8"))
    assert [d["action"] for d in review["decisions"]] == ["confirm"]


def test_a_row_nobody_decided_is_left_alone_and_a_sample_is_not_copied(run_dualread, library_dir):
    done = ok(run_dualread("reset", PAIR, "L3"))
    assert done.stdout == f"{PAIR}: no decision on L3; nothing changed\n"
    assert not (library_dir / PAIR).exists()


def test_a_row_that_does_not_exist_is_one_line_and_exit_1(run_dualread):
    done = run_dualread("reset", PAIR, "L99")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "ROW" in done.stderr and "L99" in done.stderr
