"""Benchmarks (not part of the test run). Helpers the scripts share live here."""

from __future__ import annotations

import compileall
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_bytecode() -> None:
    """Compile the app's modules before timing new processes, as any installed or already-run copy has them.

    Python writes `__pycache__` on a module's first import, unless PYTHONDONTWRITEBYTECODE is set (as on
    some CI and container images): then every new process compiles the app from source again, about 35 ms
    before the first comparison or query. Timing that would measure the environment, not the app.
    """
    for package in ("corpus", "index", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def machine_speed() -> float:
    """Milliseconds for a fixed loop of Python arithmetic on one core, fastest of five: printed beside the
    figures, since this machine's speed drifts by half within an evening (the same comparison took 1.8 s
    and 2.6 s an hour apart). It says whether a slow figure is the code's or the machine's."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - start)
    return round(1000 * best, 1)
