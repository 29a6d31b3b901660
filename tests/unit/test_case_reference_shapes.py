"""Case references in the places real systems print them (issue 10, family 5)."""

from __future__ import annotations

import referat
from referat.parsers.casenumbers import parse_bare
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


def test_kle_and_case_number_on_one_line() -> None:
    ref = parse_bare("Åbent - 00.01.00A04 - 2007/34364", V)     # Odense 2008
    assert ref is not None
    assert (ref.journal_number, ref.case_number) == ("00.01.00A04", "2007/34364")
    ref = parse_bare("24.00P00 - 2015/01786", V)                 # Gribskov 2015
    assert ref is not None
    assert (ref.journal_number, ref.case_number) == ("24.00P00", "2015/01786")


def test_kle_style_case_number_is_not_split_at_its_hyphens() -> None:
    ref = parse_bare("Åbent - 00.22.00-G01-1-16", V)
    assert ref is not None and ref.case_number == "00.22.00-G01-1-16"


def test_category_line_between_heading_and_reference() -> None:
    text = ("Byrådet\nReferat\nOnsdag den 06-04-2016 kl. 17:00\n\n"
            "1. Orientering om ændring i udvalgsbesættelsen\n"
            "A. Sager til afgørelse i byrådet\nÅbent - 00.22.00-G01-1-16\nRESUMÉ\nTekst.\n"
            "BESLUTNING\nOrientering givet.\n")
    item = referat.parse(text).items[0]
    assert item.case_number == "00.22.00-G01-1-16"
    assert [s.kind for s in item.sections] == ["summary", "decision"]
    assert item.notes == ["A. Sager til afgørelse i byrådet"]
