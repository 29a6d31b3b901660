"""The vocabulary: immutable defaults, checked extensions (issue 9, part 4)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, get_args

import pytest
from click.testing import CliRunner

import referat
from referat.cli import main
from referat.errors import ReferatError, VocabularyError
from referat.models import SectionKind
from referat.vocabulary import Vocabulary

DOC = "Punkt 1: Budget\n\nPengesager\n\nIngen.\n\nPunkt 2: Skole\n\nBeslutning\n\nGodkendt.\n"


def _parse() -> dict[str, Any]:
    return referat.parse(DOC).model_dump(mode="json")


def test_the_default_vocabulary_cannot_be_changed_in_place() -> None:
    before = _parse()
    v = Vocabulary.default()
    attempts = [
        lambda: v.sections["financial"].append("Pengesager"),  # type: ignore[attr-defined]
        lambda: v.sections.__setitem__("financial", ("Pengesager",)),  # type: ignore[attr-defined]
        lambda: v.labels["location"].append("Pengesager"),  # type: ignore[attr-defined]
        lambda: v.toc_headings.append("Pengesager"),  # type: ignore[attr-defined]
        lambda: v.document_types["referat"].append("Pengesager"),  # type: ignore[attr-defined]
        lambda: setattr(v, "chrome", ["Pengesager"]),
    ]
    for attempt in attempts:
        with pytest.raises((AttributeError, TypeError)):
            attempt()
    assert _parse() == before
    assert Vocabulary.default().section_kind("Pengesager", fuzzy=False) is None


def test_extending_returns_a_new_vocabulary_and_leaves_the_default_alone() -> None:
    bigger = Vocabulary.default().extend({"sections": {"financial": ["Pengesager"]}})
    assert bigger.section_kind("Pengesager") == ("financial", False)
    assert Vocabulary.default().section_kind("Pengesager", fuzzy=False) is None
    meeting = referat.parse(DOC, vocabulary=bigger)
    assert [s.kind for s in meeting.items[0].sections] == ["financial"]
    assert "financial" not in [s["kind"] for s in _parse()["items"][0]["sections"]]


def test_a_vocabulary_built_from_lists_is_frozen_too() -> None:
    v = Vocabulary(toc_headings=["Indhold"], sections={"decision": ["Beslutning"]})
    assert v.toc_headings == ("Indhold",)
    assert v.sections["decision"] == ("Beslutning",)
    assert pickle.loads(pickle.dumps(v)).sections["decision"] == ("Beslutning",)


@pytest.mark.parametrize(("extra", "key", "allowed"), [
    ({"document_types": {"minutes": ["Minutes"]}}, "minutes", ("referat", "dagsorden")),
    ({"sections": {"budget": ["Budget"]}}, "budget", get_args(SectionKind)),
    ({"labels": {"mayor": ["Borgmester"]}}, "mayor", ("date", "end", "location")),
    ({"headings": ["Indhold"]}, "headings", ("sections", "labels", "toc_headings")),
])
def test_an_unknown_key_is_a_typed_error_naming_it_and_the_allowed_ones(
        extra: dict[str, Any], key: str, allowed: tuple[str, ...]) -> None:
    with pytest.raises(VocabularyError) as err:
        Vocabulary.default().extend(extra)
    assert isinstance(err.value, ReferatError)
    assert err.value.key == key and repr(key) in str(err.value)
    assert set(allowed) <= set(err.value.allowed)
    assert all(a in str(err.value) for a in allowed)


@pytest.mark.parametrize("extra", [
    {"toc_headings": "Indhold"},               # a string, not a list
    {"toc_headings": [""]},                    # an empty word would match everywhere
    {"toc_headings": [3]},
    {"sections": ["Beslutning"]},              # a list where a table belongs
    {"sections": {"decision": "Beslutning"}},
    {"fuzzy_cutoff": 50},                      # not a word list
])
def test_a_malformed_extension_is_a_typed_error(extra: dict[str, Any]) -> None:
    with pytest.raises(VocabularyError):
        Vocabulary.default().extend(extra)


def test_the_contract_and_the_default_tables_agree() -> None:
    assert set(Vocabulary.default().sections) == set(get_args(SectionKind))
    assert set(Vocabulary.default().document_types) == {"referat", "dagsorden"}


def test_a_bad_toml_file_names_the_file_and_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[document_types]\nminutes = ["Minutes"]\n', encoding="utf-8")
    with pytest.raises(VocabularyError) as err:
        Vocabulary.from_toml(bad)
    assert err.value.source == str(bad) and err.value.key == "minutes"
    broken = tmp_path / "broken.toml"
    broken.write_text("[sections\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="not valid TOML"):
        Vocabulary.from_toml(broken)
    doc = tmp_path / "m.txt"
    doc.write_text(DOC, encoding="utf-8")
    out = CliRunner().invoke(main, ["parse", str(doc), "--vocabulary", str(bad)])
    assert out.exit_code == 2 and "minutes" in out.output and "Traceback" not in out.output


def test_the_error_survives_a_process_pool() -> None:
    err = VocabularyError("x.toml", "bad", key="k", allowed=("a", "b"))
    back = pickle.loads(pickle.dumps(err))
    assert (back.source, back.reason, back.key, back.allowed) == ("x.toml", "bad", "k", ("a", "b"))


def test_case_labels_can_be_extended_also_by_a_label_without_letters() -> None:
    """A user's own case-reference label is found like the built-in ones (and one made only of
    signs, "№", must not break the cheap pre-test); an unknown field is a VocabularyError."""
    import referat
    from referat.errors import VocabularyError

    text = ("Referat\nØkonomiudvalget\nMødedato: 3. marts 2024\n\n1. Godkendelse af dagsorden\n"
            "{label} 24-0012345\nBeslutning\nGodkendt.\n")
    for label in ("Sagsnummer i Acadre:", "№:"):
        word = label.rstrip(":")
        vocab = referat.Vocabulary.default().extend({"case_labels": {"case_number": [word]}})
        meeting = referat.parse(text.format(label=label), vocabulary=vocab)
        assert meeting.items[0].case_number == "24-0012345"
    with pytest.raises(VocabularyError, match="case_labels"):
        referat.Vocabulary.default().extend({"case_labels": {"sag": ["X"]}})


def test_a_users_short_heading_word_is_found_glued_to_its_text() -> None:
    """The glued-heading screen looks at as many first letters as the shortest heading has."""
    vocab = Vocabulary.default().extend({"sections": {"other": ["Ad"]}})
    assert vocab.split_glued_heading("Ad: punktet udgik") == ("Ad", "punktet udgik")
    assert vocab.split_glued_heading("AdPunktet udgik") == ("Ad", "Punktet udgik")
    assert Vocabulary.default().split_glued_heading("Ad: punktet udgik") is None
    assert vocab.may_name_body("Økonomiudvalget") and not vocab.may_name_body("Borgmesteren")


@pytest.mark.parametrize(("line", "chrome"), [
    ("Udskriv", True), ("Udskriv:", True), ("* Udskriv", True), ("** -- Udskriv --", True),
    ("Hent som PDF Kopier link", True), ("|  Tilbage  |", True), ("Udskriv Side", True),
    ("Udskriv referatet", False), ("Tilbagebetaling af lån", False), ("-- -- -- --", False),
    ("Sagen blev udsat. " * 20, False),
])
def test_chrome_lines_are_known_whatever_their_edges(line: str, chrome: bool) -> None:
    """The first-word screen in front of the chrome test never turns a chrome line away."""
    assert Vocabulary.default().is_chrome(line) is chrome
