"""An index of the demo corpus, built once per module in a temporary data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import demo_corpus_path
from index import Index, Store, add_paths


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store(tmp_path_factory.mktemp("data"), "demo")
    add_paths(store, [demo_corpus_path()], workers=0)
    yield store


@pytest.fixture(scope="module")
def demo_index(demo_store: Store) -> Index:
    return Index(demo_store)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", "default")


@pytest.fixture
def segmented_store(tmp_path: Path) -> Store:
    """The demo corpus in one segment, three short articles in a second, and a deletion in the first."""
    import shutil

    from index import remove

    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    store = Store(tmp_path / "data", "default")
    add_paths(store, [corpus], workers=0)
    extra = corpus / "extra"
    extra.mkdir()
    for n in range(3):
        (extra / f"{n}.txt").write_text(
            f"Harbour news {n}\n\n" + f"The harbour strike went on for day {n}. " * (n + 1) + "\n"
        )
    add_paths(store, [corpus], workers=0)
    remove(store, str(next(corpus.rglob("*.txt"))))
    return store
