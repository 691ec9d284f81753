"""The sides' contrasting words for one thing ("war" / "special military operation"), found in what they link.

- ``contrasting_terms(comparison, rows, labels, langs) -> tuple[TermContrast, ...]``, most frequent first.

Two sources, both confined to links (the two sides report the same point there, so different words are words for
the same thing):
- **Word diffs**: where two sides' wordings run alike and then differ for a few words ("the talks in *Geneva*" /
  "the talks in *Vienna*" is a conflict, not a term, and is left to the conflicts: a swap holding a word of one of
  the link's conflict values is never a term; "*the war in* Ukraine" /
  "*the special military operation in* Ukraine" is a term). Short swaps only (``MAX_WORDS``), with letters, no
  digits (numbers and dates are conflicts' business), not just a stop word, within one clause, and made of words:
  a swap holding markup-like signs ("[bold]measures[/bold]", "<b>talks</b>", a URL) is a readout's typing, not a term.
- **The concept lexicon** of the matching engine, which lists the phrases readouts use for one meaning: when two
  linked claims share a concept in different words, and neither side uses the other's words anywhere in its
  readout, those are its contrasting terms. Only concepts marked ``terms: true`` (one thing in other words: "war" /
  "special military operation"); the others gather related notions ("status quo" / "independence") and the
  styles of saying that a call took place. Only between sides written in one language: across languages every
  word differs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Mapping, Sequence

from comparisons.model import Comparison, Link, Span
from comparisons.reports.view_values import RowView, TermContrast

__all__ = ["MAX_TERMS", "MAX_WORDS", "contrasting_terms"]

MAX_WORDS = 3
"""A swap of more words than this on either side is a rewording, not a term."""
MAX_TERMS = 6
"""The report lists at most this many contrasts, most frequent first."""

_STOP = frozenset("""a an and as at by for from in into of on or that the their this those to with its it his her
was were is are be been has had have will would also both about over some more than little nearly almost
around""".split())
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NOT_WORDING = re.compile(r"[\[\]<>{}=/\\|*_#@^~`$%&+]")
"""Signs no wording of a point is made of, but markup and addresses are: a swap holding one is not a term."""
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
"""A swap running across a clause break ("New Delhi, which" / "later this year") rewords the sentence: not a term."""


def _clean(text: str) -> str:
    """A swapped stretch without the punctuation and stop words at its edges: "and American delegations" is
    the term "American delegations"."""
    words = text.strip(" ,.;:()\"“”‘’'—–-").split()
    while words and words[0].lower() in _STOP:
        words.pop(0)
    while words and words[-1].lower() in _STOP:
        words.pop()
    return " ".join(words).strip(" ,.;:()\"“”‘’'—–-")


def _content(text: str) -> tuple[str, ...]:
    return tuple(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP)


def _swaps(diff: Sequence[Span]) -> list[tuple[str, str]]:
    """(deleted, inserted) for each stretch of changes with shared words on both sides of it: a swap at a
    sentence's start or end is more often a rewording ("He reaffirmed" / "During the talks") than a term."""
    out, deleted, inserted = [], [], []
    before = False
    for span in (*diff, Span("equal", "")):
        if span.op == "delete":
            deleted.append(span.text)
        elif span.op == "insert":
            inserted.append(span.text)
        else:
            if deleted and inserted and before and _content(span.text):
                out.append((_clean("".join(deleted)), _clean("".join(inserted))))
            deleted, inserted = [], []
            before = bool(_content(span.text))
    return out


def _stems(terms: set[str] | tuple[str, ...]) -> set[str]:
    from comparisons.words.stems import stem

    return {stem(re.sub(r"[-'’]", "", w)) for term in terms for w in _content(term)}


