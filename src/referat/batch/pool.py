"""A small process pool with a hard per-task time limit.

``concurrent.futures`` and ``multiprocessing.Pool`` cannot stop one stuck task without breaking
the whole pool, so each worker here is a process with its own pipe and one task at a time. The
parent knows which document each worker holds and since when: a worker past its deadline is
killed and replaced and the document recorded as a :class:`~referat.errors.ParseTimeoutError`;
a worker that dies (a crash in a native library, the out-of-memory killer) is replaced and its
document recorded as an :class:`~referat.errors.InternalError`. Workers are recycled after
``max_tasks`` documents so slow leaks in native code cannot pile up. In-flight work is bounded
by the number of workers, and records stream back one at a time.

Inside the worker a soft timer (``SIGALRM``) stops pure-Python work at the limit; the hard kill
after a short grace period catches native code that does not return to Python.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import sys
import time
import types
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

from ..api import timeout_message
from ..bounds import set_memory_ceiling
from ..errors import InternalError, ParseTimeoutError
from .worker import Options, Record, Task, failed, file_sha256, process, warm_up

MAX_TASKS = 500  # documents per worker process before it is replaced
PREFETCH = 2  # tasks held by a worker: the one it parses and the next, if both are small
SMALL = 256 * 1024  # bytes; larger documents are only given to idle workers
STARTUP = 60.0  # seconds a new worker may take to import and warm up
READY = "ready"


def _worker_main(conn: Connection, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and SIGTERM, and
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # stops its workers itself
    if options.memory:
        set_memory_ceiling(options.memory)
    try:
        warm_up(options)  # imports and first-parse caches: not on any document's clock
        conn.send(READY)
    except (EOFError, OSError):
        return
    while True:
        try:
            task = conn.recv()
            if task is None:
                return
            conn.send(process(task, options))
        except (EOFError, OSError):  # the parent is gone: nobody to report to
            return


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """Start a worker without it importing the user's script again.

    ``spawn`` and ``forkserver`` children re-import ``__main__`` (as ``__mp_main__``) so that
    pickled functions defined there resolve; a script calling :func:`referat.convert` without
    ``if __name__ == "__main__":`` would then run again in every worker. Nothing referat sends
    to a worker lives in ``__main__``, so the children are given a bare one instead.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def context() -> BaseContext:
    """``forkserver`` where available (fast starts, no fork of a threaded parent), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["referat.batch.worker"])
        return ctx
    return mp.get_context("spawn")


class _Slot:
    """One worker process and the tasks sent to it (the first is the one it is parsing)."""

    def __init__(self, ctx: BaseContext, options: Options) -> None:
        self.ctx = ctx
        self.options = options
        self.tasks: deque[Task] = deque()
        self.deadline = float("inf")
        self.done = 0
        self.ready = False
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc: Any = self.ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, self.options), daemon=True)
        with _main_hidden():
            self.proc.start()
        child.close()
        self.done = 0
        self.ready = False

    def assign(self, task: Task, limit: float | None) -> None:
        if not self.tasks:
            self.deadline = self._clock(limit)
        self.tasks.append(task)
        try:
            self.conn.send(task)
        except OSError:  # died while idle: replace it, sending what it held again
            self.restart(limit, kill=True)

    def wants_more(self, max_tasks: int) -> bool:
        """Idle, or busy with a small document and nothing queued (so it never waits for the
        parent between small documents, and nothing queues behind a large one)."""
        if self.done + len(self.tasks) >= max_tasks:
            return False
        return not self.tasks or (len(self.tasks) < PREFETCH and self.tasks[0].size <= SMALL)

    def finished(self, limit: float | None) -> Task:
        """The head task is done (or given up); the next one starts its clock now."""
        task = self.tasks.popleft()
        self.done += 1
        self.deadline = self._clock(limit) if self.tasks else float("inf")
        return task

    def _clock(self, limit: float | None) -> float:
        """The head task's deadline; a worker still starting up gets STARTUP seconds more."""
        if not limit:
            return float("inf")
        return time.monotonic() + limit + (0.0 if self.ready else STARTUP)

    def started(self, limit: float | None) -> None:
        """The worker said it is ready: the head task's clock starts now."""
        self.ready = True
        self.deadline = self._clock(limit) if self.tasks else float("inf")

    def restart(self, limit: float | None, *, kill: bool = False) -> None:
        held = list(self.tasks)
        self.stop(kill=kill)
        self._start()
        for task in held:
            self.assign(task, limit)

    def stop(self, *, kill: bool = False) -> None:
        self.tasks.clear()
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()
        self.deadline = float("inf")


def _died(code: int | None, memory: int | None) -> str:
    why = f"the worker process stopped unexpectedly (exit code {code}) while parsing this document"
    if code is not None and code < 0 and memory:
        why += (f"; a crash in native code, possibly on reaching the max_memory limit "
                f"({memory:,} bytes)")
    return why


def run_local(tasks: Iterable[Task], options: Options, jobs: int,
              max_tasks: int = MAX_TASKS) -> Iterator[Record]:
    """Run ``tasks`` on ``jobs`` worker processes, yielding records in completion order."""
    ctx = context()
    limit = options.timeout
    hard = limit + min(10.0, 1.0 + limit / 10) if limit else None
    pending = iter(tasks)
    slots = [_Slot(ctx, options) for _ in range(max(1, jobs))]
    exhausted = False
    held: Task | None = None
    try:
        while True:
            for slot in slots:
                while not exhausted and slot.wants_more(max_tasks):
                    task = next(pending, None) if held is None else held
                    held = None
                    if task is None:
                        exhausted = True
                    elif slot.tasks and task.size > SMALL:
                        held = task  # a large document waits for an idle worker
                        break
                    else:
                        slot.assign(task, hard)
            busy = [s for s in slots if s.tasks]
            if not busy:
                if held is None:
                    return
                continue
            wait_for = min(s.deadline for s in busy) - time.monotonic()
            ready = wait([s.conn for s in busy],
                         timeout=None if wait_for == float("inf") else max(0.0, wait_for))
            for slot in busy:
                if slot.conn in ready:
                    try:
                        record: Record | str = slot.conn.recv()
                        if record == READY:
                            slot.started(hard)
                            continue
                    except (EOFError, OSError):
                        task = slot.finished(hard)
                        slot.proc.join(timeout=5)
                        record = failed(task.path, InternalError(
                            task.path, _died(slot.proc.exitcode, options.memory)),
                            file_sha256(task))
                        slot.restart(hard, kill=True)
                    else:
                        assert isinstance(record, Record)
                        slot.finished(hard)
                        if slot.done >= max_tasks and not slot.tasks:
                            slot.restart(hard)
                    yield record
                elif time.monotonic() >= slot.deadline:
                    task = slot.finished(hard)
                    slot.restart(hard, kill=True)
                    yield failed(task.path, ParseTimeoutError(
                        task.path, timeout_message(limit or 0)), file_sha256(task))
    finally:
        for slot in slots:
            slot.stop(kill=bool(slot.tasks))
