"""What a claim offers for matching, computed once per claim.

- ``Features``: a claim's content-word stems, concepts (shared meanings behind different wording), named entities,
  dates, numbers, reporting verbs and negation, plus its relative position in its readout.
- ``extract(claim, position)``: the features of one claim; ``position`` is its place in the readout in [0, 1].
- ``stem(word)``: the light stemmer used for content words (English suffixes; Russian by truncation).
- ``Features.units()``: everything above as prefixed strings (``w:negoti``, ``c:talks``, ``e:geneva``, ``d:01-10``,
  ``n:30``) — the vocabulary scorers weigh and the aligner indexes.

Readouts state the same point in different words ("urged Russia to de-escalate" / "escalation of the situation"),
so the words alone are weak evidence; concepts and entities carry the paraphrase and the cross-lingual signal.
Reporting verbs (warned, urged, agreed) and boilerplate (president, leaders, discussed) say how a point is framed,
not which point it is, so they are kept apart from the content words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from comparisons.matching.concepts import concept_lexicon, entity_lexicon, normalise
from comparisons.words.dates import MONTH_NAMES, is_month_word, read_dates, read_months
from comparisons.words.numbers import NUMBER_WORDS, NUMERAL, SCALES, format_number, numeral_value
from comparisons.words.stems import stem
from readouts.model import Claim

__all__ = ["Features", "REPORTING_VERBS", "extract", "stem", "surface_words"]

# Written as readers spell them; normalised below like every text (Russian й reads as и).
STOPWORDS = frozenset(
    normalise(
        """a an the and or but nor of to in on at by for with from into onto upon over under about after before during
    as than that this these those there here it its it's their them they he she his her him we our us you your i me my
    is are was were be been being has have had having do does did will would shall should can could may might must
    not no yes also further furthermore moreover however both all any each every other such same own so too very
    just only even more most much many some few one new who whom whose which what when where why how whether while if
    then once again still already yet always up down out off away today tonight yesterday tomorrow day week month year
    mr mrs ms dr jr sr r j h d w
    president presidents prime minister ministers leader leaders head heads state states side sides party parties
    two countries country government governments official officials counterpart counterparts call conversation
    number range series course part context view regard respect regarding concerning including terms issue issues
    matter matters question questions topic topics situation area areas field fields aspect aspects way ways
    importance important need needs necessity necessary continue continued continuing continuation
    should well point pointed out said told added noted whole general lastly first second finally forward
    account accounts readout readouts version versions according
    и в во не на с со по к ко о об от до за из у же ли бы что как так а но или то это этот эта эти его ее их
    был была были быть также при для под над между через после перед который которые которая которого
    президент президента президентом президенты глава главы стороны сторона стран страны двух
    """
    ).split()
)

REPORTING_VERBS = {
    "said": "said", "say": "said", "says": "said", "stated": "said", "noted": "said", "told": "said",
    "stressed": "stressed", "emphasized": "stressed", "emphasised": "stressed", "underscored": "stressed",
    "underlined": "stressed", "highlighted": "stressed", "reiterated": "stressed", "reaffirmed": "stressed",
    "urged": "urged", "called": "urged", "pressed": "urged", "insisted": "urged", "demanded": "urged",
    "warned": "warned", "cautioned": "warned", "threatened": "warned",
    "agreed": "agreed", "confirmed": "agreed", "accepted": "agreed", "committed": "agreed",
    "expressed": "expressed", "voiced": "expressed", "conveyed": "expressed",
    "discussed": "discussed", "reviewed": "discussed", "exchanged": "discussed", "raised": "discussed",
    "explained": "explained", "detailed": "explained", "informed": "explained", "briefed": "explained",
    "outlined": "explained", "described": "explained",
    "welcomed": "welcomed", "commended": "welcomed", "praised": "welcomed",
    "rejected": "rejected", "refused": "rejected", "denied": "rejected", "opposed": "rejected",
    "подчеркнул": "stressed", "отметил": "said", "заявил": "said", "призвал": "urged", "предупредил": "warned",
    "согласились": "agreed", "договорились": "agreed", "выразил": "expressed", "обсудили": "discussed",
    "проинформировал": "explained", "разъяснил": "explained", "приветствуют": "welcomed",
}

REGION_OF = {
    "gaza": "middle_east", "israel": "middle_east", "red_sea": "middle_east",
    "spratly": "south_china_sea", "paracel": "south_china_sea", "scarborough": "south_china_sea",
    "second_thomas_shoal": "south_china_sea",
    "one_china": "taiwan",
}
"""Names that stand for a wider subject too: one readout names the war in Gaza by its places ("Israel and Hamas")
where the other says "the Middle East" or "West Asia"; the Houthis' attacks on shipping in the Red Sea are one of
that region's points too; a reef or shoal of the South China Sea is a point about that sea; the one-China policy or
principle is what the other side calls the Taiwan question. Only names whose mention in a readout is almost always
that subject's main point: Iraq or Syria are points of their own (linking them to every "region" sentence merged
separate points of one dev pair)."""

NEGATORS = frozenset("not no never neither nor without refused rejected denied cannot не нет никогда".split())

OPENING_CLAIMS = 1
_CYRILLIC = re.compile(r"[а-я]")


@dataclass(frozen=True)
class Features:
    claim_id: str
    side: str
    position: float
    words: frozenset[str]
    concepts: frozenset[str]
    entities: frozenset[str]
    dates: frozenset[str]
    numbers: frozenset[str]
    verbs: frozenset[str]
    negated: bool
    cyrillic: bool
    surface: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Each unit -> the words of the claim it was read from (lower case), for explanations."""

    def units(self) -> frozenset[str]:
        """Every matchable feature as one prefixed string, so scorers and indexes treat them alike."""
        return frozenset(
            [f"w:{w}" for w in self.words]
            + [f"c:{c}" for c in self.concepts]
            + [f"e:{e}" for e in self.entities]
            + [f"d:{d}" for d in self.dates]
            + [f"n:{n}" for n in self.numbers]
        )


