"""What the library screen lists: one ``Listing`` per pair folder, and the figures a comparison adds to it.

- ``Listing``: a pair's id, its ``Pair`` (metadata) or the problem that keeps it from loading.
- ``listings(library)``: every pair, newest first, broken ones last (SPEC §9: a broken pair never hides the rest).
- ``Figures``: counts of claims, links, omissions and conflicts, the core-topic coverage glance and which sides
  mention each core topic.
- ``figures_of(comparison)``: those figures, read off a ``Comparison`` (the UI computes nothing itself).
- ``matches(listing, text)``: the filter-as-you-type rule.
- ``told_apart(events, width)``: each event cut to ``width``, two that would read the same showing what differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal

from comparisons.model import Comparison
from readouts.model import Pair
from readouts.textshape import one_line

__all__ = ["CORE_TOPICS", "Coverage", "Figures", "Listing", "figures_of", "listings", "matches", "told_apart"]

CORE_TOPICS: tuple[str, ...] = (
    "sanctions",
    "de-escalation",
    "talks",
    "security-guarantees",
    "nato",
    "ukraine",
    "arms-control",
    "leader-contacts",
)
"""The topics the library's glance column shows, in this order (SPEC §5's first and most contested ones)."""

Coverage = Literal["both", "one", "none", "conflict", "absent"]
"""Per core topic: every side / some sides mention it, nobody does, its links conflict, not in the taxonomy."""


@dataclass(frozen=True)
class Listing:
    id: str
    pair: Pair | None = None
    problem: str | None = None

    @property
    def broken(self) -> bool:
        return self.pair is None

    @property
    def short_problem(self) -> str:
        """The problem, the path up to the pair's folder cut ("pair.yaml: field 'date': ..."): the folder is the row's
        id already, and at 80 columns "/home/me/.local/share/dualread/..." was all the row and preview showed."""
        problem = self.problem or ""
        head, colon, rest = problem.partition(": ")
        for separator in ("/", "\\"):
            marker = f"{separator}{self.id}{separator}"
            if colon and marker in head:
                return problem[head.rindex(marker) + len(marker):]
            if colon and head.endswith(f"{separator}{self.id}"):
                return rest  # the folder itself: "refused: a link out of the library (to ...)"
        return problem

    @property
    def date(self) -> str:
        return self.pair.date.isoformat() if self.pair else ""

    @property
    def event(self) -> str:
        return self.pair.event if self.pair else ""

    @property
    def sample(self) -> bool:
        return bool(self.pair and self.pair.sample)

    @property
    def side_keys(self) -> tuple[str, ...]:
        return self.pair.side_keys if self.pair else ()


@dataclass(frozen=True)
class Figures:
    claims: int
    links: int
    omissions: int
    conflicts: int
    coverage: tuple[Coverage, ...]
    one_sided: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Topics only some sides mention: (topic label, the side keys that do)."""
    covered_by: tuple[tuple[str, ...], ...] = ()
    """Per core topic (in ``coverage``'s order): the keys of the sides that mention it, so the preview can say
    which side a one-sided topic is on."""
    topics: frozenset[str] = frozenset()
    """The ids of every topic some side raises: what the library's topic filter matches."""


def _as_listing(entry: Any) -> Listing:
    """One library entry, whatever its exact shape: a ``Pair``, or an object naming an id, pair and problem."""
    if isinstance(entry, Listing):
        return entry
    if isinstance(entry, Pair):
        return Listing(entry.id, entry)
    pair = getattr(entry, "pair", None)
    problem = None
    for name in ("problem", "error"):
        value = getattr(entry, name, None)
        if value:
            problem = str(value)
            break
    pair_id = getattr(entry, "id", None) or (pair.id if pair is not None else None)
    if not pair_id:
        path = getattr(entry, "path", None) or getattr(entry, "folder", None)
        pair_id = Path(path).name if path else "?"
    if pair is None and problem is None:
        problem = "could not be read"
    return Listing(str(pair_id), pair if problem is None else None, problem)


