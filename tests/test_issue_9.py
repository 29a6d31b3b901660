"""Issue 9: the item-heading form is chosen per document, so a numbered line of another form
inside an item is body text, never an item; and every block's label names its rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import referat
import referat.parsers.document as document
from referat.blocks import Document
from referat.parsers.trace import Trace

_BUDGET = (
    "Referat Økonomiudvalget 2. maj 2023\n\n"
    "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
    "2. Budget 2024\n\nSagsfremstilling\n\nForvaltningen har udarbejdet et budget.\n\n"
    "Nr. 7 Driftsrammen for skoleområdet hæves med 2 mio. kr.\n\n"
    "Nr. 9 Anlægsrammen for veje fastholdes.\n\nBeslutning\n\nGodkendt.\n\n"
    "3. Meddelelser\n\nBeslutning\n\nTaget til efterretning.\n\n"
    "4. Eventuelt\n\nBeslutning\n\nIntet.\n"
)

_NOISE = (
    "# Referat Teknik- og Miljøudvalget 11. marts 2019\n\n"
    "## 1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
    "## 2. Klager over støj\n\nSagsfremstilling\n\nForvaltningen har modtaget klager.\n\n"
    "3 Borgere har klaget over støj fra vejen.\n\nBeslutning\n\nTaget til efterretning.\n\n"
    "## 4. Eventuelt\n\nBeslutning\n\nIntet.\n"
)


def test_issue_9_numbered_body_lines_of_another_form_are_no_items() -> None:
    m = referat.parse(_BUDGET)
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Budget 2024"), (3, "Meddelelser"),
        (4, "Eventuelt")]
    assert not m.notes
    text = m.items[1].sections[0].text
    assert "Nr. 7 Driftsrammen" in text and "Nr. 9 Anlægsrammen" in text


def test_issue_9_a_sentence_starting_with_a_number_is_no_item_among_heading_items() -> None:
    m = referat.parse(_NOISE, format="markdown")
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Klager over støj"), (4, "Eventuelt")]
    assert "3 Borgere har klaget" in m.items[1].sections[0].text
    assert [i.code for i in m.issues] == ["numbering_gap"]  # the document skips 3: said so


def test_issue_9_the_stream_names_the_form_and_the_node() -> None:
    a = referat.analyse(_NOISE, format="markdown")
    heads = [(s.rule, s.node) for s in a.stream if s.label == "item_heading"]
    assert heads == [("items.form:bare/h2", f"items[{k}]") for k in range(3)]
    borgere = next(s for s in a.stream if s.block.text.startswith("3 Borgere"))
    assert (borgere.label, borgere.node) == ("body", "items[1].sections[0]")
    title = next(s for s in a.stream if s.label == "title")
    assert (title.rule, title.node) == ("header.title", "header.title")


def test_issue_9_a_heading_that_names_itself_joins_the_chain() -> None:
    m = referat.parse("1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
                      "Punkt 2: Lukket: Personalesag\n\nBeslutning\n\nGodkendt.\n")
    assert [(i.number, i.title, i.closed) for i in m.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Personalesag", True)]


def test_issue_9_issues_carry_their_location() -> None:
    m = referat.parse(_NOISE, format="markdown")
    gap = m.issues[0]
    assert gap.source and gap.source[0].line == 21  # the heading of item 4
    assert _NOISE.splitlines()[20] == "## 4. Eventuelt"


def test_issue_9_unnumbered_items_get_no_invented_number() -> None:
    text = ("Referat\nØkonomiudvalget\nMødedato: 12.03.2020\n\n"
            "Sagsid.: 20/33839\nSalg af grund\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n\n"
            "Sagsid.: 20/33840\nKøb af bygning\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n")
    m = referat.parse(text)
    assert [(i.number, i.position) for i in m.items] == [(None, 1), (None, 2)]
    assert "item_numbers_inferred" in {i.code for i in m.issues}


def test_issue_10_closed_items_without_body_end_the_list() -> None:
    text = ("Referat\n\n • 159. Dagsorden - godkendelse\nBeslutning\nGodkendt.\n\n"
            " • 160. Temadrøftelse af vejen\nBeslutning\nDrøftet.\n\n"
            " • 161. Diverse orienteringer (Lukket)\n\n • 162. Underskriftsark (Lukket)\n")
    m = referat.parse(text)
    assert [(i.number, i.closed) for i in m.items] == [
        (159, False), (160, False), (161, True), (162, True)]



def test_issue_9_every_block_gets_exactly_one_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """No step relabels what an earlier step labelled: over every sample (text, Markdown, HTML,
    PDF), no block is given a second label (the trace records any that would be)."""
    traces: list[Trace] = []

    class Recording(Trace):
        def __init__(self, doc: Document) -> None:
            super().__init__(doc)
            traces.append(self)

    monkeypatch.setattr(document, "Trace", Recording)
    samples = Path(__file__).parent / "samples"
    files = sorted(p for p in samples.rglob("*") if p.suffix in (".txt", ".md", ".html", ".pdf")
                   and not p.name.startswith(("SOURCES", "TRUTH")))
    for p in files:
        referat.analyse(p)
    assert len(traces) == len(files)
    assert [(str(t.doc.blocks[0].text[:40]), r) for t in traces for r in t.relabelled] == []
