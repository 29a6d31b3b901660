"""Write Word referater as .docx and export them to PDF with LibreOffice, the way many
municipalities publish their minutes (issue 10, family 9).

    .venv/bin/pip install python-docx            # build-time tool only, NOT a project dependency
    apt-get install -y libreoffice-writer-nogui   # soffice
    .venv/bin/python tests/samples/pdf/word/build_word.py

For each document in ``word_content.py`` it writes, next to this script, ``NAME.docx``,
``NAME.pdf`` (exported by ``soffice --headless --convert-to pdf``) and ``NAME.truth.json``: the
reader truth in the format of ``tests/samples/pages/TRUTH.md``, generated from the same Python
data as the document, so truth and document cannot drift apart. The generated files are
committed; the tests need neither python-docx nor LibreOffice.

Each document has the traits of Word-made minutes: a letterhead (municipality name and address
block), a label/value header table whose label column is so narrow that "Mødedeltagere:" wraps
inside its cell, a real Word TOC field (``TOC \\o "1-1"``; its cached entries are written here,
with the page numbers found in a first export, so they are right), numbered items with case
numbers, section headings, "Afbud:"/"Fraværende:" lines in the decisions, a closed item, a ruled
table, running headers and page-number footers as Word fields, and a signature page. The three
documents follow three municipalities' conventions; ``word_content.py`` says which.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx
import pdfplumber
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ among the samples
from word_content import DOCS, Doc, Item, Section, truth  # noqa: E402

TEXT_WIDTH = Cm(16.0)  # A4 with 2.5 cm margins


# --------------------------------------------------------------------------- conventions
@dataclass
class Style:
    """How one municipality's Word template lays the content out."""

    font: str
    size: float
    letterhead: str  # "first-header" | "body" | "table"
    label_width: Cm  # the header table's label column
    toc: str  # "dots" | "simple" | "side"
    item_on_new_page: bool
    item_heading: Callable[[Item], str]
    closed_heading: Callable[[Item], str]
    section_heading_style: str  # "Heading 2" | "bold"
    absent: tuple[str, str]  # (label, "after" | "before") around the last decision's text
    footer: str  # "side-af" | "bare" | "side"
    case_lines: str  # "labels" | "kle" | "acadre"
    appendix_break: bool = True  # the signature page (and Bilagsliste) start a new page


STYLES = {
    "fjordby-teknik-og-miljoe-2023-03-14": Style(
        font="Arial", size=10, letterhead="first-header", label_width=Cm(2.6), toc="dots",
        item_on_new_page=False,
        item_heading=lambda it: f"{it.number}. {it.title}",
        closed_heading=lambda it: f"{it.number}. Lukket punkt: {it.title}",
        section_heading_style="Heading 2", absent=("Afbud:", "after"), footer="side-af",
        case_lines="labels"),
    "hedeby-byraad-2022-11-28": Style(
        font="Times New Roman", size=11, letterhead="body", label_width=Cm(3.6), toc="simple",
        item_on_new_page=False,
        item_heading=lambda it: f"{it.number}. {it.title}",
        closed_heading=lambda it: f"{it.number}. Lukket sag: {it.title}",
        section_heading_style="bold", absent=("Afbud:", "after"), footer="bare",
        case_lines="kle"),
    "aaskov-oekonomiudvalget-2024-02-06": Style(
        font="Arial", size=10, letterhead="table", label_width=Cm(2.6), toc="side",
        item_on_new_page=True,
        item_heading=lambda it: f"{it.number}. {it.title}",
        closed_heading=lambda it: f"{it.number}. Lukket - {it.title}",
        section_heading_style="bold", absent=("Fraværende:", "before"), footer="side",
        case_lines="acadre"),
    "hedeby-byraad-2022-11-28-ny-skabelon": Style(
        font="Times New Roman", size=12, letterhead="table", label_width=Cm(1.8), toc="side",
        item_on_new_page=False,
        item_heading=lambda it: f"{it.number}. {it.title}",
        closed_heading=lambda it: f"{it.number}. Lukket sag: {it.title}",
        section_heading_style="bold", absent=("Afbud:", "after"), footer="side",
        case_lines="kle", appendix_break=False),
}


