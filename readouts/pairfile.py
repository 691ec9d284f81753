"""A pair folder's ``pair.yaml`` as a ``Pair`` and back, and every rule a pair must obey to be stored.

- ``pair_from_yaml(data, folder_name, read_text, source) -> Pair``: validate a parsed pair.yaml; side texts come
  from ``read_text(file_name)``, so the caller decides where the folder is (disk or package data).
- ``pair_to_yaml(pair) -> dict``: the mapping to write, known keys in SPEC order, then the kept unknown ones.
- ``check_pair(pair)``: what ``Library.save`` refuses — too few sides, a key or file used twice, an empty text.
- ``check_pair_id(value)``, ``check_side_key(value)``, ``parse_date(value)``, ``check_file_name(name)``: the naming
  rules, shared by the library, ``readouts.adding`` and the forms that check fields as the user types.
- ``decode_text(raw, source)``: a stored side file's bytes as text (UTF-8, not binary, not empty nor a title line
  alone, no control characters).
- ``PAIR_FILE``, ``MAX_TEXT_BYTES``: the file's name and the size past which a source is refused unread (a stored
  side file has the smaller limit of a readout: ``readouts.limits.MAX_READOUT_BYTES``).

Every refusal is a ``ReadoutError`` naming the file, the field (``sides[1].key``, ``participants[0].name``) and
the value at fault. Keys the tool does not know, at the top level and in each side, travel in ``extra``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from readouts.errors import ReadoutError
from readouts.model import PAIR_ID_PATTERN, SIDE_KEY_PATTERN, Pair, Participant, Side
from readouts.textshape import clean_text, looks_like_title

__all__ = [
    "MAX_TEXT_BYTES",
    "PAIR_FILE",
    "check_file_name",
    "check_pair",
    "check_pair_id",
    "check_side_key",
    "decode_text",
    "pair_from_yaml",
    "pair_to_yaml",
    "parse_date",
]

PAIR_FILE = "pair.yaml"
MAX_TEXT_BYTES = 50 * 1024 * 1024
"""A source (a web page is mostly markup) past 50 MB is refused before it is read whole (SPEC §9); the text a
readout may hold is smaller still (``readouts.limits``)."""

_SIDE_FIELDS = ("key", "publisher", "title", "url", "language", "file")
_PAIR_FIELDS = ("id", "event", "date", "participants", "sides", "sample")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shown(value: Any) -> Any:
    """What an error line quotes: the value itself when short, else its kind (a whole list helps nobody)."""
    if isinstance(value, str) or len(repr(value)) <= 60:
        return value
    return f"a {type(value).__name__}"


# --- naming rules ---------------------------------------------------------------------------------------------------

WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul",
                              *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})
"""Names Windows keeps for devices, with or without an extension ("con", "nul.txt"): a library is shared between
systems, and on Windows a pair folder or side file so named cannot be created or is the device itself."""


def _windows_reserved(name: str) -> bool:
    return name.split(".", 1)[0].lower() in WINDOWS_RESERVED


def check_pair_id(value: str, *, source: object = None, field: str | None = "id") -> str:
    """``value`` if it is a valid pair id (it becomes a folder name, so '/', '..', capitals and the names Windows
    reserves for devices are refused)."""
    if not isinstance(value, str) or not PAIR_ID_PATTERN.fullmatch(value):
        raise ReadoutError("not a valid pair id: use 1 to 80 lowercase letters a-z, digits and '-', "
                           "starting with a letter or digit", file=source, field=field, value=_shown(value))
    if _windows_reserved(value):
        raise ReadoutError("not a valid pair id: Windows reserves this name for a device (con, nul, aux, prn, "
                           "com1, lpt1, ...)", file=source, field=field, value=value)
    return value


def check_side_key(value: str, *, source: object = None, field: str | None = "key") -> str:
    """``value`` if it is a valid side key (it names a text file, so the same rules as a pair id, shorter)."""
    if not isinstance(value, str) or not SIDE_KEY_PATTERN.fullmatch(value):
        raise ReadoutError("not a valid side key: use 1 to 40 lowercase letters a-z, digits and '-'",
                           file=source, field=field, value=_shown(value))
    if _windows_reserved(value):
        raise ReadoutError("not a valid side key: Windows reserves this name for a device (con, nul, aux, prn, "
                           "com1, lpt1, ...)", file=source, field=field, value=value)
    return value


def parse_date(value: Any, *, source: object = None, field: str | None = "date") -> _dt.date:
    """A ``YYYY-MM-DD`` string (or a ``date``, as YAML gives it) as a date; anything else is a ``ReadoutError``."""
    if isinstance(value, _dt.datetime):
        raise ReadoutError("must be a date YYYY-MM-DD, without a time", file=source, field=field, value=str(value))
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            # 2023-02-29 has the right shape, so "must be YYYY-MM-DD" alone would leave the user puzzled.
            raise ReadoutError("no such day in the calendar: must be a date YYYY-MM-DD", file=source, field=field,
                               value=value) from None
    raise ReadoutError("must be a date YYYY-MM-DD", file=source, field=field, value=_shown(value))


def check_file_name(name: str, *, source: object = None, field: str | None = "file") -> str:
    """``name`` if it is a plain file name inside the pair folder: no folders, no way out, not pair.yaml itself."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith(".") or name == PAIR_FILE:
        raise ReadoutError("must be a plain file name inside the pair folder", file=source, field=field, value=name)
    if _windows_reserved(name):
        raise ReadoutError("must not be a name Windows reserves for a device (con, nul, aux, prn, com1, lpt1, ...)",
                           file=source, field=field, value=name)
    return name


