"""What a reader came for, before the detail: the key differences between the readouts of one pair.

- ``key_differences(comparison, rows, claims, labels, langs) -> KeyDifferences``:
  - ``lede``: a sentence per side on what it stressed (the topic it says most about), what it put first, and what
    it alone reports;
  - ``conflicts``: each conflict with each side's own words, the value marked where the side writes it;
  - ``omissions``: per side, what only that side reports, weightiest first (see ``omission_weight``): points on
    a topic the other side never mentions, then longer and earlier ones;
  - ``lopsided``: links where one side says much more than another (``LOPSIDED_RATIO``, ``LOPSIDED_CHARS``);
  - ``terms``: the sides' contrasting words for one thing (``comparisons.reports.terms``).

Every sentence here is built from counts and labels the rest of the report shows, so it can be checked against
the rows below it; nothing is guessed about intent.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from comparisons.model import Comparison
from comparisons.reports.languages import language_caveat
from comparisons.reports.terms import contrasting_terms
from comparisons.reports.view_values import (
    ClaimView,
    ConflictView,
    ConflictWords,
    KeyDifferences,
    Lopsided,
    OmissionGroup,
    Piece,
    RankedOmission,
    RowView,
)
from readouts.textshape import one_line

__all__ = ["LOPSIDED_CHARS", "LOPSIDED_RATIO", "key_differences", "omission_weight"]

LOPSIDED_RATIO = 3.0
"""A link is lopsided when one side's words are at least this many times as long as another's ..."""
LOPSIDED_CHARS = 250
"""... and longer by at least this many characters (two short sentences of unequal length are not news)."""

CALL_TOPIC = "leader-contacts"
"""The topic of the call itself: nearly every readout opens with it, so "opens with" looks past it."""


def _series(names: Sequence[str]) -> str:
    """"A", "A and B", "A; B and C": semicolons, as a label may hold a comma ("NATO, allies and partners")."""
    return names[0] if len(names) == 1 else "; ".join(names[:-1]) + " and " + names[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def omission_weight(claim: ClaimView, untouched: bool, claims_on_side: int) -> tuple[int, float]:
    """How much an omission matters to a reader, as a sort key (larger first): first whether it is on a topic no
    other side mentions at all (a whole subject left out, not a detail), then its length in words, counted up to
    half as much again the earlier its side puts it (readouts lead with what their government wants said)."""
    words = len(claim.text.split())
    early = 1.5 - claim.index / max(claims_on_side, 1) * 0.5
    return (1 if untouched else 0), words * early


def _ranked_omissions(comparison: Comparison, claims: Mapping[str, ClaimView],
                      labels: Mapping[str, str]) -> tuple[OmissionGroup, ...]:
    keys = comparison.side_keys
    topic_labels = {t.id: one_line(t.label) for t in comparison.topics}
    counts = {t.id: t.claims for t in comparison.topics}
    groups = []
    for document in comparison.documents:
        side = document.key
        others = [k for k in keys if k != side]
        silent = "no other side" if len(others) > 1 else labels[others[0]] if others else ""
        items = []
        for omission in (o for o in comparison.omissions if o.side == side):
            claim = claims[omission.claim]
            untouched = [t for t in omission.topics if others and not any(counts.get(t, {}).get(k) for k in others)]
            why = (f"on {_series([topic_labels.get(t, t) for t in untouched])}, which {silent} never mentions"
                   if untouched else "")
            first, weight = omission_weight(claim, bool(untouched), len(document.claims))
            items.append((-first, -weight, claim.index, RankedOmission(
                claim, tuple(topic_labels.get(t, t) for t in omission.topics), why)))
        ranked = sorted(items, key=lambda i: i[:3])
        groups.append(OmissionGroup(side, labels[side], tuple(item for *_, item in ranked)))
    return tuple(groups)


def _marked(text: str, value: str) -> tuple[Piece, ...]:
    """``text`` with each part of ``value`` ("January 10, January 12") marked where it occurs (case aside)."""
    # A stance's value is the side's own words, cut with "…" when long; spacing may differ from the text's.
    parts = [p.strip(" …") for p in re.split(r",\s+|;\s+", value) if p.strip(" …")]
    if not parts:
        return (Piece(text, False),)
    pattern = re.compile("|".join(r"\s*".join(map(re.escape, p.split()))
                                  for p in sorted(set(parts), key=len, reverse=True)), re.IGNORECASE)
    pieces, pos = [], 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            pieces.append(Piece(text[pos:match.start()], False))
        pieces.append(Piece(match.group(), True))
        pos = match.end()
    if pos < len(text):
        pieces.append(Piece(text[pos:], False))
    return tuple(pieces)


def _conflicts(comparison: Comparison, rows: Sequence[RowView],
               labels: Mapping[str, str], langs: Mapping[str, str]) -> tuple[tuple[RowView, ConflictView], ...]:
    links = {link.id: link for link in comparison.links}
    keys = comparison.side_keys
    out = []
    for row in rows:
        link = links[row.ref]
        texts = {k: " ".join(comparison.claim(cid).text for cid in link.claims if cid.rpartition(":")[0] == k)
                 for k in keys}
        for view, conflict in zip(row.conflicts, link.conflicts, strict=False):
            if not conflict.values:  # marked by a reviewer: their note says what, no side states a value
                out.append((row, view))
                continue
            sides = [k for k in [*keys, *sorted(set(conflict.values) - set(keys))] if k in conflict.values]
            words = tuple(ConflictWords(labels.get(k, k), langs.get(k, ""), _marked(texts.get(k, ""),
                                                                                   conflict.values[k]))
                          for k in sides)
            out.append((row, ConflictView(view.kind, view.values, words)))
    return tuple(out)


QUOTE_CHARS = 300
"""How much of the longer side a lopsided link quotes among the key differences."""


def _opening(text: str) -> str:
    """The first ``QUOTE_CHARS`` characters or so, cut at a word, with "…" when anything is left out."""
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text.rfind(" ", 0, QUOTE_CHARS)
    return text[:cut if cut > QUOTE_CHARS // 2 else QUOTE_CHARS].rstrip(" ,;:") + " …"


def _lopsided(rows: Sequence[RowView]) -> tuple[Lopsided, ...]:
    found = []
    for row in rows:
        present = [c for c in row.cells if not c.missing]
        if len(present) < 2:
            continue
        longer = max(present, key=lambda c: len(c.text))
        shorter = min(present, key=lambda c: len(c.text))
        long_n, short_n = len(longer.text), len(shorter.text)
        if long_n >= LOPSIDED_RATIO * short_n and long_n - short_n >= LOPSIDED_CHARS:
            quotes = tuple((c.label, c.lang, _opening(c.text) if c is longer else c.text)
                           for c in row.cells if c is longer or c is shorter)
            found.append((-long_n / max(short_n, 1), row.ref, Lopsided(
                row.ref, f"#{row.anchor}", longer.label, long_n, shorter.label, short_n, quotes)))
    return tuple(item for *_, item in sorted(found, key=lambda f: f[:2]))


def _lede(comparison: Comparison, groups: Sequence[OmissionGroup], labels: Mapping[str, str]) -> tuple[str, ...]:
    order = {t.id: i for i, t in enumerate(comparison.topics)}
    topic_labels = {t.id: one_line(t.label) for t in comparison.topics}
    counts = {t.id: t.claims for t in comparison.topics}
    keys = comparison.side_keys
    alone = {g.side: len(g.items) for g in groups}

    def name(topic: str) -> str:
        return topic_labels.get(topic, topic)

    sentences = []
    for document in comparison.documents:
        side = document.key
        label = labels[side]
        n = len(document.claims)
        if not n:
            sentences.append(f"{label} makes no claim.")
            continue
        per_topic = {t.id: t.claims.get(side, 0) for t in comparison.topics if t.claims.get(side, 0)}
        opening = next((t for c in document.claims for t in comparison.topics_of(c.id) if t != CALL_TOPIC), None)
        top = min(per_topic, key=lambda t: (-per_topic[t], order.get(t, len(order)))) if per_topic else None
        share = ("its only claim" if n == 1 else f"all {n} of its claims" if top and per_topic[top] == n
                 else f"{per_topic[top]} of its {n} claims" if top else "")
        if top is None:
            sentence = f"{label} makes {_plural(n, 'claim')}, none on a known topic."
        elif opening is None or opening == top:
            sentence = f"{label} leads with {name(top)}, its main topic ({share})."
        else:
            sentence = f"{label} leads with {name(opening)} and says most about {name(top)} ({share})."
        others = [k for k in keys if k != side]
        only = [t for t in per_topic if others and not any(counts[t].get(k) for k in others)]
        count = alone.get(side, 0)
        if count:
            tail = f" {_plural(count, 'point')} {'is' if count == 1 else 'are'} in no other readout"
            if only:
                tail += f"; only it mentions {_series([name(t) for t in only[:3]])}"
            sentence += tail + "."
        elif len(keys) > 1:
            sentence += " Every point it makes is in another readout too."
        sentences.append(sentence)
    return tuple(sentences)


def key_differences(comparison: Comparison, rows: Sequence[RowView], claims: Mapping[str, ClaimView],
                    labels: Mapping[str, str], langs: Mapping[str, str]) -> KeyDifferences:
    groups = _ranked_omissions(comparison, claims, labels)
    return KeyDifferences(
        lede=_lede(comparison, groups, labels),
        conflicts=_conflicts(comparison, [r for r in rows if r.conflicts], labels, langs),
        omissions=groups,
        lopsided=_lopsided(rows),
        terms=contrasting_terms(comparison, rows, labels, langs),
        caveat=language_caveat(comparison),
    )
