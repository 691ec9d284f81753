"""``dualread conflict PAIR_ID LINK --note TEXT`` / ``--clear [--note TEXT]``: a link's conflict decided by hand.

What the comparison screen's ``!`` does, for the command line: mark the link in conflict, with a note saying on
what the sides disagree (a conflict of kind ``review``), or clear the engine's conflict, with a note saying why
there is none. Either also confirms the link, so that a new engine keeps it together. The decision goes into the
pair's review.yaml; ``dualread review`` shows it under the row, every export carries it. Prints what was decided.
"""

from __future__ import annotations

import argparse

from readouts.errors import DualreadError

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command
    from tui.commands.reviewing import add_pair_argument

    parser = add_command(
        sub,
        "conflict",
        help="mark a link in conflict, or clear the engine's conflict, by hand",
        description="Mark a link in conflict with a note saying on what its claims disagree, or clear the "
        "engine's conflict on it (--clear), with a note saying why there is none (the decision is kept in the "
        "pair's review.yaml, and confirms the link).",
        examples="  dualread conflict 2021-12-30-biden-putin-call L6 --clear --note 'two rounds'\n"
        "  dualread conflict 2021-12-30-biden-putin-call L4 --note 'troops, not drills'\n",
    )
    add_pair_argument(parser)
    parser.add_argument("link", metavar="LINK", help="a link id (L3)")
    parser.add_argument("--clear", action="store_true", help="the engine's conflict on the link is none")
    parser.add_argument("--note", default="", metavar="TEXT",
                        help="on what the claims disagree (needed to mark one), or why they do not")
    parser.set_defaults(conflict_parser=parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.edits import clear_conflict, mark_conflict
    from tui.commands.reviewing import Reviewing, named_link

    note = " ".join(args.note.split())
    if not args.clear and not note:
        args.conflict_parser.error("say on what the claims disagree with --note TEXT (or give --clear)")
    reviewing = Reviewing(args, args.pair_id)
    link = reviewing.link(args.link)
    row = next(r for r in reviewing.comparison.rows if r.link is link)
    if args.clear and not link.conflicts and not (link.review and link.review.conflict in ("marked", "cleared")):
        raise DualreadError("this link has no conflict to clear", field="LINK", value=args.link)
    reviewing.decide(clear_conflict(row, note) if args.clear else mark_conflict(row, note))
    if not reviewing.changed:
        print(f"{reviewing.pair.id}: {link.id} was decided so already; nothing changed")
        return 0
    now = reviewing.row_of(link.claims[0])
    done = "cleared the conflict of" if args.clear else "marked a conflict on"
    print(f"{done} {named_link(link)} in {reviewing.pair.id}: now {reviewing.describe(now)}")
    return 0
