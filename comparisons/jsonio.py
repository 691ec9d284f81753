"""The comparison as JSON, schema ``dualread/comparison@1`` (docs/json.md, docs/comparison.schema.json), both ways.

- ``to_dict(comparison) -> dict``: the export: pair, documents with their text and claims, links (with conflicts
  and word diffs), omissions, topic coverage and the engine's version and settings.
- ``dumps(comparison) -> str``: that dict as stable text (sorted keys, two-space indent, UTF-8 kept as is), so
  the same input and settings give byte-identical files.
- ``from_dict(data, pair) -> Comparison``: back to a value, for the cache. Side metadata (publisher, title, ...)
  comes from ``pair`` so a cached comparison shows current metadata; a text that no longer matches the one the
  comparison was computed on is refused with ``ComparisonError``.
"""

from __future__ import annotations

import json
import math
from typing import Any, Mapping

from comparisons.errors import ComparisonError
from comparisons.evidence import (
    link_evidence_from_dict,
    link_evidence_to_dict,
    omission_evidence_from_dict,
    omission_evidence_to_dict,
)
from comparisons.model import SCHEMA, Comparison, Conflict, EngineInfo, Link, Omission, Span, TopicSummary
from comparisons.review.jsonform import mark_from_dict, mark_to_dict, summary_from_dict, summary_to_dict
from readouts.model import Aside, Claim, Document, Pair

__all__ = ["SCHEMA", "dumps", "from_dict", "to_dict"]


def to_dict(comparison: Comparison) -> dict[str, Any]:
    pair = comparison.pair
    return {
        "schema": SCHEMA,
        "pair": {
            "id": pair.id,
            "event": pair.event,
            "date": pair.date.isoformat(),
            "sides": list(pair.side_keys),
            "participants": [{"name": p.name, "aliases": list(p.aliases)} for p in pair.participants],
            "sample": pair.sample,
        },
        "documents": [_document(d, comparison) for d in comparison.documents],
        "links": [_link(link) for link in comparison.links],
        "omissions": [_omission(o) for o in comparison.omissions],
        "topics": [
            {"id": t.id, "label": t.label, "claims": dict(t.claims), "links": t.links} for t in comparison.topics
        ],
        "engine": {"version": comparison.engine.version, "settings": dict(comparison.engine.settings)},
        **_optional("review", summary_to_dict(comparison.review)),
    }


def _document(document: Document, comparison: Comparison) -> dict[str, Any]:
    side = document.side
    return {
        "side": side.key,
        "publisher": side.publisher,
        "title": side.title,
        "url": side.url,
        "language": side.language,
        "text": side.text,
        "claims": [_claim(c, comparison) for c in document.claims],
        **_optional("asides", [
            {"start": a.start, "end": a.end, "text": a.text, "kind": a.kind} for a in document.asides
        ] or None),
    }


def _claim(claim: Claim, comparison: Comparison) -> dict[str, Any]:
    out = {
        "id": claim.id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "topics": list(comparison.topics_of(claim.id)),
        "speaker": claim.speaker,
        "paragraph": claim.paragraph,
        **_optional("answers", claim.answers),
    }
    evidence = comparison.topic_evidence.get(claim.id)
    if evidence:
        out["topic_evidence"] = {topic: list(why) for topic, why in evidence.items()}
    return out


def _link(link: Link) -> dict[str, Any]:
    return {
        "id": link.id,
        "claims": list(link.claims),
        "score": link.score,
        "topics": list(link.topics),
        "conflicts": [{"kind": c.kind, "values": dict(c.values)} for c in link.conflicts],
        "diff": [{"op": s.op, "text": s.text} for s in link.diff],
        **_optional("evidence", link_evidence_to_dict(link.evidence)),
        **_optional("review", mark_to_dict(link.review)),
    }


def _omission(omission: Omission) -> dict[str, Any]:
    return {
        "claim": omission.claim,
        "side": omission.side,
        "topics": list(omission.topics),
        **_optional("evidence", omission_evidence_to_dict(omission.evidence)),
        **_optional("review", mark_to_dict(omission.review)),
    }


def _optional(key: str, value: Any) -> dict[str, Any]:
    """``{key: value}``, or nothing when ``value`` is None: optional fields are absent, never null."""
    return {} if value is None else {key: value}


