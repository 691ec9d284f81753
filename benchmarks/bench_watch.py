"""What watching the library costs the terminal UI: one ``library_stamp`` (``tui/library_watch.py``) of libraries of
40, 400 and 2,000 pairs, against the reference measured in the same run, ``Library.entries()`` of the 40-pair
library (what the library screen does on every reload), and the share of one core the checks take at the interval
the app chooses (``DualreadApp.WATCH_SECONDS``, longer when a stamp costs more than ``WATCH_SHARE`` of it).

Run: ``python benchmarks/bench_watch.py``. The pairs are copies of the bundled samples in a temporary folder.
"""

from __future__ import annotations

import shutil
import tempfile
import timeit
from importlib import resources
from pathlib import Path

from readouts.library import Library
from tui.app import DualreadApp
from tui.library_watch import library_stamp


def _library(root: Path, pairs: int) -> Path:
    samples = sorted(p for p in Path(str(resources.files("readouts") / "samples")).iterdir() if p.is_dir())
    for n in range(pairs):
        sample = samples[n % len(samples)]
        target = root / f"{n:04d}-{sample.name}"
        shutil.copytree(sample, target)
        pair_yaml = target / "pair.yaml"
        pair_yaml.write_text(pair_yaml.read_text(encoding="utf-8").replace(f"id: {sample.name}",
                                                                           f"id: {target.name}"), encoding="utf-8")
    return root


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        print(f"{'pairs':>6} {'entries':>8} {'stamp ms':>9} {'every s':>8} {'core %':>7}")
        reference = None
        for pairs in (40, 400, 2_000):
            root = _library(Path(scratch) / str(pairs), pairs)
            stamp = min(timeit.repeat(lambda root=root: library_stamp(root), number=1, repeat=5))
            if reference is None:
                reference = min(timeit.repeat(lambda root=root: Library(root).entries(), number=1, repeat=3))
            interval = max(DualreadApp.WATCH_SECONDS, stamp / DualreadApp.WATCH_SHARE)
            print(f"{pairs:>6} {len(library_stamp(root)):>8} {stamp * 1000:>9.2f} {interval:>8.1f}"
                  f" {100 * stamp / interval:>7.3f}")
        print(f"reference: Library.entries() of the 40-pair library {reference * 1000:.1f} ms")


if __name__ == "__main__":
    main()
