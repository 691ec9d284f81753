"""``dualread search QUERY [--topic T] [--side KEY] [--publisher P] [--speaker S] [--since D] [--until D]
[--status linked|omission|conflict] [--without KEY] [--json]``: claims across the whole library.

Every pair's claims are indexed first (``comparisons.claim_index``: a pair never compared is compared now, with a
progress line on stderr), then the query runs over all of them (``comparisons.library_search``). Results are grouped
by pair, newest first, each claim with its side, status, topics and speaker and the claims linked to it on the other
sides. A query FTS5 cannot read, an unknown topic or side, or a date that is not one, is one line on stderr and
exit code 1. Broken pairs and pairs whose comparison failed are named on stderr; they do not stop the search.

``--json`` prints one object (schema ``dualread/search@1``, docs/search.md).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import re
import shutil
import sys
from typing import TYPE_CHECKING, Any

from tui.commands.json_out import write_json
from tui.commands.terminal_text import visible, visible_field, wrap

if TYPE_CHECKING:
    from comparisons.claim_index import ClaimIndex
    from comparisons.library_search import ClaimHit, SearchQuery, SearchResult

__all__ = ["add_parser", "parse_day", "result_to_json", "run"]

SCHEMA = "dualread/search@1"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from tui.commands.common import add_command

    parser = add_command(
        sub,
        "search",
        help="search every claim of the library: words, phrases, topic, side, speaker, dates, status",
        description="Search the claims of every pair in the library. QUERY is words (English words match their "
        "other forms: sanction finds sanctions), \"a phrase\", prefix* (санкци* for Russian), AND, OR, NOT and "
        "parentheses; an empty QUERY ('') matches every claim, so the options alone can ask. Results are grouped "
        "by pair, newest first, each claim with the claims linked to it on the other sides.",
        examples="  dualread search sanctions\n"
        "  dualread search '\"security guarantees\"' --side kremlin\n"
        "  dualread search '' --topic sanctions --side kremlin --without white-house\n"
        "      Kremlin claims on sanctions with no counterpart in the White House's\n"
        "  dualread search 'sanction* OR санкци*' --since 2022 --status conflict --json\n",
    )
    parser.add_argument("query", metavar="QUERY", nargs="?", default="", help="what to look for ('' for anything)")
    parser.add_argument("--topic", metavar="T", help="only claims tagged with topic T (see: dualread topics)")
    parser.add_argument("--side", metavar="KEY", help="only claims of the side KEY (white-house, kremlin, ...)")
    parser.add_argument("--publisher", metavar="P",
                        help="only claims of sides whose publisher contains P (any case)")
    parser.add_argument("--speaker", metavar="S", help="only claims attributed to a speaker whose name contains S")
    parser.add_argument("--since", metavar="D", help="only pairs dated D or later (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", metavar="D", help="only pairs dated D or earlier (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--status", choices=("linked", "omission", "conflict"),
                        help="linked: another side reports the point (conflicts included); omission: no other "
                        "side does; conflict: linked, and the sides disagree on a detail")
    parser.add_argument("--without", metavar="KEY",
                        help="only claims with no counterpart on side KEY: what KEY's readout leaves out")
    parser.add_argument("--json", action="store_true", help="print one JSON object (docs/search.md)")
    return parser


_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_day(value: str, *, field: str, last: bool) -> _dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day it names (``last``: the last day)."""
    from comparisons.library_search import SearchError

    found = _DAY.fullmatch(value.strip())
    try:
        if found is None:
            raise ValueError
        year, month, day = int(found[1]), found[2], found[3]
        if day is not None:
            return _dt.date(year, int(month), int(day))
        if month is not None:
            start = _dt.date(year, int(month), 1)
            if not last:
                return start
            # The month's own length: no arithmetic past its end, which December 9999 does not have.
            return start.replace(day=calendar.monthrange(year, start.month)[1])
        return _dt.date(year, 12, 31) if last else _dt.date(year, 1, 1)
    except ValueError:
        raise SearchError("must be a date: YYYY, YYYY-MM or YYYY-MM-DD", field=field, value=value) from None


def _query(args: argparse.Namespace) -> "SearchQuery":
    from comparisons.library_search import SearchQuery

    return SearchQuery(
        text=args.query, topic=args.topic, side=args.side, publisher=args.publisher, speaker=args.speaker,
        since=parse_day(args.since, field="--since", last=False) if args.since else None,
        until=parse_day(args.until, field="--until", last=True) if args.until else None,
        status=args.status, without=args.without,
    )


