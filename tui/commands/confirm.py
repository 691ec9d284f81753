"""``dualread confirm PAIR_ID LINK|CLAIM|--all``: confirm the engine's link(s) (or that a claim is an omission).

A confirmed link stays as it is whatever a later engine finds; the decision goes into the pair's review.yaml. LINK
is a link id as ``dualread show`` and ``review`` print them (``L3``); a CLAIM id (``kremlin:4``) of an omission
confirms that no other side reports it; ``--all`` confirms every link still to review.
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
        "confirm",
        help="confirm the engine's link(s): they stay as they are",
        description="Confirm a link (L3), an omission (by its claim id, kremlin:4), or with --all every link still "
        "to review. The decision is kept in the pair's review.yaml.",
        examples="  dualread confirm 2021-12-30-biden-putin-call L3\n"
        "  dualread confirm 2021-12-30-biden-putin-call kremlin:4\n"
        "  dualread confirm 2021-12-30-biden-putin-call --all\n",
    )
    add_pair_argument(parser)
    parser.add_argument("target", nargs="?", metavar="LINK", help="a link id (L3), or an omission's claim id")
    parser.add_argument("--all", action="store_true", help="confirm every link still to review")
    parser.set_defaults(confirm_parser=parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.edits import confirm
    from tui.commands.reviewing import Reviewing, named_link, row_name

    parser: argparse.ArgumentParser = args.confirm_parser
    if bool(args.target) == bool(args.all):
        parser.error("give a LINK (or an omission's CLAIM) or --all")
    reviewing = Reviewing(args, args.pair_id)
    if args.all:
        rows = [r for r in reviewing.comparison.rows if r.link is not None and r.link.review is None]
    elif args.target[:1] in ("L", "l") and args.target[1:].isdigit():
        link = reviewing.link(args.target)
        rows = [r for r in reviewing.comparison.rows if r.link is link]
    else:
        row = reviewing.row_of(reviewing.claim(args.target, field="LINK").id)
        if row.link is not None:
            raise DualreadError(f"this claim is in {row.link.id}: confirm the link", field="LINK", value=args.target)
        rows = [row]
    if not rows:
        print(f"{reviewing.pair.id}: no link left to review; nothing to confirm")
        return 0
    decisions = [d for row in rows for d in confirm(row)]
    names = [row_name(r) for r in rows]
    said = names if args.all else [named_link(r.link) if r.link is not None else row_name(r) for r in rows]
    reviewing.decide(decisions)
    if not reviewing.changed:
        print(f"{reviewing.pair.id}: {', '.join(names)} {'was' if len(names) == 1 else 'were'} decided so already; "
              "nothing changed")
        return 0
    print(f"confirmed {', '.join(said)} in {reviewing.pair.id}")
    return 0
