"""Issue 10, family 9: the rules behind the Word exports, on plain text of the same shapes
(the exports themselves are tested in ``test_issue_10_exports.py``)."""

from __future__ import annotations

import referat

HEAD = """REFERAT
Teknik- og Miljøudvalget
Mødedato: Tirsdag den 14. marts 2023
Mødetidspun Kl. 16.00 – 18.20
kt:
Mødedeltage Lone Brix (A), Peter Holm (V), re: Karen Thygesen (C)
Afbud: Peter Holm (V) fra kl. 17.30 (deltog ikke i punkt 5-8)
"""
ITEMS = """
1. Godkendelse af dagsorden
Sagsnr.: 23/1187
Beslutning
Godkendt.

2. Eventuelt
Sagsnr.: 23/1188
Bilagsliste
Tidsplan for renoveringen (2232/24)
Beslutning
Intet.
"""
SIGNATURES = """
Underskriftsside
Referatet er godkendt og underskrevet af:
Lone Brix
"""


def test_a_label_wrapped_in_its_cell_is_still_the_label() -> None:
    m = referat.parse(HEAD + ITEMS)
    assert (m.start_time, m.end_time) == ("16:00", "18:20")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lone Brix", False), ("Peter Holm", False), ("Karen Thygesen", False)]


def test_a_line_that_only_starts_like_a_label_is_left_alone() -> None:
    m = referat.parse(HEAD.replace("kt:", "ok:").replace("re:", "ok:") + ITEMS)
    assert (m.start_time, m.end_time) == (None, None)
    assert "Lone Brix" not in [p.name for p in m.participants]


def test_the_signature_page_after_the_last_item_is_the_meetings() -> None:
    m = referat.parse(HEAD + ITEMS + SIGNATURES)
    last = m.items[-1]
    assert [s.kind for s in last.sections] == ["attachments", "decision"]
    assert last.decisions[-1].text == "Intet."
    assert "Referatet er godkendt og underskrevet af:" in m.notes
    assert "Lone Brix" in m.notes


def test_an_items_own_list_of_attachments_stays_its_section_without_pages() -> None:
    """'Bilagsliste' is also an item's section heading: as end matter only where it starts a
    page, so in text (no pages) the last item keeps it."""
    m = referat.parse(HEAD + ITEMS)
    assert [a.title for a in m.items[-1].attachments] == ["Tidsplan for renoveringen (2232/24)"]


TOC = """
Indholdsfortegnelse
1. Godkendelse af dagsorden..........2
2. Eventuelt..........2
Underskriftsside..........3
"""


def test_a_toc_ending_in_end_matter_gives_way_to_the_items() -> None:
    """The first item after a TOC whose last entry is unnumbered end matter is an item (the
    numbering starts again), and the end-matter entry is no missing item."""
    m = referat.parse(HEAD + TOC + ITEMS + SIGNATURES)
    assert [it.number for it in m.items] == [1, 2]
    assert [(e.number, e.title, e.page) for e in m.toc] == [
        (1, "Godkendelse af dagsorden", 2), (2, "Eventuelt", 2), (None, "Underskriftsside", 3)]
    assert not [i for i in m.issues if i.code == "toc_entry_without_item"]


def test_page_numbers_right_after_the_titles_are_pages() -> None:
    """A Word TOC in the simple style: the page follows the title after a space; when every
    numbered entry ends in a number and they never go down, those are the pages."""
    toc = "\nIndholdsfortegnelse\n1. Godkendelse af dagsorden 2\n2. Takster for 2023 2\n" \
          "3. Eventuelt 3\n"
    items = ITEMS + "\n3. Eventuelt\nSagsnr.: 23/1189\nBeslutning\nIntet.\n"
    m = referat.parse(HEAD + toc + items.replace("2. Eventuelt", "2. Takster for 2023"))
    assert [(e.number, e.title, e.page) for e in m.toc] == [
        (1, "Godkendelse af dagsorden", 2), (2, "Takster for 2023", 2), (3, "Eventuelt", 3)]


def test_a_label_wrapped_over_three_lines_of_its_cell() -> None:
    """Pieces of the label among the value's words ("eltager") and on a line of their own
    ("dspunk t:", "e:") make the label again; the value keeps only its own words."""
    head = HEAD.replace("Mødetidspun Kl. 16.00 – 18.20\nkt:", "Mødeti Kl. 16.00 – 18.20\ndspunk t:")
    head = head.replace("Mødedeltage Lone Brix (A), Peter Holm (V), re: Karen Thygesen (C)",
                        "Møded Lone Brix (A), Peter Holm (V), eltager Karen Thygesen (C)\ne:")
    m = referat.parse(head + ITEMS)
    assert (m.start_time, m.end_time) == ("16:00", "18:20")
    assert [(p.name, p.note) for p in m.participants] == [
        ("Lone Brix", "(A)"), ("Peter Holm", "(V)"), ("Karen Thygesen", "(C)")]


def test_the_meetings_list_of_attachments_by_item_is_end_matter() -> None:
    """'Bilagsliste' followed by an item's heading again lists the attachments of the whole
    meeting (by item), also where no page break sets it apart."""
    bilag = "\nBilagsliste\n1. Godkendelse af dagsorden\n1. Dagsorden (2231/24)\n"
    m = referat.parse(HEAD + ITEMS + bilag)
    assert [s.kind for s in m.items[-1].sections] == ["attachments", "decision"]
    assert "1. Dagsorden (2231/24)" in m.notes


def test_a_label_wrapped_at_a_space_in_its_cell() -> None:
    """'Fraværende' / 'med afbud:': the cell broke a label of several words at a space."""
    head = HEAD.replace("Afbud: Peter Holm (V) fra kl. 17.30 (deltog ikke i punkt 5-8)",
                        "Fraværende Søren Kjær (O)\nmed afbud:")
    m = referat.parse(head + ITEMS)
    assert ("Søren Kjær", True) in [(p.name, p.absent) for p in m.participants]
    assert not [n for n in m.notes if "afbud" in n]  # the label's rest is no note


def test_a_wrapped_label_whose_value_goes_on_under_it() -> None:
    """'Mødedeltage A, B,' then 're: C' as lines of their own: the value's next line starts
    with the label's rest."""
    head = HEAD.replace("Mødedeltage Lone Brix (A), Peter Holm (V), re: Karen Thygesen (C)",
                        "Mødedeltage Lone Brix (A), Peter Holm (V),\nre: Karen Thygesen (C)")
    m = referat.parse(head + ITEMS)
    assert [p.name for p in m.participants] == ["Lone Brix", "Peter Holm", "Karen Thygesen"]