SMALL_NUMBER_WORD = 3
"""Number words below this ("one", "two") count people and sides ("one of", "the two leaders"), not quantities."""


_NUMERAL = re.compile(rf"(?<![\w.,])(?:(\d+,\d{{1,2}})(?!\d)|({NUMERAL}))(?!\w)")
"""A numeral as written (``comparisons.words.numbers.NUMERAL``, or a Russian decimal comma: "1,5"). Read from the
text, not from its words: splitting at the punctuation made "1,200" the numbers 1 and 200, and "$1.25 billion"
share a "1" with "USD 1.5 billion"."""


def numerals(text: str) -> list[tuple[str, str]]:
    """Each numeral of ``text`` as ``(value, as written)``: "1,200" -> "1200", "1.25" -> "1.25", "1,5" -> "1.5"."""
    found = []
    for match in _NUMERAL.finditer(text):
        decimal_comma, written = match.groups()
        value = float(decimal_comma.replace(",", ".")) if decimal_comma else numeral_value(written)
        found.append((format_number(value), decimal_comma or written))
    return found


def _dates_and_numbers(text: str, tokens: list[str]) -> tuple[set[str], set[str]]:
    """Dates as ``MM-DD`` (each day named) or ``MM`` (a month alone), read from the claim's text by
    ``comparisons.words.dates``; numbers from its numerals (``numerals``), leaving out the day numbers of its dates."""
    mentions = read_dates(text)
    dates = {f"{d.month:02d}-{day:02d}" for d in mentions for day in d.days}
    dates.update(f"{month:02d}" for _, _, month in read_months(text, mentions))
    days = {str(day) for d in mentions for day in d.days}
    numbers = {value for value, _ in numerals(text) if value not in days}
    numbers.update(str(NUMBER_WORDS[t]) for t in NUMBER_WORDS.keys() & tokens if NUMBER_WORDS[t] >= SMALL_NUMBER_WORD)
    numbers.update(str(int(SCALES[t])) for t in SCALES.keys() & tokens if t != "bn")
    return dates, numbers


