from referat.models import Attachment
from referat.parsers.attachments import parse_attachments
from referat.parsers.attendance import absent_names
from referat.parsers.recommendations import parse_recommendations
from referat.vocabulary import Vocabulary

V = Vocabulary.default()


def test_attachment_number_broken_over_lines_is_joined() -> None:
    got = parse_attachments(["Udviklingsrapport Kalundborg-0321", "326-2021-", "56646",
                             "Integrationspolitik 2019-2021", "326-2019-", "39524"], V)
    assert got == [
        Attachment(title="Udviklingsrapport Kalundborg-0321", document_number="326-2021-56646"),
        Attachment(title="Integrationspolitik 2019-2021", document_number="326-2019-39524"),
    ]


def test_attachment_listed_twice_is_merged_and_numbering_dropped() -> None:
    got = parse_attachments(["1. Brev af 6. marts 2019 (pdf)", "Rapport", "326-2021-1",
                             "Rapport", "Ingen bilag."], V)
    assert [a.title for a in got] == ["Brev af 6. marts 2019 (pdf)", "Rapport"]
    assert got[1].document_number == "326-2021-1"
    assert parse_attachments(["Ingen bilag."], V) == []


def test_recommendation_points() -> None:
    blocks = [("para", "Arbejdsmarkedschefen indstiller, at"), ("list_item", "1) Orientering tages"),
              ("list_item", "2) Procesplan godkendes")]
    assert parse_recommendations(blocks) == ["Orientering tages", "Procesplan godkendes"]
    assert parse_recommendations([("para", "Direktøren indstiller, at sagen drøftes.")]) == [
        "at sagen drøftes."]
    assert parse_recommendations([("para", "Borgmesteren indstiller,"),
                                  ("para", "1.    at dagsordenen godkendes")]) == [
        "at dagsordenen godkendes"]


def test_absent_names() -> None:
    assert absent_names(["Fraværende: Unnie Oldenburg (A)"], V) == ["Unnie Oldenburg"]
    assert absent_names(["Fraværende: Peter Muhl (A)."], V) == ["Peter Muhl"]
    assert absent_names(["Per Lund Sørensen deltog ikke i behandlingen af punktet."], V) == [
        "Per Lund Sørensen"]
    assert absent_names(["Anne Hansen (V) erklærede sig inhabil og forlod mødet."], V) == [
        "Anne Hansen"]
    assert absent_names(["Fraværende: ", "Fraværende: Ingen"], V) == []


def test_vocabulary_fuzzy_and_glued_headings() -> None:
    v = Vocabulary.default()
    assert v.section_kind("BESLUTNING:") == ("decision", False)
    assert v.section_kind("Økonomiske konsekvendser") == ("financial", True)
    assert v.split_glued_heading("BeslutningGodkendt.") == ("Beslutning", "Godkendt.")
    assert v.split_glued_heading("Bilag: Ingen bilag.") == ("Bilag", "Ingen bilag.")
    assert v.split_glued_heading("Beslutninger om dagsordenen") is None
    assert v.split_glued_heading("Behandling af sagen sker i udvalget") is None


def test_vocabulary_can_be_extended() -> None:
    v = Vocabulary.default().extend({"sections": {"financial": ["Pengesager"]},
                                     "labels": {"location": ["Mødeadresse"]}})
    assert v.section_kind("Pengesager") == ("financial", False)
    assert v.match_label("Mødeadresse: Torvet 1") == ("location", "Mødeadresse", "Torvet 1")
    assert Vocabulary.default().section_kind("Pengesager", fuzzy=False) is None


def test_vocabulary_from_toml_extends_committee_endings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "v.toml"
    extra.write_text('committee_suffixes = ["kommissionen"]\n[labels]\nlocation = ["Mødeadresse"]\n',
                     encoding="utf-8")
    v = Vocabulary.from_toml(extra)
    hit = v.committee_regex.search("Beslutning i Vejkommissionen den 3. maj 2020")
    assert hit is not None and hit.group(0) == "Vejkommissionen"
    assert Vocabulary.default().committee_regex.search("Vejkommissionen") is None
