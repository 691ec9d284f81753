"""The library on disk (SPEC §3): the user's pairs beside the read-only bundled samples.

- ``Library(root)``: one library folder. ``.entries()`` lists every pair, newest date first, a broken pair folder
  included as an entry with a ``problem`` instead of taking the listing down; ``.load(pair_id)`` returns a ``Pair``
  or raises ``ReadoutError``; ``.save(pair, force=False)`` writes a pair atomically and returns its folder;
  ``.sample_ids()`` names the read-only bundled pairs; ``.topics_file`` and ``.cache_dir`` locate the library's
  taxonomy and comparison cache.
- ``LibraryEntry``: what ``.entries()`` yields (``id``, ``path``, ``pair`` or None, ``problem`` or None, ``sample``).
- ``default_library_path()``: the platform's user data folder for dualread.
- ``pair_from_yaml(data, folder, read_text, source)`` and ``pair_to_yaml(pair)``: the pair.yaml mapping both ways,
  for callers that hold a pair folder somewhere else.
- ``check_pair_id(value)``, ``check_side_key(value)``, ``parse_date(value)``: the rules for ids, side keys and
  dates, shared with the command line.

A pair folder holds ``pair.yaml`` and one UTF-8 text file per side. Keys of pair.yaml the tool does not know, at the
top level and in each side, are kept in ``extra`` and written back on save. Bundled samples live in the package
(``readouts/samples/<pair-id>/``), are read through ``importlib.resources`` and are never written to: a user pair
saved under a sample's id goes to the library folder and hides that sample there. Folders whose names start with
'.' (the cache, scratch folders of an interrupted save) are not pairs.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from readouts.atomic import replace_dir_atomic, staging_dir, write_text_atomic
from readouts.errors import ReadoutError
from readouts.model import PAIR_ID_PATTERN, SIDE_KEY_PATTERN, Pair, Participant, Side
from readouts.yamlio import MAX_YAML_BYTES, dump_yaml, load_yaml, loads_yaml

__all__ = [
    "MAX_TEXT_BYTES",
    "Library",
    "LibraryEntry",
    "check_pair_id",
    "check_side_key",
    "default_library_path",
    "pair_from_yaml",
    "pair_to_yaml",
    "parse_date",
]

PAIR_FILE = "pair.yaml"
MAX_TEXT_BYTES = 50 * 1024 * 1024
"""A readout is a few kilobytes; anything past 50 MB is refused before it is read whole (SPEC §9)."""

_SIDE_FIELDS = ("key", "publisher", "title", "url", "language", "file")
_PAIR_FIELDS = ("id", "event", "date", "participants", "sides", "sample")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def default_library_path() -> Path:
    """The user data folder (``~/.local/share/dualread`` on Linux), where pairs live unless told otherwise."""
    from platformdirs import user_data_path

    return user_data_path("dualread", appauthor=False)


def check_pair_id(value: str, *, source: object = None, field: str | None = "id") -> str:
    """``value`` if it is a valid pair id (it becomes a folder name, so '/', '..' and capitals are refused)."""
    if not isinstance(value, str) or not PAIR_ID_PATTERN.fullmatch(value):
        raise ReadoutError("not a valid pair id: use 1 to 80 lowercase letters a-z, digits and '-', "
                           "starting with a letter or digit", file=source, field=field, value=_shown(value))
    return value


def check_side_key(value: str, *, source: object = None, field: str | None = "key") -> str:
    """``value`` if it is a valid side key (it names a text file, so the same rules as a pair id, shorter)."""
    if not isinstance(value, str) or not SIDE_KEY_PATTERN.fullmatch(value):
        raise ReadoutError("not a valid side key: use 1 to 40 lowercase letters a-z, digits and '-'",
                           file=source, field=field, value=_shown(value))
    return value


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


# --- pair.yaml <-> Pair -------------------------------------------------------------------------------------------

def _shown(value: Any) -> Any:
    """What an error line quotes: the value itself when short, else its kind (a whole list helps nobody)."""
    if isinstance(value, str) or len(repr(value)) <= 60:
        return value
    return f"a {type(value).__name__}"


def _text_field(data: Mapping[str, Any], name: str, source: object, field: str, *, required: bool = False,
                default: str = "") -> str:
    value = data.get(name)
    if value is None:
        if required:
            raise ReadoutError("missing", file=source, field=field)
        return default
    if not isinstance(value, str):
        raise ReadoutError("must be text", file=source, field=field, value=_shown(value))
    if required and not value.strip():
        raise ReadoutError("must not be empty", file=source, field=field, value=_shown(value))
    return value


def _parse_date(value: Any, source: object, field: str = "date") -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise ReadoutError("must be a date YYYY-MM-DD, without a time", file=source, field=field, value=str(value))
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ReadoutError("must be a date YYYY-MM-DD", file=source, field=field, value=_shown(value))


def parse_date(value: str, *, source: object = None, field: str = "date") -> _dt.date:
    """A ``YYYY-MM-DD`` string as a date, or a ``ReadoutError`` naming the value."""
    return _parse_date(value, source, field)


def _participants(value: Any, source: object) -> tuple[Participant, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ReadoutError("must be a list of names", file=source, field="participants", value=_shown(value))
    people = []
    for i, item in enumerate(value):
        field = f"participants[{i}]"
        if isinstance(item, str):
            people.append(Participant(name=item))
            continue
        if not isinstance(item, Mapping):
            raise ReadoutError("must be a name or a mapping with 'name'", file=source, field=field, value=_shown(item))
        name = _text_field(item, "name", source, f"{field}.name", required=True)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ReadoutError("must be a list of text", file=source, field=f"{field}.aliases", value=_shown(aliases))
        people.append(Participant(name=name, aliases=tuple(aliases)))
    return tuple(people)


def pair_from_yaml(data: Any, folder_name: str, read_text: Callable[[str], str], source: object) -> Pair:
    """Validate a parsed pair.yaml and read its side texts with ``read_text(file_name)``.

    ``folder_name`` is the pair id the folder gives; pair.yaml's ``id`` must agree with it (or be absent).
    """
    if not isinstance(data, Mapping):
        raise ReadoutError("must be a mapping of id, event, date, sides", file=source,
                           value=None if data is None else type(data).__name__)
    pair_id = data.get("id", folder_name)
    check_pair_id(pair_id, source=source)
    if pair_id != folder_name:
        raise ReadoutError(f"does not match the folder name '{folder_name}'", file=source, field="id", value=pair_id)
    event = _text_field(data, "event", source, "event", required=True)
    if "date" not in data:
        raise ReadoutError("missing", file=source, field="date")
    date = _parse_date(data["date"], source)
    sample = data.get("sample", False)
    if not isinstance(sample, bool):
        raise ReadoutError("must be true or false", file=source, field="sample", value=_shown(sample))
    sides_data = data.get("sides")
    if not isinstance(sides_data, list):
        raise ReadoutError("must be a list of sides", file=source, field="sides", value=_shown(sides_data))
    if len(sides_data) < 2:
        raise ReadoutError("a pair needs at least two sides", file=source, field="sides", value=len(sides_data))
    sides: list[Side] = []
    for i, item in enumerate(sides_data):
        sides.append(_side_from_yaml(item, i, read_text, source, {s.key for s in sides}))
    extra = {k: v for k, v in data.items() if k not in _PAIR_FIELDS}
    return Pair(id=pair_id, event=event, date=date, sides=tuple(sides),
                participants=_participants(data.get("participants"), source), sample=sample, extra=extra)


def _side_from_yaml(item: Any, i: int, read_text: Callable[[str], str], source: object, seen: set[str]) -> Side:
    field = f"sides[{i}]"
    if not isinstance(item, Mapping):
        raise ReadoutError("must be a mapping with 'key' and 'file'", file=source, field=field, value=_shown(item))
    key = check_side_key(item.get("key"), source=source, field=f"{field}.key")
    if key in seen:
        raise ReadoutError("two sides have the same key", file=source, field=f"{field}.key", value=key)
    file_name = _text_field(item, "file", source, f"{field}.file", default=f"{key}.txt")
    _check_file_name(file_name, source, f"{field}.file")
    return Side(
        key=key,
        text=read_text(file_name),
        file=file_name,
        publisher=_text_field(item, "publisher", source, f"{field}.publisher"),
        title=_text_field(item, "title", source, f"{field}.title"),
        url=_text_field(item, "url", source, f"{field}.url"),
        language=_text_field(item, "language", source, f"{field}.language", default="en") or "en",
        extra={k: v for k, v in item.items() if k not in _SIDE_FIELDS},
    )


def _check_file_name(name: str, source: object, field: str) -> None:
    """A side file is a plain name inside the pair folder: no folders, no way out of it."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith(".") or name == PAIR_FILE:
        raise ReadoutError("must be a plain file name inside the pair folder", file=source, field=field, value=name)


