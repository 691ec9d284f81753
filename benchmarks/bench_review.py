"""What one review action costs in the terminal UI, after the key: the decision merged into review.yaml under its
lock and written atomically (``change_review``), then the engine's result with the review applied again
(``apply_review``), against the reference measured in the same run, the comparison read from the disk cache
(``cached_compare``, what opening a pair costs when it was compared before).

Two pairs: the largest bundled sample, and the same sample's texts repeated ``--copies`` times on each side (a
long readout). The review decides on every link the engine made, so
it holds one decision a link (every third takes a claim out of its link, so applying it computes that link again);
each action then adds one more (confirm an omission), the TUI's commonest step.

Run: ``python benchmarks/bench_review.py`` (``--copies 10`` by default). Figures are CPU seconds of this process
(steady on a busy machine), best of five.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from comparisons.cache import cached_compare
from comparisons.options import CompareOptions
from comparisons.review import edits
from comparisons.review.apply import apply_review
from comparisons.review.decisions import Review
from comparisons.review.edits import decide
from comparisons.review.reviewed import change_review
from readouts.library import Library

SAMPLE = "2022-11-14-biden-xi-bali-meeting"


def best(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times)


def measure(library: Library, pair_id: str) -> None:
    options = CompareOptions()
    pair = library.load(pair_id)
    engine = cached_compare(pair, options, library.cache_dir)  # computed once here, then read from the cache
    review = Review((), pair.id)
    links = [row for row in engine.rows if row.link is not None]
    for n, row in enumerate(links):
        if n % 3:
            review = decide(review, edits.confirm(row))[0]
        else:  # a claim taken out: the link is computed again (diff, conflicts, score) when the review is applied
            review = decide(review, edits.unlink([engine.claim(row.link.claims[-1])]))[0]
    change_review(library, pair, lambda _old: review)
    omissions = [r for r in engine.rows if r.omission is not None]
    cached = best(lambda: cached_compare(pair, options, library.cache_dir))
    steps = iter(omissions * 10)

    def one_action() -> None:
        row = next(steps)
        change_review(library, pair, lambda old: decide(old, edits.confirm(row))[0])

    saved = best(one_action)
    applied = best(lambda: apply_review(engine, review))
    claims = sum(len(d.claims) for d in engine.documents)
    print(f"{pair_id[:40]:<40} {claims:>7} {len(review.decisions):>10} {saved * 1000:>9.1f} "
          f"{applied * 1000:>10.1f} {(saved + applied) * 1000:>9.1f} {cached * 1000:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        library = Library(Path(scratch) / "library")
        sample = library.load(SAMPLE)
        library.save(sample)
        long_id = f"{SAMPLE}-x{args.copies}"
        sides = tuple(replace(s, text="\n\n".join([s.text] * args.copies)) for s in sample.sides)
        library.save(replace(sample, id=long_id, sides=sides, sample=False))
        print(f"{'pair':<40} {'claims':>7} {'decisions':>10} {'saved ms':>9} {'applied ms':>10} {'action ms':>9}"
              f" {'cached ms':>10}")
        for pair_id in (SAMPLE, long_id):
            measure(library, pair_id)
        print("action = saved (lock, merge, atomic write) + applied (the review on the engine's result); "
              "reference: cached = the comparison read from the disk cache")


if __name__ == "__main__":
    main()
