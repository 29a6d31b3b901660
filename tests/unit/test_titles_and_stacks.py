"""Item titles with interface text or an open marker, and decisions of earlier bodies stacked in
an item (issue 10, families 4 and 7)."""

from __future__ import annotations

import referat
from referat.parsers.item import strip_glued_echo


def test_interface_text_glued_to_a_title_that_it_repeats() -> None:
    t = "Godkendelse af referatKlik her for at folde ud og læse mere om Godkendelse af referat"
    assert strip_glued_echo(t) == "Godkendelse af referat"
    t = ("Lokal Fællesvarme - udmøntning af midlerKlik her for at folde ud og læse mere om Lokal "
         "Fællesvarme - udmøntning")     # the site shortens the echo
    assert strip_glued_echo(t) == "Lokal Fællesvarme - udmøntning af midler"
    assert strip_glued_echo("Budget 2020.Orientering om status") == \
        "Budget 2020.Orientering om status"


def test_open_marker_is_stripped_only_as_a_marker() -> None:
    text = ("Referat\n\n301. Åben dagsorden - godkendelse\nBeslutning\nGodkendt.\n\n"
            "302. Åbent: Planstrategi 2020\nBeslutning\nGodkendt.\n")
    assert [i.title for i in referat.parse(text).items] == [
        "Åben dagsorden - godkendelse", "Planstrategi 2020"]


def test_stacked_earlier_decisions_give_neither_date_nor_committee() -> None:
    text = ("Referat\n\n301. Dagsorden - godkendelse\nBeslutning\nIkke til stede: A (C)\n"
            "Godkendt.\n\n302. Planstrategi 2020\nIndstilling\nDirektøren indstiller, at\n"
            "Social og Sundhed, 6. januar 2020, pkt. 123:\nAnbefales.\n"
            "Direktionen, 6. januar 2020, pkt. 2:\nAnbefales.\n")
    m = referat.parse(text)
    assert (m.date, m.committee) == (None, None)
    final = [d for d in m.items[0].decisions if d.final]
    assert len(final) == 1 and final[0].text.startswith("Ikke til stede")
