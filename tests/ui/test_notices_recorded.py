"""UI tests read notices through ``tui_fixtures.record_notices``, never ``app._notifications``.

``app.notify`` only posts a message: the notice reaches ``app._notifications`` when that message is handled, which
on a loaded machine can come after the state a test waited for, and it leaves the list again when its timeout has
passed. A test reading the list could fail at random (the taxonomy-change test failed CI once so); the recorder
keeps every notice as it is posted.
"""

from __future__ import annotations

from pathlib import Path

ATTRIBUTE = "_notifications"


def test_no_ui_test_reads_the_apps_notification_list():
    here = Path(__file__).parent
    readers = [
        f"{path.name}:{number}"
        for path in sorted(here.glob("test_*.py")) if path.name != Path(__file__).name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if f"app.{ATTRIBUTE}" in line and not line.lstrip().startswith("#")
    ]
    assert readers == [], "read notices with tui_fixtures.record_notices(app): " + ", ".join(readers)
