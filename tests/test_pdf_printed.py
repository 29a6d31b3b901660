"""Web pages printed to PDF by a browser (issue 10, family 10): a meeting page printed as a
table whose first column holds the item number (centred in its row) and whose last column holds
buttons, the browser's header and footer on a single page, and layouts that must stay as they
are. PDFs built here with fpdf2's core fonts."""

from __future__ import annotations

import pytest
from fpdf import FPDF

import referat
from referat.readers import pdf as pdf_reader
from referat.readers.pdf import read_pdf

ROWS = [
    ("Godkendelse af dagsorden", "EMN-2025-000101", ["Godkendt."]),
    ("Lokalplan for et nyt boligområde ved skoven",
     "EMN-2025-000102", ["Udvalget godkendte indstillingen.", "Et mindretal tog forbehold.",
                         "Sagen sendes videre til byrådet.",
                         "Der blev ikke stemt om sagen, og udvalget bad om en ny redegørelse."]),
    ("Eventuelt", "EMN-2025-000103", ["Intet."]),
]


def _printed_table(tight: bool = False) -> bytes:
    """Rows of a meeting page as a browser prints them: number (centred in its row) | heading,
    case number, decision | a count and the buttons 'Hent som PDF' and 'Kopier link'.
    ``tight``: an unstyled table, its cells some 3 pt apart and the number at the top of
    its row."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.text(12, 20, "Referat 1. oktober 2025 kl. 15.45")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(12, 30, "Udvalg: Teknisk Udvalg")
    pdf.text(12, 35, "Mødedato: onsdag den 1. oktober 2025")
    text_x = 17.0 if tight else 30.0
    side_x = 182.0  # tight: right after the longest line of the middle column
    if tight:
        side_x = text_x + max(pdf.get_string_width(line) for _, _, d in ROWS for line in d) + 1.2
    y = 48.0
    for n, (title, ref, decision) in enumerate(ROWS, start=1):
        top = y
        pdf.set_font("Helvetica", "B", 15)
        pdf.text(text_x, y, title)
        pdf.set_font("Helvetica", "", 11)
        pdf.text(text_x, y + 7, ref)
        pdf.set_font("Helvetica", "B", 13)
        pdf.text(text_x, y + 16, "Beslutning")
        pdf.set_font("Helvetica", "", 11)
        y += 23
        for line in decision:
            pdf.text(text_x, y, line)
            y += 5
        pdf.set_font("Helvetica", "", 11)
        # the count of files on the row's button, then the buttons as an indented list
        pdf.text(side_x if tight else side_x - 14, top + 4, str(n + 1))
        for k, word in enumerate(("Hent", "som", "PDF", "Kopier", "link")):
            pdf.text(side_x + 8 if tight else side_x, top + 10 + 5 * k, word)
        pdf.text(14, top - 1 if tight else (top + y) / 2, str(n))  # the number cell
        y = max(y, top + 36) + 8
    return bytes(pdf.output())


@pytest.mark.parametrize("tight", [False, True])
def test_printed_table_rows_give_numbered_headings_and_chrome_apart(tight: bool) -> None:
    doc = read_pdf(_printed_table(tight), name="print.pdf")
    body = [b.text for b in doc.body]
    for n, (title, ref, _) in enumerate(ROWS, start=1):
        assert f"{n} {title}" in body
        assert ref in body  # not glued to a button word beside it
    assert body.count("Hent som PDF Kopier link") == 3
    furniture = [(b.furniture, b.text) for b in doc.blocks if b.layer == "furniture"]
    assert furniture == [("margin_number", str(n + 1)) for n in range(1, 4)]
    assert "Et mindretal tog forbehold." in " ".join(body)


@pytest.mark.parametrize("tight", [False, True])
def test_printed_table_parses_to_its_items(tight: bool) -> None:
    meeting = referat.parse(_printed_table(tight))
    assert [(i.number, i.title) for i in meeting.items] == \
        [(n, title) for n, (title, _, _) in enumerate(ROWS, start=1)]
    assert [i.case_number for i in meeting.items] == [ref for _, ref, _ in ROWS]
    final = [next(d.text for d in i.decisions if d.final) for i in meeting.items]
    assert final == [" ".join(d) if len(d) == 1 else final[1] for _, _, d in ROWS]
    assert final[1].startswith("Udvalget godkendte") and "Hent" not in final[1]


def _ordinary() -> bytes:
    """Layouts that keep their lines: a letterhead with label lines at the right, numbered
    headings whose number hangs in the margin left of the title and of the indented text
    (with a larger heading inside the item before), numbered lists in the margin followed by
    a larger heading."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(20, 20, "Hedeby Kommune")
    for k, line in enumerate(("Dato: 12.03.2023", "Sagsnr.: 23/1234", "Ref.: JHA",
                              "Tlf.: 7070 1234")):
        pdf.text(150, 20 + 5 * k, line)
    numbers: list[tuple[float, str, str]] = []  # set last, as a table's first column may be
    y = 50.0
    for n, title in ((1, "Godkendelse af dagsorden"), (2, "Budget 2024")):
        pdf.set_font("Helvetica", "B", 11)
        numbers.append((y, "B", f"{n}."))
        pdf.text(32, y, title)
        pdf.set_font("Helvetica", "", 11)
        pdf.text(32, y + 7, "Sagsnr.: 23/100" + str(n))
        pdf.text(32, y + 12, "Teksten om sagen står her.")
        pdf.set_font("Helvetica", "B", 14)
        pdf.text(32, y + 21, "Beslutning")
        pdf.set_font("Helvetica", "", 11)
        pdf.text(32, y + 27, "Godkendt.")
        y += 37
    for n, text in enumerate(("Første punkt på listen", "Andet punkt", "Tredje punkt"), 1):
        numbers.append((y, "", f"{n}."))
        pdf.text(32, y, text)
        y += 5
    pdf.set_font("Helvetica", "B", 15)
    pdf.text(32, y + 2, "Indstilling")
    pdf.set_font("Helvetica", "", 11)
    numbers.append((y + 9, "", "1."))
    pdf.text(32, y + 9, "at planen godkendes, og")
    pdf.text(32, y + 14, "at sagen sendes videre.")
    for at, style, number in numbers:
        pdf.set_font("Helvetica", style, 11)
        pdf.text(20, at, number)
    return bytes(pdf.output())


