"""Adding a pair to the library from wherever its readouts are: the one path ``dualread add`` and the TUI's form share.

- ``add_pair(library, pair_id, event, date, sources, *, publishers=None, titles=None, urls=None, languages=None,
  force=False, stdin=None, before_read=None, participants=None) -> AddResult``: check every argument, refuse
  an existing pair without
  ``force`` before anything is read, import each side, carry over what a replaced pair held beyond these
  arguments, and save the pair atomically.
- ``build_pair(pair_id, event, date, sources, *, ..., previous=None, stdin=None, before_read=None) -> Pair``: the same
  checks and imports without a library; ``previous`` is a pair whose participants and unknown keys carry over.
- ``edit_pair(library, pair_id, event, date, sources, *, ..., participants=None) -> AddResult``: change a pair in
  the library: its event, date, participants, each side's metadata, sides added or left out; a side given with no
  source keeps its stored text (and file), so a pair whose texts are unchanged keeps its comparison's cache key and
  its review. Saved atomically, as ``add_pair --force`` saves.
- ``AddResult``: ``pair``, ``folder``, ``replaced`` (an existing pair was overwritten), ``hides_sample`` (the id is a
  bundled sample's, which this library now shows the user's pair for), ``kept_participants`` (the replaced pair's,
  carried over because none were given); ``summary()`` is the one line to print.

``sources`` maps side keys to sources (a .txt/.md/.html path, ``-`` for ``stdin``, an http(s) URL), as a mapping or
as (key, source) pairs — pairs let a form's two rows with one key be refused instead of silently merged. The
metadata mappings (``publishers``, ``titles``, ``urls``, ``languages``) are keyed by side; each defaults sensibly:
the title to the readout's title line, the URL to the source when it is one, the language to a guess from the
script. ``date`` is a ``date`` or ``YYYY-MM-DD`` text.

Every problem is a ``ReadoutError`` raised before the library changes. An argument's problem names its field: ``id``,
``event``, ``date``, ``sides`` (value: the key, or ``key=`` for a missing source), or ``publisher``, ``title``,
``url``, ``language`` (value: the key); a source that cannot be read names the source as the error's ``file``; an
existing pair without ``force`` is a ``PairExistsError``. The command line renames the fields after its options.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from readouts.errors import ReadoutError
from readouts.importing import ensure_title, guess_language, read_source, strip_controls
from readouts.library import Library, PairExistsError
from readouts.limits import check_readout
from readouts.model import Pair, Participant, Side
from readouts.pairfile import check_pair_id, check_side_key, parse_date

__all__ = ["METADATA", "AddResult", "add_pair", "build_pair", "edit_pair"]

METADATA = ("publisher", "title", "url", "language")
"""The per-side metadata ``add_pair`` takes, singular as the error fields name them (``publishers=`` sets the first)."""

Sources = Mapping[str, str] | Iterable[tuple[str, str]]
_NAMES_SHOWN = 4
"""Kept participants named in the summary line before "and N more"."""
BeforeRead = Callable[[str, str], None]


@dataclass(frozen=True)
class AddResult:
    """What ``add_pair`` did: the pair as saved, its folder, and whether it replaced or hid anything."""

    pair: Pair
    folder: Path
    replaced: bool
    hides_sample: bool
    edited: bool = False
    """``edit_pair`` saved it: the same pair, changed (``summary`` says "saved", not "replaced")."""
    kept_participants: tuple[Participant, ...] = ()
    """The replaced pair's participants, kept because none were given: said in the summary, since they decide who
    speaks in the new texts, which may be of another event."""

    def summary(self) -> str:
        """One line for the user: ``added <id> (2 sides: a, b) in <folder>``, and what it replaced or hid."""
        verb = "saved" if self.edited else "replaced" if self.replaced else "added"
        keys = ", ".join(self.pair.side_keys)
        # The bundled sample stays untouched in the package; in this library the user's pair stands in for it.
        hides = " (it hides the bundled sample with this id)" if self.hides_sample else ""
        return (f"{verb} {self.pair.id} ({len(self.pair.sides)} sides: {keys}) in {self.folder}{hides}"
                f"{self._kept()}{self._twins()}")

    def _kept(self) -> str:
        if not self.kept_participants:
            return ""
        names = [person.name for person in self.kept_participants]
        shown = ", ".join(names[:_NAMES_SHOWN]) + (f" and {len(names) - _NAMES_SHOWN} more"
                                                  if len(names) > _NAMES_SHOWN else "")
        return f"; participants kept from the replaced pair: {shown}"

    def _twins(self) -> str:
        """Sides holding the same text (one file given for two sides, a slip of the shell's history): saved as asked,
        but said, since their comparison agrees on every point and looks like one that found something."""
        seen: dict[str, str] = {}
        twins = []
        for side in self.pair.sides:
            first = seen.setdefault(side.text, side.key)
            if first != side.key:
                twins.append(f"{first} and {side.key}")
        return f"; note: {'; '.join(twins)} hold the same text (the same source given twice?)" if twins else ""


@dataclass(frozen=True)
class _Request:
    """The arguments once checked: nothing has been read or written yet."""

    pair_id: str
    event: str
    date: _dt.date
    sources: tuple[tuple[str, str], ...]
    metadata: Mapping[str, Mapping[str, str]]


_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
"""A language tag as BCP 47 shapes it (en, ru, zh-Hant, en-GB): it picks how a readout is split into claims."""


_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
"""A source's address is a web page: every report turns it into a link, so ``javascript:`` and ``data:`` are refused."""


def _text(value: str, field: str, shown: object) -> str:
    """Text typed by a user, as stored: one line, no control characters or escape sequences.

    Bytes that are not UTF-8 on a command line arrive as lone surrogates, which could not be written or printed.
    """
    if not isinstance(value, str):
        raise ReadoutError("must be text", field=field, value=shown)
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ReadoutError("not UTF-8 text", field=field, value=shown)
    return " ".join(strip_controls(value).split())


def _check(pair_id: str, event: str, date: _dt.date | str, sources: Sources,
           metadata: Mapping[str, Mapping[str, str] | None], kept: frozenset[str] = frozenset()) -> _Request:
    """The arguments checked; a side in ``kept`` may come without a source (an edit keeps its stored text)."""
    check_pair_id(pair_id, field="id")
    if not _text(event, "event", event):
        raise ReadoutError("must not be empty", field="event", value=event)
    when = parse_date(date.strip() if isinstance(date, str) else date, field="date")
    items = list(sources.items()) if isinstance(sources, Mapping) else list(sources)
    checked: dict[str, str] = {}
    for key, source in items:
        key = check_side_key(key.strip() if isinstance(key, str) else key, field="sides")
        if key in checked:
            raise ReadoutError(f"side '{key}' is given twice", field="sides", value=key)
        source = source.strip() if isinstance(source, str) else ""
        if not source and key not in kept:
            raise ReadoutError("no source given", field="sides", value=f"{key}=")
        checked[key] = source
    if len(checked) < 2:
        raise ReadoutError("a pair needs at least two sides", field="sides", value=len(checked))
    if list(checked.values()).count("-") > 1:
        raise ReadoutError("only one side can be read from stdin ('-')", field="sides")
    given: dict[str, dict[str, str]] = {}
    for name in METADATA:
        given[name] = {}
        for key, value in (metadata.get(name) or {}).items():
            if key not in checked:
                raise ReadoutError(f"no side '{key}' (the sides are: {', '.join(checked)})", field=name, value=key)
            given[name][key] = _text(value, name, key)
    # The value at fault is KEY=VALUE as typed: the key alone read "... is not a web address (got 'kremlin')".
    for key, code in given["language"].items():
        if code and not _LANGUAGE.fullmatch(code):
            raise ReadoutError("not a language code such as en, ru or zh-Hant", field="language",
                               value=f"{key}={code}")
    for key, url in given["url"].items():
        if not url:
            continue
        if not _WEB_ADDRESS.fullmatch(url):
            raise ReadoutError("not a web address: a source's URL must be http(s)://...", field="url",
                               value=f"{key}={url}")
        from readouts.fetch import holds_credentials, shown_url  # lazily: HTTP modules stay out of start-up

        if holds_credentials(url):
            raise ReadoutError("holds a user name or password, which every report of the pair would print: give "
                               "the address without them", field="url", value=f"{key}={shown_url(url)}")
    return _Request(pair_id, _text(event, "event", event), when, tuple(checked.items()), given)


def _build(request: _Request, previous: Pair | None, stdin: IO[Any] | None, before_read: BeforeRead | None,
           participants: Sequence[Participant] | None = None) -> Pair:
    sides = []
    for key, source in request.sources:
        if not source and previous is not None:
            sides.append(_kept_side(previous.side(key), request.metadata))
            continue
        if before_read is not None:
            before_read(key, source)
        text = read_source(source, stdin=stdin)
        title = request.metadata["title"].get(key, "")
        text = ensure_title(text, title or request.event)
        shown = "<stdin>" if source == "-" else source
        if "\n\n" not in text.strip():
            # A headline and nothing else (a copied title, a page whose body was lost): no claim to compare.
            raise ReadoutError("only a title line, no readout text after it", file=shown, value=text.strip())
        check_readout(text, source=shown)
        is_url = source.lower().startswith(("http://", "https://"))
        kept = previous.side(key).extra if previous is not None and key in previous.side_keys else {}
        sides.append(Side(
            key=key,
            text=text,
            file=f"{key}.txt",
            publisher=request.metadata["publisher"].get(key, ""),
            title=title or text.split("\n", 1)[0],
            url=request.metadata["url"].get(key, source if is_url else ""),
            language=request.metadata["language"].get(key) or guess_language(text),
            extra=kept,
        ))
    if participants is None:
        participants = previous.participants if previous is not None else ()
    return Pair(id=request.pair_id, event=request.event, date=request.date, sides=tuple(sides),
                participants=tuple(participants),
                extra=previous.extra if previous is not None else {})


def _kept_side(old: Side, metadata: Mapping[str, Mapping[str, str]]) -> Side:
    """A side an edit keeps the text of: the same text in the same file (so the comparison's cache key stays),
    with the metadata given (an absent entry keeps the old value; an empty title, the text's title line)."""
    def given(name: str, default: str) -> str:
        return metadata[name][old.key] if old.key in metadata[name] else default

    return Side(key=old.key, text=old.text, file=old.file, publisher=given("publisher", old.publisher),
                title=given("title", old.title) or old.text.split("\n", 1)[0],
                url=given("url", old.url), language=given("language", old.language) or guess_language(old.text),
                extra=old.extra)


def build_pair(pair_id: str, event: str, date: _dt.date | str, sources: Sources, *,
               publishers: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None,
               urls: Mapping[str, str] | None = None, languages: Mapping[str, str] | None = None,
               previous: Pair | None = None, stdin: IO[Any] | None = None,
               before_read: BeforeRead | None = None) -> Pair:
    """A new pair from its sources, every argument checked before the first source is read.

    ``before_read(key, source)`` is called before each side is imported (a prompt for stdin, a progress line).
    """
    request = _check(pair_id, event, date, sources,
                     {"publisher": publishers, "title": titles, "url": urls, "language": languages})
    return _build(request, previous, stdin, before_read)


def add_pair(library: Library, pair_id: str, event: str, date: _dt.date | str, sources: Sources, *,
             publishers: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None,
             urls: Mapping[str, str] | None = None, languages: Mapping[str, str] | None = None,
             force: bool = False, stdin: IO[Any] | None = None, before_read: BeforeRead | None = None,
             participants: Sequence[Participant] | None = None) -> AddResult:
    """Import a pair into ``library``; the library is unchanged unless the whole pair was read and written.

    Without ``force`` an existing pair is refused (``PairExistsError``) before any source is read. With it, the old
    pair's participants and the pair.yaml keys dualread does not know (the pair's, and each kept side's) carry over,
    and the old pair is replaced only once the new one is complete. A pair may take a bundled sample's id: it is
    written to the library, never to the package, and hides the sample there. ``participants`` (names and
    aliases that help attribute claims) replace the old pair's when given.
    """
    request = _check(pair_id, event, date, sources,
                     {"publisher": publishers, "title": titles, "url": urls, "language": languages})
    existed = library.has(request.pair_id)
    if existed and not force:
        raise PairExistsError(request.pair_id, library.root)
    previous = _replaced_pair(library, request.pair_id) if existed else None
    pair = _build(request, previous, stdin, before_read, participants)
    folder = library.save(pair, force=force)
    kept = previous.participants if previous is not None and participants is None else ()
    return AddResult(pair=pair, folder=folder, replaced=existed,
                     hides_sample=request.pair_id in library.sample_ids(), kept_participants=tuple(kept))


def _replaced_pair(library: Library, pair_id: str) -> Pair | None:
    """The pair ``force`` replaces, if it still loads; a broken one is simply replaced, carrying nothing over."""
    try:
        return library.load(pair_id)
    except ReadoutError:
        return None


def edit_pair(library: Library, pair_id: str, event: str, date: _dt.date | str, sources: Sources, *,
              publishers: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None,
              urls: Mapping[str, str] | None = None, languages: Mapping[str, str] | None = None,
              participants: Sequence[Participant] | None = None,
              before_read: BeforeRead | None = None) -> AddResult:
    """Change the pair ``pair_id`` of the library; the library is unchanged unless the whole pair was written.

    ``sources`` lists the sides the pair is to have, in order: a side of the stored pair given with an empty
    source keeps its text; a source reads a new text (a new side needs one). A side not listed is left out. The
    metadata mappings set what they name and leave the rest as stored; ``participants`` replaces the stored ones
    when given (``()`` clears them). The pair.yaml keys dualread does not know and the review are kept.
    """
    check_pair_id(pair_id, field="id")
    if not library.has(pair_id):
        raise ReadoutError("not in the library folder: only a pair of the library can be edited (a bundled "
                           "sample is read-only)", field="id", value=pair_id)
    previous = library.load(pair_id)
    request = _check(pair_id, event, date, sources,
                     {"publisher": publishers, "title": titles, "url": urls, "language": languages},
                     kept=frozenset(previous.side_keys))
    pair = _build(request, previous, None, before_read, participants)
    folder = library.save(pair, force=True)
    return AddResult(pair=pair, folder=folder, replaced=True, hides_sample=pair_id in library.sample_ids(),
                     edited=True)
