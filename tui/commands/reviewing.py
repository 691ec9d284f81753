"""What the review commands (``review``, ``link``, ``unlink``, ``confirm``, ``score``) share.

- ``Reviewing(args, pair_id)``: the library, the pair, the options, and the comparison with its review applied
  (a review file that cannot be used is the usual one-line error, exit 1, and the file is left as it is).
- ``.claim(text) -> Claim`` / ``.link(text) -> Link``: a ``side:index`` or ``L<n>`` argument checked against the
  comparison, with a message that says what exists when it does not.
- ``.decide(decisions) -> Comparison``: record decisions in the pair's review.yaml (under its lock, merged with
  whatever is there now) and return the comparison as it is after them; a bundled sample is first copied into the
  library, and a line on stderr says so.
- ``row_name(row)``: how a row is named in messages (``L3``, or ``omission kremlin:4``); ``named_link(link)``
  adds its claims (``L3 (white-house:2 + kremlin:5)``): link ids are numbered again after every link or unlink, so
  a message about a link says which claims the id stood for.

Text from a readout or a review file is printed as data: control characters made visible.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Sequence

from readouts.errors import DualreadError

if TYPE_CHECKING:
    from comparisons.model import Comparison, Link, Row
    from comparisons.review.decisions import Decision
    from readouts.model import Claim

__all__ = ["Reviewing", "add_pair_argument", "named_link", "row_name", "visible"]

_CLAIM = re.compile(r"([a-z0-9][a-z0-9-]{0,39}):(0|[1-9][0-9]*)")
_LINK = re.compile(r"L[1-9][0-9]*")
_VISIBLE = {c: 0x2400 + c for c in range(32) if chr(c) != "\t"} | {127: 0x2421}


def visible(text: str) -> str:
    """Readout or file text for a terminal: control characters as symbols, never sent as they are."""
    return text.translate(_VISIBLE)


def add_pair_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pair_id", metavar="PAIR_ID", help="the pair (see: dualread list)")


def row_name(row: "Row") -> str:
    if row.link is not None:
        return row.link.id
    return f"omission {row.omission.claim}" if row.omission is not None else "row"


def named_link(link: "Link") -> str:
    shown = list(link.claims[:4])
    more = f" + {len(link.claims) - len(shown)} more" if len(link.claims) > len(shown) else ""
    return f"{link.id} ({' + '.join(shown)}{more})"


class Reviewing:
    def __init__(self, args: argparse.Namespace, pair_id: str) -> None:
        from comparisons.review.reviewed import reviewed_compare
        from tui.commands.common import library_from, options_from

        self.library = library_from(args)
        self.pair = self.library.load(pair_id)
        self.options = options_from(args, self.library)
        self.comparison: Comparison = reviewed_compare(self.library, self.pair, self.options)
        self.changed = False
        """Whether the last ``decide`` changed the review (not when it had decided so already)."""

    def claim(self, text: str, field: str = "CLAIM") -> "Claim":
        match = _CLAIM.fullmatch(text)
        link = self._link_named(text)
        if match is None and link is not None:  # `unlink PAIR L3`: say what the link holds, to name one of them
            raise DualreadError(f"a claim is named side:number, not by its link: {named_link(link)}",
                                field=field, value=text)
        if match is None:
            raise DualreadError("a claim is named side:number, e.g. kremlin:11 (dualread review PAIR_ID lists "
                                "them)", field=field, value=text)
        side, index = match.group(1), int(match.group(2))
        documents = {d.key: d for d in self.comparison.documents}
        if side not in documents:
            raise DualreadError(f"no side '{side}' in {self.pair.id} (its sides: "
                                f"{', '.join(self.comparison.side_keys)})", field=field, value=text)
        claims = documents[side].claims
        if index >= len(claims):
            raise DualreadError(f"no such claim: {side} has claims {side}:0 to {side}:{len(claims) - 1}",
                                field=field, value=text)
        return claims[index]

    def _link_named(self, text: str) -> "Link | None":
        """The link ``text`` names (``L3``, or ``l3`` as typed in haste), if there is one."""
        wanted = text[:1].upper() + text[1:]
        if _LINK.fullmatch(wanted) is None:
            return None
        return next((link for link in self.comparison.links if link.id == wanted), None)

    def link(self, text: str, field: str = "LINK") -> "Link":
        named = self._link_named(text)
        if named is not None:
            return named
        ids = [link.id for link in self.comparison.links]
        if _CLAIM.fullmatch(text) is not None and any(c.id == text for d in self.comparison.documents
                                                      for c in d.claims):
            row = self.row_of(text)  # `conflict PAIR kremlin:4`: say which link the claim is in, if any
            where = f"it is in {named_link(row.link)}" if row.link is not None else "it is in no link (an omission)"
            raise DualreadError(f"a link is named L1, L2, ..., not by a claim: {where}", field=field, value=text)
        if _LINK.fullmatch(text) is None or text not in ids:
            shown = f"L1 to L{len(ids)}" if ids else "none"
            raise DualreadError(f"no such link in {self.pair.id} (its links: {shown})", field=field, value=text)
        return next(link for link in self.comparison.links if link.id == text)

    def row_of(self, claim_id: str) -> "Row":
        return next(r for r in self.comparison.rows
                    if any(c.id == claim_id for claims in r.claims.values() for c in claims))

    def decide(self, decisions: Sequence["Decision"]) -> "Comparison":
        from comparisons.review.edits import decide
        from comparisons.review.reviewed import change_review, reviewed_compare

        made: dict[str, object] = {}

        def edit(review):
            new, made["change"] = decide(review, decisions)
            return new

        change = change_review(self.library, self.pair, edit)
        self.changed = bool(made.get("change"))
        if change.copied:
            print(f"dualread: {self.pair.id} is a bundled sample: copied it into {self.library.root} to keep its "
                  "review there", file=sys.stderr)
        self.pair = change.pair
        self.comparison = reviewed_compare(self.library, self.pair, self.options)
        return self.comparison

    def describe(self, row: "Row") -> str:
        """``L4 (added by hand)``: a row and what the review made of it."""
        mark = row.link.review if row.link is not None else row.omission.review if row.omission else None
        status = {"confirmed": "confirmed", "added": "added by hand", "changed": "changed by hand"}
        said = status.get(mark.status, mark.status) if mark is not None else "as the engine has it"
        return f"{row_name(row)} ({said})"
