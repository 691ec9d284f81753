"""The people a readout names: names, titles and countries found in its text.

- ``people(text, participants=()) -> list[str]``: the people the text names, by their fullest name, in order of
  first mention (every participant included).
- ``one_name_each(names_by_text) -> dict[str, str]``: across several texts, each other form of one person's name ->
  its fullest form.
- ``Cast(text, participants, tokens=None)``: those people (``Cast.people``, each a ``Person``) and how a run of
  name words resolves to one of them; ``readouts.speakers`` builds on it to find each claim's subject.
- ``tokens(text) -> list[Token]``, ``name_key(word)``, ``is_name_word(word)``, ``country_code(phrase)``,
  ``title_at(tokens, i)``, ``POSSESSIVE``, ``VERBISH``: the tokens and word tests of ``readouts.name_tokens``,
  re-exported here, where ``readouts.speakers`` imports them.

How, and why this way:

* People come from ``participants`` (names and aliases from pair.yaml) and from the text itself: a name after a
  title ("President Joseph R. Biden, Jr.", "Президентом США Дональдом Трампом") or a first and last name followed
  by a verb ("Vladimir Putin noted"). Mentions of one person are merged by surname, and each person is named by
  the fullest form the text gives (Russian case endings are set aside when comparing names).
* Titles and countries are kept with each person ("the Russian President", "Prime Minister of Canada"), so that a
  title without a name can later be resolved to its holder.
* This module reads runs of tokens as people; what a single word may be (a name, a title, a country) is decided
  in ``readouts.name_tokens``, and the words themselves are data in ``readouts.name_words``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from readouts.model import Participant
from readouts.name_tokens import (
    POSSESSIVE,
    VERBISH,
    Token,
    country_code,
    is_name_word,
    name_key,
    opens_title,
    title_at,
    tokens,
)
from readouts.name_words import PARTICLES, RU_STATES, RU_TITLE_STEMS, SUFFIXES

__all__ = [
    "POSSESSIVE",
    "VERBISH",
    "Cast",
    "Person",
    "Token",
    "country_code",
    "is_name_word",
    "name_key",
    "one_name_each",
    "people",
    "title_at",
    "tokens",
]

_SPACES = re.compile(r"\s+")


@dataclass
class Person:
    """One person of a text, with what the text says about them (mutable while the text is read)."""

    name: str
    keys: set[str]
    participant: bool = False
    forms: list[tuple[int, int, int, str]] = field(default_factory=list)
    """Each way the text writes the name: (words, words in the nominative, characters, the name)."""
    titles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    unqualified: bool = False
    mentions: int = 0
    words: set[str] = field(default_factory=set)
    first: int = 1 << 60


def people(text: str, participants: Sequence[Participant] = ()) -> list[str]:
    """Everyone the text names (and every participant), by the fullest name found, in order of first mention."""
    cast = Cast(text, participants)
    return [p.name for p in sorted(cast.people, key=lambda p: p.first)]


class Cast:
    """The people of one text, found when it is built, and how name words resolve to them."""

    def __init__(self, text: str, participants: Sequence[Participant], toks: list[Token] | None = None):
        # What a run of name words resolves to, remembered until someone new is registered.
        self._matched: dict[tuple[str, ...], Person | None] = {}
        self.text = text
        self.people: list[Person] = []
        self.aliases: list[tuple[list[str], Person]] = []
        self.has_participants = bool(participants)
        for participant in participants:
            person = Person(participant.name, set(), participant=True)
            for spelling in participant.names():
                words = tokens(spelling)
                names = [t for t in words if t.name]
                if names:
                    person.keys.add(name_key(names[-1].text))
                    person.words.update(name_key(t.text) for t in names)
                self.aliases.append(([t.low for t in words], person))
            self.people.append(person)
        self.aliases.sort(key=lambda item: -len(item[0]))
        self._infer(tokens(text) if toks is None else toks)

    def _infer(self, toks: list[Token]) -> None:
        i = 0
        # Names, titles before names and countries are capitalised: only those tokens can start one.
        for k in [k for k, tok in enumerate(toks) if tok.text[0].isupper()]:
            if k < i:
                continue
            tok = toks[k]
            if not tok.name and not opens_title(tok.low) and country_code(tok.text) is None:
                continue  # neither a name, nor a title or a country before one
            found = self._titled_name(toks, k)
            if found is None:
                found = self._bare_name(toks, k)
            i = found if found is not None else k + 1
        for person in self.people:
            if not person.participant and person.forms:
                person.name = max(person.forms, key=lambda f: f[:3])[3]

    def _title_phrase(self, toks: list[Token], j: int) -> tuple[str, str | None, int] | None:
        """A title with its country, if any ("Russian President", "President of the United States",
        "Президентом США"): (title, country code or None, index after the phrase)."""
        country = country_code(toks[j].text) if j < len(toks) else None
        k = j + 1 if country else j
        title = title_at(toks, k)
        if title is None:
            return None
        k = title[1]
        if k < len(toks) and toks[k].low == "of":
            code, k = self._country_phrase(toks, k + 1, after_of=True)
            country = country or code
        while title[0] in RU_TITLE_STEMS and k < len(toks) and (country_code(toks[k].text) or toks[k].low in RU_STATES):
            country = country or country_code(toks[k].text)
            k += 1
        return title[0], country, k

    def _titled_name(self, toks: list[Token], i: int) -> int | None:
        phrase = self._title_phrase(toks, i)
        if phrase is None:
            return None
        title, country, k = phrase
        run = self._name_run(toks, k)
        if run is None:
            return None
        end, words, end_char = run
        qualified = country is not None
        if end + 1 < len(toks) and toks[end].low == "of":
            code, _ = self._country_phrase(toks, end + 1, after_of=True)
            if code:
                country, qualified = country or code, True
        self._register(words, self._shown(toks[k].start, end_char), toks[k].start, title, country, not qualified)
        return end

    def _bare_name(self, toks: list[Token], i: int) -> int | None:
        # Not the middle of a name run; a name ending the line before (a title line) does not count.
        if not toks[i].name or i > 0 and toks[i - 1].name and "\n" not in self.text[toks[i - 1].end:toks[i].start]:
            return None
        run = self._name_run(toks, i)
        if run is None:
            return None
        end, words, end_char = run
        follows = toks[end].text if end < len(toks) else ""
        if len(words) >= 2 and (self._apposition(toks, i, end) or follows[:1].islower() and VERBISH.match(follows)):
            self._register(words, self._shown(toks[i].start, end_char), toks[i].start, None, None, False)
            return end
        if self._match(words) is not None:
            return end
        return None

    @staticmethod
    def _apposition(toks: list[Token], i: int, end: int) -> bool:
        """A name set off by commas next to a title or "for his part": "the Prime Minister, Tom Reed, said",
        "Ann Gray, Prime Minister of Ruritania", "Pavel Orlov, for his part, noted"."""
        if end >= len(toks) or toks[end].text != ",":
            return False
        if end + 1 < len(toks) and (title_at(toks, end + 1) or toks[end + 1].low in {"for", "со", "who", "который"}):
            return True
        if i > 1 and toks[i - 1].text == ",":
            return any((found := title_at(toks, n)) is not None and found[1] == i - 1
                       for n in range(max(0, i - 4), i - 1))
        return False

    def _country_phrase(self, toks: list[Token], k: int, after_of: bool = False) -> tuple[str | None, int]:
        """A country: the longest known name ("the United States of America", "Russia"); after "of", any one
        capitalised word also names a country ("President of Freedonia Maria Lopez")."""
        if k < len(toks) and toks[k].low == "the":
            k += 1
        for size in (5, 4, 3, 2, 1):
            phrase = " ".join(t.low for t in toks[k : k + size])
            if len(toks[k : k + size]) == size and country_code(phrase):
                return country_code(phrase), k + size
        if after_of:
            while k + 1 < len(toks) and toks[k].low in {"republic", "kingdom", "state", "federation"} and toks[
                    k + 1].low == "of":
                k += 2
            if k < len(toks) and toks[k].text[:1].isupper():
                return toks[k].low, k + 1
        return None, k

    def _name_run(self, toks: list[Token], i: int) -> tuple[int, list[str], int] | None:
        """Name words from token ``i``: (index after the run, the name's words, where the name ends in the text)."""
        k = i
        words: list[str] = []
        while k < len(toks):
            tok = toks[k]
            if k > i and "\n" in self.text[toks[k - 1].end : tok.start]:
                break
            if len(tok.text) == 1 and tok.text.isupper() and k + 1 < len(toks) and toks[k + 1].text == ".":
                k += 2
            elif tok.low in PARTICLES and words and k + 1 < len(toks) and toks[k + 1].name:
                k += 1
            elif tok.name and tok.low.rstrip(".") not in SUFFIXES:
                words.append(tok.text)
                k += 1
                if POSSESSIVE.search(tok.text):
                    break
            else:
                break
        if not words:
            return None
        end_char = toks[k - 1].end
        suffix = self._suffix(toks, k)
        if suffix:
            k, end_char = suffix
        return k, words, end_char

    def _shown(self, start: int, end: int) -> str:
        """The name as the text writes it, on one line and without a possessive."""
        return POSSESSIVE.sub("", _SPACES.sub(" ", self.text[start:end]))

    @staticmethod
    def _suffix(toks: list[Token], k: int) -> tuple[int, int] | None:
        j = k + 1 if k < len(toks) and toks[k].text == "," else k
        if j < len(toks) and toks[j].low in SUFFIXES:
            end = j + 2 if j + 1 < len(toks) and toks[j + 1].text == "." else j + 1
            return end, toks[end - 1].end
        return None

    def _register(self, words: list[str], shown: str, pos: int, title: str | None, country: str | None,
                  unqualified: bool) -> None:
        person = self._match(words)
        if person is None:
            person = Person(shown, set())
            self.people.append(person)
        person.keys.add(name_key(words[-1]))
        person.words.update(name_key(w) for w in words)
        nominative = sum(name_key(w) == w.lower() for w in words)
        person.forms.append((len(shown.split()), nominative, len(shown), shown))
        person.mentions += 1
        person.first = min(person.first, pos)
        if title:
            person.titles.add(title)
            person.unqualified = person.unqualified or unqualified
        if country:
            person.countries.add(country)
        self._matched.clear()

    def _match(self, words: list[str]) -> Person | None:
        key = tuple(words)
        if key not in self._matched:
            self._matched[key] = self._find_match(words)
        return self._matched[key]

    def _find_match(self, words: list[str]) -> Person | None:
        """The person these name words belong to: same surname, the surname among them, or a lone word of
        a known full name ("Xi" of "Xi Jinping")."""
        keys = {name_key(w) for w in words}
        last = name_key(words[-1])
        for person in self.people:
            if last in person.keys or keys & person.keys:
                return person
        if len(keys) == 1:
            for person in self.people:
                if last in person.words:
                    return person
        return None


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _given_and_surname(name: str) -> tuple[str, str] | None:
    """(first given name, surname) of a full name, as ``name_key`` forms; initials and "Jr." set aside."""
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w and w.lower() not in _SUFFIXES and not (len(w) == 1 and w.isalpha())]
    if len(words) < 2:
        return None
    return name_key(words[0]), name_key(words[-1])


def one_name_each(names_by_text: Sequence[Sequence[str]]) -> dict[str, str]:
    """For names several texts give one person in different forms ("Joseph R. Biden, Jr." in one readout, "Joseph
    Biden" in the other): each form -> the fullest. Same first given name and surname (initials and "Jr." set
    aside) make one person; a person named one way everywhere is not in the result."""
    groups: dict[tuple[str, str], dict[str, set[int]]] = {}
    for i, names in enumerate(names_by_text):
        for name in names:
            key = _given_and_surname(name)
            if key is not None:
                groups.setdefault(key, {}).setdefault(name, set()).add(i)
    renamed: dict[str, str] = {}
    for forms in groups.values():
        if len(forms) < 2 or len(set().union(*forms.values())) < 2:
            continue
        fullest = max(forms, key=lambda form: (len(form.split()), len(form), form))
        renamed.update((form, fullest) for form in forms if form != fullest)
    return renamed
