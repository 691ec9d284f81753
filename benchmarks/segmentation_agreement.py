"""How well our claims line up with the gold sentences the quality harness scores against (a dev tool).

Run from the project root: ``python benchmarks/segmentation_agreement.py [--verbose]``. It needs the evaluation
folder ``../shared/eval`` next to the checkout and does nothing without it; the texts are read where they are,
never copied into the project.

For every text under ``eval/dev`` and ``eval/unpaired`` it splits the file with the gold segmenter
(``eval/segment.py``, title excluded) and with ``readouts.segment``, then maps claims to gold sentences the way
``eval/score.py`` does: a claim covers a gold sentence when their spans overlap by at least half of either.
Per file it prints:

- ``1:1``      gold sentences covered by exactly one claim that covers no other gold sentence (agreement),
- ``exact``    of those, how many have the very same span,
- ``split``    gold sentences covered by two claims or more,
- ``merged``   gold sentences whose one claim also covers another gold sentence,
- ``missed``   gold sentences no claim covers.

Then, for each dev pair with gold links, an oracle: the scorer's link and omission F1 if the engine linked exactly
the claims that cover gold-linked sentences. It isolates what segmentation alone costs (1.0 = nothing).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from readouts.segment import segment

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"gold_{name}", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _covers(a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and (overlap >= 0.5 * (a[1] - a[0]) or overlap >= 0.5 * (b[1] - b[0]))


def compare(text: str, gold_sentences) -> dict[str, object]:
    gold = [(g["start"], g["end"]) for g in gold_sentences(text) if g["i"] > 0]
    ours = [(s.start, s.end) for s in segment(text)]
    # Both lists are in reading order, so a sliding window keeps the mapping linear.
    cover: list[list[int]] = []
    golds_of: dict[int, list[int]] = {}
    first = 0
    for gi, g in enumerate(gold):
        while first < len(ours) and ours[first][1] <= g[0]:
            first += 1
        hits = []
        ci = first
        while ci < len(ours) and ours[ci][0] < g[1]:
            if _covers(g, ours[ci]):
                hits.append(ci)
                golds_of.setdefault(ci, []).append(gi)
            ci += 1
        cover.append(hits)
    one_to_one = [gi for gi, hits in enumerate(cover) if len(hits) == 1 and golds_of[hits[0]] == [gi]]
    exact = [gi for gi in one_to_one if ours[cover[gi][0]] == gold[gi]]
    differing = [gi for gi in range(len(gold)) if gi not in set(exact)]
    return {
        "gold": len(gold),
        "claims": len(ours),
        "1:1": len(one_to_one),
        "exact": len(exact),
        "split": sum(1 for hits in cover if len(hits) > 1),
        "merged": sum(1 for gi, hits in enumerate(cover) if len(hits) == 1 and golds_of[hits[0]] != [gi]),
        "missed": sum(1 for hits in cover if not hits),
        "differing": [(gold[gi], [ours[c] for c in cover[gi]]) for gi in differing],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="show the sentences that do not agree exactly")
    args = parser.parse_args(argv)
    if not (EVAL / "segment.py").is_file():
        print(f"no evaluation folder at {EVAL}; nothing to compare")
        return 0
    gold_sentences = _load("segment").sentences
    files = sorted(p for folder in ("dev", "unpaired") for p in (EVAL / folder).glob("*/*.txt"))
    header = f"{'file':<66} {'gold':>5} {'claims':>6} {'1:1':>5} {'exact':>5} {'split':>5} {'merged':>6} {'missed':>6}"
    print(header)
    totals = {"gold": 0, "claims": 0, "1:1": 0, "exact": 0, "split": 0, "merged": 0, "missed": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        row = compare(text, gold_sentences)
        for key in totals:
            totals[key] += row[key]  # type: ignore[operator]
        name = str(path.relative_to(EVAL))
        print(f"{name:<66} " + " ".join(f"{row[k]:>{w}}" for k, w in zip(totals, (5, 6, 5, 5, 5, 6, 6))))
        if args.verbose:
            for (gs, ge), claims in row["differing"]:  # type: ignore[union-attr]
                print(f"    gold  {text[gs:ge][:70]!r}")
                for cs, ce in claims:
                    print(f"    claim {text[cs:ce][:70]!r}")
    print(f"{'total':<66} " + " ".join(f"{totals[k]:>{w}}" for k, w in zip(totals, (5, 6, 5, 5, 5, 6, 6))))
    share = totals["1:1"] / totals["gold"] if totals["gold"] else 1.0
    print(f"agreement: {totals['1:1']}/{totals['gold']} gold sentences one-to-one ({share:.1%}), "
          f"{totals['exact']} with identical spans")
    _oracle(gold_sentences)
    return 0


def _oracle(gold_sentences) -> None:
    """Score, per dev pair, the links a perfect engine would draw between our claims."""
    import yaml

    scorer = _load("score")
    print(f"\n{'oracle over our claims':<66} {'link_f1':>8} {'omission_f1':>12}")
    for pair_dir in sorted(p for p in (EVAL / "dev").iterdir() if (p / "gold.yaml").is_file()):
        gold = yaml.safe_load((pair_dir / "gold.yaml").read_text(encoding="utf-8"))
        documents, covering = [], {}
        for path in sorted(pair_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            claims = [{"id": f"{path.stem}:{n}", "start": s.start, "end": s.end, "topics": []}
                      for n, s in enumerate(segment(text))]
            documents.append({"side": path.stem, "text": text, "claims": claims})
            for g in gold_sentences(text):
                covering[f"{path.stem}#{g['i']}"] = [
                    c["id"] for c in claims if _covers((g["start"], g["end"]), (c["start"], c["end"]))]
        links = []
        for item in gold.get("links") or []:
            a, b = (item["a"], item["b"]) if isinstance(item, dict) else item
            links.append({"claims": sorted(set(covering.get(a, []) + covering.get(b, [])))})
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
            json.dump({"documents": documents, "links": links}, handle)
        try:
            result = scorer.score(pair_dir / "gold.yaml", handle.name, pair_dir)
        finally:
            Path(handle.name).unlink()
        print(f"{pair_dir.name:<66} {result['link_f1']:>8} {result['omission_f1']:>12}")


if __name__ == "__main__":
    sys.exit(main())
