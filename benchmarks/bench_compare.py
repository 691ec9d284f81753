"""How fast ``compare()`` is, and how its cost grows, on generated readouts; each figure beside a reference.

    python benchmarks/bench_compare.py            # all three measurements
    python benchmarks/bench_compare.py --quick    # smaller sizes, for a smoke run

All times are CPU time of this process (``time.process_time``), which stays meaningful on a busy machine.

1. A typical pair (20 x 20 claims): median ``compare()`` time in-process (cache not involved). Reference: scoring
   every claim against every claim with ``difflib.SequenceMatcher.ratio`` (400 ratios), measured in the same run.
2. 1,000 typical pairs compared and written as JSON (``jsonio.dumps``), in-process. Reference: the same 1,000
   pairs through the all-pairs difflib scoring.
3. Growth: a pair of 1,000 sentences (500 per side) against one of 4,000 (2,000 per side), time and peak Python
   memory (tracemalloc) and the process's peak RSS. Reference: the growth of all-pairs scoring (word-set overlap
   of every claim pair, the cheapest all-pairs scorer), measured at both sizes: 16x in theory.

The readouts are generated: the second side restates most of the first side's points in other words and order and
adds points of its own, as real readouts of one event do. Texts are synthetic, never real readouts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from comparisons.engine import compare  # noqa: E402
from comparisons.jsonio import dumps  # noqa: E402
from readouts.model import Pair, Participant, Side  # noqa: E402

SUBJECTS_A = ["President Hale", "The President", "He", "President Hale also", "The two leaders"]
SUBJECTS_B = ["Mikhail Orlov", "The Russian leader", "Orlov", "The President of Russia", "The presidents"]
VERBS = {
    "stressed": "underlined", "noted": "observed", "urged": "called on", "warned": "cautioned",
    "discussed": "talked over", "raised": "brought up", "welcomed": "praised", "reaffirmed": "restated",
    "proposed": "suggested", "agreed on": "reached agreement on",
}
OBJECTS = [
    "the need to lower tensions along the {w} border", "new sanctions if the {w} crisis escalates",
    "a round of talks in Geneva on January {d}", "the security guarantees sought for the {w} region",
    "the role of NATO allies in the {w} sector", "arms control and the future of the {w} treaty",
    "cyberattacks against the {w} grid", "the situation in {w} and the wider region",
    "the work of embassies and the return of {w} diplomats", "trade in {w} and energy supplies",
    "the exchange of {n} prisoners held since the {w} incident", "human rights and the {w} media case",
    "climate cooperation and the {w} summit", "the importance of regular contacts between the {w} teams",
    "a ceasefire along the {w} line", "expert groups on {w} shipping",
]
QUALIFIERS = [
    "before the {v} deadline", "with the help of {v} mediators", "under the {v} framework",
    "as the {v} round approaches", "in line with the {v} commitments", "despite objections from {v}",
    "after the incident near {v}", "with reference to the {v} report", "so that the {v} channel stays open",
    "in view of the {v} elections", "together with partners in {v}", "at the request of {v}",
]
FILLER = ["in detail", "once again", "at length", "firmly", "in this context", "as agreed earlier", "frankly"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))).title()


def _sentence(rng: random.Random, subjects: list[str], verb: str, obj: str) -> str:
    extra = f" {rng.choice(FILLER)}" if rng.random() < 0.3 else ""
    return f"{rng.choice(subjects)} {verb}{extra} {obj}."


def generate_pair(n_a: int, n_b: int, seed: int, *, pair_id: str = "bench-pair") -> Pair:
    """Two readouts of one invented event: side B restates ~60% of side A's points, reordered, plus its own."""
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(max(50, (n_a + n_b) // 2))]
    def point() -> str:
        obj = rng.choice(OBJECTS).format(w=rng.choice(vocab), d=rng.randint(1, 28), n=rng.randint(2, 90))
        return obj + " " + rng.choice(QUALIFIERS).format(v=rng.choice(vocab))

    points = [(rng.choice(list(VERBS)), point()) for _ in range(n_a)]
    side_a = [_sentence(rng, SUBJECTS_A, verb, obj) for verb, obj in points]
    shared = [p for p in points if rng.random() < 0.6][:n_b]
    side_b = [_sentence(rng, SUBJECTS_B, VERBS[verb], obj) for verb, obj in shared]
    while len(side_b) < n_b:
        side_b.append(_sentence(rng, SUBJECTS_B, rng.choice(list(VERBS.values())), point()))
    # Real readouts reorder points, but in blocks, not at random.
    blocks = [side_b[i:i + 4] for i in range(0, len(side_b), 4)]
    rng.shuffle(blocks)
    side_b = [s for block in blocks for s in block]
    return Pair(
        id=pair_id, event="An invented call", date=dt.date(2024, 1, 1),
        sides=(Side("white-house", _text("Readout of the call", side_a, rng), publisher="Side A"),
               Side("kremlin", _text("Telephone conversation", side_b, rng), publisher="Side B")),
        participants=(Participant("Daniel Hale", ("Hale", "President Hale")),
                      Participant("Mikhail Orlov", ("Orlov", "the Russian leader"))),
    )


def _text(title: str, sentences: list[str], rng: random.Random) -> str:
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+", text.split("\n\n", 1)[1]) if s.strip()]


def difflib_all_pairs(pair: Pair) -> float:
    a, b = (_sentences(s.text) for s in pair.sides)
    best = 0.0
    for x in a:
        matcher = difflib.SequenceMatcher(None, x)
        for y in b:
            matcher.set_seq1(y)
            best = max(best, matcher.ratio())
    return best


def overlap_all_pairs(pair: Pair) -> int:
    a, b = ([frozenset(s.lower().split()) for s in _sentences(side.text)] for side in pair.sides)
    return sum(1 for x in a for y in b if len(x & y) > 3)


def _clock() -> float:
    """CPU time of this process: the engine is single-threaded, and on a busy machine wall time mostly measures
    the other processes. Every figure below, ours and the references, is CPU seconds."""
    return time.process_time()


def timed(fn, *args) -> float:
    start = _clock()
    fn(*args)
    return _clock() - start


def bench_typical(repeats: int) -> None:
    pairs = [generate_pair(20, 20, seed) for seed in range(repeats)]
    compare(pairs[0])  # load the taxonomy and lexicons once, as a running app has
    ours = statistics.median(timed(compare, p) for p in pairs)
    ref = statistics.median(timed(difflib_all_pairs, p) for p in pairs)
    print(f"typical pair (20 x 20 claims): compare median {ours * 1000:.1f} ms over {repeats} pairs; "
          f"reference all-pairs difflib ratio {ref * 1000:.1f} ms (x{ours / ref:.2f})")


def bench_stages(repeats: int) -> None:
    """Where a typical comparison's time goes, stage by stage (each stage's module function, timed in place)."""
    import importlib

    stages = {"split": ("readouts.documents", "split_document"), "tag": ("comparisons.topics.tagging", "tag_claims"),
              "align": ("comparisons.matching.align", "align"), "word diffs": ("comparisons.words.worddiff", "word_diff"),
              "conflicts": ("comparisons.conflicts.detect", "find_conflicts")}
    spent = dict.fromkeys(stages, 0.0)
    originals = []
    for name, (module_name, attr) in stages.items():
        module = importlib.import_module(module_name)
        original = getattr(module, attr)
        originals.append((module, attr, original))

        def timed_stage(*args, _name=name, _original=original, **kwargs):
            start = _clock()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_name] += _clock() - start

        setattr(module, attr, timed_stage)
    try:
        pairs = [generate_pair(20, 20, 500 + seed) for seed in range(repeats)]
        total = sum(timed(compare, p) for p in pairs)
    finally:
        for module, attr, original in originals:
            setattr(module, attr, original)
    parts = ", ".join(f"{name} {t / repeats * 1000:.1f}" for name, t in spent.items())
    rest = (total - sum(spent.values())) / repeats * 1000
    print(f"typical pair, mean ms per stage: {parts}, engine itself {rest:.1f} (total {total / repeats * 1000:.1f})")


def bench_thousand(n: int) -> None:
    pairs = [generate_pair(20, 20, 1000 + seed, pair_id=f"bench-{seed}") for seed in range(n)]
    start = _clock()
    size = sum(len(dumps(compare(p))) for p in pairs)
    ours = _clock() - start
    ref = sum(timed(difflib_all_pairs, p) for p in pairs)
    print(f"{n} typical pairs compared and written as JSON: {ours:.2f} s ({size / 1e6:.1f} MB of JSON); "
          f"reference all-pairs difflib over the same pairs {ref:.2f} s")


def bench_growth(small: int, large: int) -> None:
    rows = []
    for total in (small, large):
        pair = generate_pair(total // 2, total // 2, 7)
        ours = timed(compare, pair)
        # Memory is measured in a second run: tracing allocations slows Python down severalfold.
        tracemalloc.start()
        compare(pair)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        ref = timed(overlap_all_pairs, pair)
        rows.append((total, ours, peak, ref))
        print(f"{total} sentences ({total // 2} per side): compare {ours:.2f} s, peak traced memory "
              f"{peak / 2**20:.0f} MiB; reference all-pairs word overlap {ref:.2f} s")
    (s_n, s_t, _, s_ref), (l_n, l_t, _, l_ref) = rows
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"growth {s_n} -> {l_n} sentences: compare x{l_t / s_t:.1f}; all-pairs reference x{l_ref / s_ref:.1f} "
          f"(x{(l_n / s_n) ** 2:.0f} in theory); process peak RSS {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes for a smoke run")
    args = parser.parse_args()
    bench_typical(5 if args.quick else 30)
    bench_stages(5 if args.quick else 30)
    bench_thousand(50 if args.quick else 1000)
    bench_growth(*((200, 800) if args.quick else (1000, 4000)))


if __name__ == "__main__":
    main()
