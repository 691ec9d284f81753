"""``dualread stats [--by publisher|topic|year] [--json]``: how often each side raises each topic, leaves it out, or is
in conflict on it, over the whole library.

Every pair's claims are indexed first (as for ``dualread search``), then counted in SQL
(``comparisons.library_stats``). A side is named by its publisher. The table gives, per side and topic, the pairs
where the side raised it, left it out while another side raised it, and had a claim on it in conflict (each with its
share of the side's pairs), then the side's claims on the topic and how many of them no other side reports.
``--by topic`` groups the same figures by topic, ``--by year`` by year then side. ``--json`` prints one object
(schema ``dualread/stats@1``, docs/search.md).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, Any

from tui.commands.json_out import write_json
from tui.commands.terminal_text import fit, pad, visible, visible_field

if TYPE_CHECKING:
    from comparisons.library_stats import LibraryStats

__all__ = ["add_parser", "format_stats", "run", "stats_to_json"]

SCHEMA = "dualread/stats@1"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "stats",
        help="how often each side raises each topic, leaves it out, or is in conflict, over the library",
        description="Count, over every pair of the library, how often each side (named by its publisher) raises "
        "each topic, leaves it out while another side raises it, and has a claim on it in conflict. "
        "--by chooses the grouping: by side then topic (the default), by topic then side, or by year then side.",
        examples="  dualread stats\n"
        "  dualread stats --by topic\n"
        "  dualread stats --by year --json | jq '.rows[] | select(.topic == \"sanctions\")'\n",
    )
    parser.add_argument("--by", choices=("publisher", "topic", "year"), default="publisher",
                        help="group by side (publisher, the default), by topic, or by year then side")
    parser.add_argument("--json", action="store_true", help="print one JSON object (docs/search.md)")
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.library_stats import library_stats
    from tui.commands.catalog_access import open_claim_index

    index = open_claim_index(args)
    try:
        stats = library_stats(index, args.by)
        broken = index.catalog.guarded(lambda c: c.execute(
            "SELECT id, problem FROM pairs WHERE problem IS NOT NULL ORDER BY id").fetchall())
    finally:
        index.catalog.close()
    if args.json:
        write_json(stats_to_json(stats), sys.stdout, spread="rows")
    else:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write("\n".join(format_stats(stats, width)) + "\n")
    for pair_id, problem in broken:
        print(f"dualread: broken pair {visible(pair_id)}: {visible(problem)}", file=sys.stderr)
    return 0


def stats_to_json(stats: "LibraryStats") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "by": stats.by,
        "pairs": stats.pairs,
        "not_indexed": stats.not_indexed,
        "topics": [{"id": t, "label": label} for t, label in stats.topic_labels.items()],
        "rows": [{"year": r.year, "side": r.side, "topic": r.topic, "pairs": r.pairs, "raised": r.raised,
                  "left_out": r.left_out, "conflict": r.conflict, "claims": r.claims, "alone": r.alone}
                 for r in stats.rows] if stats.by == "year" else
                [{"side": r.side, "topic": r.topic, "pairs": r.pairs, "raised": r.raised, "left_out": r.left_out,
                  "conflict": r.conflict, "claims": r.claims, "alone": r.alone} for r in stats.rows],
    }


def _share(count: int, pairs: int) -> str:
    return f"{count:,} ({round(100 * count / pairs) if pairs else 0}%)"


_HEADER = ("PAIRS", "RAISED", "LEFT OUT", "CONFLICT", "CLAIMS", "ALONE")
_WIDEST_NAME = 44
_NARROWEST_NAME = 16
LEGEND = (
    "RAISED: pairs where the side has a claim on the topic. LEFT OUT: pairs where another side raised it and this "
    "one did not. CONFLICT: pairs where a claim of the side on it disagrees with the other side on a detail. "
    "Shares are of the side's pairs. CLAIMS: the side's claims on the topic; ALONE: those no other side reports."
)


def format_stats(stats: "LibraryStats", width: int | None = None) -> list[str]:
    """The table: a heading per group (a side, a topic, or a year and side), then one line per member of it."""
    import textwrap

    if not stats.rows:
        return [f"No claims counted ({stats.pairs:,} pairs)."]
    rows = []
    for row in stats.rows:
        label = visible_field(stats.topic_labels.get(row.topic, row.topic))
        if stats.by == "topic":
            group, name = f"{label} ({row.topic})", visible_field(row.side)
        elif stats.by == "year":
            group, name = f"{row.year} · {visible_field(row.side)}", label
        else:
            group, name = visible_field(row.side), label
        cells = (f"{row.pairs:,}", _share(row.raised, row.pairs), _share(row.left_out, row.pairs),
                 _share(row.conflict, row.pairs), f"{row.claims:,}", f"{row.alone:,}")
        rows.append((group, name, cells))
    from rich.cells import cell_len

    name_width = min(max(cell_len(name) for _, name, _ in rows), _WIDEST_NAME)
    # Each column as wide as its header or its widest figure, two spaces apart: ten cells a column made the table
    # 87 wide, so at 80 columns every row's last figure wrapped onto a line of its own.
    widths = [max(len(h), *(len(cells[i]) for _, _, cells in rows)) + 2 for i, h in enumerate(_HEADER)]
    if width is not None and 2 + name_width + sum(widths) > width:
        # Too wide still: the names give way, down to a readable minimum (a longer one takes a line of its own).
        name_width = max(_NARROWEST_NAME, width - 2 - sum(widths))
    lines = [f"{stats.pairs:,} pairs counted"]
    heading = None
    for group, name, cells in rows:
        if group != heading:
            heading = group
            header = "".join(h.rjust(w) for h, w in zip(_HEADER, widths, strict=True))
            lines += ["", fit(group, width) if width else group, "  " + "".ljust(name_width) + header]
        figures = "".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))
        if width is not None and cell_len(name) > name_width:
            # A name the column cannot hold ("Ministry of Foreign Affairs of the People's Republic of China") has a
            # line of its own, its figures under it: cut short, two ministries of foreign affairs read alike.
            lines.append("  " + fit(name, width - 2))
            name = ""
        lines.append("  " + pad(fit(name, name_width), name_width) + figures)
    lines.append("")
    lines += textwrap.wrap(LEGEND, width=min(width or 100, 100))
    return lines
