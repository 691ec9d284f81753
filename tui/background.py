"""Background work that gives way to the user: a worker thread at the lowest priority that rests as long as it
works, so computing a large library's figures never pegs a core while someone reads.

- ``lower_this_thread()``: the calling thread at nice 19, on Linux (where a thread's priority is its own); nothing
  elsewhere, where the call would name a process instead.
- ``rest(over, seconds) -> bool``: sleep ``seconds`` in short steps; ``False`` as soon as ``over()`` says the work
  is no longer wanted (the worker cancelled as the app closes, or newer work started), so the thread ends within a
  tenth of a second.
- ``DUTY``: the share of the time the worker works; it rests ``elapsed * (1 / DUTY - 1)`` after each step.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable

__all__ = ["DUTY", "lower_this_thread", "rest"]

DUTY = 0.5


def lower_this_thread() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass  # not allowed (a container's policy): the rests still cap the share


def rest(over: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + max(seconds, 0.0)
    while True:
        if over():
            return False
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        time.sleep(min(left, 0.1))
