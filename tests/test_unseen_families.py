"""Issue 10: layout families of municipalities the parser was not tuned to, each shown by an
invented document of that shape (the real excerpts are scored by benchmarks/accuracy.py)."""

from __future__ import annotations

import datetime as dt

import referat


def _kinds(item: referat.AgendaItem) -> list[str]:
    return [s.kind for s in item.sections if s.heading]


def test_title_printed_above_a_titleless_case_heading() -> None:
    m = referat.parse(
        "Byrådet\n\n12-03-2031\n\nVejplan for Nordby\nSag nr. 41\n\n"
        "Beslutningskompetence: BY\n\nSagens kerne\n\nBeslutning\n\nGodkendt.\n\n"
        "Salg af grund, Engvej 4\nSag nr. 42\n\nBeslutningskompetence: BY\n\n"
        "Beslutning\n\nTaget til efterretning.\n")
    assert [(i.number, i.title) for i in m.items] == [
        (41, "Vejplan for Nordby"), (42, "Salg af grund, Engvej 4")]
    assert m.items[0].decisions[-1].text == "Godkendt."


def test_unnumbered_items_start_where_their_template_starts_over() -> None:
    m = referat.parse(
        "Referat\n\nMiljøudvalget mandag den 3. marts 2031 kl. 16:00\n\n"
        "Resume\n\nEn plan for stierne.\n\nSagsfremstilling\n\nForvaltningen foreslår stier.\n\n"
        "Beslutning\n\nGodkendt.\n\nBilag\n\n"
        "Sagsfremstilling\n\nOrientering om vandløb.\n\nBeslutning\n\nTaget til efterretning.\n")
    assert len(m.items) == 2
    assert [_kinds(i) for i in m.items] == [
        ["summary", "presentation", "decision", "attachments"], ["presentation", "decision"]]
    assert [i.decisions[-1].text for i in m.items] == ["Godkendt.", "Taget til efterretning."]


def test_two_decision_sections_in_a_row_stay_one_item() -> None:
    m = referat.parse(
        "Referat\n\nMiljøudvalget mandag den 3. marts 2031 kl. 16:00\n\n"
        "Sagsfremstilling\n\nEn plan.\n\nBeslutning\n\nAnbefales.\n\nBeslutning\n\nGodkendt.\n")
    assert len(m.items) == 1


def test_an_empty_reference_label_opens_an_item() -> None:
    m = referat.parse(
        "Referat\n\nOnsdag den 4. juni 2031 kl. 17:00\n\nUdvalg: Byrådet\n\n"
        "• Sagsid.:\n\nBeslutning Byrådet den 04-06-2031\n\nGodkendt.\n\n"
        "• Sagsid.: 31/2475\n\nIndstilling\n\nDirektionen indstiller, at planen godkendes.\n")
    assert [i.case_number for i in m.items] == [None, "31/2475"]


def test_title_below_the_reference_of_an_unnumbered_item() -> None:
    m = referat.parse(
        "Udvalg: Miljøudvalget\nMødedato: 6. november 2031\n\n"
        "Sagsnr.: 05.00.00-A00-2-31 Sagsbehandler: Eva Holm\n\nOrientering om cykelstier\n\n"
        "Sagsfremstilling\n\nEn orientering.\n\nBeslutning\n\nTaget til orientering.\n")
    assert [(i.title, i.case_number) for i in m.items] == [
        ("Orientering om cykelstier", "05.00.00-A00-2-31")]


def test_contents_heading_glued_to_its_first_entry() -> None:
    m = referat.parse(
        "Byrådet - Referat\n\nDato: 29. januar 2031\n\nIndholdsfortegnelse1. Fraværende\n\n"
        "Beslutning\n\nIngen.\n\n2. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Fraværende"), (2, "Godkendelse af dagsorden")]


