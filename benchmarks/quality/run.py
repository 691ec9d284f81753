"""Link quality on pairs that are not the eval's dev set: the bundled samples and pairs written for this check.

    python benchmarks/quality/run.py [--similarity lexical|semantic] [--model NAME_OR_PATH] [--json]
                                     [--check-scorer] [--keep DIR] [--param NAME=VALUE ...]

Every pair is compared in-process with the engine's defaults (no cache) and exported as JSON (SPEC §6); the export
is scored against hand-made gold links with the eval's ``score.py`` when ``../shared/eval`` sits next to the
checkout, else with ``scoring.py`` here (same rules, own code). Prints one line per pair and the mean link F1 and
omission F1. The gold was written before the aligner ran on these texts, and must never be edited to fit it.

- ``gold/PAIR.yaml``: gold for a bundled sample (texts in ``readouts/samples/PAIR``).
- ``pairs/PAIR/``: a pair written for this check (``pair.yaml``, side texts, ``gold.yaml``): invented events in
  the register of real readouts of other governments, in our own words.

A gold file over three sides is scored one pair of sides at a time (the eval's scorer scores two), and the pair's
figures are the mean over its pairs of sides.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from scoring import score as own_score

from comparisons.engine import compare
from comparisons.jsonio import to_dict
from comparisons.options import CompareOptions
from comparisons.params import default_params
from readouts.library import Library


def _eval_score():
    if (EVAL / "score.py").exists():
        sys.path.insert(0, str(EVAL))
        from score import score  # the eval's own scorer

        return score, "../shared/eval/score.py"
    return None, None


def _cases() -> list[tuple[str, Path, Path, Library]]:
    """(pair id, gold file, folder of the side texts, library that loads it), samples first."""
    cases = []
    samples = ROOT / "readouts" / "samples"
    for gold in sorted((HERE / "gold").glob("*.yaml")):
        cases.append((gold.stem, gold, samples / gold.stem, Library(HERE / "no-user-pairs")))
    for folder in sorted(p for p in (HERE / "pairs").iterdir() if (p / "gold.yaml").exists()):
        cases.append((folder.name, folder / "gold.yaml", folder, Library(HERE / "pairs")))
    return cases


def _side_pair_golds(gold_path: Path, tmp: Path) -> list[Path]:
    """The gold file itself when it spans two sides, else one file per pair of sides (with those sides' topics)."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    sides = sorted({s.split("#")[0] for link in gold["links"] for s in _ends(link)})
    if len(sides) <= 2:
        return [gold_path]
    out = []
    for a, b in itertools.combinations(sides, 2):
        links = [link for link in gold["links"] if {s.split("#")[0] for s in _ends(link)} == {a, b}]
        path = tmp / f"{gold['pair']}.{a}.{b}.yaml"
        topics = {sid: tags for sid, tags in (gold.get("topics") or {}).items() if sid.split("#")[0] in (a, b)}
        path.write_text(yaml.safe_dump({"pair": f"{gold['pair']} ({a}/{b})", "links": links, "topics": topics}),
                        encoding="utf-8")
        out.append(path)
    return out


def _ends(link) -> tuple[str, str]:
    """A gold link's two sentence ids, in either of the eval's forms: ``[a, b]`` or ``{a:, b:, conflict: true}``."""
    return (link["a"], link["b"]) if isinstance(link, dict) else tuple(link)


def _has_topics(gold_path: Path) -> bool:
    """Whether a gold file also lists each sentence's topics (the pairs written since the eval's format had them)."""
    return bool(yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("topics"))


def _mean(rows: list[dict], key: str) -> float:
    return sum(r[key] for r in rows) / len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--similarity", default="lexical", choices=("lexical", "semantic"))
    ap.add_argument("--model", help="with --similarity semantic: a sentence-transformers model name or folder")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--check-scorer", action="store_true", help="also score with scoring.py and show differences")
    ap.add_argument("--keep", type=Path, help="write the JSON exports to this folder")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="vary one of the engine's numbers (comparisons/params.py), e.g. --param merge_mean=0.25")
    args = ap.parse_args(argv)

    eval_score, scorer_name = _eval_score()
    score = eval_score or (lambda g, s, d: own_score(g, json.loads(Path(s).read_text(encoding="utf-8")), d))
    scorer_name = scorer_name or "benchmarks/quality/scoring.py"
    params = default_params().replace(**{name: float(value) for name, _, value in
                                         (p.partition("=") for p in args.param)})
    options = CompareOptions(similarity=args.similarity, model=args.model, params=params)
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for pair_id, gold_path, text_dir, library in _cases():
            data = to_dict(compare(library.load(pair_id), options))
            export = tmp / f"{pair_id}.json"
            export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / export.name).write_bytes(export.read_bytes())
            parts = []
            for gold in _side_pair_golds(gold_path, tmp):
                result = score(str(gold), str(export), str(text_dir))
                if args.check_scorer:
                    mine = own_score(gold, data, text_dir)
                    for key in ("link_f1", "omission_f1", "tp", "pred_links", "gold_links"):
                        if mine[key] != result[key]:
                            print(f"scorer mismatch {gold.name} {key}: eval {result[key]} own {mine[key]}")
                parts.append(result)
            row = {"pair": pair_id, "side_pairs": len(parts)}
            for key in ("link_p", "link_r", "link_f1", "omission_f1"):
                row[key] = round(_mean(parts, key), 3)
            if _has_topics(gold_path) and all("topic_core_f1" in part for part in parts):
                for key in ("topic_core_f1", "topic_all_f1"):
                    row[key] = round(_mean(parts, key), 3)
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"scored with {scorer_name}")
    for r in rows:
        topics = f"  topics core/all {r['topic_core_f1']:.2f}/{r['topic_all_f1']:.2f}" if "topic_core_f1" in r else ""
        print(f"{r['pair']:44s} link P/R/F1 {r['link_p']:.2f}/{r['link_r']:.2f}/{r['link_f1']:.2f}  "
              f"omission F1 {r['omission_f1']:.2f}{topics}")
    print(f"MEAN own-words n={len(rows)} link_f1={_mean(rows, 'link_f1'):.3f} "
          f"omission_f1={_mean(rows, 'omission_f1'):.3f}")
    tagged = [r for r in rows if "topic_core_f1" in r]
    if tagged:
        print(f"MEAN topics n={len(tagged)} (pairs whose gold lists topics) topic_core_f1="
              f"{_mean(tagged, 'topic_core_f1'):.3f} topic_all_f1={_mean(tagged, 'topic_all_f1'):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
