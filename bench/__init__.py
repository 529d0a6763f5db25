"""Benchmarks (not part of the test run). Helpers the scripts share live here."""

from __future__ import annotations

import compileall
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
