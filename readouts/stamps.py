"""Stamps of pair folders: what a folder looked like when the catalog read it, in a form that changes whenever a
file in it is added, removed, replaced or edited, taken with ``stat`` calls alone (no file is opened).

- ``take_stamp(folder) -> (stamp, files)``: before a folder is read, the stamp of the folder and of every regular
  file in it (hidden names left out), and the names of those files.
- ``check_stamp(folder, files) -> stamp``: the stamp of the folder now, looking only at ``files`` (the names
  ``take_stamp`` found): a file added or removed changes the folder's own modification time, an edit in place
  changes the file's. Equal to the stored stamp exactly when nothing changed.
- ``unchanged(folder, files, stored, *, only=None) -> bool``: whether ``folder`` still has the ``stored`` stamp;
  with ``only=1`` just the folder and the first file (``take_stamp(folder, first=("pair.yaml",))`` puts it
  first) are looked at, for a listing that needs only what pair.yaml holds.
- ``RESOURCE_STAMP``: the stamp of a bundled sample that is not a folder on disk (package data in a zip).

Each entry records the inode, size, modification time and status-change time in nanoseconds, so a folder replaced by
a rename (``dualread add --force``) differs by its inode even within one clock tick, and a file rewritten in place
with its old modification time put back (``touch -r``, a copy that keeps times) differs by its status-change time,
which no tool can set back. A file modified less than ``RACY_SECONDS`` before
its stamp was taken could change again within the same tick of the file system's clock without its stamp
changing, so such a stamp is marked racy and never matches: that folder is read again next time (git's "racy
clean" rule).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

__all__ = ["RACY_SECONDS", "RESOURCE_STAMP", "check_stamp", "take_stamp", "unchanged"]

RACY_SECONDS = 2.0
RESOURCE_STAMP = "resource"
_RACY = "~"


def _part(name: str, info: os.stat_result) -> str:
    return f"{name}:{info.st_ino}.{info.st_size}.{info.st_mtime_ns}.{info.st_ctime_ns}"


def _join(parts: list[str], newest_ns: int) -> str:
    """The stamp, marked racy when a file in it is too new to be told apart from an edit made right after."""
    stamp = "|".join(parts)
    if time.time_ns() - newest_ns < RACY_SECONDS * 1e9:
        return _RACY + stamp
    return stamp


def take_stamp(folder: str | Path, first: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """The stamp of ``folder`` and of each regular file in it, and those files' names: the names in ``first``
    that exist, in that order, then the others sorted (so ``unchanged(..., only=first)`` compares a prefix)."""
    try:
        info = os.stat(folder)
    except OSError as error:
        return f"missing:{error.errno}", ()
    parts = [_part(".", info)]
    newest = info.st_mtime_ns
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            rank = {name: i for i, name in enumerate(first)}
            listed = sorted((e for e in entries if not e.name.startswith(".")),
                            key=lambda e: (rank.get(e.name, len(rank)), e.name))
            for entry in listed:
                try:
                    if not entry.is_file():
                        continue
                    item = entry.stat()
                except OSError:
                    continue  # gone while listed: the folder's own time has changed, so the next check sees it
                parts.append(_part(entry.name, item))
                names.append(entry.name)
                newest = max(newest, item.st_mtime_ns)
    except OSError as error:
        parts.append(f"unreadable:{error.errno}")
    return _join(parts, newest), tuple(names)


def check_stamp(folder: str, files: Iterable[str]) -> str:
    """The stamp ``take_stamp`` would give ``folder`` now if it still held exactly ``files``.

    Called for every pair on every listing, so it is written for speed: strings, not ``Path`` objects."""
    try:
        info = os.stat(folder)
    except OSError as error:
        return f"missing:{error.errno}"
    parts = [_part(".", info)]
    prefix = folder + os.sep
    for name in files:
        try:
            item = os.stat(prefix + name)
        except OSError:
            return "changed"
        parts.append(_part(name, item))
    return "|".join(parts)  # never racy-marked: a racy stored stamp must never equal a checked one


def unchanged(folder: str, files: list[str], stored: str, *, only: int | None = None) -> bool:
    """Whether ``folder`` (holding ``files`` when it was stamped ``stored``) is as it was: every file, or the folder
    itself and the first ``only`` files (those ``take_stamp`` put first)."""
    if stored.startswith(_RACY):
        return False
    if only is None:
        return check_stamp(folder, files) == stored
    now = check_stamp(folder, files[:only])
    return stored == now or stored.startswith(now + "|")
