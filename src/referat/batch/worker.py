"""Converting one input: what runs in a worker process (or a Dask task).

:func:`process` never raises for a bad document: it returns a small :class:`Record` saying what
was written (or skipped) or which :class:`~referat.errors.ReferatError` stopped it. The parsed
document itself goes straight to disk (directory mode); only in JSON Lines and ``iter_parse``
mode does it travel back to the parent.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .. import errors
from ..api import out_of_memory, parse, timeout_message
from ..errors import InputNotFoundError, ReferatError, TooLargeError, shown
from ..limits import Limits
from ..models import Meeting
from ..vocabulary import Vocabulary
from .inputs import sniff
from .inspect import write_inspect_report
from .outputs import OutputPathError, output_rel, read_head, target_path, write_atomic

Mode = Literal["dir", "jsonl", "objects"]
Status = Literal["ok", "skipped", "failed"]
RESERVED = frozenset({"summary.json", "errors.jsonl"})


@dataclass(frozen=True)
class Options:
    """Settings shared by every task of a run (sent to each worker once)."""

    out: str | None = None  # output directory (absolute) in "dir" mode
    mode: Mode = "dir"
    resume: bool = False
    limits: Limits = field(default_factory=Limits)
    vocabulary: str | None = None  # TOML file with extra vocabulary
    timeout: float | None = None  # seconds per document
    memory: int | None = None  # address-space ceiling per worker process (bytes)
    since_ns: int = 0  # --resume keeps outputs made since then (same settings, manifest.py)
    # "module:function" used instead of referat.parse (instrumentation, tests); called as
    # fn(data: bytes, vocabulary=..., limits=...) -> Meeting
    parse_fn: str | None = None
    inspect: bool = False  # write an inspection report for documents that need a look


@dataclass(frozen=True, slots=True)
class Task:
    path: str  # as given: recorded in source.path and in error records
    rel: str | None  # input path relative to the inputs' root (None: argument not found)
    read_path: str | None = None  # where to read it, when it differs (Dask: absolute)
    resume_sha: str | None = None  # JSON Lines resume: the sha256 already converted
    size: int = 0  # bytes, as seen when the inputs were listed
    outside: str | None = None  # a symlink leading outside the input roots: not read


@dataclass(slots=True)
class Record:
    """The outcome for one input. ``error_*`` are set when ``status == "failed"``."""

    path: str
    status: Status
    sha256: str | None = None
    output: str | None = None  # relative to the output directory
    format: str | None = None
    pages: int | None = None
    issues: tuple[str, ...] = ()
    error_type: str | None = None
    error_code: str | None = None
    message: str | None = None
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds spent in the worker
    payload: str | None = None  # JSON text (jsonl mode)
    meeting: Meeting | None = None  # objects mode
    report: str | None = None  # inspection report written (--inspect), relative to out

    def error(self) -> ReferatError:
        """The error as a :class:`ReferatError` of its original class."""
        cls = getattr(errors, self.error_type or "", None)
        if not (isinstance(cls, type) and issubclass(cls, ReferatError)):
            cls = OutputPathError if self.error_code == "output" else errors.InternalError
        prefix = f"{shown(self.path)}: "
        msg = self.message or ""
        return cls(self.path, msg[len(prefix):] if msg.startswith(prefix) else msg)

    def error_json(self) -> dict[str, object]:
        return {"path": shown(self.path), "sha256": self.sha256, "type": self.error_type,
                "code": self.error_code, "message": self.message}


def file_sha256(task: Task) -> str | None:
    """The input's sha256, for records made outside the worker (a killed or lost worker)."""
    try:
        with open(task.read_path or task.path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def failed(path: str, exc: ReferatError, sha: str | None = None, seconds: float = 0.0) -> Record:
    return Record(path, "failed", sha, error_type=type(exc).__name__, error_code=exc.code,
                  message=f"{shown(path)}: {exc.reason}", seconds=seconds)


class _Expired(BaseException):
    """Raised by the soft timer; a BaseException so no ``except Exception`` swallows it."""


@contextmanager
def soft_timeout(seconds: float | None) -> Iterator[None]:
    """Interrupt Python code after ``seconds`` (main thread only; else no-op)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise _Expired

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_CACHE: dict[str, object] = {}


def _parser(options: Options) -> Callable[..., Meeting]:
    key = options.parse_fn or ""
    if key not in _CACHE:
        if options.parse_fn:
            module, _, name = options.parse_fn.partition(":")
            _CACHE[key] = getattr(importlib.import_module(module), name)
        else:
            _CACHE[key] = parse
    return _CACHE[key]  # type: ignore[return-value]


def _vocabulary(options: Options) -> Vocabulary | None:
    if options.vocabulary is None:
        return None
    key = "vocab:" + options.vocabulary
    if key not in _CACHE:
        _CACHE[key] = Vocabulary.from_toml(options.vocabulary)
    return _CACHE[key]  # type: ignore[return-value]


def warm_up(options: Options) -> None:
    """Import the parser and fill its caches with a tiny document, so a worker's first real
    document is not charged for them. Failures are left for the first document to report."""
    try:
        _vocabulary(options)
        _parser(options)
        parse("Referat\n\n1. Godkendelse af dagsorden\nGodkendt.\n")
    except Exception:  # reported, with the document's name, by process()
        return


def _read(task: Task, limits: Limits) -> bytes:
    where = task.read_path or task.path
    try:
        st = os.stat(where)
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):
            raise errors.UnsupportedFormatError(task.path, "not a regular file (a directory, "
                                                           "pipe or device)")
        if size > limits.max_bytes:
            raise TooLargeError(task.path, limits.too_large_message("max_bytes", size))
        with open(where, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputNotFoundError(task.path, "no such file") from None
    except OSError as exc:
        raise InputNotFoundError(task.path, f"cannot read the file ({exc.strerror})") from None


def _newer(target: Path, since_ns: int) -> bool:
    try:
        return target.stat().st_mtime_ns >= since_ns
    except OSError:
        return False


def _drop_stale(target: Path | None, sha: str | None) -> None:
    """Remove an earlier output made from different content, when this content failed: a
    document is either converted or in errors.jsonl, never both."""
    if target is None or sha is None or target.is_symlink():
        return
    head = read_head(target)
    if head is not None and head[0] != sha:
        target.unlink(missing_ok=True)


def process(task: Task, options: Options, cancelled: threading.Event | None = None) -> Record:
    """Convert one input; returns its :class:`Record` and never raises for bad input."""
    start, cpu = time.perf_counter(), time.process_time()
    sha: str | None = None
    target: Path | None = None
    try:
        if task.rel is None:
            raise InputNotFoundError(task.path, "no such file or directory, and no file "
                                                "matches it as a pattern")
        if task.outside is not None:
            raise errors.LinkOutsideError(task.path, f"a symbolic link to {shown(task.outside)}, "
                                          "outside the input folders; not followed (use "
                                          "--follow-links to read it)")
        data = _read(task, options.limits)
        sha = hashlib.sha256(data).hexdigest()
        rel: str | None = None
        if options.mode == "dir":
            assert options.out is not None
            rel = output_rel(task.rel)
            if rel in RESERVED:
                raise OutputPathError(task.path, f"the output name {rel} is reserved for the "
                                                 "run's own records")
            target = target_path(Path(options.out), rel)
            if options.resume:
                head = read_head(target)
                if head is not None and head[0] == sha and _newer(target, options.since_ns):
                    return Record(task.path, "skipped", sha, rel, pages=head[1],
                                  seconds=time.perf_counter() - start)
        elif options.resume and task.resume_sha == sha:
            return Record(task.path, "skipped", sha, seconds=time.perf_counter() - start)
        sniff(data, task.path)
        parse_fn, vocabulary = _parser(options), _vocabulary(options)  # outside the clock
        limits = options.limits
        if options.timeout and options.timeout != limits.timeout:
            limits = replace(limits, timeout=options.timeout)
        try:
            with soft_timeout(options.timeout):
                meeting = parse_fn(data, vocabulary=vocabulary, limits=limits)
        except _Expired:
            raise errors.ParseTimeoutError(task.path, timeout_message(limits.timeout)) from None
        meeting.source.path = shown(task.path)
        record = Record(task.path, "ok", sha, rel, meeting.source.format, meeting.source.pages,
                        tuple(i.code for i in meeting.issues))
        if cancelled is not None and cancelled.is_set():
            raise errors.ParseTimeoutError(task.path, "cancelled after the time limit")
        if options.mode == "dir":
            assert target is not None
            target = target_path(Path(options.out or "."), rel or "", create=True)
            try:
                write_atomic(target, meeting.model_dump_json(indent=2))
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                    raise errors.DiskFullError(task.path, f"cannot write {shown(str(target))}: "
                                               f"{exc.strerror}") from None
                raise OutputPathError(task.path, f"cannot write {shown(str(target))}: "
                                               f"{exc.strerror}") from None
        elif options.mode == "jsonl":
            record.payload = meeting.model_dump_json()
        else:
            record.meeting = meeting
        if options.inspect and options.out:
            try:
                with soft_timeout(options.timeout):
                    record.report = write_inspect_report(
                        data, meeting, meeting.source.path or task.path, task.rel, options.out,
                        vocabulary, limits)
            except _Expired:
                pass
    except ReferatError as exc:
        _drop_stale(target, sha)
        record = failed(task.path, exc, sha)
    except MemoryError:  # past the worker's ceiling outside referat.parse (a parse_fn)
        record = failed(task.path, out_of_memory(task.path), sha)
    except Exception as exc:  # a parse_fn that does not follow the contract
        record = failed(task.path, errors.InternalError(task.path, f"{type(exc).__name__}: {exc}"),
                        sha)
    record.seconds = time.perf_counter() - start
    record.cpu = time.process_time() - cpu
    return record