def pair_to_yaml(pair: Pair) -> dict[str, Any]:
    """The pair.yaml mapping for ``pair``: known keys first in SPEC order, then the kept unknown ones."""
    data: dict[str, Any] = {"id": pair.id, "event": pair.event, "date": pair.date}
    if pair.participants:
        data["participants"] = [
            {"name": p.name, **({"aliases": list(p.aliases)} if p.aliases else {})} for p in pair.participants
        ]
    sides = []
    for side in pair.sides:
        entry: dict[str, Any] = {"key": side.key}
        for name in ("publisher", "title", "url"):
            if getattr(side, name):
                entry[name] = getattr(side, name)
        entry["language"] = side.language
        entry["file"] = side.file
        entry.update({k: v for k, v in side.extra.items() if k not in entry})
        sides.append(entry)
    data["sides"] = sides
    # ``pair.sample`` is never written: only bundled pairs are samples, and the library never writes those.
    data.update({k: v for k, v in pair.extra.items() if k not in data})
    return data


def _decode_text(raw: bytes, source: object) -> str:
    if b"\x00" in raw:
        raise ReadoutError("binary file, not text", file=source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                           file=source) from None
    if not text.strip():
        raise ReadoutError("empty readout", file=source)
    return text


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
        path = self.root / "topics.yaml"
        return path if path.is_file() else None

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
        if not path.is_file():
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

    # listing ---------------------------------------------------------------------------------------------------

    def _user_folders(self) -> list[Path]:
        if not self.root.exists():
            return []  # a library that was never written to: only the samples
        if not self.root.is_dir():
            raise ReadoutError("the library is not a folder", file=self.root)
        try:
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
            found[folder.name] = _entry(folder, folder, sample=False)

        def order(entry: LibraryEntry) -> tuple[int, int, str]:
            if entry.pair is None:
                return (1, 0, entry.id)
            return (0, -entry.pair.date.toordinal(), entry.id)

        return sorted(found.values(), key=order)

    @staticmethod
    def sample_ids() -> tuple[str, ...]:
        """The ids of the bundled sample pairs (read-only; a user pair with the same id hides one)."""
        return tuple(folder.name for folder in _sample_folders())

    def load(self, pair_id: str) -> Pair:
        """The pair called ``pair_id``; ``ReadoutError`` if the id is invalid, unknown or its folder is broken."""
        check_pair_id(pair_id, field=None)
        folder = self.root / pair_id
        if folder.is_dir():
            return _load_folder(folder, sample=False)
        for sample in _sample_folders():
            if sample.name == pair_id:
                return _load_folder(sample, sample=True)
        raise ReadoutError(f"no pair '{pair_id}' in the library {self.root} (see: dualread list)")

    # saving ----------------------------------------------------------------------------------------------------

    def save(self, pair: Pair, *, force: bool = False) -> Path:
        """Write ``pair`` to ``root/<id>/`` atomically and return that folder.

        The whole pair is written to a scratch folder first; only a complete pair is renamed into place. An
        existing pair is replaced only with ``force``, and only once the new one is complete.
        """
        check_pair_id(pair.id, field=None)
        _check_pair_sides(pair)
        final = self.root / pair.id
        if final.exists() and not force:
            raise ReadoutError(f"pair '{pair.id}' already exists in {self.root} (use --force to replace it)")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadoutError(f"cannot create the library folder: {error.strerror or error}",
                               file=self.root) from None
        try:
            with staging_dir(self.root, pair.id) as scratch:
                for side in pair.sides:
                    write_text_atomic(scratch / side.file, side.text)
                write_text_atomic(scratch / PAIR_FILE, dump_yaml(pair_to_yaml(pair)))
                replace_dir_atomic(scratch, final, force=force)
        except FileExistsError:
            raise ReadoutError(f"pair '{pair.id}' already exists in {self.root} (use --force to replace it)") from None
        except OSError as error:
            raise ReadoutError(f"cannot write the pair: {error.strerror or error}", file=final) from None
        return final


