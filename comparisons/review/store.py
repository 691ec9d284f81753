"""The review file of one pair folder on disk: read as untrusted input, changed under a lock, written atomically.

- ``ReviewStore(folder, pair)``: ``folder/review.yaml`` of ``pair``.
- ``.load() -> Review | None``: the review, ``None`` without a file; a file that cannot be used raises
  ``ComparisonError`` (file, field, value) and is left exactly as it is. Read under the library's read lock
  (``readouts.atomic.reading_inside``), so a pair being replaced never reads as unreviewed.
- ``.change(edit) -> Review``: under an exclusive lock, read the file as it is now, apply ``edit(review) ->
  Review`` and write the result atomically (a temporary file renamed over the old one). Two processes changing one
  pair take turns, and each changes what the other wrote, so no decision is lost; an interrupted write leaves the
  old file whole. A pair replaced meanwhile (``add --force``, which keeps the review) waits for the change, or the
  change for it (``readouts.atomic.changing_inside``).

The lock is taken on the pair folder itself (``fcntl.flock`` on the folder), only for the moment of a
read-change-write: no lock file, so a library kept in git carries nothing but the pair and its review (a
``.review.lock`` file in every reviewed pair was committed by ``git add -A``; one an older dualread left is removed
by the next change). Windows cannot lock a folder: there the lock is a file in the library's ``.cache`` (kept out of
git by its ``.gitignore``), ``review-locks/<pair-id>.lock``, held with ``msvcrt.locking``. The review file is read
only if it is a regular file inside its pair folder (libraries are shared: a link pointing elsewhere, a FIFO or a
device is refused; ``readouts.safefiles``), and only up to ``MAX_REVIEW_BYTES``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from comparisons.errors import ComparisonError
from comparisons.review.decisions import Review
from comparisons.review.reviewfile import REVIEW_FILE, review_from_text, review_to_text
from readouts.model import Pair

__all__ = ["MAX_REVIEW_BYTES", "ReviewStore"]

MAX_REVIEW_BYTES = 4 * 1024 * 1024
"""Thousands of decisions fit in far less; a bigger file is a mistake or an attack."""


class ReviewStore:
    def __init__(self, folder: Path, pair: Pair) -> None:
        self.folder = Path(folder)
        self.pair = pair
        self.path = self.folder / REVIEW_FILE

    def exists(self) -> bool:
        return os.path.lexists(self.path)

    def load(self) -> Review | None:
        from readouts.atomic import reading_inside

        # Under the library's read lock: a pair replaced meanwhile (``add --force``, which keeps the review) has
        # no folder under its name between the replace's two renames, and its review would read as missing.
        with reading_inside(self.folder.parent):
            text = self._read()
        return None if text is None else review_from_text(text, self.pair, self.path)

    def change(self, edit: Callable[[Review], Review]) -> Review:
        """Apply ``edit`` to the review as it is on disk now (an empty one without a file) and save it."""
        from readouts.atomic import changing_inside, write_text_atomic

        # The library's lock first: a pair replaced meanwhile (``add --force``) would take the review as it was
        # and drop the folder this change is written to.
        with changing_inside(self.folder.parent), self._locked():
            current = self.load() or Review((), self.pair.id)
            changed = _stale_kept(current, edit(current), self.pair)
            if changed.decisions != current.decisions or not self.exists():
                try:
                    write_text_atomic(self.path, review_to_text(changed, self.pair.id))
                except OSError as error:
                    raise ComparisonError(f"cannot write the review: {error.strerror or error}",
                                          file=self.path) from None
        return changed

    def _read(self) -> str | None:
        from readouts.errors import ReadoutError
        from readouts.safefiles import read_inside

        if not os.path.lexists(self.path):
            return None
        try:
            raw = read_inside(self.path, self.folder, limit=MAX_REVIEW_BYTES, what="review file",
                              place="the pair's folder")
        except ReadoutError as error:
            raise ComparisonError(error.message, file=error.file, field=error.field, value=error.value) from None
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ComparisonError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                                  file=self.path) from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if sys.platform == "win32":
            lock_path = self.folder.parent / ".cache" / "review-locks" / f"{self.folder.name}.lock"
            flags = os.O_RDWR | os.O_CREAT
        else:
            lock_path, flags = self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
        try:
            if sys.platform == "win32":
                lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, flags, 0o666)
        except OSError as error:
            raise ComparisonError(f"cannot lock the review: {error.strerror or error}", file=lock_path) from None
        try:
            _lock(fd, True)
            try:
                _clear_old_lock_file(self.folder)
                yield
            finally:
                _lock(fd, False)
        finally:
            os.close(fd)


def _stale_kept(before: Review, after: Review, pair: Pair) -> Review:
    """``after`` with every decision of ``before`` whose claim no longer exists (its text gone from the readout) that
    ``after`` lost put back: SPEC §3 says such a decision is kept and reported as stale, never dropped. A new decision
    on its other claims (confirming one's link as it is now) used to take its place. Put back ahead of the newer
    decisions, as it is older; should its text come back, the file names that claim twice and says so when read,
    for a person to choose. Undo and redo go through here too."""
    texts = {side.key: side.text for side in pair.sides}
    lost = tuple(d for d in before.decisions
                 if d.names_gone_text(texts) and not any(d.same_as(kept) for kept in after.decisions))
    return replace(after, decisions=lost + after.decisions) if lost else after


OLD_LOCK_FILE = ".review.lock"
"""The lock file dualread kept in each reviewed pair folder before it locked the folder itself."""


def _clear_old_lock_file(folder: Path) -> None:
    """Remove the ``.review.lock`` an older dualread left in ``folder`` (an empty regular file; never a link or
    anything with content), so that a library kept in git stops carrying it."""
    path = folder / OLD_LOCK_FILE
    with contextlib.suppress(OSError):
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode) and status.st_size == 0:
            os.unlink(path)


def _lock(fd: int, take: bool) -> None:
    if sys.platform == "win32":
        import msvcrt

        # LK_LOCK retries for ten seconds, then raises: a review is never locked for that long.
        msvcrt.locking(fd, msvcrt.LK_LOCK if take else msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX if take else fcntl.LOCK_UN)
