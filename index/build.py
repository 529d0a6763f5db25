"""`add`: files in, index updated. Reading, cleaning and people extraction run in worker processes;
this process resolves people across the corpus and is the one writer.

Work is committed in batches, so a killed import leaves an index that opens with everything committed
so far; the same command run again skips what is already in (same path and content hash) and does the
rest. A changed file's articles are replaced; `prune` drops articles whose files are gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from corpus.discover import Found, discover
from corpus.gc_pause import gc_paused
from corpus.ingest import ReadOptions, Unchanged, group_by_folder, read_group
from corpus.model import Article, Problem
from corpus.people import Draft, PeopleExtractor
from corpus.people_config import PeopleConfig
from index import frequencies, segment_tables
from index.schema import document
from index.store import Store

COMMIT_EVERY = 5000  # articles between commits: what a kill -9 can cost at most
# Articles resolved together (people) before they are written. Each batch ends with the registry
# regrouping every name it knows (`NameRegistry.finish`), which grows with the corpus: at 500 that
# was 30 s of a 40,000-article import, at 2,000 it is a quarter of it.
BATCH = 2000
GROUP_FILES = 200  # files of one folder read together by a worker (furniture is learned per group)
IN_FLIGHT = 4  # groups given to each reader ahead of the writer


@dataclass(slots=True)
class Progress:
    """How far an import is: files and articles done, of how many files."""

    files_done: int
    files_total: int
    articles: int
    seconds: float


@dataclass(slots=True)
class AddSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles_per_s(self) -> float:
        return (self.added + self.updated) / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class _GroupResult:
    read: list[tuple[Article, Draft]]
    problems: list[Problem]
    unchanged: list[str]
    files: int


# --- worker side ------------------------------------------------------------------------------------

_worker_state: dict[str, object] = {}


def _init_worker(options: ReadOptions, config: PeopleConfig) -> None:
    _worker_state["options"] = options
    _worker_state["extractor"] = PeopleExtractor(config)


def _read(task: tuple[list[Found], dict[str, str]]) -> _GroupResult:
    group, known = task
    options = _worker_state["options"]
    extractor = _worker_state["extractor"]
    assert isinstance(options, ReadOptions) and isinstance(extractor, PeopleExtractor)
    result = _GroupResult([], [], [], len(group))
    with gc_paused():  # a group's objects go when its result is sent: see corpus.gc_pause
        for item in read_group(group, options, known=lambda path, digest: known.get(path) == digest):
            if isinstance(item, Unchanged):
                result.unchanged.append(item.path)
            elif isinstance(item, Problem):
                result.problems.append(item)
            else:
                result.read.append((item, extractor.draft(item)))
    return result


# --- the writer side ----------------------------------------------------------------------------------


def add_paths(
    store: Store,
    paths: Iterable[str],
    options: ReadOptions | None = None,
    config: PeopleConfig | None = None,
    *,
    prune: bool = False,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    wait: float = 600.0,
    writer_procs: int | None = None,
) -> AddSummary:
    """Read `paths` into the index; returns what happened."""
    with gc_paused():  # registry and pending batches: see corpus.gc_pause
        options = options or ReadOptions()
        config = config or PeopleConfig()
        started = time.perf_counter()
        summary = AddSummary()
        paths = list(paths)
        found: list[Found] = []
        for item in discover(paths):
            if isinstance(item, Problem):
                summary.failed.append(item)
            else:
                found.append(item)
        ix = store.open_or_create()
        procs = writer_procs if writer_procs is not None else min(2, os.cpu_count() or 1)
        writer = store.acquire(ix, wait, on_wait)  # a second import waits here, before doing any work
        if procs > 1:  # the lock is ours: now the writer that indexes in sub-processes
            store.release(writer, commit=False)
            writer = store.acquire(ix, wait, on_wait, procs)
        known = _known_sources(ix)
        registry = store.load_registry(config)
        extractor = PeopleExtractor(config)
        groups = group_by_folder(found, GROUP_FILES)
        tasks = [(g, {str(f.path): known[str(f.path)][0] for f in g if str(f.path) in known}) for g in groups]
        files_done = articles_done = 0
        pending: list[tuple[Article, Draft]] = []
        since_commit = 0
        replaced: set[str] = set()
        tables: threading.Thread | None = None

        def flush(writer: object) -> None:
            nonlocal pending
            if not pending:
                return
            for _, draft in pending:
                registry.learn(draft)
                draft.vocabulary = ""
            registry.finish()
            for article, draft in pending:
                article.sentences = draft.sentences
                article.people = registry.resolve(draft, extractor)
                writer.add_document(**document(article))  # type: ignore[attr-defined]
            pending = []

        if progress is not None:
            progress(Progress(0, len(found), 0, time.perf_counter() - started))
        try:
            for result in _results(tasks, options, config, workers):
                files_done += result.files
                summary.failed.extend(result.problems)
                for path in result.unchanged:
                    summary.unchanged += known[path][1]
                for article, draft in result.read:
                    path = article.source.path
                    if path in known and path not in replaced:
                        writer.delete_by_term("path", path)
                        replaced.add(path)
                    if path in known:
                        summary.updated += 1
                    else:
                        summary.added += 1
                    pending.append((article, draft))
                    articles_done += 1
                    since_commit += 1
                if len(pending) >= BATCH:
                    flush(writer)
                if since_commit >= COMMIT_EVERY:
                    flush(writer)
                    store.release(writer, commit=True)
                    store.save_registry(registry)
                    writer = store.acquire(ix, wait, on_wait, procs)
                    since_commit = 0
                    tables = _tables_meanwhile(store, ix, tables)
                if progress is not None:
                    progress(Progress(files_done, len(found), articles_done, time.perf_counter() - started))
            flush(writer)
            if prune:
                summary.removed += _prune(writer, known, paths, {str(f.path) for f in found})
        except BaseException:
            store.release(writer, commit=False)
            if tables is not None:
                tables.join()
            raise
        store.release(writer, commit=True)
        store.save_registry(registry)
        if tables is not None:
            tables.join()
        frequencies.update(store.path, ix)
        segment_tables.update(store.path, ix)
        summary.seconds = time.perf_counter() - started
        return summary


def _tables_meanwhile(store: Store, ix: object, previous: threading.Thread | None) -> threading.Thread:
    """Write the word tables of the segments just committed in a thread, while the import goes on: done
    at its end they kept one core busy for 5 s of a 40,000-article import while the other waited."""
    if previous is not None:
        previous.join()
    thread = threading.Thread(target=frequencies.update_segments, args=(store.path, ix), daemon=True)
    thread.start()
    return thread


def _results(
    tasks: list[tuple[list[Found], dict[str, str]]], options: ReadOptions, config: PeopleConfig, workers: int | None
) -> Iterator[_GroupResult]:
    """Group results in order, from worker processes.

    As many readers as cores, though the writer needs cores too: Whoosh's sub-writers do most of
    their work when a batch is committed, and with one reader fewer a core sat idle while the reader
    worked alone between commits (91% of two cores busy; 98% with two readers).
    """
    count = workers if workers is not None else os.cpu_count() or 1
    if count <= 0 or len(tasks) <= 1:
        _init_worker(options, config)
        for task in tasks:
            yield _read(task)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    with context.Pool(count, initializer=_init_worker, initargs=(options, config)) as pool:
        # A few groups in flight, no more: readers outrun the writer, and results must not pile up
        # in memory waiting for it. Four groups a reader (2,400 of the bench's JSON Lines articles) keep
        # the readers busy through most of a commit, while the writer waits for Whoosh (with two, a
        # 20,000-article import took 160 s against 155 s; the import's peak memory grew 586 to 605 MB at 40,000).
        queue = iter(tasks)
        in_flight = deque(pool.apply_async(_read, (task,)) for task in islice(queue, IN_FLIGHT * count))
        while in_flight:
            result = in_flight.popleft().get()
            following = next(queue, None)
            if following is not None:
                in_flight.append(pool.apply_async(_read, (following,)))
            yield result


def indexed_files(store: Store) -> set[str]:
    """The paths of the files the index holds articles from (IndexError_ when there is no index)."""
    return set(_known_sources(store.open()))


def _known_sources(ix: object) -> dict[str, tuple[str, int]]:
    """path -> (file hash, articles) of every file the index holds, from the `source` terms."""
    known: dict[str, tuple[str, int]] = {}
    with ix.reader() as reader:  # type: ignore[attr-defined]
        for term in reader.lexicon("source"):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            path, _, digest = text.partition("\x00")
            known[path] = (digest, reader.doc_frequency("source", text))
    return known


def _prune(writer: object, known: dict[str, tuple[str, int]], roots: list[str], seen: set[str]) -> int:
    """Delete the articles of files under `roots` that are no longer there."""
    prefixes = [os.path.abspath(r) for r in roots]
    removed = 0
    for path, (_, count) in known.items():
        if path in seen or Path(path).exists():
            continue
        if any(path == p or path.startswith(p.rstrip(os.sep) + os.sep) for p in prefixes):
            writer.delete_by_term("path", path)  # type: ignore[attr-defined]
            removed += count
    return removed


def remove(store: Store, target: str, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> int:
    """Delete by article id, or every article of a file or folder; returns how many went."""
    ix = store.open()
    known = _known_sources(ix)
    with store.writer(ix, wait=wait, on_wait=on_wait) as writer:
        removed = 0
        with ix.searcher() as searcher:
            if searcher.document(id=target) is not None:
                writer.delete_by_term("id", target)
                removed = 1
        if not removed:
            full = os.path.abspath(target)
            for path, (_, count) in known.items():
                if path == full or path.startswith(full.rstrip(os.sep) + os.sep):
                    writer.delete_by_term("path", path)
                    removed += count
    frequencies.update(store.path, ix)  # a commit may merge segments
    segment_tables.update(store.path, ix)
    return removed
