"""Readout pairs with gold links, ready to be aligned again and again under different engine numbers.

- ``eval_pairs(root)``: the pairs of ``../shared/eval/dev`` (a folder per pair: side texts, ``meta.yaml``,
  ``gold.yaml``), built the way ``dualread add`` builds them, as the eval's harness does.
- ``quality_pairs()``: the pairs written in our own words in ``benchmarks/quality/pairs`` (two sides each).
- ``GoldPair.links(params)``: the engine's links under ``params`` (segmentation and topics are computed once: they
  do not depend on the numbers being fitted); ``GoldPair.score(links)``: link precision, recall and F1 over gold
  sentence pairs, and omission F1, by the rules of the eval's README (``benchmarks/quality/scoring.py``).
- ``GoldPair.candidates(params)``: every scored claim pair with its score and gold label, for looking at scores.

Why not drive the command line as the harness does: a fit aligns each pair hundreds of times; in-process it takes
milliseconds. ``fit.py --check`` confirms that the figures here equal the harness's for the shipped numbers.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "quality"))

from scoring import _find, sentences  # noqa: E402

from comparisons.engine import prepare, resolve_taxonomy  # noqa: E402
from comparisons.matching.align import align  # noqa: E402
from comparisons.matching.similarity import get_scorer  # noqa: E402
from comparisons.options import CompareOptions  # noqa: E402
from comparisons.params import EngineParams  # noqa: E402
from comparisons.topics.tagging import for_alignment  # noqa: E402
from readouts.adding import build_pair  # noqa: E402
from readouts.library import Library  # noqa: E402
from readouts.model import Pair  # noqa: E402

EVAL_DEV = ROOT.parent / "shared" / "eval" / "dev"

__all__ = ["EVAL_DEV", "GoldPair", "eval_pairs", "quality_pairs"]


@dataclass
class GoldPair:
    name: str
    pair: Pair
    gold_path: Path
    text_dir: Path
    english: bool = True
    _prepared: tuple | None = field(default=None, repr=False)
    _truth: tuple | None = field(default=None, repr=False)
    _aligned_topics: dict = field(default_factory=dict, repr=False)

    def prepared(self):
        """(documents, claim topics): what the engine computes before any number of ``EngineParams`` matters."""
        if self._prepared is None:
            documents, topics, evidence = prepare(self.pair, resolve_taxonomy(CompareOptions()))
            self._prepared = (documents, topics)
            self._aligned_topics = for_alignment(topics, evidence)
        return self._prepared

    def links(self, params: EngineParams) -> list[tuple[str, ...]]:
        documents, _ = self.prepared()
        topics = self._aligned_topics  # what the engine's aligner weighs (comparisons.engine.compare)
        voices = [p.name for p in self.pair.participants]
        return [ids for ids, _ in align(documents, topics, get_scorer("lexical"), params, voices=voices).links]

    def _gold(self):
        """(first side, second side, gold sentence pairs, claim id -> sentences it covers, every sentence id)."""
        if self._truth is None:
            data = yaml.safe_load(self.gold_path.read_text(encoding="utf-8"))
            pairs = {tuple(i) if not isinstance(i, dict) else (i["a"], i["b"]) for i in data["links"]}
            sides = sorted({s.split("#")[0] for p in pairs for s in p} | {k.split("#")[0] for k in data.get("topics") or {}})
            first, second = sides[0], sides[1]
            documents, _ = self.prepared()
            covers: dict[str, set[str]] = {}
            every: list[str] = []
            for side in sides:
                text = (self.text_dir / f"{side}.txt").read_text(encoding="utf-8")
                doc = next(d for d in documents if side == d.key or side in d.key or d.key in side)
                for i, start, end in sentences(text):
                    if i == 0:
                        continue
                    sid = f"{side}#{i}"
                    every.append(sid)
                    span = _find(text[start:end], doc.side.text)
                    if span is None:
                        continue
                    for claim in doc.claims:
                        overlap = min(span[1], claim.end) - max(span[0], claim.start)
                        if overlap > 0 and 2 * overlap >= min(span[1] - span[0], claim.end - claim.start):
                            covers.setdefault(claim.id, set()).add(sid)
            expected = {(a, b) if a.startswith(first + "#") else (b, a) for a, b in pairs}
            self._truth = (first, second, expected, covers, every)
        return self._truth

    def label(self, a: str, b: str) -> bool:
        """Whether gold links some sentence of claim ``a`` with some sentence of claim ``b``."""
        first, _, expected, covers, _ = self._gold()
        return any(((x, y) if x.startswith(first + "#") else (y, x)) in expected
                   for x in covers.get(a, ()) for y in covers.get(b, ()))

    def score(self, links) -> dict[str, float]:
        first, second, expected, covers, every = self._gold()
        predicted: set[tuple[str, str]] = set()
        for ids in links:
            covered = set().union(*(covers.get(c, set()) for c in ids))
            left = [s for s in covered if s.startswith(first + "#")]
            right = [s for s in covered if s.startswith(second + "#")]
            predicted.update((x, y) for x in left for y in right)
        tp = len(predicted & expected)
        linked_gold = {s for p in expected for s in p}
        linked_system = {s for p in predicted for s in p}
        gold_alone = {s for s in every if s not in linked_gold}
        system_alone = {s for s in every if s not in linked_system}
        return {
            "link_p": tp / len(predicted) if predicted else (1.0 if not expected else 0.0),
            "link_r": tp / len(expected) if expected else 1.0,
            "link_f1": _f1(tp, len(predicted), len(expected)),
            "omission_f1": _f1(len(gold_alone & system_alone), len(system_alone), len(gold_alone)),
            "tp": tp, "predicted": len(predicted), "gold": len(expected),
        }


def _f1(tp: int, predicted: int, gold: int) -> float:
    precision = tp / predicted if predicted else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def eval_pairs(root: Path = EVAL_DEV) -> list[GoldPair]:
    """Every pair folder under ``root`` with a gold file, as the harness adds it (event, date, sides, publishers,
    titles from ``meta.yaml``)."""
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "gold.yaml").exists()):
        meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
        keys = [Path(s["file"]).stem for s in meta["sides"]]
        sources = [(key, str(folder / s["file"])) for key, s in zip(keys, meta["sides"], strict=True)]
        extra = {opt: {k: str(s[opt]) for k, s in zip(keys, meta["sides"], strict=True) if s.get(opt)}
                 for opt in ("publisher", "title", "url")}
        pair = build_pair(folder.name, str(meta["event"]), str(meta["date"]), sources,
                          publishers=extra["publisher"], titles=extra["title"], urls=extra["url"])
        english = not any(k.endswith("-ru") for k in keys)
        out.append(GoldPair(folder.name, pair, folder / "gold.yaml", folder, english))
    return out


def quality_pairs() -> list[GoldPair]:
    """The two-sided pairs written in our own words (``benchmarks/quality/pairs``)."""
    root = ROOT / "benchmarks" / "quality" / "pairs"
    library = Library(root)
    return [GoldPair(folder.name, library.load(folder.name), folder / "gold.yaml", folder)
            for folder in sorted(p for p in root.iterdir() if (p / "gold.yaml").exists())]
