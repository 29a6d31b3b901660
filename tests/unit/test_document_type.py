"""The document type: stated by a header line, never by an item title or a decision's text;
a page recording this meeting's decisions is a referat (issue 10, family 6)."""

from __future__ import annotations

import pytest

import referat
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


@pytest.mark.parametrize(("line", "dtype"), [
    ("REFERAT Direktionen d. 19-04-2021", "referat"),
    ("Byrådets referat", "referat"),
    ("Økonomiudvalget - Dagsorden", "dagsorden"),
    ("Dagsorden til mødet i Byrådet", "dagsorden"),
    ("1 Møde i Kommunalbestyrelsen mandag kl i mødesal REFERAT Eventuelle", "referat"),
    ("Godkendelse af dagsorden:", None),            # an item's title
    ("49. Godkendelse af dagsorden til den 26.06.2014", None),
    ("Dagsorden godkendt.", None),                  # a decision's text
    ("Dagsordener og referater", None),             # a site's menu naming both
    ("Dagsorden eller referat", None),
])
def test_stated_document_type(line: str, dtype: str | None) -> None:
    assert V.stated_document_type(line) == dtype


def test_item_title_does_not_make_an_agenda() -> None:
    text = ("Økonomiudvalget\nMødedato: 12.03.2020\n\n1. Godkendelse af dagsorden\n"
            "Beslutning\nGodkendt.\n\n2. Salg af grund\nBeslutning\nAnbefales.\n")
    assert referat.parse(text).document_type == "referat"


def test_recorded_decisions_make_a_referat_and_blank_ones_do_not() -> None:
    head = "Økonomiudvalget\nMødedato: 12.03.2020\n\n1. Salg af grund\nSagsfremstilling\nTekst.\n"
    assert referat.parse(head + "Beslutning\nGodkendt.\n").document_type == "referat"
    assert referat.parse(head).document_type is None
