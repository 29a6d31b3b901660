"""Hard bounds on one parse: a time limit that works in any thread, and a memory ceiling for a
whole (worker) process.

The time limit is enforced by one watchdog thread shared by every parse in the process: at the
deadline it raises :class:`Expired` inside the parsing thread (``PyThreadState_SetAsyncExc``, the
mechanism behind ``KeyboardInterrupt``), so it needs no signal and works outside the main thread.
Like a signal, it takes effect when the thread next runs Python code; a batch worker stuck in
native code is killed by its parent instead.

The memory ceiling is an address-space limit (``RLIMIT_AS``) set inside a worker process or the
``referat parse`` command, never on a library user's process: allocations past it fail with
``MemoryError``, which :func:`referat.parse` reports as a ``TooLargeError`` naming
``max_memory``.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Expired(BaseException):
    """Raised inside a thread whose time is up; a BaseException so ``except Exception`` in a
    parser cannot swallow it."""


class _Guard:
    __slots__ = ("fired", "live", "tid")

    def __init__(self, tid: int) -> None:
        self.tid = tid
        self.live = True
        self.fired = False


_LOCK = threading.Condition()
_HEAP: list[tuple[float, int, _Guard]] = []
_COUNTER = itertools.count()
_WATCHDOG: list[threading.Thread] = []
_WAKE = [float("-inf")]  # when the watchdog will next look at the heap by itself (inf: never)


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid),
                                               ctypes.py_object(exc) if exc else None)


def _watch() -> None:
    with _LOCK:
        while True:
            while _HEAP and not _HEAP[0][2].live:
                heapq.heappop(_HEAP)
            if not _HEAP:
                _WAKE[0] = float("inf")
                _LOCK.wait()
                continue
            deadline, _, guard = _HEAP[0]
            now = time.monotonic()
            if now < deadline:
                _WAKE[0] = deadline
                _LOCK.wait(deadline - now)
                continue
            heapq.heappop(_HEAP)
            guard.live = False
            guard.fired = True
            _raise_in(guard.tid, Expired)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Expired` in the calling thread if the block runs past ``seconds``."""
    if seconds is None or seconds == float("inf"):
        yield
        return
    guard = _Guard(threading.get_ident())
    with _LOCK:
        if not _WATCHDOG or not _WATCHDOG[0].is_alive():
            _WATCHDOG[:] = [threading.Thread(target=_watch, name="referat time limit",
                                             daemon=True)]
            _WAKE[0] = float("-inf")
            _WATCHDOG[0].start()
        while _HEAP and not _HEAP[0][2].live:
            heapq.heappop(_HEAP)  # finished parses: keep the heap short without the watchdog
        deadline = time.monotonic() + seconds
        heapq.heappush(_HEAP, (deadline, next(_COUNTER), guard))
        if deadline < _WAKE[0]:
            # wake the watchdog only when it would otherwise sleep past this deadline: a wake
            # per parse hands the GIL to it and back, which costs a busy machine wall time
            _LOCK.notify()
    try:
        yield
    finally:
        with _LOCK:
            guard.live = False
            if guard.fired:
                _raise_in(guard.tid, None)  # a pending exception not yet delivered: drop it
        if guard.fired:
            raise Expired  # the time was up, whatever the block did since


_CEILING: list[int] = []


def memory_ceiling() -> int | None:
    """The address-space ceiling set by :func:`set_memory_ceiling` in this process, if any."""
    return _CEILING[0] if _CEILING else None


def set_memory_ceiling(limit: int) -> bool:
    """Limit this process's address space to ``limit`` bytes (never above an existing hard
    limit); False where the system has no such limit."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return False
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    _CEILING[:] = [limit]
    return True
