"""A library of 1,000 and of 10,000 pairs (issue 16): listing, the TUI's first screen, search, stats and the
catalog's size, and how each grows from 1,000 to 10,000 pairs (want far below 10x for list and first screen).

The pairs are copies of the bundled samples under new ids, dated over twelve years. The comparison cache is seeded
with the samples' comparisons under each copy's id (the cache key is the texts and settings, not the id), as it is
for a library whose pairs have each been opened once; indexing their claims then reads those, and the time to
compute comparisons for a library never opened is measured apart, per pair.

Figures, each as wall clock (median) and CPU time (the process's, or the child's for a command), since the shared
machine's load moves wall clock a lot:

- ``dualread list`` and ``list --json`` in a subprocess, on a warm catalog, against ``dualread --version`` (start-up
  alone) in the same run; the first ``list`` of a library (the catalog built from every folder); what listing cost
  before the catalog (``Library.entries()``, in-process, at 1,000 pairs).
- The TUI's first screen, headless as in ``bench_tui.py``: a bare Textual app's first frame against dualread's
  first frame and the frame that lists the pairs, in alternating runs; the time from Page Down, End and Home to
  the frame that shows the move (the table is virtual: it should not grow with the library); the CPU the app
  spends while left on the library for 10 s, once while its background worker computes the figures of a library
  never indexed (what that costs the user who reads, and how far it gets) and once with every figure known.
- Claims indexed from the comparison cache (pairs per second), and ``compare()`` of one pair (what a never-opened
  library costs per pair).
- ``search()`` in-process for a word, a phrase, a topic, and the Kremlin-without-the-White-House question; then
  ``dualread search`` and ``dualread stats`` in a subprocess.
- The catalog file's size.

Run: ``python benchmarks/bench_library.py [--sizes 1000 10000] [--runs 5] [--keep DIR]``. ``--keep`` reuses (or
builds and keeps) the libraries in DIR between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as _dt
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from comparisons.cache import cache_path, cached_compare
from comparisons.claim_index import ClaimIndex
from comparisons.engine import compare
from comparisons.library_search import SearchQuery, search
from comparisons.options import CompareOptions
from readouts.catalog import Catalog, catalog_path
from readouts.library import Library

SPAN_DAYS = 12 * 365


def build_library(root: Path, pairs: int) -> None:
    """``pairs`` copies of the samples under new ids and dates, with each copy's comparison in the cache."""
    samples = sorted(p for p in Path(str(resources.files("readouts") / "samples")).iterdir() if p.is_dir())
    options = CompareOptions()
    scratch = Library(root.parent / f".{root.name}-seed")
    seeds = {}
    for sample in samples:
        pair = Library(scratch.root).load(sample.name)
        cached_compare(pair, options, scratch.cache_dir)
        seeds[sample.name] = cache_path(pair, options, scratch.cache_dir)
    start = _dt.date(2014, 1, 1)
    for n in range(pairs):
        sample = samples[n % len(samples)]
        date = start + _dt.timedelta(days=(n * 7919) % SPAN_DAYS)
        pair_id = f"{date.isoformat()}-{n:05d}-{sample.name[11:]}"[:80]
        target = root / pair_id
        target.mkdir(parents=True)
        for item in sample.iterdir():
            text = item.read_text(encoding="utf-8")
            if item.name == "pair.yaml":
                lines = []
                for line in text.splitlines():
                    if line.startswith("id:"):
                        line = f"id: {pair_id}"
                    elif line.startswith("date:"):
                        line = f"date: {date.isoformat()}"
                    elif line.startswith("sample:"):
                        continue
                    lines.append(line)
                text = "\n".join(lines) + "\n"
            (target / item.name).write_text(text, encoding="utf-8")
        seeded = root / ".cache" / "comparisons" / pair_id / seeds[sample.name].name
        seeded.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(gzip.decompress(seeds[sample.name].read_bytes()))
        data["pair"].update(id=pair_id, date=date.isoformat())
        seeded.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), compresslevel=1))
    old = time.time() - 3600  # older than the catalog's "racy" window, as a library used for a while is
    for folder in root.iterdir():
        if not folder.name.startswith("."):
            for item in [*folder.iterdir(), folder]:
                os.utime(item, (old, old))


