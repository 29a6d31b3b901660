"""Section headings real systems print: a known head word with a qualifier, headings the
vocabulary learned from the unseen excerpts, and routing lines (issue 10, family 3)."""

from __future__ import annotations

import pytest

import referat
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


@pytest.mark.parametrize(("heading", "kind"), [
    ("Administrativ indstilling", "recommendation"),     # Lejre, Holbæk
    ("Alternativ indstilling", "recommendation"),
    ("Beskrivelse af sagen", "presentation"),
    ("Lovgrundlag – link", "legal"),
    ("Økonomiske konsekvenser og finansiering", "financial"),
    ("Økonomi og organisatoriske konsekvenser", "financial"),
    ("Retsregler og andre forskrifter", "legal"),
    ("Sagsgang og sagstype", "treatment"),
    ("Sagshistorik, henvisninger", "history"),
    ("Sagens kerne", "summary"),
    ("Sammendrag", "summary"),
    ("SAGSRESUMÉ", "summary"),
    ("Sagens forløb", "history"),
    ("Sagen behandles i", "treatment"),
    ("Personale", "other"),
    ("Andre konsekvenser", "other"),
])
def test_heading_kinds(heading: str, kind: str) -> None:
    hit = V.section_kind(heading)
    assert hit == (kind, False)


@pytest.mark.parametrize("line", [
    "First-agenda Sagsfremstilling",   # a file name in Bilag: a name, not a qualifier
    "Sager til beslutning",            # a category line
    "Økonomi og Erhverv",              # a body's name: the qualifier is capitalised
    "Baggrund for puljen",             # a topic inside a section
    "Ingen bilag",
])
def test_no_heading(line: str) -> None:
    assert V.section_kind(line) is None


def test_routing_line_is_treatment_not_history() -> None:
    text = ("Byrådet - Referat\nDato: 12.03.2020\n\n1. Salg af grund\nResume\nKort tekst.\n"
            "Sagsforløb: ØK/BY\nSagsfremstilling\nLang tekst.\nBeslutning\nGodkendt.\n")
    item = referat.parse(text).items[0]
    assert [s.kind for s in item.sections] == ["summary", "treatment", "presentation",
                                                "decision"]


def test_contents_under_a_column_header_are_no_items() -> None:
    text = ("Referat\ntil\nmødet i Kommunalbestyrelsen\nden 12. maj 2020 kl. 17:00\n\n"
            "Pkt. Tekst\n127 Godkendelse af dagsorden\n128 Kvartalsvis budgetopfølgning\n"
            "129 Udgifter til COVID-19\n")
    m = referat.parse(text)
    assert m.items == []
    assert [e.number for e in m.toc] == [127, 128, 129]
