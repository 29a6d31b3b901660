"""Running a batch: :func:`convert` (archive in, JSON files out) and :func:`iter_parse`."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ReferatError, shown
from ..limits import Limits
from ..models import Meeting
from .inputs import Walker
from .manifest import Manifest, fingerprint, new_run_id, roots_of
from .outputs import JsonLines, write_atomic
from .pool import run_local
from .progress import Progress, ProgressMode
from .summary import Summary, Tally
from .worker import Options, Record, Task, process

PathArg = str | os.PathLike[str]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _records(walker: Walker, options: Options, jobs: int, dask: Any,
             done: dict[str, str] | None = None) -> Iterator[Record]:
    remote = dask is not None

    def tasks() -> Iterator[Task]:
        for item in walker:
            yield Task(item.path, item.rel,
                       read_path=os.path.abspath(item.path) if remote else None,
                       resume_sha=done.get(item.path) if done else None, size=item.size,
                       outside=item.outside)

    if dask is not None:
        from .dask import run_dask

        return run_dask(tasks(), options, dask)
    return run_local(tasks(), options, jobs)


class Interrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C (``signum`` SIGINT) or SIGTERM; ``summary`` says what was done
    (it is also in ``summary.json``)."""

    def __init__(self, summary: Summary, signum: int = signal.SIGINT) -> None:
        super().__init__(f"interrupted by signal {signum}")
        self.summary = summary
        self.signum = signum


class _Term(KeyboardInterrupt):
    """SIGTERM, raised where the parent happens to be, ending the run like Ctrl-C."""


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise _Term

    old = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def _prepare(args: list[str], out_dir: Path, options: Options, *, resume: bool,
             overwrite: bool) -> tuple[Manifest, bool]:
    """Check ``out_dir`` against the run that made it; returns the manifest to write and whether
    earlier outputs were made with the same settings."""
    roots = roots_of(args)
    print_ = fingerprint(options.limits, options.vocabulary, options.parse_fn)
    old = Manifest.load(out_dir)
    if old is not None and set(old.roots) != set(roots) and not (resume or overwrite):
        raise ValueError(
            f"--out {out_dir} holds the outputs of a run over other inputs "
            f"({', '.join(shown(r) for r in old.roots)}); use --resume to add to them, "
            "--overwrite to replace same-named outputs, or another --out")
    same = old is not None and old.fingerprint == print_
    since = old.since_ns if same and old is not None else time.time_ns()
    merged = sorted(set(roots) | set(old.roots if old else ()))
    return Manifest(merged, print_, since, (old.runs if old else [])[-99:]), same


