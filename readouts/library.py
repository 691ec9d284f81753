"""The library on disk (SPEC §3): the user's pairs beside the read-only bundled samples.

- ``Library(root)``: one library folder. ``.entries()`` lists every pair, newest date first, a broken pair folder
  included as an entry with a ``problem`` instead of taking the listing down; ``.load(pair_id)`` returns a ``Pair``
  or raises ``ReadoutError``; ``.save(pair, force=False)`` writes a pair atomically and returns its folder;
  ``.has(pair_id)`` says whether the library folder holds that pair; ``.sample_ids()`` names the read-only bundled
  pairs; ``.topics_file``, ``.cache_dir`` and ``.settings()`` locate the library's taxonomy, comparison cache and
  own defaults; ``.remove(pair_id)`` deletes a user's pair folder in one step (a bundled sample cannot be).
- ``PairExistsError``: what ``save`` without ``force`` raises for a pair already there (a ``ReadoutError``).
- ``LibraryEntry``: what ``.entries()`` yields (``id``, ``path``, ``pair`` or None, ``problem`` or None, ``sample``).
- ``default_library_path()``: the platform's user data folder for dualread.
- Re-exported from ``readouts.pairfile``, where they live: ``pair_from_yaml``, ``pair_to_yaml``, ``check_pair_id``,
  ``check_side_key``, ``parse_date``, ``MAX_TEXT_BYTES``.

A pair folder holds ``pair.yaml`` and one UTF-8 text file per side (``readouts.pairfile`` converts and validates
it). Bundled samples live in the package (``readouts/samples/<pair-id>/``), are read through ``importlib.resources``
and are never written to: a user pair saved under a sample's id goes to the library folder and hides that sample
there. Folders whose names start with '.' (the cache, scratch folders of a save in progress) are not pairs; a
scratch folder left by a save that was killed is removed by a later save once it is an hour old. A pair that a
killed ``add --force`` left set aside between its two renames is put back as soon as the library is next opened
(listed, loaded, asked for or saved to), before anything could take its place.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from readouts.atomic import (
    reading_inside,
    remove_dir_atomic,
    remove_stale_scratch,
    replace_dir_atomic,
    restore_set_aside,
    staging_dir,
    write_text_atomic,
)
from readouts.errors import ReadoutError
from readouts.limits import MAX_READOUT_BYTES
from readouts.model import Pair
from readouts.pairfile import (
    MAX_TEXT_BYTES,
    PAIR_FILE,
    check_pair,
    check_pair_id,
    check_side_key,
    decode_text,
    pair_from_yaml,
    pair_to_yaml,
    parse_date,
)
from readouts.safefiles import read_inside, resolve_inside
from readouts.yamlio import MAX_YAML_BYTES, dump_yaml, load_yaml, loads_yaml

__all__ = [
    "MAX_TEXT_BYTES",
    "Library",
    "LibraryEntry",
    "PairExistsError",
    "check_pair_id",
    "check_side_key",
    "default_library_path",
    "pair_from_yaml",
    "pair_to_yaml",
    "parse_date",
]

STALE_SCRATCH_SECONDS = 3600.0
"""A scratch folder this old belongs to no save still running (a save takes seconds): it was left by a kill."""


def default_library_path() -> Path:
    """The user data folder (``~/.local/share/dualread`` on Linux), where pairs live unless told otherwise."""
    from platformdirs import user_data_path

    return user_data_path("dualread", appauthor=False)


class PairExistsError(ReadoutError):
    """A save without ``force`` found the pair already in the library; ``pair_id`` and ``root`` say which."""

    def __init__(self, pair_id: str, root: Path):
        super().__init__(f"pair '{pair_id}' already exists in {root} (use --force to replace it)")
        self.pair_id = pair_id
        self.root = root


@dataclass(frozen=True)
class LibraryEntry:
    """One pair folder as listed: a loaded ``pair``, or the one-line ``problem`` that kept it from loading."""

    id: str
    path: Path
    pair: Pair | None
    problem: str | None
    sample: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None


# --- the library ---------------------------------------------------------------------------------------------------

SETTINGS = ("similarity", "model")
"""The keys of a library's settings.yaml; others are left alone for future use."""


