"""Whether a comparison read back from disk is one ``compare`` could have made of its pair.

- ``check_comparison(comparison) -> None``: raise ``ComparisonError`` naming the first thing that is wrong: a value
  of the wrong type anywhere in the result (the types are read from the model's dataclasses, so new fields are
  covered as they come), a control character in a text, a claim that does not slice its readout, a link or an
  omission naming a claim that does not exist, a claim linked twice or never placed, a word diff that does not
  rebuild its claims, evidence about claims outside its link.

The cache (``comparisons.cache``) runs it on every entry it reads: a cache file may be truncated, edited, left by
another version, or shipped inside someone else's library, and whatever does not pass is recomputed instead of
crashing a renderer (a ``KeyError`` on a missing claim, an ``AttributeError`` on a label that is a number) or
sending an escape sequence to a terminal. The tests run it on everything ``compare`` makes, so it states the
invariants every reader relies on and cannot drift from them.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
import types
import typing
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from comparisons.errors import ComparisonError
from comparisons.model import LINK_RULES, Comparison
from readouts.model import Claim, Document, Pair

__all__ = ["check_comparison"]

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""What no text of a comparison holds (side texts lose them on load): only ``\\n`` is allowed."""


def _wrong(message: str, where: str, value: object = None) -> ComparisonError:
    shown = value if value is None or isinstance(value, (int, float, bool)) else type(value).__name__
    if isinstance(value, str):
        shown = value[:40]
    return ComparisonError(message, field=where, value=shown)


# --- types ---------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _check_type(value: Any, hint: Any, where: str) -> None:
    """``value`` is what ``hint`` says, all the way down; texts hold no control character but ``\\n``."""
    if hint is Any:
        return
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        for arm in args:
            try:
                _check_type(value, arm, where)
                return
            except ComparisonError:
                continue
        raise _wrong("a value of the wrong type", where, value)
    if origin is typing.Literal:
        if value not in args:
            raise _wrong(f"must be one of {', '.join(map(str, args))}", where, value)
        return
    if origin is tuple:
        if not isinstance(value, tuple):
            raise _wrong("must be a list", where, value)
        if len(args) == 2 and args[1] is Ellipsis:
            for i, item in enumerate(value):
                _check_type(item, args[0], f"{where}[{i}]")
        elif args:
            if len(value) != len(args):
                raise _wrong(f"must have {len(args)} items", where, len(value))
            for i, (item, arm) in enumerate(zip(value, args, strict=True)):
                _check_type(item, arm, f"{where}[{i}]")
        return
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        if not isinstance(value, Mapping):
            raise _wrong("must be a mapping", where, value)
        key_hint, value_hint = args if args else (Any, Any)
        for key, item in value.items():
            _check_type(key, key_hint, f"{where} key")
            _check_type(item, value_hint, f"{where}.{key}")
        return
    if hint is type(None):
        if value is not None:
            raise _wrong("must be null", where, value)
        return
    if hint is str:
        if not isinstance(value, str):
            raise _wrong("must be text", where, value)
        if _CONTROL.search(value):
            raise _wrong("holds a control character", where, value)
        return
    if hint is bool:
        if not isinstance(value, bool):
            raise _wrong("must be true or false", where, value)
        return
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _wrong("must be a whole number", where, value)
        return
    if hint is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise _wrong("must be a finite number", where, value)
        return
    if hint in (Pair, Document):
        return  # the live pair's own values, not read from the cache (a document's claims are checked apart)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, hint):
            raise _wrong(f"must be a {hint.__name__}", where, value)
        for name, field_hint in _hints(hint):
            _check_type(getattr(value, name), field_hint, f"{where}.{name}")
        return
    if isinstance(hint, type) and hint is not _dt.date and not isinstance(value, hint):
        raise _wrong(f"must be a {hint.__name__}", where, value)


# --- invariants ----------------------------------------------------------------------------------------------------

