"""The comparison's worker: the same results whichever process runs a task, this process's own work
done meanwhile, and everything done here when the worker is not there or dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus.framing import parallel, tone
from corpus.framing.align import align
from corpus.framing.parallel import Task, beside, worth_a_worker
from corpus.framing.profile import _align

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
TEXTS = [["A wonderful, brilliant victory.", "The plan is a disaster."], ["Rain fell."], []]


def phases(times: int = 1) -> list[list[Task]]:
    """Tones, then alignments: as a comparison hands them over."""
    tones: list[Task] = [(tone.score, (texts,)) for texts in TEXTS * times]
    pairs: list[Task] = [(_align, (a, b, 0.5, None)) for a, b in PAIRS * times]
    return [tones, pairs]


def expected(times: int = 1) -> tuple[list[list[float]], list[list[Any]]]:
    return [tone.score(t) for t in TEXTS] * times, [align(a, b, threshold=0.5) for a, b in PAIRS] * times


def run(times: int = 1, parallel: bool = True, meanwhile: Any = None) -> tuple[list[Any], list[Any]]:
    with beside(phases(times), parallel=parallel) as tasks:
        if meanwhile is not None:
            meanwhile()
        return tasks.results(0), tasks.results(1)


@pytest.fixture(scope="module")
def worker() -> Iterator[None]:
    if not parallel.start():
        pytest.skip("no worker process can be started here")
    yield


def test_the_worker_runs_the_same_tasks_while_this_process_works(worker: None) -> None:
    calls: list[str] = []
    assert run(5, meanwhile=lambda: calls.append("meanwhile")) == expected(5)
    assert calls == ["meanwhile"]
    tones, aligned = expected()
    assert tones[0][0] > 0 > tones[0][1] and aligned[0] and aligned[1] and not aligned[2]


def test_without_parallel_everything_is_run_here() -> None:
    assert run(parallel=False) == expected()


def test_a_later_phase_first_runs_the_earlier_ones_too(worker: None) -> None:
    with beside(phases(3), parallel=True) as tasks:
        aligned = tasks.results(1)
        tones = tasks.results(0)
    assert (tones, aligned) == expected(3)


def test_an_error_in_this_process_cancels_what_the_worker_has_not_begun(worker: None) -> None:
    with pytest.raises(ValueError, match="profile failed"), beside(phases(5), parallel=True) as tasks:
        tasks.results(0)
        raise ValueError("profile failed")
    # the worker is still usable afterwards, its pipe clean
    assert run() == expected()
    assert run(4) == expected(4)


def kill_worker() -> None:
    worker = parallel._worker
    assert worker is not None
    worker.process.kill()
    worker.process.join()


def test_a_dead_worker_is_replaced_for_the_next_comparison(worker: None) -> None:
    kill_worker()
    assert run() == expected()
    assert parallel._worker is not None and parallel._worker.process.is_alive()


def test_a_worker_that_dies_mid_comparison_leaves_its_tasks_to_this_process(worker: None) -> None:
    assert run(4, meanwhile=kill_worker) == expected(4)
    # and the next comparison has a worker again
    assert run() == expected()
    assert parallel._worker is not None and parallel._worker.process.is_alive()


def test_a_task_that_raises_in_the_worker_raises_here(worker: None) -> None:
    failing: list[Task] = [(int, ("not a number",))] * 6
    with pytest.raises(ValueError, match="not a number"), beside([failing], parallel=True) as tasks:
        tasks.results(0)
    assert run() == expected()


def test_tasks_that_cannot_be_pickled_are_run_here(worker: None) -> None:
    local: list[Task] = [(lambda n: n * 2, (k,)) for k in range(4)]
    with beside([local], parallel=True) as tasks:
        assert tasks.results(0) == [0, 2, 4, 6]
    assert run() == expected()


@pytest.mark.skipif(sys.platform != "linux", reason="stops the worker with SIGSTOP")
def test_a_job_the_worker_reads_late_takes_nothing_from_the_next(worker: None) -> None:
    stalled = parallel._worker
    assert stalled is not None
    outcome: list[object] = []

    def compare_twice() -> None:
        os.kill(stalled.process.pid, signal.SIGSTOP)  # it can take none of the first job's tasks
        try:
            with beside(phases(3), parallel=True) as tasks:
                first = (tasks.results(0), tasks.results(1))
            with beside(phases(4), parallel=True) as tasks:
                os.kill(stalled.process.pid, signal.SIGCONT)  # it reads the first job only now
                while stalled.counter.value == 0 and stalled.process.is_alive():
                    pass  # until it takes a task: the second job's, as the second job's
                outcome.append((first, (tasks.results(0), tasks.results(1))))
        finally:
            os.kill(stalled.process.pid, signal.SIGCONT)

    thread = threading.Thread(target=compare_twice)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "a result the worker sent for the wrong job was waited for"
    assert outcome == [(expected(3), expected(4))]
    assert parallel._worker is stalled and not stalled.broken


def stop_unless_in(pid: int) -> int:
    """A task that stops the worker that runs it, until the test process continues it."""
    if os.getpid() != pid:
        os.kill(os.getpid(), signal.SIGSTOP)
    return os.getpid()


def stopped(pid: int) -> bool:
    """Whether a process is stopped (Linux: its state in /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] == "T"


