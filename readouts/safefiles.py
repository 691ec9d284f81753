"""Reading files that come from someone else: regular files only, never through a link out, never without a bound.

- ``read_regular(path, *, limit, shown=None, what="file", follow=True, hint=...) -> bytes``: the bytes of a regular file (links followed:
  a user's own command-line path). A FIFO, device, socket or folder is refused without blocking on it, and more
  than ``limit`` bytes is refused while reading, whatever size the file claimed (``/proc`` files claim 0).
- ``resolve_inside(path, folder, *, shown=None, missing="no such file", place=...) -> Path``: where ``path`` really is, when
  that is inside ``folder`` (itself resolved); a link that leads out of it is refused, naming the file and the link.
- ``read_inside(path, folder, *, limit, shown=None, missing=..., what=..., place=...) -> bytes``: both: the
  bytes of a library's file, which must be a regular file inside ``folder`` once every link is resolved.
- ``is_within(path, folder) -> bool``: whether an already resolved ``path`` is ``folder`` or below it.

Every refusal is a ``ReadoutError`` naming the file as the user would look for it (``shown``, else ``path``).
Libraries are shared through git and archives, which carry symbolic links: ``ln -s /etc/passwd white-house.txt``
must not make ``dualread show`` print the password file, and a FIFO must not make it wait forever. The file is
opened without following a final link and without blocking, and checked on the open descriptor (``fstat``), so a
file swapped after the check is not read either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from readouts.errors import ReadoutError

__all__ = ["is_within", "read_inside", "read_regular", "resolve_inside"]

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` itself or inside it (both already resolved)."""
    return path == folder or folder in path.parents


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def resolve_inside(path: str | Path, folder: str | Path, *, shown: object = None, missing: str = "no such file",
                   place: str = "its folder") -> Path:
    """``path`` with every link resolved, refused unless it stays inside ``folder`` (also resolved).

    ``place`` names ``folder`` in the refusal ("the pair's folder", "the library")."""
    path = Path(path)
    shown = path if shown is None else shown
    if not os.path.lexists(path):
        raise ReadoutError(missing, file=shown)
    real = Path(os.path.realpath(path))
    if not is_within(real, Path(os.path.realpath(folder))):
        raise ReadoutError(f"refused: a link out of {place} (to {real}); only what is inside it is read", file=shown)
    return real


def read_regular(path: str | Path, *, limit: int, shown: object = None, what: str = "file",
                 follow: bool = True, hint: str = "only regular files are read") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; anything else is a ``ReadoutError``.

    ``hint`` ends the refusal of a FIFO or a device: what the user can do instead."""
    shown = path if shown is None else shown
    try:
        fd = os.open(path, _OPEN_FLAGS | (0 if follow else _NO_FOLLOW))
    except FileNotFoundError:
        raise ReadoutError("no such file", file=shown) from None
    except IsADirectoryError:
        raise ReadoutError(f"is a folder, not a {what}", file=shown) from None
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=shown) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReadoutError(f"is a folder, not a {what}", file=shown)
        if not stat.S_ISREG(mode):
            raise ReadoutError(f"is {_kind(mode)}, not a regular file: {hint}", file=shown)
        size = os.fstat(fd).st_size
        if size > limit:
            raise ReadoutError(f"too large: {size:,} bytes, the limit is {_size(limit)}", file=shown)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew, or claimed less than it holds
                raise ReadoutError(f"too large: more than {_size(limit)}", file=shown)
        return b"".join(chunks)
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=shown) from None
    finally:
        os.close(fd)


def read_inside(path: str | Path, folder: str | Path, *, limit: int, shown: object = None,
                missing: str = "no such file", what: str = "file", place: str = "its folder") -> bytes:
    """The bytes of ``path``, a regular file inside ``folder`` once links are resolved; at most ``limit``."""
    shown = Path(path) if shown is None else shown
    real = resolve_inside(path, folder, shown=shown, missing=missing, place=place)
    return read_regular(real, limit=limit, shown=shown, what=what, follow=False)


def _size(limit: int) -> str:
    mb = 1024 * 1024
    return f"{limit // mb} MB" if limit >= mb and limit % mb == 0 else f"{limit:,} bytes"
