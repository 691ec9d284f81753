"""The literal texts a regular expression's matches need, so that a pattern runs only on texts that have them.

- ``pattern_needles(pattern) -> tuple[str, ...]``: the texts every match begins with (lowercased), or ``()``.
- ``required_literals(pattern) -> tuple[tuple[str, ...], ...]``: groups of texts of which a match contains one
  each, or ``()``.

Both read the pattern with the parser behind ``re.compile`` (``re._parser``, ``re._constants``), which is not a
public API. Every use is wrapped so that any failure (a Python version that renames or reshapes them) gives the
answer "nothing known": a pattern with no known literals is then run on every text, more slowly, with the same
results. Nothing here ever decides a match.
"""

from __future__ import annotations

__all__ = ["pattern_needles", "required_literals"]


def _parse(pattern: str) -> list:
    """The parsed pattern as (opcode, argument) items; raises on any trouble, which callers turn into ``()``."""
    from re import _parser

    return list(_parser.parse(pattern))


def pattern_needles(pattern: str) -> tuple[str, ...]:
    """The literal texts a pattern's match must begin with, when its start is plain enough to read them off
    (``\\b(?:spoke|talked)\\s`` -> spoke, talked); none when it is not, and the pattern is always tried."""
    try:
        texts, _ = _literal_prefixes(list(_parse(pattern)))
    except Exception:  # noqa: BLE001 - any failure of the private parser means "no needles known"
        return ()
    if not texts or any(len(t) < 2 for t in texts):
        return ()
    return tuple(sorted(t.lower() for t in texts))


def _literal_prefixes(items: list) -> tuple[set[str], bool]:
    """(prefixes, complete): the literal strings every match of ``items`` starts with, and whether they are the
    whole of ``items`` (so that what follows may extend them)."""
    from re import _constants as c

    out = {""}
    for op, av in items:
        if op is c.AT:
            continue
        if op is c.LITERAL:
            out = {s + chr(av) for s in out}
            continue
        if op is c.SUBPATTERN:
            subs, complete = _literal_prefixes(list(av[3]))
        elif op is c.BRANCH:
            results = [_literal_prefixes(list(alt)) for alt in av[1]]
            subs = set().union(*(r[0] for r in results))
            complete = all(r[1] for r in results)
        else:
            return out, False
        out = {s + x for s in out for x in subs}
        if not complete or len(out) > 64:
            return out, False
    return out, True


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of literal texts (3 letters or more) of which a match must contain one each, read off the pattern's
    top level: "...\\s+(?:relations|ties)" must contain "relations" or "ties". Rarest-looking (longest) first."""
    try:
        from re import _constants as c

        items = list(_parse(pattern))
    except Exception:  # noqa: BLE001 - as in pattern_needles
        return ()
    groups: list[tuple[str, ...]] = []

    def collect(seq: list) -> None:
        run = ""
        for op, av in [*seq, (None, None)]:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if len(run) >= 3:
                groups.append((run.lower(),))
            run = ""
            if op is c.SUBPATTERN:
                collect(list(av[3]))
            elif op is c.BRANCH:
                texts = set().union(*(_literal_prefixes(list(alt))[0] for alt in av[1]))
                if texts and all(len(t) >= 3 for t in texts):
                    groups.append(tuple(sorted(t.lower() for t in texts)))

    try:
        collect(items)
    except Exception:  # noqa: BLE001 - as in pattern_needles
        return ()
    return tuple(sorted(set(groups), key=lambda g: -min(len(t) for t in g)))
