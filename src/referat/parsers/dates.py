"""Danish dates and times in their many printed forms.

``"Mandag d. 22. august 2022 kl. 16:30"``, ``"d. 19-04-2021"``, ``"04.12.2012"``,
``"onsdag den 1. oktober 2025 kl. 15.45"``, ``"kl. 16.30-18.00"``, ``"24-06-2014 10:00:00"``,
``"April 3, 2019 - 18:00"``, ``"15-maj-2002"``. Each function takes text and returns what it
found and where.
"""

from __future__ import annotations

import datetime as dt

import regex

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_TEXTUAL = regex.compile(
    rf"\b(?P<d>[0-3]?\d)\.?\s*(?P<m>{_MONTH_ALT})\.?\s+(?P<y>(?:19|20)\d\d)\b", regex.IGNORECASE
)
_DASHED = regex.compile(  # "15-maj-2002"
    rf"\b(?P<d>[0-3]?\d)-(?P<m>{_MONTH_ALT})-(?P<y>(?:19|20)\d\d)\b", regex.IGNORECASE
)
_ENGLISH = regex.compile(
    rf"\b(?P<m>{_MONTH_ALT})\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)\b", regex.IGNORECASE
)
_NUMERIC = regex.compile(
    r"(?<![\w.-])(?P<d>[0-3]?\d)[-./](?P<m>[01]?\d)[-./](?P<y>(?:19|20)?\d\d)(?![\d-])"
)
_ISO = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?"
_KL_RANGE = regex.compile(
    rf"\b(?:kl|klokken)\.?\s*(?P<a>{_TIME}|[01]?\d|2[0-3])(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(?P<b>{_TIME}))?",
    regex.IGNORECASE,
)
_BARE_RANGE = regex.compile(rf"(?<![\d.:])(?P<a>{_TIME})(?:\s*(?:-|–)\s*(?P<b>{_TIME}))?(?![\d])")


def _mk(y: str, m: str | int, d: str) -> dt.date | None:
    year = int(y)
    if year < 100:
        year += 2000 if year < 70 else 1900
    month = m if isinstance(m, int) else int(m)
    try:
        return dt.date(year, month, int(d))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first date in ``text`` and its span."""
    found: list[tuple[int, dt.date, tuple[int, int]]] = []
    for rx in (_TEXTUAL, _DASHED, _ENGLISH):
        for m in rx.finditer(text):
            date = _mk(m["y"], MONTHS[m["m"].casefold()], m["d"])
            if date:
                found.append((m.start(), date, m.span()))
                break
    for rx in (_ISO, _NUMERIC):
        for m in rx.finditer(text):
            date = _mk(m["y"], m["m"], m["d"])
            if date:
                found.append((m.start(), date, m.span()))
                break
    if not found:
        return None
    _, date, span = min(found, key=lambda f: f[0])
    return date, span


def _hhmm(t: str) -> str:
    parts = t.replace(".", ":").split(":")
    return f"{int(parts[0]):02d}:{int(parts[1]) if len(parts) > 1 else 0:02d}"


def find_times(text: str) -> tuple[str | None, str | None]:
    """Start and end time (``"HH:MM"``) in ``text``: ``kl. 16.30-18.00`` or a bare ``12:30``."""
    m = _KL_RANGE.search(text)
    if m is None:
        m = _BARE_RANGE.search(_strip_dates(text))
        if m is None or (":" not in m["a"] and not m["b"]):
            return None, None
    start = _hhmm(m["a"])
    end = _hhmm(m["b"]) if m["b"] else None
    return start, end


def _strip_dates(text: str) -> str:
    for rx in (_NUMERIC, _ISO):
        text = rx.sub(" ", text)
    return text


def parse_date(text: str) -> dt.date | None:
    hit = find_date(text)
    return hit[0] if hit else None
