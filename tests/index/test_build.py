"""Importing into the index: reruns, changed and vanished files, removal, one writer, killed imports,
and schema versions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import demo_corpus_path
from index import Busy, Index, NoIndex, Store, WrongSchema, add_paths, remove
from index.schema import SCHEMA_VERSION
from tests.corpus.builders import write

ROOT = Path(__file__).resolve().parents[2]


def page(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()


def make_corpus(folder: Path, count: int = 6) -> list[Path]:
    return [
        write(
            folder / "post" / f"{n:02d}.txt",
            page(f"Harbour story {WORDS[n]}", f"Prime Minister Adrian Voss said harbour deal {WORDS[n]} was signed."),
        )
        for n in range(count)
    ]


def test_add_then_rerun_is_a_no_op(store: Store, tmp_path: Path) -> None:
    make_corpus(tmp_path / "news")
    first = add_paths(store, [tmp_path / "news"], workers=0)
    assert (first.added, first.updated, first.unchanged, first.removed) == (6, 0, 0, 0)
    again = add_paths(store, [tmp_path / "news"], workers=0)
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 6, 0)
    assert Index(store).stats().articles == 6


def test_worker_processes_give_the_same_index(store: Store) -> None:
    summary = add_paths(store, [demo_corpus_path()], workers=1)
    assert summary.added == 45
    index = Index(store)
    assert index.stats().people == 6
    assert index.search('person:"Lena van der Kolk"').total > 0


def test_a_changed_file_is_updated_and_its_old_articles_go(store: Store, tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "news")
    add_paths(store, [tmp_path / "news"], workers=0)
    files[0].write_text(page("Harbour story rewritten", "Opposition leader Maren Ilves claimed it was a mistake."))
    summary = add_paths(store, [tmp_path / "news"], workers=0)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 5)
    index = Index(store)
    assert index.stats().articles == 6
    assert index.search("title:rewritten").total == 1
    assert index.search("title:alpha").total == 0


def test_prune_drops_articles_of_vanished_files(store: Store, tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "news")
    add_paths(store, [tmp_path / "news"], workers=0)
    files[0].unlink()
    kept = add_paths(store, [tmp_path / "news"], workers=0)
    assert kept.removed == 0 and Index(store).stats().articles == 6
    pruned = add_paths(store, [tmp_path / "news"], workers=0, prune=True)
    assert pruned.removed == 1
    assert Index(store).stats().articles == 5


def test_remove_by_id_and_by_path(store: Store, tmp_path: Path) -> None:
    files = make_corpus(tmp_path / "news")
    add_paths(store, [tmp_path / "news"], workers=0)
    index = Index(store)
    some = index.search("*").hits[0].id
    assert remove(store, some) == 1
    assert remove(store, str(files[1])) in (0, 1)
    assert remove(store, str(tmp_path / "news")) >= 3
    assert Index(store).stats().articles == 0
    assert remove(store, "no-such-thing") == 0


def test_problems_are_reported_and_the_rest_goes_in(store: Store, tmp_path: Path) -> None:
    make_corpus(tmp_path / "news", 3)
    (tmp_path / "news" / "post" / "broken.json").write_text("{not json")
    summary = add_paths(store, [tmp_path / "news", tmp_path / "missing"], workers=0)
    assert summary.added == 3
    reasons = [str(p) for p in summary.failed]
    assert any("broken.json" in r for r in reasons)
    assert any("missing" in r and "no such file" in r for r in reasons)


def test_a_second_writer_waits_then_fails_clearly(store: Store, tmp_path: Path) -> None:
    make_corpus(tmp_path / "news", 2)
    add_paths(store, [tmp_path / "news"], workers=0)
    ix = store.open()
    messages: list[str] = []
    holder = store.acquire(ix)
    try:
        with pytest.raises(Busy, match="still being written"):
            add_paths(store, [tmp_path / "news"], workers=0, wait=0.2, on_wait=messages.append)
        assert messages and "waiting" in messages[0]
        assert Index(store).search("harbour").total == 2  # readers go on while a writer holds the lock
    finally:
        store.release(holder, commit=False)
    assert add_paths(store, [tmp_path / "news"], workers=0).unchanged == 2


KILLER = """
import os, signal, sys
import index.build as build
from index import Store, add_paths
build.COMMIT_EVERY = 4
build.BATCH = 2
build.GROUP_FILES = 2
commits = 0
release = Store.release
def release_then_die(self, writer, commit):
    global commits
    release(self, writer, commit)
    if commit:
        commits += 1
        if commits == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
Store.release = release_then_die
add_paths(Store(sys.argv[1], "default"), [sys.argv[2]], workers=0)
"""


@pytest.mark.parametrize("commits", [1, 2])
def test_a_killed_import_leaves_an_index_that_opens_and_a_rerun_finishes(
    store: Store, tmp_path: Path, commits: int
) -> None:
    make_corpus(tmp_path / "news", 12)
    data = store.path.parents[1]
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(data), str(tmp_path / "news"), str(commits)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == -signal.SIGKILL
    committed = Index(store).stats().articles
    assert committed == 4 * commits  # everything committed before the kill, nothing after
    summary = add_paths(store, [tmp_path / "news"], workers=0)
    assert summary.unchanged == committed
    assert summary.added == 12 - committed
    assert Index(store).stats().articles == 12


def test_an_index_of_another_schema_is_refused(store: Store, tmp_path: Path) -> None:
    make_corpus(tmp_path / "news", 1)
    add_paths(store, [tmp_path / "news"], workers=0)
    meta = store.path / "newsframe.json"
    meta.write_text(json.dumps({"schema_version": 0}))
    with pytest.raises(WrongSchema, match="rebuild it with `newsframe --index default add --rebuild PATH"):
        Index(store)


def test_no_index_yet(store: Store) -> None:
    with pytest.raises(NoIndex, match="newsframe add"):
        Index(store)
    # its folder and version file, but no commit of Whoosh's yet
    store.path.mkdir(parents=True)
    (store.path / "newsframe.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION}))
    with pytest.raises(NoIndex, match="newsframe add"):
        Index(store)