def _distinct(a: set[str] | tuple[str, ...], b: set[str] | tuple[str, ...]) -> bool:
    """No word of one side's terms is a form of a word of the other's: "negotiations" / "negotiation",
    "peace" / "peaceful" and "deescalation" / "de-escalation" are grammar and spelling, not different terms."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    return not any(_family(x, y) for x in sa for y in sb)


def _family(x: str, y: str) -> bool:
    """One word family: one stem opens the other, or they share their first four letters ("invade" / "invasion")."""
    return x.startswith(y) or y.startswith(x) or (len(x) >= 4 and len(y) >= 4 and x[:4] == y[:4])


def _is_term_swap(a: str, b: str) -> bool:
    if not a or not b or len(a.split()) > MAX_WORDS or len(b.split()) > MAX_WORDS:
        return False
    if any(ch.isdigit() for ch in a + b) or _NOT_WORDING.search(a + b) or _CLAUSE_BREAK.search(a + b):
        return False
    return _distinct((a,), (b,))


def _original(term: str, text: str) -> str:
    """The lexicon matches normalised text; give back the words as the readout writes them, when found."""
    words = term.split()
    pattern = r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"\w*"
    match = re.search(pattern, text, re.IGNORECASE)
    # "hold talks</b> in" joins two words across a tag: the lexicon's own words then read better.
    return match.group() if match and not _NOT_WORDING.search(match.group()) else term


def _concept_terms(text: str) -> dict[str, set[str]]:
    from comparisons.matching.concepts import concept_lexicon, normalise

    flat = normalise(text)
    found: dict[str, set[str]] = {}
    lexicon = concept_lexicon()
    for concept, start, end in lexicon.matches(flat):
        if concept in lexicon.terms:  # one thing in other words, not a family of related notions
            found.setdefault(concept, set()).add(flat[start:end].strip())
    return found


def _conflict_words(link: Link) -> defaultdict[str, set[str]]:
    """Per side, the words of the link's conflict values ("Tallinn" against "Riga"): a swap of those is the two
    sides disagreeing on a detail, which the conflicts report, never two words for one thing."""
    words: defaultdict[str, set[str]] = defaultdict(set)
    for conflict in link.conflicts:
        for side, value in conflict.values.items():
            words[side].update(_content(value))
    return words


def contrasting_terms(comparison: Comparison, rows: Sequence[RowView], labels: Mapping[str, str],
                      langs: Mapping[str, str]) -> tuple[TermContrast, ...]:
    keys = comparison.side_keys
    links = {link.id: link for link in comparison.links}
    by_side_text = {d.key: d.text for d in comparison.documents}
    lowered = {k: t.lower() for k, t in by_side_text.items()}
    found: dict[tuple, list[tuple[str, str]]] = {}

    def add(a_side: str, a_terms: set[str], b_side: str, b_terms: set[str], row: RowView) -> None:
        key = ((a_side, tuple(sorted(t.lower() for t in a_terms))), (b_side, tuple(sorted(t.lower() for t in b_terms))))
        refs = found.setdefault(tuple(sorted(key)), [])
        if (row.ref, f"#{row.anchor}") not in refs:
            refs.append((row.ref, f"#{row.anchor}"))
        shown.setdefault(tuple(sorted(key)), (a_side, sorted(a_terms), b_side, sorted(b_terms)))

    shown: dict[tuple, tuple[str, list[str], str, list[str]]] = {}
    readout_terms: dict[str, dict[str, set[str]]] = {}

    def whole(side: str) -> dict[str, set[str]]:
        """A side's concept terms over its whole readout, found once per side."""
        if side not in readout_terms:
            readout_terms[side] = _concept_terms(by_side_text[side])
        return readout_terms[side]

    for row in rows:
        link = links[row.ref]
        marked = [c for c in row.cells if c.mark]
        if len(marked) == 2 and not row.little_shared:
            first, second = (c.side for c in marked)
            disputed = _conflict_words(link)
            for a, b in _swaps(link.diff):
                # A swap is a term only if each side never writes the other's words: "measures" against
                # "sanctions" by a side that says "sanctions" elsewhere is style, not a contrasting term.
                if _is_term_swap(a, b) and b.lower() not in lowered[first] and a.lower() not in lowered[second] \
                        and disputed[first].isdisjoint(_content(a)) and disputed[second].isdisjoint(_content(b)):
                    add(first, {a}, second, {b}, row)
        texts = {k: " ".join(comparison.claim(c).text for c in link.claims if c.rpartition(":")[0] == k)
                 for k in keys}
        present = [k for k in keys if texts[k]]
        for i, a_side in enumerate(present):
            for b_side in present[i + 1:]:
                if langs.get(a_side) != langs.get(b_side):
                    continue
                a_found, b_found = _concept_terms(texts[a_side]), _concept_terms(texts[b_side])
                for concept in sorted(set(a_found) & set(b_found)):
                    a_terms, b_terms = a_found[concept], b_found[concept]
                    a_all, b_all = (whole(k).get(concept, set()) for k in (a_side, b_side))
                    # Two words at most a side: a longer list is a broad concept matched many ways, not a term.
                    if a_all & b_all or len(a_terms) > 2 or len(b_terms) > 2 or not _distinct(a_terms, b_terms):
                        continue
                    add(a_side, {_original(t, texts[a_side]) for t in a_terms}, b_side,
                        {_original(t, texts[b_side]) for t in b_terms}, row)
    order = {row.ref: i for i, row in enumerate(rows)}
    ranked = sorted(found, key=lambda k: (-len(found[k]), order[found[k][0][0]], k))
    out = []
    for key in ranked[:MAX_TERMS]:
        a_side, a_shown, b_side, b_shown = shown[key]
        if keys.index(a_side) > keys.index(b_side):
            a_side, a_shown, b_side, b_shown = b_side, b_shown, a_side, a_shown
        out.append(TermContrast(((labels[a_side], langs.get(a_side, ""), tuple(a_shown)),
                                 (labels[b_side], langs.get(b_side, ""), tuple(b_shown))), tuple(found[key])))
    return tuple(out)
