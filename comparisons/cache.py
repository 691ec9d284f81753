"""Comparisons cached on disk so that reopening a pair is instant and any edit that matters recomputes it.

- ``cache_key(pair, options, review=None) -> str``: sha256 over the engine version and a fingerprint of the
  engine's code, each side's key and text, the participants, the fingerprints of the taxonomy and of the engine's
  numbers, the similarity settings and, when there is one, the review's fingerprint. Side metadata (publisher,
  title, url) is not in it: it does not change a result, and a cached comparison takes it from the current pair.
- ``cached_compare(pair, options, cache_dir, review=None) -> Comparison``: the cached result when there is a valid
  one, else ``compare()`` and store it as ``<cache_dir>/comparisons/<pair-id>/<name>.json.gz``, the name made from the
  key with this user's secret (``comparisons.cache_secret``: a forged entry that came with a shared library is never
  read). With a ``review`` (``comparisons.review``) the engine's own result is found or computed first (and cached
  as always), then the review applied on top and that result cached under its own key.
- ``cache_limit(pair)``: the size past which an entry is not read.

A failure of the engine itself on one pair is one ``ComparisonError`` naming the pair, so that the command line
prints one line and ``export --all`` and the TUI's library go on with the other pairs.

The cache is a convenience, never a reason to fail: an entry is used only if it reads back as a valid comparison of
these very texts (``comparisons.integrity.check_comparison``); anything else — truncated, nested too deeply, a link
to a claim that does not exist, a label that is a number, an escape sequence, a FIFO or a link in its place, a file
too large — is discarded with a note in the log (``dualread.cache``) and recomputed. A link or a file where one of
the cache's folders should be means the cache is not used at all: it could lead writes and pruning out of the
library. An unwritable cache folder (a read-only library, a full disk) just means the result is not kept.

An entry is compact JSON of the comparison without the readouts' texts (the pair holds them, the key pins them),
gzipped: about 1 to 3 times the size of the texts on disk (``zcat`` shows it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import stat
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from comparisons.errors import ComparisonError
from comparisons.model import Comparison
from comparisons.options import CompareOptions
from readouts.model import Pair

if TYPE_CHECKING:
    from comparisons.review.decisions import Review

__all__ = ["KEEP_PER_PAIR", "LIMIT_PER_TEXT_BYTE", "cache_key", "cache_limit", "cache_path", "cached_compare",
           "code_fingerprint"]

KEEP_PER_PAIR = 8
"""Older entries of a pair beyond this many (other settings, earlier texts) are removed when a new one is stored."""

LIMIT_PER_TEXT_BYTE = 64
"""A cache entry (unpacked) is refused past this many bytes per byte of the pair's texts, plus 1 MB: its JSON is 4
to 25 times the texts (25 for a readout of very short paragraphs: benchmarks/bench_large.py prints it), so a
larger one is not ours. Gzipped, as stored, an entry is about 1 to 3 times the texts."""

SUFFIX = ".json.gz"

log = logging.getLogger("dualread.cache")


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
        root = Path(str(package.__file__)).parent
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
    """Where the entry for this pair and these options lives: named by the key under this user's secret
    (``comparisons.cache_secret``), so entries that came with someone else's library are never read."""
    from comparisons.cache_secret import entry_name

    return Path(cache_dir) / "comparisons" / pair.id / f"{entry_name(cache_key(pair, options, review))}{SUFFIX}"


def cached_compare(pair: Pair, options: CompareOptions | None, cache_dir: Path | None,
                   review: "Review | None" = None) -> Comparison:
    options = options or CompareOptions()
    if cache_dir is None:
        return _compute(pair, options, cache_dir, review)
    path = cache_path(pair, options, cache_dir, review)
    if not _own_folders(Path(cache_dir), path.parent):
        return _compute(pair, options, None, review)
    cached = _load(path, pair)
    if cached is not None:
        _touch(path)  # in use: the last to be pruned (a reviewed result needs its engine result at hand)
        return cached
    comparison = _compute(pair, options, cache_dir, review)
    try:
        _write_atomic(path, _entry(comparison))
        _keep_out_of_git(Path(cache_dir))
        _prune(path.parent, keep=path)
    except OSError:
        pass  # an unwritable cache folder costs speed next time, never this command
    return comparison


def _compute(pair: Pair, options: CompareOptions, cache_dir: Path | None, review: "Review | None") -> Comparison:
    if review is None:
        return _engine(pair, options)
    from comparisons.review.apply import apply_review

    return apply_review(cached_compare(pair, options, cache_dir), review)


def _touch(path: Path) -> None:
    try:
        os.utime(path, follow_symlinks=False)
    except (OSError, NotImplementedError):
        pass


def _engine(pair: Pair, options: CompareOptions) -> Comparison:
    """``compare()``, with a failure of the engine on this pair (a bug the pair's text trips) turned into one
    ``ComparisonError`` line naming the pair: one bad pair must not stop ``export --all`` or the TUI's library from
    showing the others, nor print a traceback. The traceback goes to the log (``dualread.engine``, at DEBUG)."""
    from comparisons.engine import compare
    from readouts.limits import check_readout

    for side in pair.sides:  # a hand-placed side file may be larger than ``add`` would have taken
        check_readout(side.text, source=f"{pair.id}/{side.file}")
    try:
        return compare(pair, options)
    except ComparisonError:
        raise
    except (RecursionError, MemoryError) as error:
        raise ComparisonError(f"too large or too deeply nested for the engine ({type(error).__name__})",
                              file=f"pair '{pair.id}'") from error
    except Exception as error:  # noqa: BLE001 - see the docstring: named, logged, never swallowed silently
        logging.getLogger("dualread.engine").debug("the engine failed on %s", pair.id, exc_info=True)
        raise ComparisonError(f"the engine failed on this pair ({type(error).__name__}: {error}); this is a bug in "
                              "dualread, please report it", file=f"pair '{pair.id}'") from error


