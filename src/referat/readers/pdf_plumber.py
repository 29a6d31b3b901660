"""The former PDF reader on pdfplumber (kept while the pdfium reader is compared against it):
ruled tables as table rows, and running headers and footers removed.

Each page is read once: its characters give the lines (text, box, font size and weight) and,
when the page draws rules, pdfplumber's table finder gives the tables; characters inside a table
are not also read as loose text. Pages are closed as soon as they are read, so memory stays flat.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from typing import Any

import regex

from ..blocks import Document
from ..errors import CorruptPDFError, EncryptedPDFError, NoTextLayerError, TooLargeError
from ..limits import Limits
from ._clean import normalize, squash
from .pdf_chrome import find_chrome
from .pdf_layout import Line, TableRow, assemble, clean_line, join_lines, measure

_BOLD_FONT = regex.compile(r"bold|black|heavy|demi|semib|,b$|-b$", regex.IGNORECASE)
_LINEARIZED = regex.compile(rb"<<[^<>]{0,600}/Linearized\b[^<>]{0,600}>>")
_LENGTH = regex.compile(rb"/L\s+(\d{1,12})\b")
_TAIL = regex.compile(r"\s(\d{1,4})\s*$")
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _open(data: bytes, name: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if b"%PDF-" not in data[:1024]:
        raise CorruptPDFError(name, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-4096:]:
        raise CorruptPDFError(name, "the PDF is truncated (no end-of-file marker)")
    lin = _LINEARIZED.search(data[:2048])
    size = _LENGTH.search(lin.group(0)) if lin else None
    if size and len(data) < int(size.group(1)):  # a linearized file says how long it is
        raise CorruptPDFError(name, f"the PDF is truncated ({len(data):,} of "
                                    f"{int(size.group(1)):,} bytes)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise EncryptedPDFError(name, "the PDF is protected by a password") from None
    except Exception as exc:
        if "password" in str(exc).lower() or "PDFPasswordIncorrect" in repr(exc):
            raise EncryptedPDFError(name, "the PDF is protected by a password") from None
        if "encrypt" in f"{type(exc).__name__} {exc}".lower():
            raise EncryptedPDFError(name, f"the PDF is encrypted in a way that cannot be "
                                          f"opened ({exc})") from None
        raise CorruptPDFError(name, f"the PDF is corrupt ({type(exc).__name__})") from None
    return pdf


def _page_count(pdf: Any) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int) and count >= 0:
            return count
    except Exception:
        pass
    return len(pdf.pages)


def _is_bold(char: dict[str, Any]) -> bool:
    return bool(_BOLD_FONT.search(char.get("fontname", "")))


def _line(raw: dict[str, Any], page: int) -> Line | None:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    if not chars:
        return None
    text = clean_line(raw["text"])
    sizes = sorted(c["size"] for c in chars)
    size = round(sizes[len(sizes) // 2], 1)
    bold = sum(1 for c in chars if _is_bold(c)) >= 0.9 * len(chars)
    text, tail = _split_tail(text, chars, size)
    first_end = chars[0]["x1"]
    for prev, c in itertools.pairwise(chars):
        if c["x0"] - prev["x1"] > 0.15 * size:
            break
        first_end = c["x1"]
    return Line(text, page, raw["x0"], raw["x1"], raw["top"], raw["bottom"], size, bold,
                first_end - raw["x0"], len(chars), tail=tail)


def _split_tail(text: str, chars: list[dict[str, Any]], size: float) -> tuple[str, str]:
    """A page number standing far right of its title (a TOC entry without leaders)."""
    m = _TAIL.search(text)
    if m is None or m.start() == 0:
        return text, ""
    digits = len(m.group(1))
    if len(chars) <= digits or chars[-digits - 1]["text"].isdigit():
        return text, ""
    if chars[-digits]["x0"] - chars[-digits - 1]["x1"] < 1.5 * size:
        return text, ""
    return text[: m.start()].rstrip(), m.group(1)


def _cell(text: str | None) -> str:
    if not text:
        return ""
    out = ""
    for part in normalize(text).split("\n"):
        part = squash(part)
        if part:
            out = join_lines(out, part) if out else part
    return out


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _overprinted(chars: list[dict[str, Any]]) -> bool:
    """Bold faked by printing each character twice at almost the same place."""
    seen = {(c["text"], round(c["x0"]), round(c["top"])) for c in chars}
    return len(seen) < 0.95 * len(chars)


def _read_page(page: Any, pno: int, next_table: int) -> tuple[list[Line], list[TableRow], int]:
    rows: list[TableRow] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.objects.get("line") or page.objects.get("rect"):
        for table in page.find_tables(_TABLE_SETTINGS):
            cells = table.extract()
            if not cells or max(len(r) for r in cells) < 2:
                continue
            next_table += 1
            boxes.append(table.bbox)
            for row, content in zip(table.rows, cells, strict=False):
                rows.append(TableRow(tuple(_cell(c) for c in content), pno, row.bbox[1],
                                     next_table))
    source = page.dedupe_chars() if _overprinted(page.chars) else page
    if boxes or not all(c["upright"] for c in page.chars):  # tables, or text set sideways
        source = source.filter(lambda o: o.get("object_type") != "char" or
                             (o["upright"] and not _inside(o, boxes)))
    lines = [ln for raw in source.extract_text_lines(return_chars=True)
             if (ln := _line(raw, pno)) is not None]
    return lines, rows, next_table


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None) -> Document:
    """Read a PDF into paragraphs. ``max_pages`` refuses longer documents before reading them."""
    pdf = _open(data, name)
    try:
        return _read(pdf, name, max_pages)
    except (CorruptPDFError, EncryptedPDFError, NoTextLayerError, TooLargeError):
        raise
    except Exception as exc:
        raise CorruptPDFError(name, f"the PDF could not be read ({type(exc).__name__}: "
                                    f"{str(exc)[:200]})") from None
    finally:
        # pdfplumber's close() builds every page object first: it can raise on a damaged page
        # dictionary (MalformedPDFException, found by fuzzing) and is slow on huge page trees.
        with contextlib.suppress(Exception):
            pdf.stream.close()


def _read(pdf: Any, name: str, max_pages: int | None) -> Document:
    count = _page_count(pdf)
    if max_pages and count > max_pages:
        raise TooLargeError(name, Limits(max_pages=max_pages).too_large_message("max_pages", count))
    pages: list[list[Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    tables: list[list[TableRow]] = []
    images = 0
    next_table = 0
    for pno, page in enumerate(pdf.pages, start=1):
        lines, rows, next_table = _read_page(page, pno, next_table)
        images += len(page.objects.get("image", ()))
        pages.append(lines)
        heights.append(float(page.height))
        widths.append(float(page.width))
        tables.append(rows)
        page.close()
    chrome = find_chrome(pages, heights)
    text = sum(ln.nchars for lines in pages for ln in lines if id(ln) not in chrome)
    if not any(tables) and (text == 0 or (text < 10 * count and images >= count / 2)):
        what = "only images (a scanned document)" if images else "no text"
        raise NoTextLayerError(name, f"the PDF has {what}; OCR would be needed to read it")
    stream: list[Line | TableRow] = []
    index = 0
    for lines, rows in zip(pages, tables, strict=True):
        body = [ln for ln in lines if id(ln) not in chrome]
        for ln in body:
            index += 1
            ln.index = index
        merged: list[Line | TableRow] = [*body, *rows]
        merged.sort(key=lambda o: o.top)
        stream.extend(merged)
    layout = measure([o for o in stream if isinstance(o, Line)], widths)
    return Document(assemble(stream, layout), "pdf", pages=count)
