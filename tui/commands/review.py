"""``dualread review PAIR_ID [--json]``: the state of a pair's review, and its rows with their claim ids.

Prints how many rows the review confirmed, added or changed by hand, how many are still to review, the decisions
that went stale (kept in review.yaml, not applied: their claim text is no longer in the readouts, or their claims
no longer fit them), then one line per row: its link id or omission, what the review made of it, and its claims
(``side:index`` and the start of their text), which is what ``link``, ``unlink`` and ``confirm`` take, and under a
row whose conflict a person marked or cleared, that and their note. A review file that cannot be used is one line
naming the file, field and value, and exit 1.
"""

from __future__ import annotations

import argparse
import json
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.model import Comparison, Row

__all__ = ["add_parser", "run", "state_lines"]

STATUS = {"confirmed": "confirmed", "added": "added by hand", "changed": "changed by hand", None: "to review"}


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command
    from tui.commands.reviewing import add_pair_argument

    parser = add_command(
        sub,
        "review",
        help="the state of a pair's review: rows confirmed, changed, stale, still to review",
        description="Print the state of a pair's review (its review.yaml): rows confirmed, added or changed by "
        "hand, decisions gone stale, rows still to review; then every row with its claims' ids, as link, unlink "
        "and confirm take them.",
        examples="  dualread review 2021-12-30-biden-putin-call\n"
        "  dualread review 2021-12-30-biden-putin-call --json | jq .summary\n",
    )
    add_pair_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the state as JSON: summary, stale, rows")
    return parser


def run(args: argparse.Namespace) -> int:
    from tui.commands.reviewing import Reviewing

    reviewing = Reviewing(args, args.pair_id)
    comparison = reviewing.comparison
    if args.json:
        print(json.dumps(state_json(comparison), ensure_ascii=False, indent=2))
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    for line in state_lines(comparison, width):
        print(line)
    return 0


def _mark(row: "Row"):
    return row.link.review if row.link is not None else row.omission.review if row.omission else None


def _status(row: "Row") -> str | None:
    mark = _mark(row)
    return None if mark is None else mark.status


CONFLICT = {"marked": "conflict marked", "cleared": "conflict cleared"}
"""What a person decided of a link's conflict, said under the row (the TUI's ``!``, or review.yaml by hand)."""


def state_lines(comparison: "Comparison", width: int = 100) -> list[str]:
    from tui.commands.reviewing import row_name, visible
    from tui.commands.terminal_text import fit, wrap
    from tui.widgets.texts import counted

    summary = comparison.review
    rows = comparison.rows
    lines: list[str] = []

    def say(text: str, indent: str = "") -> None:
        # Wrapped at the width, under its own indent: a pair id of 30 characters pushed these lines past 80
        # columns, and the terminal went on with them at its first column.
        lines.extend(wrap(text, width, indent))

    if summary is None:
        say(f"{comparison.pair.id}: no review yet; {counted(len(rows), 'row')} as the engine aligned them")
        say(f"confirm a link: dualread confirm {comparison.pair.id} L1 (or --all)", "  ")
    else:
        say(f"{comparison.pair.id}: review.yaml holds {counted(summary.decisions, 'decision')}")
        say(f"{counted(len(rows), 'row')}: {summary.confirmed} confirmed · {summary.added} added by hand · "
            f"{summary.changed} changed by hand · {summary.to_review} still to review", "  ")
        if summary.stale:
            say(f"{counted(len(summary.stale), 'stale decision')} (kept in review.yaml, not applied):", "  ")
            for stale in summary.stale:
                say(f"{stale.action}: {visible(stale.reason)}", "    ")
    lines.append("")
    for row in rows:
        head = f"{row_name(row):<22} {STATUS[_status(row)]:<16}"
        room = max(width - len(head) - 1, 20)  # the claim after the head and a space: the line ends at the width
        claims = [c for key in comparison.side_keys for c in row.claims.get(key, ())]
        for n, claim in enumerate(claims):
            text = visible(" ".join(claim.text.split()))
            shown = fit(f"{claim.id}  {text}", room)
            lines.append(f"{head if n == 0 else ' ' * len(head)} {shown}")
        mark = _mark(row)
        if mark is not None and mark.conflict in CONFLICT:
            note = f": {visible(' '.join(mark.note.split()))}" if mark.note.strip() else ""
            lines.append(f"{' ' * len(head)} {fit(CONFLICT[mark.conflict] + note, room)}")
    return lines


def state_json(comparison: "Comparison") -> dict:
    from comparisons.review.jsonform import summary_to_dict
    from tui.commands.reviewing import row_name

    return {
        "pair": comparison.pair.id,
        "summary": summary_to_dict(comparison.review),
        "rows": [{"row": row_name(row), "status": _status(row),
                  "claims": [c.id for key in comparison.side_keys for c in row.claims.get(key, ())],
                  **_conflict_json(_mark(row))}
                 for row in comparison.rows],
    }


def _conflict_json(mark) -> dict:
    """``conflict`` (marked / cleared) and ``note`` for a row whose conflict a person decided; nothing else."""
    if mark is None or mark.conflict not in CONFLICT:
        return {}
    return {"conflict": mark.conflict, "note": mark.note}
