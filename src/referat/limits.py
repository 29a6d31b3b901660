"""Resource limits with safe defaults (see docs/limits.md). Exceeding one raises
:class:`~referat.errors.TooLargeError` naming the limit and how to raise it."""

from __future__ import annotations

from dataclasses import dataclass

_HOW = {
    "max_bytes": "Limits(max_bytes=...) or `referat parse --max-bytes`",
    "max_chars": "Limits(max_chars=...)",
    "max_pages": "Limits(max_pages=...) or `referat parse --max-pages`",
    "max_decompressed": "Limits(max_decompressed=...)",
}


@dataclass(frozen=True)
class Limits:
    """Caps on one document. ``timeout`` is enforced by batch conversion (a worker is killed)."""

    max_bytes: int = 100 * 1024 * 1024  # input file size
    max_chars: int = 20_000_000  # characters after decoding or extraction
    max_pages: int = 2_000  # PDF pages
    max_decompressed: int = 256 * 1024 * 1024  # bytes PDF streams (not images) may inflate to
    timeout: float = 120.0  # seconds per document in batch

    def too_large_message(self, which: str, value: int) -> str:
        limit = getattr(self, which)
        return (f"exceeds the {which} limit ({value:,} > {limit:,}); raise it with "
                f"{_HOW[which]} if the input is genuine")
