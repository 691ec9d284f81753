"""Progress on stderr for work that may take a while (reading a large library into its catalog, indexing claims).

- ``Progress(what)``: a callable ``progress(done, total)``. Silent for work that ends within ``DELAY`` seconds (a
  warm catalog); then, on a terminal, one line rewritten in place ("dualread: indexing claims: 1,204 / 10,000
  pairs"); in a pipe or a log, a line every ``LOG_EVERY`` seconds. ``.finish()`` ends the line.

Kept free of Textual and of everything else: every command line command may show it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

DELAY = 0.5
LOG_EVERY = 5.0


class Progress:
    def __init__(self, what: str, *, stream: TextIO | None = None, unit: str = "pairs") -> None:
        self.what = what
        self.unit = unit
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.shown = 0.0
        self.open_line = False
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < DELAY:
            return
        if not self.tty:
            if now - self.shown >= LOG_EVERY or done == total:
                self.shown = now
                print(f"dualread: {self.what}: {done:,} / {total:,} {self.unit}", file=self.stream, flush=True)
            return
        if now - self.shown < 0.1 and done != total:
            return
        self.shown = now
        self.stream.write(f"\rdualread: {self.what}: {done:,} / {total:,} {self.unit}\x1b[K")
        self.stream.flush()
        self.open_line = True

    def finish(self) -> None:
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False
