"""What the pair form asks of the library, as plain values: the form's rows turned into ``add_pair`` or
``edit_pair`` arguments, an error put back under the row it is about, a pair's people written as the form shows them.

- ``SideRow``: one side row of the form as typed (row number, key, source, publisher, title, URL, language).
- ``PairRequest``: the whole form; ``sources`` and ``metadata`` are ``readouts.adding``'s arguments, ``row_of``
  says which form row a side key came from.
- ``request_from(...)``: the form's values as a ``PairRequest``; in an edit, ``kept`` names the stored sides, whose
  empty source means "keep the text" and whose emptied fields are sent (so clearing a title clears it).
- ``dropped_path(source)``: a source as a file dropped on the terminal gives it, in quotes, as the path it names
  (a ``file://`` address ``readouts.importing`` reads itself).
- ``field_for_error(error, request)``: the field an error belongs under (``id``, ``event``, ``date``,
  ``participants``, ``side-N`` for form row N, or ``form``).
- ``people_text(participants)`` / ``people_values(text)``: the People field (``Name=Alias, Alias; Name2``, a name
  or alias holding ``,`` ``;`` or ``=`` in double quotes: ``tui.commands.people_syntax``) from a pair's
  participants, and back as ``--participant`` values.

Pure functions: the tests call them without an app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from readouts.errors import DualreadError
from readouts.model import Participant
from readouts.textshape import one_line
from tui.commands.people_syntax import split_people, write_people

__all__ = ["PairRequest", "SideRow", "dropped_path", "field_for_error", "people_text", "people_values",
           "request_from"]

METADATA = ("publisher", "title", "url", "language")


@dataclass(frozen=True)
class SideRow:
    row: int
    key: str
    source: str = ""
    publisher: str = ""
    title: str = ""
    url: str = ""
    language: str = ""

    @property
    def blank(self) -> bool:
        return not (self.key or self.source)


@dataclass(frozen=True)
class PairRequest:
    pair_id: str
    event: str
    date: str
    sources: tuple[tuple[str, str], ...]
    """(side key, source) per filled-in row, in order: two rows with one key are refused, not merged; an empty
    source is a stored side's text kept (an edit)."""
    metadata: dict[str, dict[str, str]] = field(default_factory=dict)
    """``publisher``/``title``/``url``/``language`` -> side key -> value: ``add_pair``'s ``publishers=`` and so on."""
    participants: tuple[str, ...] | None = None
    """``NAME=ALIAS,...`` per person, as ``dualread add --participant`` takes them; ``None`` keeps the stored ones."""
    row_of: dict[str, int] = field(default_factory=dict)
    """Side key -> the form row it was typed in (an error about the side shows under that row)."""

    def keyword(self, name: str) -> dict[str, str]:
        return self.metadata.get(name, {})


def request_from(pair_id: str, event: str, date: str, rows: Iterable[SideRow], people: str | None,
                 kept: Sequence[str] = ()) -> PairRequest:
    """The form as ``readouts.adding``'s arguments. A field left empty is not sent for a new side (the defaults
    apply: the title line, the source's URL, a guessed language), but is for a kept side (it clears the value)."""
    given = [row for row in rows if not row.blank]
    metadata: dict[str, dict[str, str]] = {name: {} for name in METADATA}
    for row in given:
        for name in METADATA:
            value = getattr(row, name)
            if row.key and (value or (row.key in kept and not row.source)):
                metadata[name][row.key] = value
    return PairRequest(
        pair_id=pair_id, event=event, date=date,
        sources=tuple((row.key, dropped_path(row.source)) for row in given),
        metadata=metadata,
        participants=None if people is None else people_values(people),
        row_of={row.key: row.row for row in given if row.key},
    )


def dropped_path(source: str) -> str:
    """The path a file dropped on the terminal names: GNOME Terminal, iTerm2 and Konsole paste it in quotes
    (``'/home/ana/My readout.txt'``). A shell would take the quotes off; the form has none, and read them as part
    of the name. (Some file managers hand over a ``file://`` address: ``read_source`` reads those.)"""
    text = source.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text


def field_for_error(error: DualreadError, request: PairRequest) -> str:
    """Which form field an ``add_pair``/``edit_pair`` error is about: ``id``, ``event``, ``date``,
    ``participants``, ``side-N`` (the form's row N) or ``form``."""
    from readouts.library import PairExistsError

    if isinstance(error, PairExistsError) or error.field == "id":
        return "id"
    if error.field in ("event", "date"):
        return error.field
    if error.field == "--participant":
        return "participants"
    for key, source in request.sources:
        row = request.row_of.get(key)
        if row is None:
            continue
        if error.file and source and str(error.file) in (source, source.strip()):
            return f"side-{row}"
        if isinstance(error.value, str) and (error.value == key or error.value.startswith(f"{key}=")):
            return f"side-{row}"
    if error.field == "sides" and request.row_of:
        return f"side-{next(iter(request.row_of.values()))}"
    return "form"


def people_text(participants: Iterable[Participant]) -> str:
    """The People field for ``participants``: ``Name=Alias, Alias; Name2``, read back as the same people (each name
    on one line: the field is one)."""
    return write_people(Participant(one_line(p.name), tuple(one_line(a) for a in p.aliases)) for p in participants)


def people_values(text: str) -> tuple[str, ...]:
    """The People field as ``--participant`` values, one per person (split at each ';' outside quotes)."""
    return tuple(split_people(text))
