"""The HTML reader: markup to blocks, chrome set aside as furniture, on snippets and on the Aarhus
pages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex

import referat
from referat.blocks import Block
from referat.readers import detect_format, read
from referat.readers.html import read_html
from referat.readers.html_source import element_at

HTML = Path(__file__).parent / "samples" / "html"
REFERAT = HTML / "aarhus-teknisk-udvalg-2025-10-01.html"
DAGSORDEN = HTML / "aarhus-byraad-dagsorden.html"
CHROME = ["Tilbage til forsiden", "Hent som PDF", "Kopier link", "Til toppen", "Print"]


def blocks(html: str) -> list[Block]:
    """The body blocks (what parsers read)."""
    return read_html(html).body


def texts(html: str) -> list[str]:
    return [b.text for b in blocks(html)]


@cache
def page(path: Path) -> list[Block]:
    doc = read(path.read_text(encoding="utf-8"), "html")
    assert doc.format == "html"
    return doc.body


def test_headings_keep_level() -> None:
    bs = blocks("<h1>Referat</h1><h3>Beslutning</h3><p>Godkendt.</p>")
    assert [(b.kind, b.level, b.text) for b in bs] == [
        ("heading", 1, "Referat"), ("heading", 3, "Beslutning"), ("para", 0, "Godkendt.")]


def test_bold_only_lines_are_bold() -> None:
    bs = blocks("<p><strong>Beslutning</strong>:</p><p><b>Delvis</b> fed</p>"
                "<div><span style='font-weight: 700'>Bilag</span></div>")
    assert [(b.text, b.bold) for b in bs] == [
        ("Beslutning:", True), ("Delvis fed", False), ("Bilag", True)]


def test_paragraphs_divs_and_br_are_separate_blocks() -> None:
    html = "<div>Direkte tekst<p>Afsnit</p>efter<br>ny linje<br/><br/>sidste</div>"
    assert texts(html) == ["Direkte tekst", "Afsnit", "efter", "ny linje", "sidste"]


def test_inline_elements_join_without_breaks() -> None:
    assert texts("<p>Sag <a href='x'>EMN-2025-1</a>, <i>åben</i>.</p>") == ["Sag EMN-2025-1, åben."]


def test_nested_lists_are_flattened() -> None:
    bs = blocks("<ul><li>Et<ul><li>Under</li></ul></li><li><p>To</p></li></ul>"
                "<ol><li>Tre</li></ol>")
    assert [(b.kind, b.text) for b in bs] == [
        ("list_item", "Et"), ("list_item", "Under"), ("list_item", "To"), ("list_item", "Tre")]


def test_dash_lines_become_list_items() -> None:
    assert [(b.kind, b.text) for b in blocks("<div>- Punkt a</div>")] == [("list_item", "Punkt a")]


def test_data_table_rows_share_a_table_id() -> None:
    html = ("<p>Før</p><table><tr><th>Mødested:</th><td>Rådhuset</td></tr>"
            "<tr><td>Dato:</td><td>1. maj<br>kl. 10</td></tr></table>"
            "<table><tr><td>a</td><td>b</td></tr></table>")
    bs = blocks(html)
    rows = [b for b in bs if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Mødested:", "Rådhuset"), ("Dato:", "1. maj\nkl. 10"),
                                       ("a", "b")]
    assert rows[0].table == rows[1].table != rows[2].table
    assert rows[0].text == "Mødested:\tRådhuset"


def test_layout_tables_do_not_swallow_the_document() -> None:
    html = ("<table><tr><td><table><tr><td>Menu</td></tr></table></td><td>"
            "<h2>1. Godkendelse</h2><p>Tekst</p><table><tr><td>Sagsnr.:</td><td>22-1</td></tr>"
            "</table></td></tr></table>")
    bs = blocks(html)
    assert [(b.kind, b.text) for b in bs] == [
        ("para", "Menu"), ("heading", "1. Godkendelse"), ("para", "Tekst"),
        ("table_row", "Sagsnr.:\t22-1")]


def test_single_column_table_is_layout() -> None:
    assert [b.kind for b in blocks("<table><tr><td>A</td></tr><tr><td>B</td></tr></table>")] == [
        "para", "para"]


def test_number_cell_joins_heading_of_layout_row() -> None:
    html = ("<table><tr><th>Punkt</th><th>Titel</th></tr>"
            "<tr><td><span>7</span></td><td><h2>Budget</h2><div>Tekst</div></td><td></td></tr>"
            "</table>")
    bs = blocks(html)
    assert bs[0].kind == "table_row"
    assert [(b.kind, b.text) for b in bs[1:]] == [("heading", "7 Budget"), ("para", "Tekst")]


def test_chrome_is_furniture_not_content() -> None:
    html = """
      <nav><a href="/">Forside</a></nav><header><p>Kommunens logo</p></header>
      <script>var x = "<p>Nej</p>";</script><style>p {}</style><noscript>Slå JS til</noscript>
      <div id="cookie-banner"><p>Vi bruger cookies</p><button>OK</button></div>
      <div class="modal"><h4>Kopier link</h4></div>
      <form action="/s"><input name="q"><button>Søg</button></form>
      <a href="/">Tilbage til forsiden</a>
      <h1>Referat</h1>
      <ul class="dropdown-menu"><li>Mere</li></ul>
      <p><span class="label" role="button">PDF</span><a href="b.pdf">Bilag 1</a></p>
      <p><a href="#">Hent som PDF</a></p><p>Print</p><p>Til toppen</p><p>.</p>
      <footer><p>Kontakt os</p></footer>"""
    doc = read_html(html)
    assert [b.text for b in doc.body] == ["Referat", "Bilag 1"]
    # one furniture block per chrome element, or per chrome line the vocabulary names
    assert [b.text for b in doc.furniture] == [
        "Forside", "Kommunens logo", "Vi bruger cookies OK", "Kopier link", "Søg",
        "Tilbage til forsiden", "Mere", "PDF", "Hent som PDF", "Print", "Til toppen",
        "Kontakt os"]
    assert [b.path for b in doc.furniture][:3] == [
        "html/body/nav[1]", "html/body/header[1]", "html/body/div[1]"]
    assert {b.furniture for b in doc.furniture} == {"chrome"}
    # in reading order: chrome inside a paragraph comes before the paragraph's text ends
    assert [b.text for b in doc.blocks].index("PDF") < [b.text for b in doc.blocks].index("Bilag 1")


def test_chrome_inside_a_line_does_not_split_it() -> None:
    doc = read_html("<p>Punkt 1 <button>Vis</button>Godkendelse <span class='badge'>Ny</span>af dagsorden</p>")
    assert [b.text for b in doc.body] == ["Punkt 1 Godkendelse af dagsorden"]
    assert [(b.text, b.layer) for b in doc.blocks] == [
        ("Punkt 1 Godkendelse af dagsorden", "body"), ("Vis", "furniture"),
        ("Ny", "furniture")]


def test_whole_page_form_and_heading_button_are_kept() -> None:
    html = ("<form id='aspnetForm'><h2>Dagsorden</h2><p>Indhold</p></form>"
            "<button class='overskrift-btn'><h2>Punkt 1</h2></button>")
    assert texts(html) == ["Dagsorden", "Indhold", "Punkt 1"]


def test_header_inside_article_is_content() -> None:
    html = "<article><header><h1>Referat</h1></header><p>Tekst</p></article>"
    assert texts(html) == ["Referat", "Tekst"]


def test_entities_and_nbsp_are_decoded() -> None:
    assert texts("<p>Ø&amp;Å&nbsp;&#8211;&nbsp;&eacute; &quot;x&quot;\u00ad</p>") == [
        'Ø&Å – é "x"']


def test_nbsp_runs_are_column_breaks() -> None:
    html = ("<div>1&nbsp;&nbsp; &nbsp;Mad til ældre&nbsp;&nbsp;&nbsp;S</div>"
            "<div>2&nbsp;&nbsp;Bus</div>")
    bs = blocks(html)
    assert [b.cells for b in bs] == [("1", "Mad til ældre", "S"), ("2", "Bus")]
    assert bs[0].table == bs[1].table != 0


def test_line_is_a_running_element_index() -> None:
    lines = [b.line for b in blocks("<p>a</p><div><span>x</span></div><p>b</p>")]
    assert lines == sorted(lines) and len(set(lines)) == 3


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<<<>>>", "<p>", "\x00"])
def test_degenerate_input_gives_no_blocks_and_no_error(html: str) -> None:
    assert read_html(html).format == "html"


def test_fragment_detection() -> None:
    page_text = REFERAT.read_text(encoding="utf-8")
    assert detect_format(page_text) == "html"
    assert detect_format(DAGSORDEN.read_bytes()) == "html"
    start = page_text.index('<table id="dagsordenDetaljer"')
    assert detect_format(page_text[start:start + 30000]) == "html"


# --- the Aarhus pages -------------------------------------------------------------------------

def _item_headings(bs: list[Block]) -> list[str]:
    return [b.text for b in bs if b.kind == "heading" and b.level == 2 and b.text[:1].isdigit()]


@pytest.mark.parametrize("path", [REFERAT, DAGSORDEN], ids=["referat", "dagsorden"])
def test_aarhus_items_in_order_without_chrome(path: Path) -> None:
    bs = page(path)
    numbers = [int(t.split()[0]) for t in _item_headings(bs)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 6
    for b in bs:
        for t in b.cells or (b.text,):
            assert t.strip() == t and "\u00a0" not in t and "<" not in t
        assert b.text not in CHROME and b.text != "PDF"
        assert not regex.fullmatch(r"\d+", b.text)  # attachment counters, badges


def test_aarhus_referat_item_structure() -> None:
    bs = page(REFERAT)
    kinds = [(b.kind, b.text) for b in bs]
    assert kinds[0] == ("heading", "Referat 1. oktober 2025 kl. 15.45")
    assert ("table_row", "Mødested:\tUdvalgsværelse 398") in kinds
    i = kinds.index(("heading", "2 Udviklingsplan Aarhus Ø - endelig vedtagelse"))
    after = [t for _, t in kinds[i + 1:]]
    assert after[0] == "EMN-2025-009242"
    order = ["Beslutninger", "Resume", "Beslutningspunkter", "Sagsforløb", "Bilag"]
    positions = [after.index(h) for h in order]
    assert positions == sorted(positions)
    chain = after[after.index("Sagsforløb") + 1:after.index("Bilag")]
    assert chain[:3] == ["Udvalg: Magistraten", "Dato: 02-09-2025", "Punktnummer: 12"]
    bilag = kinds[i + 1 + after.index("Bilag") + 1]
    assert bilag == ("list_item", "Indstilling")


def test_aarhus_dagsorden_case_numbers_follow_headings() -> None:
    bs = page(DAGSORDEN)
    for i, b in enumerate(bs):
        if b.kind == "heading" and b.level == 2 and b.text[:1].isdigit():
            assert regex.fullmatch(r"EMN-\d{4}-\d+", bs[i + 1].text), b.text


@pytest.mark.parametrize("html", [
    "<div>" * 3000 + "dyb" + "</div>" * 3000,
    "<table><tr><td>" * 1000 + "dyb" + "</td></tr></table>" * 1000,
    "<ul><li>" * 1000 + "dyb",
])
def test_deep_nesting_does_not_overflow(html: str) -> None:
    assert texts(html) == ["dyb"]


def test_definition_list_is_a_table_of_label_value_rows() -> None:
    bs = blocks("<dl><dt>Mødedato:</dt><dd>1. maj 2024</dd><dt>Sted</dt><dd>Rådhuset</dd>"
                "<dd>Lokale 2</dd></dl><dl><dd>løs</dd></dl>")
    assert [(b.kind, b.cells or b.text) for b in bs] == [
        ("table_row", ("Mødedato:", "1. maj 2024")), ("table_row", ("Sted", "Rådhuset", "Lokale 2")),
        ("para", "løs")]


# --- meeting headers and contents in elements that are usually chrome (issue 10, item 6) -------

SITE = ("<header role='banner'><a href='/'>Nordby Kommune</a>"
        "<nav><a href='/politik'>Politik</a><a href='/borger'>Borger</a></nav></header>")


def _parsed(page: str) -> tuple[list[Block], referat.Meeting]:
    doc = read_html(page)
    for b in doc.blocks:  # every block's path leads back to an element holding its words
        node = element_at(page, b.path)
        assert node is not None and all(w in node.text(deep=True) for w in b.text.split()), b
    return doc.blocks, referat.parse(page, format="html")


def test_meeting_header_in_header_with_a_definition_list_is_content() -> None:
    page = (f"<html><head><title>Referat | Nordby Kommune</title></head><body>{SITE}"
            "<header class='meeting'><h1>Referat</h1><dl><dt>Udvalg</dt><dd>Økonomiudvalget</dd>"
            "<dt>Dato</dt><dd>3. marts 2031 kl. 15.00</dd></dl></header>"
            "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
            "<h2>2. Salg af grund</h2><h3>Beslutning</h3><p>Anbefales.</p></body></html>")
    bs, m = _parsed(page)
    assert [(b.layer, b.text) for b in bs][:4] == [
        ("furniture", "Nordby Kommune Politik Borger"), ("body", "Referat"),
        ("body", "Udvalg\tØkonomiudvalget"), ("body", "Dato\t3. marts 2031 kl. 15.00")]
    assert (m.title, m.committee, str(m.date)) == ("Referat", "Økonomiudvalget", "2031-03-03")
    assert [i.title for i in m.items] == ["Godkendelse af dagsorden", "Salg af grund"]


def test_label_value_table_in_header_is_content_unless_the_page_has_a_main() -> None:
    header = ("<header><table><tr><td>Udvalg:</td><td>Teknisk Udvalg</td></tr>"
              "<tr><td>Mødedato:</td><td>4. december 2031</td></tr></table></header>")
    items = "<h2>1 Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
    bs, m = _parsed(f"<html><head><title>Teknisk Udvalg</title></head><body>{header}{items}")
    assert ("body", "Udvalg:\tTeknisk Udvalg") in [(b.layer, b.text) for b in bs]
    assert (m.committee, str(m.date)) == ("Teknisk Udvalg", "2031-12-04")
    # a page that marks its content with <main>: a header outside it is the site's
    doc = read_html(f"<body>{header}<main>{items}</main></body>")
    assert [b.text for b in doc.furniture] == [
        "Udvalg: Teknisk Udvalg Mødedato: 4. december 2031"]


def test_contents_in_a_nav_are_content_and_site_menus_are_chrome() -> None:
    page = ("<html><head><title>Dagsorden for Børneudvalget</title></head><body>"
            "<nav class='site'><a href='/'>Forside</a><a href='/politik'>Politik</a></nav>"
            "<nav class='skiplinks'><a href='#a'>Gå til indhold</a><a href='#b'>Menu</a>"
            "<a href='#c'>Søg</a></nav>"
            "<p>Børneudvalget, mandag den 5. maj 2031 kl. 16.00</p>"
            "<nav aria-label='Indhold'><h2>Indholdsfortegnelse</h2><ol>"
            "<li><a href='#p1'>1. Godkendelse af dagsorden</a></li>"
            "<li><a href='#p2'>2. Skolestruktur</a></li><li><a href='#p3'>3. Eventuelt</a></li>"
            "</ol></nav>"
            "<h2 id='p1'>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
            "<h2 id='p2'>2. Skolestruktur</h2><h3>Beslutning</h3><p>Godkendt.</p>"
            "<h2 id='p3'>3. Eventuelt</h2><h3>Beslutning</h3><p>Intet.</p></body></html>")
    bs, m = _parsed(page)
    assert [b.text for b in bs if b.is_furniture] == ["Forside Politik", "Gå til indhold Menu Søg"]
    assert ("list_item", "2. Skolestruktur") in [(b.kind, b.text) for b in bs]
    assert [(t.number, t.title) for t in m.toc] == [
        (1, "Godkendelse af dagsorden"), (2, "Skolestruktur"), (3, "Eventuelt")]
    assert [i.number for i in m.items] == [1, 2, 3]


def test_title_element_is_the_fallback_title() -> None:
    page = ("<html><head><title>Referat Miljøudvalget 4. marts 2031 | Nordby Kommune</title>"
            "</head><body><p><b>1. Godkendelse af dagsorden</b></p><p>Beslutning</p>"
            "<p>Godkendt.</p><p><b>2. Vejplan for Nordby</b></p><p>Beslutning</p>"
            "<p>Godkendt.</p></body></html>")
    bs, m = _parsed(page)
    first = bs[0]
    assert (first.kind, first.level, first.text, first.path) == (
        "heading", 1, "Referat Miljøudvalget 4. marts 2031", "html/head/title[1]")
    assert page[first.start:first.end] == first.text
    assert (m.title, m.committee, str(m.date)) == (
        "Referat Miljøudvalget 4. marts 2031", "Miljøudvalget", "2031-03-04")
    assert len(m.items) == 2
    # a page with its own <h1> keeps it as the only title
    with_h1 = page.replace("<body>", "<body><h1>Referat</h1>")
    assert read_html(with_h1).blocks[0].path == "html/body/h1[1]"


def test_definition_list_entries_grouped_in_divs_are_rows() -> None:
    page = ("<dl><div><dt>Udvalg</dt><dd>Økonomiudvalget</dd></div>"
            "<div><dt>Sted</dt><dd>Rådhuset</dd></div></dl>")
    doc = read_html(page)
    assert [(b.kind, b.cells, b.path) for b in doc.blocks] == [
        ("table_row", ("Udvalg", "Økonomiudvalget"), "html/body/dl[1]/div[1]"),
        ("table_row", ("Sted", "Rådhuset"), "html/body/dl[1]/div[2]")]


def test_site_header_with_only_the_sites_name_stays_chrome() -> None:
    site = "<header><h1>Nordby Kommune</h1><form><button>Søg</button></form></header>"
    meeting = "<header><h1>Referat</h1><p>Økonomiudvalget, 3. marts 2031</p></header>"
    doc = read_html(f"<body>{site}{meeting}<h2>1. Godkendelse af dagsorden</h2></body>")
    assert [b.text for b in doc.furniture] == ["Nordby Kommune Søg"]
    assert [b.text for b in doc.body] == [
        "Referat", "Økonomiudvalget, 3. marts 2031", "1. Godkendelse af dagsorden"]
