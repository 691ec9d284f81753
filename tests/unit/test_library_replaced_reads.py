"""A pair read while another process replaces it (``dualread add --force``, the TUI's edit form) is read whole:
the old pair or the new one, never an error and never half of each."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from readouts.catalog import Catalog
from readouts.library import Library

PAIR_ID = "2024-05-06-aldren-vesk-call"

REPLACER = textwrap.dedent("""
    import datetime, os, sys
    from pathlib import Path
    from readouts.library import Library
    from readouts.model import Pair, Side

    root, pair_id, done, count = sys.argv[1:5]
    library = Library(root)
    # Two versions of one pair that share no side file but the first: a reader that mixes them meets a side
    # file the other version does not have, or one version's event beside the other's texts.
    versions = [
        Pair(id=pair_id, event="version A", date=datetime.date(2024, 5, 6),
             sides=(Side("norland", "Call\\n\\nVersion A: the two leaders spoke of grain."),
                    Side("ostria", "Call\\n\\nVersion A: the ministers spoke of ports."))),
        Pair(id=pair_id, event="version B", date=datetime.date(2024, 5, 6),
             sides=(Side("norland", "Call\\n\\nVersion B: the two leaders spoke of fish."),
                    Side("press", "Call\\n\\nVersion B: a press summary of the call."))),
    ]
    saves = 0
    while not Path(done).exists():
        library.save(versions[saves % 2], force=True)
        saves += 1
        Path(count + ".tmp").write_text(str(saves))
        os.replace(count + ".tmp", count)
""")


def _saves(count: Path) -> int:
    try:
        return int(count.read_text() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def _while_replaced(tmp_path: Path, read, saves: int = 60) -> tuple[list[str], set[str]]:
    """Call ``read()`` (returning what it saw, or raising) again and again while another process replaces the pair
    ``saves`` times with each of two versions in turn; what failed, and which versions were seen."""
    root, done, count = tmp_path / "lib", tmp_path / "done", tmp_path / "count"
    replacer = subprocess.Popen([sys.executable, "-c", REPLACER, str(root), PAIR_ID, str(done), str(count)],
                                stderr=subprocess.PIPE, text=True)
    problems: list[str] = []
    seen: set[str] = set()
    try:
        while _saves(count) < 2:  # the pair exists
            assert replacer.poll() is None, replacer.stderr.read() if replacer.stderr else ""
        while _saves(count) < saves and replacer.poll() is None:
            try:
                seen.add(read())
            except Exception as error:  # noqa: BLE001 - every failure is what these tests count
                problems.append(f"{type(error).__name__}: {error}")
    finally:
        done.touch()
        assert replacer.wait(timeout=120) == 0, replacer.stderr.read() if replacer.stderr else ""
    return problems, seen


def test_a_pair_read_while_another_process_replaces_it_is_the_old_or_the_new_one_whole(tmp_path):
    # Measured before: of the reads made during 60 replacements, dozens failed with "missing side file" (the folder
    # was between its two renames, or the side files were read from the new folder after pair.yaml from the old).
    library = Library(tmp_path / "lib")

    def read() -> str:
        pair = library.load(PAIR_ID)
        version = pair.event[-1]
        keys = [side.key for side in pair.sides]
        if keys != (["norland", "ostria"] if version == "A" else ["norland", "press"]) or any(
                f"Version {version}:" not in side.text for side in pair.sides):
            raise AssertionError(f"half of each: {pair.event} with {keys}")
        return version

    problems, seen = _while_replaced(tmp_path, read, saves=300)  # its window is the instant between two renames
    assert not problems, f"{len(problems)} reads failed, the first: {problems[0]}"
    assert seen == {"A", "B"}


def test_the_listing_made_while_another_process_replaces_a_pair_always_lists_it_whole(tmp_path):
    # `dualread list` and the TUI's library read through the catalog: a refresh that fell between the two renames
    # listed the library without the pair, or listed it as broken ("missing side file").
    catalog = Catalog(Library(tmp_path / "lib"))

    def read() -> str:
        catalog.refresh()
        listed = {summary.id: summary for summary in catalog.summaries()}
        if PAIR_ID not in listed:
            raise AssertionError("the pair is not listed")
        summary = listed[PAIR_ID]
        if summary.problem:
            raise AssertionError(summary.problem)
        version = summary.event[-1]
        if summary.side_keys != (("norland", "ostria") if version == "A" else ("norland", "press")):
            raise AssertionError(f"half of each: {summary.event} with {summary.side_keys}")
        return version

    problems, seen = _while_replaced(tmp_path, read)
    assert not problems, f"{len(problems)} listings failed, the first: {problems[0]}"
    assert seen == {"A", "B"}



def test_a_review_read_while_another_process_replaces_its_pair_is_always_there(tmp_path):
    # The replace keeps the review (it is copied into the new folder), but a reader that came between the two
    # renames found no review.yaml: show, open and export then gave the engine's result as if nobody had reviewed.
    from comparisons.review.decisions import ClaimRef, Decision
    from comparisons.review.edits import decide
    from comparisons.review.reviewed import change_review, read_review
    from readouts.documents import split_document

    library = Library(tmp_path / "lib")
    pairs: list = []

    def read() -> str:
        if not pairs:  # the first read: a decision on the side both versions have, made under the lock
            pairs.append(library.load(PAIR_ID))
            claim = split_document(pairs[0].side("norland"), pairs[0].participants).claims[0]
            change_review(library, pairs[0], lambda r: decide(r, [Decision("unlink", (ClaimRef.of(claim),))])[0])
        if read_review(library, pairs[0]) is None:
            raise AssertionError("no review")
        return "reviewed"

    problems, seen = _while_replaced(tmp_path, read, saves=300)  # its window is the instant between two renames
    assert not problems, f"{len(problems)} reads failed, the first: {problems[0]}"
    assert seen == {"reviewed"}
