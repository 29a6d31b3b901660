import datetime as dt

import pytest

from referat.parsers.dates import find_date, find_times


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Mandag d. 22. august 2022 kl. 16:30", dt.date(2022, 8, 22)),
        ("REFERAT Direktionen d. 19-04-2021", dt.date(2021, 4, 19)),
        ("onsdag den 1. oktober 2025 kl. 15.45", dt.date(2025, 10, 1)),
        ("beslutning den 04.12.2012 Punkt 8", dt.date(2012, 12, 4)),
        ("STARTTIDSPUNKT 24-06-2014 10:00:00", dt.date(2014, 6, 24)),
        ("Dato: Onsdag, April 3, 2019 - 18:00", dt.date(2019, 4, 3)),
        ("Mødedato 2022-08-22", dt.date(2022, 8, 22)),
        ("den 6. dec. 2018", dt.date(2018, 12, 6)),
    ],
)
def test_danish_dates(text: str, date: dt.date) -> None:
    hit = find_date(text)
    assert hit is not None and hit[0] == date


@pytest.mark.parametrize("text", ["85.02.02-G01-5-17", "sag nr. 31-99", "ingen dato her"])
def test_not_dates(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Mandag d. 22. august 2022 kl. 16:30", ("16:30", None)),
        ("kl. 16.30-18.00", ("16:30", "18:00")),
        ("Kl. 12:00-15:00", ("12:00", "15:00")),
        ("24-06-2014 10:00:00", ("10:00", None)),
        ("onsdag den 1. oktober 2025 kl. 15.45", ("15:45", None)),
        ("den 04.12.2012", (None, None)),
    ],
)
def test_times(text: str, times: tuple[str | None, str | None]) -> None:
    assert find_times(text) == times
