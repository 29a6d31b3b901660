"""Running a batch: :func:`convert` (archive in, JSON files out) and :func:`iter_parse`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ReferatError
from ..limits import Limits
from ..models import Meeting
from .inputs import Walker
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
                       resume_sha=done.get(item.path) if done else None, size=item.size)

    if dask is not None:
        from .dask import run_dask

        return run_dask(tasks(), options, dask)
    return run_local(tasks(), options, jobs)


def convert(paths: Iterable[PathArg] | PathArg, out: PathArg, *, jobs: int | None = None,
            timeout: float | None = None, resume: bool = False, jsonl: PathArg | None = None,
            dask: Any = None, limits: Limits | None = None,
            vocabulary: PathArg | None = None, progress: ProgressMode = "off",
            parse_fn: str | None = None, exclude: Iterable[str] = (),
            inspect: bool = False) -> Summary:
    """Convert every document under ``paths`` into JSON under ``out``; returns the summary.

    ``paths`` are files, directories (walked recursively) and glob patterns. Each input ends as
    ``out/<relative path>.json`` (or a line of ``jsonl``) or as a line of ``out/errors.jsonl``;
    the summary is also written to ``out/summary.json``. ``timeout`` defaults to
    ``limits.timeout``; ``dask`` is a scheduler address or a ``distributed.Client``.
    ``exclude`` are glob patterns (``"*.expected.json"``) of file names or relative paths that
    are not inputs. ``inspect`` writes ``out/<relative path>.inspect.html`` beside the JSON
    of every document with warnings or unplaced blocks (listed in ``Summary.reports``).
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
    lines = JsonLines(Path(jsonl), resume=resume) if jsonl is not None else None
    skip = [str(out_dir)] + ([os.fspath(jsonl)] if jsonl is not None else [])
    walker = Walker(args, skip=skip, exclude=exclude)
    options = Options(out=str(out_dir.resolve()), mode="jsonl" if jsonl is not None else "dir",
                      resume=resume, limits=limits,
                      vocabulary=os.path.abspath(vocabulary) if vocabulary else None,
                      timeout=timeout if timeout is not None else limits.timeout,
                      parse_fn=parse_fn, inspect=inspect)
    tally = Tally()
    bar = Progress(tally, walker.count() if progress != "off" else None, progress)
    interrupted = False
    try:
        with (out_dir / "errors.jsonl").open("w", encoding="utf-8") as errors:
            records = _records(walker, options, jobs, dask, lines.done if lines else None)
            try:
                for record in records:
                    tally.add(record)
                    if record.status == "failed":
                        errors.write(json.dumps(record.error_json(), ensure_ascii=False) + "\n")
                        errors.flush()
                    elif record.payload is not None and lines is not None:
                        lines.write(record.payload)
                    bar.update()
            except KeyboardInterrupt:
                interrupted = True
            finally:
                close = getattr(records, "close", None)
                if close is not None:
                    close()
    finally:
        bar.close()
        if lines is not None:
            lines.close()
    summary = tally.summary(out=str(out_dir), jsonl=os.fspath(jsonl) if jsonl else None,
                            jobs=jobs if dask is None else 0, interrupted=interrupted)
    write_atomic(out_dir / "summary.json", summary.model_dump_json(indent=2) + "\n")
    if interrupted:
        raise KeyboardInterrupt
    return summary


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
    tasks = (Task(item.path, item.rel, size=item.size) for item in Walker(args))
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
