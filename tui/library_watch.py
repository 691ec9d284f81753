"""``LibraryWatch``: notices that a library folder changed on disk (a pair added, replaced, edited or removed by
another process, ``dualread add --force`` say) by comparing cheap stamps of it, so the UI can read it again
without a restart.

- ``library_stamp(root)``: the name, size, modification and status-change time of the library's own files
  (``topics.yaml``, ``settings.yaml``) and of every pair folder and each file in it; hidden entries (``.cache``,
  the scratch folders of a save in progress) are left out. Only ``stat`` calls: no file is opened or read.
- ``LibraryWatch(root, also=()).check() -> frozenset[str]``: the top-level names (a pair folder, ``topics.yaml``,
  ``settings.yaml``) whose stamp differs from the one taken at the previous call (the first call takes the first
  stamp and finds nothing), and the files of ``also`` (outside the library: the ``--topics`` file) that changed,
  by their path; ``changed() -> bool`` says only whether there is any.

Measured in ``benchmarks/bench_watch.py``: a stamp of 40 pairs costs about a millisecond, of 400 pairs 13 to
17 ms, of 2,000 pairs 70 to 140 ms; the app spaces its checks so that they take at most a small share of one core.
A replaced pair is seen whatever the clock's resolution (its folder and files are new, with new inode numbers); an
edited text is seen by its new size or modification time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

__all__ = ["LibraryWatch", "Stamp", "library_stamp"]

Stamp = frozenset[tuple[str, int, int, int, int]]
"""(relative path, inode, size, mtime in ns, ctime in ns) per entry: the ctime changes with every write, even one
whose old modification time was put back."""


def _entry(path: str, entry: os.DirEntry[str]) -> tuple[str, int, int, int, int] | None:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return None  # gone between the listing and the stat: the next check sees the new state
    return (path, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def library_stamp(root: Path) -> Stamp:
    """A stamp of ``root`` that changes when any pair in it changes; an unreadable root stamps as empty."""
    found: list[tuple[str, int, int, int, int]] = []
    try:
        top = list(os.scandir(root))
    except OSError:
        return frozenset()
    for entry in top:
        if entry.name.startswith("."):
            continue
        stamped = _entry(entry.name, entry)
        if stamped is not None:
            found.append(stamped)
        if not entry.is_dir(follow_symlinks=False):
            continue
        try:
            inside = list(os.scandir(entry.path))
        except OSError:
            continue
        for item in inside:
            if not item.name.startswith("."):
                stamped = _entry(f"{entry.name}/{item.name}", item)
                if stamped is not None:
                    found.append(stamped)
    return frozenset(found)


class LibraryWatch:
    """Remembers the last stamp of a library folder (and of the files in ``also``, outside it: the taxonomy file
    given with ``--topics``); ``changed()`` takes a new one and compares."""

    def __init__(self, root: Path, also: Iterable[Path] = ()) -> None:
        self.root = Path(root)
        self.also = tuple(str(path) for path in also)
        self._last: Stamp | None = None
        self._lock = threading.Lock()

    def check(self) -> frozenset[str]:
        """The top-level names whose entries changed since the previous call (a new, edited or removed pair folder
        or library file), and each file of ``also`` that changed, by its path as given: the app re-reads its
        settings only when ``topics.yaml``, ``settings.yaml`` or one of those is among them."""
        with self._lock:  # two checks at once (the timer's, the focus's) must not both report one change
            stamp = library_stamp(self.root) | self._also_stamp()
            last, self._last = self._last, stamp
        if last is None or stamp == last:
            return frozenset()
        return frozenset(path if path in self.also else path.split("/", 1)[0] for path, *_ in stamp ^ last)

    def _also_stamp(self) -> Stamp:
        found = set()
        for path in self.also:
            try:
                info = os.stat(path)  # through a link: the file the options are read from
            except OSError:
                found.add((path, 0, -1, 0, 0))  # missing or unreadable: a state of its own, so its return is seen
                continue
            found.add((path, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
        return frozenset(found)

    def changed(self) -> bool:
        return bool(self.check())
