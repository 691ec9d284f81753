"""How fast the terminal UI shows its first screen and paints a cached comparison (issue 4, "Speed").

Measured headless with ``App.run_test`` in one process, so machine load hits every figure alike. Two clocks:

- **frame**: when the app hands the compositor's first frame of the screen in question to the terminal driver
  (``App._display`` is wrapped to note the time). This is what a user sees: the screen is on the terminal.
- **idle**: when ``pilot.pause()`` returns, i.e. the process has stopped working (the screen painted and every
  deferred job after it done: the library read, the figures filled in, rows below the fold wrapped). It is the
  stricter figure, and it includes ``pause()``'s own polling (a bare app's idle is ~2x its frame).

1. First screen: a bare Textual app (one Static and a Footer) against dualread's library screen over the bundled
   samples, alternating runs, medians, from creating the app. For dualread also the first frame that lists the
   pairs (the library is read by a worker). Target: the library within 2x the bare app.
2. A cached comparison: with each sample's comparison in the library's disk cache (not in memory), the time from
   opening the pair until a frame shows its rows; also when it is already in memory (the library screen compared
   it). Target: under 100 ms. Reference in the same run: pushing a screen holding one Static.

Run: ``.venv/bin/python benchmarks/bench_tui.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, Static

from comparisons.cache import cached_compare
from comparisons.options import CompareOptions
from readouts.library import Library
from tui.app import DualreadApp
from tui.screens.comparison import ComparisonScreen
from tui.screens.library import LibraryScreen
from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.library.pair_table import PairTable


class BareApp(App[None]):
    def compose(self):
        yield Static("dualread")
        yield Footer()


class OneStatic(Screen[None]):
    def compose(self):
        yield Static("a screen")


class FrameClock:
    """Notes when the first frame meeting a condition reaches the driver."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.waiting: list[tuple[Callable[[Screen], bool], list[float]]] = []
        display = app._display

        def timed_display(screen: Screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None and not app._batch_count:
                now = time.perf_counter()
                for condition, seen in self.waiting:
                    if not seen and condition(screen):
                        seen.append(now)

        app._display = timed_display  # type: ignore[method-assign]

    def watch(self, condition: Callable[[Screen], bool]) -> list[float]:
        seen: list[float] = []
        self.waiting.append((condition, seen))
        return seen


def listed(screen: Screen) -> bool:
    return isinstance(screen, LibraryScreen) and screen.query_one(PairTable).row_count > 0


def rows_painted(screen: Screen) -> bool:
    return isinstance(screen, ComparisonScreen) and screen.query_one(AlignedRows).painted_lines > 0


async def first_screen(make_app) -> dict[str, float]:
    """Seconds from creating the app to its first frame, to the pairs listed (dualread only) and to idle."""
    start = time.perf_counter()
    app = make_app()
    clock = FrameClock(app)
    first = clock.watch(lambda screen: True)
    pairs = clock.watch(listed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        idle = time.perf_counter() - start
        if isinstance(app, DualreadApp):
            while not pairs:
                await asyncio.sleep(0.001)
            await pilot.pause()
    times = {"frame": first[0] - start, "idle": idle}
    if pairs:
        times["listed"] = pairs[0] - start
    return times


async def open_times(library: Library, options: CompareOptions, pair_ids: list[str], runs: int):
    """Seconds to a frame with the rows (from disk cache, from memory), to idle after it, and the reference."""
    found: dict[str, list[float]] = {k: [] for k in ("disk", "disk idle", "memory", "memory idle", "reference")}
    app = DualreadApp(library, options)
    clock = FrameClock(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            for pair_id in pair_ids:
                for bucket in ("disk", "memory"):
                    if bucket == "disk":
                        app.store.forget(pair_id)
                    seen = clock.watch(rows_painted)
                    start = time.perf_counter()
                    app.open_pair(pair_id)
                    while not seen:
                        await asyncio.sleep(0.001)
                    found[bucket].append(seen[0] - start)
                    await pilot.pause()
                    found[bucket + " idle"].append(time.perf_counter() - start)
                    clock.waiting.clear()
                    app.pop_screen()
                    await pilot.pause()
                seen = clock.watch(lambda screen: isinstance(screen, OneStatic))
                start = time.perf_counter()
                app.push_screen(OneStatic())
                while not seen:
                    await asyncio.sleep(0.001)
                found["reference"].append(seen[0] - start)
                clock.waiting.clear()
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()
    return found


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, n={len(values)})"


def ratio(values: list[float], reference: list[float]) -> str:
    return f"{statistics.median(values) / statistics.median(reference):.2f}x the bare app"


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as root:
        library = Library(Path(root))
        options = CompareOptions()
        pair_ids = [e.id for e in library.entries() if e.pair is not None]
        for pair_id in pair_ids:
            cached_compare(library.load(pair_id), options, library.cache_dir)

        await first_screen(lambda: DualreadApp(library, options))  # warm the imports and the OS file cache
        bare: dict[str, list[float]] = {"frame": [], "idle": []}
        ours: dict[str, list[float]] = {"frame": [], "listed": [], "idle": []}
        for _ in range(runs):
            for key, value in (await first_screen(BareApp)).items():
                bare[key].append(value)
            for key, value in (await first_screen(lambda: DualreadApp(library, options))).items():
                ours[key].append(value)
        print("first screen (target: the library within 2x the bare app)")
        print(f"  bare Textual app, first frame:        {ms(bare['frame'])}")
        print(f"  dualread library, first frame:        {ms(ours['frame'])}  {ratio(ours['frame'], bare['frame'])}")
        print(f"  dualread library, pairs listed:       {ms(ours['listed'])}  {ratio(ours['listed'], bare['frame'])}")
        print(f"  bare Textual app, idle:               {ms(bare['idle'])}")
        print(f"  dualread library, idle:               {ms(ours['idle'])}  {ratio(ours['idle'], bare['idle'])}")

        found = await open_times(library, options, pair_ids, max(1, runs // 2))
        print("open a comparison (target: rows painted in under 100 ms)")
        print(f"  from the disk cache, rows painted:    {ms(found['disk'])}")
        print(f"  from the disk cache, idle:            {ms(found['disk idle'])}")
        print(f"  already in memory, rows painted:      {ms(found['memory'])}")
        print(f"  already in memory, idle:              {ms(found['memory idle'])}")
        print(f"  reference: push a one-Static screen:  {ms(found['reference'])}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6)
    asyncio.run(main(parser.parse_args().runs))