def check_pair(pair: Pair) -> None:
    """Refuse a pair that could not be stored and read back: the rules ``pair_from_yaml`` enforces on the way in."""
    source = f"pair '{pair.id}'"
    if len(pair.sides) < 2:
        raise ReadoutError("a pair needs at least two sides", file=source, field="sides", value=len(pair.sides))
    keys: set[str] = set()
    files: set[str] = set()
    for side in pair.sides:
        check_side_key(side.key, source=source)
        if side.key in keys:
            raise ReadoutError("two sides have the same key", file=source, field="key", value=side.key)
        check_file_name(side.file, source=source, field=f"{side.key}.file")
        if side.file in files:
            raise ReadoutError("two sides use the same file", file=source, field=f"{side.key}.file", value=side.file)
        if not side.text.strip():
            raise ReadoutError("empty readout", file=source, field=side.key)
        keys.add(side.key)
        files.add(side.file)


def decode_text(raw: bytes, source: object) -> str:
    """A stored side file as text: refused when binary, not UTF-8 or blank, with the offending byte named.

    A side file may have been edited by hand or by someone else: its line breaks are made ``\\n`` and escape
    sequences and control characters taken out (``clean_text``), as ``add`` does, so none reaches a report or a
    terminal. A file ``add`` wrote is returned as it is."""
    if b"\x00" in raw:
        raise ReadoutError("binary file, not text", file=source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
                           file=source) from None
    text = clean_text(text)
    if not text.strip():
        raise ReadoutError("empty readout", file=source)
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) == 1 and looks_like_title(lines[0]):
        # A headline alone (a copy that lost its body): compared, it became the side's one claim and stood in
        # the report as "only this side reports" its own title. ``add`` refuses such a text in the same words; a
        # one-line file that reads as a sentence is a readout of one claim and stays.
        raise ReadoutError("only a title line, no readout text after it", file=source, value=lines[0])
    return text


# --- pair.yaml -> Pair ----------------------------------------------------------------------------------------------

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
    date = parse_date(data["date"], source=source)
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
        sides.append(_side_from_yaml(item, i, read_text, source, {s.key for s in sides}, {s.file for s in sides}))
    extra = {k: v for k, v in data.items() if k not in _PAIR_FIELDS}
    return Pair(id=pair_id, event=event, date=date, sides=tuple(sides),
                participants=_participants(data.get("participants"), source), sample=sample, extra=extra)


def _side_from_yaml(item: Any, i: int, read_text: Callable[[str], str], source: object, seen: set[str],
                    files: set[str]) -> Side:
    field = f"sides[{i}]"
    if not isinstance(item, Mapping):
        raise ReadoutError("must be a mapping with 'key' and 'file'", file=source, field=field, value=_shown(item))
    key = check_side_key(item.get("key"), source=source, field=f"{field}.key")  # type: ignore[arg-type]  # checked there
    if key in seen:
        raise ReadoutError("two sides have the same key", file=source, field=f"{field}.key", value=key)
    file_name = _text_field(item, "file", source, f"{field}.file", default=f"{key}.txt")
    check_file_name(file_name, source=source, field=f"{field}.file")
    if file_name in files:
        # Two sides reading one file would compare a readout with itself; ``save`` refuses it too.
        raise ReadoutError("two sides use the same file", file=source, field=f"{field}.file", value=file_name)
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


# --- Pair -> pair.yaml ----------------------------------------------------------------------------------------------

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
