"""``dualread score PAIR_ID|--all [--json]``: the engine's own result against the reviewed one.

For each reviewed pair: link precision, recall and F1 over claim pairs (the engine's links against the links after
the review), the same for omissions, and how many rows were reviewed (an unreviewed row counts as the engine has it,
so a figure over a barely reviewed pair says little). ``--all`` scores every pair of the library that has a
review.yaml, then all of them pooled (a pair with no row reviewed, its decisions all stale, is left out of the pool
and said: it would score the engine against itself); a pair whose review cannot be used is named on stderr and the
exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparisons.review.scoring import Score

__all__ = ["add_parser", "run", "score_table"]


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "score",
        help="score the engine's own alignment against the reviewed one (link P/R/F1, omissions)",
        description="Compare the engine's own result with the reviewed one: link precision, recall and F1 over "
        "claim pairs, the same over omissions, and how much of each pair was reviewed.",
        examples="  dualread score 2021-12-30-biden-putin-call\n"
        "  dualread score --all\n"
        "  dualread score --all --json | jq '.[-1].link_f1'\n",
    )
    parser.add_argument("pair_id", nargs="?", metavar="PAIR_ID", help="the pair to score")
    parser.add_argument("--all", action="store_true", help="every pair of the library with a review")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per pair (and 'all')")
    parser.set_defaults(score_parser=parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from comparisons.review.scoring import Score

    parser: argparse.ArgumentParser = args.score_parser
    if bool(args.pair_id) == bool(args.all):
        parser.error("give a PAIR_ID or --all")
    failed: list[tuple[str, str]] = []
    if args.all:
        scores = _score_all(args, failed)
        # A pair with no row reviewed scores the engine against itself: pooled, it would flatter the engine.
        reviewed = [s for s in scores if s.rows_reviewed]
        if len(scores) > 1 and reviewed:
            scores.append(Score.total(reviewed))
    else:
        scores = [_score_one(args, args.pair_id)]
    if args.json:
        print(json.dumps([s.to_dict() for s in scores], indent=2))
    elif scores:
        print("\n".join(score_table(scores)))
        pooled = " (left out of 'all')" if scores[-1].pair_id == "all" else ""
        for s in scores:
            if not s.rows_reviewed:
                print(f"note: {s.pair_id}: no row is reviewed yet: its figures compare the engine with itself{pooled}")
    else:
        print("no reviewed pair in the library (dualread confirm, link or unlink start a review)")
    for pair_id, problem in failed:
        print(f"dualread: {pair_id}: {problem}", file=sys.stderr)
    return 1 if failed else 0


def _score_one(args: argparse.Namespace, pair_id: str) -> "Score":
    from comparisons.cache import cached_compare
    from comparisons.review.scoring import score
    from tui.commands.reviewing import Reviewing

    reviewing = Reviewing(args, pair_id)
    engine = cached_compare(reviewing.pair, reviewing.options, reviewing.library.cache_dir)
    return score(engine, reviewing.comparison)


def _score_all(args: argparse.Namespace, failed: list[tuple[str, str]]) -> "list[Score]":
    from comparisons.review.reviewfile import REVIEW_FILE
    from readouts.errors import DualreadError
    from tui.commands.common import library_from

    library = library_from(args)
    scores = []
    for entry in library.entries():
        if entry.sample or not (entry.path / REVIEW_FILE).exists():
            continue
        try:
            if entry.problem:
                raise DualreadError(entry.problem)
            scores.append(_score_one(args, entry.id))
        except DualreadError as error:
            failed.append((entry.id, str(error)))
    return scores


def score_table(scores: "list[Score]") -> list[str]:
    width = max(len(s.pair_id) for s in scores)
    lines = [f"{'pair':<{width}}  {'rows':>4}  {'reviewed':>8}  {'link P':>6}  {'R':>5}  {'F1':>5}  "
             f"{'omission F1':>11}  {'stale':>5}"]
    for s in scores:
        p, r, f = s.link
        lines.append(f"{s.pair_id:<{width}}  {s.rows:>4}  {s.rows_reviewed:>8}  {p:>6.3f}  {r:>5.3f}  {f:>5.3f}  "
                     f"{s.omission[2]:>11.3f}  {s.stale:>5}")
    return lines
