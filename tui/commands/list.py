"""``dualread list [--json]``: the pairs of the library, newest first, bundled samples included and marked.

The pairs come from the library's catalog (``readouts.catalog``), refreshed first: a folder whose own
modification time or pair.yaml changed is read again, the others are not opened, so 10,000 pairs list in under a
second once the catalog exists (``benchmarks/bench_library.py``).

A broken pair folder never stops the listing: the table shows the other pairs and each broken one is named with its
problem on stderr (in ``--json`` it is an object with a ``problem``); the exit code stays 0 because the listing
itself succeeded. Text from pair.yaml is data: control characters are made visible, never sent to the terminal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, Any

from tui.commands.json_out import write_json
from tui.commands.terminal_text import fit as _fit
from tui.commands.terminal_text import visible as _visible
from tui.commands.terminal_text import visible_field

if TYPE_CHECKING:
    from readouts.catalog import PairSummary

__all__ = ["add_parser", "entry_to_json", "format_table", "run"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "list",
        help="list the pairs in the library (samples included)",
        description="List the pairs of the library, newest first: date, id, event and side keys. Bundled sample "
        "pairs are listed too, marked 'sample'. Broken pair folders are named with their problem on stderr.",
        examples="  dualread list\n"
        "  dualread list --json | jq -r '.[].id'\n"
        "  dualread --library ~/research/readouts list\n",
    )
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array of {id, date, event, sides, sample[, problem]} objects")
    return parser


def entry_to_json(entry: PairSummary) -> dict[str, Any]:
    """One pair as the ``--json`` object: id, date, event, sides, sample, path (and problem when broken)."""
    ok = entry.problem is None
    data: dict[str, Any] = {
        "id": entry.id,
        "date": entry.date.isoformat() if ok and entry.date else None,
        "event": entry.event if ok else None,
        "sides": list(entry.side_keys),
        "sample": entry.sample,
        "path": entry.path,
    }
    if not ok:
        data["problem"] = entry.problem
    return data


_MIN_EVENT = 24
"""Below this many columns left for the event on a row, each event goes on its own line under its row."""


MAX_SIDES = 48
"""The widest the SIDES column gets: every row is padded to it, and one pair of 300 sides (a press review) made
each line of the listing 1,600 characters long."""


def sides_cell(keys: tuple[str, ...] | list[str]) -> str:
    """The side keys, or as many as fit in ``MAX_SIDES`` and how many there are (``a, b, c, … (300 sides)``)."""
    whole = ", ".join(keys)
    if len(whole) <= MAX_SIDES:
        return whole
    tail = f", … ({len(keys)} sides)"
    shown: list[str] = []
    for key in keys:
        if len(", ".join([*shown, key])) + len(tail) > MAX_SIDES:
            break
        shown.append(key)
    return ", ".join(shown) + tail


def format_table(entries: list[PairSummary], width: int | None) -> list[str]:
    """The readable listing: a header and one line per loaded pair (date, id, sides, sample mark, event).

    The event comes last so that it can take whatever room is left; it is cut to ``width`` only when a width is
    given (a terminal), never when the output goes to a file or a pipe. On a terminal too narrow to leave the event
    a readable room, each pair takes two lines: date, id and sides, then the sample mark and the event beneath.
    """
    rows = []
    for entry in entries:
        if entry.problem is not None or entry.date is None:
            continue
        rows.append((entry.date.isoformat(), _visible(entry.id), sides_cell(entry.side_keys),
                     "sample" if entry.sample else "", visible_field(entry.event)))
    if not rows:
        return []
    header = ("DATE", "ID", "SIDES", "", "EVENT")
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(4)]
    used = sum(w + 2 for w in widths if w)
    if width and width - used < _MIN_EVENT:
        return _two_line_table(rows, header, widths, width)

    def line(row: tuple[str, ...]) -> str:
        cells = [row[i].ljust(widths[i]) for i in range(4) if widths[i]]
        text = "  ".join([*cells, row[4]])
        return _fit(text, width) if width else text

    return [line(header), *(line(r) for r in rows)]


def _two_line_table(rows: list[tuple[str, ...]], header: tuple[str, ...], widths: list[int], width: int) -> list[str]:
    indent = " " * (widths[0] + 2)

    def first(row: tuple[str, ...]) -> str:
        return _fit("  ".join(row[i].ljust(widths[i]) for i in range(3)).rstrip(), width)

    def second(row: tuple[str, ...]) -> str:
        return _fit(indent + (f"{row[3]} · " if row[3] else "") + row[4], width)  # the mark first: never cut

    lines = [first(header), second(header)]
    for row in rows:
        lines += [first(row), second(row)]
    return lines


def run(args: argparse.Namespace) -> int:
    from tui.commands.catalog_access import open_catalog

    with open_catalog(args, texts=False) as catalog:
        entries = catalog.summaries()
        root = catalog.library.root
    if args.json:
        write_json([entry_to_json(e) for e in entries], sys.stdout)
        return 0
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    lines = format_table(entries, width)
    if lines:
        print("\n".join(lines))
    else:
        print(f"No pairs in {root} yet. Add one with: dualread add PAIR_ID --event TEXT --date YYYY-MM-DD "
              "--side KEY=FILE --side KEY=FILE")
    for entry in entries:
        if entry.problem is not None:
            print(f"dualread: broken pair {_visible(entry.id)}: {_visible(entry.problem)}", file=sys.stderr)
    return 0
