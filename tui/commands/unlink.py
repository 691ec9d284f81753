"""``dualread unlink PAIR_ID CLAIM``: take a claim out of its link by hand.

The claim is then in no link (an omission), and stays so whatever a later engine finds; what is left of its link
stays linked if it still spans two sides. The decision goes into the pair's review.yaml. Prints what the claim's
old link became.
"""

from __future__ import annotations

import argparse

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command
    from tui.commands.reviewing import add_pair_argument

    parser = add_command(
        sub,
        "unlink",
        help="take a claim out of its link by hand",
        description="Take one claim out of its link, by hand: it becomes an omission (the decision is kept in the "
        "pair's review.yaml). Claim ids are side:number; dualread review PAIR_ID lists them.",
        examples="  dualread unlink 2021-12-30-biden-putin-call kremlin:5\n",
    )
    add_pair_argument(parser)
    parser.add_argument("claim", metavar="CLAIM", help="a claim id (side:number)")
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.edits import unlink
    from tui.commands.reviewing import Reviewing

    reviewing = Reviewing(args, args.pair_id)
    claim = reviewing.claim(args.claim)
    before = reviewing.row_of(claim.id)
    partners = [c for claims in before.claims.values() for c in claims if c.id != claim.id]
    reviewing.decide(unlink([claim]))
    if not reviewing.changed:
        print(f"{reviewing.pair.id}: {claim.id} was unlinked already; nothing changed")
        return 0
    if before.link is None:
        print(f"{claim.id} was in no link; it stays in none (recorded in {reviewing.pair.id}'s review)")
        return 0
    rest = reviewing.row_of(partners[0].id) if partners else None
    left = f"; the rest of {before.link.id} is now {reviewing.describe(rest)}" if rest is not None else ""
    print(f"unlinked {claim.id} in {reviewing.pair.id}: now {reviewing.describe(reviewing.row_of(claim.id))}{left}")
    return 0
