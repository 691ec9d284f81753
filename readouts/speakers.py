"""Who each claim attributes its point to: a participant, both of them, or the narrator.

- ``attribute(text, segments, participants=()) -> list[str | None]``: one speaker per segment (anything with
  ``start`` and ``end`` offsets into ``text``): a participant's full name, ``BOTH`` ("the two leaders",
  "Prime Minister A and Prime Minister B", "they" after such a sentence), or ``None`` when the readout speaks in
  its own voice ("The conversation focused on ...", "It was confirmed that ...").
- ``people(text, participants=()) -> list[str]``: the people the text names, by their fullest name.

How, and why this way:

* The speaker is the grammatical subject at the start of the claim's main clause, after any introductory phrase
  ("On Taiwan, President Biden underscored ..." → Biden; "In this context, Joseph Biden emphasised ..." → Biden).
  Readouts are written in this one pattern, so a full parser is not needed; a subject that is not a person
  ("The conversation", "It", "Negotiations") leaves the claim to the narrator.
* People come from ``participants`` (names and aliases from pair.yaml) and from the text itself: a name after a
  title ("President Joseph R. Biden, Jr.", "Президентом США Дональдом Трампом") or a first and last name followed
  by a verb ("Vladimir Putin noted"). Mentions of one person are merged by surname, and each person is named by
  the fullest form the text gives (Russian case endings are set aside when comparing names).
* A title without a name is resolved by country ("the Russian President", "Президент США", "the US side") or,
  unqualified ("the President", "the Prime Minister"), to the person the readout names without "of <country>":
  a readout qualifies the foreign leader, not its own.
* "He"/"she" continue the last person who spoke; "they" is both unless nobody spoke in the previous claim.
* With participants, only they (or both) can be speakers: a subject who is someone else leaves the claim to the
  narrator.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from readouts.model import BOTH, Participant

__all__ = ["attribute", "people"]


class _Span(Protocol):
    start: int
    end: int


_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[\w’'\-]+|[^\w\s]")

_TITLES = (
    "vice president", "president", "prime minister", "premier", "chancellor", "crown prince", "prince", "king",
    "queen", "emperor", "general secretary", "secretary-general", "secretary general", "secretary of state",
    "press secretary", "secretary", "foreign minister", "minister", "ambassador", "special envoy", "envoy",
    "senator", "governor", "chairman", "leader", "pm", "taoiseach", "mr", "mrs", "ms", "dr", "sir",
)
_TITLES_BY_FIRST: dict[str, list[str]] = {}
for _title in _TITLES:
    _TITLES_BY_FIRST.setdefault(_title.split()[0], []).append(_title)
_RU_TITLE_STEMS = ("президент", "премьер-министр", "канцлер", "председател", "министр", "госсекретар", "лидер")
_RU_TITLE_PREFIXES = {stem[:3] for stem in _RU_TITLE_STEMS}
_BOTH = re.compile(
    r"(?:the\s+|both\s+|the\s+two\s+)?(?:two\s+)?(?:leaders|presidents|prime\s+ministers|heads\s+of\s+(?:state|"
    r"government)|sides|parties|chancellors|countries|nations)\b(?![’'])"
    r"|both\s+(?:leaders|presidents|prime\s+ministers|sides|parties|countries|nations|men)\b(?![’'])"
    r"|(?:президенты|лидеры|главы\s+государств|стороны|собеседники|обе\s+стороны|оба\s+(?:лидера|президента)|"
    r"[а-яё]+ская\s+и\s+[а-яё]+ская\s+стороны)(?![а-яё])",
    re.IGNORECASE,
)
_SIDE = re.compile(r"(?:the\s+)?([\w.’'-]+)\s+side\b|([а-яё]+ская)\s+сторона", re.IGNORECASE)
_SINGULAR = {"he", "she", "он", "она"}
_PLURAL = {"they", "они"}
_PARTICLES = {"bin", "ibn", "al", "van", "von", "de", "der", "da", "la", "le", "el"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_STOP = set(
    """the a an this that these those it its he she they we our their his her and or but of in on at to for with
    by from as after before during following today also both each all however overall finally earlier later
    readout statement telephone call meeting conversation january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday
    и в на с по о об""".split()
)
_NOT_NAMES = set(
    """united states america american russia russian federation china chinese prc dprk kingdom britain british
    republic union european nations un nato osce security council house white kremlin ministry department
    government administration office sea strait peninsula summit organization organisation treaty agreement
    dialogue group groups talks forces coalition state states north south east west black saudi arabia
    pacific indo-pacific middle commission assembly general national international strategic stability new year
    communiques assurances act relations day week war""".split()
)
_COUNTRIES = {
    "us": "us", "u.s.": "us", "usa": "us", "american": "us", "america": "us", "united states": "us",
    "united states of america": "us", "russia": "ru", "russian": "ru", "russian federation": "ru",
    "china": "cn", "chinese": "cn", "prc": "cn", "people’s republic of china": "cn", "people's republic of china": "cn",
    "ukraine": "ua", "ukrainian": "ua", "finland": "fi", "finnish": "fi", "republic of finland": "fi",
    "united kingdom": "uk", "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk", "canada": "ca",
    "canadian": "ca", "france": "fr", "french": "fr", "germany": "de", "german": "de", "japan": "jp",
    "japanese": "jp", "india": "in", "indian": "in", "turkey": "tr", "turkish": "tr", "israel": "il",
    "israeli": "il", "iran": "ir", "iranian": "ir", "saudi arabia": "sa", "saudi": "sa",
}
_RU_COUNTRIES = (
    ("сша", "us"), ("соедин", "us"), ("америк", "us"), ("американ", "us"), ("росси", "ru"), ("российск", "ru"),
    ("китай", "cn"), ("кнр", "cn"), ("украин", "ua"), ("финлянд", "fi"), ("финск", "fi"),
    ("великобритан", "uk"), ("британ", "uk"), ("канад", "ca"), ("франц", "fr"), ("германи", "de"),
)
_PREPOSITIONS = {"in", "during", "at", "on", "after", "before", "following", "в", "во", "на", "по", "при", "после"}
_TIME_WORDS = set(
    """this that today tonight yesterday earlier later afternoon morning evening night on in at during last next the
    day week month year of january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday сегодня вчера""".split()
)
_RU_STATES = {"соединённых", "соединенных", "штатов", "америки", "федерации"}
_RU_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "ой", "ым", "им", "ая", "ую", "а", "у", "е", "ы", "я", "ю")
_VERBISH = re.compile(r"(?:[a-z]+(?:ed|es|s)|had|has|said|made|gave|told|spoke|met|held|took|brought|was|will|"
                      r"would|could|can|must|also|further|again|then|once|[а-яё]+(?:л|ла|ли|ет|ит|ют|ят)(?:ся|сь)?)$")
_AGREE = re.compile(r"(?:have\s+|has\s+|also\s+)?(?:agreed|agree|welcome[sd]?|will|decided|committed|"
                    r"согласились|договорились|приветствуют|продолжат|условились)\b", re.IGNORECASE)


@dataclass
class _Person:
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


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str


def attribute(text: str, segments: Sequence[_Span], participants: Sequence[Participant] = ()) -> list[str | None]:
    """The speaker of each segment, in order: a participant's name, ``BOTH`` or ``None`` (the narrator)."""
    all_tokens = _tokens(text, 0, len(text))
    starts = [tok.start for tok in all_tokens]
    cast = _Cast(text, participants, all_tokens)
    speakers: list[str | None] = []
    previous: str | None = None
    last_person: str | None = None
    previous_people = 0
    for seg in segments:
        tokens = all_tokens[bisect_left(starts, seg.start) : bisect_left(starts, seg.end)]
        kind, who = cast.subject(tokens)
        if kind == "singular":
            who = last_person
        elif kind == "plural":
            who = BOTH if previous is not None or previous_people >= 2 else None
        speakers.append(who)
        previous = who
        if who is not None and who != BOTH:
            last_person = who
        previous_people = len(cast.named_in(tokens))
    return speakers


