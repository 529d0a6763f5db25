"""Shared steps for the Pilot tests."""

from __future__ import annotations

from typing import Any


async def settle(pilot: Any) -> None:
    """Wait for every worker (index open, search, compare) and the screen updates they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
