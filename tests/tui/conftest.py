"""Fixtures for the app tests: the app factory with a temporary home, on the demo corpus or on
corpora written by the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import demo_corpus_path
from tui.app import NewsframeApp, build_app


@pytest.fixture
def demo_app(tmp_path: Path) -> NewsframeApp:
    return build_app(paths=[demo_corpus_path()], title="newsframe demo", home=tmp_path / "home")


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(files: dict[str, str]) -> NewsframeApp:
        root = tmp_path / "corpus"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return build_app(paths=[str(root)], home=tmp_path / "home")

    return make
