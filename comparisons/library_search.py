"""Search every claim of the library: words and phrases (SQLite FTS5), narrowed by topic, side, publisher, speaker,
date and status, the results grouped by pair with each claim's partners on the other sides.

- ``SearchQuery(text, topic=, side=, publisher=, speaker=, since=, until=, status=, without=)``: what to look for.
  ``text`` is an FTS5 query (words, ``"a phrase"``, ``prefix*``, ``AND`` / ``OR`` / ``NOT``, parentheses);
  ``""`` matches every claim, so the filters alone can ask. ``without=KEY``: only claims with no partner on side
  ``KEY`` (the point KEY's readout leaves out; for a two-sided pair, that is an omission).
- ``search(index, query, *, limit=None) -> SearchResult``: ``SearchResult.pairs`` (``PairHits``: the pair's id,
  date, event and its ``ClaimHit``s in reading order, newest pair first), ``.broken`` (pairs that do not load) and
  ``.failed`` (pairs whose comparison failed), ``.not_indexed`` (pairs whose claims are not indexed yet, so not
  searched), ``.truncated`` (more claims matched than ``limit``).
- ``fts_query(text) -> str``: the user's text as FTS5 reads it (a word holding punctuation, ``de-escalation`` or
  ``U.S.``, becomes the phrase of its parts instead of a syntax error); ``SearchError`` for a query FTS5 cannot read.

The claims come from ``comparisons.claim_index.ClaimIndex``; only claims of pairs as they are now are searched (the
join on the pair's stamp). Matching on publisher and speaker ignores case (Unicode case folding), and matches a part:
``--publisher kremlin`` finds "President of Russia (Kremlin)".
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from comparisons.claim_index import STATUSES, TOKENIZER, fold
from comparisons.errors import ComparisonError

if TYPE_CHECKING:
    from comparisons.claim_index import ClaimIndex

__all__ = ["ClaimHit", "PairHits", "Partner", "SearchError", "SearchQuery", "SearchResult", "fts_query", "search"]


class SearchError(ComparisonError):
    """A query or filter the search cannot read; its message is one line for the user."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    topic: str | None = None
    side: str | None = None
    publisher: str | None = None
    speaker: str | None = None
    since: _dt.date | None = None
    until: _dt.date | None = None
    status: str | None = None
    without: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUSES:
            raise SearchError(f"must be one of {', '.join(STATUSES)}", field="status", value=self.status)


@dataclass(frozen=True)
class Partner:
    """A claim of another side in the same link."""

    id: str
    side: str
    publisher: str
    text: str


@dataclass(frozen=True)
class ClaimHit:
    id: str
    """``side:index``, as the comparison and its JSON name the claim."""
    side: str
    publisher: str
    text: str
    start: int
    end: int
    speaker: str | None
    topics: tuple[str, ...]
    status: str
    link: str | None
    score: float | None
    conflicts: tuple[dict[str, Any], ...]
    partners: tuple[Partner, ...]


@dataclass(frozen=True)
class PairHits:
    pair_id: str
    date: str
    event: str
    sample: bool
    hits: tuple[ClaimHit, ...]


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    pairs: tuple[PairHits, ...]
    broken: tuple[tuple[str, str], ...]
    failed: tuple[tuple[str, str], ...]
    not_indexed: int
    truncated: bool = False

    @property
    def claims(self) -> int:
        return sum(len(p.hits) for p in self.pairs)


# --- the query text -------------------------------------------------------------------------------------------------

