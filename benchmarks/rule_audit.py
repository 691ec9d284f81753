"""Which hand-made rules fire in how many pairs: the audit behind "a phrase taken from one pair is not a rule".

    python benchmarks/rule_audit.py                 # the rules that fire in exactly one pair of the corpora
    python benchmarks/rule_audit.py --all           # every rule with its pair count
    python benchmarks/rule_audit.py --pairs         # ... and name the pairs

Every topic signal of the default taxonomy (each keyword, hint, pattern and context word on its own) and every
phrase of the concept lexicon is run over the sentences of the texts the rules may have been made from: the eval's
dev pairs (``../shared/eval/dev``, when beside the checkout), the own-words pairs of ``benchmarks/quality/pairs``
and the bundled samples. It counts the pairs each rule fires in. A rule that fires in exactly one pair is a
candidate for review: a family of expressions shows up in several readouts, a phrase one readout happened to use
does not. (A rule that fires nowhere is general knowledge, not a fitted phrase, and is not flagged.) The eval's
unpaired readouts are counted apart (``elsewhere``), as text the rules were not meant to fit. Only rule texts and
pair ids are printed, never the readouts' sentences.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comparisons.matching import concepts  # noqa: E402
from comparisons.topics.signals import Matcher  # noqa: E402
from comparisons.topics.taxonomy import Taxonomy, Topic, default_taxonomy  # noqa: E402
from readouts.segment import segment  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def corpora(eval_dir: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(made-from pairs, elsewhere pairs): pair name -> its sentences (every side's)."""

    def sentences(folder: Path) -> list[str]:
        out = []
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            out.extend(text[s.start:s.end] for s in segment(text))
        return out

    made_from: dict[str, list[str]] = {}
    for folder in sorted((eval_dir / "dev").glob("*/")):
        made_from[f"dev/{folder.name}"] = sentences(folder)
    for folder in sorted((ROOT / "benchmarks" / "quality" / "pairs").glob("*/")):
        made_from[f"own/{folder.name}"] = sentences(folder)
    for folder in sorted((ROOT / "readouts" / "samples").glob("*/")):
        made_from[f"sample/{folder.name}"] = sentences(folder)
    elsewhere = {f"unpaired/{f.name}": sentences(f) for f in sorted((eval_dir / "unpaired").glob("*/"))}
    return made_from, elsewhere


def signal_rules() -> list[tuple[str, Topic]]:
    """Each signal of the default taxonomy as a one-signal topic (with its topic's exclusions)."""
    rules = []
    for topic in default_taxonomy().topics:
        for field, signals in (("signal", topic.signals), ("context", topic.context)):
            for signal in signals:
                name = f"{topic.id}/{signal.family or '-'}: {signal.text}" + (" (context)" if field == "context" else "")
                rules.append((name, Topic(f"r{len(rules)}", name, keywords=(signal,) if signal.kind == "keyword"
                                          else (), patterns=(signal,) if signal.kind == "pattern" else (),
                                          exclude=topic.exclude)))
    return rules


def fired_signals(texts: dict[str, list[str]]) -> dict[str, set[str]]:
    rules = signal_rules()
    matcher = Matcher(Taxonomy(tuple(topic for _, topic in rules), "audit"))
    names = {topic.id: name for name, topic in rules}
    fired: dict[str, set[str]] = defaultdict(set)
    for pair, sentences in texts.items():
        for sentence in sentences:
            own, _ = matcher.evidence(sentence)
            for topic_id in own:
                fired[names[topic_id]].add(pair)
    # context signals are compiled as plain keywords here (one topic each), so they count like the rest
    return fired


def fired_phrases(texts: dict[str, list[str]]) -> dict[str, set[str]]:
    data = concepts._load("lexicon.yaml")
    groups = {f"{key}: {phrase}": [str(phrase)] for key, entry in data.items() for phrase in entry["phrases"]}
    lexicon = concepts._lexicon(groups, dict.fromkeys(groups, 1.0))
    fired: dict[str, set[str]] = {name: set() for name in groups}
    for pair, sentences in texts.items():
        for sentence in sentences:
            for name in lexicon.find(concepts.normalise(sentence)):
                fired[name].add(pair)
    return fired


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="list every rule, not only those of one pair")
    ap.add_argument("--pairs", action="store_true", help="name the pairs each listed rule fires in")
    ap.add_argument("--eval", type=Path, default=EVAL, help="the eval folder (default ../shared/eval)")
    args = ap.parse_args(argv)
    made_from, elsewhere = corpora(args.eval)
    print(f"{len(made_from)} pairs the rules may come from, {len(elsewhere)} readouts elsewhere")
    for kind, find, rules in (("topic signals", fired_signals, [n for n, _ in signal_rules()]),
                              ("lexicon phrases", fired_phrases, None)):
        inside, outside = find(made_from), find(elsewhere)
        names = rules if rules is not None else sorted(inside)
        single = [n for n in names if len(inside.get(n, ())) == 1]
        print(f"\n{kind}: {len(names)}; fire in no pair {sum(1 for n in names if not inside.get(n))}, "
              f"in exactly one {len(single)}, in two or more {sum(1 for n in names if len(inside.get(n, ())) > 1)}")
        for name in names if args.all else single:
            pairs = sorted(inside.get(name, ()))
            where = f"  [{', '.join(pairs)}]" if args.pairs else ""
            print(f"  {len(pairs):3d} pairs  {len(outside.get(name, ())):2d} elsewhere  {name}{where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
