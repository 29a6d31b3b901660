"""A document in the style of another publishing system (eDoc, Copenhagen): case numbers in
parentheses after titles, "<Body>s beslutning i mødet den ...", "Indstilling og beslutning",
a numbered Bilag list followed directly by the next item's heading. Written for this test."""

import datetime as dt
from pathlib import Path

import referat

DOC = Path(__file__).parent / "data" / "edoc_style.txt"


def test_edoc_style_document() -> None:
    m = referat.parse(DOC)
    assert (m.committee, m.date, m.start_time, m.location) == (
        "Borgerrepræsentationen", dt.date(2020, 6, 18), "17:30",
        "Rådhuset, Borgerrepræsentationens mødesal")
    assert [(e.number, e.title, e.page, e.closed) for e in m.toc] == [
        (1, "Valg af ny næstformand", 3, False), (2, "Budget 2021", 4, False),
        (3, "Salg af grund", 6, True)]
    assert [(i.number, i.title, i.case_number, i.closed) for i in m.items] == [
        (1, "Valg af ny næstformand", "2020-0178653", False),
        (2, "Budget 2021", "2020-0123456", False),
        (3, "Salg af grund", None, True)]
    one, two, _ = m.items
    assert [a.title for a in one.attachments] == ["Anmodning om udtræden"]
    assert one.recommendations == ["at Anne Hansen vælges som næstformand"]
    assert [(d.body, d.date, d.final) for d in two.decisions] == [
        ("Borgerrepræsentationen", dt.date(2020, 6, 18), True)]
    assert two.absent == ["Peter Jensen"]
    assert two.recommendations == ["at budgettet godkendes", "at rammen fastholdes"]
    assert not m.issues


def test_acadre_style_document() -> None:
    """'Sag nr. N' headings and TOC, 'Sagsnr.: 16/1234 Dok.nr.: 5678/16', decisions 'Beslutning
    i <Udvalg> den <date>:', a time range, 'Afbud:', an 'inhabil' member."""
    m = referat.parse(Path(__file__).parent / "data" / "acadre_style.txt")
    assert (m.document_type, m.committee, m.date, m.start_time, m.end_time, m.location) == (
        "referat", "Økonomiudvalget", dt.date(2016, 5, 3), "15:00", "17:15",
        "Mødelokale 1, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Jens Hansen", False), ("Mette Holm", False), ("Karen Due", False), ("Ole Berg", True)]
    assert [(e.number, e.title, e.page, e.closed) for e in m.toc] == [
        (45, "Godkendelse af dagsorden", 2, False), (46, "Regnskab 2015", 3, False),
        (47, "Personalesag", 5, True)]
    assert [(i.number, i.case_number, i.document_number, i.closed) for i in m.items] == [
        (45, "16/1234", "5678/16", False), (46, "16/2345", "6789/16", False),
        (47, None, None, True)]
    assert m.items[1].recommendations == ["at regnskabet godkendes, og", "at overskuddet overføres."]
    assert m.items[1].absent == ["Karen Due"]
    assert all(i.decisions[0].final for i in m.items)
    assert not m.issues


def test_punkt_toc_with_page_numbers() -> None:
    m = referat.parse("Indholdsfortegnelse\nPunkt 1: Godkendelse ..... 2\nPunkt 2: Budget ..... 3\n\n"
                      "Punkt 1: Godkendelse\n\nBeslutning\n\nGodkendt.\n\n"
                      "Punkt 2: Budget\n\nBeslutning\n\nGodkendt.\n")
    assert [(e.number, e.page) for e in m.toc] == [(1, 2), (2, 3)]
    assert [i.number for i in m.items] == [1, 2]
    assert [i.code for i in m.issues] == ["no_date"]
