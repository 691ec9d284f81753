"""A pair's review in its library: where it lives, the comparison with it applied, and changing it.

- ``review_store(library, pair) -> ReviewStore``: ``<library>/<pair-id>/review.yaml`` (a bundled sample has no
  folder in the library until its review is first changed).
- ``read_review(library, pair) -> Review | None``: the review, ``None`` without one; ``ComparisonError`` for a
  file that cannot be used.
- ``review_state(library, pair) -> ReviewState``: the same without raising (``review`` or ``problem``), read
  again only when the file changed (its size, time and inode): what the TUI asks for every pair it keys.
- ``reviewed_compare(library, pair, options, *, strict=True) -> Comparison``: the engine's result with the review
  applied, through the library's cache (the key includes the review). A review file that cannot be used raises
  with ``strict`` (the command line: one line, exit 1); without, the engine's own result comes back, its
  ``review.problem`` saying why (the TUI: the pair still opens, with a notice). The file is never touched.
- ``change_review(library, pair, edit) -> ReviewChange``: change the review under its lock (``ReviewStore.change``).
  A bundled sample is first copied into the library, since samples are never written to: the copy stands in for
  the sample there (as any user pair with a sample's id does), and ``ReviewChange.copied`` says so.
- ``review_kept(library, pair) -> str | None``: after a pair was replaced (``add --force``), what became of its
  review, in words for the add summary: how many decisions still find their claims and how many went stale (their
  text is no longer in the readouts; they stay in the file); ``None`` when the pair has no review.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from comparisons.errors import ComparisonError
from comparisons.model import Comparison, ReviewSummary
from comparisons.review.decisions import Review
from comparisons.review.store import ReviewStore
from readouts.model import Pair

if TYPE_CHECKING:
    from comparisons.options import CompareOptions
    from readouts.library import Library

__all__ = ["ReviewChange", "ReviewState", "change_review", "read_review", "review_kept", "review_state",
           "review_store", "reviewed_compare"]


def review_store(library: "Library", pair: Pair) -> ReviewStore:
    return ReviewStore(library.root / pair.id, pair)


def read_review(library: "Library", pair: Pair) -> Review | None:
    if pair.sample:
        return None  # the package's folder never holds a review; the library's copy would be loaded instead
    return review_store(library, pair).load()


@dataclass(frozen=True)
class ReviewState:
    """A pair's review as read now: ``review`` (``None`` without a file) or the ``problem`` that keeps it from use."""

    review: Review | None = None
    problem: str | None = None


_seen: dict[str, tuple[tuple, ReviewState]] = {}
_seen_lock = threading.Lock()


def review_state(library: "Library", pair: Pair) -> ReviewState:
    if pair.sample:
        return ReviewState()
    path = review_store(library, pair).path
    try:
        info = os.stat(path)
        stamp: tuple = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, pair.side_keys)
    except OSError:
        stamp = ("absent", os.path.lexists(path))  # a dangling link is read (and refused) like any file
    with _seen_lock:
        seen = _seen.get(str(path))
    if seen is not None and seen[0] == stamp:
        return seen[1]
    try:
        state = ReviewState(review=read_review(library, pair))
    except ComparisonError as error:
        state = ReviewState(problem=str(error))
    with _seen_lock:
        _seen[str(path)] = (stamp, state)
    return state


def reviewed_compare(library: "Library", pair: Pair, options: "CompareOptions | None", *,
                     strict: bool = True) -> Comparison:
    from comparisons.cache import cached_compare

    try:
        review = read_review(library, pair)
    except ComparisonError as error:
        if strict:
            raise
        engine = cached_compare(pair, options, library.cache_dir)
        return replace(engine, review=ReviewSummary(to_review=len(engine.rows), problem=str(error)))
    if review is None:
        return cached_compare(pair, options, library.cache_dir)
    return cached_compare(pair, options, library.cache_dir, review)


@dataclass(frozen=True)
class ReviewChange:
    """The review as saved, the pair it belongs to (the library's copy, for a sample) and whether a sample was
    copied into the library to hold it."""

    review: Review
    pair: Pair
    copied: bool = False


def change_review(library: "Library", pair: Pair, edit: Callable[[Review], Review]) -> ReviewChange:
    copied = False
    if pair.sample:
        library.save(pair)
        pair = library.load(pair.id)
        copied = True
    review = review_store(library, pair).change(edit)
    return ReviewChange(review, pair, copied)


def review_kept(library: "Library", pair: Pair) -> str | None:
    from comparisons.review.resolve import Resolver
    from readouts.documents import split_document

    try:
        review = read_review(library, pair)
    except ComparisonError as error:
        return f"its review was kept but cannot be used: {error}"
    if not review:
        return None
    resolver = Resolver(split_document(side, pair.participants) for side in pair.sides)
    stale = sum(1 for d in review.decisions if any(resolver.claims(ref) is None for ref in d.claims))
    kept = len(review.decisions) - stale
    if not stale:
        return f"its review was kept ({_count(kept, 'decision')})"
    return (f"its review was kept: {_count(kept, 'decision')} still apply, {stale} went stale "
            f"(see: dualread review {pair.id})")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
