"""The same conversion on a Dask cluster (``pip install 'referat[dask]'``).

The client walks the inputs and submits one task per document, keeping a bounded number in
flight; each task runs :func:`referat.batch.worker.process` on a Dask worker, which reads the
input and writes the output itself (so inputs and the output directory must be on a file system
every worker sees, at the same absolute paths). Only the small :class:`Record` comes back.

Dask runs tasks in threads, which cannot be killed: a document past ``--timeout`` is recorded as
a :class:`~referat.errors.ParseTimeoutError` and its thread is told not to write anything, but
keeps its CPU until the parser returns. Restart the workers if that ever matters.

A worker that dies (and is restarted by its nanny) loses nothing but its tasks in flight: the
scheduler runs them again elsewhere (``distributed.scheduler.allowed-failures`` times), and the
options go with every task rather than being scattered once.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from ..api import timeout_message
from ..errors import InternalError, ParseTimeoutError
from .worker import Options, Record, Task, failed, file_sha256, process

PER_THREAD = 4  # tasks in flight per worker thread
RETRIES = 1  # a task that raised (not a bad document: those are records) is tried again


def run_task(task: Task, options: Options) -> Record:
    """One document on a Dask worker, with the time limit enforced from a watching thread."""
    if not options.timeout:
        return process(task, options)
    box: list[Record] = []
    cancelled = threading.Event()
    thread = threading.Thread(target=lambda: box.append(process(task, options, cancelled)),
                              daemon=True, name=f"referat {task.path}")
    thread.start()
    thread.join(options.timeout)
    if box:
        return box[0]
    cancelled.set()
    return failed(task.path, ParseTimeoutError(task.path, timeout_message(options.timeout)),
                  file_sha256(task))


def distributed() -> Any:
    """The ``distributed`` module, imported only when a Dask run is asked for."""
    try:
        return importlib.import_module("distributed")
    except ImportError:  # pragma: no cover - depends on the install
        raise RuntimeError("--dask needs the optional extra: pip install 'referat[dask]'") \
            from None


def run_dask(tasks: Iterable[Task], options: Options, dask: Any) -> Iterator[Record]:
    """Run ``tasks`` on the cluster at ``dask`` (an address or a ``distributed.Client``), in
    completion order."""
    dd = distributed()
    own = isinstance(dask, str)
    client = dd.Client(dask, timeout="10s") if own else dask
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending = iter(tasks)
        held: dict[Any, Task] = {}

        lost: set[str] = set()  # paths already given a second chance after losing workers

        def submit(again: Task | None = None) -> Any:
            task = again or next(pending, None)
            if task is None:
                return None
            # the options travel with each task (they are small): data scattered once is lost
            # when a nanny restarts its worker, and every later task would fail with it
            future = client.submit(run_task, task, options, pure=False, retries=RETRIES)
            held[future.key] = task
            return future

        first = [f for f in (submit() for _ in range(threads * PER_THREAD)) if f is not None]
        queue = dd.as_completed(first)
        for future in queue:
            task = held.pop(future.key)
            try:
                record: Record = future.result()
            except Exception as exc:  # the task itself failed: a worker lost, a pickling error
                why = f"{type(exc).__name__}: {exc}"
                if type(exc).__name__ == "KilledWorker":
                    future.release()
                    if task.path not in lost:  # maybe only queued on a worker another task
                        lost.add(task.path)  # killed: once more, as a new task
                        queue.add(submit(task))
                        continue
                    why = ("the Dask workers running it died each time it was tried (a crash "
                           "in native code, or the worker's memory limit)")
                record = failed(task.path, InternalError(task.path, f"the Dask task failed: "
                                                                    f"{why}"), file_sha256(task))
            future.release()
            yield record
            nxt = submit()
            if nxt is not None:
                queue.add(nxt)
    finally:
        if own:
            client.close()
