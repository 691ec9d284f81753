"""Atomic writes: a reader sees the old content or the new, never half; a failed swap keeps the old pair."""

from __future__ import annotations

import os
import sys
import time

import pytest

from readouts import replace_dir_atomic, staging_dir, write_text_atomic
from readouts.atomic import is_scratch_name, remove_stale_scratch, restore_set_aside


def test_write_creates_and_replaces_without_leaving_temporaries(tmp_path):
    target = tmp_path / "pair.yaml"
    write_text_atomic(target, "id: one\n")
    write_text_atomic(target, "id: two — ü\n")
    assert target.read_text(encoding="utf-8") == "id: two — ü\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pair.yaml"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "pair.yaml"
    target.write_text("id: old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "half written \ud800 text")  # a lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "id: old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pair.yaml"]


def test_line_ends_are_written_as_given(tmp_path):
    target = tmp_path / "a.txt"
    write_text_atomic(target, "one\ntwo\n")
    assert target.read_bytes() == b"one\ntwo\n"


def test_staging_dir_is_hidden_and_removed_when_the_block_fails(tmp_path):
    with pytest.raises(RuntimeError), staging_dir(tmp_path, "my-pair") as scratch:
        assert is_scratch_name(scratch.name) and scratch.parent == tmp_path
        (scratch / "a.txt").write_text("x", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def _pair_dir(parent, name, text):
    folder = parent / name
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


def test_replace_moves_a_new_folder_into_place(tmp_path):
    new = _pair_dir(tmp_path, "new", "new")
    replace_dir_atomic(new, tmp_path / "pair")
    assert (tmp_path / "pair" / "a.txt").read_text(encoding="utf-8") == "new"
    assert not new.exists()


def test_replace_refuses_an_existing_folder_without_force(tmp_path):
    old = _pair_dir(tmp_path, "pair", "old")
    new = _pair_dir(tmp_path, "new", "new")
    with pytest.raises(FileExistsError):
        replace_dir_atomic(new, old)
    assert (old / "a.txt").read_text(encoding="utf-8") == "old"
    assert new.exists()


def test_force_swaps_and_deletes_the_old_folder(tmp_path):
    old = _pair_dir(tmp_path, "pair", "old")
    new = _pair_dir(tmp_path, "new", "new")
    replace_dir_atomic(new, old, force=True)
    assert (old / "a.txt").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pair"]


def test_force_puts_the_old_folder_back_when_the_swap_fails(tmp_path, monkeypatch):
    old = _pair_dir(tmp_path, "pair", "old")
    new = _pair_dir(tmp_path, "new", "new")
    real_rename = os.rename
    calls = []

    def flaky_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # the new folder moving in: the moment a crash would hurt most
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", flaky_rename)
    with pytest.raises(OSError):
        replace_dir_atomic(new, old, force=True)
    monkeypatch.undo()
    assert (old / "a.txt").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "pair"]


def test_written_files_and_pair_folders_get_ordinary_permissions(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    target = tmp_path / "pair.yaml"
    write_text_atomic(target, "id: one\n")
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    target.chmod(0o640)
    write_text_atomic(target, "id: two\n")
    assert target.stat().st_mode & 0o777 == 0o640
    with staging_dir(tmp_path, "p") as scratch:
        assert scratch.stat().st_mode & 0o777 == 0o777 & ~mask


def test_stale_scratch_is_removed_and_fresh_scratch_and_pairs_are_kept(tmp_path):
    stale_dir = _pair_dir(tmp_path, ".dualread-p.abc.new", "half a pair")
    stale_file = tmp_path / ".dualread-settings.yaml.xyz.tmp"
    stale_file.write_text("half", encoding="utf-8")
    outside = _pair_dir(tmp_path, "outside", "kept")
    stale_link = tmp_path / ".dualread-q.def.new"
    stale_link.symlink_to(outside, target_is_directory=True)
    old_pair = _pair_dir(tmp_path, "old-pair", "a pair")
    time.sleep(0.05)  # file times have a coarse clock: keep "before" and "after" the cut clearly apart
    cut = time.time()
    time.sleep(0.05)
    fresh = _pair_dir(tmp_path, ".dualread-r.ghi.new", "a save in progress")

    removed = remove_stale_scratch(tmp_path, older_than=0, now=cut)
    assert sorted(p.name for p in removed) == sorted(p.name for p in (stale_dir, stale_file, stale_link))
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "old-pair", "outside"]
    assert (outside / "a.txt").read_text(encoding="utf-8") == "kept"  # the link was removed, not followed
    assert (old_pair / "a.txt").read_text(encoding="utf-8") == "a pair"


def test_a_pair_set_aside_by_a_killed_swap_is_put_back(tmp_path):
    # Killed between the two renames of a forced replace: the old pair is aside, the new one still in scratch.
    _pair_dir(tmp_path, ".dualread-my-pair.k2x9.old", "the old pair")
    _pair_dir(tmp_path, ".dualread-my-pair.p4q1.new", "the new pair, never moved in")
    removed = remove_stale_scratch(tmp_path, older_than=0, now=time.time() + 1)
    assert [p.name for p in removed] == [".dualread-my-pair.p4q1.new"]
    assert [p.name for p in tmp_path.iterdir()] == ["my-pair"]
    assert (tmp_path / "my-pair" / "a.txt").read_text(encoding="utf-8") == "the old pair"


def test_an_old_copy_left_after_a_finished_swap_is_removed(tmp_path):
    _pair_dir(tmp_path, "my-pair", "the new pair")
    _pair_dir(tmp_path, ".dualread-my-pair.k2x9.old", "what was being deleted")
    remove_stale_scratch(tmp_path, older_than=0, now=time.time() + 1)
    assert [p.name for p in tmp_path.iterdir()] == ["my-pair"]
    assert (tmp_path / "my-pair" / "a.txt").read_text(encoding="utf-8") == "the new pair"


@pytest.mark.skipif(sys.platform == "win32", reason="the swap lock is flock, POSIX only")
def test_a_pair_set_aside_by_a_swap_still_running_is_left_to_it(tmp_path):
    import fcntl

    _pair_dir(tmp_path, ".dualread-my-pair.k2x9.old", "the old pair")
    fd = os.open(tmp_path, os.O_RDONLY)  # another process in the middle of its two renames holds this lock
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert remove_stale_scratch(tmp_path, older_than=0, now=time.time() + 1) == []
        assert restore_set_aside(tmp_path) == []
        assert [p.name for p in tmp_path.iterdir()] == [".dualread-my-pair.k2x9.old"]
    finally:
        os.close(fd)
    assert restore_set_aside(tmp_path) == [tmp_path / "my-pair"]


def test_a_pair_set_aside_a_moment_ago_by_a_killed_swap_is_put_back_at_once(tmp_path):
    _pair_dir(tmp_path, ".dualread-my-pair.k2x9.old", "the old pair")
    _pair_dir(tmp_path, ".dualread-other.k2x9.old", "another old pair")
    assert restore_set_aside(tmp_path, "my-pair") == [tmp_path / "my-pair"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".dualread-other.k2x9.old", "my-pair"]
    assert remove_stale_scratch(tmp_path, older_than=3600) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-pair", "other"]


def test_stale_scratch_in_a_missing_folder_is_nothing_to_do(tmp_path):
    assert remove_stale_scratch(tmp_path / "absent", older_than=3600) == []
