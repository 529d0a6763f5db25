"""Shared steps for the Pilot tests, and for running the CLI in-process."""

from __future__ import annotations

from typing import Any

import pytest
from textual.worker import WorkerCancelled

from tui.cli import main


async def settle(pilot: Any) -> None:
    """Wait for every worker (index open, search, compare) and the screen updates they post.

    A worker cancelled on the way (an exclusive search overtaken by a newer one) is not a failure:
    wait again for what is still running.
    """
    for _ in range(2):
        for _attempt in range(20):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
        await pilot.pause()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`newsframe ARGV...` in-process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
