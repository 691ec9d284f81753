"""Fixtures of the UI tests: an app over the hand-built comparisons of ``tui_fixtures``, and ``settle``."""

from __future__ import annotations

import pytest
from tui_fixtures import make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    """``await settle(pilot)``: wait until workers are done and the screen has caught up."""
    return _settle
