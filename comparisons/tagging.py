"""Topics per claim, read in context.

- ``tag_document(document, taxonomy) -> dict[claim_id, tuple[topic_id, ...]]``: every claim of one side, with
  its topics in taxonomy order (an empty tuple when nothing fits).
- ``score_text(text, taxonomy) -> dict[topic_id, float]``: a claim's own evidence, for tests and tuning.

How a claim gets its topics:
1. Its own signals: each distinct keyword, hint or pattern of a topic found in the claim adds its weight; a topic
   whose score reaches 1 applies. Keywords match at word starts, ``*`` lets a word end any way (``санкц*``),
   spaces and hyphens in a keyword match each other (``cease-fire`` finds "ceasefire"), and a keyword written in
   capitals (``NATO``, ``SWIFT``) matches only in capitals, so "swift costs" is not the payment network.
2. The readout's own context: ``context`` signals count only when the topic already applies to another claim of
   the same readout ("a lasting peace" is about Ukraine in a readout that names Ukraine).
3. The previous claim: readouts state one point across sentences. A claim that points back ("this would be a
   grave error", "in this area", "In this context, ...") takes the main topic of the claim before it; a claim
   with no topic of its own that continues the previous one ("They also agreed ...") takes all of its topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from comparisons.taxonomy import Signal, Taxonomy, Topic
from readouts.model import Document

__all__ = ["THRESHOLD", "score_text", "tag_document"]

THRESHOLD = 1.0
"""The score a topic needs in a claim: one keyword, or two hints."""

_GAP = r"[\s\-‐‑–—]"
# A linking phrase that opens a claim and refers to what came before ("In this context, ..."): the claim follows on
# from the previous one, but its own subject may be new, so it borrows a topic only when it has none of its own.
_CONNECTIVE = re.compile(
    r"^\W*(?:in\s+this\s+(?:context|regard|connection|respect)|in\s+that\s+(?:context|regard|respect)|"
    r"to\s+(?:that|this)\s+end|against\s+this\s+background|given\s+this|on\s+this\s+basis|"
    r"following\s+(?:this|that|these|those)(?:\s+\w+)?|"
    r"в\s+этой\s+связи|в\s+этом\s+контексте|в\s+данном\s+контексте|при\s+этом)\b\W*",
    re.IGNORECASE,
)
# Points back at the previous claim as its subject or object: "This would be...", "he said that this...",
# "challenges in this area", "these issues". What "this" refers to is the previous claim's main topic.
_BACK_REFERENCE = re.compile(
    r"^\W*(?:this|that|these|those|such)\b"
    r"|\b(?:suggested|said|noted|stressed|warned|added|believed|argued|replied|stated)\s+that\s+(?:this|such|it)\b"
    r"|\b(?:this|these|those|such)\s+(?:an?\s+)?(?:area|areas|issue|issues|matter|matters|question|questions|"
    r"challenge|challenges|dialogue|dialogues|discussions?|contacts|talks|negotiations|efforts?|steps?|topics?|"
    r"field|fields|sphere|track|tracks|subject|problem|problems|threat|threats|situation|concerns?|move|measures?)\b"
    r"|^\W*(?:это|эти|этот|эта|такие|такой)\b",
    re.IGNORECASE,
)
# Carries on the previous claim without naming a new subject: a pronoun subject or a linking word.
_CONTINUATION = re.compile(
    r"^\W*(?:he|she|they|both|also|additionally|moreover|furthermore|in\s+addition|at\s+the\s+same\s+time|"
    r"following|further|он|она|они|также|кроме\s+того|вместе\s+с\s+тем)\b"
    r"|^\W*(?:\w+\s+){1,4}(?:also|также)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, eq=False)
class _Compiled:
    """One signal ready to search. ``needles``: texts one of which must occur (lowercased) for the signal to
    match at all, so most signals are skipped by a substring test instead of a regular expression."""

    topic: int
    source: str
    flags: int
    weight: float
    needles: tuple[str, ...] = ()
    on_lowered: bool = False
    """Search the lowercased text: a keyword then compiles to a plain literal, which ``re`` finds fast."""

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: most signals of a large taxonomy never get past the needle test."""
        return re.compile(self.source, self.flags)

    def find(self, text: str, lowered: str) -> int | None:
        """Where the signal first matches: keywords only at the start of a word, patterns anywhere."""
        if not self.on_lowered:
            if not self.needles or len(lowered) != len(text):
                hit = self.regex.search(text)
                return hit.start() if hit else None
            # A pattern's match begins with one of its needles: try it only where a needle occurs.
            first = None
            for needle in self.needles:
                at = lowered.find(needle)
                while at >= 0 and (first is None or at < first):
                    if self.regex.match(text, at):
                        first = at
                        break
                    at = lowered.find(needle, at + 1)
            return first
        for hit in self.regex.finditer(lowered):
            at = hit.start()
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
                return at
        return None