def run_command(args: list[str], library: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``dualread`` run (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", "--library", str(library), *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def median_runs(args: list[str], library: Path, runs: int) -> tuple[float, float]:
    found = [run_command(args, library) for _ in range(runs)]
    return statistics.median(w for w, _ in found), statistics.median(c for _, c in found)


def fmt(wall: float, cpu: float | None = None) -> str:
    text = f"{wall * 1000:8.0f} ms"
    return text + (f"  (CPU {cpu * 1000:6.0f} ms)" if cpu is not None else "")


async def tui_first_screen(library: Library, runs: int) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_tui import BareApp, first_screen

    from tui.app import DualreadApp

    options = CompareOptions()
    await first_screen(lambda: DualreadApp(library, options))  # imports and the OS file cache warm
    bare: list[float] = []
    frame: list[float] = []
    listed: list[float] = []
    for _ in range(runs):
        bare.append((await first_screen(BareApp))["frame"])
        ours = await first_screen(lambda: DualreadApp(library, options))
        frame.append(ours["frame"])
        listed.append(ours["listed"])
    return {"bare": statistics.median(bare), "frame": statistics.median(frame), "listed": statistics.median(listed)}


async def tui_idle_cpu(library: Library, seconds: float) -> tuple[float, int]:
    """CPU seconds the app uses while it sits on the library screen for ``seconds`` after the first screen, and
    how many pairs have their figures by then."""
    from tui.app import DualreadApp
    from tui.screens.library import LibraryScreen

    app = DualreadApp(library, CompareOptions())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        start = time.process_time()
        await asyncio.sleep(seconds)
        used = time.process_time() - start
        screen = app.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        done = len(screen.figures)
    return used, done


async def tui_scrolling(library: Library, presses: int) -> dict[str, float]:
    """Seconds from a key to the frame that shows its move, on the library screen: Page Down ``presses`` times
    (median), then End (the last row) and Home. The table draws only the lines on screen, so this should not grow
    with the library."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_tui import listed

    from tui.app import DualreadApp

    app = DualreadApp(library, CompareOptions())
    frames: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]

    async def key_to_frame(pilot, key: str) -> float:
        seen = len(frames)
        start = time.perf_counter()
        await pilot.press(key)
        while len(frames) == seen:
            await asyncio.sleep(0.0005)
        return frames[seen] - start

    async with app.run_test(size=(100, 30)) as pilot:
        while not listed(app.screen):
            await asyncio.sleep(0.01)
        await pilot.pause()
        pages = [await key_to_frame(pilot, "pagedown") for _ in range(presses)]
        end = await key_to_frame(pilot, "end")
        home = await key_to_frame(pilot, "home")
    return {"page": statistics.median(pages), "page max": max(pages), "end": end, "home": home}


def measure(root: Path, pairs: int, runs: int, tui: bool) -> dict[str, float]:
    figures: dict[str, float] = {}
    library = Library(root)
    if not catalog_path(library).exists():
        figures["first list"], figures["first list cpu"] = run_command(["list"], root)
    figures["list"], figures["list cpu"] = median_runs(["list"], root, runs)
    figures["list json"], figures["list json cpu"] = median_runs(["list", "--json"], root, runs)
    figures["version"], figures["version cpu"] = median_runs(["--version"], root, runs)
    print(f"  dualread list, warm catalog:      {fmt(figures['list'], figures['list cpu'])}")
    print(f"  dualread list --json:             {fmt(figures['list json'], figures['list json cpu'])}")
    print(f"  reference: dualread --version:    {fmt(figures['version'], figures['version cpu'])}")
    if "first list" in figures:
        print(f"  first list (catalog built):       {fmt(figures['first list'], figures['first list cpu'])}")
    if pairs <= 1000:
        _, wall, cpu = timed(library.entries)
        print(f"  before the catalog: Library.entries() {fmt(wall, cpu)}")

    with Catalog(library) as catalog:
        catalog.refresh()
        stale = len(ClaimIndex(catalog, CompareOptions(), library.cache_dir).stale())
    if stale and tui:
        # The TUI on a library whose figures were never computed: its background worker at work.
        busy, done = asyncio.run(tui_idle_cpu(library, 10.0))
        figures["tui background cpu"] = busy
        print(f"  TUI, figures of {stale:,} pairs to compute, 10 s: CPU {busy:.2f} s ({busy * 10:.0f}% of a core), "
              f"{done:,} pairs with figures")
    with Catalog(library) as catalog:
        index = ClaimIndex(catalog, CompareOptions(), library.cache_dir)
        stale = len(index.stale())
        result, wall, cpu = timed(index.index)
        if stale:
            print(f"  claims indexed from the comparison cache: {result.indexed:,} pairs {fmt(wall, cpu)}, "
                  f"{result.indexed / wall:,.0f} pairs/s")
        queries = {
            "word 'sanctions'": SearchQuery("sanctions"),
            "phrase '\"colossal mistake\"'": SearchQuery('"colossal mistake"'),
            "topic sanctions, omissions": SearchQuery(topic="sanctions", status="omission"),
            "kremlin on sanctions without the white house": SearchQuery(topic="sanctions", side="kremlin",
                                                                        without="white-house"),
        }
        for name, query in queries.items():
            found = [timed(lambda query=query: search(index, query)) for _ in range(3)]
            wall = statistics.median(f[1] for f in found)
            cpu = statistics.median(f[2] for f in found)
            figures[f"search {name}"] = wall
            print(f"  search() {name:44} {fmt(wall, cpu)}  {found[0][0].claims:,} claims")
    figures["search cmd"], figures["search cmd cpu"] = median_runs(["search", "sanctions", "--json"], root, runs)
    figures["stats cmd"], figures["stats cmd cpu"] = median_runs(["stats"], root, runs)
    print(f"  dualread search sanctions --json: {fmt(figures['search cmd'], figures['search cmd cpu'])}")
    print(f"  dualread stats:                   {fmt(figures['stats cmd'], figures['stats cmd cpu'])}")
    size = sum(p.stat().st_size for p in catalog_path(library).parent.glob("catalog.sqlite3*"))
    figures["size"] = size
    print(f"  catalog size: {size / 1e6:.1f} MB ({size / pairs / 1000:.1f} kB per pair)")

    if tui:
        screen = asyncio.run(tui_first_screen(library, runs))
        figures.update({f"tui {k}": v for k, v in screen.items()})
        print(f"  bare Textual app, first frame:    {fmt(screen['bare'])}")
        print(f"  dualread library, first frame:    {fmt(screen['frame'])}  {screen['frame'] / screen['bare']:.2f}x")
        print(f"  dualread library, pairs listed:   {fmt(screen['listed'])}  {screen['listed'] / screen['bare']:.2f}x")
        scroll = asyncio.run(tui_scrolling(library, 40))
        figures.update({f"tui {k}": v for k, v in scroll.items()})
        print(f"  Page Down, key to frame:          {fmt(scroll['page'])}  (slowest of 40: {fmt(scroll['page max'])})")
        print(f"  End, key to frame (last row):     {fmt(scroll['end'])}")
        print(f"  Home, key to frame (first row):   {fmt(scroll['home'])}")
        idle, done = asyncio.run(tui_idle_cpu(library, 10.0))
        figures["tui idle cpu"] = idle
        print(f"  TUI left on the library for 10 s: CPU {idle:.2f} s ({idle * 10:.0f}% of a core), "
              f"{done:,} pairs with figures")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the libraries here and keep them for the next run")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI's first screen")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="dualread-bench-"))
    try:
        pair = Library(scratch / "one").load("2021-12-30-biden-putin-call")
        _, wall, cpu = timed(lambda: compare(pair, CompareOptions()))
        print(f"compare() of one sample pair (what indexing a never-opened pair costs): {fmt(wall, cpu)}")
        results = {}
        for pairs in args.sizes:
            root = scratch / f"library-{pairs}"
            if not root.exists():
                _, wall, _ = timed(lambda root=root, pairs=pairs: build_library(root, pairs))
                print(f"built a library of {pairs:,} pairs in {wall:.0f} s")
            print(f"{pairs:,} pairs")
            results[pairs] = measure(root, pairs, args.runs, not args.no_tui)
        if len(results) >= 2:
            small, large = sorted(results)
            print(f"growth from {small:,} to {large:,} pairs ({large / small:.0f}x the pairs):")
            for key in ("list", "list cpu", "list json", "tui frame", "tui listed", "tui page", "tui end",
                        "search word 'sanctions'", "search cmd", "stats cmd", "size"):
                if key in results[small] and key in results[large]:
                    print(f"  {key:28} x{results[large][key] / results[small][key]:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