def convert(paths: Iterable[PathArg] | PathArg, out: PathArg, *, jobs: int | None = None,
            timeout: float | None = None, resume: bool = False, jsonl: PathArg | None = None,
            dask: Any = None, limits: Limits | None = None,
            vocabulary: PathArg | None = None, progress: ProgressMode = "off",
            parse_fn: str | None = None, exclude: Iterable[str] = (),
            follow_links: bool = False, overwrite: bool = False,
            inspect: bool = False) -> Summary:
    """Convert every document under ``paths`` into JSON under ``out``; returns the summary.

    ``paths`` are files, directories (walked recursively) and glob patterns. Each input ends as
    ``out/<relative path>.json`` (or a line of ``jsonl``) or as a line of ``out/errors.jsonl``
    (appended, with the run's id); the summary is also written to ``out/summary.json``.
    ``timeout`` defaults to ``limits.timeout``; ``dask`` is a scheduler address or a
    ``distributed.Client``. ``exclude`` are glob patterns (``"*.expected.json"``) of file names
    or relative paths that are not inputs. Symlinked files leading outside the input folders
    are recorded, not read, unless ``follow_links``. An ``out`` holding the outputs of other
    inputs is refused (``ValueError``) unless ``resume`` or ``overwrite``. Ctrl-C or SIGTERM
    raise :class:`Interrupted` after the summary is written; a full disk stops the run with
    ``summary.stopped`` saying so. ``inspect`` writes ``out/<relative path>.inspect.html``
    beside the JSON of every document with warnings or unplaced blocks (``summary.reports``).
    """
    args = [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else \
        [os.fspath(p) for p in paths]
    limits = limits or Limits()
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(f"{out_dir} exists and is not a directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(os.path.isdir(a) and os.path.samefile(a, out_dir) for a in args):
        raise ValueError(f"--out {out_dir} is also an input; write the JSON somewhere else")
    jobs = jobs or default_jobs()
    options = Options(out=str(out_dir.resolve()), mode="jsonl" if jsonl is not None else "dir",
                      resume=resume, limits=limits,
                      vocabulary=os.path.abspath(vocabulary) if vocabulary else None,
                      timeout=timeout if timeout is not None else limits.timeout,
                      parse_fn=parse_fn, memory=limits.memory(jobs) if dask is None else None,
                      inspect=inspect)
    manifest, same = _prepare(args, out_dir, options, resume=resume, overwrite=overwrite)
    run_id = new_run_id()
    manifest.runs.append(run_id)
    manifest.save(out_dir)
    options = replace(options, since_ns=manifest.since_ns)
    lines = JsonLines(Path(jsonl), resume=resume and same) if jsonl is not None else None
    skip = [str(out_dir)] + ([os.fspath(jsonl)] if jsonl is not None else [])
    walker = Walker(args, skip=skip, exclude=exclude, follow_links=follow_links)
    tally = Tally()
    bar = Progress(tally, walker.count() if progress != "off" else None, progress)
    signum: int | None = None
    stopped: str | None = None
    try:
        with (out_dir / "errors.jsonl").open("a", encoding="utf-8") as errors, \
                _sigterm_interrupts():
            records = _records(walker, options, jobs, dask, lines.done if lines else None)
            try:
                for record in records:
                    tally.add(record)
                    if record.error_code == "disk_full":
                        stopped = record.message
                    if record.status == "failed":
                        line = record.error_json() | {"run": run_id}
                        errors.write(json.dumps(line, ensure_ascii=False) + "\n")
                        errors.flush()
                    elif record.payload is not None and lines is not None:
                        lines.write(record.payload)
                    bar.update()
                    if stopped:
                        break
            except _Term:
                signum = signal.SIGTERM
            except KeyboardInterrupt:
                signum = signal.SIGINT
            except OSError as exc:
                if not _disk_full(exc):
                    raise
                stopped = f"{exc.filename or out_dir}: {exc.strerror}"
            finally:
                close = getattr(records, "close", None)
                if close is not None:
                    close()
    except OSError as exc:  # closing errors.jsonl on a full disk
        if not _disk_full(exc):
            raise
        stopped = stopped or f"{out_dir}: {exc.strerror}"
    finally:
        bar.close()
        if lines is not None:
            with contextlib.suppress(OSError):
                lines.close()
    summary = tally.summary(out=str(out_dir), jsonl=os.fspath(jsonl) if jsonl else None,
                            jobs=jobs if dask is None else 0,
                            interrupted=signum is not None or stopped is not None,
                            run=run_id, stopped=f"the disk is full ({stopped})"
                            if stopped else None)
    _write_summary(out_dir / "summary.json", summary.model_dump_json(indent=2) + "\n")
    if signum is not None:
        raise Interrupted(summary, signum)
    return summary


def _write_summary(target: Path, text: str) -> None:
    """``summary.json``, atomically if there is room, else in place over the old one, else not
    at all (the command prints the summary anyway)."""
    try:
        write_atomic(target, text)
    except OSError:
        with contextlib.suppress(OSError), target.open("w", encoding="utf-8") as fh:
            fh.write(text)


def iter_parse(paths: Iterable[PathArg] | PathArg, *, jobs: int = 1,
               timeout: float | None = None, limits: Limits | None = None,
               parse_fn: str | None = None) -> Iterator[tuple[Path, Meeting | ReferatError]]:
    """Parse every document under ``paths``, yielding ``(path, Meeting or error)``.

    With ``jobs=1`` and no ``timeout`` this runs in the calling process, in input order;
    otherwise on worker processes, in completion order. Nothing is written to disk.
    """
    args = [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else \
        [os.fspath(p) for p in paths]
    options = Options(mode="objects", limits=limits or Limits(), timeout=timeout,
                      parse_fn=parse_fn)
    tasks = (Task(item.path, item.rel, size=item.size, outside=item.outside)
             for item in Walker(args))
    if jobs == 1 and timeout is None:
        records: Iterator[Record] = (process(t, options) for t in tasks)
    else:
        records = run_local(tasks, options, jobs)
    try:
        for record in records:
            yield Path(record.path), record.meeting if record.meeting is not None \
                else record.error()
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
