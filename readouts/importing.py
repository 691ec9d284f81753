"""Readout text from where people find it: files, stdin and web pages.

- ``read_source(source, *, stdin=None, timeout=15.0, deadline=None) -> str``: import one source — a ``.txt``,
  ``.md`` or ``.html``/``.htm`` file, ``-`` for stdin, or an ``http(s)://`` URL (``readouts.fetch``) — as
  normalised readout text. Stdin is HTML when it looks like a page, Markdown when it opens with a ``#`` heading,
  else plain text. A file must be a regular file (not a FIFO or a device).
- ``normalise_text``, ``strip_controls``, ``ensure_title``, ``looks_like_title``, ``guess_language``: the stored
  shape of a readout, from ``readouts.textshape``; ``html_to_text``, ``markdown_to_text``: the two converters, from
  ``readouts.converters``. Both are re-exported here, the names callers have always imported from this module.
- ``MAX_SOURCE_BYTES``: 50 MB; a bigger source is refused before it is read whole.

Every problem — a missing, binary, non-UTF-8, empty or oversized file, a malformed or unreachable URL, a web page
with no article in it (only menus or a stray word survive extraction) — is a one-line ``ReadoutError`` naming the
source. Local text and Markdown files must be UTF-8; a web page, fetched or saved as an ``.html`` file, may declare
its own charset.

This module is only about where the bytes come from and how they are decoded: the converters and the text's shape
live in their own modules, which need no file, stream or network.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import IO, Any

from readouts.converters import html_to_text, markdown_to_text
from readouts.errors import ReadoutError
from readouts.pairfile import MAX_TEXT_BYTES
from readouts.safefiles import read_regular
from readouts.textshape import (
    ensure_title,
    guess_language,
    looks_like_title,
    normalise_text,
    strip_controls,
)

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


# --- where the bytes come from -------------------------------------------------------------------------------------

def read_source(source: str, *, stdin: IO[Any] | None = None, timeout: float = 15.0,
                deadline: float | None = None) -> str:
    """The readout text of ``source``: a file path (or its ``file://`` address), ``-`` (read ``stdin``, default
    ``sys.stdin``) or an http(s) URL.

    ``timeout`` bounds each wait for a web server, ``deadline`` (default ``readouts.fetch.DEADLINE``) a whole
    download."""
    if source == "-":
        raw = _read_limited(stdin if stdin is not None else sys.stdin, "<stdin>")
        text = _decode(raw, "<stdin>")
        kind = "html" if _sniff_html(text) else "markdown" if _sniff_markdown(text) else "text"
        return _convert(text, kind, "<stdin>")
    if source[:7].lower() == "file://":
        return _read_file(_file_address(source), source)
    if _URL.match(source):
        from readouts.fetch import DEADLINE

        return _read_url(source, timeout, DEADLINE if deadline is None else deadline)
    return _read_file(Path(source).expanduser(), source)


def _file_address(source: str) -> Path:
    """The path a ``file://`` address names: what a file manager or a browser's address bar gives for a local file
    names it as plainly as its path. One on another host is refused: dualread reads no network share by name."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(source)
    if parts.netloc not in ("", "localhost"):
        raise ReadoutError(f"a file on another host ({parts.netloc}) cannot be read: copy it here and give its path",
                           file=source)
    return Path(unquote(parts.path))


def _read_limited(stream: IO[Any], name: str) -> bytes:
    binary = getattr(stream, "buffer", stream)
    data = binary.read(MAX_SOURCE_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_SOURCE_BYTES:
        raise ReadoutError(f"too large: more than {_mb(MAX_SOURCE_BYTES)}", file=name)
    return data


def _read_file(path: Path, shown: str) -> str:
    # A named pipe would wait for a writer and a device never ends: only regular files are read by name.
    raw = read_regular(path, limit=MAX_SOURCE_BYTES, shown=shown, what="readout file",
                       hint="give '-' and pipe the text to stdin")
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


def _read_url(url: str, timeout: float, deadline: float) -> str:
    from readouts.fetch import fetch, shown_url

    page = fetch(url, limit=MAX_SOURCE_BYTES, timeout=timeout, deadline=deadline)
    shown = shown_url(url)
    if page.content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif page.content_type == "text/markdown":
        kind = "markdown"
    elif page.content_type == "text/plain":
        kind = "text"
    else:
        raise ReadoutError(f"not a text or HTML page (content type {page.content_type})", file=shown)
    return _convert(_decode_web(page.raw, page.charset, shown), kind, shown, url=page.url)


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


_MARKDOWN_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+\S")


def _sniff_markdown(text: str) -> bool:
    """Stdin has no suffix to tell its kind: a paste that opens with a Markdown heading (``# Title``) is Markdown.

    Plain readouts never open so, and anything less certain is kept as typed: ``*`` or ``#1`` in prose is text.
    """
    return bool(_MARKDOWN_HEADING.match(text))


def _convert(text: str, kind: str, source: str, *, url: str | None = None) -> str:
    if kind == "html":
        text = html_to_text(text, url=url, source=source)
    elif kind == "markdown":
        text = markdown_to_text(text)
    result = normalise_text(text)
    if not result:
        raise ReadoutError("empty readout: no text found", file=source)
    return result
