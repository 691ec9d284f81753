"""Topic F1 on the eval's dev pairs in two fixed halves, so that rules chosen on one half are judged on the other.

    python benchmarks/topic_halves.py                 # per pair, per half, and the mean of both halves
    python benchmarks/topic_halves.py --errors A      # half A's mistaken tags: sentence id, gold, ours
    python benchmarks/topic_halves.py --json

Needs ``../shared/eval`` beside the checkout (or ``--eval DIR``). Each dev pair is added to a temporary library the
way the eval's ``harness.py`` adds it (same sides, publishers, titles, URLs), compared in-process with the engine's
defaults, exported as JSON and scored by the eval's own ``score.py``, so the figures are the harness's; it is only
faster (no process per command). Link F1 is printed beside, to show that a topic change left links alone.

The halves are fixed: each holds three US–Russia pairs, three US–Ukraine pairs and one other, so both read like the
whole. The way to use them: look only at half A's errors (``--errors A``) while choosing a rule, then read half B's
figures before and after; swap. What counts is the half a rule was not chosen on. ``--errors`` prints sentence ids
and topic ids, never the readouts' text.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comparisons.engine import compare  # noqa: E402
from comparisons.jsonio import to_dict  # noqa: E402
from readouts.adding import add_pair  # noqa: E402
from readouts.library import Library  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
HALVES = {
    "A": ("2013-04-29-obama-putin-call", "2014-08-01-obama-putin-call", "2021-12-30-biden-putin-call",
          "2021-12-09-biden-zelenskyy-call", "2022-01-27-biden-zelenskyy-call", "2022-03-30-biden-zelenskyy-call",
          "2020-01-08-johnson-trudeau-call"),
    "B": ("2014-03-06-obama-putin-call", "2021-07-09-biden-putin-call", "2025-03-25-us-russia-black-sea-expert-groups",
          "2022-01-02-biden-zelenskyy-call", "2022-02-13-biden-zelenskyy-call", "2022-06-15-biden-zelenskyy-call",
          "2022-03-11-niinisto-putin-call"),
}
CORE = ("sanctions", "de-escalation", "talks")


def run_pair(folder: Path, library: Library, tmp: Path, score) -> tuple[dict, dict]:
    """(the eval's scores, the export) for one dev pair, added as the harness adds it."""
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
    sides = [(Path(s["file"]).stem, s) for s in meta["sides"]]
    options = {opt: {key: s[opt] for key, s in sides if s.get(opt)} for opt in ("publisher", "title", "url")}
    result = add_pair(library, folder.name, str(meta["event"]), str(meta["date"]),
                      [(key, str(folder / s["file"])) for key, s in sides],
                      publishers=options["publisher"], titles=options["title"], urls=options["url"])
    data = to_dict(compare(result.pair))
    export = tmp / f"{folder.name}.json"
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return score(str(folder / "gold.yaml"), str(export), str(folder)), data


def errors(folder: Path, data: dict, score_module) -> list[str]:
    """Each gold sentence whose topics we got wrong: id, what gold says, what we said (ids only)."""
    _, _, _, gold = score_module.load_gold(folder / "gold.yaml")
    lines = []
    for doc in data["documents"]:
        side = score_module.side_of(doc, sorted({k.split("#")[0] for k in gold}))
        if side is None:
            continue
        text = (folder / f"{side}.txt").read_text(encoding="utf-8")
        for sentence in score_module.sentences(text):
            if sentence["i"] == 0:
                continue
            sid = f"{side}#{sentence['i']}"
            span = score_module.locate(sentence["text"], doc["text"])
            ours: set[str] = set()
            if span:
                for claim in doc["claims"]:
                    overlap = min(span[1], claim["end"]) - max(span[0], claim["start"])
                    if overlap > 0 and (overlap >= 0.5 * (span[1] - span[0]) or
                                        overlap >= 0.5 * (claim["end"] - claim["start"])):
                        ours |= set(claim["topics"])
            wanted = gold.get(sid, set()) - {"other"}
            if ours != wanted:
                missed, extra = sorted(wanted - ours), sorted(ours - wanted)
                lines.append(f"  {sid:22s} gold {sorted(wanted)}  missed {missed}  extra {extra}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the eval folder (default ../shared/eval)")
    ap.add_argument("--errors", choices=tuple(HALVES), help="print this half's mistaken tags")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.eval))
    import score as score_module  # the eval's own scorer

    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        library = Library(tmp / "library")
        for half, pairs in HALVES.items():
            for pair_id in pairs:
                folder = args.eval / "dev" / pair_id
                result, data = run_pair(folder, library, tmp, score_module.score)
                rows.append({"half": half, "pair": pair_id, "topic_core_f1": result["topic_core_f1"],
                             "topic_all_f1": result["topic_all_f1"], "link_f1": result["link_f1"]})
                if args.errors == half:
                    print(pair_id)
                    print("\n".join(errors(folder, data, score_module)))
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0

    def mean(rs: list[dict], key: str) -> float:
        return sum(r[key] for r in rs) / len(rs)

    for r in rows:
        print(f"{r['half']}  {r['pair']:46s} topics core/all {r['topic_core_f1']:.3f}/{r['topic_all_f1']:.3f}  "
              f"link F1 {r['link_f1']:.3f}")
    for half in HALVES:
        rs = [r for r in rows if r["half"] == half]
        print(f"HALF {half} n={len(rs)} topic_core_f1={mean(rs, 'topic_core_f1'):.3f} "
              f"topic_all_f1={mean(rs, 'topic_all_f1'):.3f} link_f1={mean(rs, 'link_f1'):.3f}")
    print(f"ALL    n={len(rows)} topic_core_f1={mean(rows, 'topic_core_f1'):.3f} "
          f"topic_all_f1={mean(rows, 'topic_all_f1'):.3f} link_f1={mean(rows, 'link_f1'):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
