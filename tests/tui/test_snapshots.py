"""A few pinned pictures of the app (Textual is pinned exactly in pyproject.toml), one in 16 colours.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`, and look
at the pictures (pytest writes a report of the differences when one fails).
"""

from __future__ import annotations

from typing import Any

from tests.tui.helpers import settle
from tui.app import NewsframeApp


def test_search_80x24(demo_app: NewsframeApp, snap_compare: Any) -> None:
    async def search(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press(*"harbour deal", "enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=search)


def test_compare_side_by_side_120x36(demo_app: NewsframeApp, snap_compare: Any) -> None:
    async def compare(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.open_compare("Lena van der Kolk", ["Patriot Dispatch", "Commons Voice", "Meridian Wire"])
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=compare)


def test_compare_tabs_80x24(demo_app: NewsframeApp, snap_compare: Any) -> None:
    async def compare(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.open_compare("Sung Min-ho", ["Patriot Dispatch", "Commons Voice"])
        await settle(pilot)
        await pilot.press("l")  # from the summary tab to the first outlet
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=compare)


def test_reader_16_colours(demo_app: NewsframeApp, snap_compare: Any) -> None:
    async def read(pilot: Any) -> None:
        pilot.app.theme = "ansi-dark"
        await settle(pilot)
        await pilot.press(*"militant", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=read)
