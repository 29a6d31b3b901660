"""The PDF reader: the generated sample PDFs parse like their text sources (plus pages), and the
layout rules (paragraphs, hyphens, headers/footers, tables, lists) and typed errors hold on tiny
PDFs built here with fpdf2's core fonts (no font files needed)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import regex
from fpdf import FPDF

import referat
from referat.errors import CorruptPDFError, EncryptedPDFError, NoTextLayerError, TooLargeError
from referat.readers.pdf import read_pdf
from referat.readers.pdf_layout import join_lines

SAMPLES = Path(__file__).parent / "samples"
GENERATED = sorted((SAMPLES / "pdf" / "generated").glob("*.pdf"))


def _source(pdf: Path) -> Path:
    return next(p for p in SAMPLES.glob(pdf.stem + ".*") if p.suffix in (".txt", ".md"))


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def _summary(m: referat.models.Meeting) -> dict[str, Any]:
    return {
        "title": m.title, "date": m.date, "location": m.location,
        "participants": [p.model_dump(exclude={"source"}) for p in m.participants],
        "toc": [(e.number, e.title, e.closed) for e in m.toc],
        "items": [{
            "number": i.number, "title": i.title, "closed": i.closed, "case": i.case_number,
            "journal": i.journal_number, "document": i.document_number,
            "sections": [(s.kind, _ws(s.heading), _ws(s.text)) for s in i.sections],
            "decisions": [(d.body, d.date, _ws(d.text), d.final, d.points) for d in i.decisions],
            "recommendations": [_ws(r) for r in i.recommendations],
            "attachments": [a.model_dump(exclude={"source"}) for a in i.attachments],
            "tables": [[[_ws(c) for c in row] for row in t.rows] for t in i.tables],
        } for i in m.items],
    }


@pytest.fixture(scope="module", params=GENERATED, ids=lambda p: p.name)
def pair(request: pytest.FixtureRequest) -> tuple[referat.models.Meeting, referat.models.Meeting]:
    pdf: Path = request.param
    return referat.parse(_source(pdf)), referat.parse(pdf)


def test_generated_pdfs_exist() -> None:
    assert len(GENERATED) >= 2


def test_pdf_parses_like_its_source(pair: tuple[Any, Any]) -> None:
    src, pdf = pair
    assert pdf.source.format == "pdf"
    assert _summary(pdf) == _summary(src)
    assert [i.code for i in pdf.issues] == [i.code for i in src.issues]


def test_pages_are_the_only_addition(pair: tuple[Any, Any]) -> None:
    _, pdf = pair
    assert pdf.source.pages and pdf.source.pages > 2
    starts = {e.title: e.page for e in pdf.toc}
    for item in pdf.items:
        assert item.pages, item.title
        # the TOC's page numbers were typeset from where the items really start
        toc_page = next(p for t, p in starts.items() if t == item.title)
        assert item.pages[0] == toc_page
        for s in item.sections:
            assert s.pages and set(s.pages) <= set(item.pages)
        for d in item.decisions:
            assert d.pages
        for t in item.tables:
            assert t.pages


def test_running_header_and_footer_set_aside_as_furniture() -> None:
    for path in GENERATED:
        doc = read_pdf(path.read_bytes(), name=path.name)
        texts = [b.text for b in doc.body]
        assert not [t for t in texts if regex.search(r"\bSide \d+ af \d+\b", t)]
        header = referat.parse(_source(path))
        stamp = header.date.strftime("%d-%m-%Y") if header.date else "@@"
        assert not [t for t in texts if t.endswith(f", {stamp}")]
        furniture = {(b.page, b.furniture, b.text) for b in doc.furniture}
        assert doc.pages
        for page in range(2, doc.pages + 1):  # the front page has no running header
            assert (page, "page_number", f"Side {page} af {doc.pages}") in furniture
            assert any(p == page and kind == "running_header" and text.endswith(stamp)
                       for p, kind, text in furniture)
        for b in doc.furniture:
            assert b.bbox and b.page and (b.bbox[1] < 80 or b.bbox[3] > 760), b


def test_every_block_has_page_and_box_on_the_page() -> None:
    for path in [*GENERATED, SAMPLES / "pdf" / "aarhus-byraad-2025-08-27.pdf"]:
        doc = read_pdf(path.read_bytes(), name=path.name)
        for b in doc.blocks:
            assert b.page and b.bbox, b
            x0, top, x1, bottom = b.bbox
            assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 842, b


def test_hyphenated_words_joined_in_generated_pdfs() -> None:
    for path in GENERATED:
        text = " ".join(b.text for b in read_pdf(path.read_bytes()).body)
        assert not regex.search(r"\p{Ll}- \p{Ll}{3,}", text.replace("- og ", "").replace(
            "- eller ", ""))


def test_join_lines_rules() -> None:
    assert join_lines("for kommu-", "nen i dag") == "for kommunen i dag"
    assert join_lines("Børne-", "og Ungeudvalget") == "Børne- og Ungeudvalget"
    assert join_lines("perioden 2019-", "2021") == "perioden 2019-2021"
    assert join_lines("ledige p-", "huse") == "ledige p-huse"
    assert join_lines("nye EU-", "borgere") == "nye EU-borgere"
    assert join_lines("ny 2030-", "fremskrivning") == "ny 2030-fremskrivning"
    assert join_lines("Aarhus Ø –", "etape 1") == "Aarhus Ø – etape 1"
    assert join_lines("blød\u00ad", "bindestreg") == "blødbindestreg"
    # a browser never hyphenates by itself: a hyphen at a line end is the word's own
    assert join_lines("om to-", "voksentimer", hyphenates=False) == "om to-voksentimer"
    assert join_lines("Børne-", "og Unge", hyphenates=False) == "Børne- og Unge"


# --- tiny PDFs -------------------------------------------------------------------------------

def _pdf(pages: list[list[tuple[str, str, float]]], *, width: float = 170, header: str = "",
         table: list[list[str]] | None = None) -> bytes:
    """Each page is a list of (style, text, size) paragraphs set in a column ``width`` mm wide."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # bullets and dashes in the core fonts
    pdf.set_auto_page_break(False)
    for n, paras in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", "", 8)
            pdf.text(20, 12, header)
            pdf.text(170, 287, f"Side {n} af {len(pages)}")
        pdf.set_xy(20, 25)
        for style, text, size in paras:
            pdf.set_font("Helvetica", style, size)
            pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_x(20)
            pdf.ln(3)
        if table and n == len(pages):
            pdf.set_font("Helvetica", "", 10)
            with pdf.table(width=120, col_widths=(1, 2)) as t:
                for row in table:
                    r = t.row()
                    for cell in row:
                        r.cell(cell)
    return bytes(pdf.output())