def listings(library: Any) -> list[Listing]:
    """Every pair of ``library``: newest first, then by id; broken pairs after the rest, by id."""
    items = [_as_listing(entry) for entry in library.entries()]
    good = sorted((i for i in items if not i.broken), key=lambda i: i.id)
    good.sort(key=lambda i: i.date, reverse=True)
    broken = sorted((i for i in items if i.broken), key=lambda i: i.id)
    return good + broken


def matches(listing: Listing, text: str) -> bool:
    """Every word of ``text`` appears (case-insensitively) in the pair's id, date, event, sides or problem."""
    haystack = " ".join(
        [listing.id, listing.date, listing.event, " ".join(listing.side_keys), listing.problem or ""]
        + list(_publishers(listing.pair))
        + (["sample"] if listing.sample else [])
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


def _publishers(pair: Any) -> tuple[str, ...]:
    """The publishers of a pair's sides: a catalog's listing names them without reading its sides."""
    if pair is None:
        return ()
    named = getattr(pair, "publishers", None)
    return tuple(named) if named is not None else tuple(side.publisher for side in pair.sides)


def figures_of(comparison: Comparison, core: Iterable[str] = CORE_TOPICS) -> Figures:
    in_conflict = {t for link in comparison.links if link.conflicts for t in link.topics}
    summaries = {t.id: t for t in comparison.topics}
    coverage: list[Coverage] = []
    covered_by: list[tuple[str, ...]] = []
    for topic in core:
        summary = summaries.get(topic)
        covered_by.append(tuple(k for k, n in summary.claims.items() if n) if summary else ())
        if summary is None:
            coverage.append("absent")
        elif topic in in_conflict:
            coverage.append("conflict")
        else:
            coverage.append(summary.presence())
    one_sided = tuple(
        (t.label, tuple(k for k, n in t.claims.items() if n)) for t in comparison.topics if t.presence() == "one"
    )
    return Figures(
        claims=sum(len(d.claims) for d in comparison.documents),
        links=len(comparison.links),
        omissions=len(comparison.omissions),
        conflicts=sum(1 for link in comparison.links if link.conflicts),  # links, as `show` counts them
        coverage=tuple(coverage),
        one_sided=one_sided,
        covered_by=tuple(covered_by),
        topics=frozenset(t.id for t in comparison.topics if any(t.claims.values())),
    )


def told_apart(events: list[str], width: int) -> list[str]:
    """Each event in at most ``width`` cells; events that differ but would be cut to the same text (two pairs
    "Biden–Putin telephone call …" at 80 columns) keep their first word and then show what follows the words they
    share: "Biden–Putin … on 12 February", "Biden–Putin … before the January talks".

    Worked out once per distinct event and compared only within a group cut alike: a library of 10,000 pairs
    holds few distinct events per group, and comparing every event with every other took 13 s there."""
    plain = [one_line(e) for e in events]
    groups: dict[str, list[str]] = {}
    cut: dict[str, str] = {}
    for event in dict.fromkeys(plain):
        cut[event] = _cut(event, width)
        groups.setdefault(cut[event], []).append(event)
    shown = dict(cut)
    for group in groups.values():
        if len(group) < 2:
            continue
        for event in group:
            words = event.split()
            shared = max(_common(words, other.split()) for other in group if other != event)
            if 1 < shared < len(words):
                shown[event] = _cut(f"{words[0]} … {' '.join(words[shared:])}", width)
                continue
            # Chinese or Japanese has no spaces between words: what follows the characters they share, after the
            # first two (about a word's worth).
            chars = max(_common(list(event), list(other)) for other in group if other != event)
            if 2 < chars < len(event):
                shown[event] = _cut(f"{event[:2]} … {event[chars:]}", width)
    return [shown[event] for event in plain]


def _common(a: list[str], b: list[str]) -> int:
    """How many items ``a`` and ``b`` share from the start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` terminal cells, cut with an ellipsis: a Chinese character takes two cells, so
    cutting by characters left wide text twice too long, and two events the table then cropped alike were never
    compared."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"
