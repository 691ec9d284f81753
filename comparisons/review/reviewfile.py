"""``review.yaml`` ⇄ ``Review``: the file format (docs/review.md), read as untrusted input.

- ``review_from_data(data, pair, source) -> Review``: check a parsed file against the pair it reviews; every
  problem is one ``ComparisonError`` naming the file, the field (``decisions[2].claims[0].side``) and the value.
- ``review_from_text(text, pair, source) -> Review``: the same from the file's text (safe YAML, bounded).
- ``review_to_text(review, pair_id) -> str``: the file as dualread writes it: a header that says what it is, then
  block YAML a person can read and edit.
- ``REVIEW_FILE``, ``SCHEMA``: the file's name in a pair folder and the format's name and version.

What is refused: a file that is not a mapping, another schema or another pair's review, an unknown action or key, a
side the pair does not have, offsets that do not fit the text they name, a decision with too few claims or sides
for its action, a claim named twice in one decision, a claim named by two decisions that each say which link it is
in (``confirm``, ``link``, ``unlink``; a stale one, whose claim's text is gone from its readout, excepted), and the same ``distinct`` or conflict decision twice. A file that is refused
is never rewritten: the user fixes it, nothing is lost.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from comparisons.errors import ComparisonError
from comparisons.review.decisions import ACTIONS, CONFLICT_ACTIONS, GROUPING, ClaimRef, Decision, Review
from readouts.model import Pair

__all__ = ["REVIEW_FILE", "SCHEMA", "review_from_data", "review_from_text", "review_to_text"]

REVIEW_FILE = "review.yaml"
SCHEMA = "dualread/review@1"

_TOP_KEYS = ("schema", "pair", "decisions")
_DECISION_KEYS = ("action", "claims", "note", "by", "at")
_CLAIM_KEYS = ("side", "start", "end", "text")
MAX_NOTE = 2000
"""A note is a short remark on a link; a longer one is a paste gone wrong."""


def review_from_text(text: str, pair: Pair, source: object) -> Review:
    from readouts.errors import ReadoutError
    from readouts.yamlio import loads_yaml

    try:
        data = loads_yaml(text, source=source)
    except ReadoutError as error:
        raise ComparisonError(error.message, file=error.file, field=error.field, value=error.value) from None
    return review_from_data(data, pair, source)


def review_from_data(data: Any, pair: Pair, source: object) -> Review:
    def fail(message: str, field: str | None = None, value: object = None) -> ComparisonError:
        return ComparisonError(message, file=source, field=field, value=value)

    if data is None:
        return Review((), pair.id)  # an empty file: no decisions yet
    if not isinstance(data, dict):
        raise fail("must be a mapping with 'decisions'", value=type(data).__name__)
    for key in data:
        if key not in _TOP_KEYS:
            raise fail(f"unknown key (known: {', '.join(_TOP_KEYS)})", field=str(key))
    if "schema" in data and data["schema"] != SCHEMA:
        raise fail(f"not a dualread review (expected {SCHEMA})", field="schema", value=data["schema"])
    if "pair" in data and data["pair"] != pair.id:
        raise fail(f"the review of another pair (this folder holds {pair.id})", field="pair", value=data["pair"])
    raw = data.get("decisions")
    if raw is None:
        return Review((), pair.id)
    if not isinstance(raw, list):
        raise fail("must be a list of decisions", field="decisions", value=type(raw).__name__)
    sides = {side.key: side.text for side in pair.sides}
    decisions = tuple(_decision(item, f"decisions[{n}]", sides, fail) for n, item in enumerate(raw))
    _check_once(decisions, fail, {side.key: side.text for side in pair.sides})
    return Review(decisions, pair.id)


def _mapping(item: Any, where: str, known: tuple[str, ...], fail) -> dict:
    """``item`` if it is a mapping of known keys only (a misspelt key would be silently ignored otherwise)."""
    if not isinstance(item, dict):
        raise fail(f"must be a mapping of {', '.join(known)}", field=where, value=type(item).__name__)
    for key in item:
        if key not in known:
            raise fail(f"unknown key (known: {', '.join(known)})", field=f"{where}.{key}")
    return item


def _decision(item: Any, where: str, sides: Mapping[str, str], fail) -> Decision:
    item = _mapping(item, where, _DECISION_KEYS, fail)
    action = item.get("action")
    if action not in ACTIONS:
        raise fail(f"must be one of {', '.join(ACTIONS)}", field=f"{where}.action", value=action)
    claims = item.get("claims")
    if not isinstance(claims, list) or not claims:
        raise fail("must be a list of claims (side, start, end, text)", field=f"{where}.claims",
                   value=claims if claims is None else type(claims).__name__)
    refs = tuple(_claim(c, f"{where}.claims[{i}]", sides, fail) for i, c in enumerate(claims))
    for i, ref in enumerate(refs):
        if ref in refs[:i]:
            raise fail("names the same claim twice", field=f"{where}.claims[{i}]", value=ref.place)
    _check_shape(action, refs, where, fail)
    note = _text(item.get("note", ""), f"{where}.note", fail)
    if len(note) > MAX_NOTE:
        raise fail(f"a note is at most {MAX_NOTE} characters", field=f"{where}.note", value=len(note))
    by = _text(item.get("by", ""), f"{where}.by", fail)
    at = item.get("at", "")
    if isinstance(at, (_dt.datetime, _dt.date)):
        at = at.isoformat()  # an unquoted timestamp typed by hand reads as a date
    at = _text(at, f"{where}.at", fail)
    return Decision(action, refs, note, by, at)


def _claim(item: Any, where: str, sides: Mapping[str, str], fail) -> ClaimRef:
    item = _mapping(item, where, _CLAIM_KEYS, fail)
    side = item.get("side")
    if not isinstance(side, str) or side not in sides:
        raise fail(f"no such side in this pair (its sides: {', '.join(sides)})", field=f"{where}.side", value=side)
    start, end = item.get("start"), item.get("end")
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise fail("must be a whole number, 0 or more", field=f"{where}.{name}", value=value)
    assert isinstance(start, int) and isinstance(end, int)  # the loop above refused anything else
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail("must be the claim's text", field=f"{where}.text", value=text)
    if end - start != len(text):
        raise fail(f"start and end must span the text ({len(text)} characters, not {end - start})",
                   field=f"{where}.end", value=end)
    return ClaimRef(side, start, end, text)


def _check_shape(action: str, refs: tuple[ClaimRef, ...], where: str, fail) -> None:
    sides = {r.side for r in refs}
    if action == "distinct" and (len(refs) != 2 or len(sides) != 2):
        raise fail("names two claims of two sides", field=f"{where}.claims", value=len(refs))
    if action in ("link", *CONFLICT_ACTIONS) and len(sides) < 2:
        raise fail(f"a {action} decision names claims of two sides or more", field=f"{where}.claims",
                   value=", ".join(sorted(sides)))
    if action == "confirm" and len(refs) > 1 and len(sides) < 2:
        raise fail("confirms a link: claims of two sides or more (or one claim, an omission)",
                   field=f"{where}.claims", value=", ".join(sorted(sides)))


def _text(value: Any, field: str, fail) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise fail("must be text", field=field, value=value)
    return value.strip()


def _check_once(decisions: tuple[Decision, ...], fail, texts: dict[str, str]) -> None:
    """A claim in two grouping decisions, or a decision given twice, would make the file say two things. A decision
    whose claim's text is gone from its readout says nothing today (it is stale, kept, never applied): a later
    decision on its other claims does not contradict it."""
    grouped: dict[ClaimRef, int] = {}
    seen: dict[tuple, int] = {}
    for n, decision in enumerate(decisions):
        if decision.action in GROUPING and decision.names_gone_text(texts):
            continue
        if decision.action in GROUPING:
            for i, ref in enumerate(decision.claims):
                if ref in grouped:
                    raise fail(f"this claim is already named by decisions[{grouped[ref]}]: a claim is in one link "
                               "or none", field=f"decisions[{n}].claims[{i}]", value=ref.place)
                grouped[ref] = n
        else:
            key = (decision.action in CONFLICT_ACTIONS, frozenset(decision.claims))
            if key in seen:
                raise fail(f"the same claims as decisions[{seen[key]}]", field=f"decisions[{n}].claims",
                           value=", ".join(r.place for r in decision.claims))
            seen[key] = n


HEADER = """\
# dualread review of {pair_id}: a person's decisions on how its claims are linked.
# Each decision names its claims by side, offsets and text, so it survives a new engine or a changed
# segmentation; the engine's result is computed first and these decisions applied on top. The format is
# described in dualread's docs/review.md. dualread rewrites this file on every change (comments are not kept);
# editing it by hand is fine: a mistake is reported, never overwritten.
"""


def review_to_text(review: Review, pair_id: str) -> str:
    from readouts.yamlio import dump_yaml

    data = {"schema": SCHEMA, "pair": pair_id, "decisions": [d.to_data() for d in review.decisions]}
    return HEADER.format(pair_id=pair_id) + dump_yaml(data)
