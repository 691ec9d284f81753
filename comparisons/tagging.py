"""Topics per claim, read in context.

- ``tag_document(document, taxonomy) -> dict[claim_id, tuple[topic_id, ...]]``: every claim of one side, with
  its topics in taxonomy order (an empty tuple when nothing fits).
- ``score_text(text, taxonomy) -> dict[topic_id, float]``: a claim's own evidence, for tests and tuning.

How a claim gets its topics:
1. Its own signals: each distinct keyword, hint or pattern of a topic found in the claim adds its weight; a topic
   whose score reaches 1 applies. Keywords match whole words, ``*`` lets a word end any way (``санкц*``), spaces
   and hyphens in a keyword match each other (``cease-fire`` finds "ceasefire"), and a keyword written in capitals
   (``NATO``, ``SWIFT``) matches only in capitals, so "swift costs" is not the payment network.
2. The readout's own context: ``context`` signals count only when the topic already applies to another claim of
   the same readout ("a lasting peace" is about Ukraine in a readout that names Ukraine).
3. The previous claim: readouts state one point across sentences. A claim that points back ("this would be a
   grave error", "challenges in this area") also takes the main topic of the claim before it; a claim that opens
   with a linking phrase ("In this context, ...") takes it only when it has no topic of its own; a claim with no
   topic that simply continues ("They also praised ...") takes all of the previous claim's topics.

Keywords are matched on the claim's words (one dictionary look-up per word), not by one regular expression each,
so tagging costs about the same whatever the size of the taxonomy; a pattern runs only on claims that contain the
literal texts it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from comparisons.taxonomy import Signal, Taxonomy
from readouts.model import Document

__all__ = ["THRESHOLD", "score_text", "tag_document"]

THRESHOLD = 1.0
"""The score a topic needs in a claim: one keyword, or two hints."""

_WORD_SPLIT = re.compile(r"(\w+)")
_GAP_CHARS = " \t\n\r\f\v\u00a0-‐‑–—"
"""What may separate the words of a keyword in a text: white space and hyphens or dashes."""
_HYPHEN = re.compile(r"[\-‐‑–]")
_PLAIN_KEYWORD = re.compile(r"[\w\s\-‐‑–*]+")
_A_WORD = re.compile(r"[^\W\d_]{3}")
_PREFIX = 3
_MEMO_WORDS = 50_000
"""How many distinct words a compiled taxonomy remembers the keywords of before it starts afresh."""

# A linking phrase that opens a claim and refers to what came before ("In this context, ..."): the claim follows on
# from the previous one, but its own subject may be new, so it borrows a topic only when it has none of its own.
_CONNECTIVE = re.compile(
    r"^\W*(?:in\s+this\s+(?:context|regard|connection|respect)|in\s+that\s+(?:context|regard|respect)|"
    r"to\s+(?:that|this)\s+end|against\s+this\s+background|given\s+this|on\s+this\s+basis|"
    r"following\s+(?:this|that|these|those)(?:\s+\w+)?|"
    r"в\s+этой\s+связи|в\s+этом\s+контексте|в\s+данном\s+контексте|при\s+этом)\b\W*",
    re.IGNORECASE,
)
# Points back at the previous claim as its subject ("This would be...", "Such a step...") or further on ("he said
# that this...", "challenges in this area", "these issues"). What "this" refers to is the previous claim's main
# topic. Every expression is anchored at the start or needs a demonstrative, so most claims are ruled out at once.
_BACK_AT_START = re.compile(
    r"^\W*(?:(?:this|that|these|those|such)\b(?!\s+(?:\w+\s+)?(?:negotiations|talks|dialogues?|discussions|"
    r"consultations|meetings?|calls?|conversations?|sanctions|contacts|agreements?)\b)"
    r"|(?:это|эти|этот|эта|такие|такой)\b)",
    re.IGNORECASE,
)
_DEMONSTRATIVES = ("this", "these", "those", "such")
_BACK_INSIDE = re.compile(
    r"\b(?:suggested|said|noted|stressed|warned|added|believed|argued|replied|stated)\s+that\s+(?:this|such|it)\b"
    # Generic nouns only: "these negotiations" names its own topic, "these issues" leaves it to the claim before.
    r"|\b(?:this|these|those|such)\s+(?:an?\s+)?(?:area|areas|issue|issues|matter|matters|question|questions|"
    r"challenge|challenges|efforts?|steps?|topics?|field|fields|sphere|subject|problem|problems|threat|threats|"
    r"situation|concerns?|move|measures?|regard)\b",
    re.IGNORECASE,
)
# Carries on the previous claim without naming a new subject: a pronoun subject or a linking word.
_CONTINUATION = re.compile(
    r"^\W*(?:(?:he|she|they|both|also|additionally|moreover|furthermore|in\s+addition|at\s+the\s+same\s+time|"
    r"following|further|он|она|они|также|кроме\s+того|вместе\s+с\s+тем)\b"
    r"|(?:\w+\s+){1,4}(?:also|также)\b)",
    re.IGNORECASE,
)


def _points_back(text: str) -> bool:
    if _BACK_AT_START.match(text):
        return True
    lowered = text.lower()
    return any(d in lowered for d in _DEMONSTRATIVES) and _BACK_INSIDE.search(text) is not None


_Scores = dict[str, tuple[float, int]]
"""Per topic id: the summed weight of distinct signals, and where in the claim the first one starts."""


def tag_document(document: Document, taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Topics for every claim of ``document``, in taxonomy order; see the module docstring for the rules."""
    matcher = _compile(taxonomy)
    order = {topic_id: i for i, topic_id in enumerate(taxonomy.ids)}
    claims = document.claims
    evidence = [matcher.evidence(claim.text) for claim in claims]
    present = {t for own, _ in evidence for t, (score, _) in own.items() if score >= THRESHOLD}
    result: dict[str, tuple[str, ...]] = {}
    previous: _Scores = {}
    for claim, (own, context) in zip(claims, evidence):
        for t, (score, pos) in context.items():
            if t in present:
                base, first = own.get(t, (0.0, pos))
                own[t] = (base + score, min(first, pos))
        kept = {t: v for t, v in own.items() if v[0] >= THRESHOLD}
        if previous and _A_WORD.search(claim.text):
            rest = _CONNECTIVE.sub("", claim.text, count=1)
            if _points_back(rest):
                # What "this" refers to becomes this claim's main point too, so a chain of such claims
                # ("... in this area." "This must be ...") keeps following it.
                top = max((v[0] for v in kept.values()), default=THRESHOLD)
                for t in _main_topics(previous):
                    kept[t] = (max(top, kept.get(t, (0.0, 0))[0]) + 0.01, -1)
            elif not kept and rest != claim.text:
                kept = {t: (THRESHOLD, -1) for t in _main_topics(previous)}
            if not kept and _CONTINUATION.search(claim.text):
                kept = {t: (THRESHOLD, -1) for t in previous}
        result[claim.id] = tuple(sorted(kept, key=order.__getitem__))
        previous = kept
    return result


