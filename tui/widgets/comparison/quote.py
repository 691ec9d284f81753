"""``quote_text(comparison, row)``: a row as plain text to paste into an article or a note: each side's words in
quotation marks after its publisher (and its web address when it has one), "not mentioned" for a silent side, then
the event and date. What ``y`` on the comparison screen copies to the clipboard.

Readout text is data: control characters (an escape sequence in a readout) are dropped, not copied.
"""

from __future__ import annotations

from comparisons.model import Comparison, Row
from readouts.textshape import one_line
from tui.widgets.texts import NOT_MENTIONED

__all__ = ["quote_text", "web_address"]

_CONTROLS = {code: None for code in (*range(0x09), *range(0x0B, 0x20), 0x7F)}


def web_address(url: str) -> str | None:
    """``url`` when it is an http(s) address with a host, else ``None`` (a library's links are untrusted: a
    ``javascript:`` or ``file:`` link is never offered to open, nor quoted as a source)."""
    from urllib.parse import urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return None
    return url


def quote_text(comparison: Comparison, row: Row) -> str:
    lines = []
    for document in comparison.documents:
        side = document.side
        who = one_line(side.publisher) or side.key
        address = web_address(side.url)
        if address:
            who += f" ({address})"
        claims = row.claims.get(side.key, ())
        said = " ".join(c.text for c in claims).translate(_CONTROLS)
        lines.append(f"{who}: “{said}”" if claims else f"{who}: {NOT_MENTIONED}")
    pair = comparison.pair
    lines.append(f"— {one_line(pair.event)}, {pair.date.isoformat()}")
    return "\n".join(lines).translate(_CONTROLS)
