"""Readout text from where people find it: files, stdin and web pages.

- ``read_source(source, *, stdin=None, timeout=15.0) -> str``: import one source — a ``.txt``, ``.md`` or
  ``.html``/``.htm`` file, ``-`` for stdin, or an ``http(s)://`` URL — as normalised readout text.
- ``normalise_text(text) -> str``: the shape every readout is stored in: NFC, ``\\n`` line ends, no trailing spaces,
  no control characters (a tab becomes a space; terminal escape sequences go whole), the title line, a blank line,
  then one paragraph per block with blank lines between.
- ``markdown_to_text(text)``, ``html_to_text(html, *, url=None)``: the two converters (the second keeps only the
  article, using trafilatura, which is imported on first use only).
- ``strip_controls(text)``: drop terminal escape sequences and control characters, a tab becoming a space; line
  breaks stay (``normalise_text`` applies it; ``readouts.adding`` applies it to events and titles too).
- ``ensure_title(text, title)``: put ``title`` first when the text does not start with a title line.
- ``looks_like_title(line)``, ``guess_language(text)``: small judgements ``dualread add`` makes for the user.
- ``MAX_SOURCE_BYTES``: 50 MB; a bigger source is refused before it is read whole.

Every problem — a missing, binary, non-UTF-8, empty or oversized file, a malformed or unreachable URL, a web page
with no article in it (only menus or a stray word survive extraction) — is a one-line ``ReadoutError`` naming the
source. Local text and Markdown files must be UTF-8; a web page, fetched or saved as an ``.html`` file, may declare
its own charset.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import IO, Any

from readouts.errors import ReadoutError
from readouts.pairfile import MAX_TEXT_BYTES

__all__ = [
    "MAX_SOURCE_BYTES",
    "ensure_title",
    "guess_language",
    "html_to_text",
    "looks_like_title",
    "markdown_to_text",
    "normalise_text",
    "read_source",
    "strip_controls",
]

MAX_SOURCE_BYTES = MAX_TEXT_BYTES

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_LIST_ITEM = re.compile(r"^(?:[-*+•–]\s|\d{1,3}[.)]\s|\([a-z0-9]{1,3}\)\s)")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WRAP_WIDTH = 100
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
"""ANSI/VT sequences (colours, cursor moves, window titles) as a terminal would consume them: removed whole."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters left once line breaks are \\n and tabs are spaces: never part of a readout."""
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W_]+")
"""A word; each Han character counts as one, since Chinese does not separate words with spaces."""
_PROSE_END = re.compile(r"[.!?…](?=[\"'”’»)\]]*(?:\s|$))|[。！？]")
MIN_ARTICLE_WORDS = 5
"""A page whose article has no paragraph of this many words ending a sentence has no readout in it."""


# --- where the bytes come from -------------------------------------------------------------------------------------

def read_source(source: str, *, stdin: IO[Any] | None = None, timeout: float = 15.0) -> str:
    """The readout text of ``source``: a file path, ``-`` (read ``stdin``, default ``sys.stdin``) or a URL."""
    if source == "-":
        raw = _read_limited(stdin if stdin is not None else sys.stdin, "<stdin>")
        text = _decode(raw, "<stdin>")
        kind = "html" if _sniff_html(text) else "text"
        return _convert(text, kind, "<stdin>")
    if _URL.match(source):
        return _read_url(source, timeout)
    return _read_file(Path(source).expanduser(), source)


def _read_limited(stream: IO[Any], name: str) -> bytes:
    binary = getattr(stream, "buffer", stream)
    data = binary.read(MAX_SOURCE_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_SOURCE_BYTES:
        raise ReadoutError(f"too large: more than {_mb(MAX_SOURCE_BYTES)}", file=name)
    return data


def _read_file(path: Path, shown: str) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadoutError("no such file", file=shown) from None
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=shown) from None
    if path.is_dir():
        raise ReadoutError("is a folder, not a readout file", file=shown)
    if size > MAX_SOURCE_BYTES:
        raise ReadoutError(f"too large: {size:,} bytes, the limit is {_mb(MAX_SOURCE_BYTES)}", file=shown)
    try:
        with path.open("rb") as handle:
            raw = _read_limited(handle, shown)
    except OSError as error:
        raise ReadoutError(f"cannot read: {error.strerror or error}", file=shown) from None
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        # A page saved from a browser keeps the charset its <meta> declares; honour it when the bytes are not UTF-8.
        return _convert(_decode(raw, shown, declared=_meta_charset(raw)), "html", shown)
    text = _decode(raw, shown)
    if suffix in _MARKDOWN_SUFFIXES:
        kind = "markdown"
    else:
        kind = "html" if _sniff_html(text) else "text"
    return _convert(text, kind, shown)


