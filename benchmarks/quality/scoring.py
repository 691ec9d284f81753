"""A stand-in for the eval's scorer, used only when ``../shared/eval`` is not next to the checkout.

- ``sentences(text) -> list[(index, start, end)]``: the gold sentence numbering (title line is sentence 0; a
  paragraph ends at a blank line; a sentence ends at ``. ! ? …`` plus closing quotes and whitespace, before an
  upper-case letter, digit or opening quote, never after a known abbreviation or a single initial).
- ``score(gold_path, system, pair_dir) -> dict``: link precision, recall and F1 over gold sentence pairs and
  omission F1 over the sentences gold leaves unlinked, with the same rules as the eval README ("How the scorer maps
  your claims to gold sentences"): sentences are found in each document's text whitespace-insensitively, and a claim
  covers a sentence when their spans overlap by half of either.

Written from the README's description, not from the eval's code; ``run.py --check-scorer`` compares the two when
both are present.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["score", "sentences"]

_ABBREVIATIONS = frozenset(
    ["u.s.", "u.k.", "u.n.", "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "no.", "e.g.", "i.e.", "vs.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "prof.", "inc.", "corp.", "co.", "etc.", "d.c.", "t.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "г.", "т.е.", "т.д.", "т.п.", "им.", "ул."]
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_END = re.compile(r"[.!?…]+[\"”’»)\]]*\s+")
_QUOTES = str.maketrans({"’": "'", "“": '"', "”": '"'})


def sentences(text: str) -> list[tuple[int, int, int]]:
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        base, chunk, start = para.start(), para.group(0), 0
        for end in _END.finditer(chunk):
            piece = chunk[start:end.end()].rstrip()
            words = piece.split()
            last = words[-1].lower() if words else ""
            after = chunk[end.end():end.end() + 1]
            initial = len(last) == 2 and last[0].isalpha() and last[1] == "."
            if (last in _ABBREVIATIONS or initial) and not (last == "etc." and after.isupper()):
                continue
            if after and not (after.isupper() or after.isdigit() or after in "\"“«("):
                continue
            spans.append((base + start, base + start + len(piece)))
            start = end.end()
        rest = chunk[start:].rstrip()
        if rest.strip():
            spans.append((base + start, base + start + len(rest)))
    return [(i, s, e) for i, (s, e) in enumerate(spans)]


def _squeezed(text: str) -> tuple[str, list[int]]:
    """Whitespace runs as one space and curly quotes as straight ones, with each kept character's original index."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch.translate(_QUOTES))
        where.append(i)
    return "".join(chars), where


def _find(sentence: str, document: str) -> tuple[int, int] | None:
    doc, where = _squeezed(document)
    needle, _ = _squeezed(sentence.strip())
    at = doc.find(needle)
    return None if at < 0 else (where[at], where[at + len(needle) - 1] + 1)


def _f1(tp: int, predicted: int, gold: int) -> float:
    precision = tp / predicted if predicted else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold_path: str | Path, system: dict[str, Any], pair_dir: str | Path) -> dict[str, Any]:
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    pairs = {tuple(item) if not isinstance(item, dict) else (item["a"], item["b"]) for item in gold["links"]}
    sides = sorted({s.split("#")[0] for pair in pairs for s in pair})
    first, second = sides[0], sides[1]
    covers: dict[str, set[str]] = {}
    all_sentences: list[str] = []
    for side in sides:
        text = (Path(pair_dir) / f"{side}.txt").read_text(encoding="utf-8")
        doc = next(d for d in system["documents"] if side == d["side"] or side in d["side"] or d["side"] in side)
        for i, start, end in sentences(text):
            if i == 0:
                continue
            sid = f"{side}#{i}"
            all_sentences.append(sid)
            span = _find(text[start:end], doc["text"])
            if span is None:
                continue
            for claim in doc["claims"]:
                overlap = min(span[1], claim["end"]) - max(span[0], claim["start"])
                if overlap > 0 and 2 * overlap >= min(span[1] - span[0], claim["end"] - claim["start"]):
                    covers.setdefault(claim["id"], set()).add(sid)
    predicted: set[tuple[str, str]] = set()
    for link in system.get("links", []):
        covered = set().union(*(covers.get(c, set()) for c in link["claims"]))
        left = [s for s in covered if s.startswith(first + "#")]
        right = [s for s in covered if s.startswith(second + "#")]
        predicted.update((x, y) for x in left for y in right)
    expected = {(a, b) if a.startswith(first + "#") else (b, a) for a, b in pairs}
    tp = len(predicted & expected)
    gold_alone = {s for s in all_sentences if not any(s in p for p in expected)}
    system_alone = {s for s in all_sentences if not any(s in p for p in predicted)}
    both_alone = len(gold_alone & system_alone)
    return {
        "pair": gold["pair"],
        "link_p": round(tp / len(predicted), 3) if predicted else 0.0,
        "link_r": round(tp / len(expected), 3) if expected else 1.0,
        "link_f1": round(_f1(tp, len(predicted), len(expected)), 3),
        "omission_f1": round(_f1(both_alone, len(system_alone), len(gold_alone)), 3),
        "gold_links": len(expected),
        "pred_links": len(predicted),
        "tp": tp,
    }
