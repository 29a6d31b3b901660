"""Item headings and closed markers in the forms seen across publishing systems."""

import pytest

import referat


def _items(text: str) -> list[tuple[int, str, bool]]:
    return [(i.number, i.title, i.closed) for i in referat.parse(text).items]


BODY = "\n\nBeslutning\n\nGodkendt.\n\n"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Punkt 274: Godkendelse af dagsorden", "Punkt 275: Budget",
         [(274, "Godkendelse af dagsorden", False), (275, "Budget", False)]),
        ("6. Godkendelse af dagsorden", "7. Budget",
         [(6, "Godkendelse af dagsorden", False), (7, "Budget", False)]),
        ("6 : Godkendelse af dagsorden", "7 : Budget",
         [(6, "Godkendelse af dagsorden", False), (7, "Budget", False)]),
        ("Sag nr. 130 Godkendelse af dagsorden", "Sag nr. 131 Budget",
         [(130, "Godkendelse af dagsorden", False), (131, "Budget", False)]),
        ("1Godkendelse af dagsorden", "2Budget",
         [(1, "Godkendelse af dagsorden", False), (2, "Budget", False)]),
        ("Pkt. 42 Godkendelse af dagsorden", "Pkt. 43 Budget",
         [(42, "Godkendelse af dagsorden", False), (43, "Budget", False)]),
        ("Punkt 1 - Godkendelse af dagsorden", "Punkt 2 - Budget",
         [(1, "Godkendelse af dagsorden", False), (2, "Budget", False)]),
        ("Sag 1: Godkendelse af dagsorden", "Sag 2: Budget",
         [(1, "Godkendelse af dagsorden", False), (2, "Budget", False)]),
        ("Punkt nr. 5 Godkendelse af dagsorden", "Punkt nr. 6 Budget",
         [(5, "Godkendelse af dagsorden", False), (6, "Budget", False)]),
    ],
)
def test_numbering_forms(first: str, second: str, expected: list[tuple[int, str, bool]]) -> None:
    assert _items(f"{first}{BODY}{second}{BODY}") == expected


@pytest.mark.parametrize(
    "closed",
    [
        "2. Lukket: Personalesag",
        "2. Lukket - Personalesag",
        "2. Lukket punkt: Personalesag",
        "2. Personalesag (Lukket)",
        "2. Lukket sag: Personalesag",
        "2. Personalesag (FOR LUKKEDE DØRE)",
        "2. LUKKET SAG - Personalesag",
        "Punkt 2: Lukket: Personalesag",
    ],
)
def test_closed_markers(closed: str) -> None:
    items = _items(f"1. Godkendelse af dagsorden{BODY}{closed}{BODY}")
    assert items[1] == (2, "Personalesag", True)


def test_closed_items_numbered_from_101() -> None:
    items = _items(f"19. Orientering{BODY}20. Eventuelt{BODY}101. Lukket punkt: Salg af areal{BODY}")
    assert items == [(19, "Orientering", False), (20, "Eventuelt", False),
                     (101, "Salg af areal", True)]
    assert "numbering_gap" not in {i.code for i in referat.parse(
        f"19. Orientering{BODY}20. Eventuelt{BODY}101. Lukket punkt: Salg af areal{BODY}").issues}


def test_item_list_before_bodies_is_not_a_second_set_of_items() -> None:
    text = ("Referat\n\nDagsordenspunkter\n\n1. Godkendelse af dagsorden\n2. Budget\n3. Eventuelt\n\n"
            f"1. Godkendelse af dagsorden{BODY}2. Budget{BODY}3. Eventuelt{BODY}")
    m = referat.parse(text)
    assert [(e.number, e.title) for e in m.toc] == [(1, "Godkendelse af dagsorden"), (2, "Budget"),
                                                    (3, "Eventuelt")]
    assert [(i.number, i.title) for i in m.items] == [(1, "Godkendelse af dagsorden"), (2, "Budget"),
                                                      (3, "Eventuelt")]
    assert all(i.decisions for i in m.items)


def test_number_on_its_own_line_with_the_title_below() -> None:
    text = f"1.\nGodkendelse af dagsorden\n00.01.00-K01-1-16{BODY}2.\nBudget 2026\n00.30.00-S00-1-25{BODY}"
    m = referat.parse(text)
    assert [(i.number, i.title, i.case_number) for i in m.items] == [
        (1, "Godkendelse af dagsorden", "00.01.00-K01-1-16"), (2, "Budget 2026", "00.30.00-S00-1-25")]


def test_case_reference_above_the_heading() -> None:
    text = f"85.02.02-G01-5-17\n\n131. Godkendelse af dagsorden{BODY}02.34.02-P19-12-20\n\n132. Byggesag{BODY}"
    m = referat.parse(text)
    assert [(i.number, i.case_number) for i in m.items] == [(131, "85.02.02-G01-5-17"),
                                                           (132, "02.34.02-P19-12-20")]


def test_law_paragraphs_and_case_labels_are_not_items() -> None:
    text = (f"Punkt 1: Tilskud{BODY}Bilag\n\n§18 Integration 2022\n\nSag 306-2009-600\n\n"
            f"Punkt 2: Eventuelt{BODY}")
    assert [(i.number, i.title) for i in referat.parse(text).items] == [
        (1, "Tilskud"), (2, "Eventuelt")]


def test_toc_in_columns_then_the_items_numbered_on_their_own_lines() -> None:
    m = referat.parse("Dagsorden\nIndholdsfortegnelse\n1\nGodkendelse af dagsorden\n3\n2\nBudget\n4\n"
                      "1\nGodkendelse af dagsorden\nBeslutning\nGodkendt.\n"
                      "2\nBudget\nBeslutning\nGodkendt.\n")
    assert [(e.number, e.title, e.page) for e in m.toc] == [
        (1, "Godkendelse af dagsorden", 3), (2, "Budget", 4)]
    assert [(i.number, i.title) for i in m.items] == [(1, "Godkendelse af dagsorden"), (2, "Budget")]