def _blocks(data: bytes) -> list[tuple[str, str, int | None, bool]]:
    return [(b.kind, b.text, b.page, b.bold) for b in read_pdf(data, name="t.pdf").body]


def test_paragraphs_headings_bold_and_lists() -> None:
    long = ("Kommunalbestyrelsen besluttede at igangsætte arbejdet med en ny politik for "
            "området, og forvaltningen udarbejder et oplæg til næste møde.")
    data = _pdf([[("B", "Punkt 1: Godkendelse af dagsorden", 16), ("B", "Beslutning", 11),
                  ("", long, 11), ("", "Kort linje.", 11),
                  ("", "• Første punkt på listen", 11), ("", "• Andet punkt", 11),
                  ("", "1. Taget til efterretning.", 11), ("", "2. Godkendt.", 11)]])
    got = _blocks(data)
    assert got[0] == ("heading", "Punkt 1: Godkendelse af dagsorden", 1, True)
    assert got[1] == ("para", "Beslutning", 1, True)
    assert got[2] == ("para", long, 1, False)
    assert got[3] == ("para", "Kort linje.", 1, False)
    assert got[4][:2] == ("list_item", "Første punkt på listen")
    assert got[5][:2] == ("list_item", "Andet punkt")
    assert got[6][:2] == ("para", "1. Taget til efterretning.")
    assert got[7][:2] == ("para", "2. Godkendt.")


def test_bold_run_inside_paragraph_is_not_a_heading() -> None:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(170, 6, "Udvalget **godkendte** indstillingen uden bemærkninger.",
                   markdown=True)
    (kind, text, _, bold), = _blocks(bytes(pdf.output()))
    assert (kind, text, bold) == ("para", "Udvalget godkendte indstillingen uden bemærkninger.",
                                  False)


