"""Checks on raw PDF bytes before the PDF reader opens them, in bounded memory.

- Decompression bombs: every stream is decoded through its whole filter chain (``FlateDecode``,
  ``LZWDecode``, ``RunLengthDecode``, ``ASCII85Decode``, ``ASCIIHexDecode``, in any order) with
  the output counted and thrown away, stopping as soon as the total passes
  ``Limits.max_decompressed``. Only true image XObjects (``/Subtype /Image`` in their own
  dictionary, and not named as any page's ``/Contents``) are skipped: text extraction never
  decodes them.
- Pages: the pages that exist are counted by walking the page tree (``/Count`` can lie either
  way); page objects are also counted in the raw bytes so 100,000 of them are refused before
  any parser builds them.
- A file a viewer opens is not "truncated": NUL padding or garbage after the last ``%%EOF`` is
  cut off, and a missing ``%%EOF`` is added when the file otherwise ends with a complete
  ``startxref`` and pdfium opens it. Which files qualify is decided by what pdfium opens.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import TooLargeError
from .limits import Limits

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_IMAGE = re.compile(rb"/Subtype\s*/Image(?![A-Za-z])")
_CONTENTS = re.compile(rb"/Contents\s*(?:(\d+)\s+\d+\s+R|\[([\d\sR]*)\])")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_TAIL_XREF = re.compile(rb"startxref\s+\d+\s*$")
_STEP = 1 << 20
_ALIASES = {b"Fl": b"FlateDecode", b"LZW": b"LZWDecode", b"RL": b"RunLengthDecode",
            b"A85": b"ASCII85Decode", b"AHx": b"ASCIIHexDecode"}


@dataclass(frozen=True)
class PdfFacts:
    """What the checks found: the bytes to read (with a damaged tail mended) and the number of
    pages that exist (None when it could not be established)."""

    data: bytes
    pages: int | None
    mended: str | None = None  # what was mended, for an issue


# --- decoding, counted and bounded -----------------------------------------------------------


def _flate(chunks: Iterator[bytes], budget: int) -> Iterator[bytes]:
    d = zlib.decompressobj()
    made = 0
    for chunk in chunks:
        buf = chunk
        while buf:
            try:
                out = d.decompress(buf, _STEP)
            except zlib.error:
                return
            made += len(out)
            yield out
            if d.eof or made > budget:
                return
            buf = d.unconsumed_tail


def _run_length(chunks: Iterator[bytes], budget: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    out = bytearray()
    made = i = 0
    while i < len(data) and made <= budget:
        n = data[i]
        if n == 128:
            break
        if n < 128:
            piece = data[i + 1:i + 2 + n]
            i += 2 + n
        else:
            piece = data[i + 1:i + 2] * (257 - n)
            i += 2
        out += piece
        made += len(piece)
        if len(out) >= _STEP:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _lzw(chunks: Iterator[bytes], budget: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    bits, pos, nbits, made = 9, 0, len(data) * 8, 0
    prev = b""
    out = bytearray()
    while pos + bits <= nbits and made <= budget:
        byte, off = divmod(pos, 8)
        word = int.from_bytes(data[byte:byte + 3].ljust(3, b"\0"), "big")
        code = (word >> (24 - off - bits)) & ((1 << bits) - 1)
        pos += bits
        if code == 256:
            table, bits, prev = table[:258], 9, b""
            continue
        if code == 257:
            break
        if code < len(table):
            entry = table[code]
            if prev:
                table.append(prev + entry[:1])
        elif prev:
            entry = prev + prev[:1]
            table.append(entry)
        else:
            break
        out += entry
        made += len(entry)
        prev = entry
        if len(table) + 1 >= 1 << bits and bits < 12:
            bits += 1
        if len(out) >= _STEP:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _ascii85(chunks: Iterator[bytes], budget: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    end = data.find(b"~>")
    data = re.sub(rb"\s+", b"", data[:end] if end >= 0 else data)
    with contextlib.suppress(ValueError):
        yield base64.a85decode(data)


def _ascii_hex(chunks: Iterator[bytes], budget: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    end = data.find(b">")
    data = re.sub(rb"[^0-9A-Fa-f]", b"", data[:end] if end >= 0 else data)
    with contextlib.suppress(binascii.Error):
        yield binascii.unhexlify(data + b"0" * (len(data) % 2))


_DECODERS: dict[bytes, Callable[[Iterator[bytes], int], Iterator[bytes]]] = {
    b"FlateDecode": _flate, b"LZWDecode": _lzw, b"RunLengthDecode": _run_length,
    b"ASCII85Decode": _ascii85, b"ASCIIHexDecode": _ascii_hex}


def _filters(head: bytes) -> list[bytes]:
    m = _FILTER.search(head)
    if m is None:
        return []
    return [_ALIASES.get(n, n) for n in _NAME.findall(m.group(1))]


def _raw_chunks(data: bytes, start: int) -> Iterator[bytes]:
    """The stream's bytes in 1 MiB pieces; the decoders stop at their own end markers."""
    view = memoryview(data)
    end = data.find(b"endstream", start)
    end = len(data) if end < 0 else end
    for pos in range(start, end, _STEP):
        yield bytes(view[pos:min(pos + _STEP, end)])