_BARE = re.compile(r'[^\s()"]+')
_WORD = re.compile(r"\w+\*?")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def fts_query(text: str) -> str:
    """``text`` as an FTS5 query: quoted phrases and operators kept, words with punctuation made phrases; folded."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace() or ch in "()":
            out.append(ch)
            i += 1
            continue
        if ch == '"':
            end = i + 1
            while True:
                end = text.find('"', end)
                if end == -1 or not text.startswith('""', end):
                    break
                end += 2  # a doubled quote is a quote inside the phrase
            if end == -1:
                out.append(text[i:])  # unterminated: FTS5 says so
                break
            out.append(text[i:end + 1])
            i = end + 1
            continue
        word = _BARE.match(text, i).group()  # type: ignore[union-attr]
        i += len(word)
        out.append(_bareword(word))
    return fold("".join(out))


def _bareword(word: str) -> str:
    if word in _OPERATORS or _WORD.fullmatch(word):
        return word
    core = word.rstrip("*")
    if not core:
        return word  # a lone '*': FTS5 says what is wrong
    return '"' + core + '"' + ("*" if word.endswith("*") else "")


_CHECKER: sqlite3.Connection | None = None


def check_query(text: str) -> str:
    """The FTS5 form of ``text`` after FTS5 itself has read it (against an empty table); ``SearchError`` if not."""
    global _CHECKER
    query = fts_query(text)
    if _CHECKER is None:
        _CHECKER = sqlite3.connect(":memory:", check_same_thread=False)
        _CHECKER.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{TOKENIZER}')")
    try:
        _CHECKER.execute("SELECT rowid FROM probe WHERE probe MATCH ?", (query,)).fetchall()
    except sqlite3.OperationalError as error:
        reason = str(error).removeprefix("fts5: ")
        raise SearchError(f"not a search query FTS5 can read ({reason}); use words, \"a phrase\", prefix*, "
                          "AND, OR, NOT and parentheses", field="QUERY", value=text) from None
    return query


# --- the search -----------------------------------------------------------------------------------------------------

def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def search(index: "ClaimIndex", query: SearchQuery, *, limit: int | None = None) -> SearchResult:
    """Every indexed claim ``query`` matches, grouped by pair (newest first), each with its partners."""
    match = check_query(query.text) if query.text.strip() else None
    return index.catalog.guarded(lambda connection: _search(connection, index, query, match, limit))


def _search(connection: sqlite3.Connection, index: "ClaimIndex", query: SearchQuery, match: str | None,
            limit: int | None) -> SearchResult:
    connection.create_function("dualread_casefold", 1, _casefold, deterministic=True)
    where = ["p.problem IS NULL"]
    args: list[Any] = []
    if match is not None:
        where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        args.append(match)
    if query.topic:
        where.append("c.id IN (SELECT claim FROM claim_topics WHERE topic = ?)")
        args.append(query.topic)
    if query.side:
        where.append("c.side = ?")
        args.append(query.side)
    if query.publisher:
        where.append("instr(dualread_casefold(s.publisher), ?) > 0")
        args.append(query.publisher.casefold())
    if query.speaker:
        where.append("instr(dualread_casefold(c.speaker), ?) > 0")
        args.append(query.speaker.casefold())
    if query.since:
        where.append("p.date >= ?")
        args.append(query.since.isoformat())
    if query.until:
        where.append("p.date <= ?")
        args.append(query.until.isoformat())
    if query.status == "linked":
        where.append("c.status IN ('linked', 'conflict')")
    elif query.status:
        where.append("c.status = ?")
        args.append(query.status)
    if query.without:
        # The side must be in the pair, and the claim on another side with no partner there.
        where.append("c.side != ? AND EXISTS (SELECT 1 FROM sides o WHERE o.pair_id = p.id AND o.key = ?) "
                     "AND instr(' ' || c.partner_sides || ' ', ?) = 0")
        args += [query.without, query.without, f" {query.without} "]
    sql = (
        "SELECT c.pair, p.id, c.side, c.idx, c.start, c.end, c.text, c.speaker, c.link, c.status, c.topics, "
        "p.date, p.event, p.sample, s.publisher FROM claims c "
        "JOIN claim_pairs cp ON cp.key = c.pair "
        "JOIN pairs p ON p.id = cp.pair_id AND p.stamp = cp.stamp "
        "JOIN sides s ON s.pair_id = p.id AND s.key = c.side "
        f"WHERE {' AND '.join(where)} ORDER BY p.date DESC, p.id, s.position, c.idx"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit) + 1}"
    rows = connection.execute(sql, args).fetchall()
    truncated = limit is not None and len(rows) > limit
    rows = rows[:limit] if limit is not None else rows
    partners, links = _partners(connection, {(row[0], row[8]) for row in rows if row[8] is not None})
    groups: dict[str, tuple[tuple[str, str, bool], list[ClaimHit]]] = {}
    for (key, pair_id, side, idx, start, end, text, speaker, link, status, topics, date, event, sample,
         publisher) in rows:
        score, conflicts = links.get((key, link), (None, ())) if link else (None, ())
        hit = ClaimHit(
            id=f"{side}:{idx}", side=side, publisher=publisher, text=text, start=start, end=end, speaker=speaker,
            topics=tuple(topics.split()), status=status, link=link, score=score, conflicts=conflicts,
            partners=tuple(p for p in partners.get((key, link), ()) if p.side != side) if link else (),
        )
        groups.setdefault(pair_id, ((date, event, bool(sample)), []))[1].append(hit)
    pairs = tuple(PairHits(pair_id, meta[0], meta[1], meta[2], tuple(hits)) for pair_id, (meta, hits) in groups.items())
    broken = tuple(connection.execute("SELECT id, problem FROM pairs WHERE problem IS NOT NULL ORDER BY id"))
    failed = tuple(connection.execute(
        "SELECT c.pair_id, c.problem FROM claim_pairs c JOIN pairs p ON p.id = c.pair_id AND p.stamp = c.stamp "
        "WHERE c.problem IS NOT NULL ORDER BY c.pair_id"))
    counts = index.counts()
    return SearchResult(query, pairs, broken, failed, counts.stale, truncated)


def _partners(connection: sqlite3.Connection, wanted: set[tuple[int, str]]
              ) -> tuple[dict[tuple[int, str], list[Partner]], dict[tuple[int, str], tuple[float, tuple]]]:
    """Per (pair key, link) of the hits: the link's claims (to pick the partners from), its score and conflicts."""
    partners: dict[tuple[int, str], list[Partner]] = {}
    links: dict[tuple[int, str], tuple[float, tuple]] = {}
    if not wanted:
        return partners, links
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_links (pair INTEGER, link TEXT)")
    connection.execute("DELETE FROM wanted_links")
    connection.executemany("INSERT INTO wanted_links VALUES (?, ?)", sorted(wanted))
    for key, link, side, idx, text, publisher in connection.execute(
            "SELECT c.pair, c.link, c.side, c.idx, c.text, s.publisher FROM wanted_links w "
            "JOIN claims c ON c.pair = w.pair AND c.link = w.link "
            "JOIN claim_pairs cp ON cp.key = c.pair "
            "JOIN sides s ON s.pair_id = cp.pair_id AND s.key = c.side ORDER BY s.position, c.idx"):
        partners.setdefault((key, link), []).append(Partner(f"{side}:{idx}", side, publisher, text))
    for key, link, score, conflicts in connection.execute(
            "SELECT l.pair, l.id, l.score, l.conflicts FROM wanted_links w "
            "JOIN links l ON l.pair = w.pair AND l.id = w.link"):
        links[(key, link)] = (score, tuple(json.loads(conflicts)))
    connection.execute("DELETE FROM wanted_links")
    return partners, links
