"""Pair folders written for the catalog's tests, the way a user or another process would leave them.

- ``save_pair(root, pair_id, sides, *, date, event, publishers=None)``: a pair saved as ``dualread add`` saves it.
- ``age(path, seconds=3600)``: set the modification times of a folder and the files in it back by ``seconds``, so a
  test sees what a later change does to a stamp (a folder written a moment ago is "racy" and re-read anyway).
- ``RUSSIAN``: a short readout in Russian, in our own words, about a made-up country.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from pathlib import Path

from readouts.library import Library
from readouts.model import Pair, Side

RUSSIAN = (
    "Телефонный разговор с Президентом Норландии\n\n"
    "Состоялся телефонный разговор Владимира Путина с Президентом Норландии Арне Вестом.\n\n"
    "Владимир Путин отметил, что односторонние санкции против России незаконны и вредят торговле.\n\n"
    "Стороны ещё раз обсудили поставки зерна через порты Норландии."
)
NORLAND = (
    "Readout of the President's call with President Putin\n\n"
    "President Arne Vest spoke with President Vladimir Putin of Russia today.\n\n"
    "The two leaders discussed grain shipments through the ports of Norland."
)


def save_pair(root: Path, pair_id: str, sides: dict[str, str], *, date: str = "2024-03-04",
              event: str = "Vest–Putin call", publishers: dict[str, str] | None = None) -> Path:
    publishers = publishers or {}
    pair = Pair(id=pair_id, event=event, date=_dt.date.fromisoformat(date),
                sides=tuple(Side(key, text, publisher=publishers.get(key, ""), language="ru" if any(
                    "а" <= ch <= "я" for ch in text) else "en") for key, text in sides.items()))
    return Library(root).save(pair, force=True)


def age(path: Path, seconds: float = 3600) -> None:
    then = time.time() - seconds
    for item in [*path.iterdir(), path] if path.is_dir() else [path]:
        os.utime(item, (then, then))