def people(text: str, participants: Sequence[Participant] = ()) -> list[str]:
    """Everyone the text names (and every participant), by the fullest name found, in order of first mention."""
    cast = _Cast(text, participants)
    return [p.name for p in sorted(cast.people, key=lambda p: p.first)]


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A comparable form of a name word: lowercase, no possessive, Russian case endings removed."""
    low = re.sub(r"[’']s$", "", word.lower())
    if re.fullmatch(r"[а-яё-]+", low):
        for ending in _RU_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                return low[: -len(ending)]
    return low


def _is_name(tok: _Tok) -> bool:
    return _is_name_word(tok.text)


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a common word, a country or a title: it may be part of a name."""
    return (word[:1].isupper() and word[:1].isalpha() and len(word) > 1 and word.lower() not in _STOP
            and _key(word) not in _NOT_NAMES and _country(word) is None
            and not _title_at([_Tok(word, 0, len(word), word.lower())], 0))


@lru_cache(maxsize=65536)
def _country(phrase: str) -> str | None:
    low = re.sub(r"[’']s$", "", phrase.lower())
    if low in _COUNTRIES:
        return _COUNTRIES[low]
    if " " not in low:
        for stem, code in _RU_COUNTRIES:
            if low.startswith(stem):
                return code
    return None