def _decoded(data: bytes, start: int, filters: list[bytes], budget: int) -> Iterator[bytes]:
    """The stream at ``start`` decoded through ``filters``; stops at unknown filters (images
    and encryption: nothing the bomb check can or needs to count)."""
    chunks: Iterator[bytes] = _raw_chunks(data, start)
    for name in filters:
        decoder = _DECODERS.get(name)
        if decoder is None:
            return iter(())
        chunks = decoder(chunks, budget)
    return chunks


# --- the checks -------------------------------------------------------------------------------


def _head(data: bytes, at: int) -> tuple[int | None, bytes]:
    """The object number and dictionary of the stream starting at ``at``."""
    before = data[max(0, at - 4096):at]
    objs = list(_OBJ.finditer(before))
    if not objs:
        return None, before
    return int(objs[-1].group(1)), before[objs[-1].end():]


def _contents(blob: bytes) -> set[int]:
    found: set[int] = set()
    for m in _CONTENTS.finditer(blob):
        if m.group(1):
            found.add(int(m.group(1)))
        else:
            found.update(int(r) for r in _REF.findall(m.group(2) or b""))
    return found


def _scan(data: bytes, name: str, limits: Limits) -> int:
    """Decode every stream that text extraction may decode; returns page objects seen."""
    budget = limits.max_decompressed
    contents = _contents(data)
    total = pages = 0
    images: list[tuple[int, int | None, list[bytes]]] = []

    def count(start: int, filters: list[bytes]) -> None:
        nonlocal total, pages
        tail = b""
        for out in _decoded(data, start, filters, budget - total):
            total += len(out)
            window = tail + out
            pages += len(_PAGE.findall(window)) - len(_PAGE.findall(tail))
            contents.update(_contents(window))
            tail = out[-64:]
            if total > budget:
                raise TooLargeError(name, "its streams inflate too far (a decompression bomb?): "
                                    + limits.too_large_message("max_decompressed", total))
            if limits.max_pages and pages > limits.max_pages * 2 + 100:
                raise TooLargeError(name, limits.too_large_message("max_pages", pages))

    for m in _STREAM.finditer(data):
        number, head = _head(data, m.start())
        filters = _filters(head)
        if not filters:
            continue
        if _IMAGE.search(head):
            images.append((m.end(), number, filters))
            continue
        count(m.end(), filters)
    for start, number, filters in images:  # an "image" used as page content is content
        if number is not None and number in contents:
            count(start, filters)
    return pages