def score_text(text: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The score of each topic with any evidence in ``text`` on its own (no context signals, no neighbours)."""
    own, _ = _compile(taxonomy).evidence(text)
    return {t: round(score, 3) for t, (score, _) in own.items()}


def _main_topics(scores: _Scores) -> list[str]:
    """The topic with the most evidence; on a tie, the one the claim states first."""
    if not scores:
        return []
    return [min(scores.items(), key=lambda item: (-item[1][0], item[1][1]))[0]]


@dataclass(frozen=True, eq=False)
class _Keyword:
    """A keyword as a sequence of word pieces; ``stems[i]`` lets piece i continue with more letters."""

    topic: int
    weight: float
    context: bool
    pieces: tuple[str, ...]
    stems: tuple[bool, ...]
    cased: bool

    def continues(self, words: list[str], gaps: list[bool], i: int) -> bool:
        """Whether the words from ``i`` on spell this keyword, given that ``words[i]`` matches its first piece
        (what ``_Matcher._starting_at`` checked)."""
        pieces = self.pieces
        if i + len(pieces) > len(words):
            return False
        for j in range(1, len(pieces)):
            if not gaps[i + j - 1]:
                return False
            word, piece = words[i + j], pieces[j]
            if not (word.startswith(piece) if self.stems[j] else word == piece):
                return False
        return True


@dataclass(frozen=True, eq=False)
class _Pattern:
    """A regular expression (a pattern, an exclusion, or a keyword with punctuation), run only on claims that
    contain the literal texts it needs: one of its ``needles`` (what its matches begin with) and one of each
    ``required`` group (what they contain further on). A pattern with neither is run on every claim."""

    topic: int
    weight: float
    context: bool
    source: str
    flags: int
    needles: tuple[str, ...]
    required: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: most patterns of a taxonomy never get past the literal test."""
        return re.compile(self.source, self.flags)

    @cached_property
    def gates(self) -> tuple[tuple[str, ...], ...]:
        """The literal groups to test, the likeliest to be missing (longest shortest text) first."""
        groups = [*self.required, *((self.needles,) if self.needles else ())]
        return tuple(sorted(groups, key=lambda g: -min(len(t) for t in g)))

    def may_match(self, lowered: str) -> bool:
        """False when a literal the pattern needs is missing from the claim: no need to run it."""
        for group in self.gates:
            for text in group:
                if text in lowered:
                    break
            else:
                return False
        return True

    def find(self, text: str, lowered: str) -> int | None:
        """Where the pattern first matches in ``text``; ``may_match`` is expected to have passed."""
        start = 0
        if self.needles and len(lowered) == len(text):
            start = min((at for at in (lowered.find(n) for n in self.needles) if at >= 0), default=0)
        hit = self.regex.search(text, start)
        return hit.start() if hit else None


class _Matcher:
    """A taxonomy compiled for tagging: keywords indexed by their first word, patterns, exclusions."""

    def __init__(self, taxonomy: Taxonomy):
        self.ids = taxonomy.ids
        # Patterns that start a word with a known needle are indexed by its first letters, like stems; the rest
        # are tried on every claim (after their needle test).
        self.patterns_by_prefix: dict[str, list[_Pattern]] = {}
        self.patterns: list[_Pattern] = []
        self.excludes: dict[int, list[_Pattern]] = {}
        # (cased?) -> keywords by their first word: a whole word, or a stem's first _PREFIX letters (all of a
        # shorter stem's). One look-up by the word and one by its first letters find every keyword that may start
        # there; ``_Keyword.matches`` decides.
        self.first: dict[bool, dict[str, list[_Keyword]]] = {False: {}, True: {}}
        self.short_stems: dict[bool, tuple[int, ...]] = {}
        for i, topic in enumerate(taxonomy.topics):
            for signal in topic.signals:
                self._add(i, signal, context=False)
            for signal in topic.context:
                self._add(i, signal, context=True)
            if topic.exclude:
                self.excludes[i] = [_Pattern(i, 0.0, False, p, re.IGNORECASE, _pattern_needles(p),
                                             _required_literals(p)) for p in topic.exclude]
        for cased in (False, True):
            self.short_stems[cased] = tuple(sorted({len(k.pieces[0]) for ks in self.first[cased].values() for k in ks
                                                    if k.stems[0] and len(k.pieces[0]) < _PREFIX}))
        self.has_cased = bool(self.first[True])
        self.starting: dict[bool, dict[str, tuple[tuple[_Keyword, bool], ...]]] = {False: {}, True: {}}

    def _add(self, topic: int, signal: Signal, *, context: bool) -> None:
        text = signal.text
        if signal.kind == "pattern" or not _PLAIN_KEYWORD.fullmatch(text):
            source = text if signal.kind == "pattern" else r"(?<!\w)" + re.escape(text) + r"(?!\w)"
            pattern = _Pattern(topic, signal.weight, context, source, re.IGNORECASE, _pattern_needles(source),
                               _required_literals(source))
            needles = pattern.needles
            if source.startswith((r"\b", r"(?<!\w)")) and needles and all(
                    len(n) >= _PREFIX and n[:_PREFIX].isalnum() for n in needles):
                for key in dict.fromkeys(n[:_PREFIX] for n in needles):
                    self.patterns_by_prefix.setdefault(key, []).append(pattern)
            else:
                self.patterns.append(pattern)
            return
        letters = [ch for ch in text if ch.isalpha()]
        cased = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        words = [w if cased else w.lower() for w in text.split()]
        # A hyphen inside a keyword word may be a hyphen or a space in the text, or nothing at all.
        variants: list[list[tuple[str, bool]]] = [[]]
        for word in words:
            stem = word.endswith("*")
            parts = [p for p in _HYPHEN.split(word.rstrip("*")) if p]
            split = [(p, stem if k == len(parts) - 1 else False) for k, p in enumerate(parts)]
            joined = [("".join(parts), stem)]
            variants = [v + s for v in variants for s in ((split, joined) if len(parts) > 1 else (split,))]
        for variant in variants:
            keyword = _Keyword(topic, signal.weight, context, tuple(p for p, _ in variant),
                               tuple(s for _, s in variant), cased)
            first, stem = variant[0]
            key = first[:_PREFIX] if stem else first
            self.first[cased].setdefault(key, []).append(keyword)

    def _starting_at(self, cased: bool, word: str) -> tuple[tuple[_Keyword, bool], ...]:
        """The keywords whose first piece ``word`` matches, in look-up order (the word, its first letters, then
        shorter stems), each with whether that match is already the whole keyword. Remembered per word: a
        readout's vocabulary is small and repeats, so each distinct word is looked up once."""
        memo = self.starting[cased]
        if len(memo) >= _MEMO_WORDS:
            memo.clear()
        found: list[tuple[_Keyword, bool]] = []
        if not cased or word[:1].isupper():
            first = self.first[cased]
            groups = [first.get(word)]
            if len(word) > _PREFIX:
                groups.append(first.get(word[:_PREFIX]))
            groups.extend(first.get(word[:n]) for n in self.short_stems[cased] if n < len(word))
            for group in groups:
                for keyword in group or ():
                    piece = keyword.pieces[0]
                    if word.startswith(piece) if keyword.stems[0] else word == piece:
                        found.append((keyword, len(keyword.pieces) == 1))
        memo[word] = candidates = tuple(found)
        return candidates

    def evidence(self, text: str) -> tuple[_Scores, _Scores]:
        """(own, context) evidence of each topic in ``text``."""
        # [before, word, gap, word, ..., word, after]: words, the gaps between them and (summing lengths) every
        # word's offsets, each in one pass of C code.
        parts = _WORD_SPLIT.split(text)
        cased_words = parts[1::2]
        ends = list(accumulate(map(len, parts)))
        lowered = text.lower()
        lower_parts = _WORD_SPLIT.split(lowered) if len(lowered) == len(text) else ()
        if len(lower_parts) == len(parts) and list(map(len, lower_parts)) == list(map(len, parts)):
            lower_words = lower_parts[1::2]  # the same slices of the lowered text
        elif len(lowered) == len(text):
            lower_words = [lowered[ends[2 * k]:ends[2 * k + 1]] for k in range(len(cased_words))]
        else:
            lower_words = [w.lower() for w in cased_words]
        words = {True: cased_words, False: lower_words}
        gaps = [g == " " or not g.strip(_GAP_CHARS) for g in parts[2:-1:2]]
        excluded = _Exclusions(self.excludes, text, lowered)
        found: dict[object, int] = {}
        for cased in (False, True) if self.has_cased else (False,):
            memo, ws = self.starting[cased], words[cased]
            for i, word in enumerate(ws):
                candidates = memo.get(word)
                if candidates is None:
                    candidates = self._starting_at(cased, word)
                for keyword, whole in candidates:
                    if keyword not in found and (whole or keyword.continues(ws, gaps, i)):
                        start, end = ends[2 * i], ends[2 * (i + len(keyword.pieces)) - 1]
                        if not excluded.covers(keyword.topic, start, end):
                            found[keyword] = start
        prefixes = {w[:_PREFIX] for w in words[False]}
        indexed = [p for key in prefixes for p in self.patterns_by_prefix.get(key, ())]
        for pattern in dict.fromkeys([*indexed, *self.patterns]):
            if pattern.may_match(excluded.lowered):
                at = pattern.find(*excluded.masked(pattern.topic))
                if at is not None:
                    found[pattern] = at
        own: _Scores = {}
        context: _Scores = {}
        for signal, at in found.items():
            scores = context if signal.context else own
            topic_id = self.ids[signal.topic]
            score, first = scores.get(topic_id, (0.0, at))
            scores[topic_id] = (score + signal.weight, min(first, at))
        return own, context


class _Exclusions:
    """A claim's text as each topic sees it, its ``exclude`` matches blanked out; worked out only for the topics
    that need it."""

    def __init__(self, excludes: dict[int, list[_Pattern]], text: str, lowered: str):
        self.excludes = excludes
        self.text = text
        self.lowered = lowered
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._masked: dict[int, tuple[str, str]] = {}

    def spans(self, topic: int) -> list[tuple[int, int]]:
        if topic not in self._spans:
            self._spans[topic] = [(m.start(), m.end()) for p in self.excludes.get(topic, ())
                                  if p.may_match(self.lowered) for m in p.regex.finditer(self.text)]
        return self._spans[topic]

    def covers(self, topic: int, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans(topic))

    def masked(self, topic: int) -> tuple[str, str]:
        """(text, lowercased text) for ``topic``."""
        if topic not in self._masked:
            spans = self.spans(topic)
            if not spans:
                self._masked[topic] = (self.text, self.lowered)
            else:
                chars = list(self.text)
                for s, e in spans:
                    chars[s:e] = " " * (e - s)
                masked = "".join(chars)
                self._masked[topic] = (masked, masked.lower())
        return self._masked[topic]


_COMPILED: dict[int, tuple[Taxonomy, _Matcher]] = {}


def _compile(taxonomy: Taxonomy) -> _Matcher:
    """Compiled once per taxonomy object; keyed by identity because hashing a taxonomy walks every signal."""
    cached = _COMPILED.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    matcher = _Matcher(taxonomy)
    _COMPILED[id(taxonomy)] = (taxonomy, matcher)
    return matcher


def _pattern_needles(pattern: str) -> tuple[str, ...]:
    """The literal texts a pattern's match must begin with, when its start is plain enough to read them off
    (``\\b(?:spoke|talked)\\s`` -> spoke, talked); none when it is not, and the pattern is always tried."""
    try:
        from re import _parser  # the parser behind re.compile; read only to find needles, never to match

        texts, _ = _literal_prefixes(list(_parser.parse(pattern)))
    except Exception:
        return ()
    if not texts or any(len(t) < 2 for t in texts):
        return ()
    return tuple(sorted(t.lower() for t in texts))


def _literal_prefixes(items: list) -> tuple[set[str], bool]:
    """(prefixes, complete): the literal strings every match of ``items`` starts with, and whether they are the
    whole of ``items`` (so that what follows may extend them)."""
    from re import _constants as c

    out = {""}
    for op, av in items:
        if op is c.AT:
            continue
        if op is c.LITERAL:
            out = {s + chr(av) for s in out}
            continue
        if op is c.SUBPATTERN:
            subs, complete = _literal_prefixes(list(av[3]))
        elif op is c.BRANCH:
            results = [_literal_prefixes(list(alt)) for alt in av[1]]
            subs = set().union(*(r[0] for r in results))
            complete = all(r[1] for r in results)
        else:
            return out, False
        out = {s + x for s in out for x in subs}
        if not complete or len(out) > 64:
            return out, False
    return out, True


def _required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of literal texts (3 letters or more) of which a match must contain one each, read off the pattern's
    top level: "...\\s+(?:relations|ties)" must contain "relations" or "ties". Rarest-looking (longest) first."""
    try:
        from re import _constants as c
        from re import _parser

        items = list(_parser.parse(pattern))
    except Exception:
        return ()
    groups: list[tuple[str, ...]] = []

    def collect(seq: list) -> None:
        run = ""
        for op, av in [*seq, (None, None)]:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if len(run) >= 3:
                groups.append((run.lower(),))
            run = ""
            if op is c.SUBPATTERN:
                collect(list(av[3]))
            elif op is c.BRANCH:
                texts = set().union(*(_literal_prefixes(list(alt))[0] for alt in av[1]))
                if texts and all(len(t) >= 3 for t in texts):
                    groups.append(tuple(sorted(t.lower() for t in texts)))

    try:
        collect(items)
    except Exception:
        return ()
    return tuple(sorted(set(groups), key=lambda g: -min(len(t) for t in g)))

