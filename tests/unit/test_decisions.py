import datetime as dt

import pytest

from referat.parsers.decisions import decision_head, decision_points
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


@pytest.mark.parametrize(
    ("line", "body", "date", "inline"),
    [
        ("Direktionens møde den 19. april 2021:", "Direktionen", dt.date(2021, 4, 19), ""),
        ("Beslutning i Økonomiudvalget den 1. oktober 2018:", "Økonomiudvalget",
         dt.date(2018, 10, 1), ""),
        ("Beslutning Teknik- og Miljøudvalget den 11-08-2021", "Teknik- og Miljøudvalget",
         dt.date(2021, 8, 11), ""),
        ("Økonomiudvalgets beslutning i mødet den 31. marts 2020", "Økonomiudvalget",
         dt.date(2020, 3, 31), ""),
        ("Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42", "Kultur- og Idrætsudvalget",
         dt.date(2019, 4, 3), ""),
        ("Byrådet, 16.12.2014", "Byrådet", dt.date(2014, 12, 16), ""),
        ("Teknik- og Miljøudvalget, 10. september 2019, pkt. 65: Anbefales.",
         "Teknik- og Miljøudvalget", dt.date(2019, 9, 10), "Anbefales."),
        ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 8",
         "Sundheds- og Forebyggelsesudvalget", dt.date(2012, 12, 4), ""),
        ("Beslutning i Udvalget for Teknik og Miljø den 3. maj 2020",
         "Udvalget for Teknik og Miljø", dt.date(2020, 5, 3), ""),
        ("Beslutning i Børne- og Uddannelsesudvalget", "Børne- og Uddannelsesudvalget", None, ""),
        ("Økonomiudvalget den 12. marts 2019:", "Økonomiudvalget", dt.date(2019, 3, 12), ""),
        ("Kommunalbestyrelsens beslutning", "Kommunalbestyrelsen", None, ""),
    ],
)
def test_decision_heads(line: str, body: str, date: dt.date | None, inline: str) -> None:
    head = decision_head(line, V)
    assert head is not None
    assert (head.body, head.date, head.inline) == (body, date, inline)


@pytest.mark.parametrize(
    "line",
    [
        "Godkendelse af dagsorden til Børne- og Ungeudvalgets møde den 11. november 2019.",
        "På byrådets møde den 24. januar 2018 (sag nr. 3) blev der udpeget medlemmer",
        "Afgørelse af den 20. februar 2019 fra Vejdirektoratet (pdf)",
        "Beslutning",
        "Økonomiudvalget den 12. marts 2019 besluttede at sende sagen i høring.",
    ],
)
def test_not_decision_heads(line: str) -> None:
    assert decision_head(line, V) is None


def test_points() -> None:
    text = "1. Taget til efterretning.\n\n2. Procesplan godkendt.\n\n3. Godkendt at videre."
    assert decision_points(text, V) == ["Taget til efterretning.", "Procesplan godkendt.",
                                     "Godkendt at videre."]
    assert decision_points("At 1: Godkendt.\n\nAt 2: Anbefales.", V) == ["Godkendt.", "Anbefales."]
    assert decision_points("Godkendt.", V) == []
