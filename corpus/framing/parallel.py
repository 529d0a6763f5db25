"""The comparison's second core: a worker process takes tasks while this one works.

A comparison hands over what does not depend on the rest of it as tasks, in batches of phases
(`beside`): each outlet's part, read from the index (index.compare); then the mention sentences' tones,
which the profiles need halfway through, and the outlet pairs to align, which only the result needs.
The worker and this process take tasks from one shared counter: the worker from the start, this
process when it asks for a phase's results and finds some not taken, so neither core waits while a
task is left. Every task is a pure function of its arguments, so the result does not depend on which
process ran which.

The worker sends the results of the tasks it took once it claims past their phase, or runs out; this
process waits for exactly those, and at the end of a batch reads whatever the worker still owes it,
so the pipe is clean for the next. Jobs are numbered: a worker that reads a job late (busy, or still
starting) takes none of a newer job's tasks as the old one's.

The worker is started once per process, and only for comparisons big enough to pay for it. A process
with no other thread (the CLI) forks it, in a few milliseconds, so that even a 500-mention comparison
gains. The app compares in a thread, and a fork copies only the calling thread, with any lock another
one holds: it spawns the worker, an interpreter that takes a few tenths of a second of the other core
to start, which a large comparison hides behind the decoding of its articles and a small one would
wait for. A new worker first runs the warm-ups it was started with (reading the tone lexicon). Where
no process can be started, or the worker dies, or a task raises there, this process runs whatever
the worker did not deliver.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from typing import Any

# A task: a module-level function (spawned workers import it by name) and its arguments.
Task = tuple[Callable[..., Any], tuple[Any, ...]]

# Sentence pairs (summed over outlet pairs) from which the worker pays for itself: a spawned worker
# imports the app afresh (a few tenths of a second of the other core); a forked one starts in a few
# milliseconds, and a running one costs only the pipe (aligning takes about 0.5 µs a pair: 20,000 are 10 ms).
WORTH_A_WORKER = 4_000_000
WORTH_A_QUICK_WORKER = 20_000


def worth_a_worker(sides: Sequence[int]) -> bool:
    """Whether aligning sides of these sizes (every pair of them) is worth the worker, on this machine."""
    pairs = sum(sides[i] * sides[j] for i in range(len(sides)) for j in range(i + 1, len(sides)))
    return (os.cpu_count() or 1) > 1 and pairs >= (WORTH_A_QUICK_WORKER if _at_hand() else WORTH_A_WORKER)


def quick() -> bool:
    """Whether a worker is running or can be forked (milliseconds), with a second core for it."""
    return (os.cpu_count() or 1) > 1 and _at_hand()


def _at_hand() -> bool:
    return _worker is not None or _can_fork()


def _can_fork() -> bool:
    """Whether the worker can be forked: on Linux (fork is unsafe with macOS's system libraries), from a
    process with no other thread (a fork copies only the calling thread, and with it any lock another
    thread held: the app compares in a worker thread, so it spawns)."""
    return sys.platform == "linux" and threading.active_count() == 1


def _claim(counter: Synchronized[int], job: Any, seq: int, below: int) -> int | None:
    """The next task of job `seq` nobody has taken, if it is below `below`; else None (also once a newer
    job has begun: a worker that read this one late must not take the new job's tasks for its own)."""
    with counter.get_lock():
        taken = counter.value
        if job.value != seq or taken >= below:
            return None
        counter.value = taken + 1
        return taken


class _Failed:
    """A task that raised in the worker: this process runs it again (and so raises the error itself)."""


def _serve(
    conn: Connection,
    counter: Synchronized[int],
    job: Any,
    inherited: Connection | None = None,
    warm: Sequence[Callable[[], object]] = (),
) -> None:
    """The worker: for each job, run the tasks it claims, and send their results when it claims past a
    phase or runs out (a message per task would block on a full pipe while the other process is busy).
    It sends nothing for a job it took no task of.

    A forked worker also holds the comparing process's end of the pipe (`inherited`): it closes it, or it
    would never read end-of-file when that process ends without tearing down (the CLI's quick exit), and
    would wait on forever, holding the command's stdout open."""
    if inherited is not None:
        inherited.close()
    for function in warm:
        function()
    while True:
        try:
            seq, tasks, ends = conn.recv()
        except EOFError:  # the comparing process has gone
            return
        phase = 0
        done: dict[int, object] = {}
        while (taken := _claim(counter, job, seq, len(tasks))) is not None:
            if taken >= ends[phase]:
                if done:
                    conn.send((seq, done))
                done = {}
                while taken >= ends[phase]:
                    phase += 1
            function, args = tasks[taken]
            try:
                done[taken] = function(*args)
            except Exception:  # raised again where the comparison runs, not printed here
                done[taken] = _Failed()
        if done:
            conn.send((seq, done))


class _Worker:
    """One worker process and its end of the pipe; used by one comparison at a time."""

    def __init__(self, warm: Sequence[Callable[[], object]] = ()) -> None:
        forked = _can_fork()
        context: Any = multiprocessing.get_context("fork" if forked else "spawn")
        if not forked:
            _tracker_running()
        self.counter: Synchronized[int] = context.Value("i", 0)
        self.job: Any = context.RawValue("i", 0)  # the current job's number, read under the counter's lock
        self.conn, theirs = context.Pipe()
        inherited = self.conn if forked else None  # a spawned worker gets only what it is sent
        args = (theirs, self.counter, self.job, inherited, tuple(warm))
        self.process: Any = context.Process(target=_serve, args=args, daemon=True)
        self.process.start()
        theirs.close()
        self.busy = threading.Lock()
        self.broken = False  # a send or receive failed: the pipe cannot be trusted again
        self.sender: threading.Thread | None = None  # the last job's, which the next one's waits for
        self.jobs = 0


def _tracker_running() -> None:
    """multiprocessing's resource tracker, which a spawned worker's lock needs, is started with
    `sys.stderr`'s file descriptor to pass on: under Textual, which captures prints, that is -1 and
    the start fails ("bad value(s) in fds_to_keep"), so the app never got its worker. Started with the
    process's own stderr then (a few milliseconds, once)."""
    from multiprocessing import resource_tracker

    try:
        descriptor = sys.stderr.fileno()
    except Exception:  # none at all: the tracker starts without one
        return
    if descriptor >= 0 or sys.__stderr__ is None:
        return
    with redirect_stderr(sys.__stderr__):
        resource_tracker.ensure_running()


class Batch:
    """Tasks in phases, run here or by the worker; `results(phase)` gives one phase's, in order."""

    def __init__(self, phases: Sequence[Sequence[Task]], worker: _Worker | None) -> None:
        self._tasks = [task for phase in phases for task in phase]
        self._ends: list[int] = []
        for phase in phases:
            self._ends.append((self._ends[-1] if self._ends else 0) + len(phase))
        self._done: dict[int, object] = {}
        self._worker = worker
        self._here = 0  # without a worker: the next task to run
        self._ran: set[int] = set()  # the tasks this process took
        self._seq = 0
        if worker is not None:
            worker.jobs += 1
            self._seq = worker.jobs
            with worker.counter.get_lock():
                worker.job.value = self._seq
                worker.counter.value = 0
            job = (self._seq, self._tasks, self._ends)
            # sent from a thread: the pipe takes a large job only as fast as the worker reads it, and the
            # worker may still be starting; after the last job's send, so that two never interleave
            previous = worker.sender
            worker.sender = threading.Thread(target=self._send, args=(job, previous), daemon=True)
            worker.sender.start()

    def results(self, phase: int, idle: Callable[[], object] | None = None) -> list[Any]:
        """Phase `phase`'s results in order: the tasks nobody has taken are run here first (and any of an
        earlier phase), then the worker's are waited for; `idle` runs first if they have not come yet
        (a warm-up this process may need later, done while it would only wait)."""
        start, end = self._ends[phase - 1] if phase else 0, self._ends[phase]
        while (taken := self._claim(end)) is not None:
            self._run(taken)
        worker = self._worker
        pending = worker is not None and any(k not in self._done for k in range(start, end))
        if idle is not None and pending and worker is not None and not worker.conn.poll():  # nothing came yet
            idle()
        self._hear(range(start, end))
        for k in range(start, end):  # what a dead worker had claimed, or what raised there
            if k not in self._done or isinstance(self._done[k], _Failed):
                self._run(k)
        return [self._done[k] for k in range(start, end)]

    def _claim(self, below: int) -> int | None:
        if self._worker is not None:
            return _claim(self._worker.counter, self._worker.job, self._seq, below)
        if self._here >= below:
            return None
        self._here += 1
        return self._here - 1

    def _run(self, k: int) -> None:
        self._ran.add(k)
        function, args = self._tasks[k]
        self._done[k] = function(*args)

    def _send(self, job: object, previous: threading.Thread | None) -> None:
        assert self._worker is not None
        if previous is not None:
            previous.join()
        try:
            self._worker.conn.send(job)
        except (OSError, ValueError):  # the worker is gone
            self._worker.broken = True
        except Exception:  # a task that cannot be pickled: nothing was sent, and this process runs them all
            pass

    def _hear(self, wanted: Sequence[int]) -> None:
        """Read the worker's results until those of `wanted` it took have come (or it has died)."""
        worker = self._worker
        if worker is None:
            return
        try:
            while not worker.broken and any(k not in self._done for k in wanted):
                seq, done = worker.conn.recv()
                if seq == self._seq:
                    self._done.update(done)
        except (EOFError, OSError):  # the worker died: this process runs what it had claimed
            worker.broken = True

    def close(self) -> None:
        """Leave nothing more for the worker, and read what it took: the pipe is clean for the next job."""
        worker = self._worker
        if worker is not None:
            with worker.counter.get_lock():
                taken = worker.counter.value
                worker.counter.value = max(taken, len(self._tasks))
            self._hear([k for k in range(taken) if k not in self._ran])


_lock = threading.Lock()
_worker: _Worker | None = None
_unavailable = False


def start(*warm: Callable[[], object]) -> bool:
    """Have the worker running (it stays for later comparisons); False where no process can be started.
    A worker started now runs the `warm` functions (module-level: a spawned one imports them) first."""
    global _worker, _unavailable
    with _lock:
        if _worker is not None and (_worker.broken or not _worker.process.is_alive()):
            _worker.process.kill()
            _worker = None
        if _worker is None and not _unavailable:
            try:
                _worker = _Worker(warm)
            except (OSError, RuntimeError, ValueError):
                _unavailable = True
        return _worker is not None


@contextmanager
def beside(phases: Sequence[Sequence[Task]], *, parallel: bool) -> Iterator[Batch]:
    """The tasks of `phases`, run by the worker (with `parallel`, when one can be had and no other
    comparison is using it) while the block runs, and by this process when it asks for a phase's
    results. Each task's result comes from one run of it, in whichever process (a second one here only
    where the worker died or the task raised there)."""
    worker = _worker if parallel and start() else None
    if worker is not None and not worker.busy.acquire(blocking=False):  # one comparison at a time uses it
        worker = None
    try:
        batch = Batch(phases, worker)
        try:
            yield batch
        finally:
            batch.close()
    finally:
        if worker is not None:
            worker.busy.release()
