"""How people are written on one line, by ``dualread add --participant`` and the pair form's People field.

- ``write_people(participants)``: ``Name=Alias, Alias; Name2``; a name or alias holding ``,`` ``;`` or ``=`` (or
  starting with a double quote) is put in double quotes, a quote inside doubled: ``Joseph R. Biden=Biden,
  "Biden, Jr."``.
- ``split_people(text)``: the field cut into one ``Name=Alias, ...`` per person, at each ``;`` outside quotes.
- ``read_person(value) -> (name, aliases)``: one person: the name up to the first ``=`` outside quotes, then the
  aliases at each ``,`` outside quotes, quotes undone.

Unquoted text reads as it always did (a quote inside a name is just a character; ``=`` in an alias too), so the
values written before quoting existed still mean the same people. A quote left open is an error naming the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from readouts.errors import DualreadError
from readouts.model import Participant

__all__ = ["read_person", "split_people", "write_people", "write_person"]

QUOTE = '"'
SPECIAL = ",;="
"""What ends a name (``=``, ``;``) or an alias (``,``, ``;``): a name or alias holding one is written quoted."""


def _item(text: str) -> str:
    if not text or any(c in text for c in SPECIAL) or text.startswith(QUOTE) or text != text.strip():
        return QUOTE + text.replace(QUOTE, QUOTE * 2) + QUOTE
    return text


def write_person(participant: Participant) -> str:
    """``Name=Alias, Alias``, each part quoted when it must be."""
    name = _item(participant.name)
    return f"{name}={', '.join(_item(a) for a in participant.aliases)}" if participant.aliases else name


def write_people(participants: Iterable[Participant]) -> str:
    return "; ".join(write_person(p) for p in participants)


class _Problem(Exception):
    """A quote left open, or text after a closing quote: ``read_person`` names the value."""


def _people(text: str, *, many: bool, strict: bool) -> Iterator[tuple[str, str, list[str]]]:
    """Each person of ``text`` as (its text as written, name, aliases).

    A name ends at ``=`` (or, with ``many``, ``;``); an alias at ``,`` (or ``;``). A part opens a quote only with
    its first character (spaces aside), and ``""`` inside quotes is one quote. Not ``strict``, a quote left open
    runs to the end and text after a closing quote is kept: cutting into people never fails."""
    start = 0
    name: str | None = None
    aliases: list[str] = []
    part: list[str] = []
    quoted = closed = False
    i, n = 0, len(text)

    def finish() -> str:
        nonlocal part, quoted, closed
        value = "".join(part)
        value = value if quoted else value.strip()
        part, quoted, closed = [], False, False
        return value

    while i < n:
        ch = text[i]
        if quoted and not closed:
            if ch == QUOTE and text.startswith(QUOTE, i + 1):
                part.append(QUOTE)
                i += 2
                continue
            if ch == QUOTE:
                closed = True
            else:
                part.append(ch)
        elif ch == ";" and many:
            if name is None:
                name = finish()
            else:
                aliases.append(finish())
            yield text[start:i], name, aliases
            start, name, aliases = i + 1, None, []
        elif ch == "=" and name is None:
            name = finish()
        elif ch == "," and name is not None:
            aliases.append(finish())
        elif ch == QUOTE and not quoted and not "".join(part).strip():
            part, quoted = [], True
        elif closed:
            if strict and not ch.isspace():
                raise _Problem(f"a quoted name or alias ends at its closing quote; {text[i:]!r} follows it")
            if not ch.isspace():
                part.append(ch)
        else:
            part.append(ch)
        i += 1
    if quoted and not closed and strict:
        raise _Problem("a quote is opened and not closed (write a quote inside quotes as \"\")")
    last = finish()
    if name is None:
        name = last
    else:
        aliases.append(last)
    yield text[start:], name, aliases


def split_people(text: str) -> list[str]:
    """``text`` cut into one ``Name=Alias, ...`` per person at each ``;`` outside quotes (blank pieces left out);
    never fails: a problem in a piece is said when ``read_person`` reads it."""
    return [raw.strip() for raw, _, _ in _people(text, many=True, strict=False) if raw.strip()]


def read_person(value: str, *, field: str = "--participant") -> tuple[str, tuple[str, ...]]:
    """One person written as ``Name=Alias, Alias``: the name and aliases, quotes undone (not yet cleaned)."""
    try:
        ((_, name, aliases),) = _people(value, many=False, strict=True)
    except _Problem as problem:
        raise DualreadError(str(problem), field=field, value=value) from None
    return name, tuple(aliases)