def check_names(index: "ClaimIndex", query: "SearchQuery") -> None:
    """An unknown topic or side key is a typo to point out, not an empty result to puzzle over."""
    from comparisons.engine import resolve_taxonomy
    from comparisons.library_search import SearchError

    if query.topic is not None:
        ids = resolve_taxonomy(index.options).ids
        if query.topic not in ids:
            raise SearchError(f"no such topic; the topics are: {', '.join(ids)}", field="--topic", value=query.topic)
    for field, key in (("--side", query.side), ("--without", query.without)):
        if key is None:
            continue
        keys = index.catalog.guarded(lambda c: sorted(row[0] for row in c.execute("SELECT DISTINCT key FROM sides")))
        if key not in keys:
            raise SearchError(f"no pair in the library has this side; the sides are: {', '.join(keys)}",
                              field=field, value=key)


def run(args: argparse.Namespace) -> int:
    from comparisons.library_search import check_query, search
    from tui.commands.catalog_access import open_claim_index

    query = _query(args)
    if query.text.strip():
        check_query(query.text)  # a typo in the query is reported before any indexing
    index = open_claim_index(args, check=lambda index: check_names(index, query))
    try:
        result = search(index, query)
    finally:
        index.catalog.close()
    if args.json:
        write_json(result_to_json(result), sys.stdout, spread="pairs")
    else:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write("\n".join(format_result(result, width)) + "\n")
    for pair_id, problem in result.broken:
        print(f"dualread: broken pair {visible(pair_id)}: {visible(problem)}", file=sys.stderr)
    for pair_id, problem in result.failed:
        print(f"dualread: pair {visible(pair_id)} could not be compared: {visible(problem)}", file=sys.stderr)
    return 0


# --- output ---------------------------------------------------------------------------------------------------------

def _hit_to_json(hit: "ClaimHit") -> dict[str, Any]:
    return {
        "id": hit.id, "side": hit.side, "publisher": hit.publisher, "text": hit.text, "start": hit.start,
        "end": hit.end, "speaker": hit.speaker, "topics": list(hit.topics), "status": hit.status, "link": hit.link,
        "score": hit.score, "conflicts": list(hit.conflicts),
        "partners": [{"id": p.id, "side": p.side, "publisher": p.publisher, "text": p.text} for p in hit.partners],
    }


def result_to_json(result: "SearchResult") -> dict[str, Any]:
    q = result.query
    return {
        "schema": SCHEMA,
        "query": {"text": q.text, "topic": q.topic, "side": q.side, "publisher": q.publisher, "speaker": q.speaker,
                  "since": q.since.isoformat() if q.since else None, "until": q.until.isoformat() if q.until else None,
                  "status": q.status, "without": q.without},
        "claims": result.claims,
        "pairs": [{"id": p.pair_id, "date": p.date, "event": p.event, "sample": p.sample,
                   "claims": [_hit_to_json(h) for h in p.hits]} for p in result.pairs],
        "broken": [{"id": i, "problem": problem} for i, problem in result.broken],
        "failed": [{"id": i, "problem": problem} for i, problem in result.failed],
        "not_indexed": result.not_indexed,
    }


def _wrap(text: str, width: int | None, indent: str) -> list[str]:
    return wrap(text, width, indent) if width else [indent + text]


def format_result(result: "SearchResult", width: int | None) -> list[str]:
    """The results as lines: a count, then per pair its date, event and id, and each claim with its partners."""
    pairs = len(result.pairs)
    if not result.claims:
        return ["No claims match."]
    lines = [f"{result.claims:,} claim{'s' if result.claims != 1 else ''} in {pairs:,} pair{'s' if pairs != 1 else ''}"]
    for group in result.pairs:
        lines.append("")
        # The pair's line and each claim's facts wrap too: at 80 columns they ran on at the terminal's first column.
        lines += _wrap(f"{group.date}  {visible_field(group.event)}  ({visible(group.pair_id)}"
                       f"{', sample' if group.sample else ''})", width, "")
        for hit in group.hits:
            facts = [hit.id, visible_field(hit.publisher or hit.side), hit.status]
            if hit.status == "conflict":
                facts[-1] += " (" + ", ".join(c.get("kind", "?") for c in hit.conflicts) + ")"
            if hit.topics:
                facts.append(", ".join(hit.topics))
            if hit.speaker:
                facts.append("speaker " + visible_field(hit.speaker))
            lines += _wrap(" · ".join(facts), width, "  ")
            lines += _wrap(visible(hit.text), width, "    ")
            for partner in hit.partners:
                lines += _wrap(f"↔ {partner.id} ({visible_field(partner.publisher or partner.side)}): {visible(partner.text)}",
                               width, "      ")
    return lines