def check_comparison(comparison: Comparison) -> None:
    """Raise ``ComparisonError`` unless ``comparison`` is a well-formed comparison of ``comparison.pair``."""
    if not isinstance(comparison, Comparison):
        raise _wrong("not a comparison", "comparison", comparison)
    _check_type(comparison, Comparison, "comparison")
    claims = _check_documents(comparison)
    for claim_id, topics in comparison.claim_topics.items():
        if claim_id not in claims:
            raise _wrong("topics of a claim that does not exist", "claims.topics", claim_id)
        _check_type(topics, tuple[str, ...], f"claims.{claim_id}.topics")
    placed: Counter[str] = Counter()
    _check_links(comparison, claims, placed)
    for i, omission in enumerate(comparison.omissions):
        where = f"omissions[{i}]"
        claim = claims.get(omission.claim)
        if claim is None:
            raise _wrong("an omission of a claim that does not exist", where, omission.claim)
        if omission.side != claim.side:
            raise _wrong("an omission on the wrong side", where, omission.side)
        if omission.evidence is not None and omission.evidence.nearest is not None \
                and omission.evidence.nearest not in claims:
            raise _wrong("evidence names a claim that does not exist", f"{where}.evidence", omission.evidence.nearest)
        placed[omission.claim] += 1
    for claim_id in claims:
        if placed[claim_id] != 1:
            raise _wrong("a claim must be in exactly one link or omission", "claims", claim_id)
    _check_topics(comparison)


def _check_documents(comparison: Comparison) -> dict[str, Claim]:
    pair = comparison.pair
    if tuple(d.key for d in comparison.documents) != pair.side_keys:
        raise _wrong("the documents are not the pair's sides", "documents",
                     ", ".join(d.key for d in comparison.documents))
    claims: dict[str, Claim] = {}
    for document, side in zip(comparison.documents, pair.sides, strict=True):
        if document.side.text != side.text:
            raise _wrong("a comparison of another text", "documents.text", side.key)
        end = 0
        for index, claim in enumerate(document.claims):
            where = f"{side.key}:{index}"
            _check_type(claim, Claim, where)
            if claim.side != side.key or claim.index != index:
                raise _wrong("claims out of order", where, claim.id)
            if not end <= claim.start < claim.end <= len(side.text) or side.text[claim.start:claim.end] != claim.text:
                raise _wrong("a claim that does not slice its readout", where, claim.id)
            end = claim.end
            claims[claim.id] = claim
    return claims


def _check_links(comparison: Comparison, claims: Mapping[str, Claim], placed: Counter[str]) -> None:
    keys = comparison.pair.side_keys
    ids: set[str] = set()
    for i, link in enumerate(comparison.links):
        where = f"links[{i}]"
        if link.id in ids:
            raise _wrong("two links with one id", where, link.id)
        ids.add(link.id)
        missing = [c for c in link.claims if c not in claims]
        if missing:
            raise _wrong("a link to a claim that does not exist", where, missing[0])
        sides = list(dict.fromkeys(claims[c].side for c in link.claims))
        if len(sides) < 2:
            raise _wrong("a link needs claims of two sides", where, link.id)
        if not 0.0 <= link.score <= 1.0:
            raise _wrong("a score outside 0..1", f"{where}.score", link.score)
        placed.update(link.claims)
        first, second = sorted(sides, key=keys.index)[:2]
        before = " ".join(claims[c].text for c in link.claims if claims[c].side == first)
        after = " ".join(claims[c].text for c in link.claims if claims[c].side == second)
        if "".join(s.text for s in link.diff if s.op != "insert") != before or \
                "".join(s.text for s in link.diff if s.op != "delete") != after:
            raise _wrong("a word diff that does not rebuild its claims", f"{where}.diff", link.id)
        for conflict in link.conflicts:
            if not set(conflict.values) <= set(keys):
                raise _wrong("a conflict names a side the pair does not have", f"{where}.conflicts", conflict.kind)
        if link.evidence is not None:
            if link.evidence.rule not in LINK_RULES:
                raise _wrong("an unknown rule", f"{where}.evidence.rule", link.evidence.rule)
            for evidence in link.evidence.pairs:
                if not set(evidence.claims) <= set(link.claims) or \
                        any(not set(s.words) <= set(evidence.claims) for s in evidence.shared):
                    raise _wrong("evidence about claims outside its link", f"{where}.evidence", link.id)


def _check_topics(comparison: Comparison) -> None:
    keys = set(comparison.pair.side_keys)
    ids: set[str] = set()
    for i, summary in enumerate(comparison.topics):
        if summary.id in ids:
            raise _wrong("a topic listed twice", f"topics[{i}]", summary.id)
        ids.add(summary.id)
        if not set(summary.claims) <= keys or any(n < 0 for n in summary.claims.values()) or summary.links < 0:
            raise _wrong("counts that cannot be", f"topics[{i}]", summary.id)
    used = {t for topics in comparison.claim_topics.values() for t in topics}
    used.update(t for link in comparison.links for t in link.topics)
    used.update(t for omission in comparison.omissions for t in omission.topics)
    unknown = sorted(used - ids)
    if unknown:
        raise _wrong("a topic with no summary", "topics", unknown[0])
