"""The literal texts a regular expression's matches need, so that a pattern runs only on texts that have them.

- ``pattern_needles(pattern) -> tuple[str, ...]``: the texts every match begins with (lowercased), or ``()``.
- ``required_literals(pattern) -> tuple[tuple[str, ...], ...]``: groups of texts of which a match contains one
  each, or ``()``.

Both read the pattern with a small reader of our own (``_read``) that knows the plain part of the syntax: literal
characters and escapes, groups, alternation, quantifiers, character classes and zero-width assertions. Anything it
does not know (a backreference, a conditional, a flag for the whole pattern) makes the answer "nothing known", and the pattern is
then run on every text: slower, with the same results. Nothing here ever decides a match, so being unsure is
always safe; being wrong is not, and ``tests/unit/test_tagging.py`` checks on every pattern of the default taxonomy
that each match it finds begins with a needle and contains one text of each required group.

Why not the parser behind ``re.compile``: it is private (``re._parser``) and may change with any Python release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["pattern_needles", "required_literals"]

MAX_PREFIXES = 64
"""More alternative prefixes than this are too many to look for: the pattern is then tried everywhere."""


class _Unknown(Exception):
    """Syntax the reader does not follow: the caller answers "nothing known"."""


@dataclass
class _Atom:
    """One item of a sequence: a literal character, a group of alternative sequences, or anything else (a class,
    an escape like ``\\w``, ``.``); ``zero_width`` items (``\\b``, ``^``, lookarounds) match no text at all."""

    char: str | None = None
    alternatives: list[list["_Atom"]] | None = None
    zero_width: bool = False
    min: int = 1
    max: int | None = 1

    @property
    def plain(self) -> bool:
        """Matched exactly once: neither optional nor repeated."""
        return self.min == 1 and self.max == 1


_SCOPED_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")
_ESCAPED_LITERALS = set(".^$*+?{}[]()|\\/-#&~ \"'")
_ZERO_WIDTH_ESCAPES = set("bBAZ")
_CLASS_ESCAPES = set("wWsSdD")


def _read(pattern: str) -> list[_Atom]:
    atoms, end = _read_alternatives(pattern, 0)
    if end != len(pattern):
        raise _Unknown(pattern)
    return atoms[0] if len(atoms) == 1 else [_Atom(alternatives=atoms)]


def _read_alternatives(p: str, i: int) -> tuple[list[list[_Atom]], int]:
    alternatives: list[list[_Atom]] = [[]]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            alternatives.append([])
            i += 1
            continue
        atom, i = _read_atom(p, i)
        atom, i = _read_quantifier(p, i, atom)
        alternatives[-1].append(atom)
    return alternatives, i


def _read_atom(p: str, i: int) -> tuple[_Atom, int]:
    ch = p[i]
    if ch == "\\":
        if i + 1 >= len(p):
            raise _Unknown(p)
        nxt = p[i + 1]
        if nxt in _ZERO_WIDTH_ESCAPES:
            return _Atom(zero_width=True), i + 2
        if nxt in _CLASS_ESCAPES:
            return _Atom(), i + 2
        if nxt in _ESCAPED_LITERALS:
            return _Atom(char=nxt), i + 2
        if nxt == "x" and i + 3 < len(p):
            return _Atom(char=chr(int(p[i + 2:i + 4], 16))), i + 4
        raise _Unknown(p)  # \1, \N{...}, \u...: not read
    if ch in "^$":
        return _Atom(zero_width=True), i + 1
    if ch == ".":
        return _Atom(), i + 1
    if ch == "[":
        return _Atom(), _class_end(p, i)
    if ch == "(":
        return _read_group(p, i)
    if ch in "*+?{":
        raise _Unknown(p)  # a quantifier with nothing before it
    return _Atom(char=ch), i + 1


def _class_end(p: str, i: int) -> int:
    """The index after a character class that starts at ``p[i] == "["``."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1  # a "]" first in the class is a literal
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    if j >= len(p):
        raise _Unknown(p)
    return j + 1