def _blank(norm: str, spans: list[tuple[int, int]]) -> str:
    """``norm`` with each span turned into spaces, built in one pass (a very long claim has thousands of spans)."""
    if len(spans) == 1:
        start, end = spans[0]
        return norm[:start] + " " * (end - start) + norm[end:]
    chars = list(norm)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _longest_first(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Overlapping phrase matches resolved in favour of the longer phrase; the same words may mean two concepts
    ("cybercrime" is cyber and crime)."""
    if len(matches) < 2:
        return matches
    kept: list[tuple[str, int, int]] = []
    spans: list[tuple[int, int]] = []  # the kept spans by start: they overlap by a space at most, so they are in
    for key, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1], m[0])):  # order of their ends too
        at = bisect_left(spans, (start, end))
        # Only the kept spans just before and after the new one's place can overlap it: look at those alone, so a
        # very long claim with thousands of matches costs n log n, not n squared.
        before = (s_e for s_e in reversed(spans[max(0, at - 2):at]))
        after = (s_e for s_e in spans[at:at + 2])
        if all(end <= s + 1 or start >= e - 1 or (start, end) == (s, e) for s, e in (*before, *after)):
            kept.append((key, start, end))
            insort(spans, (start, end))
    return kept


@lru_cache(maxsize=65536)
def _content_stem(token: str) -> str | None:
    """The stem of a content word, None for any other token (cached like ``stem``)."""
    if (token in STOPWORDS or token in REPORTING_VERBS or token.isdecimal() or len(token) <= 1
            or is_month_word(token)):
        return None
    return stem(token)


def extract(claim: Claim, position: float = 0.0) -> Features:
    return _extract(claim, position, {})


def surface_words(claim: Claim) -> dict[str, str]:
    """Each unit of ``extract(claim).units()`` -> the words of the claim it was read from (normalised: lower case,
    no punctuation): what an explanation quotes."""
    return dict(extract(claim).surface)


def _extract(claim: Claim, position: float, surface: dict[str, str] | None) -> Features:
    """The features of ``claim``; when ``surface`` is a dict, it also collects where each unit was read (slices of
    text already matched: far cheaper than matching again when a link is explained)."""
    norm = normalise(claim.text)
    negated = not NEGATORS.isdisjoint(norm.split())
    cyrillic = not norm.isascii() and bool(_CYRILLIC.search(norm))
    entity_matches = _longest_first(entity_lexicon().matches(norm))
    entities = frozenset(key for key, _, _ in entity_matches)
    if not entities.isdisjoint(REGION_OF):
        entities |= {REGION_OF[e] for e in entities if e in REGION_OF}
    if surface is not None:
        _remember(surface, "e", [(key, norm[s:e]) for key, s, e in entity_matches])
        _remember(surface, "e", [(REGION_OF[key], norm[s:e]) for key, s, e in entity_matches if key in REGION_OF])
    # A name stands for one thing and counts once, as the entity: "Organization for Security and Cooperation in
    # Europe" is the OSCE, not security, cooperation and Europe.
    if entity_matches:
        norm = _blank(norm, [(s, e) for _, s, e in entity_matches])
    concept_matches = _longest_first(concept_lexicon().matches(norm))
    concepts = frozenset(key for key, _, _ in concept_matches)
    if claim.index > OPENING_CLAIMS and "call" in concepts:
        # Readouts open by reporting the call itself; a later "he also spoke with X about Y" is about Y.
        concepts -= {"call"}
    broader = concept_lexicon().broader
    concepts |= {broader[c] for c in concepts if c in broader}
    if surface is not None:
        _remember(surface, "c", [(key, norm[s:e]) for key, s, e in concept_matches if key in concepts])
        _remember(surface, "c", [(broader[key], norm[s:e]) for key, s, e in concept_matches if key in broader])
    # The words of a concept's phrase count once, as the concept ("strategic stability" is arms control, not
    # also stability and two content words).
    if concept_matches:
        norm = _blank(norm, [(s, e) for _, s, e in concept_matches])
    tokens = norm.split()
    dates, numbers = _dates_and_numbers(claim.text, tokens)
    verbs = frozenset(REPORTING_VERBS[t] for t in REPORTING_VERBS.keys() & tokens)
    words = frozenset(filter(None, map(_content_stem, tokens)))
    if surface is not None:
        _remember(surface, "w", [(s, tok) for tok in tokens if (s := _content_stem(tok))])
        _remember(surface, "n", numerals(claim.text))
        _remember(surface, "n", [(str(NUMBER_WORDS[tok]), tok) for tok in tokens if tok in NUMBER_WORDS])
        for date in dates:
            month, _, day = date.partition("-")
            surface.setdefault(f"d:{date}", f"{MONTH_NAMES[int(month) - 1]} {int(day)}" if day else MONTH_NAMES[int(month) - 1])
    if claim.answers:
        # In a transcript the question names what the answer is about ("What about sanctions?" / "The topic was not
        # raised in detail"): the answer reports that point, so it matches on the question's words too.
        question: dict[str, str] | None = {} if surface is not None else None
        asked = _extract(Claim(claim.side, claim.index, 0, len(claim.answers), claim.answers), position, question)
        words |= asked.words
        concepts |= asked.concepts
        entities |= asked.entities
        dates |= asked.dates
        numbers |= asked.numbers
        for unit, text in (question or {}).items():
            surface.setdefault(unit, f"{text} (in the question)")  # type: ignore[union-attr]
    return Features(
        claim_id=claim.id,
        side=claim.side,
        position=position,
        words=words,
        concepts=concepts,
        entities=entities,
        dates=frozenset(dates),
        numbers=frozenset(numbers),
        verbs=verbs,
        negated=negated,
        cyrillic=cyrillic,
        surface=surface if surface is not None else {},
    )


def _remember(surface: dict[str, str], kind: str, found: list[tuple[str, str]]) -> None:
    for key, text in found:
        surface.setdefault(f"{kind}:{key}", " ".join(text.split()))
