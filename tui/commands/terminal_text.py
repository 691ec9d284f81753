"""Text from a library on a terminal: data, never instructions to the terminal.

- ``visible(text)``: control characters (an escape sequence in a pair.yaml or a readout) shown as ``\\x1b`` instead
  of obeyed; printable text comes back as it is, at the cost of one C call.
- ``fit(text, width)``: cut to ``width`` characters with an ellipsis.
"""

from __future__ import annotations

__all__ = ["fit", "visible"]


def visible(text: str) -> str:
    if text.isprintable():
        return text  # nearly always: one C call instead of one per character (10,000 pairs listed)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
