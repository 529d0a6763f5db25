"""The alignment worker: the same pairs whichever process aligns them, this process's own work done
meanwhile, and everything done here when the worker is not there or dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.framing import parallel
from corpus.framing.align import align
from corpus.framing.parallel import align_beside, worth_a_worker

ROOT = Path(__file__).resolve().parents[2]

PAIRS = [
    (
        ["Minister Vale said the port deal was a triumph.", "Vale visited the harbour on Monday."],
        ["Vale claimed the port deal was a triumph for workers.", "Rain fell all day in the city."],
    ),
    (
        ["The council approved the new hospital wing.", "Vale opened the bridge."],
        ["Councillors approved a new hospital wing on Tuesday.", "Vale opened a bridge over the river."],
    ),
    (["Nothing in common here."], ["Entirely different words altogether."]),
]


def expected() -> list[list[object]]:
    return [align(a, b, threshold=0.5, limit=None) for a, b in PAIRS]


@pytest.fixture(scope="module")
def worker() -> Iterator[None]:
    if not parallel.start():
        pytest.skip("no worker process can be started here")
    yield


def test_the_worker_aligns_the_same_pairs_while_this_process_works(worker: None) -> None:
    calls: list[str] = []
    result, aligned = align_beside(
        PAIRS, lambda: calls.append("meanwhile") or "done", threshold=0.5, limit=None, parallel=True
    )
    assert (result, calls) == ("done", ["meanwhile"])
    assert aligned == expected()
    assert aligned[0] and aligned[1] and not aligned[2]


def test_without_parallel_everything_is_aligned_here() -> None:
    result, aligned = align_beside(PAIRS, lambda: 7, threshold=0.5, limit=1, parallel=False)
    assert result == 7
    assert aligned == [align(a, b, threshold=0.5, limit=1) for a, b in PAIRS]


def test_an_error_in_this_process_cancels_what_the_worker_has_not_begun(worker: None) -> None:
    def fails() -> None:
        raise ValueError("profile failed")

    with pytest.raises(ValueError, match="profile failed"):
        align_beside(PAIRS * 5, fails, threshold=0.5, limit=None, parallel=True)
    # the worker is still usable afterwards
    assert align_beside(PAIRS, lambda: None, threshold=0.5, limit=None, parallel=True)[1] == expected()


def kill_worker() -> None:
    worker = parallel._worker
    assert worker is not None
    worker.process.kill()
    worker.process.join()


def test_a_dead_worker_is_replaced_for_the_next_comparison(worker: None) -> None:
    kill_worker()
    assert align_beside(PAIRS, lambda: "ok", threshold=0.5, limit=None, parallel=True) == ("ok", expected())
    assert parallel._worker is not None and parallel._worker.process.is_alive()


def test_a_worker_that_dies_mid_comparison_leaves_its_pairs_to_this_process(worker: None) -> None:
    _, aligned = align_beside(PAIRS * 4, kill_worker, threshold=0.5, limit=None, parallel=True)
    assert aligned == expected() * 4
    # and the next comparison has a worker again
    assert align_beside(PAIRS, lambda: None, threshold=0.5, limit=None, parallel=True)[1] == expected()
    assert parallel._worker is not None and parallel._worker.process.is_alive()


def test_only_comparisons_big_enough_for_the_worker_get_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_worker", None)
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)  # a spawned worker: only big comparisons
    assert worth_a_worker([3000, 3000, 3000])
    assert not worth_a_worker([200, 200, 200])
    assert not worth_a_worker([100_000])  # one outlet: nothing to align
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)  # a forked worker starts in milliseconds
    assert worth_a_worker([200, 200, 200])
    assert not worth_a_worker([50, 50, 50])
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not worth_a_worker([3000, 3000, 3000])


@pytest.mark.parametrize("fork", [False, True])
def test_forked_and_spawned_workers_align_the_same(monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    if fork and sys.platform != "linux":
        pytest.skip("the worker is forked on Linux only")
    monkeypatch.setattr(parallel, "_can_fork", lambda: fork)
    try:
        worker = parallel._Worker()
    except (OSError, RuntimeError, ValueError):
        pytest.skip("no worker process can be started here")
    try:
        assert type(worker.process).__name__ == ("ForkProcess" if fork else "SpawnProcess")
        result, done = worker.run(PAIRS * 3, lambda: "meanwhile", 0.5, None)
        assert result == "meanwhile"
        assert done == dict(enumerate(expected() * 3))
    finally:
        worker.process.kill()
        worker.process.join()


def test_a_process_with_threads_never_forks() -> None:
    started = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=lambda: (started.set(), stop.wait()))
    thread.start()
    started.wait()
    try:
        assert not parallel._can_fork()
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not parallel._can_fork(), reason="the worker is forked only on Linux")
def test_a_forked_worker_ends_when_its_process_ends_without_teardown() -> None:
    """The CLI ends with os._exit, so no atexit handler stops the worker: it must see its pipe close.
    The worker shares this child's stdout, so `communicate` returns only once the worker is gone too."""
    script = (
        "import os, sys\n"
        "from corpus.framing import parallel\n"
        "assert parallel.start()\n"
        "print(parallel._worker.process.pid, flush=True)\n"
        "os._exit(0)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    worker_pid = int(child.stdout.readline())
    try:
        rest, _ = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.kill(worker_pid, signal.SIGKILL)
        child.communicate()
        pytest.fail("the forked worker outlived its process")
    assert child.returncode == 0 and rest == ""
