"""``dualread reset PAIR_ID ROW [ROW ...]``: take back a person's decisions on rows, from the command line.

Why: ``confirm``, ``link``, ``unlink`` and ``conflict`` each write a decision into review.yaml, and the TUI can undo
its own (``u``), but a decision made by a command, or by someone else, could only be taken back by editing the
file by hand. ``reset`` removes every decision that names a claim of the rows given (a link id ``L3`` or a claim id
``kremlin:4``, as ``dualread review`` lists them), so those claims are again as the engine has them unless another
decision still holds them. The change is made under the review's lock like any other; each decision taken back is
printed (action, claims, note, who and when), so that it can be made again, and so is what the rows' claims are now.
A decision whose text is gone from its readout names no row and is not touched: SPEC §3 keeps it until a person
deletes it from the file.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.review.decisions import Decision, Review
    from tui.commands.reviewing import Reviewing

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command
    from tui.commands.reviewing import add_pair_argument

    parser = add_command(
        sub,
        "reset",
        help="take back a person's decisions on rows: they are again as the engine has them",
        description="Take back every decision of the pair's review.yaml that names a claim of the rows given (a link "
        "id L3 or a claim id kremlin:4, as dualread review lists them): a confirm, a link or unlink by hand, a "
        "conflict marked or cleared. Each decision taken back is printed, and what the rows' claims are now.",
        examples="  dualread reset 2021-12-30-biden-putin-call L3\n"
        "  dualread reset 2021-12-30-biden-putin-call kremlin:5 white-house:2\n",
    )
    add_pair_argument(parser)
    parser.add_argument("rows", nargs="+", metavar="ROW", help="a link id (L3) or a claim id (kremlin:4)")
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.resolve import Resolver
    from tui.commands.reviewing import Reviewing, row_name, visible

    reviewing = Reviewing(args, args.pair_id)
    rows = [_row(reviewing, text) for text in args.rows]
    claims = {c.id for row in rows for side in row.claims.values() for c in side}
    resolver = Resolver(reviewing.comparison.documents)
    what = ", ".join(dict.fromkeys(row_name(row) for row in rows))

    def taken(decision: "Decision") -> bool:
        found = [resolver.claims(ref) for ref in decision.claims]
        # One whose text is gone is stale and kept (the review's store puts it back): it is never said taken back.
        return all(ids is not None for ids in found) and any(not claims.isdisjoint(ids or ()) for ids in found)

    gone: list[Decision] = []

    def edit(review: "Review") -> "Review":
        gone[:] = [d for d in review.decisions if taken(d)]
        return review.without(gone)

    if not _take_back(reviewing, taken, edit) or not gone:
        print(f"{reviewing.pair.id}: no decision on {what}; nothing changed")
        return 0
    print(f"reset {what} in {reviewing.pair.id}: took back {len(gone)} decision{'' if len(gone) == 1 else 's'}")
    for decision in gone:
        note = f" “{visible(decision.note)}”" if decision.note else ""
        made = " ".join(x for x in (decision.by, decision.at[:10]) if x)
        print(f"  {decision.action}{note}{f' ({made})' if made else ''}: "
              + "; ".join(visible(ref.shown()) for ref in decision.claims))
    now = dict.fromkeys(reviewing.describe(reviewing.row_of(cid)) for cid in sorted(
        claims, key=lambda cid: (cid.split(":")[0], int(cid.split(":")[1]))))
    print(f"  now: {', '.join(now)}")
    return 0


def _take_back(reviewing: "Reviewing", taken, edit) -> bool:
    """Apply ``edit`` to the review under its lock, if the review as read now has a decision to take back (so that
    nothing is written, and no sample copied into the library, for nothing); whether it was applied."""
    from comparisons.review.reviewed import change_review, read_review, reviewed_compare

    before = read_review(reviewing.library, reviewing.pair)
    if before is None or not any(taken(d) for d in before.decisions):
        return False
    change = change_review(reviewing.library, reviewing.pair, edit)
    reviewing.pair = change.pair
    reviewing.comparison = reviewed_compare(reviewing.library, reviewing.pair, reviewing.options)
    return True


def _row(reviewing: "Reviewing", text: str):
    """The row a ROW argument names: a link id, or a claim id (of a link or an omission)."""
    if text[:1] in ("L", "l") and text[1:].isdigit():
        link = reviewing.link(text, field="ROW")
        return next(r for r in reviewing.comparison.rows if r.link is link)
    return reviewing.row_of(reviewing.claim(text, field="ROW").id)
