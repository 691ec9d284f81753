"""Writes that never leave half a file or half a pair behind.

- ``write_text_atomic(path, text)``: write a temporary file in the same folder, flush it to disk, then rename it
  over ``path``; a crash leaves either the old file or the new one, never a mixture. ``write_bytes_atomic(path,
  data)`` does the same for bytes.
- ``write_text_through(path, text)``: the same for a path a user names as an output: through a symbolic link to
  its target (the link stays a link), and straight into a device or a pipe (``/dev/null``, a FIFO), never replacing it.
- ``staging_dir(parent, name)``: a context manager giving a fresh hidden folder in ``parent`` to build a pair in;
  it is removed if the block fails, so an interrupted ``add`` leaves nothing behind.
- ``replace_dir_atomic(tmp_dir, final_dir, *, force=False)``: move a complete folder into place. With ``force`` an
  existing folder is renamed aside first, the new one renamed in, and only then is the old one deleted; if the
  swap fails, the old folder is put back. The two renames happen under a lock on the parent folder, with
  ``before_swap`` (files carried over from the old folder) just before them.
- ``changing_inside(folder)``: held while a file inside a subfolder is changed in place (a pair's review), so that
  no replace or removal of that subfolder runs in the middle of the change.
- ``reading_inside(folder)``: held while a subfolder is listed or read (a pair loaded), so that a reader sees each
  pair whole, as it was before a replace or as it is after, never between the replace's two renames.
- ``remove_dir_atomic(folder)``: delete a folder in one step as far as any reader can tell: it is renamed to a
  scratch name first (gone from its place at once, whole), then removed; a crash between the two leaves scratch
  that ``remove_stale_scratch`` clears, never half a folder under its name. A link is removed, not followed.
- ``restore_set_aside(folder, name=None)``: put back, at once, a folder a killed swap left set aside (no live swap
  holds the lock): what opening a library does first.
- ``is_scratch_name(name)``: whether a folder name is one of ours in progress (listings skip them).
- ``remove_stale_scratch(folder, *, older_than)``: delete the scratch files and folders in ``folder`` that nothing
  has touched for ``older_than`` seconds: what a hard kill (SIGKILL, power loss) left where no ``finally`` ran.

Temporary names start with a dot so that a library listing never mistakes them for pairs. ``os.replace`` and
``os.rename`` are atomic within one file system, which is why temporaries live next to their final place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["changing_inside", "is_scratch_name", "reading_inside", "remove_dir_atomic", "remove_stale_scratch",
           "replace_dir_atomic", "restore_set_aside", "staging_dir", "write_bytes_atomic", "write_text_atomic",
           "write_text_through"]

_SCRATCH_MARK = ".dualread-"
_ASIDE_SUFFIX = ".old"
_REMOVED_SUFFIX = ".removed"
"""A folder being deleted: scratch like the others, but never put back (``restore_set_aside`` looks for ``.old``)."""


def is_scratch_name(name: str) -> bool:
    """Folders and files named like this are work in progress (or left over from a crash), never pairs."""
    return name.startswith(_SCRATCH_MARK)


def _set_aside_from(name: str) -> str | None:
    """The folder name a ``.old`` scratch folder was set aside from (``.dualread-<name>.<random>.old``), if it is one."""
    if not (is_scratch_name(name) and name.endswith(_ASIDE_SUFFIX)):
        return None
    original, dot, _random = name[len(_SCRATCH_MARK):-len(_ASIDE_SUFFIX)].rpartition(".")
    return original if dot and original and not original.startswith(".") and "/" not in original else None


@contextlib.contextmanager
def _swap_lock(folder: Path, *, wait: bool = True, shared: bool = False) -> Iterator[bool]:
    """An exclusive lock on ``folder`` (``flock`` on the folder itself: no lock file to leave behind) while a pair is
    swapped; yields whether it was taken. Without ``wait``, a lock held elsewhere is not waited for. The system
    drops the lock of a killed process, so a set-aside folder whose folder is unlocked belongs to no live swap.
    ``shared``: the lock of a change made inside one of the folders (``changing_inside``), which many may hold at
    once but never during a swap. Where ``flock`` does not exist (Windows) the lock is always "taken"."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def changing_inside(folder: str | Path) -> Iterator[None]:
    """Held while a file inside one of ``folder``'s subfolders is read, changed and written in place (a pair's
    review): no ``replace_dir_atomic`` or ``remove_dir_atomic`` in ``folder`` runs meanwhile, so the change lands
    in the folder that stays, never in one being set aside after its files were copied. Many changes may hold it at
    once (they have locks of their own)."""
    with _swap_lock(Path(folder), shared=True):
        yield