class Library:
    """A library folder (which need not exist yet) plus the bundled samples."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"Library({str(self.root)!r})"

    @property
    def topics_file(self) -> Path | None:
        """The library's own taxonomy, if it has one; ``ReadoutError`` for a link out of the library."""
        return self._own_file("topics.yaml")

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.yaml"

    def settings(self) -> dict[str, str]:
        """The library's own defaults for comparing (``similarity``, ``model``), from the optional settings.yaml.

        Options on the command line win over these; a library without the file has no settings of its own."""
        path = self.settings_file
        if self._own_file(path.name) is None:
            return {}
        data = load_yaml(path)
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ReadoutError("must be a mapping of setting names to values", file=path, value=type(data).__name__)
        settings = {}
        for key in SETTINGS:
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                raise ReadoutError("must be a non-empty text", file=path, field=key, value=value)
            settings[key] = value.strip()
        return settings

    def _own_file(self, name: str) -> Path | None:
        """The library's file ``name`` if it exists; ``ReadoutError`` if it is a link that leads out of the library.

        ``load_yaml`` then reads it as a regular file only (a FIFO or a device is refused, not waited on)."""
        path = self.root / name
        if not os.path.lexists(path):
            return None
        resolve_inside(path, self.root, place="the library")
        return path

    # listing ---------------------------------------------------------------------------------------------------

    def _user_folders(self) -> list[Path]:
        if not self.root.exists():
            return []  # a library that was never written to: only the samples
        if not self.root.is_dir():
            raise ReadoutError("the library is not a folder", file=self.root)
        restore_set_aside(self.root)
        try:
            # A link to a folder is listed too: one that leads out of the library is named as broken when loaded.
            # Listed under the read lock: a pair being replaced is under neither name between the two renames.
            with reading_inside(self.root):
                return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError as error:
            raise ReadoutError(f"cannot read the library folder: {error.strerror or error}", file=self.root) from None

    def entries(self) -> list[LibraryEntry]:
        """Every pair, newest date first (then by id); broken folders are entries with a ``problem``.

        Only an unreadable library folder itself is an error (``ReadoutError``).
        """
        found: dict[str, LibraryEntry] = {}
        for folder in _sample_folders():
            found[folder.name] = _entry(folder, Path(str(folder)), sample=True)
        for folder in self._user_folders():
            # A user folder with a sample's name hides that sample: what is on disk is what the user edits.
            with reading_inside(self.root):  # the pair as it was before a replace or after it, whole
                found[folder.name] = _entry(folder, folder, sample=False, within=self.root)

        def order(entry: LibraryEntry) -> tuple[int, int, str]:
            if entry.pair is None:
                return (1, 0, entry.id)
            return (0, -entry.pair.date.toordinal(), entry.id)

        return sorted(found.values(), key=order)

    @staticmethod
    def sample_ids() -> tuple[str, ...]:
        """The ids of the bundled sample pairs (read-only; a user pair with the same id hides one)."""
        return tuple(folder.name for folder in _sample_folders())

    def has(self, pair_id: str) -> bool:
        """Whether the library folder holds a pair folder ``pair_id`` (broken or not); bundled samples do not count.

        This is what ``save`` without ``force`` refuses to overwrite."""
        check_pair_id(pair_id, field=None)
        if not (self.root / pair_id).exists():
            restore_set_aside(self.root, pair_id)
        return (self.root / pair_id).exists()

    def load(self, pair_id: str) -> Pair:
        """The pair called ``pair_id``; ``ReadoutError`` if the id is invalid, unknown or its folder is broken."""
        check_pair_id(pair_id, field=None)
        folder = self.root / pair_id
        if not folder.exists():
            restore_set_aside(self.root, pair_id)  # before the read lock, which would keep it from taking its own
        # pair.yaml and every side file from one folder: the old pair or the new one, whole (``reading_inside``).
        with reading_inside(self.root):
            if folder.is_dir():
                return _load_folder(folder, sample=False, within=self.root)
        for sample in _sample_folders():
            if sample.name == pair_id:
                return _load_folder(sample, sample=True)
        raise ReadoutError(f"no pair '{pair_id}' in the library {self.root} (see: dualread list)")

    # saving ----------------------------------------------------------------------------------------------------

    def save(self, pair: Pair, *, force: bool = False) -> Path:
        """Write ``pair`` to ``root/<id>/`` atomically and return that folder.

        The whole pair is written to a scratch folder first; only a complete pair is renamed into place. An
        existing pair is replaced only with ``force``, and only once the new one is complete; the new one keeps the
        old one's review (``KEPT_ON_REPLACE``). Scratch folders an hour old or more, left by a save that was killed,
        are removed first.
        """
        check_pair_id(pair.id, field=None)
        check_pair(pair)
        final = self.root / pair.id
        if not final.exists() and self.root.is_dir():
            restore_set_aside(self.root, pair.id)
        if final.exists() and not force:
            raise PairExistsError(pair.id, self.root)
        if self.root.exists() and not self.root.is_dir():
            raise ReadoutError("the library is not a folder", file=self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadoutError(f"cannot create the library folder: {error.strerror or error}",
                               file=self.root) from None
        remove_stale_scratch(self.root, older_than=STALE_SCRATCH_SECONDS)
        try:
            with staging_dir(self.root, pair.id) as scratch:
                for side in pair.sides:
                    write_text_atomic(scratch / side.file, side.text)
                write_text_atomic(scratch / PAIR_FILE, dump_yaml(pair_to_yaml(pair)))
                # Under the swap's lock, which a review change holds too: none falls between copy and swap.
                replace_dir_atomic(scratch, final, force=force, before_swap=lambda: _keep_on_replace(final, scratch))
        except FileExistsError:
            raise PairExistsError(pair.id, self.root) from None
        except OSError as error:
            raise ReadoutError(f"cannot write the pair: {error.strerror or error}", file=final) from None
        return final


    def remove(self, pair_id: str) -> Path:
        """Delete the pair folder ``pair_id`` (its review with it) and return where it was.

        The folder is renamed aside, then removed (``remove_dir_atomic``): the library never lists half a pair,
        and a crash leaves only scratch that a later save clears. Only the library folder is written to: a
        bundled sample cannot be deleted (a user pair under its id can: the sample then shows again). Every
        problem is a ``ReadoutError``."""
        check_pair_id(pair_id, field=None)
        if not self.has(pair_id):
            if pair_id in self.sample_ids():
                raise ReadoutError("a bundled sample is part of dualread and cannot be deleted", value=pair_id)
            raise ReadoutError(f"no pair '{pair_id}' in the library {self.root} (see: dualread list)")
        folder = self.root / pair_id
        try:
            remove_dir_atomic(folder)
        except FileNotFoundError:
            raise ReadoutError(f"no pair '{pair_id}' in the library {self.root}: it was removed meanwhile") from None
        except OSError as error:
            raise ReadoutError(f"cannot delete the pair: {error.strerror or error}", file=folder) from None
        return folder


KEPT_ON_REPLACE = ("review.yaml",)
"""Files of a pair folder that are a person's work, not the import's: a replaced pair keeps them (its review)."""


def _keep_on_replace(old: Path, scratch: Path) -> None:
    """Copy the files of ``KEPT_ON_REPLACE`` from the folder being replaced into the new one before the swap, so
    the swap stays one step; only regular files are copied, never a link. The comment lines that open the old
    pair.yaml open the new one too (``header_comments``)."""
    for name in KEPT_ON_REPLACE:
        source = old / name
        if source.is_file() and not source.is_symlink():
            shutil.copy2(source, scratch / name)
    source = old / PAIR_FILE
    if source.is_file() and not source.is_symlink() and source.stat().st_size <= MAX_YAML_BYTES:
        header = header_comments(source.read_bytes())
        if header:
            target = scratch / PAIR_FILE
            write_text_atomic(target, header + target.read_text(encoding="utf-8"))


_NOT_YAML = re.compile("[^\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML refuses anywhere in a file, comments included."""


def header_comments(raw: bytes) -> str:
    """The comment lines (and blank lines among them) that open a pair.yaml, as text to put back on top of it.

    A library kept in git is annotated by hand ("# checked against the PDF by A.N."): ``add --force`` and the
    edit form rewrote the file from its keys and dropped such a header without a word. Only whole comment
    lines before the first key are kept, and only printable ones, so the kept header can never make the new
    file unreadable; a comment elsewhere in the file is not kept (the README says to use a ``note:`` key)."""
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return ""
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if _NOT_YAML.search(line):
            return ""
        kept.append(line.rstrip())
    while kept and not kept[-1]:
        kept.pop()
    return "".join(f"{line}\n" for line in kept) if any(kept) else ""


def _sample_folders() -> list[Traversable]:
    """The bundled sample pair folders (package data), or none if the package ships without them."""
    try:
        root = resources.files("readouts").joinpath("samples")
        if not root.is_dir():
            return []
        return sorted((f for f in root.iterdir() if f.is_dir() and not f.name.startswith((".", "_"))),
                      key=lambda f: f.name)
    except (ModuleNotFoundError, OSError):
        return []


def _load_folder(folder: Traversable, *, sample: bool, within: Path | None = None) -> Pair:
    """Load one pair folder (a ``Path`` or a package resource); every problem is a one-line ``ReadoutError``.

    ``within`` is the library folder a user's pair folder must stay in once links are resolved."""
    try:
        return _read_folder(folder, sample=sample, within=within)
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=getattr(error, "filename", None)
                           or Path(str(folder))) from None


def _reader(folder: Traversable, within: Path | None) -> Callable[[str, int, str], bytes]:
    """``read(name, limit, missing) -> bytes`` for the files of ``folder``.

    A folder on disk (a user's pair, or the samples of an ordinary install) is untrusted: each file must be a
    regular file inside the pair's own folder once every link is resolved, and the folder itself must stay inside
    the library. Package data in a zip has no links and no FIFOs: it is read as it is."""
    if not isinstance(folder, Path):
        def read_resource(name: str, limit: int, missing: str) -> bytes:
            resource = folder.joinpath(name)
            if not resource.is_file():
                raise ReadoutError(missing, file=Path(str(resource)))
            raw = resource.read_bytes()
            if len(raw) > limit:
                raise ReadoutError(f"too large: {len(raw):,} bytes, the limit is {limit:,}", file=Path(str(resource)))
            return raw

        return read_resource
    real = resolve_inside(folder, within if within is not None else folder, place="the library")

    def read_file(name: str, limit: int, missing: str) -> bytes:
        return read_inside(real / name, real, limit=limit, shown=folder / name, missing=missing,
                           place="the pair's folder")

    return read_file


def _read_folder(folder: Traversable, *, sample: bool, within: Path | None) -> Pair:
    read = _reader(folder, within)
    source = Path(str(folder.joinpath(PAIR_FILE)))
    raw = read(PAIR_FILE, MAX_YAML_BYTES, "missing: a pair folder needs a pair.yaml")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                           file=source) from None
    data = loads_yaml(text, source=source)

    def read_text(name: str) -> str:
        # A side file holds the readout as stored: past the size a readout may have, it is not read whole.
        return decode_text(read(name, MAX_READOUT_BYTES, "missing side file"), Path(str(folder.joinpath(name))))

    pair = pair_from_yaml(data, folder.name, read_text, source)
    if sample != pair.sample:
        extra = dict(pair.extra)
        if not sample and pair.sample:
            extra["sample"] = True  # a copied sample in the user's library is theirs; the flag is kept, not obeyed
        pair = Pair(id=pair.id, event=pair.event, date=pair.date, sides=pair.sides,
                    participants=pair.participants, sample=sample, extra=extra)
    return pair


def _entry(folder: Traversable, path: Path, *, sample: bool, within: Path | None = None) -> LibraryEntry:
    try:
        return LibraryEntry(id=folder.name, path=path, pair=_load_folder(folder, sample=sample, within=within),
                            problem=None, sample=sample)
    except ReadoutError as error:
        return LibraryEntry(id=folder.name, path=path, pair=None, problem=str(error), sample=sample)
