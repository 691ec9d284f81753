"""Conflicts: checkable details on which the claims of one link disagree.

- ``find_conflicts(claims_by_side, pair) -> tuple[Conflict, ...]``: for one link (its claims grouped by side key),
  the details its sides state differently, each a ``Conflict(kind, values)`` with one value per side that
  states one. Kinds, in this order:
  ``date`` (days, ranges, clock times, months, years, weekdays, "next week" against "next month" but not against "this year" or "in the coming weeks"; a period ahead by its scale, "within days" against "in the coming weeks" or "within two months"; a date against "no date is set yet"), ``number`` (counts and ordinals of
  the same thing, counts per side of an exchange, percentages, money), ``place`` (where something happens: "in Geneva" vs "in Brussels"),
  ``entity`` (organisations or titled officials named for the same point), ``attribution`` (who the point is
  attributed to: the claims' speakers; or who asked for the call or meeting), ``stance`` (agreed vs refused or
  rejected; a point one side makes conditional or denies, against a side that states it plainly; an act one side
  calls unlawful and the other lawful; a point one side objects to and the other holds: its internal affair, lawful, not up for negotiation;
  territorial integrity against the realities on the ground; a measure kept against one to be lifted).

A conflict is a claim a reader can check, so precision comes first. A side that states nothing of a kind is not in
conflict (saying less is an omission, not a contradiction), and a side whose values include the other's is not
either ("January 10 and 11" vs "January 10"). Values are compared after normalising ("Jan. 10", "10 January" and
"January 10th" are one date; "Kiev" is "Kyiv"; "ten" is 10), and numbers only count against numbers of the same
thing ("three rounds" vs "two rounds", never "three rounds" vs "two leaders"). Days a day apart are one moment when
a side dates by its own clock ("November 16, Beijing time" is November 15 in Washington).

This module holds the rule for what counts as a disagreement and the order kinds are reported in; the values of
each kind are read by their own module: ``dates``, ``numbers``, ``names`` (places and entities), ``statements``
(attribution and stance), ``initiative`` (who asked for the call) and ``verdicts`` (stance: unlawful or lawful, an objection or its answer).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from comparisons.conflicts.dates import (
    DATE_LEVELS,
    NO_DATES,
    SET_LEVELS,
    UNSET_WORDS,
    date_values,
    mask_dates,
    may_date,
    names_a_time_zone,
    relatives_agree,
    unset_dates,
    within_a_day,
)
from comparisons.conflicts.initiative import INITIATIVE_WORDS, initiator_values
from comparisons.conflicts.measures import kept_against_a_conditional_lifting
from comparisons.conflicts.names import (
    CITY_WORDS,
    ORGANISATION_WORDS,
    TITLE_WORDS,
    VENUE_WORDS,
    official_values,
    organisation_values,
    place_values,
)
from comparisons.conflicts.numbers import KILLED, PER_SIDE, compatible, may_count, number_values
from comparisons.conflicts.periods import periods_agree
from comparisons.conflicts.statements import (
    STANCE_WORDS,
    names_each_other,
    plain_values,
    refusal_meets,
    same_statement,
    settled_values,
    speaker_values,
    stance_values,
)
from comparisons.conflicts.verdicts import VERDICTS, may_judge, objection_values
from comparisons.model import Conflict
from readouts.model import Claim, Pair

__all__ = ["KINDS", "find_conflicts"]

KINDS = ("date", "number", "place", "entity", "attribution", "stance")

_WORD = re.compile(r"\w+")


def find_conflicts(claims_by_side: Mapping[str, Sequence[Claim]], pair: Pair) -> tuple[Conflict, ...]:
    """The conflicts of one link; ``claims_by_side`` lists each side's claims in reading order."""
    texts = {side: " ".join(c.text for c in claims) for side, claims in claims_by_side.items() if claims}
    if len(texts) < 2:
        return ()
    found: list[Conflict] = []
    words = {side: set(_WORD.findall(text.lower())) for side, text in texts.items()}
    dated = {side: date_values(text) if may_date(text, words[side]) else NO_DATES for side, text in texts.items()}
    for level in DATE_LEVELS if sum(d is not NO_DATES for d in dated.values()) >= 2 else ():
        conflict = _disagreement("date", {side: d[level] for side, d in dated.items()})
        if conflict and level == "relative" and _relatives_agree(dated):
            conflict = None  # "early next month" and "next month", "next week" and "this year"
        if conflict and level == "period" and _periods_agree(dated):
            conflict = None  # "within 10 days" and "in the coming weeks"; two counts are the numbers' to compare
        if (conflict and level in ("day", "weekday") and _a_day_apart(dated)
                and any(names_a_time_zone(text) for text in texts.values())):
            break  # one moment, two calendars: "November 16, Beijing time" is the evening of November 15 in Washington
        if conflict:
            found.append(conflict)
            break
    if not found and any(not words[side].isdisjoint(UNSET_WORDS) for side in texts):
        conflict = _unset_date(texts, dated)
        if conflict:
            found.append(conflict)
    undated = {side: mask_dates(text) for side, text in texts.items() if may_count(text, words[side])}
    undated = {side: text for side, text in undated.items() if may_count(text, words[side])}
    if len(undated) >= 2:
        found.extend(_number_conflicts(undated))
    for kind, extract, cue in (("place", place_values, CITY_WORDS | VENUE_WORDS),
                               ("entity", organisation_values, ORGANISATION_WORDS),
                               ("entity", official_values, TITLE_WORDS)):
        # The word sets are a cheap first look: most claims name no venue, organisation or official.
        values = {side: extract(text) if not words[side].isdisjoint(cue) else {} for side, text in texts.items()}
        if extract is official_values and sum(bool(v) for v in values.values()) >= 2:
            values = _named_elsewhere_dropped(values, words)
        conflict = _disagreement(kind, values, disjoint=True)
        if conflict and not any(c.kind == kind for c in found):
            found.append(conflict)
    speakers = {side: speaker_values(claims) for side, claims in claims_by_side.items()}
    conflict = _disagreement("attribution", speakers, disjoint=True)
    if conflict and not names_each_other(speakers, texts, pair) and same_statement(words, speakers):
        found.append(conflict)
    elif any(not words[side].isdisjoint(INITIATIVE_WORDS) for side in texts):
        # Who asked for the call: "at the request of the Russian side" vs "at the initiative of the German side".
        initiators = {side: initiator_values(claims, pair) for side, claims in claims_by_side.items() if claims}
        conflict = _disagreement("attribution", initiators, disjoint=True)
        if conflict:
            found.append(conflict)
    stances = {side: stance_values(claims) if not words[side].isdisjoint(STANCE_WORDS) else {}
               for side, claims in claims_by_side.items() if claims}
    if any("denied" in s for s in stances.values()):
        # A denial stands against a side that states the point plainly, or objects to it: that side's own words.
        stances = {side: stance or plain_values(claims_by_side[side]) or _objecting(claims_by_side[side])
                   for side, stance in stances.items()}
    elif any("conditional" in s for s in stances.values()):
        # A condition stands against a side that states the point as settled (agreed, will be done), not against a
        # demand or an offer it answers: that side's own words. A measure kept is not set against its lifting on a
        # condition: both say it stays until then.
        conditional = [claims_by_side[side] for side, stance in stances.items() if "conditional" in stance]
        stances = {side: stance or ({} if any(kept_against_a_conditional_lifting(claims_by_side[side], claims)
                                              for claims in conditional)
                                    else settled_values(claims_by_side[side]))
                   for side, stance in stances.items()}
    conflict = _disagreement("stance", stances, disjoint=True)
    if conflict and not refusal_meets(stances, words):
        conflict = None
    if not conflict:
        # Verdicts: unlawful or lawful; an objection or the point held against it (interference, not up for
        # negotiation); territorial integrity or the realities on the ground; an encounter unsafe or professional; a
        # measure lifted or suspended; a citizen wrongfully detained or convicted. Only sides with a cue of one.
        judged = {side: claims for side, claims in claims_by_side.items() if claims and may_judge(texts[side].lower())}
        for verdict in VERDICTS if len(judged) >= 2 else ():
            conflict = _disagreement("stance", {side: verdict(claims) for side, claims in judged.items()}, disjoint=True)
            if conflict:
                break
    if conflict and not _told_as_unset(conflict, found):
        found.append(conflict)
    return tuple(found)