def cache_limit(pair: Pair) -> int:
    """The most bytes a cache entry of ``pair`` may hold: ``LIMIT_PER_TEXT_BYTE`` times its texts, plus 1 MB."""
    return LIMIT_PER_TEXT_BYTE * sum(len(side.text.encode("utf-8")) for side in pair.sides) + (1 << 20)


def _note(path: Path, problem: str) -> None:
    log.warning("dualread: note: the cached comparison %s was discarded (%s); it is computed again", path,
                " ".join(problem.split())[:200])


def _own_folders(cache_dir: Path, folder: Path) -> bool:
    """Whether the cache's folders down to ``folder`` are real folders (or absent): never a link, which could lead
    the cache to read, write and prune files outside the library (a shared library is untrusted)."""
    for step in (cache_dir, cache_dir / "comparisons", folder):
        try:
            mode = os.lstat(step).st_mode
        except FileNotFoundError:
            return True
        except OSError:
            return False
        if not stat.S_ISDIR(mode):
            if step not in _NOTED_FOLDERS:
                # Said once a folder: `search` or `export --all` compares every pair, and said the same line for each.
                _NOTED_FOLDERS.add(step)
                log.warning("dualread: note: %s is a link or a file, not a folder, so the cache is not used "
                            "(each comparison is computed afresh); delete it to let dualread make its own", step)
            return False
    return True


_NOTED_FOLDERS: set[Path] = set()
"""The cache folders already named as links or files in this process."""


def _load(path: Path, pair: Pair) -> Comparison | None:
    """The entry at ``path`` if it reads back as a valid comparison of ``pair``; else ``None``, with a note in the
    log when there was an entry (any failure at all: the cache is never a reason for a command to fail)."""
    from comparisons.integrity import check_comparison
    from comparisons.jsonio import from_dict
    from readouts.errors import ReadoutError
    from readouts.safefiles import read_regular

    limit = cache_limit(pair)
    try:
        raw = read_regular(path, limit=limit, follow=False)
    except ReadoutError as error:
        if os.path.lexists(path):
            _note(path, error.message)
        return None
    try:
        data = json.loads(_inflate(raw, limit).decode("utf-8"))
        _restore_texts(data, pair)
        comparison = from_dict(data, pair)
        check_comparison(comparison)
        return comparison
    except RecursionError:
        _note(path, "nested too deeply")
    except Exception as error:  # noqa: BLE001 - whatever fails to read back is recomputed, never raised
        _note(path, str(error) or type(error).__name__)
    return None


def _inflate(raw: bytes, limit: int) -> bytes:
    """The JSON of a gzip entry, refused past ``limit`` bytes (a small file may unpack to gigabytes)."""
    inflater = zlib.decompressobj(wbits=31)
    data = inflater.decompress(raw, limit + 1)
    if len(data) > limit or inflater.unconsumed_tail:
        raise ComparisonError(f"unpacks to more than {limit:,} bytes", field="json")
    if not inflater.eof:
        raise ComparisonError("truncated", field="json")
    return data


def _entry(comparison: Comparison) -> bytes:
    """A cache entry: the JSON of ``_dumps``, gzipped (fast level: the entry is written once per computation)."""
    return gzip.compress(_dumps(comparison).encode("utf-8"), compresslevel=1, mtime=0)


def _dumps(comparison: Comparison) -> str:
    """The JSON of a cache entry: the comparison without the texts the pair holds (the key already pins them),
    compact. Readouts are stored once, in the library; the cache keeps offsets."""
    from comparisons.jsonio import to_dict

    data = to_dict(comparison)
    for document in data["documents"]:
        document.pop("text", None)
        for claim in document["claims"]:
            claim.pop("text", None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _restore_texts(data: dict, pair: Pair) -> None:
    """Put back what ``_dumps`` left out, from the pair itself (``check_comparison`` then checks the offsets)."""
    texts = {side.key: side.text for side in pair.sides}
    for document in data["documents"]:
        text = texts[document["side"]]
        document["text"] = text
        for claim in document["claims"]:
            start, end = claim["start"], claim["end"]
            if type(start) is not int or type(end) is not int:
                raise ComparisonError("offsets must be whole numbers", field="claims", value=claim.get("id"))
            claim["text"] = text[start:end]


def _write_atomic(path: Path, data: bytes) -> None:
    from readouts.atomic import write_bytes_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, data)


def _keep_out_of_git(cache_dir: Path) -> None:
    """A ``.gitignore`` of ``*`` in the cache folder, so a library shared through git does not carry its cache
    (it would be recomputed by anyone else anyway: see ``comparisons.cache_secret``)."""
    ignore = cache_dir / ".gitignore"
    if not os.path.lexists(ignore):
        from readouts.atomic import write_bytes_atomic

        write_bytes_atomic(ignore, b"# dualread's cache: computed again from the library, never shared\n*\n")


def _prune(folder: Path, *, keep: Path) -> None:
    """Keep the newest ``KEEP_PER_PAIR`` entries; entries of the older, uncompressed format go first."""
    for old in folder.glob("*.json"):
        old.unlink(missing_ok=True)
    entries = sorted(
        (p for p in folder.glob(f"*{SUFFIX}") if p != keep), key=lambda p: p.lstat().st_mtime, reverse=True
    )
    for stale in entries[KEEP_PER_PAIR - 1 :]:
        stale.unlink(missing_ok=True)
