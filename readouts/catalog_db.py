"""The catalog's SQLite file: opened safely by several processes at once, and thrown away when it is damaged.

- ``open_database(path) -> sqlite3.Connection``: WAL mode (readers never wait for a writer), a busy timeout (two
  writers take turns instead of failing), autocommit (callers write in explicit ``BEGIN IMMEDIATE`` blocks:
  ``write(connection)``). ``path=None`` gives a private in-memory database, for a library that has no folder
  yet or whose ``.cache`` cannot be written.
- ``ensure_part(connection, name, version, create, drop)``: each module that keeps tables in the catalog (the
  pairs and sides here, the claims in ``comparisons.claim_index``) creates them itself and says which version
  they are; a part of another version is dropped and created again, the rest of the file untouched.
- ``is_damage(error)``: whether an ``sqlite3`` error means the file is not a sound database (``SQLITE_CORRUPT``,
  ``SQLITE_NOTADB``), as opposed to a busy or read-only one.
- ``discard(path)``: remove a damaged catalog (and its ``-wal`` and ``-shm``) under a file lock, unless another
  process has already replaced it with a sound one; the caller then opens a new, empty one and fills it again.

Why the lock: two processes that both find the file damaged must not both delete it, or the second would delete
the catalog the first had just started to rebuild while its write-ahead log still pointed at the old name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["BUSY_TIMEOUT_MS", "discard", "ensure_part", "is_damage", "open_database", "write"]

BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another to finish; writers commit in small batches, so this is never reached by a
healthy process."""

_DAMAGE_CODES = {11, 26}
"""SQLITE_CORRUPT and SQLITE_NOTADB (primary codes, the low byte of extended ones)."""


def is_damage(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGE_CODES
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def open_database(path: Path | None) -> sqlite3.Connection:
    """A connection to the catalog at ``path`` (created if missing), or to a private in-memory one."""
    target = ":memory:" if path is None else str(path)
    connection = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path is not None:
            # The first statement that reads the file: a damaged one fails here, and the caller rebuilds it.
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")
    except BaseException:
        connection.close()
        raise
    return connection


@contextlib.contextmanager
def write(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``) so that two writers queue on the busy timeout
    instead of one failing when it upgrades a read to a write."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def ensure_part(connection: sqlite3.Connection, name: str, version: int, create: Sequence[str],
                drop: Sequence[str]) -> None:
    """Create the tables of part ``name`` unless they exist at ``version``; another version is dropped first."""
    row = connection.execute("SELECT version FROM parts WHERE name = ?", (name,)).fetchone()
    if row is not None and row[0] == version:
        return
    with write(connection):
        row = connection.execute("SELECT version FROM parts WHERE name = ?", (name,)).fetchone()
        if row is not None and row[0] == version:
            return  # another process made them while this one waited for the lock
        for statement in drop:
            connection.execute(statement)
        for statement in create:
            connection.execute(statement)
        connection.execute("INSERT OR REPLACE INTO parts (name, version) VALUES (?, ?)", (name, version))


def _sound(path: Path) -> bool:
    """Whether ``path`` is now a database SQLite can read (another process may have rebuilt it)."""
    if not path.exists():
        return True
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def discard(path: Path) -> None:
    """Remove the damaged catalog at ``path`` with its ``-wal`` and ``-shm`` files, unless it is sound by now."""
    with _file_lock(path.with_name(path.name + ".lock")):
        if _sound(path):
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` between processes (fcntl on POSIX, msvcrt on Windows)."""
    handle = open(path, "a+b")
    try:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()
