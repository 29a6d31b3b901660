"""Issue 13: archives at scale without surprises. One regression test per case, named after it.

Each test reproduces what the issue reported and asserts the fixed behaviour; the table of cases
with before/after behaviour is in docs/limits.md.
"""

from __future__ import annotations

import datetime as dt

import referat


def _header(*lines: str) -> str:
    return "\n".join(["Referat", "Økonomiudvalget", *lines, "",
                      "1. Godkendelse af dagsorden", "Godkendt.", ""])


# --- 12: a date is never a time ------------------------------------------------------------------


def test_issue_13_date_is_not_a_time() -> None:
    for lines in (["Dato: 04.12.2031"], ["Mødedato: 04.12.31"], ["Dato: 04.12.2031", "kl. 13:00"]):
        meeting = referat.parse(_header(*lines))
        assert meeting.date == dt.date(2031, 12, 4)
        assert meeting.start_time != "04:12", lines
    meeting = referat.parse(_header("Dato: 04.12.2031", "kl. 13:00"))
    assert meeting.start_time == "13:00"
    meeting = referat.parse(_header("Dato: 04.12.2031", "kl. 13.00-15.30"))
    assert (meeting.start_time, meeting.end_time) == ("13:00", "15:30")
    assert referat.parse(_header("Mødetidspunkt: 17.00")).start_time == "17:00"