# --------------------------------------------------------------------------- docx helpers
def _field(paragraph: Paragraph, instr: str, cached: str) -> None:
    """A complex Word field (begin, instruction, separate, cached result, end) in one run set."""
    _fld_char(paragraph, "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run._r.append(text)
    _fld_char(paragraph, "separate")
    paragraph.add_run(cached)
    _fld_char(paragraph, "end")


def _fld_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _widths(table: Table, widths: list[int]) -> None:
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
        for cell in col.cells:
            cell.width = w


def _para(container: DocxDocument, text: str = "", *, bold: bool = False,
          size: float | None = None, align: int | None = None,
          style: str | None = None, after: float | None = None) -> Paragraph:
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _cell_text(cell: object, lines: list[str], *, bold: bool = False, size: float | None = None,
               align: int | None = None) -> None:
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        first = False
        run = p.add_run(line)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        p.paragraph_format.space_after = Pt(0)


# --------------------------------------------------------------------------- the document
def _setup(d: DocxDocument, doc: Doc, st: Style) -> None:
    normal = d.styles["Normal"]
    normal.font.name = st.font
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), st.font)
    normal.font.size = Pt(st.size)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", st.size + 3), ("Heading 2", st.size + 1)):
        h = d.styles[name]
        h.font.name = st.font
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.italic = False
        h.font.color.rgb = RGBColor(0, 0, 0)
        h.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    props = d.core_properties
    props.title = f"Referat - {doc.committee} - {doc.date}"
    props.author = doc.municipality
    props.created = props.modified = datetime.fromisoformat(doc.date + "T12:00:00")
    props.last_modified_by = doc.municipality
    props.revision = 1


def _headers_footers(d: DocxDocument, doc: Doc, st: Style) -> None:
    sec = d.sections[0]
    first_differs = st.letterhead == "first-header" or bool(doc.running_header)
    sec.different_first_page_header_footer = first_differs
    footers = [sec.footer] + ([sec.first_page_footer] if first_differs else [])
    for footer in footers:
        p = footer.paragraphs[0]
        if st.footer == "side-af":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run("Side ")
            _field(p, "PAGE", "1")
            p.add_run(" af ")
            _field(p, "NUMPAGES", "1")
        elif st.footer == "side":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run("Side ")
            _field(p, "PAGE", "1")
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _field(p, "PAGE", "1")
    if doc.running_header:
        p = sec.header.paragraphs[0]
        p.add_run(f"{doc.municipality}\t\t{doc.running_header}").font.size = Pt(8)
    if st.letterhead == "first-header":
        head = sec.first_page_header
        name, *address = doc.letterhead
        p = head.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(name)
        run.bold, run.font.size = True, Pt(16)
        for line in address:
            q = head.add_paragraph()
            q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            q.paragraph_format.space_after = Pt(0)
            q.add_run(line).font.size = Pt(8)