def _objecting(claims: Sequence[Claim]) -> dict[str, str]:
    """The words of claims that object to a point ("expressed his serious concern about the drone overflights"): a
    side that states the point so, even with a negation elsewhere ("would not remain without consequences")."""
    objection = objection_values(claims)
    return objection if "objects" in objection else {}


def _named_elsewhere_dropped(values: Mapping[str, dict[str, str]],
                             words: Mapping[str, set[str]]) -> dict[str, dict[str, str]]:
    """Officials without those another side names too, with or without a title: "Special Envoy Witkoff" against
    "Special Presidential Envoy Roman Belyaev ... and Mr Witkoff will report" is one official named by both sides,
    and another one more, not two different officials for one point."""
    out: dict[str, dict[str, str]] = {}
    for side, found in values.items():
        others = set().union(*(w for other, w in words.items() if other != side))
        shown = {v for k, v in found.items() if k.lower() in others}
        out[side] = {k: v for k, v in found.items() if v not in shown}
    return out


def _told_as_unset(stance: Conflict, found: Sequence[Conflict]) -> bool:
    """Whether a stance is the words of a date not set, already told as a date conflict: "сроки пока не
    обсуждались" ("dates not yet discussed") reads as a denial too, and one phrase makes one conflict."""
    return any(c.kind == "date" and any(value in c.values.get(side, "") for side, value in stance.values.items())
               for c in found)