class _Minutes(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.text(20, 12, "Integrationsudvalget, 22-08-2022")

    def footer(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.text(170, 287, f"Side {self.page_no()} af {{nb}}")


def test_paragraph_continues_over_page_break_and_chrome_removed() -> None:
    sentence = "Udvalget drøftede sagen{} og forvaltningen følger op på de rejste spørgsmål."
    paras = [" ".join(sentence.format(f" (del {k}.{j})") for j in range(6)) for k in range(20)]
    pdf = _Minutes(format="A4")
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text in paras:
        pdf.multi_cell(170, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    doc = read_pdf(bytes(pdf.output()))
    assert doc.pages == 3
    assert [b.text for b in doc.body] == paras
    assert {b.page for b in doc.body} == {1, 2, 3}
    assert [(b.furniture, b.text) for b in doc.furniture if b.page == 2] == [
        ("running_header", "Integrationsudvalget, 22-08-2022"),
        ("running_footer", "Side 2 af {nb}")]  # fpdf2 leaves the alias in text()


def test_ruled_table_rows_not_loose_text() -> None:
    rows = [["Måned", "Aktivitet"], ["August", "Høring af udkast"], ["September", "Vedtagelse"]]
    data = _pdf([[("", "Tidsplan:", 11)]], table=rows)
    doc = read_pdf(data)
    table = [b for b in doc.blocks if b.kind == "table_row"]
    assert [list(b.cells) for b in table] == rows
    assert len({b.table for b in table}) == 1 and table[0].table
    assert [b.text for b in doc.blocks if b.kind != "table_row"] == ["Tidsplan:"]
    tops = [b.bbox[1] for b in table if b.bbox]
    assert len(tops) == 3 and tops == sorted(tops)


def test_danish_letters_and_nbsp() -> None:
    data = _pdf([[("", "Ærø Åbenrå Øster\xa0Hurup – blåbærgrød", 11)]])
    assert _blocks(data)[0][1] == "Ærø Åbenrå Øster Hurup – blåbærgrød"


# --- typed errors ----------------------------------------------------------------------------

def _one_page() -> bytes:
    return _pdf([[("", "Referat af mødet.", 11)]])


def test_not_a_pdf() -> None:
    with pytest.raises(CorruptPDFError, match="not a PDF"):
        referat.parse(b"Hello, this is not a PDF at all", format="pdf")


def test_truncated_pdf() -> None:
    data = GENERATED[0].read_bytes()
    with pytest.raises(CorruptPDFError, match="truncated"):
        referat.parse(data[: len(data) // 2])
    # a linearized file holds an early end-of-file marker; its stated length gives it away
    real = (SAMPLES / "pdf" / "aarhus-byraad-2025-08-27.pdf").read_bytes()
    with pytest.raises(CorruptPDFError, match="truncated"):
        referat.parse(real[:200_000] + b"\n%%EOF\n")


def test_corrupt_pdf() -> None:
    with pytest.raises(CorruptPDFError):
        referat.parse(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")


def _encrypted(user: str) -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="ejer", user_password=user)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 10, "Referat af mødet.")
    return bytes(pdf.output())


def test_password_protected_pdf() -> None:
    with pytest.raises(EncryptedPDFError, match="password"):
        referat.parse(_encrypted("hemmelig"))


def test_empty_user_password_opens() -> None:
    doc = read_pdf(_encrypted(""))
    assert [b.text for b in doc.body] == ["Referat af mødet."]


def test_image_only_pdf_needs_ocr() -> None:
    from PIL import Image

    img = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(img, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=100)
    with pytest.raises(NoTextLayerError, match="OCR"):
        referat.parse(bytes(pdf.output()))


def test_too_many_pages_refused_before_reading() -> None:
    data = _pdf([[("", "Side et.", 11)], [("", "Side to.", 11)], [("", "Side tre.", 11)]])
    with pytest.raises(TooLargeError, match="max_pages"):
        read_pdf(data, name="t.pdf", max_pages=2)
    assert read_pdf(data, max_pages=3).pages == 3


def test_not_minutes_yields_no_items_issue() -> None:
    m = referat.parse(_one_page())
    assert m.items == [] and "no_items" in {i.code for i in m.issues}


def test_scanned_pages_with_stamped_page_numbers_need_ocr() -> None:
    from PIL import Image

    img = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(img, format="PNG")
    pdf = FPDF()
    for n in (1, 2, 3):
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=180)
        pdf.set_font("Helvetica", "", 8)
        pdf.text(170, 287, f"Side {n} af 3")
    with pytest.raises(NoTextLayerError, match="scanned"):
        read_pdf(bytes(pdf.output()))


def test_sideways_margin_text_ignored_and_toc_page_kept_apart() -> None:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.text(20, 30, "Godkendelse af dagsorden")
    pdf.text(185, 30, "3")  # a page number set far right, no leaders
    pdf.text(20, 40, "Referat af mødet.")
    with pdf.rotation(90, x=200, y=200):
        pdf.text(200, 200, "Dok.nr. 123-2024 udskrevet")
    texts = [b.text for b in read_pdf(bytes(pdf.output())).body]
    assert texts == ["Godkendelse af dagsorden\t3", "Referat af mødet."]


def test_overprinted_fake_bold_read_once() -> None:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for dx in (0, 0.2):  # the heading drawn twice, a hair apart, as some systems fake bold
        pdf.text(20 + dx, 30, "Beslutning")
    pdf.text(20, 40, "Godkendt.")
    assert [b.text for b in read_pdf(bytes(pdf.output())).body] == ["Beslutning", "Godkendt."]


def test_running_header_with_changing_title_and_page_number() -> None:
    pdf = FPDF(format="A4")
    for n in range(1, 6):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.text(20, 12, f"Punkt {1 + n // 3}: Sagens titel nummer {1 + n // 3}   {n + 1}")
        pdf.set_font("Helvetica", "", 11)
        pdf.text(20, 40, f"Afsnit {n}.")
    doc = read_pdf(bytes(pdf.output()))
    assert [b.text for b in doc.body] == [f"Afsnit {n}." for n in range(1, 6)]
    assert {b.furniture for b in doc.furniture} == {"running_header"}


def test_hard_line_break_mid_sentence_joined() -> None:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    lines = ["Motivering: Det er uhensigtsmæssigt, at beslutningen om henvisning af barn til",
             "specialundervisning påvirkes af budgettet.", "Solveig Munk, Enhedslisten",
             "Viggo Jonasen, Uden For Parti."]
    for k, text in enumerate(lines):
        pdf.text(20, 30 + 5 * k, text)
    pdf.text(20, 60, "En lang linje der fylder hele bredden, så højre margen er kendt for siden her.")
    texts = [b.text for b in read_pdf(bytes(pdf.output())).body]
    assert texts[:3] == [f"{lines[0]} {lines[1]}", lines[2], lines[3]]


# --- issue 13 -----------------------------------------------------------------------------------

def _outlined_pdf() -> bytes:
    """Minutes whose text was converted to outlines on export: every glyph a filled path (here
    a stencil alphabet with Bézier bowls), a ruled table frame, no character anywhere."""
    strokes = {  # letter -> rectangles (x, y, w, h) in a 5 x 7 cell
        "R": [(0, 0, 1, 7), (0, 0, 4, 1), (0, 3, 4, 1), (2, 4, 1, 3)],
        "E": [(0, 0, 1, 7), (0, 0, 5, 1), (0, 3, 4, 1), (0, 6, 5, 1)],
        "F": [(0, 0, 1, 7), (0, 0, 5, 1), (0, 3, 4, 1)],
        "A": [(0, 1, 1, 6), (4, 1, 1, 6), (0, 0, 5, 1), (0, 3, 5, 1)],
        "T": [(0, 0, 5, 1), (2, 0, 1, 7)],
    }
    pdf = FPDF(format="A4")
    for _ in range(3):
        pdf.add_page()
        for row in range(8):
            x, y = 20.0, 30.0 + 12 * row
            for ch in "REFERAT FRA ET " * 2:
                for rx, ry, w, h in strokes.get(ch, []):
                    pdf.rect(x + 0.6 * rx, y + 0.6 * ry, 0.6 * w, 0.6 * h, style="F")
                if ch in "RA":  # a round bowl, as outlined fonts draw it
                    with pdf.new_path(x + 2.4, y + 0.6) as path:
                        path.curve_to(x + 3.6, y + 0.6, x + 3.6, y + 2.4, x + 2.4, y + 2.4)
                        path.close()
                x += 4.2
        pdf.set_font("Helvetica", "", 10)
        pdf.set_y(140)
        with pdf.table(width=120) as table:  # the rulings survive the conversion; no text
            for _ in range(3):
                r = table.row()
                r.cell("")
                r.cell("")
    return bytes(pdf.output())


def test_issue_13_outlined_text_is_no_text_layer() -> None:
    """Issue 13, case 9: text drawn as outlines (0 characters on every page) needs OCR; it is
    not a result with no items."""
    data = _outlined_pdf()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    assert all(page.get_textpage().count_chars() == 0 for page in pdf)
    assert sum(1 for page in pdf for _ in page.get_objects()) > 500
    pdf.close()
    with pytest.raises(NoTextLayerError, match="OCR"):
        referat.parse(data)
    with pytest.raises(NoTextLayerError, match="no text"):
        read_pdf(data, name="outlined.pdf")
