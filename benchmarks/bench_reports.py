"""How much a readable report costs over the JSON export: 200 pairs exported as HTML against the same pairs as JSON.

    python benchmarks/bench_reports.py             # 200 pairs
    python benchmarks/bench_reports.py --pairs 40  # a smoke run

A temporary library holds N user pairs, copies of the bundled samples under new ids (their texts are the project's
own). One warm-up export computes and caches every comparison, so the figures measure exporting, not comparing.

1. ``export_all`` (what ``dualread export --all`` runs: load from the cache, render, write atomically, index),
   best of three, for JSON (the reference), HTML, Markdown and CSV. Target: HTML at most 3x JSON.
2. Rendering only, in memory (``render(comparison, fmt)`` over the N loaded comparisons), best of three: the part
   of the cost that is the report's own.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from comparisons.cache import cached_compare  # noqa: E402
from comparisons.options import CompareOptions  # noqa: E402
from comparisons.reports import export_all, render  # noqa: E402
from readouts.library import Library  # noqa: E402

TARGET = 3.0


def build_library(root: Path, n: int) -> Library:
    samples = Library(root / "none").entries()
    for i in range(n):
        entry = samples[i % len(samples)]
        pair_id = f"bench-{i:04d}-{entry.id}"[:80]
        folder = root / pair_id
        folder.mkdir(parents=True)
        for side in entry.pair.sides:
            (folder / side.file).write_text(side.text + "\n", encoding="utf-8")
        yaml = (Path(str(entry.path)) / "pair.yaml").read_text(encoding="utf-8")
        yaml = yaml.replace(f"id: {entry.id}", f"id: {pair_id}").replace("\nsample: true", "")
        (folder / "pair.yaml").write_text(yaml, encoding="utf-8")
    return Library(root)


def best_of(runs: int, work) -> tuple[float, float]:
    """Best wall-clock and best CPU time (this process) of ``runs`` runs: on a busy machine the wall clock also
    counts other programs and disk flushes, so both are shown and the ratio is taken on each."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def report(times: dict[str, tuple[float, float]], pairs: int) -> None:
    ref_wall, ref_cpu = times["json"]
    for fmt, (wall, cpu) in times.items():
        print(f"   {fmt:<5} wall {wall * 1000:8.1f} ms ({wall / ref_wall:4.2f}x JSON)   "
              f"CPU {cpu * 1000:8.1f} ms ({cpu / ref_cpu:4.2f}x JSON)   {cpu / pairs * 1000:6.2f} ms CPU per pair")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dualread-bench-reports-"))
    try:
        library = build_library(tmp / "lib", args.pairs)
        options = CompareOptions()
        start = time.perf_counter()
        warm = export_all(library, options, "json", tmp / "warm")
        user_pairs = [e for e in library.entries() if not e.sample]
        print(f"library: {len(user_pairs)} pairs (+{len(library.entries()) - len(user_pairs)} bundled samples); "
              f"warm-up compare and cache {time.perf_counter() - start:.2f} s, {len(warm.failed)} failed")

        print(f"\n1. export_all, best of {args.runs} (load from cache, render, write, index)")
        export_times = {}
        for fmt in ("json", "html", "md", "csv"):
            export_times[fmt] = best_of(args.runs, lambda: export_all(library, options, fmt, tmp / f"out-{fmt}"))
        report(export_times, len(library.entries()))
        for fmt in export_times:
            size = sum(p.stat().st_size for p in (tmp / f"out-{fmt}").iterdir())
            print(f"   {fmt:<5} wrote {size / 1e6:6.2f} MB")
        for i, clock in enumerate(("wall", "CPU")):
            ratio = export_times["html"][i] / export_times["json"][i]
            verdict = "within" if ratio <= TARGET else "OVER"
            print(f"   HTML / JSON ({clock}) = {ratio:.2f}x ({verdict} the target of {TARGET:.0f}x)")

        comparisons = [cached_compare(e.pair, options, library.cache_dir) for e in library.entries() if e.ok]
        print(f"\n2. render only, {len(comparisons)} comparisons in memory, best of {args.runs}")
        render_times = {fmt: best_of(args.runs, lambda: [render(c, fmt) for c in comparisons])
                        for fmt in ("json", "html", "md", "csv")}
        report(render_times, len(comparisons))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