@contextlib.contextmanager
def reading_inside(folder: str | Path) -> Iterator[None]:
    """Held while ``folder`` is listed or one of its subfolders read (a pair loaded: pair.yaml, then each side
    file by the names it gives): no ``replace_dir_atomic`` or ``remove_dir_atomic`` in ``folder`` runs meanwhile.

    Why a lock and not a retry: a replace is two renames (the old folder aside, the new one in), so a reader
    without it could find no folder at all, or read pair.yaml from the old folder and the side files from the new
    one ("missing side file" when their sides differ; silently half of each when the names agree, which no retry
    could tell). The replace already holds this lock exclusively for just its two renames; a reader holding it
    shared waits at most for those, and a replace waits at most for one pair's read (milliseconds). Readers never
    wait for each other. Where ``flock`` does not exist (Windows) or the folder cannot be opened, nothing is held
    and a read is what it was without the lock."""
    with _swap_lock(Path(folder), shared=True):
        yield


def restore_set_aside(folder: str | Path, name: str | None = None) -> list[Path]:
    """Put back every pair folder that a ``replace_dir_atomic(force=True)`` killed between its two renames left set
    aside (``.dualread-<name>.<random>.old`` while ``<name>`` is missing); only ``name``'s, if given.

    Done at once, whenever the library is opened: until then the pair would be missing, and an ``add`` without
    ``--force`` would take its place. A swap still running in another process holds the folder's lock and is
    left to finish. Returns the folders put back."""
    folder = Path(folder)
    prefix = _SCRATCH_MARK + (f"{name}." if name else "")
    try:
        candidates = [entry.name for entry in os.scandir(folder)
                      if entry.name.startswith(prefix) and entry.name.endswith(_ASIDE_SUFFIX)]
    except OSError:
        return []
    if not any((original := _set_aside_from(c)) and not os.path.lexists(folder / original) for c in candidates):
        return []
    restored: list[Path] = []
    with _swap_lock(folder, wait=False) as locked:
        if not locked:
            return restored
        for candidate in sorted(candidates):
            original = _set_aside_from(candidate)
            path = folder / candidate
            if not original or os.path.lexists(folder / original) or not path.is_dir() or path.is_symlink():
                continue
            try:
                os.rename(path, folder / original)
            except OSError:
                continue
            restored.append(folder / original)
    if restored:
        _fsync_dir(folder)
    return restored


