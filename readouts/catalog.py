"""The library's catalog: every pair's metadata and sides in one SQLite file (``<library>/.cache/catalog.sqlite3``),
so that listing 10,000 pairs reads one file instead of 10,000 folders.

- ``Catalog(library)``: opens (or creates) the catalog of ``library``; use it as a context manager or ``close()``.
  ``.refresh(progress=None) -> Refresh``: bring it in step with the folders: a pair folder added, removed or
  changed (by hand, by ``dualread add --force``, by another process) is noticed by its stamp (``readouts.stamps``:
  modification times, sizes, inodes) and read again; ``progress(done, total)`` is called while folders are read.
  ``.summaries()`` -> every pair as a ``PairSummary``, newest first, broken pairs last (SPEC §9: a broken pair is
  listed with its problem, never takes the listing down); ``.summary(pair_id)``; ``.stamps()`` -> the stamp of
  every pair that loads (what ``comparisons.claim_index`` ties a pair's claims to); ``.guarded(fn)`` runs
  ``fn(connection)`` under the catalog's lock (one ``Catalog`` may serve several threads) and rebuilds a damaged
  catalog once before trying again.
- ``PairSummary`` / ``SideSummary``: a pair as listed: id, date, event, participants' names, sides (key,
  publisher, title, url, language, file), sample, path, problem. No texts: those stay in the folders.
- ``catalog_path(library)``: where the catalog file lives.

The folders are the truth; the catalog is an index that can always be thrown away. A deleted catalog is rebuilt
from the folders, and so is a damaged one (``readouts.catalog_db``: it is removed under a lock and filled again,
``Refresh.rebuilt`` says so). A library with no folder yet (only the bundled samples) or whose ``.cache`` cannot be
written, or holds a link or anything but a file where the catalog's folder or files should be, gets a private
in-memory catalog. Two processes may refresh one catalog at once: each reads the folders it
finds changed, then writes them in short transactions; readers are never blocked (WAL).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from readouts.atomic import reading_inside, restore_set_aside
from readouts.catalog_db import discard, ensure_part, is_damage, open_database, write
from readouts.errors import ReadoutError
from readouts.pairfile import PAIR_FILE
from readouts.stamps import RESOURCE_STAMP, take_stamp, unchanged

if TYPE_CHECKING:
    from readouts.library import Library
    from readouts.model import Pair

__all__ = ["CATALOG_FILE", "Catalog", "PairSummary", "Refresh", "SideSummary", "catalog_path"]

CATALOG_FILE = "catalog.sqlite3"
PART_VERSION = 1
_CREATE = (
    # ``side_keys`` and ``publishers`` repeat the sides table so that listing 10,000 pairs is one query over
    # small rows, in the order of an index.
    """CREATE TABLE pairs (
        id TEXT PRIMARY KEY, sample INTEGER NOT NULL, path TEXT NOT NULL, files TEXT NOT NULL, stamp TEXT NOT NULL,
        date TEXT, event TEXT NOT NULL DEFAULT '', side_keys TEXT NOT NULL DEFAULT '',
        publishers TEXT NOT NULL DEFAULT '[]', problem TEXT)""",
    "CREATE INDEX pairs_listed ON pairs ((problem IS NOT NULL), date DESC, id)",
    """CREATE TABLE sides (
        pair_id TEXT NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL, publisher TEXT NOT NULL,
        title TEXT NOT NULL, url TEXT NOT NULL, language TEXT NOT NULL, file TEXT NOT NULL,
        PRIMARY KEY (pair_id, position)) WITHOUT ROWID""",
)
_DROP = ("DROP TABLE IF EXISTS pairs", "DROP TABLE IF EXISTS sides")
_BATCH_SECONDS = 0.5
"""Folders read are written at least this often, so a long first refresh keeps its work if it is interrupted and
other processes see it grow."""

T = TypeVar("T")


def catalog_path(library: "Library") -> Path:
    return library.cache_dir / CATALOG_FILE


class SideSummary(NamedTuple):
    key: str
    publisher: str = ""
    title: str = ""
    url: str = ""
    language: str = ""
    file: str = ""

    @property
    def label(self) -> str:
        """What the UI and reports call this side: its publisher, else its key (as ``Side.label``)."""
        return self.publisher or self.key


class PairSummary(NamedTuple):
    """A pair as the catalog lists it; ``problem`` is set (and date, event, sides empty) for a broken folder.

    A named tuple, not a dataclass: a listing builds 10,000 of them. A side's other metadata (title, url,
    language) is in ``Catalog.sides(pair_id)``."""

    id: str
    date: _dt.date | None
    event: str
    side_keys: tuple[str, ...]
    sample: bool
    path: str
    problem: str | None = None
    publishers_json: str = "[]"

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def publishers(self) -> tuple[str, ...]:
        """Each side's publisher, in the order of ``side_keys`` ("" where a side names none)."""
        return tuple(json.loads(self.publishers_json))


