"""The comparison's second core: a worker process aligns outlet pairs while this one builds the profiles.

A large comparison (four outlets, 14,000 mentions) spends about as long aligning sentences as it does on
everything else, and the two do not depend on each other. The worker and this process take the outlet
pairs from one shared counter: the worker from the start, this process once its own work is done, so
neither core waits while a pair is left. `align` is a pure function, so the result does not depend on
which process aligned which pair.

The worker is started once per process, and only for comparisons big enough to pay for it. A process
with no other thread (the CLI) forks it, in a few milliseconds, so that even a 500-mention comparison
gains (0.19 to 0.15 s on the bench index). The app compares in a thread, and a fork copies only the
calling thread, with any lock another one holds: it spawns the worker, an interpreter that takes a few
tenths of a second of the other core to start, which a large comparison hides behind the decoding of
its articles and a small one would wait for. Where no process can be started, or the worker dies, this
process aligns whatever the worker did not deliver.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from typing import Any, TypeVar

from corpus.framing.align import AlignedPair, align

T = TypeVar("T")
Pairs = Sequence[tuple[Sequence[str], Sequence[str]]]

# Sentence pairs (summed over outlet pairs) from which the worker pays for itself: a spawned worker
# imports the app afresh (a few tenths of a second of the other core); a forked one starts in a few
# milliseconds, and a running one costs only the pipe (aligning takes about 0.5 µs a pair: 20,000 are 10 ms).
WORTH_A_WORKER = 4_000_000
WORTH_A_QUICK_WORKER = 20_000


def worth_a_worker(sides: Sequence[int]) -> bool:
    """Whether aligning sides of these sizes (every pair of them) is worth the worker, on this machine."""
    pairs = sum(sides[i] * sides[j] for i in range(len(sides)) for j in range(i + 1, len(sides)))
    quick = _worker is not None or _can_fork()
    return pairs >= (WORTH_A_QUICK_WORKER if quick else WORTH_A_WORKER) and (os.cpu_count() or 1) > 1


def _can_fork() -> bool:
    """Whether the worker can be forked: on Linux (fork is unsafe with macOS's system libraries), from a
    process with no other thread (a fork copies only the calling thread, and with it any lock another
    thread held: the app compares in a worker thread, so it spawns)."""
    return sys.platform == "linux" and threading.active_count() == 1


def _claim(counter: Synchronized[int], total: int) -> int | None:
    """The next pair nobody has taken, or None."""
    with counter.get_lock():
        taken = counter.value
        if taken >= total:
            return None
        counter.value = taken + 1
        return taken


def _serve(conn: Connection, counter: Synchronized[int], inherited: Connection | None = None) -> None:
    """The worker: for each job, align the pairs it claims, then send them back together (sending each as
    it is done would block on a full pipe while the other process is busy).

    A forked worker also holds the comparing process's end of the pipe (`inherited`): it closes it, or it
    would never read end-of-file when that process ends without tearing down (the CLI's quick exit), and
    would wait on forever, holding the command's stdout open."""
    if inherited is not None:
        inherited.close()
    while True:
        try:
            pairs, threshold, limit = conn.recv()
        except EOFError:  # the comparing process has gone
            return
        done: dict[int, list[AlignedPair]] = {}
        while (taken := _claim(counter, len(pairs))) is not None:
            a, b = pairs[taken]
            done[taken] = align(a, b, threshold=threshold, limit=limit)
        conn.send(done)


class _Worker:
    """One worker process and its end of the pipe; used by one comparison at a time."""

    def __init__(self) -> None:
        forked = _can_fork()
        context: Any = multiprocessing.get_context("fork" if forked else "spawn")
        self.counter: Synchronized[int] = context.Value("i", 0)
        self.conn, theirs = context.Pipe()
        inherited = self.conn if forked else None  # a spawned worker gets only what it is sent
        self.process: Any = context.Process(target=_serve, args=(theirs, self.counter, inherited), daemon=True)
        self.process.start()
        theirs.close()
        self.busy = threading.Lock()
        self.broken = False  # a send or receive failed: the pipe cannot be trusted again

    def run(
        self, pairs: Pairs, meanwhile: Callable[[], T], threshold: float, limit: int | None
    ) -> tuple[T, dict[int, list[AlignedPair]]]:
        """meanwhile() here while the worker aligns, then the pairs the worker has not claimed; returns
        meanwhile's result and every pair aligned so far (the caller aligns any the worker lost)."""
        self.counter.value = 0
        job = ([(list(a), list(b)) for a, b in pairs], threshold, limit)
        sent: list[bool] = []
        # sent from a thread: the pipe takes a large job only as fast as the worker reads it, and the
        # worker may still be starting
        sender = threading.Thread(target=lambda: sent.append(self._send(job)), daemon=True)
        sender.start()
        try:
            result = meanwhile()
        except BaseException:
            self._claim_rest(len(pairs))
            sender.join()
            self._receive(sent)
            raise
        done: dict[int, list[AlignedPair]] = {}
        while (taken := _claim(self.counter, len(pairs))) is not None:
            a, b = pairs[taken]
            done[taken] = align(a, b, threshold=threshold, limit=limit)
        sender.join()
        done.update(self._receive(sent))
        return result, done

    def _send(self, job: object) -> bool:
        try:
            self.conn.send(job)
            return True
        except (OSError, ValueError):  # the worker is gone
            self.broken = True
            return False

    def _claim_rest(self, total: int) -> None:
        with self.counter.get_lock():
            self.counter.value = max(self.counter.value, total)

    def _receive(self, sent: list[bool]) -> dict[int, list[AlignedPair]]:
        if not all(sent) or not sent:
            return {}
        try:
            done: dict[int, list[AlignedPair]] = self.conn.recv()
            return done
        except (EOFError, OSError):  # the worker died: the caller aligns what it had claimed
            self.broken = True
            return {}


_lock = threading.Lock()
_worker: _Worker | None = None
_unavailable = False


def start() -> bool:
    """Have the worker running (it stays for later comparisons); False where no process can be started."""
    global _worker, _unavailable
    with _lock:
        if _worker is not None and (_worker.broken or not _worker.process.is_alive()):
            _worker.process.kill()
            _worker = None
        if _worker is None and not _unavailable:
            try:
                _worker = _Worker()
            except (OSError, RuntimeError, ValueError):
                _unavailable = True
        return _worker is not None


def align_beside(
    pairs: Pairs, meanwhile: Callable[[], T], *, threshold: float, limit: int | None, parallel: bool
) -> tuple[T, list[list[AlignedPair]]]:
    """`meanwhile()` and `align` of each pair of sentence lists; with `parallel`, a worker process aligns
    while `meanwhile` runs. Returns meanwhile's result and each pair's alignment, in order."""
    worker = _worker if parallel and start() else None
    done: dict[int, list[AlignedPair]] = {}
    if worker is not None and worker.busy.acquire(blocking=False):  # one comparison at a time uses it
        try:
            result, done = worker.run(pairs, meanwhile, threshold, limit)
        finally:
            worker.busy.release()
    else:
        result = meanwhile()
    aligned = [
        done[k] if k in done else align(a, b, threshold=threshold, limit=limit) for k, (a, b) in enumerate(pairs)
    ]
    return result, aligned
