import pytest

from referat.parsers.casenumbers import CaseRef, parse_bare, parse_labelled
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("Sagsnr.: 326-2018-26413 J.nr.: 00.01.00 Dokumentnr.: 326-2021-56664",
         CaseRef("326-2018-26413", "00.01.00", "326-2021-56664")),
        ("Sagsnr.: 330-2018-3619                 Dok.nr.: 330-2018-500301     Åbent",
         CaseRef("330-2018-3619", None, "330-2018-500301")),
        ("Sag 306-2009-600", CaseRef("306-2009-600")),
        ("Dok. 306-2019-263412", CaseRef(None, None, "306-2019-263412")),
        ("Sagsid.: 20/33839, Sagsinitialer: AGVA", CaseRef("20/33839")),
        ("Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt", CaseRef("299835")),
        ("J.nr.: 00.01.10", CaseRef(None, "00.01.10")),
    ],
)
def test_labelled(line: str, ref: CaseRef) -> None:
    assert parse_labelled(line, V)[0] == ref


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("22-009894", CaseRef("22-009894")),
        ("EMN-2025-010561", CaseRef("EMN-2025-010561")),
        ("85.02.02G00-0011", CaseRef("85.02.02G00-0011")),
        ("Åbent - 00.22.00-G01-1-16", CaseRef("00.22.00-G01-1-16")),
        ("018520-2013", CaseRef("018520-2013")),
        ("00.01.00", CaseRef(None, "00.01.00")),
    ],
)
def test_bare(line: str, ref: CaseRef) -> None:
    assert parse_bare(line, V) == ref


@pytest.mark.parametrize("line", ["2022", "Godkendt.", "1.", "Side 3", "kl. 16.30"])
def test_not_case_numbers(line: str) -> None:
    assert parse_bare(line, V) is None
