"""Web pages and Markdown as plain paragraphs, ready for ``readouts.textshape.normalise_text``.

- ``html_to_text(html, *, url=None, source="<html>") -> str``: the article of a page, its title first; navigation,
  scripts and footers are left out (trafilatura does the extraction; it is imported on first use only, as it takes
  a while to load and most imports are plain text).
- ``markdown_to_text(text) -> str``: headings, emphasis, links and code become their text; images, raw HTML and
  front matter are dropped; list items keep a ``-`` or their number (markdown-it-py, also imported on first use).
- ``MIN_ARTICLE_WORDS``: a page with no sentence of this many words has no readout in it.

Each converter wraps one parser and knows nothing of where the text came from (``readouts.importing``).
"""

from __future__ import annotations

import re
from typing import Any

from readouts.errors import ReadoutError
from readouts.textshape import LINE_BREAKS

__all__ = ["MIN_ARTICLE_WORDS", "html_to_text", "markdown_to_text"]

_WORD = re.compile(r"[\u3400-\u9fff]|[^\W_]+")
"""A word; each Han character counts as one, since Chinese does not separate words with spaces."""
_PROSE_END = re.compile(r"[.!?…](?=[\"'”’»)\]]*(?:\s|$))|[。！？]")
MIN_ARTICLE_WORDS = 5
"""A page whose article has no paragraph of this many words ending a sentence has no readout in it."""


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

    text = _FRONT_MATTER.sub("", LINE_BREAKS.sub("\n", text))
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