def _check_pair_sides(pair: Pair) -> None:
    source = f"pair '{pair.id}'"
    if len(pair.sides) < 2:
        raise ReadoutError("a pair needs at least two sides", file=source, field="sides", value=len(pair.sides))
    keys: set[str] = set()
    files: set[str] = set()
    for side in pair.sides:
        check_side_key(side.key, source=source)
        if side.key in keys:
            raise ReadoutError("two sides have the same key", file=source, field="key", value=side.key)
        _check_file_name(side.file, source, f"{side.key}.file")
        if side.file in files:
            raise ReadoutError("two sides use the same file", file=source, field=f"{side.key}.file", value=side.file)
        if not side.text.strip():
            raise ReadoutError("empty readout", file=source, field=side.key)
        keys.add(side.key)
        files.add(side.file)


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


def _load_folder(folder: Traversable, *, sample: bool) -> Pair:
    """Load one pair folder (a ``Path`` or a package resource); every problem is a one-line ``ReadoutError``."""
    try:
        return _read_folder(folder, sample=sample)
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=getattr(error, "filename", None)
                           or Path(str(folder))) from None


def _read_folder(folder: Traversable, *, sample: bool) -> Pair:
    yaml_file = folder.joinpath(PAIR_FILE)
    source = Path(str(yaml_file))
    if not yaml_file.is_file():
        raise ReadoutError("missing: a pair folder needs a pair.yaml", file=source)
    if isinstance(yaml_file, Path) and yaml_file.stat().st_size > MAX_YAML_BYTES:
        raise ReadoutError(f"too large for a pair.yaml ({yaml_file.stat().st_size:,} bytes)", file=source)
    raw = yaml_file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                           file=source) from None
    data = loads_yaml(text, source=source)

    def read_text(name: str) -> str:
        path = folder.joinpath(name)
        shown = Path(str(path))
        if not path.is_file():
            raise ReadoutError("missing side file", file=shown)
        if isinstance(path, Path) and path.stat().st_size > MAX_TEXT_BYTES:
            raise ReadoutError(f"file too large ({path.stat().st_size:,} bytes, limit {MAX_TEXT_BYTES:,})",
                               file=shown)
        return _decode_text(path.read_bytes(), shown)

    pair = pair_from_yaml(data, folder.name, read_text, source)
    if sample != pair.sample:
        extra = dict(pair.extra)
        if not sample and pair.sample:
            extra["sample"] = True  # a copied sample in the user's library is theirs; the flag is kept, not obeyed
        pair = Pair(id=pair.id, event=pair.event, date=pair.date, sides=pair.sides,
                    participants=pair.participants, sample=sample, extra=extra)
    return pair


def _entry(folder: Traversable, path: Path, *, sample: bool) -> LibraryEntry:
    try:
        return LibraryEntry(id=folder.name, path=path, pair=_load_folder(folder, sample=sample), problem=None,
                            sample=sample)
    except ReadoutError as error:
        return LibraryEntry(id=folder.name, path=path, pair=None, problem=str(error), sample=sample)
