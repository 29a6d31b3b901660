"""Committee names in the header shapes real systems print (issue 10, family 6)."""

from __future__ import annotations

import pytest

import referat


@pytest.mark.parametrize(("text", "committee"), [
    # the committee on the date line under a bare "Referat" (Ishøj, two meetings)
    ("Referat\nTeknik- og Bygningsudvalget tirsdag den 16. april 2024 kl. 16.30\nRådhuset\n\n"
     "1. Godkendelse\nBeslutning\nGodkendt.\n", "Teknik- og Bygningsudvalget"),
    # '&' inside a name
    ("Børn & Læringsudvalget - 03-10-2022\n\nReferat\n\n1. Godkendelse\nBeslutning\nGodkendt.\n",
     "Børn & Læringsudvalget"),
    # a name with an ending the vocabulary knows, but in sentence case
    ("Det fælles landdistriktsråd - Dagsordener og referater\nMødedato: 31. august 2023\n\n"
     "1. Godkendelse\nBeslutning\nGodkendt.\n", "Det fælles landdistriktsråd"),
    ("Referat Magistraten 29-06-2020\n\n1. Godkendelse\nBeslutning\nGodkendt.\n", "Magistraten"),
    # a quoted name after the bare word "Udvalget" in a label/value header
    ('UDVALG\nUdvalget "Læring og Trivsel for Børn og Unge"\nMØDE\nReferat\n\n'
     "1. Godkendelse\nBeslutning\nGodkendt.\n", 'Udvalget "Læring og Trivsel for Børn og Unge"'),
])
def test_committee(text: str, committee: str) -> None:
    assert referat.parse(text).committee == committee


def test_decision_on_the_meeting_day_is_final_when_the_body_has_another_name() -> None:
    text = ('UDVALG\nUdvalget "Aktiv Hele Livet"\nMØDE\nReferat\nSTARTTIDSPUNKT\n'
            "23-03-2015 13:30:00\n\n24. Salg af grund\nSagsfremstilling\nTekst.\n"
            "Beslutning i Udvalget for Voksne den 23-03-2015\nGodkendt.\n")
    m = referat.parse(text)
    assert [d.final for d in m.items[0].decisions] == [True]


def test_a_contents_line_naming_a_body_is_no_committee() -> None:
    text = ("Referat: 27. oktober 2025 kl. 08:00\nDeltagere\n- Hans Østergaard\nReferat\n"
            "- Godkendelse af dagsorden\n- Sammenlægning af Videnråd og Arbejdskraftråd\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    assert referat.parse(text).committee is None