def _letterhead(d: DocxDocument, doc: Doc, st: Style) -> None:
    if st.letterhead == "body":
        _para(d, doc.letterhead[0], bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
        for line in doc.letterhead[1:]:
            _para(d, line, size=8, align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    elif st.letterhead == "table":
        t = d.add_table(rows=1, cols=2)
        _no_borders(t)
        _widths(t, [Cm(9.0), Cm(7.0)])
        _cell_text(t.cell(0, 0), [doc.letterhead[0]], bold=True, size=18)
        _cell_text(t.cell(0, 1), doc.letterhead[1:], size=8, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _para(d, after=12)
    sizes = [22, 15]
    for line, size in zip(doc.title, sizes, strict=False):
        _para(d, line, bold=True, size=size, after=4)
    _para(d, after=6)


def _header_table(d: DocxDocument, doc: Doc, st: Style) -> None:
    t = d.add_table(rows=len(doc.header), cols=2)
    _no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    _widths(t, [st.label_width, TEXT_WIDTH - st.label_width])
    for row, (label, value) in zip(t.rows, doc.header, strict=True):
        _cell_text(row.cells[0], [label], bold=True)
        _cell_text(row.cells[1], [value])
    _para(d, after=6)


def toc_entries(doc: Doc, st: Style) -> list[str]:
    """The TOC's entry texts, in the document's order (items, then the appendix pages)."""
    heads = [st.closed_heading(it) if it.closed else st.item_heading(it) for it in doc.items]
    return heads + doc.appendix


def _toc(d: DocxDocument, doc: Doc, st: Style, pages: dict[str, int]) -> None:
    if st.toc == "side":
        p = _para(d, "Indholdsfortegnelse", bold=True, size=14, after=2)
        p.paragraph_format.page_break_before = True
        side = _para(d, "Side", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=4)
        side.paragraph_format.keep_with_next = True
    else:
        _para(d, "Indholdsfortegnelse", bold=True, size=13 if st.toc == "dots" else 12, after=6)
    entries = toc_entries(doc, st)
    for n, entry in enumerate(entries):
        p = d.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_after = Pt(2)
        page = str(pages.get(entry, 0))
        if st.toc == "simple":  # Word's "Simple" layout: the page number follows the title
            text = f"{entry} {page}"
        else:
            number, _, title = entry.partition(". ")
            text = f"{number}.\t{title}\t{page}" if title else f"\t{entry}\t{page}"
            fmt.left_indent, fmt.first_line_indent = Cm(1.2), Cm(-1.2)
            fmt.tab_stops.add_tab_stop(Cm(1.2))
            leader = WD_TAB_LEADER.DOTS if st.toc == "dots" else WD_TAB_LEADER.SPACES
            fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, leader)
        if n == 0:
            _fld_char(p, "begin")
            run = p.add_run()
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-1" \\h \\z \\u '
            run._r.append(instr)
            _fld_char(p, "separate")
        p.add_run(text)
        if n == len(entries) - 1:
            _fld_char(p, "end")


def _case_lines(d: DocxDocument, it: Item, st: Style) -> None:
    if st.case_lines == "labels" and it.case_number:
        _para(d, f"Sagsnr.: {it.case_number}    J.nr.: {it.journal_number}", after=8)
    elif st.case_lines == "kle" and it.case_number:
        _para(d, f"{'Lukket' if it.closed else 'Åbent'} - {it.journal_number} - "
                 f"{it.case_number}", size=st.size - 1, after=8)
    elif st.case_lines == "acadre":
        t = d.add_table(rows=1, cols=4)
        _no_borders(t)
        _widths(t, [Cm(3.2), Cm(4.0), Cm(3.8), Cm(5.0)])
        cells = [f"Dok.nr.: {it.document_number}", f"Sagsid.: {it.case_number}",
                 f"Initialer: {it.initials}", "Lukket sag" if it.closed else "Åben sag"]
        for cell, text in zip(t.rows[0].cells, cells, strict=True):
            _cell_text(cell, [text], size=st.size - 1)
        _para(d, after=4)


def _section(d: DocxDocument, s: Section, st: Style, absent: str | None) -> None:
    if st.section_heading_style == "bold":
        p = _para(d, s.heading, bold=True, after=2)
        p.paragraph_format.space_before = Pt(8)
        p.paragraph_format.keep_with_next = True
    else:
        d.add_paragraph(s.heading, style=st.section_heading_style)
    label, where = st.absent
    if absent and where == "before":
        _para(d, f"{label} {absent}")
    for text in s.paras:
        _para(d, text)
    for text in s.bullets:
        _para(d, text, style="List Bullet", after=2)
    if s.table:
        t = d.add_table(rows=len(s.table), cols=len(s.table[0]))
        t.style = d.styles["Table Grid"]
        first = Cm(5.0)
        rest = (TEXT_WIDTH - first) // (len(s.table[0]) - 1)
        _widths(t, [first] + [rest] * (len(s.table[0]) - 1))
        for r, row in enumerate(s.table):
            for c, value in enumerate(row):
                align = WD_ALIGN_PARAGRAPH.RIGHT if c else None
                _cell_text(t.cell(r, c), [value], bold=r == 0, size=st.size - 1, align=align)
        _para(d, after=2)
    for text in s.after:
        _para(d, text)
    if absent and where == "after":
        _para(d, f"{label} {absent}")


def _item(d: DocxDocument, it: Item, st: Style, first: bool) -> None:
    head = st.closed_heading(it) if it.closed else st.item_heading(it)
    h = d.add_paragraph(head, style="Heading 1")
    if st.item_on_new_page or first:
        h.paragraph_format.page_break_before = True
    _case_lines(d, it, st)
    decisions = [s for s in it.sections if s.kind == "decision"]
    for s in it.sections:
        _section(d, s, st, it.absent if decisions and s is decisions[-1] else None)


def _appendix(d: DocxDocument, doc: Doc, st: Style) -> None:
    for title in doc.appendix:
        p = _para(d, title, bold=True, size=st.size + 3, after=12)
        p.paragraph_format.page_break_before = st.appendix_break
        if not st.appendix_break:
            p.paragraph_format.space_before = Pt(24)
        if title == "Bilagsliste":
            for it in doc.items:
                bilag = [b for s in it.sections if s.kind == "attachments" for b in s.bullets]
                if bilag:
                    _para(d, st.item_heading(it), bold=True, after=2)
                    for n, b in enumerate(bilag, 1):
                        _para(d, f"{n}. {b}", after=2)
            continue
        _para(d, "Referatet er godkendt og underskrevet af:", after=24)
        names = doc.signatures
        rows = (len(names) + 1) // 2
        t = d.add_table(rows=rows, cols=2)
        _no_borders(t)
        _widths(t, [TEXT_WIDTH // 2, TEXT_WIDTH // 2])
        for n, name in enumerate(names):
            _cell_text(t.cell(n // 2, n % 2), ["", "", "_____________________________", name])


def build_docx(doc: Doc, st: Style, pages: dict[str, int], path: Path) -> None:
    d = docx.Document()
    _setup(d, doc, st)
    _headers_footers(d, doc, st)
    _letterhead(d, doc, st)
    _header_table(d, doc, st)
    _toc(d, doc, st, pages)
    for n, it in enumerate(doc.items):
        _item(d, it, st, n == 0)
    _appendix(d, doc, st)
    d.save(str(path))


# --------------------------------------------------------------------------- export and pages
def export_pdf(docx_path: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)],
            check=True, capture_output=True, timeout=300)
    return docx_path.with_suffix(".pdf")


def find_pages(pdf_path: Path, entries: list[str]) -> dict[str, int]:
    """The page each TOC entry's heading is printed on: its first occurrence after the page
    with the table of contents (a heading may wrap, so its first 40 characters suffice)."""
    found: dict[str, int] = {}
    toc_page = None
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            lines = [" ".join(x.split()) for x in (page.extract_text() or "").splitlines()]
            if toc_page is None:
                toc_page = number if "Indholdsfortegnelse" in lines else None
                continue
            for entry in entries:
                want = " ".join(entry.split())
                if entry not in found and any(
                        line == want or (len(want) > 40 and line.startswith(want[:40]))
                        for line in lines):
                    found[entry] = number
    return found


def build(doc: Doc) -> None:
    st = STYLES[doc.name]
    if (st.absent[1] == "before") != bool(doc.absent_before):
        raise SystemExit(f"{doc.name}: the style and the data disagree on the absence line")
    entries = toc_entries(doc, st)
    path = HERE / f"{doc.name}.docx"
    pages: dict[str, int] = {}
    for _ in range(4):  # the TOC's page numbers come from the previous export
        build_docx(doc, st, pages, path)
        pdf = export_pdf(path)
        found = find_pages(pdf, entries)
        missing = [e for e in entries if e not in found]
        if missing:
            raise SystemExit(f"{doc.name}: headings not found in the PDF: {missing}")
        if found == pages:
            break
        pages = found
    else:
        raise SystemExit(f"{doc.name}: the TOC's page numbers do not settle")
    (HERE / f"{doc.name}.truth.json").write_text(
        json.dumps(truth(doc), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{doc.name}: {len(doc.items)} items, pages {sorted(set(pages.values()))}")


def main(names: list[str]) -> None:
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    for doc in DOCS:
        if not names or doc.name in names:
            build(doc)


if __name__ == "__main__":
    main(sys.argv[1:])