def dumps(comparison: Comparison) -> str:
    """The export as text: exactly ``json.dumps(to_dict(c), ensure_ascii=False, indent=2, sort_keys=True)`` and a
    final newline, written by ``_write`` because the standard library's C encoder does no indenting and its
    pure-Python one spends more time than it took to compute the comparison (JSON of 1,000 pairs is a benchmark)."""
    data = to_dict(comparison)
    out: list[str] = []
    try:
        _write(data, out, "\n")
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    out.append("\n")
    return "".join(out)


class _Unusual(Exception):
    """A value ``_write`` leaves to the standard encoder (a key that is not a string, a type it does not know)."""


_quote = json.encoder.encode_basestring  # the C version when available: escapes exactly as json.dumps does


def _write(value: Any, out: list[str], newline: str) -> None:
    """Append ``value`` as indented JSON; ``newline`` is a line break plus the indent of the current level."""
    kind = type(value)
    if kind is str:
        out.append(_quote(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, item in sorted(value.items()):
            if type(key) is not str:
                raise _Unusual
            out.append(sep)
            out.append(_quote(key))
            out.append(": ")
            _write(item, out, inner)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _write(item, out, inner)
            sep = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):  # NaN and infinities are left to json.dumps
        out.append(float.__repr__(value))
    else:
        raise _Unusual


def from_dict(data: Mapping[str, Any], pair: Pair) -> Comparison:
    """Rebuild a comparison of ``pair``; ``ComparisonError`` when ``data`` is not one of it (or is malformed)."""
    try:
        return _from_dict(data, pair)
    except ComparisonError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ComparisonError("not a dualread comparison", field="json", value=str(error)) from error


def _from_dict(data: Mapping[str, Any], pair: Pair) -> Comparison:
    if data.get("schema") != SCHEMA:
        raise ComparisonError("unknown comparison schema", field="schema", value=data.get("schema"))
    if data["pair"]["id"] != pair.id:
        raise ComparisonError("comparison of another pair", field="pair.id", value=data["pair"]["id"])
    documents = []
    claim_topics: dict[str, tuple[str, ...]] = {}
    topic_evidence: dict[str, dict[str, tuple[str, ...]]] = {}
    for doc in data["documents"]:
        side = pair.side(doc["side"])
        if doc["text"] != side.text:
            raise ComparisonError("comparison of another text", field="documents.text", value=side.key)
        claims = []
        for index, c in enumerate(doc["claims"]):
            start, end = int(c["start"]), int(c["end"])
            claim = Claim(side.key, index, start, end, side.text[start:end], int(c.get("paragraph", 0)), c["speaker"],
                          c.get("answers"))
            if claim.id != c["id"] or claim.text != c["text"]:
                raise ComparisonError("claim does not match its text", field="claims", value=c["id"])
            claims.append(claim)
            claim_topics[claim.id] = tuple(c["topics"])
            if c.get("topic_evidence"):
                topic_evidence[claim.id] = {str(t): tuple(str(w) for w in why)
                                            for t, why in dict(c["topic_evidence"]).items()}
        asides = tuple(Aside(side.key, int(a["start"]), int(a["end"]), side.text[int(a["start"]):int(a["end"])],
                             str(a["kind"])) for a in doc.get("asides", ()))
        documents.append(Document(side, tuple(claims), asides))
    links = tuple(
        Link(
            l["id"],
            tuple(l["claims"]),
            float(l["score"]),
            tuple(l["topics"]),
            tuple(Conflict(c["kind"], _in_side_order(c["values"], pair)) for c in l["conflicts"]),
            tuple(Span(s["op"], s["text"]) for s in l["diff"]),
            link_evidence_from_dict(l.get("evidence")),
            mark_from_dict(l.get("review")),
        )
        for l in data["links"]
    )
    omissions = tuple(
        Omission(o["claim"], o["side"], tuple(o["topics"]), omission_evidence_from_dict(o.get("evidence")),
                 mark_from_dict(o.get("review")))
        for o in data["omissions"]
    )
    topics = tuple(
        TopicSummary(t["id"], t["label"], _in_side_order(t["claims"], pair), int(t["links"])) for t in data["topics"]
    )
    engine = EngineInfo(data["engine"]["version"], dict(data["engine"]["settings"]))
    return Comparison(pair, tuple(documents), claim_topics, links, omissions, topics, engine, topic_evidence,
                      summary_from_dict(data.get("review")))


def _in_side_order(values: Mapping[str, Any], pair: Pair) -> dict[str, Any]:
    """Per-side maps in the pair's side order, as ``compare`` makes them (the JSON file sorts its keys)."""
    rank = {key: i for i, key in enumerate(pair.side_keys)}
    return {key: values[key] for key in sorted(values, key=lambda k: (rank.get(k, len(rank)), k))}
