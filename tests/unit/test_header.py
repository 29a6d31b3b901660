"""Header variants: labels with and without colons, labels apart from their values, lists."""

import datetime as dt

import referat

ITEM = "\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"


def test_labels_with_colons_on_one_line() -> None:
    m = referat.parse("Referat\nØkonomiudvalget\n\nDato: 24.04.2019 Tid: 17:00-21:30 Sted: Byrådssalen"
                      + ITEM)
    assert (m.date, m.start_time, m.end_time, m.location) == (
        dt.date(2019, 4, 24), "17:00", "21:30", "Byrådssalen")
    assert m.committee == "Økonomiudvalget"


def test_uppercase_labels_and_seconds() -> None:
    m = referat.parse("REFERAT\nKommunalbestyrelsen\nSTARTTIDSPUNKT 24-06-2014 10:00:00\n"
                      "MØDESTED Rådhuset" + ITEM)
    assert (m.date, m.start_time, m.location) == (dt.date(2014, 6, 24), "10:00", "Rådhuset")


def test_labels_separated_from_their_values() -> None:
    m = referat.parse("Åben dagsorden\nByrådet\nMødedato:\nMødested:\nStarttidspunkt:\n"
                      "25. maj 2016\nRådhuset, Springvandspladsen 5\nkl. 18:00" + ITEM)
    assert (m.date, m.location, m.start_time) == (dt.date(2016, 5, 25),
                                                  "Rådhuset, Springvandspladsen 5", "18:00")


def test_member_lists_with_parties_roles_and_absence() -> None:
    m = referat.parse(
        "Referat - Teknisk Udvalg den 3. maj 2021\n\nTilstede:\nLolan Ottesen (A) - formand\n"
        "Per Hansen (V)\n\nAfbud/Fraværende:\nAnne Lund (F)" + ITEM)
    assert [(p.name, p.absent, p.note) for p in m.participants] == [
        ("Lolan Ottesen", False, "(A) - formand"), ("Per Hansen", False, "(V)"),
        ("Anne Lund", True, "(F)")]
    assert m.committee == "Teknisk Udvalg"


def test_absent_marker_in_a_comma_list() -> None:
    m = referat.parse("Mødedeltagere Anna Berg, Bo Holm (Fravær), Carl Dam (Afbud)" + ITEM)
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anna Berg", False), ("Bo Holm", True), ("Carl Dam", True)]


def test_case_number_in_parentheses_after_the_title() -> None:
    m = referat.parse("1. Godkendelse af dagsorden (2019-0123456)\n\nBeslutning\n\nGodkendt.\n"
                      "\n2. Budget 2020 (2019-0234567)\n\nBeslutning\n\nGodkendt.\n")
    assert [(i.title, i.case_number) for i in m.items] == [
        ("Godkendelse af dagsorden", "2019-0123456"), ("Budget 2020", "2019-0234567")]
