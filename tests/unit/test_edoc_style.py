"""A document in the style of another publishing system (eDoc, Copenhagen): case numbers in
parentheses after titles, "<Body>s beslutning i mødet den ...", "Indstilling og beslutning",
a numbered Bilag list followed directly by the next item's heading. Written for this test."""

import datetime as dt
from pathlib import Path

import referat

DOC = Path(__file__).parent / "data" / "edoc_style.txt"


def test_edoc_style_document() -> None:
    m = referat.parse(DOC)
    assert (m.committee, m.date, m.start_time, m.location) == (
        "Borgerrepræsentationen", dt.date(2020, 6, 18), "17:30",
        "Rådhuset, Borgerrepræsentationens mødesal")
    assert [(e.number, e.title, e.page, e.closed) for e in m.toc] == [
        (1, "Valg af ny næstformand", 3, False), (2, "Budget 2021", 4, False),
        (3, "Salg af grund", 6, True)]
    assert [(i.number, i.title, i.case_number, i.closed) for i in m.items] == [
        (1, "Valg af ny næstformand", "2020-0178653", False),
        (2, "Budget 2021", "2020-0123456", False),
        (3, "Salg af grund", None, True)]
    one, two, _ = m.items
    assert [a.title for a in one.attachments] == ["Anmodning om udtræden"]
    assert one.recommendations == ["at Anne Hansen vælges som næstformand"]
    assert [(d.body, d.date, d.final) for d in two.decisions] == [
        ("Borgerrepræsentationen", dt.date(2020, 6, 18), True)]
    assert two.absent == ["Peter Jensen"]
    assert two.recommendations == ["at budgettet godkendes", "at rammen fastholdes"]
    assert not m.issues
