"""Errors a user can read.

Every layer raises one exception type that carries the file, field and value at fault; the command line turns
it into a single line on stderr and exit code 1, with any control character in it made visible (``\\x1b``). ``DualreadError`` is the common base so the command line
needs one ``except``; ``ReadoutError`` is this layer's own.
"""

from __future__ import annotations

import re

__all__ = ["DualreadError", "ReadoutError"]


class DualreadError(Exception):
    """A problem the user can fix, described by where it is (file, field) and what was found (value)."""

    def __init__(self, message: str, *, file: object = None, field: str | None = None, value: object = None):
        super().__init__(message)
        self.message = message
        self.file = None if file is None else str(file)
        self.field = field
        self.value = value

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = ": ".join(where)
        text = self.message
        if self.value is not None:
            shown = repr(self.value) if not isinstance(self.value, str) else repr(_short(self.value))
            text = f"{text} (got {shown})"
        return _visible(f"{prefix}: {text}" if prefix else text)


class ReadoutError(DualreadError):
    """Bad input in the documents layer: a pair folder, pair.yaml, a readout file or an import source."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(line: str) -> str:
    """Control characters shown as ``\\x1b``, never sent: a file or folder name from a shared library may hold an
    escape sequence, and the error line goes to a terminal. The line stays one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)


def _short(value: str, limit: int = 80) -> str:
    """Keep error lines to one readable line, whatever the user passed."""
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"
