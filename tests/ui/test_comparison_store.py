"""``ComparisonStore`` and ``LibraryWatch`` without an app: memory keyed by what a comparison was computed from,
and a cheap stamp of the library folder that changes when a pair does."""

from __future__ import annotations

import os
from dataclasses import replace

from tui_fixtures import call_comparison

from comparisons.options import CompareOptions
from readouts.adding import add_pair
from readouts.library import Library
from tui.comparison_store import ComparisonStore
from tui.library_watch import LibraryWatch, library_stamp


def test_a_pair_with_other_texts_is_not_answered_with_the_old_comparison():
    comparison = call_comparison()
    store = ComparisonStore(CompareOptions(), None)
    store.remember(comparison)
    pair = comparison.pair
    assert store.held(pair) is comparison
    north = pair.sides[0]
    edited = replace(pair, sides=(replace(north, text=north.text + "\n\nOne more sentence."), *pair.sides[1:]))
    assert store.held(edited) is None
    assert store.figures(edited) is None
    assert store.figures(pair).claims == 11


def test_edited_metadata_keeps_the_comparison_but_shows_the_new_event_and_publisher():
    comparison = call_comparison()
    store = ComparisonStore(CompareOptions(), None)
    store.remember(comparison)
    pair = comparison.pair
    renamed = replace(pair, event="Renamed call", sides=(replace(pair.sides[0], publisher="Another office"),
                                                         *pair.sides[1:]))
    held = store.held(renamed)
    assert held is not None and held.links == comparison.links
    assert held.pair.event == "Renamed call"
    assert held.documents[0].side.label == "Another office"


def test_other_settings_are_another_key():
    comparison = call_comparison()
    lexical = ComparisonStore(CompareOptions(), None)
    semantic = ComparisonStore(CompareOptions(similarity="semantic"), None)
    assert lexical.key(comparison.pair) != semantic.key(comparison.pair)


def sources(folder, word: str) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for key in ("north", "south"):
        path = folder / f"{key}.txt"
        path.write_text(f"Title\n\nThe ministers discussed {word} on the phone.\n", encoding="utf-8")
        found[key] = str(path)
    return found


def test_the_stamp_changes_when_a_pair_is_added_replaced_edited_or_removed(tmp_path):
    root = tmp_path / "library"
    watch = LibraryWatch(root)
    assert not watch.changed(), "the first look only takes the stamp"
    add_pair(Library(root), "p", "Call", "2024-01-01", sources(tmp_path / "a", "grain"))
    assert watch.changed(), "added"
    assert not watch.changed(), "nothing since"
    add_pair(Library(root), "p", "Call", "2024-01-01", sources(tmp_path / "b", "wheat"), force=True)
    assert watch.changed(), "replaced"
    text = root / "p" / "north.txt"
    stat = text.stat()
    text.write_text(text.read_text(encoding="utf-8").replace("wheat", "maize"), encoding="utf-8")
    os.utime(text, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # whatever the file system's clock
    assert watch.changed(), "a side's text edited in place"
    stat = text.stat()
    with open(text, "r+", encoding="utf-8") as handle:  # the same length, in place, its old time put back
        handle.write(text.read_text(encoding="utf-8").replace("maize", "wheat"))
    os.utime(text, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert watch.changed(), "a side's text edited in place with its old modification time put back"
    (root / "p" / "north.txt").unlink()
    assert watch.changed(), "a side file removed"
    (root / "p" / "pair.yaml").unlink()
    (root / "p" / "south.txt").unlink()
    (root / "p").rmdir()
    assert watch.changed(), "the pair removed"


def test_the_cache_and_scratch_folders_are_not_watched(tmp_path):
    root = tmp_path / "library"
    root.mkdir()
    before = library_stamp(root)
    (root / ".cache" / "comparisons").mkdir(parents=True)
    (root / ".cache" / "comparisons" / "x.json").write_text("{}", encoding="utf-8")
    (root / ".dualread-tmp").mkdir()
    assert library_stamp(root) == before
    assert library_stamp(tmp_path / "no-such-folder") == frozenset()
