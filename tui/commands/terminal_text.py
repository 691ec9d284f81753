"""Text from a library on a terminal: data, never instructions to the terminal.

- ``visible(text)``: control characters (an escape sequence in a pair.yaml or a readout) shown as ``\\x1b`` instead
  of obeyed; printable text comes back as it is, at the cost of one C call.
- ``visible_field(text)``: a one-line field (an event, a title, a publisher, a person's name) the same way, on one
  line (``readouts.textshape.one_line``: a line break in a hand-written pair.yaml would start a line of its own).
- ``fit(text, width)``: cut to ``width`` terminal cells with an ellipsis; ``pad(text, width)``: filled with spaces
  to ``width`` cells. Cells, not characters: a Chinese or Japanese character takes two, and an event in them cut
  by characters ran to twice the width a terminal line has.
- ``wrap(text, width, indent)``: ``text`` in lines of at most ``width`` cells, each opening with ``indent``.
"""

from __future__ import annotations

from functools import cache

from readouts.textshape import one_line

__all__ = ["fit", "pad", "visible", "visible_field", "wrap"]


def visible(text: str) -> str:
    if text.isprintable():
        return text  # nearly always: one C call instead of one per character (10,000 pairs listed)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def visible_field(text: str) -> str:
    return visible(one_line(text))


def fit(text: str, width: int) -> str:
    from rich.cells import cell_len, set_cell_size

    if text.isascii():
        return text if len(text) <= width else text[: max(width - 1, 0)] + "…"  # one cell a character
    return text if cell_len(text) <= width else set_cell_size(text, max(width - 1, 0)) + "…"


def pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * max(width - cell_len(text), 0)


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` cells (at least 20 after ``indent``), each opening with ``indent``;
    a word longer than a line is cut. Text of one cell a character goes through ``textwrap``, the rest through
    Rich's cell-aware wrapping (Chinese has no spaces to break at and takes two cells a character)."""
    from rich.cells import cell_len

    room = max(width - len(indent), 20)
    if cell_len(text) == len(text):
        import textwrap

        return textwrap.wrap(text, width=room + len(indent), initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False) or [indent]
    from rich.text import Text

    return [indent + line.plain.rstrip() for line in Text(text).wrap(_console(), room)] or [indent]


@cache
def _console():
    import io

    from rich.console import Console

    return Console(file=io.StringIO(), width=1000, color_system=None)
