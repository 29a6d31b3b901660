"""Typeset each text/Markdown sample as a municipal PDF, the way publishing systems do.

    .venv/bin/python tests/samples/pdf/build.py        # writes tests/samples/pdf/generated/*.pdf

The structure comes from the source itself, read through referat's own reader and parsers
(header lines, the table of contents, where each item starts, section headings, tables, lists);
nothing here knows a sample's words. Each PDF has a front page (title, Mødedato, Mødested, ...),
an Indholdsfortegnelse with dot leaders and real page numbers, each item on a new page under a
bold heading, bold section headings, a running header with a rule and a "Side N af M" footer,
ruled tables, bullet and numbered lists, words hyphenated at line ends and paragraphs that run
over a page break. Needs fpdf2 and the DejaVu fonts (fonts-dejavu-core); the generated PDFs are
committed, so the tests need neither.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex
from fpdf import FPDF

from referat import parse
from referat.blocks import Block
from referat.parsers.items import find_item_starts
from referat.parsers.toc import parse_toc
from referat.readers import detect_format, read
from referat.vocabulary import Vocabulary

HERE = Path(__file__).parent
SAMPLES = HERE.parent
OUT = HERE / "generated"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 62.0, 56.0, 72.0, 64.0
WIDTH = PAGE_W - LEFT - RIGHT
BODY, SECTION, ITEM, TITLE = 10.0, 11.5, 14.0, 20.0
_NUMBERED = regex.compile(r"^(\d{1,2}[.)]|[a-z][.)])\s+(\S.*)$")
_LEADERS = regex.compile(r"[\s.…_]*\t?\s*\d*\s*$")
_NO_SPLIT_REST = {"og", "eller", "samt", "til", "som"}


@dataclass
class Stats:
    hyphenated: int = 0
    page_breaks_in_paragraph: int = 0
    item_pages: list[int] = field(default_factory=list)


class MinutesPDF(FPDF):
    def __init__(self, running_header: str, total_pages: int) -> None:
        super().__init__(unit="pt", format="A4")
        self.running_header = running_header
        self.total_pages = total_pages
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, BOTTOM)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("DejaVu", "", 8)
        self.text(LEFT, 40, self.running_header)
        self.set_line_width(0.5)
        self.line(LEFT, 46, PAGE_W - RIGHT, 46)

    def footer(self) -> None:
        self.set_font("DejaVu", "", 8)
        label = f"Side {self.page_no()} af {self.total_pages}"
        self.text(PAGE_W - RIGHT - self.get_string_width(f"Side {self.page_no()} af 99"),
                  PAGE_H - 30, label)


class Typesetter:
    def __init__(self, pdf: MinutesPDF) -> None:
        self.pdf = pdf
        self.y = TOP
        self.stats = Stats()

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = TOP

    def space(self, pts: float) -> None:
        self.y += pts

    def _wrap(self, words: list[str], width: float, hyphenate: bool) -> list[str]:
        pdf = self.pdf
        lines: list[str] = []
        cur = ""
        queue = list(words)
        while queue:
            w = queue.pop(0)
            trial = f"{cur} {w}" if cur else w
            if pdf.get_string_width(trial) <= width:
                cur = trial
                continue
            if hyphenate and cur and regex.fullmatch(r"\p{Ll}{10,}[.,]?", w):
                core = w.rstrip(".,")
                for k in range(len(core) - 4, 3, -1):
                    head, rest = core[:k], w[k:]
                    if rest.rstrip(".,") in _NO_SPLIT_REST:
                        continue
                    if pdf.get_string_width(f"{cur} {head}-") <= width:
                        lines.append(f"{cur} {head}-")
                        self.stats.hyphenated += 1
                        cur = ""
                        queue.insert(0, rest)
                        break
                else:
                    lines.append(cur)
                    cur = w
                continue
            if cur:
                lines.append(cur)
            cur = w
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, text: str, *, size: float = BODY, bold: bool = False, indent: float = 0,
                  marker: str = "", after: float = 5.0, hyphenate: bool = True,
                  keep_with_next: float = 0.0) -> None:
        pdf = self.pdf
        pdf.set_font("DejaVu", "B" if bold else "", size)
        lh = size * 1.25
        lines = self._wrap(text.split(), WIDTH - indent, hyphenate and not bold)
        if self.y + lh * min(len(lines), 2) + keep_with_next > PAGE_H - BOTTOM:
            self.new_page()
        for k, line in enumerate(lines):
            if self.y + lh > PAGE_H - BOTTOM:
                self.new_page()
                if k:
                    self.stats.page_breaks_in_paragraph += 1
            pdf.set_font("DejaVu", "B" if bold else "", size)
            if k == 0 and marker:
                pdf.text(LEFT + indent - 14, self.y + size, marker)
            pdf.text(LEFT + indent, self.y + size, line)
            self.y += lh
        self.y += after

    def table(self, rows: list[tuple[str, ...]]) -> None:
        pdf = self.pdf
        ncols = max(len(r) for r in rows)
        if self.y + 60 > PAGE_H - BOTTOM:
            self.new_page()
        pdf.set_font("DejaVu", "", 9)
        pdf.set_y(self.y)
        widths = [1.0] + [2.0] * (ncols - 1) if ncols > 1 else [1.0]
        with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=False,
                       line_height=11, width=WIDTH) as table:
            for r in rows:
                row = table.row()
                for c in list(r) + [""] * (ncols - len(r)):
                    row.cell(c)
        self.y = pdf.get_y() + 8


def _entry_title(b: Block) -> str:
    raw = b.cells[0] if b.cells else b.text
    return _LEADERS.sub("", raw).strip()


def typeset(src: Path, item_pages: list[int] | None,
            total_pages: int = 99) -> tuple[MinutesPDF, Stats]:
    vocab = Vocabulary.default()
    text = src.read_text(encoding="utf-8")
    blocks = [b for b in read(text, detect_format(text)).blocks if b.text.strip()]
    meeting = parse(src)
    t = next(i for i, b in enumerate(blocks) if vocab.is_toc_heading(b.text))
    toc, body_start = parse_toc(blocks, t + 1, vocab)
    starts = find_item_starts(blocks, body_start, vocab, toc)
    committee = meeting.committee or (meeting.title or "")
    when = meeting.date.strftime("%d-%m-%Y") if meeting.date else ""
    pdf = MinutesPDF(f"{committee}, {when}".strip(", "), total_pages)
    ts = Typesetter(pdf)

    ts.new_page()  # front page
    ts.space(60)
    ts.paragraph(blocks[0].text, size=TITLE, bold=True, after=30)
    for b in blocks[1:t]:
        ts.paragraph(b.text, size=11, after=10)

    ts.new_page()  # table of contents
    ts.paragraph(blocks[t].text, size=16, bold=True, after=12)
    pdf.set_font("DejaVu", "", BODY)
    for k, b in enumerate(blocks[t + 1: body_start]):
        title = _entry_title(b)
        page = str(item_pages[k]) if item_pages and k < len(item_pages) else "99"
        room = WIDTH - pdf.get_string_width(f" {page}") - 4
        while pdf.get_string_width(title) > room - 20:
            title = title[:-1]
        dots = "." * int((room - pdf.get_string_width(title)) / pdf.get_string_width("."))
        pdf.text(LEFT, ts.y + BODY, f"{title}{dots} {page}")
        ts.space(BODY * 1.6)
    for b in blocks[body_start: starts[0].index]:
        ts.paragraph(b.text)

    for k, c in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(blocks)
        ts.new_page()
        ts.stats.item_pages.append(pdf.page_no())
        ts.paragraph(blocks[c.index].text, size=ITEM, bold=True, after=10)
        body = blocks[c.index + 1: end]
        i = 0
        while i < len(body):
            b = body[i]
            if b.kind == "table_row":
                j = i
                while j < len(body) and body[j].kind == "table_row" and \
                        body[j].table == b.table:
                    j += 1
                ts.table([r.cells for r in body[i:j]])
                i = j
                continue
            head = b.kind == "heading" or b.bold or \
                vocab.section_kind(b.text, fuzzy=False) is not None
            num = _NUMBERED.match(b.text)
            if head and len(b.text) < 120:
                ts.space(4)
                ts.paragraph(b.text, size=SECTION, bold=True, after=4, keep_with_next=24)
            elif b.kind == "list_item":
                last = i + 1 >= len(body) or body[i + 1].kind != "list_item"
                ts.paragraph(b.text, indent=18, marker="•", after=5 if last else 2)
            elif num:
                ts.paragraph(b.text, indent=18, after=3)
            else:
                ts.paragraph(b.text)
            i += 1
    return pdf, ts.stats


def build(src: Path) -> Stats:
    draft, first = typeset(src, None)
    pdf, stats = typeset(src, first.item_pages, draft.pages_count)
    if stats.item_pages != first.item_pages:
        raise SystemExit(f"{src.name}: page numbers moved between passes")
    OUT.mkdir(exist_ok=True)
    out = OUT / f"{src.stem}.pdf"
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))  # reproducible
    pdf.output(str(out))
    print(f"{out.relative_to(SAMPLES.parent.parent)}: {pdf.pages_count} pages, "
          f"{stats.hyphenated} hyphenated words, "
          f"{stats.page_breaks_in_paragraph} paragraphs over a page break")
    return stats


def main(argv: list[str]) -> None:
    sources = [Path(a) for a in argv] or sorted(
        p for p in SAMPLES.glob("kalundborg-*") if p.suffix in (".txt", ".md"))
    stats = [build(src) for src in sources]
    if not any(s.hyphenated for s in stats) or not any(s.page_breaks_in_paragraph for s in stats):
        raise SystemExit("the samples need a hyphenated word and a paragraph over a page break")


if __name__ == "__main__":
    main(sys.argv[1:])
