"""Resource limits with safe defaults (see docs/limits.md). Exceeding one raises
:class:`~referat.errors.TooLargeError` (or :class:`~referat.errors.ParseTimeoutError` for time)
naming the limit and how to raise it."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields

_HOW = {
    "max_bytes": "Limits(max_bytes=...) or --max-bytes",
    "max_chars": "Limits(max_chars=...)",
    "max_pages": "Limits(max_pages=...) or --max-pages",
    "max_decompressed": "Limits(max_decompressed=...)",
    "max_memory": "Limits(max_memory=...) or --max-memory",
    "timeout": "Limits(timeout=...) or --timeout",
}
GIB = 1 << 30
MEMORY_CAP = 4 * GIB  # per worker: far above what a real document needs, far below a bomb


def physical_memory() -> int | None:
    """Bytes of RAM, or None where the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def default_memory(jobs: int = 1) -> int:
    """The address-space ceiling per worker: 4 GiB, less when ``jobs`` workers would not fit in
    three quarters of the RAM (on a 2-core, 24 GB machine: 4 GiB each; on 8 GB with 4 workers:
    1.5 GiB each), never under 1 GiB."""
    ram = physical_memory()
    share = int(ram * 0.75 / max(1, jobs)) if ram else MEMORY_CAP
    return max(GIB, min(MEMORY_CAP, share))


@dataclass(frozen=True)
class Limits:
    """Caps on one document. Every value must be positive (``math.inf`` for ``timeout`` means
    none). ``max_memory`` is the address space of a worker process (batch conversion, the
    ``referat parse`` command); ``None`` sizes it from the RAM and the number of workers."""

    max_bytes: int = 100 * 1024 * 1024  # input file size
    max_chars: int = 20_000_000  # characters after decoding or extraction
    max_pages: int = 2_000  # PDF pages
    max_decompressed: int = 256 * 1024 * 1024  # bytes PDF streams may inflate to
    timeout: float = 120.0  # seconds per document
    max_memory: int | None = None  # bytes of address space per worker; None: default_memory()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None and f.name == "max_memory":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or \
                    math.isnan(value) or value <= 0:
                raise ValueError(f"Limits({f.name}={value!r}): a limit must be a positive "
                                 "number")

    def memory(self, jobs: int = 1) -> int:
        """The ceiling in bytes for one of ``jobs`` workers."""
        return self.max_memory if self.max_memory is not None else default_memory(jobs)

    def too_large_message(self, which: str, value: int) -> str:
        limit = getattr(self, which)
        if which == "max_memory" and limit is None:
            limit = default_memory()
        return (f"exceeds the {which} limit ({value:,} > {limit:,}); raise it with "
                f"{_HOW[which]} if the input is genuine")
