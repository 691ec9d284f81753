"""This user's secret for naming cache entries, so a library from someone else cannot hand us its comparisons.

- ``cache_secret() -> bytes``: 32 random bytes kept in ``$DUALREAD_CACHE_DIR/cache-secret`` (else the user cache
  folder, beside the embeddings), made on first use.
- ``entry_name(key) -> str``: the file name of the cache entry for a cache key, keyed by that secret.

Why: a library is shared through git, and its ``.cache`` may come with it. ``comparisons.integrity`` throws away an
entry that is not a valid comparison of the texts, but a forged entry can be valid and still wrong (other links, no
conflict). Entries are looked up under a name only this user's secret gives, so an entry this user did not write is
never read: someone else's cache is recomputed once, never trusted. The secret is not a password: losing it only
costs one recomputation per pair.

When the secret cannot be kept (a read-only home, a link or a FIFO where the file should be) the process makes one
up for itself: its entries are then read back in this process only, which is slower, never wrong.
"""

from __future__ import annotations

import hmac
import os
import secrets
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

__all__ = ["SECRET_BYTES", "cache_secret", "entry_name", "secret_path"]

SECRET_BYTES = 32


def secret_path() -> Path:
    root = os.environ.get("DUALREAD_CACHE_DIR")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("dualread")
    return Path(root) / "cache-secret"


@lru_cache(maxsize=1)
def cache_secret() -> bytes:
    path = secret_path()
    kept = _read(path)
    if kept is None:
        _create(path)
        kept = _read(path)
    return kept if kept is not None else secrets.token_bytes(SECRET_BYTES)


def entry_name(key: str) -> str:
    return hmac.new(cache_secret(), key.encode("ascii"), sha256).hexdigest()[:40]


def _read(path: Path) -> bytes | None:
    """The secret in ``path`` if it is a regular file of this user holding exactly ``SECRET_BYTES``, else None."""
    from readouts.errors import ReadoutError
    from readouts.safefiles import read_regular

    try:
        data = read_regular(path, limit=SECRET_BYTES, follow=False)
        owner = os.stat(path, follow_symlinks=False).st_uid
    except (ReadoutError, OSError):
        return None
    if len(data) != SECRET_BYTES or (hasattr(os, "getuid") and owner != os.getuid()):
        return None
    return data


def _create(path: Path) -> None:
    """Write a new secret whole, then link it into place: two processes starting at once agree on the first one
    linked, and nobody ever reads half a secret. Any failure leaves the caller to make one up."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(SECRET_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(scratch, path)
        except FileExistsError:
            pass  # another process was first: its secret stands
        finally:
            scratch.unlink(missing_ok=True)
    except OSError:
        pass