@pytest.mark.skipif(sys.platform != "linux", reason="stops the worker with SIGSTOP")
def test_idle_work_is_done_while_the_worker_has_results_to_come(worker: None) -> None:
    busy = parallel._worker
    assert busy is not None
    idle: list[str] = []
    got: list[object] = []

    def compare() -> None:
        with beside([[(stop_unless_in, (os.getpid(),))]], parallel=True) as tasks:
            while not stopped(busy.process.pid) and busy.process.is_alive():
                pass  # until the worker has taken the task and stopped in it
            wake = lambda: (idle.append("warm"), os.kill(busy.process.pid, signal.SIGCONT))  # noqa: E731
            got.extend(tasks.results(0, idle=wake))

    thread = threading.Thread(target=compare)
    thread.start()
    thread.join(timeout=60)
    os.kill(busy.process.pid, signal.SIGCONT)  # if the idle work never came
    thread.join()
    assert got == [busy.process.pid]
    assert idle == ["warm"]
    # with nothing to wait for, no idle work
    assert run(parallel=False) == expected()
    with beside(phases(), parallel=False) as tasks:
        tasks.results(0, idle=lambda: idle.append("again"))
    assert idle == ["warm"]


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
        batch = parallel.Batch(phases(3), worker)
        try:
            assert (batch.results(0), batch.results(1)) == expected(3)
        finally:
            batch.close()
    finally:
        worker.process.kill()
        worker.process.join()


def lexicons_read() -> int:
    return tone._analyzer.cache_info().currsize


@pytest.mark.skipif(not parallel._can_fork(), reason="the worker is forked only on Linux")
def test_a_new_worker_warms_up_before_its_first_job() -> None:
    tone._analyzer.cache_clear()
    worker = parallel._Worker(warm=(tone.warm,))
    try:
        worker.job.value = 1
        worker.conn.send((1, [(lexicons_read, ())], [1]))  # the worker claims it: nobody else does
        assert worker.conn.recv() == (1, {0: 1})  # read before the job came, not by it
    finally:
        worker.process.kill()
        worker.process.join()
    assert tone._analyzer.cache_info().currsize == 0  # in the worker, not here


def test_a_worker_is_spawned_while_prints_are_captured() -> None:
    """Textual captures prints with a stderr whose file descriptor is -1; multiprocessing's resource
    tracker, started for a spawned worker's lock, could not start with it, and the app had no worker."""
    script = (
        "import sys\n"
        "from corpus.framing import parallel, tone\n"
        "class Capture:\n"
        "    def write(self, text): return len(text)\n"
        "    def flush(self): pass\n"
        "    def fileno(self): return -1\n"
        "sys.stderr = Capture()\n"
        "parallel._can_fork = lambda: False\n"
        "worker = parallel._Worker()\n"
        "batch = parallel.Batch([[(tone.score, (['A wonderful day.'],))]], worker)\n"
        "print(batch.results(0), type(worker.process).__name__)\n"
        "batch.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 1)[1].strip() == "SpawnProcess"


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