@dataclass(frozen=True)
class Refresh:
    """What a refresh did: folders read because they were new or changed, rows removed, and whether the catalog
    had to be rebuilt (it was missing its tables, damaged, or of another version)."""

    read: int
    removed: int
    total: int
    rebuilt: bool = False


@dataclass(frozen=True)
class _Folder:
    id: str
    path: str | None
    """None for a sample that is package data rather than a folder on disk."""
    sample: bool


class Catalog:
    def __init__(self, library: "Library", *, path: Path | None | str = "default") -> None:
        self.library = library
        self.path: Path | None = catalog_path(library) if path == "default" else (Path(path) if path else None)
        self.rebuilt = False
        """Set once the catalog file was found damaged and replaced during this object's life."""
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._open()

    # --- the file --------------------------------------------------------------------------------------------

    def _open(self) -> None:
        path = self.path
        if path is not None and not self.library.root.is_dir():
            path = None  # a library never written to: its .cache is not ours to create
        if path is not None and not _own_places(path):
            path = None  # a link where the catalog's folder or files should be could lead writes out of the library
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = self._prepare(open_database(path))
                return
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    path = None  # read-only or unreachable: an in-memory catalog still lists the library
                else:
                    self._rebuild()
                    return
            except OSError:
                path = None
        self.path = None
        self._connection = self._prepare(open_database(None))

    def _prepare(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        try:
            ensure_part(connection, "pairs", PART_VERSION, _CREATE, _DROP)
        except BaseException:
            connection.close()
            raise
        return connection

    def _rebuild(self) -> None:
        """Replace a damaged catalog file with an empty one (the next refresh fills it from the folders)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        assert self.path is not None
        discard(self.path)
        self.rebuilt = True
        self._connection = self._prepare(open_database(self.path))

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ReadoutError("the catalog is closed", file=self.path)
        return self._connection

    def guarded(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work(connection)`` under the catalog's lock; if the file turns out damaged, rebuild it and run
        ``work`` once more. The lock makes one ``Catalog`` safe to share between threads (the TUI's workers):
        each piece of work has the connection to itself, and long work between pieces (reading folders,
        comparing pairs) holds nothing."""
        try:
            return self._locked(work)
        except sqlite3.DatabaseError as error:
            if not is_damage(error) or self.path is None:
                raise
        with self._lock:
            self._rebuild()
        return self._locked(work)

    def _locked(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            return work(self.connection)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> "Catalog":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- keeping in step with the folders ----------------------------------------------------------------------

    def refresh(self, progress: Callable[[int, int], None] | None = None, *, texts: bool = True) -> Refresh:
        """Read every pair folder that is new or changed since the catalog last saw it; forget removed ones.

        With ``texts=False`` a folder counts as changed when the folder itself or its pair.yaml did (a file added,
        removed or replaced by a rename changes the folder's time): all a listing shows. A side file edited in
        place is then noticed by the next refresh with ``texts`` (search, stats, the TUI), at the cost of a
        ``stat`` per file rather than two per pair."""
        rebuilt_before = self.rebuilt
        only = None if texts else 1  # the folder and its pair.yaml, which ``take_stamp`` puts first
        try:
            result = self._refresh(progress, only)
        except sqlite3.DatabaseError as error:
            if not is_damage(error) or self.path is None:
                raise
            with self._lock:
                self._rebuild()
            result = self._refresh(progress, only)  # all of it again: the new file knows no pair yet
        if self.rebuilt and not rebuilt_before:
            result = Refresh(result.read, result.removed, result.total, rebuilt=True)
        return result

    def _refresh(self, progress: Callable[[int, int], None] | None, only: int | None) -> Refresh:
        folders = self._folders()
        known = self._locked(lambda connection: {
            row[0]: row[1:] for row in connection.execute("SELECT id, path, sample, files, stamp FROM pairs")})
        stale: list[_Folder] = []
        for folder in folders.values():
            row = known.get(folder.id)
            if row is None or row[0] != _shown_path(folder) or bool(row[1]) != folder.sample:
                stale.append(folder)
            elif folder.path is None:
                if row[3] != RESOURCE_STAMP:
                    stale.append(folder)
            elif not unchanged(folder.path, row[2].split("/") if row[2] else [], row[3], only=only):
                stale.append(folder)
        removed = [pair_id for pair_id in known if pair_id not in folders]
        if removed:
            self._locked(lambda connection: _remove(connection, removed))
        batch: list[tuple[_Folder, str, tuple[str, ...], Pair | None, str | None]] = []
        written = time.monotonic()
        for done, folder in enumerate(stale, start=1):
            batch.append(self._read(folder))
            if progress is not None:
                progress(done, len(stale))
            if time.monotonic() - written > _BATCH_SECONDS:
                self._locked(partial(self._store, batch=batch))
                batch, written = [], time.monotonic()
        self._locked(partial(self._store, batch=batch))
        return Refresh(read=len(stale), removed=len(removed), total=len(folders), rebuilt=self.rebuilt)

    def _folders(self) -> dict[str, _Folder]:
        """Every pair folder, by id: the bundled samples, then the user's folders (one with a sample's name hides
        that sample, as ``Library.entries`` does)."""
        from readouts.library import _sample_folders

        found: dict[str, _Folder] = {}
        for sample in _sample_folders():
            found[sample.name] = _Folder(sample.name, str(sample) if isinstance(sample, Path) else None, True)
        root = self.library.root
        if not root.exists():
            return found
        if not root.is_dir():
            raise ReadoutError("the library is not a folder", file=root)
        restore_set_aside(root)  # a pair a killed replace left set aside is back before it could be missed
        try:
            # Under the read lock: a pair being replaced (``add --force``) is under neither name between the
            # replace's two renames, and would be taken for removed.
            with reading_inside(root), os.scandir(root) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                    found[entry.name] = _Folder(entry.name, entry.path, False)
        except OSError as error:
            raise ReadoutError(f"cannot read the library folder: {error.strerror or error}", file=root) from None
        return found

    def _read(self, folder: _Folder) -> tuple[_Folder, str, tuple[str, ...], "Pair | None", str | None]:
        """One folder's stamp (taken before reading, so an edit made while it is read is seen next time) and its
        pair, or the one-line problem that keeps it from loading."""
        files: tuple[str, ...] = ()
        if folder.path is None:
            return self._load(folder, RESOURCE_STAMP, files)
        with reading_inside(self.library.root):  # the stamp and the pair of one folder, never of two (a replace)
            stamp, files = take_stamp(folder.path, first=(PAIR_FILE,))
            return self._load(folder, stamp, files)

    def _load(self, folder: _Folder, stamp: str,
              files: tuple[str, ...]) -> tuple[_Folder, str, tuple[str, ...], "Pair | None", str | None]:
        try:
            return folder, stamp, files, self.library.load(folder.id), None
        except ReadoutError as error:
            return folder, stamp, files, None, str(error)
        except Exception as error:  # noqa: BLE001 - library files are untrusted: whatever they do, one pair breaks
            return folder, stamp, files, None, f"cannot be read: {type(error).__name__}: {error}"

    def _store(self, connection: sqlite3.Connection,
               batch: list[tuple[_Folder, str, tuple[str, ...], "Pair | None", str | None]]) -> None:
        if not batch:
            return
        pairs = []
        sides: list[tuple[object, ...]] = []
        for folder, stamp, files, pair, problem in batch:
            rows = [(s.key, s.publisher, s.title, s.url, s.language, s.file) for s in pair.sides] if pair else []
            pairs.append((folder.id, int(folder.sample), _shown_path(folder), "/".join(files), stamp,
                          pair.date.isoformat() if pair else None, pair.event if pair else "",
                          " ".join(row[0] for row in rows), json.dumps([row[1] for row in rows], ensure_ascii=False),
                          problem))
            sides.extend((folder.id, i, *row) for i, row in enumerate(rows))
        with write(connection):
            connection.executemany("DELETE FROM sides WHERE pair_id = ?", [(row[0],) for row in pairs])
            connection.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pairs)
            connection.executemany("INSERT INTO sides VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sides)

    # --- reading ----------------------------------------------------------------------------------------------

    def summaries(self) -> list[PairSummary]:
        """Every pair the catalog holds: newest date first, then by id; broken pairs last, by id."""
        return self.guarded(lambda connection: _summaries(connection, None))

    def summary(self, pair_id: str) -> PairSummary | None:
        found = self.guarded(lambda connection: _summaries(connection, pair_id))
        return found[0] if found else None

    def sides(self, pair_id: str) -> tuple[SideSummary, ...]:
        """Every side of ``pair_id`` with its metadata, in the pair's order (none for a broken or unknown pair)."""
        return self.guarded(lambda connection: tuple(SideSummary(*row) for row in connection.execute(
            "SELECT key, publisher, title, url, language, file FROM sides WHERE pair_id = ? ORDER BY position",
            (pair_id,))))

    def stamps(self) -> dict[str, str]:
        """The stamp of every pair that loads, by id."""
        return self.guarded(lambda connection: dict(
            connection.execute("SELECT id, stamp FROM pairs WHERE problem IS NULL")))


def _remove(connection: sqlite3.Connection, removed: list[str]) -> None:
    with write(connection):
        connection.executemany("DELETE FROM pairs WHERE id = ?", [(i,) for i in removed])
        connection.executemany("DELETE FROM sides WHERE pair_id = ?", [(i,) for i in removed])


def _own_places(path: Path) -> bool:
    """Whether the catalog's folder is a real folder and its files (the database, its write-ahead log and shared
    memory) real files, or absent: a shared library is untrusted, and SQLite would follow a link it left there."""
    checks = [(path.parent, stat.S_ISDIR)] + [(Path(f"{path}{suffix}"), stat.S_ISREG)
                                               for suffix in ("", "-wal", "-shm", "-journal")]
    for place, kind in checks:
        try:
            mode = os.lstat(place).st_mode
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if not kind(mode):
            return False
    return True


def _shown_path(folder: _Folder) -> str:
    return folder.path if folder.path is not None else f"<package>/{folder.id}"


def _summaries(connection: sqlite3.Connection, pair_id: str | None) -> list[PairSummary]:
    where, args = ("WHERE id = ?", (pair_id,)) if pair_id is not None else ("", ())
    rows = connection.execute(
        f"SELECT id, date, event, side_keys, sample, path, problem, publishers FROM pairs {where} "
        "ORDER BY problem IS NOT NULL, date DESC, id", args)
    fromiso = _dt.date.fromisoformat
    return [PairSummary(i, fromiso(date) if date else None, event, tuple(keys.split()), bool(sample), path, problem,
                        publishers)
            for i, date, event, keys, sample, path, problem, publishers in rows]
