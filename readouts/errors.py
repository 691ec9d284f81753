"""Errors a user can read.

Every layer raises one exception type that carries the file, field and value at fault; the command line turns
it into a single line on stderr and exit code 1. ``DualreadError`` is the common base so the command line
needs one ``except``; ``ReadoutError`` is this layer's own.
"""

from __future__ import annotations

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
        return f"{prefix}: {text}" if prefix else text


class ReadoutError(DualreadError):
    """Bad input in the documents layer: a pair folder, pair.yaml, a readout file or an import source."""


def _short(value: str, limit: int = 80) -> str:
    """Keep error lines to one readable line, whatever the user passed."""
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"