def _read_group(p: str, i: int) -> tuple[_Atom, int]:
    zero_width = False
    if p.startswith("(?:", i):
        start = i + 3
    elif p.startswith(("(?=", "(?!"), i):
        start, zero_width = i + 3, True
    elif p.startswith(("(?<=", "(?<!"), i):
        start, zero_width = i + 4, True
    elif p.startswith("(?P<", i):
        start = p.index(">", i) + 1
    elif (scoped := _SCOPED_FLAGS.match(p, i)) is not None:
        start = scoped.end()  # "(?-i:[A-Z])": a group whose flags differ; texts are compared lower-cased anyway
    elif p.startswith("(?", i):
        raise _Unknown(p)  # flags for the whole pattern, comments, conditionals
    else:
        start = i + 1
    alternatives, end = _read_alternatives(p, start)
    if end >= len(p) or p[end] != ")":
        raise _Unknown(p)
    if zero_width:
        return _Atom(zero_width=True), end + 1
    return _Atom(alternatives=alternatives), end + 1


def _read_quantifier(p: str, i: int, atom: _Atom) -> tuple[_Atom, int]:
    if i >= len(p) or p[i] not in "*+?{":
        return atom, i
    ch = p[i]
    if ch == "{":
        close = p.find("}", i)
        body = p[i + 1:close] if close > 0 else ""
        low, _, high = body.partition(",")
        if not low.strip().isdecimal() and low.strip() != "" or (high and not high.strip().isdecimal()):
            return atom, i  # not a quantifier: a literal "{"
        atom.min = int(low) if low.strip() else 0
        atom.max = atom.min if "," not in body else (int(high) if high.strip() else None)
        i = close + 1
    else:
        atom.min, atom.max = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        i += 1
    if i < len(p) and p[i] in "?+":
        i += 1  # lazy or possessive: the same texts
    return atom, i


def _prefixes(atoms: list[_Atom]) -> tuple[set[str], bool]:
    """(prefixes, complete): the literal texts every match of ``atoms`` starts with, and whether they make up the
    whole of ``atoms`` (so that what follows may extend them)."""
    out = {""}
    for atom in atoms:
        if atom.zero_width:
            continue
        if not atom.plain:
            return out, False
        if atom.char is not None:
            out = {s + atom.char for s in out}
            continue
        if atom.alternatives is None:
            return out, False
        results = [_prefixes(alternative) for alternative in atom.alternatives]
        subs = set().union(*(r[0] for r in results))
        out = {s + x for s in out for x in subs}
        if not all(r[1] for r in results) or len(out) > MAX_PREFIXES:
            return out, False
    return out, True


def pattern_needles(pattern: str) -> tuple[str, ...]:
    """The literal texts a pattern's match must begin with, when its start is plain enough to read them off
    (``\\b(?:spoke|talked)\\s`` -> spoke, talked); none when it is not, and the pattern is always tried."""
    try:
        texts, _ = _prefixes(_read(pattern))
    except (_Unknown, ValueError, IndexError):
        return ()
    if not texts or any(len(t) < 2 for t in texts) or len(texts) > MAX_PREFIXES:
        return ()
    return tuple(sorted(t.lower() for t in texts))


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of literal texts (3 letters or more) of which a match must contain one each, read off the pattern's
    plain parts: "...\\s+(?:relations|ties)" must contain "relations" or "ties". Longest (rarest-looking) first."""
    try:
        atoms = _read(pattern)
    except (_Unknown, ValueError, IndexError):
        return ()
    groups: set[tuple[str, ...]] = set()

    def collect(seq: list[_Atom]) -> None:
        run = ""
        for atom in [*seq, None]:
            if atom is not None and atom.plain and atom.char is not None:
                run += atom.char
                continue
            if atom is not None and atom.zero_width:
                continue  # matches no text: the literals on either side of it stay one run
            if len(run) >= 3:
                groups.add((run.lower(),))
            run = ""
            if atom is None or not atom.plain or atom.alternatives is None:
                continue  # optional, repeated or not literal: nothing it holds is needed
            if len(atom.alternatives) == 1:
                collect(atom.alternatives[0])
            else:
                texts = set().union(*(_prefixes(alternative)[0] for alternative in atom.alternatives))
                if texts and all(len(t) >= 3 for t in texts) and len(texts) <= MAX_PREFIXES:
                    groups.add(tuple(sorted(t.lower() for t in texts)))

    collect(atoms)
    return tuple(sorted(groups, key=lambda g: (-min(len(t) for t in g), g)))