def test_stacked_heads_named_by_area_with_item_numbers() -> None:
    m = referat.parse(
        "Referat\n\nByrådet 22. januar 2031\n\n"
        "301. Planstrategi 2031\n\nIndstilling\n\nForvaltningen indstiller til BY via ØU, at\n\n"
        "1. strategien godkendes.\n\n"
        "Social og Sundhed, 6. januar 2031, pkt. 123:\n\nAnbefales.\n\n"
        "Arbejdsmarked, Erhverv og Turisme, 6. januar 2031, pkt. 125:\n\n2. Anbefales.\n\n"
        "302. Eventuelt\n\nBeslutning\n\nIntet.\n")
    assert [i.number for i in m.items] == [301, 302]
    heads = [d.body for d in m.items[0].decisions]
    assert heads == ["Social og Sundhed", "Arbejdsmarked, Erhverv og Turisme"]


def test_a_body_and_date_under_a_routing_heading_is_no_decision() -> None:
    m = referat.parse(
        "Referat\n\nØkonomiudvalget 23. juni 2031\n\n1. Godkendelse af dagsorden\n\n"
        "Høring og sagsgang\n\nKommunalbestyrelsen den 23. juni 2031\n\n"
        "Beslutning\n\nGodkendt.\n")
    assert _kinds(m.items[0]) == ["hearing", "decision"]
    assert len(m.items[0].decisions) == 1


def test_header_labels_printed_apart_from_their_values() -> None:
    m = referat.parse(
        "Kommunalbestyrelsen Referat\n\nDato:\n\nMødested: Udsendelsesdato: "
        "Onsdag den 15-maj-2031 Rådhuset\n\n1. Godkendelse af dagsorden\n\n"
        "Beslutning\n\nGodkendt.\n")
    assert m.date == dt.date(2031, 5, 15)


def test_a_row_of_column_heads_over_a_row_of_values() -> None:
    m = referat.parse(
        "Mødedetaljer\n\nUdvalg Dato Type Hent\nByrådet 29-04-2031 16:00 Referat Samlet "
        "dokument\n\nPunkt 523 Spørgetid\n\nSagsfremstilling\n\nUdgår.\n")
    assert m.committee == "Byrådet"


def test_a_heading_run_onto_the_sentence_before_it() -> None:
    m = referat.parse(
        "Referat\n\nBørneudvalget 3. oktober 2031\n\n99. Dialogmøde\n\nResume\n\n"
        "Bestyrelsen er inviteret kl. 16.30.Sagsfremstilling\n\nMødet holdes på skolen.\n\n"
        "Beslutning\n\nGodkendt.\n")
    assert _kinds(m.items[0]) == ["summary", "presentation", "decision"]


def test_an_agenda_approved_in_the_header_makes_a_referat() -> None:
    text = ("Kommunalbestyrelsen\n\n14. april 2031\n\nRådhuset kl. 11:30\n\n{}\n\n"
            "Meddelelser:\n\nIngen.\n")
    assert referat.parse(text.format("Dagsorden godkendt.")).document_type == "referat"
    assert referat.parse(text.format("Godkendelse af dagsorden:\n\nGodkendt")
                         ).document_type == "referat"
    assert referat.parse(text.format("Godkendelse af dagsorden:")).document_type is None


def test_a_recommendation_lead_in_without_its_heading() -> None:
    m = referat.parse(
        "Dagsorden\n\nMiljøudvalget 1. februar 2031\n\n1. Orientering om en klage\n\n"
        "Resume\n\nEn klage er afgjort.\n\nDirektionen indstiller,\n\n"
        "at orienteringen tages til efterretning.\n\nSagsfremstilling\n\nKlagen angik støj.\n")
    assert _kinds(m.items[0]) == ["summary", "recommendation", "presentation"]
    assert m.items[0].recommendations == ["at orienteringen tages til efterretning."]


def test_a_decision_above_a_titleless_case_heading_is_no_title() -> None:
    m = referat.parse(
        "Byrådet\n\n12-03-2031\n\nVejplan for Nordby\nSag nr. 41\n\n"
        "Beslutningskompetence: BY\n\nBeslutning\n\nGodkendt\n\nSag nr. 42\n\n"
        "Beslutningskompetence: BY\n\nBeslutning\n\nTaget til efterretning\n")
    assert [(i.number, i.title) for i in m.items] == [(41, "Vejplan for Nordby"), (42, "")]
    assert m.items[0].decisions[-1].text == "Godkendt"
