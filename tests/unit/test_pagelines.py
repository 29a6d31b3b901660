"""Page-per-line transcripts (issue 10, family 2): each PDF page flattened into one line that
starts with its page number. The reader sets the page numbers and "Side N" markers aside as
furniture; the parser splits the pages at item headings, section headings and decision heads."""

from __future__ import annotations

import referat
from referat.readers import read

_FILLER = ("Vejplanen beskriver, hvordan vejene i Nordby skal vedligeholdes de næste ti år, og "
           "hvilke strækninger der skal prioriteres først. ") * 3

TRANSCRIPT = (
    "Referat Miljøudvalget\n\nTranskript\n\n"
    "1 Referat Miljøudvalget Mødedato: Tirsdag den 4. marts 2031 Mødested: Rådhuset\n\n"
    "2 Indholdsfortegnelse 1. Godkendelse af dagsorden Vejplan for Nordby 5 Side 1\n\n"
    "3 1. Godkendelse af dagsorden Sagsid.: 31/118 Åben sag Beslutning Miljøudvalget den : "
    "Godkendt. Side 2\n\n"
    "4 Nordby Kommune Miljøudvalget Side 3 2. Vejplan for Nordby Sagsid.: 31/119 Indledning "
    f"{_FILLER}Sagsfremstilling Forvaltningen har udarbejdet et udkast. {_FILLER}"
    "Beslutning Miljøudvalget den Godkendt med bemærkninger. Side 4\n"
)


def test_page_numbers_and_markers_are_furniture_with_their_own_spans() -> None:
    doc = read(TRANSCRIPT, "text")
    assert doc.text is not None
    furniture = [(b.furniture, b.text) for b in doc.furniture]
    assert ("page_number", "1") in furniture and ("page_number", "4") in furniture
    assert ("page_marker", "Side 2") in furniture
    assert ("running_header", "Nordby Kommune Miljøudvalget") in furniture
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
    pages = [b.page for b in doc.body if b.page is not None]
    assert pages == [1, 2, 3, 4]
    assert not any(b.text.startswith(("3 ", "4 ")) for b in doc.body)


def test_items_sections_and_decisions_are_split_out_of_the_page_lines() -> None:
    m = referat.parse(TRANSCRIPT, format="text")
    assert [(it.number, it.title, it.case_number) for it in m.items] == [
        (1, "Godkendelse af dagsorden", "31/118"), (2, "Vejplan for Nordby", "31/119")]
    assert [d.text for d in m.items[0].decisions] == ["Godkendt."]
    assert [s.kind for s in m.items[1].sections] == ["summary", "presentation", "decision"]
    assert m.items[1].decisions[0].text == "Godkendt med bemærkninger."
    assert m.committee == "Miljøudvalget"


def test_split_pieces_keep_their_own_spans() -> None:
    analysis = referat.analyse(TRANSCRIPT, format="text")
    text = analysis.document.text
    assert text is not None
    heads = [s.block for s in analysis.stream if s.label == "item_heading"]
    assert [text[b.start:b.end] for b in heads if b.text[0].isdigit()] == ["1. Godkendelse af dagsorden",
                                                     "2. Vejplan for Nordby"]


def test_numbered_short_lines_are_no_transcript() -> None:
    doc = read("Referat\n\n1 Godkendelse af dagsorden\n\n2 Salg af grund, Engvej 4\n", "text")
    assert not doc.furniture
    m = referat.parse("Referat Byrådet 4. marts 2031\n\n1. Godkendelse af dagsorden\n\n"
                           "Beslutning\n\nGodkendt.\n\n2. Salg af grund\n\nBeslutning\n\n"
                           "Godkendt.\n")
    assert [it.number for it in m.items] == [1, 2]


def test_a_numbered_line_repeating_the_title_is_no_item() -> None:
    text = TRANSCRIPT.replace("1 Referat Miljøudvalget Mødedato",
                              "1 Referat Miljøudvalget\n\n2 Mødedato")
    text = text.replace("\n2 Indholdsfortegnelse", "\n3 Indholdsfortegnelse")
    text = text.replace("\n3 1. Godkendelse", "\n4 1. Godkendelse")
    text = text.replace("\n4 Nordby", "\n5 Nordby")
    m = referat.parse(text, format="text")
    assert [it.number for it in m.items] == [1, 2]
