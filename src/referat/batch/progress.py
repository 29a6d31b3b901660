"""Progress: a tqdm bar on a terminal, plain periodic log lines otherwise, or nothing."""

from __future__ import annotations

import sys
import time
from typing import Literal, TextIO

from .summary import Tally

ProgressMode = Literal["auto", "bar", "log", "off"]


class Progress:
    """Shows a :class:`Tally` as it grows. ``every`` is the seconds between log lines."""

    def __init__(self, tally: Tally, total: int | None, mode: ProgressMode = "auto",
                 stream: TextIO | None = None, every: float = 10.0) -> None:
        self.tally = tally
        self.total = total
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "log"
        self.mode = mode
        self.every = every
        self._next = time.monotonic() + every
        self._bar = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True,
                             smoothing=0.05)

    def update(self) -> None:
        t = self.tally
        if self._bar is not None:
            self._bar.update(1)
            if t.done % 10 == 0 or t.done == self.total:
                self._bar.set_postfix(pages=t.pages, failed=t.failed, refresh=False)
        elif self.mode == "log" and time.monotonic() >= self._next:
            self._next = time.monotonic() + self.every
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        t = self.tally
        rate = (t.done - t.skipped) / t.elapsed if t.elapsed else 0.0
        left = (self.total or t.done) - t.done
        eta = f", ETA {left / rate:.0f} s" if rate and self.total else ""
        of = f"/{self.total}" if self.total else ""
        return (f"referat: {t.done}{of} documents, {t.pages} pages, {rate:.1f} docs/s, "
                f"{t.failed} failed{eta}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.set_postfix(pages=self.tally.pages, failed=self.tally.failed)
            self._bar.close()
