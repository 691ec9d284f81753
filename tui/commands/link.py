"""``dualread link PAIR_ID CLAIM CLAIM...``: link claims by hand (CLAIM = a claim id such as ``kremlin:11``).

The claims, of two sides or more, become one link, taken out of whatever links they were in; the decision goes into
the pair's review.yaml (by ``$DUALREAD_REVIEWER`` or the login name, now) and survives a new engine or a changed
segmentation. Prints the link as it now is, and what is left of each link it took a claim from. A claim that does
not exist, one given twice, or claims of one side only are one line and exit 1; nothing is written then.
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
        "link",
        help="link claims by hand: they report the same point",
        description="Put two or more claims of different sides in one link, by hand (the decision is kept in the "
        "pair's review.yaml). Claim ids are side:number; dualread review PAIR_ID lists them.",
        examples="  dualread link 2021-12-30-biden-putin-call white-house:3 kremlin:5\n"
        "  dualread link 2021-12-30-biden-putin-call white-house:3 kremlin:5 kremlin:6\n",
    )
    add_pair_argument(parser)
    parser.add_argument("claims", nargs="+", metavar="CLAIM", help="a claim id (side:number); two or more")
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.edits import link
    from tui.commands.reviewing import Reviewing

    reviewing = Reviewing(args, args.pair_id)
    claims = [reviewing.claim(text) for text in args.claims]
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:
            raise DualreadError("names the same claim twice", field="CLAIM", value=claim.id)
        seen.add(claim.id)
    if len({c.side for c in claims}) < 2:
        raise DualreadError("a link joins claims of two sides or more", field="CLAIM", value=" ".join(args.claims))
    # The links the claims are taken from, and what each keeps: said after, as unlink says what its link keeps.
    taken = {c.id for c in claims}
    left: dict[str, list[str]] = {}
    for claim in claims:
        before = reviewing.row_of(claim.id)
        if before.link is not None and before.link.id not in left:
            left[before.link.id] = [c.id for cs in before.claims.values() for c in cs if c.id not in taken]
    reviewing.decide(link(claims))
    if not reviewing.changed:
        print(f"{reviewing.pair.id}: {' + '.join(c.id for c in claims)} were linked so already; nothing changed")
        return 0
    row = reviewing.row_of(claims[0].id)
    rests = []
    for link_id, rest in left.items():
        if rest:
            rows = {reviewing.describe(r): None for r in (reviewing.row_of(cid) for cid in rest)}
            rests.append(f"; the rest of {link_id} is now {' and '.join(rows)}")
    print(f"linked {' + '.join(c.id for c in claims)} in {reviewing.pair.id}: now {reviewing.describe(row)}"
          + "".join(rests))
    return 0
