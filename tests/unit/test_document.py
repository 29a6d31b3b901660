"""The whole parser on small documents written to show the layout variants."""

import datetime as dt

import referat


def test_punkt_items_sections_and_outer_grouping_heading() -> None:
    m = referat.parse(
        "REFERAT Økonomiudvalget d. 02-05-2023\n\nMødedato Tirsdag d. 2. maj 2023 kl. 16.30-18.00\n\n"
        "Mødested Rådhuset\n\nMødedeltagere Anna Berg, Bo Holm (Fravær)\n\n"
        "Punkt 1: Godkendelse af dagsorden\n\n23-000001\n\nBeslutning\n\nGodkendt.\n\n"
        "Sagsfremstilling\n\nResume og sagens baggrund\n\nKort resume.\n\n"
        "Indstillinger\n\nDirektøren indstiller, at dagsordenen godkendes.\n\n"
        "Punkt 2: Lukket: Personalesag\n"
    )
    assert (m.committee, m.date, m.start_time, m.end_time) == (
        "Økonomiudvalget", dt.date(2023, 5, 2), "16:30", "18:00")
    assert [(p.name, p.absent) for p in m.participants] == [("Anna Berg", False), ("Bo Holm", True)]
    one, two = m.items
    assert one.case_number == "23-000001"
    assert [s.kind for s in one.sections] == ["decision", "summary", "recommendation"]
    assert one.decisions[0].final and one.decisions[0].body == "Økonomiudvalget"
    assert (two.number, two.title, two.closed) == (2, "Personalesag", True)


def test_bare_numbered_items_and_numbered_lists_inside_items() -> None:
    m = referat.parse(
        "Referat - Teknik- og Miljøudvalget den 11. marts 2019\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Meddelelser\n\nSagsfremstilling\n\n  1. Brev til ministeren\n  2. Afgørelse fra styrelsen\n"
        "  3. Orientering om budget\n\nBeslutning\n\nTaget til efterretning.\n\n"
        "3. Budget 2020\n\nIndstilling\n\n1. at budgettet godkendes\n2. at rammen fastholdes\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Meddelelser"), (3, "Budget 2020")]
    assert m.items[2].recommendations == ["at budgettet godkendes", "at rammen fastholdes"]


def test_stacked_decisions_and_final() -> None:
    m = referat.parse(
        "Referat Økonomiudvalget\n\nDato: 14. april 2021\n\n"
        "5. Vindmøller\n\nSagsnr.: 21-1234\n\nBeslutning i Klima- og Miljøudvalget den 25-03-2021\n\n"
        "Anbefales.\n\nBeslutning i Økonomiudvalget den 14-04-2021\n\nGodkendt.\n\n"
        "Fraværende: Per Lund\n"
    )
    item = m.items[0]
    assert [(d.body, d.date, d.final) for d in item.decisions] == [
        ("Klima- og Miljøudvalget", dt.date(2021, 3, 25), False),
        ("Økonomiudvalget", dt.date(2021, 4, 14), True),
    ]
    assert item.absent == ["Per Lund"]


def test_not_minutes_gives_no_items_issue() -> None:
    m = referat.parse("Kære Jens\n\nTak for dit brev af 3. maj. Vi vender tilbage.\n\nHilsen Ida\n")
    assert m.items == []
    assert "no_items" in {i.code for i in m.issues}


def test_truncated_document_is_reported() -> None:
    m = referat.parse("1. Godkendelse af dagsorden\n\nBeslutning\n\nDagsordenen blev godkendt med en")
    assert [i.number for i in m.items] == [1]
    assert "truncated" in {i.code for i in m.issues}
