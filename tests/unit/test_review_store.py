"""The review file on disk: every change saved at once and atomically, a bad file never overwritten, and two
processes reviewing one pair never lose a decision (they take turns under a lock, each changing what is there)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from comparisons.errors import ComparisonError
from comparisons.review.decisions import ClaimRef, Decision, Review
from comparisons.review.edits import decide
from comparisons.review.reviewed import change_review, read_review, review_store
from readouts.library import Library

from review_fixtures import PAIR_ID, library_with


def refs(pair, side):
    from readouts.documents import split_document

    return [ClaimRef.of(c) for c in split_document(pair.side(side), pair.participants).claims]


def test_a_change_is_saved_at_once_and_reads_back(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    ref = refs(pair, "kremlin")[3]
    change_review(library, pair, lambda r: decide(r, [Decision("unlink", (ref,), by="ana", at="t")])[0])
    assert read_review(library, pair).decisions == (Decision("unlink", (ref,), by="ana", at="t"),)
    assert not [p for p in (tmp_path / "lib" / PAIR_ID).iterdir() if p.name.endswith(".tmp")]


def test_a_reviewed_pair_folder_holds_only_the_pair_and_its_review_nothing_for_git_to_carry(tmp_path):
    # A library kept in git committed each reviewed pair's empty `.review.lock` (`git add -A`); the lock is now
    # taken on the pair folder itself, and one an older dualread left is cleared by the next change.
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    folder = tmp_path / "lib" / PAIR_ID
    (folder / ".review.lock").touch()
    change_review(library, pair, lambda r: decide(r, [Decision("unlink", (refs(pair, "kremlin")[0],))])[0])
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["pair.yaml", "review.yaml", *(side.file for side in pair.sides)])


def test_a_bad_file_is_not_overwritten_by_a_change(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    path = tmp_path / "lib" / PAIR_ID / "review.yaml"
    path.write_text("decisions:\n  - action: merge\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ComparisonError) as caught:
        change_review(library, pair, lambda r: r.plus([Decision("unlink", (refs(pair, "kremlin")[0],))]))
    assert "decisions[0].action" in str(caught.value)
    assert path.read_bytes() == before


def test_a_link_leading_out_of_the_pair_folder_is_refused(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("decisions: []\n", encoding="utf-8")
    (tmp_path / "lib" / PAIR_ID / "review.yaml").symlink_to(outside)
    with pytest.raises(ComparisonError, match="link out of the pair"):
        read_review(library, pair)


def test_reviewing_a_sample_copies_it_into_the_library_first(tmp_path):
    library = Library(tmp_path / "lib")
    sample = library.load(PAIR_ID)
    assert sample.sample
    change = change_review(library, sample, lambda r: decide(r, [Decision("unlink", (refs(sample, "kremlin")[0],))])[0])
    assert change.copied and not change.pair.sample
    assert (tmp_path / "lib" / PAIR_ID / "review.yaml").is_file()
    assert library.load(PAIR_ID).side("kremlin").text == sample.side("kremlin").text


def test_undo_in_one_session_keeps_what_another_session_decided_meanwhile(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    mine, theirs = refs(pair, "white-house")[2], refs(pair, "kremlin")[2]
    made = {}

    def my_edit(review):
        new, made["change"] = decide(review, [Decision("unlink", (mine,))])
        return new

    change_review(library, pair, my_edit)
    change_review(library, pair, lambda r: decide(r, [Decision("unlink", (theirs,))])[0])  # the other session
    change_review(library, pair, made["change"].undo)
    assert [d.claims for d in read_review(library, pair).decisions] == [(theirs,)]
    change_review(library, pair, made["change"].redo)
    assert {d.claims for d in read_review(library, pair).decisions} == {(theirs,), (mine,)}


WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from comparisons.review.decisions import ClaimRef, Decision
    from comparisons.review.edits import decide
    from comparisons.review.reviewed import change_review
    from readouts.documents import split_document
    from readouts.library import Library

    root, pair_id, side, go = sys.argv[1:5]
    library = Library(root)
    pair = library.load(pair_id)
    claims = split_document(pair.side(side), pair.participants).claims
    Path(go).with_name(f"ready-{side}").touch()  # read: a replacer may start now
    while not Path(go).exists():
        time.sleep(0.001)
    for claim in claims:
        ref = ClaimRef.of(claim)
        change_review(library, pair, lambda r: decide(r, [Decision("unlink", (ref,), by=side)])[0])
""")


def test_two_processes_reviewing_one_pair_lose_no_decision(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    go = tmp_path / "go"
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path / "lib"), PAIR_ID, side, str(go)])
               for side in ("white-house", "kremlin")]
    go.touch()
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    review = read_review(library, pair)
    expected = len(refs(pair, "white-house")) + len(refs(pair, "kremlin"))
    assert len(review.decisions) == expected
    assert {d.by for d in review.decisions} == {"white-house", "kremlin"}


REPLACER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from readouts.library import Library

    root, pair_id, done = sys.argv[1:4]
    library = Library(root)
    pair = library.load(pair_id)
    while not any(Path(root).parent.glob("ready-*")):  # the reviewer has read the pair it will review
        time.sleep(0.001)
    (Path(root).parent / "go").touch()
    while not Path(done).exists():
        library.save(pair, force=True)  # what `dualread add --force` and the TUI's edit form do
""")


def test_reviewing_while_another_process_replaces_the_pair_loses_and_refuses_nothing(tmp_path):
    # A script re-importing pairs with `add --force` while a person confirms links in the TUI: each decision was
    # either refused ("cannot write the review: No such file or directory") or, written into the folder being
    # replaced after its review had been copied, silently lost (measured: 1 to 7 of 26 in every run).
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    done = tmp_path / "done"
    replacer = subprocess.Popen([sys.executable, "-c", REPLACER, str(tmp_path / "lib"), PAIR_ID, str(done)])
    try:
        reviewer = subprocess.run([sys.executable, "-c", WORKER, str(tmp_path / "lib"), PAIR_ID, "kremlin",
                                   str(tmp_path / "go")], capture_output=True, text=True, timeout=120)
    finally:
        done.touch()
        assert replacer.wait(timeout=120) == 0
    assert reviewer.returncode == 0, reviewer.stderr[-600:]
    assert len(read_review(library, pair).decisions) == len(refs(pair, "kremlin"))


def test_a_replaced_pair_keeps_its_review_file_but_never_a_link_in_its_place(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    folder = tmp_path / "lib" / PAIR_ID
    (folder / "review.yaml").write_text("decisions: []\n", encoding="utf-8")
    library.save(pair, force=True)
    assert (folder / "review.yaml").read_text(encoding="utf-8") == "decisions: []\n"
    (folder / "review.yaml").unlink()
    secret = tmp_path / "secret.txt"
    secret.write_text("not a review", encoding="utf-8")
    (folder / "review.yaml").symlink_to(secret)
    library.save(pair, force=True)
    assert not os.path.lexists(folder / "review.yaml")


def test_a_fifo_in_place_of_the_review_is_refused_without_waiting_on_it(tmp_path):
    library = library_with(tmp_path / "lib")
    pair = library.load(PAIR_ID)
    os.mkfifo(tmp_path / "lib" / PAIR_ID / "review.yaml")
    with pytest.raises(ComparisonError, match="not a regular file"):
        read_review(library, pair)
