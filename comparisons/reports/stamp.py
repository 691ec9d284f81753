"""What every report's footer says: the export date, dualread's version and the engine's.

- ``make_stamp(engine) -> Stamp``.
- ``export_date() -> str``: today as YYYY-MM-DD, or the day of ``SOURCE_DATE_EPOCH`` when that is set, so a
  build that must be reproducible (or a test) pins the date.
- ``dualread_version() -> str``.

A report that travels (forwarded, printed, pasted) must say how old it is and what made it: a later engine links
differently, and a reader comparing two printouts needs to know why they differ.
"""

from __future__ import annotations

import datetime as _dt
import os
from functools import cache

from comparisons.model import EngineInfo
from comparisons.reports.view_values import Stamp

__all__ = ["dualread_version", "export_date", "make_stamp"]


@cache
def dualread_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dualread")
    except PackageNotFoundError:
        return "unknown"


def export_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
    return _dt.date.today().isoformat()


def make_stamp(engine: EngineInfo) -> Stamp:
    return Stamp(exported=export_date(), dualread=dualread_version(), engine=engine.version,
                 similarity=str(engine.settings.get("similarity") or "lexical"))
