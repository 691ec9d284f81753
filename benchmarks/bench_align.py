"""How alignment cost grows with the size of a pair.

    python benchmarks/bench_align.py [--quick]

Builds synthetic readout pairs (sentences drawn from diplomatic phrases, places, dates and a vocabulary that keeps
growing with the text, as real texts do), aligns pairs of 20, 1,000 and 4,000 sentences per side, and prints:
- the wall time and the number of claim pairs scored for each size;
- the growth of time from 1,000 to 4,000 sentences (target: at most 8x; scoring all pairs would be 16x), and of the
  pairs scored, which the aligner caps per claim;
- as the reference measured in the same run, the time to score every cross pair of the 1,000-sentence pair with
  the same scorer (what an aligner without blocking would pay at least);
- the peak memory of the 4,000-sentence alignment (tracemalloc).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from comparisons.matching.align import align  # noqa: E402
from comparisons.params import default_params  # noqa: E402
from comparisons.matching.similarity import get_scorer  # noqa: E402
from readouts.model import Claim, Document, Side  # noqa: E402

SUBJECTS = ["The President", "The Prime Minister", "The two leaders", "The Chancellor", "The delegations", "He"]
VERBS = ["stressed", "urged", "warned", "noted", "agreed", "discussed", "welcomed", "expressed concern about"]
TOPICS = ["sanctions relief", "a ceasefire", "grain exports through the ports", "talks in Geneva",
          "the nuclear programme", "cyberattacks on hospitals", "troop movements near the border",
          "humanitarian corridors", "energy supplies for the winter", "the release of prisoners",
          "climate finance", "the situation in the Middle East", "visa rules for diplomats"]
PLACES = ["Geneva", "Vienna", "Istanbul", "Riyadh", "Brussels", "Nairobi", "Jakarta", "Brasilia"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def readout(key: str, sentences: int, vocabulary: list[str], rng: random.Random) -> Document:
    parts, claims, start = [], [], 0
    for i in range(sentences):
        extra = " ".join(rng.sample(vocabulary, 3))
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TOPICS)} with {extra} "
                f"in {rng.choice(PLACES)} on {rng.choice(MONTHS)} {rng.randint(1, 28)}.")
        claims.append(Claim(key, i, start, start + len(text), text, paragraph=i // 4))
        parts.append(text)
        start += len(text) + 1
    return Document(Side(key, " ".join(parts)), tuple(claims))


def pair(sentences: int, seed: int = 1) -> list[Document]:
    """Two readouts of one event: they draw on one vocabulary, which grows with the length of the texts."""
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bcdfgklmnprstvz')}{rng.choice('aeiou')}{i}" for i in range(sentences * 2)]
    return [readout("left", sentences, vocabulary, rng), readout("right", sentences, vocabulary, rng)]


def timed_align(docs: list[Document], repeat: int = 1) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = align(docs, {}, get_scorer("lexical"))
        best = min(best, time.perf_counter() - t)
    return best, result.scored_pairs


def all_pairs_time(docs: list[Document]) -> float:
    t = time.perf_counter()
    prepared = get_scorer("lexical").prepare(docs)
    left, right = docs
    for a in left.claims:
        for b in right.claims:
            prepared.score(a.id, b.id)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 vs 250 sentences instead of 4,000 vs 1,000")
    args = parser.parse_args()
    small_n, large_n = (250, 1000) if args.quick else (1000, 4000)

    typical, _ = timed_align(pair(20), repeat=20)
    print(f"typical pair (20 x 20 claims): {typical * 1000:.1f} ms")

    # Best of three runs: on a busy machine a single run measures the neighbours as much as the code.
    small_t, small_pairs = timed_align(pair(small_n), repeat=3)
    large_docs = pair(large_n)
    large_t, large_pairs = timed_align(large_docs, repeat=3)
    # Memory is measured in a separate run: tracing allocations slows Python down several times.
    tracemalloc.start()
    align(large_docs, {}, get_scorer("lexical"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{small_n:>5} sentences per side: {small_t:7.2f} s, {small_pairs:>9,} pairs scored "
          f"of {small_n * small_n:,}")
    print(f"{large_n:>5} sentences per side: {large_t:7.2f} s, {large_pairs:>9,} pairs scored "
          f"of {large_n * large_n:,}; peak memory {peak / 2**20:.0f} MiB")
    cap = default_params().max_candidates
    print(f"growth for 4x the sentences: time {large_t / small_t:.1f}x (target <= 8x; all pairs would be 16x); "
          f"pairs scored {large_pairs / small_pairs:.1f}x, never more than {cap} per claim "
          f"({2 * large_n * cap:,} at {large_n})")
    reference = all_pairs_time(pair(small_n))
    print(f"reference, same run: scoring all {small_n * small_n:,} pairs of the {small_n}-sentence pair takes "
          f"{reference:.2f} s (alignment took {small_t:.2f} s)")


if __name__ == "__main__":
    main()