@dataclass(frozen=True)
class _SignalSet:
    """Keyword signals indexed by the first letters of the word they start with; the rest (patterns) by needle."""

    by_prefix: dict[str, tuple[_Compiled, ...]]
    others: tuple[_Compiled, ...]

    def candidates(self, lowered: str, prefixes: set[str], allowed: frozenset[int] | None) -> list[_Compiled]:
        found = list(dict.fromkeys(s for key in prefixes for s in self.by_prefix.get(key, ())))
        found += [s for s in self.others if not s.needles or any(n in lowered for n in s.needles)]
        if allowed is not None:
            found = [s for s in found if s.topic in allowed]
        return found


@dataclass(frozen=True)
class _Matcher:
    ids: tuple[str, ...]
    excludes: tuple[re.Pattern[str] | None, ...]
    signals: _SignalSet
    context: _SignalSet


_PREFIX = 3
_WORD = re.compile(r"\w+")
_A_WORD = re.compile(r"[^\W\d_]{3}")


def tag_document(document: Document, taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Topics for every claim of ``document``, in taxonomy order; see the module docstring for the rules."""
    matcher = _compile(taxonomy)
    order = {topic_id: i for i, topic_id in enumerate(taxonomy.ids)}
    claims = document.claims
    own = [_evidence(claim.text, matcher, context=False) for claim in claims]
    present = {t for scores in own for t, (score, _) in scores.items() if score >= THRESHOLD}
    if present:
        allowed = frozenset(order[t] for t in present)
        for scores, claim in zip(own, claims):
            extra = _evidence(claim.text, matcher, context=True, allowed=allowed)
            for t, (score, pos) in extra.items():
                base, first = scores.get(t, (0.0, pos))
                scores[t] = (base + score, min(first, pos))

    result: dict[str, tuple[str, ...]] = {}
    previous: dict[str, tuple[float, int]] = {}
    for claim, scores in zip(claims, own):
        kept = {t: v for t, v in scores.items() if v[0] >= THRESHOLD}
        if previous and _has_words(claim.text):
            rest = _CONNECTIVE.sub("", claim.text, count=1)
            if _BACK_REFERENCE.search(rest):
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
    return {t: round(score, 3) for t, (score, _) in _evidence(text, _compile(taxonomy), context=False).items()}


def _main_topics(scores: dict[str, tuple[float, int]]) -> list[str]:
    """The topic with the most evidence; on a tie, the one the claim states first."""
    if not scores:
        return []
    best = min(scores.items(), key=lambda item: (-item[1][0], item[1][1]))
    return [best[0]]


def _has_words(text: str) -> bool:
    """A numbered-list marker ("2.") is not a point that could continue anything."""
    return _A_WORD.search(text) is not None


def _evidence(text: str, matcher: _Matcher, *, context: bool,
              allowed: frozenset[int] | None = None) -> dict[str, tuple[float, int]]:
    """Per topic: the summed weight of distinct signals found, and where the first one starts."""
    lowered = text.lower()
    prefixes = {w[:_PREFIX] for w in _WORD.findall(lowered)}
    by_topic: dict[int, list[_Compiled]] = {}
    for signal in (matcher.context if context else matcher.signals).candidates(lowered, prefixes, allowed):
        by_topic.setdefault(signal.topic, []).append(signal)
    found: dict[str, tuple[float, int]] = {}
    for topic, signals in by_topic.items():
        subject = text
        exclude = matcher.excludes[topic]
        if exclude is not None:
            subject = exclude.sub(lambda m: " " * len(m.group()), text)
        subject_lower = lowered if subject is text else subject.lower()
        score, first = 0.0, len(text)
        for signal in signals:
            at = signal.find(subject, subject_lower)
            if at is not None:
                score += signal.weight
                first = min(first, at)
        if score:
            found[matcher.ids[topic]] = (score, first)
    return found


_COMPILED: dict[int, tuple[Taxonomy, _Matcher]] = {}


def _compile(taxonomy: Taxonomy) -> _Matcher:
    """Compiled once per taxonomy object; keyed by identity because hashing a taxonomy walks every signal."""
    cached = _COMPILED.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    matcher = _build(taxonomy)
    _COMPILED[id(taxonomy)] = (taxonomy, matcher)
    return matcher


def _build(taxonomy: Taxonomy) -> _Matcher:
    signals = [(i, s) for i, topic in enumerate(taxonomy.topics) for s in topic.signals]
    context = [(i, s) for i, topic in enumerate(taxonomy.topics) for s in topic.context]
    excludes = tuple(
        re.compile("|".join(f"(?:{p})" for p in topic.exclude), re.IGNORECASE) if topic.exclude else None
        for topic in taxonomy.topics
    )
    return _Matcher(taxonomy.ids, excludes, _signal_set(signals), _signal_set(context))


def _signal_set(signals: list[tuple[int, Signal]]) -> _SignalSet:
    by_prefix: dict[str, list[_Compiled]] = {}
    others: list[_Compiled] = []
    for topic, signal in signals:
        compiled = _compile_signal(topic, signal)
        # A keyword's needle starts a word; so does a pattern's when the pattern starts with \b.
        at_word_start = signal.kind == "keyword" or signal.text.startswith("\\b")
        needles = compiled.needles
        if at_word_start and needles and all(len(n) >= _PREFIX and n[0].isalnum() for n in needles):
            for key in dict.fromkeys(n[:_PREFIX] for n in needles):
                by_prefix.setdefault(key, []).append(compiled)
        else:
            others.append(compiled)
    return _SignalSet({k: tuple(v) for k, v in by_prefix.items()}, tuple(others))


def _compile_signal(topic: int, signal: Signal) -> _Compiled:
    if signal.kind == "pattern":
        return _Compiled(topic, signal.text, re.IGNORECASE, signal.weight, _pattern_needles(signal.text))
    term = signal.text
    words = term.split()
    letters = [ch for ch in term if ch.isalpha()]
    case_sensitive = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    parts = []
    for word in words:
        # A hyphen inside a keyword may be written as a hyphen, a space or nothing ("de-escalation", "deescalation").
        pieces = [re.escape(p if case_sensitive else p.lower()) for p in re.split(r"[\-‐‑–]", word.rstrip("*"))]
        parts.append(f"{_GAP}?".join(pieces) + (r"\w*" if word.endswith("*") else ""))
    body = f"{_GAP}+".join(parts) + ("" if words[-1].endswith("*") else r"(?!\w)")
    # The keyword's first run of letters starts a word of any text it matches.
    lead = _WORD.match(words[0])
    needles = (lead.group().lower(),) if lead else ()
    if case_sensitive:
        return _Compiled(topic, r"(?<!\w)" + body, 0, signal.weight, needles)
    # Lowercase text and a plain literal: ``re`` finds it as fast as str.find; the word start is checked after.
    return _Compiled(topic, body, 0, signal.weight, needles, on_lowered=True)


def _pattern_needles(pattern: str) -> tuple[str, ...]:
    """The literal texts a pattern's match must begin with, when its start is plain enough to read them off
    (``\\b(?:spoke|talked)\\s`` -> spoke, talked); none when it is not, and the pattern is always tried."""
    try:
        from re import _parser  # the parser behind re.compile; only read, never relied on for matching

        texts, _ = _literal_prefixes(list(_parser.parse(pattern)))
    except Exception:
        return ()
    if not texts or any(len(t) < 2 for t in texts):
        return ()
    return tuple(sorted(t.lower() for t in texts))


def _literal_prefixes(items: list) -> tuple[set[str], bool]:
    """(prefixes, complete): the set of literal strings every match starts with, and whether they are the whole
    of ``items`` (so that what follows may extend them)."""
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
