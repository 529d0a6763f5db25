"""A few pinned pictures of the app (Textual is pinned exactly in pyproject.toml), one in 16 colours.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

from corpus import demo_corpus_path
from tui.app import build_app


def _demo() -> Any:
    return build_app(paths=[demo_corpus_path()], title="newsframe demo")


async def _wait(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_browse_80x24(snap_compare: Any) -> None:
    assert snap_compare(_demo(), terminal_size=(80, 24), run_before=_wait)


def test_browse_one_outlet_120x36(snap_compare: Any) -> None:
    async def choose(pilot: Any) -> None:
        await _wait(pilot)
        await pilot.press("o", "down", "down", "enter")

    assert snap_compare(_demo(), terminal_size=(120, 36), run_before=choose)


def test_reader_with_comments_16_colours(snap_compare: Any) -> None:
    async def read(pilot: Any) -> None:
        pilot.app.theme = "ansi-dark"
        await _wait(pilot)
        await pilot.press("o", "down", "enter", "enter", "c")
        await pilot.pause()

    assert snap_compare(_demo(), terminal_size=(80, 24), run_before=read)
