"""Fixtures for the app tests: the demo corpus indexed once per session, and apps over it; for the
CLI tests, a home with the demo indexed once per test module.

Tests that import (onboarding, `demo`) use their own temporary home instead.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import demo_corpus_path
from index import Store, add_paths
from tui.app import NewsframeApp
from tui.cli import main


@pytest.fixture(scope="session")
def demo_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the demo corpus's index (named "demo"), built once."""
    data = tmp_path_factory.mktemp("demo-data")
    add_paths(Store(data, "demo"), [demo_corpus_path()], workers=0)
    return data


@pytest.fixture
def demo_store(demo_store_dir: Path, tmp_path: Path) -> Store:
    """A private copy of the demo index, so a test may change it."""
    data = tmp_path / "data"
    shutil.copytree(demo_store_dir, data)
    return Store(data, "demo")


@pytest.fixture
def demo_app(demo_store: Store) -> NewsframeApp:
    """The app opened on the demo index (no import on start)."""
    return NewsframeApp(demo_store, title="newsframe demo")


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., NewsframeApp]:
    """An app over an index of files the test writes: {relative path: text}."""

    def make(files: dict[str, str]) -> NewsframeApp:
        root = tmp_path / "corpus"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        store = Store(tmp_path / "own-data", "default")
        add_paths(store, [str(root)], workers=0)
        return NewsframeApp(store)

    return make


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A home dir (`--home`) whose default index holds the demo corpus, made by `newsframe add`; one per
    module, since some tests change it."""
    path = tmp_path_factory.mktemp("home")
    assert main(["--home", str(path), "add", demo_corpus_path()]) == 0
    return str(path)