def _pdfium_pages(data: bytes) -> int | None:
    """Pages pdfium opens (it trusts ``/Count`` but cannot load pages beyond the real ones),
    or None when pdfium cannot open the file."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of pdfplumber
        return None
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        n = len(pdf)

        def loads(i: int) -> bool:
            try:
                pdf.get_page(i).close()
                return True
            except Exception:
                return False

        if n == 0 or loads(n - 1):
            return n
        low, high = 0, n - 1  # the last page that loads: pages past it do not exist
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if loads(mid) else (low, mid - 1)
        return low + 1 if loads(low) else 0
    finally:
        pdf.close()


def _tree_pages(data: bytes, stop: int) -> int | None:
    """Leaves of the page tree (what ``/Count`` should say), up to ``stop``; None when the
    tree cannot be walked."""
    try:
        import io

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
    except ImportError:  # pragma: no cover - pdfminer comes with pdfplumber
        return None
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        n = 0
        for _page in PDFPage.create_pages(doc):
            n += 1
            if n > stop:
                break
        return n
    except Exception:
        return None


def _mend_tail(data: bytes) -> tuple[bytes, str | None]:
    """Cut what follows the last ``%%EOF`` when it is padding or garbage, or add a missing
    ``%%EOF`` after a complete ``startxref``; only when pdfium opens the result."""
    if b"%%EOF" in data[-4096:]:
        return data, None
    eof = data.rfind(b"%%EOF")
    if eof >= 0:
        mended, what = data[:eof + 5] + b"\n", "bytes after the end-of-file marker were ignored"
    elif _TAIL_XREF.search(data[-64:]):
        mended, what = data + b"\n%%EOF\n", "the end-of-file marker was missing"
    else:
        return data, None  # cut short: the reader says truncated
    if _pdfium_pages(mended) is None:
        return data, None
    return mended, what


def _pdfium_count(data: bytes) -> int | None:
    """The page count pdfium reports (the root ``/Count``), None if it cannot open the file."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _root_pages(data: bytes) -> int | None:
    """The object number of the page tree's root, from the last ``/Root`` catalog."""
    try:
        import io

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFObjRef

        ref = PDFDocument(PDFParser(io.BytesIO(data))).catalog.get("Pages")
        return ref.objid if isinstance(ref, PDFObjRef) else None
    except Exception:
        return None


def _mend_count(data: bytes, pages: int) -> bytes | None:
    """The PDF with an incremental update that gives the page tree's root the ``/Count`` of the
    pages that exist (pdfium reads no page past ``/Count``); None when that cannot be done."""
    number = _root_pages(data)
    if number is None:
        return None
    objs = list(re.finditer(rb"(?<!\d)%d\s+(\d+)\s+obj\b(.*?)endobj" % number, data, re.S))
    prev = list(re.finditer(rb"startxref\s+(\d+)", data))
    root = list(re.finditer(rb"/Root\s+(\d+\s+\d+\s+R)", data))
    size = list(re.finditer(rb"/Size\s+(\d+)", data))
    if not (objs and prev and root and size):
        return None  # the root lives in an object stream, or no trailer: leave it
    body, n = re.subn(rb"/Count\s+\d+", b"/Count %d" % pages, objs[-1].group(2), count=1)
    if n != 1:
        return None
    gen = int(objs[-1].group(1))
    base = data if data.endswith(b"\n") else data + b"\n"
    obj = b"%d %d obj%sendobj\n" % (number, gen, body)
    xref = b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d %05d n \n" % (number, len(base), gen)
    trailer = b"trailer\n<</Size %s/Root %s/Prev %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size[-1].group(1), root[-1].group(1), prev[-1].group(1), len(base) + len(obj))
    mended = base + obj + xref + trailer
    return mended if _pdfium_count(mended) == pages else None


def check_pdf(data: bytes, name: str, limits: Limits) -> PdfFacts:
    """Raise :class:`TooLargeError` for a decompression bomb or too many pages; return the
    bytes to read and the pages that exist."""
    raw_pages = len(_PAGE.findall(data))
    if limits.max_pages and raw_pages > limits.max_pages * 2 + 100:
        raise TooLargeError(name, limits.too_large_message("max_pages", raw_pages))
    _scan(data, name, limits)
    data, mended = _mend_tail(data)
    pages = _tree_pages(data, limits.max_pages)
    if pages is None:
        pages = _pdfium_pages(data)
    if limits.max_pages and pages is not None and pages > limits.max_pages:
        raise TooLargeError(name, limits.too_large_message("max_pages", pages))
    said = _pdfium_count(data)
    if pages is not None and said is not None and said != pages:
        fixed = _mend_count(data, pages)
        if fixed is not None:
            data = fixed
            mended = (f"{mended}; " if mended else "") + \
                f"its page tree says {said} pages where {pages} exist"
        else:
            mended = (f"{mended}; " if mended else "") + \
                f"its page tree says {said} pages where {pages} exist; some pages may " \
                "not have been read"
    return PdfFacts(data, pages, mended)


__all__ = ["PdfFacts", "check_pdf"]
