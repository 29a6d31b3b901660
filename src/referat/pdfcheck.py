"""Cheap checks on raw PDF bytes before a PDF library opens them, in bounded memory:
streams that inflate to gigabytes (decompression bombs) and absurd page counts.

Every Flate stream except images (which text extraction never decodes) is inflated in 1 MiB
steps and the output thrown away, so memory stays flat and the scan stops as soon as the total
passes ``Limits.max_decompressed``. Page objects are counted in the raw bytes and in inflated
object streams.
"""

from __future__ import annotations

import re
import zlib

from .errors import TooLargeError
from .limits import Limits

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STEP = 1 << 20


def _inflate(data: bytes, start: int, budget: int) -> tuple[int, int]:
    """Inflate the zlib stream at ``start``: (bytes out, page objects seen), stopping at budget."""
    d = zlib.decompressobj()
    total = pages = 0
    view = memoryview(data)
    buf: bytes | memoryview = view[start:start + _STEP]
    pos = start + _STEP
    while True:
        try:
            out = d.decompress(buf, _STEP)
        except zlib.error:
            return total, pages
        total += len(out)
        pages += len(_PAGE.findall(out))
        if d.eof or total > budget:
            return total, pages
        buf = d.unconsumed_tail
        if not buf:
            if pos >= len(data):
                return total, pages
            buf = view[pos:pos + _STEP]
            pos += _STEP


def check_pdf(data: bytes, name: str, limits: Limits) -> None:
    """Raise :class:`TooLargeError` for a decompression bomb or too many pages."""
    pages = len(_PAGE.findall(data))
    if limits.max_pages and pages > limits.max_pages:
        raise TooLargeError(name, limits.too_large_message("max_pages", pages))
    total = 0
    for m in _STREAM.finditer(data):
        head = data[m.end()] if m.end() < len(data) else 0
        if head & 0x0F != 8 or head >> 4 > 7:
            continue  # no zlib header: DCT images, raw or other filters
        if b"/Image" in data[max(0, m.start() - 2048):m.start()].rpartition(b" obj")[2]:
            continue  # an image XObject: text extraction never inflates it
        out, seen = _inflate(data, m.end(), limits.max_decompressed - total)
        total += out
        pages += seen
        if total > limits.max_decompressed:
            raise TooLargeError(name, "its streams inflate too far (a decompression bomb?): "
                                + limits.too_large_message("max_decompressed", total))
        if limits.max_pages and pages > limits.max_pages:
            raise TooLargeError(name, limits.too_large_message("max_pages", pages))


__all__ = ["check_pdf"]
