"""Standard output that may fail: a full disk under ``dualread export ... > report.md``, a terminal that went away.

- ``StandardOutput(stream)``: ``sys.stdout`` as every command writes to it, with a failed write or flush raised as
  ``OutputError`` (an ``OSError`` naming "standard output"), so the user reads which file could not be written
  instead of a bare "No space left on device" — or a traceback. The stream is then pointed at the null device,
  so that the interpreter's own flush at exit does not fail a second time, with a traceback of its own. A reader
  that closed the pipe early (``dualread show PAIR | head``) stays a ``BrokenPipeError``: no error for the user.
- ``os_problem(error) -> str``: the one line ``tui.cli`` prints for a system error no command turned into a
  ``DualreadError``.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

__all__ = ["OutputError", "StandardOutput", "os_problem"]

STANDARD_OUTPUT = "standard output"


class OutputError(OSError):
    """Writing to standard output failed."""


class StandardOutput:
    """A text stream that passes everything to ``stream`` and names itself when writing to it fails."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from error

    def _failed(self, error: OSError) -> OutputError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
        except (OSError, ValueError):
            pass  # not a file (a test's capture): nothing will flush it at exit
        return OutputError(error.errno, error.strerror or str(error), STANDARD_OUTPUT)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def os_problem(error: OSError) -> str:
    reason = error.strerror or str(error)
    if isinstance(error, OutputError):
        return f"{STANDARD_OUTPUT}: cannot write: {reason}"
    if error.filename is not None:
        return f"{error.filename}: {reason}"
    return reason
