"""PDF reader on pdfium (pypdfium2): one block per paragraph, with the page and box of every
block, heading and bold hints, ruled tables as table rows, and running headers, footers and page
numbers kept as furniture.

Each page is read once: pdfium's text page gives the lines (:mod:`.pdf_text`), the page's path
objects say whether it is ruled at all and, if so, give the table grid (:mod:`.pdf_tables`);
lines inside a table are not also read as loose text. Pages are closed as soon as they are read
and the document is reopened every few dozen pages (pdfium keeps every object it parsed until
the document is closed), so memory stays flat. Whether a file can be read is what pdfium can
open, not a byte pattern.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from ..blocks import Document
from ..errors import CorruptPDFError, EncryptedPDFError, NoTextLayerError, TooLargeError
from ..limits import Limits
from ._clean import normalize, squash
from .pdf_chrome import find_chrome
from .pdf_columns import arrange
from .pdf_layout import Layout, Line, TableRow, assemble, join_lines, measure
from .pdf_tables import Table, find_tables, page_objects
from .pdf_text import TextPage, page_lines

_LOCK = threading.Lock()  # pdfium is not thread-safe
_PAGE_OBJECT = regex.compile(rb"/Type\s*/Page(?![A-Za-z])")
_COUNT = regex.compile(rb"(/Count\s+)(\d{1,9})(?![\d.])")
_REOPEN = 32  # pages: the document is reopened after so many, which keeps memory flat
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is protected by a password",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF is encrypted in a way that cannot be opened",
}


@dataclass(slots=True)
class _Pages:
    lines: list[list[Line]] = field(default_factory=list)
    rows: list[list[TableRow]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    images: int = 0
    tables: int = 0


def open_pdf(data: bytes, name: str) -> Any:
    """The pdfium document, or the typed error saying why pdfium cannot open it."""
    if b"%PDF-" not in data[:1024]:
        raise CorruptPDFError(name, "not a PDF (no %PDF- header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in _OPEN_ERRORS:
            raise EncryptedPDFError(name, _OPEN_ERRORS[code]) from None
        raise CorruptPDFError(name, "the PDF is truncated or damaged beyond repair (pdfium "
                                    "cannot open it)") from None


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None) -> Document:
    """Read a PDF into paragraphs. ``max_pages`` refuses longer documents before reading them."""
    with _LOCK:
        docs = [open_pdf(data, name)]
        try:
            data = _honest_count(docs, data, name)
            return _read(docs, data, name, max_pages)
        except (CorruptPDFError, EncryptedPDFError, NoTextLayerError, TooLargeError):
            raise
        except Exception as exc:
            raise CorruptPDFError(name, f"the PDF could not be read ({type(exc).__name__}: "
                                        f"{str(exc)[:200]})") from None
        finally:
            docs[-1].close()


def _read(docs: list[Any], data: bytes, name: str, max_pages: int | None) -> Document:
    count = len(docs[-1])
    if max_pages and count > max_pages:
        raise TooLargeError(name, Limits(max_pages=max_pages).too_large_message("max_pages", count))
    pages = _Pages()
    for index in range(count):
        if index and index % _REOPEN == 0:  # pdfium keeps what it parsed until closed
            docs[-1].close()
            docs[-1] = open_pdf(data, name)
        try:
            page = docs[-1][index]
        except pdfium.PdfiumError:
            if index and not _loads(docs[-1], count - 1):  # /Count promised pages that do
                count = index                              # not exist
                break
            raise CorruptPDFError(name, f"page {index + 1} of {count} cannot be loaded (the "
                                        "PDF is truncated or damaged)") from None
        try:
            _read_page(page, index + 1, pages)
        finally:
            page.close()
    browser = _browser_print(docs[-1])
    chrome = find_chrome(pages.lines, pages.heights, browser=browser)
    arrange(pages.lines, chrome, pages.widths)
    text = sum(ln.nchars for lines in pages.lines for ln in lines if id(ln) not in chrome)
    if not pages.tables and (text == 0 or (text < 10 * count and pages.images >= count / 2)):
        what = "only images (a scanned document)" if pages.images else "no text"
        raise NoTextLayerError(name, f"the PDF has {what}; OCR would be needed to read it")
    layout = measure([ln for lines in pages.lines for ln in lines if id(ln) not in chrome],
                     pages.widths)
    layout.hyphenates = not browser
    return Document(assemble(_stream(pages, chrome, layout if browser else None), layout),
                    "pdf", pages=count)


def _browser_print(pdf: Any) -> bool:
    """Printed by a web browser, which names itself by its user agent ("Mozilla/5.0 ...
    Chrome/...") as the PDF's creator. Browsers do not hyphenate unless a page asks for it
    (CSS ``hyphens: manual`` is the default), so a hyphen at a line end is the word's own."""
    try:
        creator = str(pdf.get_metadata_value("Creator") or "")
    except (pdfium.PdfiumError, KeyError, ValueError):
        return False
    return creator.startswith("Mozilla/")


def _honest_count(docs: list[Any], data: bytes, name: str) -> bytes:
    """pdfium trusts the page tree's ``/Count``. When the page objects in the file say it lies,
    the counts are zeroed (same width, so offsets hold) and pdfium counts the leaves itself."""
    pages = len(_PAGE_OBJECT.findall(data))
    if not pages or pages == len(docs[-1]) or b"/Count" not in data:
        return data
    mended = _COUNT.sub(lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    try:
        doc = open_pdf(mended, name)
    except (CorruptPDFError, EncryptedPDFError):
        return data
    if len(doc) and len(doc) != len(docs[-1]) and _loads(doc, len(doc) - 1):
        docs[-1].close()
        docs[-1] = doc
        return mended
    doc.close()
    return data


def _loads(pdf: Any, index: int) -> bool:
    try:
        pdf[index].close()
    except pdfium.PdfiumError:
        return False
    return True


def _read_page(page: Any, pno: int, pages: _Pages) -> None:
    height, width = float(page.get_height()), float(page.get_width())
    textpage = page.get_textpage()
    try:
        tp = TextPage(textpage.raw, height)
        text = tp.text()
        lines = page_lines(tp, text, pno)
        objects = page_objects(page.raw, want_segments=bool(lines))
        pages.images += objects.images
        tables = find_tables(objects.segments, tp, text, lines, width, height) \
            if objects.segments else []
    finally:
        textpage.close()
    rows: list[TableRow] = []
    for table in tables:
        pages.tables += 1
        rows.extend(TableRow(tuple(_cell(c) for c in cells), pno, box[1], pages.tables, box)
                    for cells, box in table.rows)
    if tables:
        lines = [ln for ln in lines if not _inside(ln, tables)]
    pages.lines.append(lines)
    pages.rows.append(rows)
    pages.heights.append(height)
    pages.widths.append(width)


def _inside(ln: Line, tables: list[Table]) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in
               (t.bbox for t in tables))


def _cell(text: str) -> str:
    out = ""
    for part in normalize(text).split("\n"):
        part = squash(part)
        if part:
            out = join_lines(out, part) if out else part
    return out


def _stream(pages: _Pages, chrome: dict[int, str],
            tabs: Layout | None) -> list[Line | TableRow]:
    """Lines and table rows of all pages in reading order, body lines numbered. With ``tabs``
    (a browser print, which keeps the page's no-break spaces), lines cut by runs of no-break
    spaces are rows of a table (:func:`_tab_rows`)."""
    rows_at = _tab_rows(pages, chrome, tabs, pages.tables) if tabs else {}
    stream: list[Line | TableRow] = []
    index = 0
    for found, rows in zip(pages.lines, pages.rows, strict=True):
        lines: list[Line | TableRow] = []
        for ln in found:
            kind = chrome.get(id(ln))
            if kind:
                ln.furniture = kind
                lines.append(ln)
                continue
            index += 1
            ln.index = index
            row = rows_at.get(id(ln), ln)
            if row is not None:
                lines.append(row)
        merged: list[Line | TableRow] = [*lines, *rows]
        merged.sort(key=lambda o: o.top)
        stream.extend(merged)
    return stream


def _tab_rows(pages: _Pages, chrome: dict[int, str], lay: Layout,
              table: int) -> dict[int, TableRow | None]:
    """``id()`` of each line read as a table row -> its row, or None for a line that wraps the
    row before. The HTML reader reads a run of no-break spaces as a tab: consecutive lines cut
    by such runs, also over a page break, are one table; a line that the line before had no
    room for (or that a tab at the end of the line before leaves a cell to) continues its row,
    when the row keeps to the table's number of cells."""
    out: dict[int, TableRow | None] = {}
    run: list[Line] = []

    def close() -> None:
        nonlocal table
        if not run:
            return
        table += 1
        ncols = max(len(ln.cells) for ln in run)
        row: TableRow | None = None
        for prev, ln in zip([None, *run], run, strict=False):
            cells = ln.cells or (ln.text,)
            if row is not None and prev is not None and \
                    (not row.cells[-1] or _wraps(prev, ln, lay)) and \
                    len(row.cells) + len(cells) - 1 <= ncols:
                first = join_lines(row.cells[-1], cells[0]) if row.cells[-1] else cells[0]
                row.cells = (*row.cells[:-1], first, *cells[1:])
                out[id(ln)] = None
            else:
                row = TableRow(cells, ln.page, ln.top, table, (ln.x0, ln.top, ln.x1, ln.bottom))
                out[id(ln)] = row
        run.clear()

    for ln in (ln for lines in pages.lines for ln in lines if id(ln) not in chrome):
        if ln.column:
            continue  # a side column beside the table
        if (ln.cells and not ln.parts) or (run and not ln.parts and (
                run[-1].cells[-1:] == ("",) or _wraps(run[-1], ln, lay))):
            run.append(ln)
        else:
            close()
    close()
    return out


def _wraps(prev: Line, ln: Line, lay: Layout) -> bool:
    """``ln`` is in the type of ``prev``, and its first word had no room at the end of it."""
    return ln.bold == prev.bold and abs(ln.size - prev.size) < 0.6 and \
        prev.x1 + 0.3 * ln.size + ln.first_word >= lay.right[prev.page] - 1.0
