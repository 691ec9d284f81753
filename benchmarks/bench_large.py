"""How ``compare()`` and its cache entry grow with the size of a pair, from 0.5 MB to 5 MB of text; a linear pass
over the same text is the reference, measured in the same run.

    python benchmarks/bench_large.py            # 0.5, 1, 2 and 5 MB of typical sentences; 0.5 and 5 MB of the rest
    python benchmarks/bench_large.py --quick    # 0.1 and 1 MB, for a smoke run

Three shapes of text, each a pair of two sides of half the size: typical readout sentences (about 100 characters,
``bench_compare.generate_pair``), short one-sentence paragraphs (25 characters: the most claims per MB), and long
sentences at the claim limit (``readouts.limits.MAX_CLAIM_CHARS`` characters: the engine's costliest claims). In
the last two the second side restates every point of the first with a tenth of the words changed, so every claim
has a partner to link with. For each size it prints the CPU time of ``compare()`` (seconds, and seconds per MB), the
reference (``readouts.segment.segment`` over both sides: one linear pass), the cache entry's size as a multiple of
the texts' (``comparisons.cache``: as stored, gzipped, and unpacked), and the growth of both times from the smallest size to the largest (10x the
text: about 10x is linear, 100x would be quadratic). 5 MB is past what a readout may be (1 MB per side,
``readouts.limits``): the engine is called directly, to show how it scales. Texts are generated, never real.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import _word, generate_pair  # noqa: E402
from comparisons.cache import _dumps, _entry  # noqa: E402
from comparisons.engine import compare  # noqa: E402
from readouts.limits import MAX_CLAIM_CHARS  # noqa: E402
from readouts.model import Pair, Side  # noqa: E402
from readouts.segment import segment  # noqa: E402

MB = 1_000_000
WORDS = ("the leaders discussed grain exports through the ports and agreed that talks on the border would go on "
         "in Geneva while sanctions stayed in place and troops pulled back from the line").split()


def typical(total: int, seed: int) -> Pair:
    """Typical readout sentences: ``generate_pair`` sized to ``total`` bytes (about 105 bytes a sentence)."""
    per_side = max(10, total // 2 // 105)
    return generate_pair(per_side, per_side, seed)


def _sentence(rng: random.Random, chars: int) -> str:
    """Topic words and invented names of its own (a dozen, drawn afresh), so that each sentence is told apart from
    the others by its words, at any size of text."""
    own = [_word(rng) for _ in range(12)]
    words, size = [], 0
    while size < chars:
        word = rng.choice(WORDS) if rng.random() < 0.5 else rng.choice(own)
        words.append(word)
        size += len(word) + 1
    return " ".join(words).capitalize() + "."


def _pair_of(total: int, chars: int, seed: int) -> Pair:
    """One sentence per paragraph; the second side restates each point of the first with a tenth of its words
    changed, so that every claim has a partner to link with (the costly case), in the same order."""
    rng = random.Random(seed)
    north, size = [], 0
    while size < total // 2:
        north.append(_sentence(rng, chars))
        size += len(north[-1]) + 2
    south = [" ".join(rng.choice(WORDS) if rng.random() < 0.1 else word for word in s.split()) for s in north]
    return Pair("bench-large", "An invented call", dt.date(2024, 1, 1),
                tuple(Side(key, "Readout\n\n" + "\n\n".join(sentences) + "\n")
                      for key, sentences in (("north", north), ("south", south))))


def short_paragraphs(total: int, seed: int) -> Pair:
    return _pair_of(total, 25, seed)


def long_sentences(total: int, seed: int) -> Pair:
    return _pair_of(total, MAX_CLAIM_CHARS - 100, seed)


def _cpu(fn, *args) -> tuple[float, object]:
    start = time.process_time()
    result = fn(*args)
    return time.process_time() - start, result


def measure(shape: str, make, sizes: list[int]) -> None:
    rows = []
    for total in sizes:
        pair = make(total, 7)
        size = sum(len(side.text.encode("utf-8")) for side in pair.sides)
        ours, comparison = _cpu(compare, pair)
        ref, _ = _cpu(lambda p: [segment(side.text) for side in p.sides], pair)
        claims = sum(len(d.claims) for d in comparison.documents)
        stored = len(_entry(comparison))
        unpacked = len(_dumps(comparison).encode("utf-8"))
        rows.append((size, ours, ref))
        print(f"{shape:17} {size / MB:5.2f} MB {claims:7,} claims {len(comparison.links):6,} links: compare "
              f"{ours:7.2f} s ({ours / (size / MB):5.1f} s/MB); reference segment {ref:5.2f} s; cache entry "
              f"{stored / size:4.1f}x the texts ({unpacked / size:4.1f}x unpacked)", flush=True)
    (s_size, s_ours, s_ref), (l_size, l_ours, l_ref) = rows[0], rows[-1]
    print(f"{shape:17} growth {s_size / MB:.2f} -> {l_size / MB:.2f} MB (x{l_size / s_size:.1f} text): compare "
          f"x{l_ours / s_ours:.1f}, reference x{l_ref / max(s_ref, 1e-9):.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="0.1 and 1 MB only")
    args = parser.parse_args()
    compare(typical(2_000, 1))  # load the taxonomy and lexicons once, as a running app has
    full = [MB // 10, MB] if args.quick else [MB // 2, MB, 2 * MB, 5 * MB]
    ends = [full[0], full[-1]]
    measure("typical sentences", typical, full)
    measure("short paragraphs", short_paragraphs, ends)
    measure("long sentences", long_sentences, ends)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