def _disagreement(kind: str, values: Mapping[str, dict[str, str]], *, disjoint: bool = False) -> Conflict | None:
    """A conflict when two sides that state values of this kind disagree.

    ``values`` maps each side to {normalised value: how to show it}. Two sides disagree when neither's values
    contain the other's (or, with ``disjoint``, when they share none: for names, where one side naming more is
    common and harmless).
    """
    stated = {side: v for side, v in values.items() if v}
    if len(stated) < 2:
        return None
    sides = list(stated)
    clash = False
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            va, vb = set(stated[a]), set(stated[b])
            if (not va & vb) if disjoint else not (va <= vb or vb <= va):
                clash = True
    if not clash:
        return None
    return Conflict(kind, {side: ", ".join(dict.fromkeys(stated[side].values())) for side in sides})


def _unset_date(texts: Mapping[str, str], dated: Mapping[str, dict[str, dict[str, str]]]) -> Conflict | None:
    """A date one side gives against a side that says none is set yet ("as early as July" / "Specific dates have
    not yet been discussed"): each side's words."""
    values: dict[str, dict[str, str]] = {}
    for side, text in texts.items():
        given = {v: shown for level in SET_LEVELS for v, shown in dated[side][level].items()}
        values[side] = given or unset_dates(text)
    if not any("not set" in v for v in values.values()):
        return None
    return _disagreement("date", values, disjoint=True)


def _relatives_agree(dated: Mapping[str, dict[str, dict[str, str]]]) -> bool:
    """Whether the relative times every two sides state can both be true (``dates.relatives_agree``)."""
    times = [list(d["relative"]) for d in dated.values() if d["relative"]]
    return all(relatives_agree(a, b) for i, a in enumerate(times) for b in times[i + 1:])


def _periods_agree(dated: Mapping[str, dict[str, dict[str, str]]]) -> bool:
    """Whether the periods ahead every two sides state can both be true (``periods.periods_agree``)."""
    periods = [list(d["period"]) for d in dated.values() if d["period"]]
    return all(periods_agree(a, b) for i, a in enumerate(periods) for b in periods[i + 1:])


def _a_day_apart(dated: Mapping[str, dict[str, dict[str, str]]]) -> bool:
    """Whether the days every two sides state are at most a day apart."""
    days = [list(d["day"]) for d in dated.values() if d["day"]]
    return all(within_a_day(a, b) for i, a in enumerate(days) for b in days[i + 1:])


def _number_conflicts(texts: Mapping[str, str]) -> list[Conflict]:
    """One conflict per unit the sides disagree on ("rounds", "percent"), in the units' alphabetical order."""
    per_side = {side: number_values(text) for side, text in texts.items()}
    conflicts = {}
    for unit in sorted({u for units in per_side.values() for u in units}):
        conflict = _disagreement("number", _bounds_met({side: units.get(unit, {}) for side, units in per_side.items()}))
        if conflict:
            conflicts[unit] = conflict
    for unit in (PER_SIDE, KILLED):
        count = conflicts.pop(unit, None)
        if count and not any(set(c.values) == set(count.values) for c in conflicts.values()):
            # "150 prisoners from each side" vs "175 prisoners on each side", "killed 18 civilians" vs "killed 23
            # civilians": one disagreement, already told by its noun
            conflicts[unit] = count
    return [conflicts[unit] for unit in sorted(conflicts)]


def _bounds_met(values: Mapping[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Each side's values of one unit, a bound that another side's exact value meets read as that value: "more
    than two hours" agrees with "two and a half hours", "nearly two hours" does not. A lower bound and another
    side's upper bound above it ("more than 2.7 billion" / "almost three billion") can both be true: both are read
    as the range between them."""
    exact = {side: [v for v in vals if v[0] not in "<>"] for side, vals in values.items()}
    bounds = {side: [v for v in vals if v[0] in "<>"] for side, vals in values.items()}
    out: dict[str, dict[str, str]] = {}
    for side, vals in values.items():
        out[side] = {}
        for value, shown in vals.items():
            if value[0] in "<>":
                met = [e for other, es in exact.items() if other != side for e in es if compatible(value, e)]
                ranges = [_range(value, b) for other, bs in bounds.items() if other != side for b in bs]
                value = met[0] if met else next((r for r in ranges if r), value)
            out[side][value] = shown
    return out


def _range(bound: str, other: str) -> str | None:
    """"low..high" when one of two bounds is a lower one, the other an upper one above it, else None."""
    if bound[0] == other[0]:
        return None
    low, high = (bound, other) if bound[0] == ">" else (other, bound)
    return f"{low[1:]}..{high[1:]}" if float(low[1:]) < float(high[1:]) else None
