"""Helpers the test folders share by import (a module, not ``conftest``: tests/ui has a conftest of its own, so
``from conftest import ...`` would depend on which folder pytest collected first).

- ``dualread_command()``: how to start the command line, as a user does.
- ``write_pair_folder(library, pair_id, *, north=NORTH, south=SOUTH, event="A call")``: a pair folder written by
  hand (pair.yaml and the side files ``north.txt`` and ``south.txt``), as someone else's library holds it.
- ``NORTH``, ``SOUTH``: two short readouts of one invented call that the engine links.
- ``write_pair_with_line_breaks(library, pair_id="odd")``: the same pair, its pair.yaml written by hand with line
  breaks and tabs in the fields that are one line by nature (event, titles, publishers, a person's name);
  ``ONE_LINE``: those fields as every display shows them, ``BROKEN_TAILS``: what would start a line of its own if a
  display printed them as stored.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def dualread_command() -> list[str]:
    """How to start the command line: the console script beside this interpreter, on PATH, or the module."""
    beside = Path(sys.executable).with_name("dualread")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dualread")
    return [found] if found else [sys.executable, "-m", "tui.cli"]


NORTH = ("Readout of the call\n\nThe two presidents discussed sanctions and the troop buildup near the border. "
         "They agreed that talks will take place in Geneva on 10 January.\n")
SOUTH = ("Statement on the talks\n\nThe presidents discussed the troop buildup near the border and possible "
         "sanctions. Talks will take place in Geneva on 9 January.\n")


def write_pair_folder(library: Path, pair_id: str, *, north: str = NORTH, south: str = SOUTH,
                      event: str = "A call") -> Path:
    folder = library / pair_id
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(
        f"id: {pair_id}\nevent: {event}\ndate: 2024-03-04\nsides:\n"
        "  - {key: north, publisher: North, title: Readout, file: north.txt}\n"
        "  - {key: south, publisher: South, title: Statement, file: south.txt}\n", encoding="utf-8")
    (folder / "north.txt").write_text(north, encoding="utf-8")
    (folder / "south.txt").write_text(south, encoding="utf-8")
    return folder


ONE_LINE = {"event": "Call # Fake heading on talks", "publisher": "North Office", "title": "Readout of the call",
            "other title": "Statement on talks", "person": "Joseph Smith"}
BROKEN_TAILS = ("# Fake heading", "Office", "of the call", "on talks", "Smith")


def write_pair_with_line_breaks(library: Path, pair_id: str = "odd") -> Path:
    folder = library / pair_id
    folder.mkdir(parents=True)
    (folder / "pair.yaml").write_text(
        f"id: {pair_id}\n"
        'event: "Call\\n\\n# Fake heading\\ton talks"\n'
        "date: 2024-03-04\n"
        "participants:\n"
        '  - name: "Joseph\\nSmith"\n'
        "    aliases: [The two presidents, presidents]\n"
        "sides:\n"
        '  - {key: north, publisher: "North\\r\\nOffice", title: "Readout\\n\\nof the call", file: north.txt}\n'
        '  - {key: south, publisher: South, title: "Statement\\t\\ton talks", file: south.txt}\n', encoding="utf-8")
    (folder / "north.txt").write_text(NORTH, encoding="utf-8")
    (folder / "south.txt").write_text(SOUTH, encoding="utf-8")
    return folder