def _read_url(url: str, timeout: float) -> str:
    import socket
    import urllib.error
    import urllib.parse
    import urllib.request
    from http.client import HTTPException

    if not url.lower().startswith(("http://", "https://")):
        raise ReadoutError("only http:// and https:// URLs can be imported", file=url)
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ReadoutError("not a valid URL: it contains a space or a control character", file=url)
    try:
        parts = urllib.parse.urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises for a port that is not a number from 0 to 65535
        request = urllib.request.Request(url, headers={
            "User-Agent": "dualread (readout import)",
            "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9",
        })
    except ValueError as error:  # a bracket left open, a bad port
        raise ReadoutError(f"not a valid URL: {error}", file=url) from None
    if not host:
        raise ReadoutError("not a valid URL: no host name", file=url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # the scheme is checked above
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > MAX_SOURCE_BYTES:
                raise ReadoutError(f"too large: {int(declared):,} bytes, the limit is {_mb(MAX_SOURCE_BYTES)}",
                                   file=url)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            raw = _read_limited(response, url)
    except urllib.error.HTTPError as error:
        raise ReadoutError(f"the server answered {error.code} {error.reason}", file=url) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ReadoutError(f"unreachable: no answer within {timeout:g} s", file=url) from None
        detail = getattr(reason, "strerror", None) or str(reason)
        raise ReadoutError(f"unreachable: {detail}", file=url) from None
    except TimeoutError:
        raise ReadoutError(f"unreachable: no answer within {timeout:g} s", file=url) from None
    except (HTTPException, OSError, ValueError) as error:
        raise ReadoutError(f"unreachable: {error}", file=url) from None
    if content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif content_type == "text/markdown":
        kind = "markdown"
    elif content_type == "text/plain":
        kind = "text"
    else:
        raise ReadoutError(f"not a text or HTML page (content type {content_type})", file=url)
    return _convert(_decode_web(raw, charset, url), kind, url, url=url)


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def _decode(raw: bytes, source: str, *, declared: str | None = None) -> str:
    """UTF-8 text, strictly; ``declared`` is a charset the file itself names, tried when UTF-8 fails."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadoutError("UTF-16 text, not UTF-8: save it as UTF-8 and try again", file=source)
    if b"\x00" in raw:
        raise ReadoutError("binary file, not text", file=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if declared:
            try:
                return raw.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        raise ReadoutError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
                           "save it as UTF-8 and try again", file=source) from None


def _meta_charset(raw: bytes) -> str | None:
    head = raw[:4096].decode("ascii", errors="replace")
    meta = re.search(r"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", head, re.IGNORECASE)
    return meta.group(1) if meta else None


def _decode_web(raw: bytes, charset: str | None, url: str) -> str:
    """A page's text in the charset its server declares, else UTF-8, else the charset its <meta> names."""
    if b"\x00" in raw:
        raise ReadoutError("binary content, not text", file=url)
    meta = _meta_charset(raw)
    candidates = ([charset] if charset else []) + ["utf-8-sig"] + ([meta] if meta else [])
    for name in candidates:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ReadoutError("the page is not in UTF-8 or in the charset it declares", file=url)


def _sniff_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def _convert(text: str, kind: str, source: str, *, url: str | None = None) -> str:
    if kind == "html":
        text = html_to_text(text, url=url, source=source)
    elif kind == "markdown":
        text = markdown_to_text(text)
    result = normalise_text(text)
    if not result:
        raise ReadoutError("empty readout: no text found", file=source)
    return result


# --- shaping the text ---------------------------------------------------------------------------------------------

def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, stripped lines, and the stored layout: title line, blank line, paragraphs.

    Lines inside a block are joined when the block is hard-wrapped (its lines are short and some end mid-sentence);
    otherwise each line is a paragraph of its own, which is how text pasted from web pages arrives. List items
    always start a paragraph. The first line is the title line and is never joined to what follows.
    """
    text = _LINE_BREAKS.sub("\n", text)
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
    """``text`` without ANSI/VT escape sequences (removed whole) or C0/C1 control characters; a tab becomes a space.

    Pasted from a terminal or a badly made page, these would colour, move or ring the user's terminal later. ``\\n``
    stays; other line breaks (``\\r``, form feed, NEL) should be made ``\\n`` first, as ``normalise_text`` does.
    """
    return _CONTROL.sub("", _TERMINAL_ESCAPE.sub("", text.replace("\t", " ")))


def _paragraphs_of(block: list[str]) -> list[str]:
    wrapped = len(block) > 1 and all(len(line) <= _WRAP_WIDTH for line in block[:-1]) and any(
        not _SENTENCE_END.search(line) for line in block[:-1])
    if not wrapped:
        return list(block)
    paragraphs: list[list[str]] = []
    for line in block:
        if paragraphs and not _LIST_ITEM.match(line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [" ".join(lines) for lines in paragraphs]


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


def guess_language(text: str) -> str:
    """``ru`` for mostly Cyrillic text, ``zh`` for mostly Chinese, else ``en``: enough to pick a segmenter."""
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in letters)
    if cyrillic > len(letters) / 2:
        return "ru"
    if han > len(letters) / 3:
        return "zh"
    return "en"


# --- converters ---------------------------------------------------------------------------------------------------

def html_to_text(html: str, *, url: str | None = None, source: str = "<html>") -> str:
    """The article of a web page as paragraphs, its title first; navigation, scripts and footers are left out."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=True, include_images=False, include_links=False)
    body = (getattr(document, "text", None) or "") if document is not None else ""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if not paragraphs:
        raise ReadoutError("no article text found in the page", file=source)
    if not any(_is_prose(p) for p in paragraphs):
        # Without an article the extractor falls back to whatever is left: menu items, a button, one stray word.
        raise ReadoutError(f"no article found in the page, only fragments such as menu items (no sentence of "
                           f"{MIN_ARTICLE_WORDS} words or more)", file=source, value=" · ".join(paragraphs))
    title = (getattr(document, "title", None) or "").strip()
    if title and _loose(paragraphs[0]) != _loose(title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)


def _is_prose(paragraph: str) -> bool:
    return len(_WORD.findall(paragraph)) >= MIN_ARTICLE_WORDS and bool(_PROSE_END.search(paragraph))


def _loose(text: str) -> str:
    return " ".join(text.casefold().split())


_FRONT_MATTER = re.compile(r"\A---\n(?:[\w-]+:.*\n|[ \t-].*\n|\n)*?(?:---|\.\.\.)\n")


def markdown_to_text(text: str) -> str:
    """Markdown as plain paragraphs: headings, emphasis, links and code become their text; images, raw HTML and
    front matter are dropped; list items keep a ``-`` or their number."""
    from markdown_it import MarkdownIt

    text = _FRONT_MATTER.sub("", _LINE_BREAKS.sub("\n", text))
    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(text)
    paragraphs: list[str] = []
    lists: list[list[Any]] = []  # one [kind, next number] per open list
    marker = ""
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(["-" if kind == "bullet_list_open" else "1", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            current = lists[-1]
            if current[0] == "-":
                marker = "- "
            else:
                marker = f"{current[1]}. "
                current[1] += 1
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            paragraphs.append(" | ".join(cell for cell in row))
            row = None
        elif kind == "inline":
            content = _inline_text(token.children or [])
            if row is not None:
                row.append(content)
            elif content:
                paragraphs.append(marker + content)
                marker = ""
        elif kind in ("fence", "code_block"):
            paragraphs.extend(line for line in token.content.split("\n") if line.strip())
    return "\n\n".join(p for p in paragraphs if p.strip())


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        # An image's alt text lives in its own children, so skipping the token drops it: pictures are not readout.
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