def _title_at(tokens: Sequence[_Tok], i: int) -> tuple[str, int] | None:
    """The title starting at token ``i`` (as its English or Russian stem) and the index after it."""
    if i >= len(tokens):
        return None
    low = tokens[i].low
    if low[:3] in _RU_TITLE_PREFIXES:
        for stem in _RU_TITLE_STEMS:
            if low.startswith(stem):
                return stem, i + 1
    for title in _TITLES_BY_FIRST.get(low, ()):
        words = title.split()
        if [t.low for t in tokens[i : i + len(words)]] == words:
            j = i + len(words)
            if j < len(tokens) and tokens[j].text == "." and title in {"mr", "mrs", "ms", "dr"}:
                j += 1
            return title, j
    return None


class _Cast:
    """The people of one text and how its mentions resolve to them."""

    def __init__(self, text: str, participants: Sequence[Participant], tokens: list[_Tok] | None = None):
        self.text = text
        self.people: list[_Person] = []
        self.aliases: list[tuple[list[str], _Person]] = []
        self.has_participants = bool(participants)
        for participant in participants:
            person = _Person(participant.name, set(), participant=True)
            for spelling in participant.names():
                words = [t for t in _tokens(spelling, 0, len(spelling))]
                names = [t for t in words if _is_name(t)]
                if names:
                    person.keys.add(_key(names[-1].text))
                    person.words.update(_key(t.text) for t in names)
                self.aliases.append(([t.low for t in words], person))
            self.people.append(person)
        self.aliases.sort(key=lambda item: -len(item[0]))
        self._infer(_tokens(text, 0, len(text)) if tokens is None else tokens)

    # -- finding people -------------------------------------------------------------------------------------
    def _infer(self, toks: list[_Tok]) -> None:
        i = 0
        while i < len(toks):
            if not toks[i].text[:1].isupper():  # names, titles before names and countries are capitalised
                i += 1
                continue
            found = self._titled_name(toks, i)
            if found is None:
                found = self._bare_name(toks, i)
            i = found if found is not None else i + 1
        for person in self.people:
            if not person.participant and person.forms:
                person.name = max(person.forms, key=lambda f: f[:3])[3]

    def _title_phrase(self, toks: list[_Tok], j: int) -> tuple[str, str | None, int] | None:
        """A title with its country, if any ("Russian President", "President of the United States",
        "Президентом США"): (title, country code or None, index after the phrase)."""
        country = _country(toks[j].text) if j < len(toks) else None
        k = j + 1 if country else j
        title = _title_at(toks, k)
        if title is None:
            return None
        k = title[1]
        if k < len(toks) and toks[k].low == "of":
            code, k = self._country_phrase(toks, k + 1, after_of=True)
            country = country or code
        while title[0] in _RU_TITLE_STEMS and k < len(toks) and (_country(toks[k].text) or toks[k].low in _RU_STATES):
            country = country or _country(toks[k].text)
            k += 1
        return title[0], country, k

    def _titled_name(self, toks: list[_Tok], i: int) -> int | None:
        phrase = self._title_phrase(toks, i)
        if phrase is None:
            return None
        title, country, k = phrase
        run = self._name_run(toks, k)
        if run is None:
            return None
        end, words, shown = run
        qualified = country is not None
        if end + 1 < len(toks) and toks[end].low == "of":
            code, _ = self._country_phrase(toks, end + 1, after_of=True)
            if code:
                country, qualified = country or code, True
        self._register(words, shown, toks[k].start, title, country, not qualified)
        return end

    def _bare_name(self, toks: list[_Tok], i: int) -> int | None:
        if not _is_name(toks[i]) or i > 0 and _is_name(toks[i - 1]):
            return None
        run = self._name_run(toks, i)
        if run is None:
            return None
        end, words, shown = run
        follows = toks[end].text if end < len(toks) else ""
        if len(words) >= 2 and (self._apposition(toks, i, end) or follows[:1].islower() and _VERBISH.match(follows)):
            self._register(words, shown, toks[i].start, None, None, False)
            return end
        if self._match(words) is not None:
            return end
        return None

    @staticmethod
    def _apposition(toks: list[_Tok], i: int, end: int) -> bool:
        """A name set off by commas next to a title or "for his part": "the Prime Minister, Tom Reed, said",
        "Ann Gray, Prime Minister of Ruritania", "Pavel Orlov, for his part, noted"."""
        if end >= len(toks) or toks[end].text != ",":
            return False
        if end + 1 < len(toks) and (_title_at(toks, end + 1) or toks[end + 1].low in {"for", "со", "who", "который"}):
            return True
        if i > 1 and toks[i - 1].text == ",":
            return any(_title_at(toks, n) and _title_at(toks, n)[1] == i - 1 for n in range(max(0, i - 4), i - 1))
        return False

    def _country_phrase(self, toks: list[_Tok], k: int, after_of: bool = False) -> tuple[str | None, int]:
        """A country: the longest known name ("the United States of America", "Russia"); after "of", any one
        capitalised word also names a country ("President of Freedonia Maria Lopez")."""
        if k < len(toks) and toks[k].low == "the":
            k += 1
        for size in (5, 4, 3, 2, 1):
            phrase = " ".join(t.low for t in toks[k : k + size])
            if len(toks[k : k + size]) == size and _country(phrase):
                return _country(phrase), k + size
        if after_of:
            while k + 1 < len(toks) and toks[k].low in {"republic", "kingdom", "state", "federation"} and toks[
                    k + 1].low == "of":
                k += 2
            if k < len(toks) and toks[k].text[:1].isupper():
                return toks[k].low, k + 1
        return None, k

    def _name_run(self, toks: list[_Tok], i: int) -> tuple[int, list[str], str] | None:
        """Name words from token ``i``: (index after the run, the name's words, the name as written)."""
        k = i
        words: list[str] = []
        while k < len(toks):
            tok = toks[k]
            if k > i and "\n" in self.text[toks[k - 1].end : tok.start]:
                break
            if len(tok.text) == 1 and tok.text.isupper() and k + 1 < len(toks) and toks[k + 1].text == ".":
                k += 2
            elif tok.low in _PARTICLES and words and k + 1 < len(toks) and _is_name(toks[k + 1]):
                k += 1
            elif _is_name(tok) and tok.low.rstrip(".") not in _SUFFIXES:
                words.append(tok.text)
                k += 1
                if re.search(r"[’']s$", tok.text):
                    break
            else:
                break
        if not words:
            return None
        end_char = toks[k - 1].end
        suffix = self._suffix(toks, k)
        if suffix:
            k, end_char = suffix
        shown = re.sub(r"[’']s$", "", re.sub(r"\s+", " ", self.text[toks[i].start : end_char]))
        return k, words, shown

    @staticmethod
    def _suffix(toks: list[_Tok], k: int) -> tuple[int, int] | None:
        j = k + 1 if k < len(toks) and toks[k].text == "," else k
        if j < len(toks) and toks[j].low in _SUFFIXES:
            end = j + 2 if j + 1 < len(toks) and toks[j + 1].text == "." else j + 1
            return end, toks[end - 1].end
        return None

    def _register(self, words: list[str], shown: str, pos: int, title: str | None, country: str | None,
                  unqualified: bool) -> None:
        person = self._match(words)
        if person is None:
            person = _Person(shown, set())
            self.people.append(person)
        person.keys.add(_key(words[-1]))
        person.words.update(_key(w) for w in words)
        nominative = sum(_key(w) == w.lower() for w in words)
        person.forms.append((len(shown.split()), nominative, len(shown), shown))
        person.mentions += 1
        person.first = min(person.first, pos)
        if title:
            person.titles.add(title)
            person.unqualified = person.unqualified or unqualified
        if country:
            person.countries.add(country)

    def _match(self, words: list[str]) -> _Person | None:
        """The person these name words belong to: same surname, the surname among them, or a lone word of
        a known full name ("Xi" of "Xi Jinping")."""
        keys = {_key(w) for w in words}
        last = _key(words[-1])
        for person in self.people:
            if last in person.keys or keys & person.keys:
                return person
        if len(keys) == 1:
            for person in self.people:
                if last in person.words:
                    return person
        return None

    # -- resolving a claim's subject ------------------------------------------------------------------------
    def named_in(self, toks: list[_Tok]) -> set[str]:
        found: set[str] = set()
        for tok in toks:
            if _is_name(tok):
                person = self._match([tok.text])
                if person is not None:
                    found.add(person.name)
        return found

    def subject(self, toks: list[_Tok]) -> tuple[str, str | None]:
        """("person"|"singular"|"plural"|"none", speaker) for the subject of the claim's main clause."""
        i = self._main_clause(toks)
        kind, who, after = self._mention(toks, i)
        if kind == "none":
            return self._parenthetical(toks)
        if after < len(toks) and toks[after].low in {"and", "и"}:
            kind2, who2, after2 = self._mention(toks, after + 1)
            if kind2 == "person" and who2 != who:
                return "person", BOTH
            if kind == "country" and kind2 == "country" and _AGREE.match(self._rest(toks, after2)):
                return "person", BOTH
        if kind == "country":
            return "none", None
        return kind, who

    def _main_clause(self, toks: list[_Tok]) -> int:
        """Where the main clause starts: after an item marker, "According to", a time phrase ("This afternoon")
        or up to three introductory phrases closed by commas ("On the morning of May 2, Beijing time, ...")."""
        i = 0
        while i < len(toks) and (toks[i].text in "-–—•*" or re.fullmatch(r"\d{1,3}", toks[i].text)
                                 and i + 1 < len(toks) and toks[i + 1].text in ".)"):
            i += 2 if toks[i].text[0].isdigit() else 1
        if i < len(toks) and toks[i].low in {"according", "по"} and i + 1 < len(toks) and toks[i + 1].low in {"to", "словам"}:
            return i + 2
        if self._mention(toks, i)[0] != "none":
            return i
        j = i
        while j < len(toks) and (toks[j].low in _TIME_WORDS or toks[j].text.isdigit()):
            j += 1
        if j > i and self._mention(toks, j)[0] in {"person", "singular", "plural"}:
            return j
        if i < len(toks) and toks[i].low in _PREPOSITIONS:
            # "During the call President Smith stressed", "В ходе беседы Президент России отметил"
            for j in range(i + 1, min(len(toks), i + 7)):
                if not toks[j].text.islower():
                    kind, _, after = self._mention(toks, j)
                    verb = toks[after].text if after < len(toks) else ""
                    if kind in {"person", "singular", "plural"} and verb.islower() and _VERBISH.match(verb):
                        return j
                    break
        commas = [n + 1 for n in range(i, min(len(toks), i + 60)) if toks[n].text == ","][:3]
        for start in commas:
            if self._mention(toks, start)[0] in {"person", "singular", "plural"}:
                return start
        return commas[0] if commas else i

    def _parenthetical(self, toks: list[_Tok]) -> tuple[str, str | None]:
        """ "This discussion, as President Biden made clear, was ..." attributes the point to Biden."""
        for j in range(len(toks) - 2):
            if toks[j].text == "," and toks[j + 1].low in {"as", "как"}:
                kind, who, _ = self._mention(toks, j + 2)
                if kind == "person":
                    return kind, who
        return "none", None

    def _rest(self, toks: list[_Tok], i: int) -> str:
        return self.text[toks[i].start : toks[min(len(toks), i + 4) - 1].end] if i < len(toks) else ""

    def _mention(self, toks: list[_Tok], i: int) -> tuple[str, str | None, int]:
        """What the words at token ``i`` refer to, and the index after them."""
        if i >= len(toks):
            return "none", None, i
        low = toks[i].low
        if low in _SINGULAR:
            return "singular", None, i + 1
        if low in _PLURAL:
            return "plural", None, i + 1
        for words, person in self.aliases:
            if [t.low for t in toks[i : i + len(words)]] == words and not self._possessive(toks, i + len(words) - 1):
                return "person", person.name, i + len(words)
        rest = self.text[toks[i].start : toks[-1].end]
        both = _BOTH.match(rest)
        if both:
            return "person", BOTH, self._index_at(toks, toks[i].start + both.end())
        side = _SIDE.match(rest)
        if side:
            person = self._by_role(None, _country(side.group(1) or side.group(2) or ""))
            return "person", person, self._index_at(toks, toks[i].start + side.end())
        j = i + 1 if low in {"the", "a"} else i
        titled = self._role(toks, j)
        if titled is not None:
            return titled
        run = self._name_run(toks, j)
        if run is not None:
            person = self._match(run[1])
            if person is not None and not re.search(r"[’']s$", run[1][-1]):
                return "person", self._speaker(person), run[0]
        code, after = self._country_phrase(toks, i)
        if code:
            return "country", code, after
        return "none", None, i

    def _role(self, toks: list[_Tok], j: int) -> tuple[str, str | None, int] | None:
        """A title at token ``j``, with or without a name after it, resolved to its holder."""
        phrase = self._title_phrase(toks, j)
        if phrase is None:
            return None
        title, country, k = phrase
        run = self._name_run(toks, k)
        if run is not None and self._match(run[1]) is not None:
            if self._possessive(toks, run[0] - 1):
                return "none", None, j
            return "person", self._speaker(self._match(run[1])), run[0]
        if k < len(toks) and toks[k].text == ",":
            run = self._name_run(toks, k + 1)
            if run is not None and self._match(run[1]) is not None:
                return "person", self._speaker(self._match(run[1])), run[0]
        if self._possessive(toks, k - 1):
            return "none", None, j
        return "person", self._by_role(title, country), k

    def _by_role(self, title: str | None, country: str | None) -> str | None:
        pool = [p for p in self.people if p.participant or not self.has_participants]
        if country:
            hits = [p for p in pool if country in p.countries]
            if not hits:
                # The text may give only the other leader's country: the principal without one is meant.
                principals = sorted(pool, key=lambda p: (-p.mentions, p.first))[:2]
                hits = [p for p in principals if not p.countries] if len(principals) == 2 else []
            return self._speaker(hits[0]) if len(hits) == 1 else None
        if title is None:
            return None
        titled = [p for p in pool if title in p.titles] or pool
        if not titled:
            return None
        best = min(titled, key=lambda p: (not p.unqualified, p.first))
        return self._speaker(best)

    def _speaker(self, person: _Person) -> str | None:
        return person.name if person.participant or not self.has_participants else None

    @staticmethod
    def _possessive(toks: list[_Tok], k: int) -> bool:
        return 0 <= k < len(toks) and bool(re.search(r"[’']s$", toks[k].text))

    @staticmethod
    def _index_at(toks: list[_Tok], char: int) -> int:
        for n, tok in enumerate(toks):
            if tok.start >= char:
                return n
        return len(toks)