def remove_stale_scratch(folder: str | Path, *, older_than: float, now: float | None = None) -> list[Path]:
    """Delete the scratch entries directly in ``folder`` untouched for ``older_than`` seconds before ``now``.

    A save in progress keeps its scratch folder's modification time fresh, so only leftovers of a killed process
    qualify. One leftover is not rubbish: a replaced folder set aside (``.old``) whose final name is empty means the
    kill fell between the two renames of ``replace_dir_atomic``, so it is put back at once (``restore_set_aside``),
    leaving the library as it was. Best effort: an entry that cannot be removed is left for next time, and a
    symbolic link is unlinked, never followed. Returns what was removed.
    """
    folder = Path(folder)
    restore_set_aside(folder)
    cutoff = (time.time() if now is None else now) - older_than
    removed: list[Path] = []
    try:
        entries = [entry for entry in os.scandir(folder) if is_scratch_name(entry.name)]
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            status = entry.stat(follow_symlinks=False)
            # ctime too: a rename (setting a pair aside) refreshes it, and no one can set it back by hand.
            if max(status.st_mtime, status.st_ctime) > cutoff:
                continue
            original = _set_aside_from(entry.name)
            if original and entry.is_dir(follow_symlinks=False) and not os.path.lexists(folder / original):
                continue  # a swap still running holds the lock: restore_set_aside will see to it once it is over
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; not every platform can open a folder, which is fine: the rename is still atomic."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    # Reading the umask means setting it; done once, at import, before any thread of ours exists.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_text_through(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` where a path the user chose leads (``--output``), never replacing what stands there.

    A symbolic link is followed and its target replaced atomically, the link kept; a device or a pipe
    (``/dev/null``, ``/dev/stdout``, a FIFO) is written into, as a shell's ``>`` would, since renaming a file over it
    would replace the device itself (as root, ``/dev/stdout`` for everyone). Anything else is ``write_text_atomic``.
    Library files never go through here: inside a library, a link is not followed but replaced.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # through every link, to what is really there
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        return
    write_text_atomic(os.path.realpath(path) if os.path.islink(path) else path, text, encoding=encoding)


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` in one step: a temporary file beside it, fsync, then ``os.replace``.

    The file gets the permissions an ordinary write would give it (an existing file keeps its own), not the
    owner-only mode of a temporary file.
    """
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """``write_text_atomic`` for bytes (a compressed cache entry)."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp_name = tempfile.mkstemp(prefix=f"{_SCRATCH_MARK}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def staging_dir(parent: str | Path, name: str) -> Iterator[Path]:
    """A hidden scratch folder in ``parent`` for building ``name``; deleted if the block raises.

    On success the caller is expected to have moved the folder into place with ``replace_dir_atomic``; whatever
    is left (nothing, normally) is cleaned up.
    """
    parent = Path(parent)
    folder = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH_MARK}{name}.", suffix=".new", dir=parent))
    os.chmod(folder, 0o777 & ~_UMASK)  # it becomes the pair folder: give it a folder's usual permissions
    try:
        yield folder
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)


def replace_dir_atomic(tmp_dir: str | Path, final_dir: str | Path, *, force: bool = False,
                       before_swap: Callable[[], None] | None = None) -> None:
    """Move the complete folder ``tmp_dir`` to ``final_dir``.

    Without ``force`` an existing ``final_dir`` raises ``FileExistsError`` and nothing changes. With ``force`` the
    old folder stays intact until the new one is in place, and is restored if the swap fails; ``before_swap`` runs
    under the lock, just before it (to carry files of the old folder over: no ``changing_inside`` change can then
    fall between the copy and the swap).
    """
    tmp_dir, final_dir = Path(tmp_dir), Path(final_dir)
    parent = final_dir.parent
    if not final_dir.exists():
        try:
            # rename() onto an existing empty folder would succeed silently on POSIX: mkdir-style check first.
            os.rename(tmp_dir, final_dir)
        except OSError:
            if final_dir.exists():
                raise FileExistsError(str(final_dir)) from None
            raise
        _fsync_dir(parent)
        return
    if not force:
        raise FileExistsError(str(final_dir))
    aside = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH_MARK}{final_dir.name}.", suffix=_ASIDE_SUFFIX, dir=parent))
    aside.rmdir()  # only the unique name is wanted: rename() needs the target to be absent
    # Locked between the two renames: another process opening the library then must not put the old folder back.
    with _swap_lock(parent):
        if before_swap is not None:
            before_swap()
        os.rename(final_dir, aside)
        try:
            os.rename(tmp_dir, final_dir)
        except BaseException:
            os.rename(aside, final_dir)
            raise
    _fsync_dir(parent)
    shutil.rmtree(aside, ignore_errors=True)


def remove_dir_atomic(folder: str | Path) -> None:
    """Delete ``folder``: renamed aside under a scratch name (one step: readers see it whole or not at all), then
    removed. ``FileNotFoundError`` if it is not there. A symbolic link standing there is unlinked, its target
    untouched. If the removal is cut short, what is left is scratch that ``remove_stale_scratch`` clears later."""
    folder = Path(folder)
    parent = folder.parent
    if not os.path.lexists(folder):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(folder))
    if folder.is_symlink():
        folder.unlink()
        _fsync_dir(parent)
        return
    aside = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH_MARK}{folder.name}.", suffix=_REMOVED_SUFFIX, dir=parent))
    aside.rmdir()  # only the unique name is wanted: rename() needs the target to be absent
    with _swap_lock(parent):  # not between the two renames of a replace running in another process
        os.rename(folder, aside)
    _fsync_dir(parent)
    shutil.rmtree(aside, ignore_errors=True)
