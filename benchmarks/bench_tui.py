"""How fast the terminal UI shows its first screen and paints a cached comparison (issue 4, "Speed").

Measured headless with ``App.run_test`` in one process, so machine load hits every figure alike:

1. First screen: a bare Textual app (one Static and a Footer) against dualread's library screen over the bundled
   samples, each from entering ``run_test`` until the first ``pilot.pause()`` returns (the screen composed,
   laid out and painted), and for dualread also until the pairs are in the table (the library is read by a
   worker). Alternating runs; medians. Target: the library within 2x the bare app.
2. A cached comparison: with each sample's comparison already in the library's disk cache (and not in memory),
   the time from opening the pair until its rows are painted (worker loads the cache, screen shows it, one
   refresh). Also the in-memory case (a pair the library screen has already compared). Target: under 100 ms.
   Reference in the same run: pushing a screen holding one Static.

Run: ``.venv/bin/python benchmarks/bench_tui.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, Static

from comparisons.cache import cached_compare
from comparisons.options import CompareOptions
from readouts.library import Library
from tui.app import DualreadApp


class BareApp(App[None]):
    def compose(self):
        yield Static("dualread")
        yield Footer()


class OneStatic(Screen[None]):
    def compose(self):
        yield Static("a screen")


async def first_screen(make_app) -> tuple[float, float]:
    """(first paint, pairs listed) in seconds; the same figure twice for an app without a library."""
    start = time.perf_counter()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        painted = time.perf_counter() - start
        if isinstance(app, DualreadApp):
            while not app.screen.query_one("#pairs").row_count:
                await asyncio.sleep(0.001)
            await pilot.pause()
        return painted, time.perf_counter() - start


async def open_times(library: Library, options: CompareOptions, pair_ids: list[str], runs: int):
    """(from disk cache, from memory, reference screen push) timings in seconds, one list each."""
    disk, memory, reference = [], [], []
    app = DualreadApp(library, options)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            for pair_id in pair_ids:
                for bucket in (disk, memory):
                    if bucket is disk:
                        app.comparisons.pop(pair_id, None)
                    start = time.perf_counter()
                    app.open_pair(pair_id)
                    while getattr(app.screen, "comparison", None) is None:
                        await asyncio.sleep(0.001)
                    await pilot.pause()
                    bucket.append(time.perf_counter() - start)
                    app.pop_screen()
                    await pilot.pause()
                start = time.perf_counter()
                app.push_screen(OneStatic())
                await pilot.pause()
                reference.append(time.perf_counter() - start)
                app.pop_screen()
                await pilot.pause()
    return disk, memory, reference


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, n={len(values)})"


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as root:
        library = Library(Path(root))
        options = CompareOptions()
        pair_ids = [e.id for e in library.entries() if e.pair is not None]
        for pair_id in pair_ids:
            cached_compare(library.load(pair_id), options, library.cache_dir)

        bare, ours, listed = [], [], []
        for _ in range(runs):
            bare.append((await first_screen(BareApp))[0])
            painted, full = await first_screen(lambda: DualreadApp(library, options))
            ours.append(painted)
            listed.append(full)
        print(f"first screen, bare Textual app:        {ms(bare)}")
        print(f"first screen, dualread library:        {ms(ours)}")
        print(f"  ratio (target <= 2.0):               {statistics.median(ours) / statistics.median(bare):.2f}")
        print(f"dualread library with its pairs listed: {ms(listed)}")
        print(f"  ratio:                               {statistics.median(listed) / statistics.median(bare):.2f}")

        disk, memory, reference = await open_times(library, options, pair_ids, max(1, runs // 2))
        print(f"open a comparison from the disk cache: {ms(disk)}   (target < 100 ms)")
        print(f"open a comparison already in memory:   {ms(memory)}")
        print(f"reference: push a one-Static screen:   {ms(reference)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6)
    asyncio.run(main(parser.parse_args().runs))