def test_ordinary_layouts_keep_their_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    got = [(b.kind, b.text) for b in read_pdf(_ordinary(), name="letter.pdf").blocks]
    monkeypatch.setattr(pdf_reader, "arrange", lambda *args: None)
    plain = [(b.kind, b.text) for b in read_pdf(_ordinary(), name="letter.pdf").blocks]
    # the letterhead's label lines at the right are a column of their own, one block each
    # (read row by row, the lines below the first were joined into one paragraph with it)
    assert got[:4] == [("para", "Hedeby Kommune Dato: 12.03.2023"), ("para", "Sagsnr.: 23/1234"),
                       ("para", "Ref.: JHA"), ("para", "Tlf.: 7070 1234")]
    assert got[4:] == plain[1:]
    assert ("heading", "Indstilling") in got and ("heading", "Beslutning") in got


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0"


def _one_page(creator: str) -> bytes:
    pdf = FPDF(format="letter", unit="pt")
    pdf.set_creator(creator)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.text(24, 22, "11/30/26, 5:11 PM")
    pdf.text(260, 22, "Teknisk Udvalg - Udvalgsværelse 398")
    pdf.text(24, 774, "https://dagsordener.aarhus.dk/vis/teknisk-udvalg")
    pdf.text(574, 774, "1/1")
    pdf.set_font("Helvetica", "B", 20)
    pdf.text(34, 80, "Referat 1. oktober 2025")
    pdf.set_font("Helvetica", "", 12)
    pdf.text(34, 110, "Udvalg: Teknisk Udvalg")
    pdf.text(34, 126, "1. Godkendelse af dagsorden")
    pdf.text(34, 142, "Beslutning: Godkendt.")
    return bytes(pdf.output())


def test_browser_header_and_footer_are_furniture_on_a_single_page() -> None:
    blocks = read_pdf(_one_page(BROWSER), name="print.pdf").blocks
    assert [(b.furniture, b.text) for b in blocks if b.layer == "furniture"] == [
        ("running_header", "11/30/26, 5:11 PM Teknisk Udvalg - Udvalgsværelse 398"),
        ("running_footer", "https://dagsordener.aarhus.dk/vis/teknisk-udvalg 1/1")]
    assert referat.parse(_one_page(BROWSER)).title == "Referat 1. oktober 2025"
    # the same lines in a PDF that no browser made are not set aside on a single page
    other = read_pdf(_one_page("Microsoft Word"), name="doc.pdf").blocks
    assert all(b.layer == "body" for b in other)

