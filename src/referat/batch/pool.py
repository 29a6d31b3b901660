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
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

from ..errors import InternalError, ParseTimeoutError
from .worker import Options, Record, Task, failed, process

MAX_TASKS = 500


def _worker_main(conn: Connection, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process(task, options))


def context() -> BaseContext:
    """``forkserver`` where available (fast starts, no fork of a threaded parent), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["referat.batch.worker"])
        return ctx
    return mp.get_context("spawn")


class _Slot:
    def __init__(self, ctx: BaseContext, options: Options) -> None:
        self.ctx = ctx
        self.options = options
        self.task: Task | None = None
        self.deadline = float("inf")
        self.done = 0
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc: Any = self.ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, self.options), daemon=True)
        self.proc.start()
        child.close()
        self.done = 0

    def assign(self, task: Task, limit: float | None) -> None:
        self.task = task
        self.deadline = time.monotonic() + limit if limit else float("inf")
        try:
            self.conn.send(task)
        except OSError:  # died while idle: replace it and try once more
            self.restart(kill=True)
            self.conn.send(task)

    def restart(self, *, kill: bool = False) -> None:
        self.stop(kill=kill)
        self._start()

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()
        self.task = None
        self.deadline = float("inf")


def run_local(tasks: Iterable[Task], options: Options, jobs: int,
              max_tasks: int = MAX_TASKS) -> Iterator[Record]:
    """Run ``tasks`` on ``jobs`` worker processes, yielding records in completion order."""
    ctx = context()
    limit = options.timeout
    hard = limit + min(10.0, 1.0 + limit / 10) if limit else None
    pending = iter(tasks)
    slots = [_Slot(ctx, options) for _ in range(max(1, jobs))]
    exhausted = False
    try:
        while True:
            for slot in slots:
                if slot.task is None and not exhausted:
                    task = next(pending, None)
                    if task is None:
                        exhausted = True
                    else:
                        slot.assign(task, hard)
            busy = [s for s in slots if s.task is not None]
            if not busy:
                return
            wait_for = min(s.deadline for s in busy) - time.monotonic()
            ready = wait([s.conn for s in busy],
                         timeout=None if wait_for == float("inf") else max(0.0, wait_for))
            for slot in busy:
                assert slot.task is not None
                if slot.conn in ready:
                    try:
                        record: Record = slot.conn.recv()
                    except (EOFError, OSError):
                        code = slot.proc.exitcode
                        record = failed(slot.task.path, InternalError(
                            slot.task.path, f"the worker process stopped unexpectedly (exit "
                                            f"code {code}) while parsing this document"))
                        slot.restart(kill=True)
                    else:
                        slot.task = None
                        slot.deadline = float("inf")
                        slot.done += 1
                        if slot.done >= max_tasks:
                            slot.restart()
                    yield record
                elif time.monotonic() >= slot.deadline:
                    path = slot.task.path
                    slot.restart(kill=True)
                    yield failed(path, ParseTimeoutError(
                        path, f"parsing did not finish within the {limit:g} s limit (--timeout);"
                              " the worker was stopped"))
    finally:
        for slot in slots:
            slot.stop(kill=slot.task is not None)
