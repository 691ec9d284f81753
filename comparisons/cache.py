"""Comparisons cached on disk so that reopening a pair is instant and any edit that matters recomputes it.

- ``cache_key(pair, options, review=None) -> str``: sha256 over the engine version and a fingerprint of the
  engine's code, each side's key and text, the participants, the fingerprints of the taxonomy and of the engine's
  numbers, the similarity settings and, when there is one, the review's fingerprint. Side metadata (publisher,
  title, url) is not in it: it does not change a result, and a cached comparison takes it from the current pair.
- ``cached_compare(pair, options, cache_dir, review=None) -> Comparison``: the cached result when there is a valid
  one, else ``compare()`` and store it as ``<cache_dir>/comparisons/<pair-id>/<key>.json``. With a ``review``
  (``comparisons.review``) the engine's own result is found or computed first (and cached as always), then the
  review applied on top and that result cached under its own key.

The cache is a convenience, never a reason to fail: an unreadable or corrupt entry is recomputed, and an
unwritable cache folder (a read-only library, a full disk) just means the result is not kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from comparisons.errors import ComparisonError
from comparisons.model import Comparison
from comparisons.options import CompareOptions
from readouts.model import Pair

if TYPE_CHECKING:
    from comparisons.review.decisions import Review

__all__ = ["KEEP_PER_PAIR", "cache_key", "cache_path", "cached_compare", "code_fingerprint"]

KEEP_PER_PAIR = 8
"""Older entries of a pair beyond this many (other settings, earlier texts) are removed when a new one is stored."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the code and data files that decide a result (``comparisons`` without its reports, ``readouts``).

    ``ENGINE_VERSION`` marks deliberate changes; this catches the rest, so an upgraded or locally edited dualread
    never serves a comparison an older engine computed.
    """
    import comparisons
    import readouts

    digest = hashlib.sha256()
    for package in (comparisons, readouts):
        root = Path(package.__file__).parent
        files = [*root.rglob("*.py"), *root.rglob("*.yaml")]
        # Reports only render a result, and the bundled samples are data, not code: neither changes a comparison.
        for path in sorted(f for f in files if not {"reports", "samples"} & set(f.relative_to(root).parts)):
            digest.update(path.relative_to(root).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(pair: Pair, options: CompareOptions, review: "Review | None" = None) -> str:
    from comparisons.engine import ENGINE_VERSION, resolve_params, resolve_taxonomy

    material = {
        "engine": ENGINE_VERSION,
        "code": code_fingerprint(),
        "sides": [[side.key, side.text] for side in pair.sides],
        "participants": [[p.name, list(p.aliases)] for p in pair.participants],
        "taxonomy": resolve_taxonomy(options).fingerprint(),
        "params": resolve_params(options).fingerprint(),
        "similarity": options.similarity,
        "model": options.model,
    }
    if review is not None:
        material["review"] = review.fingerprint()
    blob = json.dumps(material, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def cache_path(pair: Pair, options: CompareOptions, cache_dir: Path, review: "Review | None" = None) -> Path:
    return Path(cache_dir) / "comparisons" / pair.id / f"{cache_key(pair, options, review)}.json"


def cached_compare(pair: Pair, options: CompareOptions | None, cache_dir: Path | None,
                   review: "Review | None" = None) -> Comparison:
    from comparisons.jsonio import dumps

    options = options or CompareOptions()
    if cache_dir is None:
        return _compute(pair, options, cache_dir, review)
    path = cache_path(pair, options, cache_dir, review)
    cached = _load(path, pair)
    if cached is not None:
        _touch(path)  # in use: the last to be pruned (a reviewed result needs its engine result at hand)
        return cached
    comparison = _compute(pair, options, cache_dir, review)
    try:
        _write_atomic(path, dumps(comparison))
        _prune(path.parent, keep=path)
    except OSError:
        pass  # an unwritable cache folder costs speed next time, never this command
    return comparison


def _compute(pair: Pair, options: CompareOptions, cache_dir: Path | None, review: "Review | None") -> Comparison:
    if review is None:
        from comparisons.engine import compare

        return compare(pair, options)
    from comparisons.review.apply import apply_review

    return apply_review(cached_compare(pair, options, cache_dir), review)


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _load(path: Path, pair: Pair) -> Comparison | None:
    from comparisons.jsonio import from_dict

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return from_dict(data, pair)
    except (OSError, UnicodeDecodeError, ValueError, ComparisonError):
        return None


def _write_atomic(path: Path, text: str) -> None:
    from readouts.atomic import write_text_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, text)


def _prune(folder: Path, *, keep: Path) -> None:
    entries = sorted(
        (p for p in folder.glob("*.json") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for stale in entries[KEEP_PER_PAIR - 1 :]:
        stale.unlink(missing_ok=True)
