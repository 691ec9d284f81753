"""The shape every imported readout is stored in, and the small judgements ``dualread add`` makes about a text.

- ``normalise_text(text) -> str``: NFC, ``\\n`` line ends, no trailing spaces, no control characters (a tab becomes
  a space; terminal escape sequences go whole), the title line, a blank line, then one paragraph per block with
  blank lines between.
- ``strip_controls(text)``: drop terminal escape sequences, control characters and the bidirectional controls that
  turn the text after them around, a tab becoming a space; line breaks stay (``normalise_text`` applies it;
  ``readouts.adding`` applies it to events and titles too).
- ``clean_text(text)``: line breaks made ``\\n``, then ``strip_controls``: what a hand-edited file is reduced to on load.
- ``one_line(text)``: a field that is one line by nature (an event, a title, a publisher, a person's name) as one
  line for display, each run of line breaks, tabs and spaces made one space; the stored value stays as written.
- ``ensure_title(text, title)``: put ``title`` first when the text does not start with a title line.
- ``looks_like_title(line)``, ``guess_language(text)``: small judgements ``dualread add`` makes for the user;
  ``RTL_LANGUAGES``: the languages a report lays out right to left.
- ``paragraph_lines(block)``: which lines of a block make one paragraph: the one rule for hard-wrapped lines, shared
  with ``readouts.segment`` so that a stored text splits as ``add`` would have stored it.
- ``LINE_BREAKS``: every line break a source may use (``\\r\\n``, ``\\r``, U+2028, form feed, ...), to be made ``\\n``.

Kept apart from ``readouts.importing`` (where the bytes come from) and ``readouts.converters`` (HTML and Markdown
to plain text): whatever the source, its text ends up here, and these rules are pure functions of a string.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LINE_BREAKS", "LIST_MARKER", "RTL_LANGUAGES", "clean_text", "ensure_title", "guess_language", "looks_like_title", "normalise_text",
           "one_line", "paragraph_lines", "strip_controls"]

LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
LIST_MARKER = re.compile(r"(?:[-*+•▪‣◦●–—]|\(?\d{1,3}[.)]|\([a-zа-я0-9]{1,3}\)|[a-zа-я]\))\s")
"""A list item's marker at the start of a line ("- ", "• ", "1. ", "2) ", "(a) ", "б) "), followed by a space: each
item of a list is a point of its own."""
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WRAP_WIDTH = 100
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
"""ANSI/VT sequences (colours, cursor moves, window titles) as a terminal would consume them: removed whole."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 control characters left once line breaks are \\n and tabs are spaces, and the bidirectional
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): never part of a readout. An override turns the
direction of everything after it until its paragraph ends, so one in a claim printed other claims, report markers
and, in a terminal, the rest of a table row backwards. The marks (U+200E, U+200F), which open no such span, stay."""


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, stripped lines, and the stored layout: title line, blank line, paragraphs.

    Lines inside a block are joined when the block is hard-wrapped (its lines are short and some end mid-sentence);
    otherwise each line is a paragraph of its own, which is how text pasted from web pages arrives. List items
    always start a paragraph. The first line is the title line and is never joined to what follows.
    """
    text = LINE_BREAKS.sub("\n", text)
    # Before NFC, which could not compose a letter and its accent with a control character between them.
    text = strip_controls(text)
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    lines = [line.strip() for line in text.split("\n")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if not blocks:
        return ""
    title, rest = blocks[0][0], blocks[0][1:]
    paragraphs = [title]
    if rest:
        blocks[0] = rest
    else:
        blocks = blocks[1:]
    for block in blocks:
        paragraphs.extend(_paragraphs_of(block))
    return "\n\n".join(paragraphs) + "\n"


def strip_controls(text: str) -> str:
    """``text`` without ANSI/VT escape sequences (removed whole), C0/C1 control characters or bidirectional
    embeddings, overrides and isolates; a tab becomes a space.

    Pasted from a terminal or a badly made page, these would colour, move or ring the user's terminal later. ``\\n``
    stays; other line breaks (``\\r``, form feed, NEL) should be made ``\\n`` first, as ``normalise_text`` does.
    """
    return _CONTROL.sub("", _TERMINAL_ESCAPE.sub("", text.replace("\t", " ")))


def clean_text(text: str) -> str:
    """``text`` with every line break made ``\\n``, then ``strip_controls``: what a file written by hand (a pair.yaml,
    a side file edited outside dualread) is reduced to on load, so that only ``add``'s rules reach a terminal.

    Unlike ``normalise_text`` it keeps the layout and every other character, so offsets into it stay meaningful."""
    return strip_controls(LINE_BREAKS.sub("\n", text))


_SPACE_RUN = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""A run of white space (line breaks, tabs, spaces), but for the no-break spaces, which join on purpose."""


def one_line(text: str) -> str:
    """``text`` on one line: each run of white space (a line break, a tab, spaces) one space, none at the ends.

    For display only: a hand-written pair.yaml may hold ``event: "Call\\n\\n# Fake heading"``, which printed as
    it is ends a terminal line, a table row or a CSV line, and in Markdown starts a heading. The terminal, every
    report and the UI show one-line fields through this one rule; the value on disk and in the JSON is kept."""
    return _SPACE_RUN.sub(" ", text).strip(" ")


def _paragraphs_of(block: list[str]) -> list[str]:
    return [" ".join(block[i] for i in group) for group in paragraph_lines(block)]


def paragraph_lines(block: list[str]) -> list[list[int]]:
    """The paragraphs of a block of non-blank lines (stripped), as lists of line indices: the one rule for line
    breaks inside a block, used when a readout is imported and when a stored one is split into claims, so a text
    edited by hand reads as ``dualread add`` would have stored it.

    A block is hard-wrapped when its lines (but the last) are short and some end mid-sentence: its lines are then
    joined, a list item starting a paragraph of its own. Otherwise each line is a paragraph, which is how text
    pasted from web pages arrives (one paragraph a line, some of them long), except a line that plainly goes on
    with the sentence before it."""
    wrapped = len(block) > 1 and all(len(line) <= _WRAP_WIDTH for line in block[:-1]) and any(
        not _SENTENCE_END.search(line) for line in block[:-1])
    paragraphs: list[list[int]] = []
    for i, line in enumerate(block):
        if paragraphs and not LIST_MARKER.match(line) and (wrapped or _continues(block[i - 1], line)):
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A line that goes on with the sentence of the line before: that one ends mid-sentence and this one starts
    with a small letter, which no sentence does ("... of a claim" / "continues on ..."), even among long lines."""
    return not _SENTENCE_END.search(previous) and line[:1].islower()


def looks_like_title(line: str) -> bool:
    """A headline is short and does not end like a sentence; a first line that does is the readout's body."""
    line = line.strip()
    return 0 < len(line) <= 250 and not re.search(r"[.!?…][\"'”’»)]*$", line)


def ensure_title(text: str, title: str) -> str:
    """``text`` with ``title`` as its title line, unless its first line already looks like a headline.

    The stored layout puts a headline first and the body after a blank line; a body with no headline would
    otherwise lose its first paragraph to the title slot.
    """
    first = text.split("\n", 1)[0]
    if looks_like_title(first) or not title.strip():
        return text
    return normalise_text(f"{title.strip()}\n\n{text}")


_SCRIPTS = {
    "ru": re.compile("[\u0400-\u052f]"),
    "ar": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "he": re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]"),
    "el": re.compile("[\u0370-\u03ff\u1f00-\u1fff]"),
    "ja": re.compile("[\u3040-\u30ff]"),
    "ko": re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"),
    "hi": re.compile("[\u0900-\u097f]"),
    "th": re.compile("[\u0e00-\u0e7f]"),
    "ka": re.compile("[\u10a0-\u10ff]"),
    "hy": re.compile("[\u0530-\u058f]"),
    "zh": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
}
"""The scripts ``guess_language`` knows, each with the language a government readout in it most likely uses
(Arabic script: ``ar``; Devanagari: ``hi``). Japanese mixes kana into Chinese characters, so kana say ``ja``."""
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"})
"""Languages written right to left: a report marks their text ``dir="rtl"`` so a browser lays it out as written."""


def guess_language(text: str) -> str:
    """The language a text's script shows, for the side's ``language`` when ``add`` is not told it and for a
    report's ``lang``: ``ru`` for mostly Cyrillic text, ``zh`` for mostly Chinese, ``ja`` when kana show, ``ar``
    for Arabic script, ``he``, ``el``, ``ko``, ``hi``, ``th``, ``ka``, ``hy`` likewise; ``en`` for Latin text (or
    no letters), and ``und`` (undetermined) for another script: never ``en`` for a text plainly not in English.

    Only the script is read: a Latin-script readout in French is ``en`` here and should be given ``--language``."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return "en"
    counts = {code: len(script.findall(sample)) for code, script in _SCRIPTS.items()}
    if counts["ja"] > letters / 20 and counts["ja"] + counts["zh"] > letters / 3:
        return "ja"
    if counts["zh"] > letters / 3:
        return "zh"
    code, most = max(counts.items(), key=lambda item: item[1])
    if most > letters / 2:
        return code
    return "en" if len(_LATIN.findall(sample)) >= letters / 2 else "und"
