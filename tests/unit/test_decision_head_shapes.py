"""Decision heads in other shapes (issue 10, family 4)."""

from __future__ import annotations

import datetime as dt

import referat
from referat.parsers.decisions import decision_head
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


def test_capitals_head_with_body_and_date_is_a_decision_not_a_capitals_part() -> None:
    text = ("Byrådet\nREFERAT\nDato: Mandag den 28-11-2022\n\n142. Budgetopfølgning\n"
            "SAGSRESUMÉ\nTekst.\nØKONOMIUDVALGET DEN 14-11-2022\nAnbefales.\n"
            "BESLUTNING I BYRÅDET DEN 28-11-2022\nTaget til efterretning.\n")
    item = referat.parse(text).items[0]
    assert [s.kind for s in item.sections] == ["summary", "decision", "decision"]
    assert [(d.date, d.final) for d in item.decisions] == [
        (dt.date(2022, 11, 14), False), (dt.date(2022, 11, 28), True)]


def test_head_with_the_bodys_abbreviation() -> None:
    dh = decision_head("Beslutning i Udvalget for natur og fritid (UNF) den 05-06-2031", V)
    assert dh is not None
    assert (dh.body, dh.date) == ("Udvalget for natur og fritid", dt.date(2031, 6, 5))
