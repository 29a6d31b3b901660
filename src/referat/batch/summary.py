"""The run summary: counts, pages, throughput and the most common parser issues.

:class:`Tally` keeps only counters (bounded by the number of distinct codes), never anything
per document, so the parent's memory does not grow with the size of the archive.
"""

from __future__ import annotations

import time
from collections import Counter

from pydantic import BaseModel

from .worker import Record

TOP_ISSUES = 10


class Summary(BaseModel):
    """What a batch run did; written to ``DIR/summary.json``."""

    inputs: int = 0
    converted: int = 0  # newly written
    skipped: int = 0  # already converted for the same content (--resume)
    failed: int = 0  # recorded in errors.jsonl
    pages: int = 0  # PDF pages of the converted and skipped documents
    seconds: float = 0.0
    worker_cpu_seconds: float = 0.0  # CPU time the workers spent on converted documents
    docs_per_second: float = 0.0
    pages_per_second: float = 0.0
    errors: dict[str, int] = {}  # error code -> documents
    issues: dict[str, int] = {}  # most common issue codes -> occurrences
    out: str | None = None
    jsonl: str | None = None
    jobs: int = 1  # worker processes; 0 on a Dask cluster
    interrupted: bool = False  # stopped early: Ctrl-C, SIGTERM or a full disk
    stopped: str | None = None  # why the run stopped early, when not interrupted by the user
    reports: list[str] = []  # --inspect: reports written, relative to out
    run: str | None = None  # the run's id, also on each of its lines in errors.jsonl

    @property
    def exit_code(self) -> int:
        return 0 if self.failed == 0 and not self.interrupted else 1

    def text(self) -> str:
        """A few lines for the terminal."""
        lines = [f"referat convert: {self.inputs} inputs: {self.converted} converted, "
                 f"{self.skipped} already done, {self.failed} failed"
                 + (" (interrupted)" if self.interrupted and not self.stopped else "")
                 + (f" (stopped: {self.stopped})" if self.stopped else ""),
                 f"  {self.pages} pages in {self.seconds:.1f} s: {self.docs_per_second:.1f} "
                 f"documents/s, {self.pages_per_second:.1f} pages/s, "
                 + (f"{self.jobs} workers" if self.jobs else "on a Dask cluster")]
        if self.errors:
            lines.append("  failures: " + ", ".join(f"{k} {v}" for k, v in self.errors.items()))
        if self.issues:
            lines.append("  most common issues: "
                         + ", ".join(f"{k} {v}" for k, v in self.issues.items()))
        if self.reports:
            shown = ", ".join(self.reports[:5])
            more = len(self.reports) - 5
            lines.append(f"  {len(self.reports)} documents need a look (warnings or unplaced "
                         f"blocks); reports: {shown}"
                         + (f" and {more} more (summary.json)" if more > 0 else ""))
        return "\n".join(lines)


class Tally:
    """Running counts over the records of a run."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.done = self.converted = self.skipped = self.failed = self.pages = 0
        self.cpu = 0.0
        self.errors: Counter[str] = Counter()
        self.issues: Counter[str] = Counter()
        self.reports: list[str] = []

    def add(self, record: Record) -> None:
        self.done += 1
        self.cpu += record.cpu
        if record.status == "failed":
            self.failed += 1
            self.errors[record.error_code or "error"] += 1
            return
        if record.status == "skipped":
            self.skipped += 1
        else:
            self.converted += 1
            self.issues.update(record.issues)
            if record.report:
                self.reports.append(record.report)
        self.pages += record.pages or 0

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def summary(self, **extra: object) -> Summary:
        seconds = self.elapsed
        worked = self.done - self.skipped
        return Summary(
            inputs=self.done, converted=self.converted, skipped=self.skipped,
            failed=self.failed, pages=self.pages, seconds=round(seconds, 3),
            worker_cpu_seconds=round(self.cpu, 3),
            docs_per_second=round(worked / seconds, 2) if seconds else 0.0,
            pages_per_second=round(self.pages / seconds, 2) if seconds else 0.0,
            errors=dict(self.errors.most_common()),
            issues=dict(self.issues.most_common(TOP_ISSUES)), reports=sorted(self.reports),
            **extra)  # type: ignore[arg-type]
