"""Decisions: "Beslutning" sections and the lines that name a body and a date.

``"Direktionens møde den 19. april 2021:"``, ``"Beslutning i Økonomiudvalget den 1. oktober
2018:"``, ``"Beslutning Teknik- og Miljøudvalget den 11-08-2021"``, ``"Økonomiudvalgets beslutning
i mødet den 31. marts 2020"``, ``"Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42"``,
``"Byrådet, 16.12.2014"``, ``"Teknik- og Miljøudvalget, 10. september 2019, pkt. 65: Anbefales."``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from .dates import find_date

_BODY = r"(?P<body>[\p{Lu}][\p{L}\p{M}0-9&.,/ -]*?(?:udvalg(?:et)?|rådet|råd|nævnet|bestyrelsen|" \
    r"Byrådet|Direktionen|Direktion|Borgerrepræsentationen|Kommunalbestyrelsen|Forum|forum|" \
    r"Regionsrådet|[\p{L}]+(?:et|en)))"
_HEADS = [
    regex.compile(rf"^(?:Beslutning|Afgørelse)\s+(?:i|fra|på)?\s*{_BODY}\s*(?:s\s+møde)?"
                  r"(?:\s+(?:den|d\.)\s*(?P<rest>.*))?$", regex.IGNORECASE),
    regex.compile(rf"^{_BODY}s?\s+(?:beslutning|afgørelse)(?:\s+(?:i|på)\s+mødet)?"
                  r"(?:\s+(?:den|d\.)\s*(?P<rest>.*))?$", regex.IGNORECASE),
    regex.compile(rf"^{_BODY}s\s+møde\s+(?:den|d\.)\s*(?P<rest>.*)$", regex.IGNORECASE),
    regex.compile(rf"^{_BODY}\s*,\s*(?P<rest>\d.*)$"),
]
_PKT = regex.compile(r"^[,\s]*(?:pkt\.?|punkt)\s*\d+\s*", regex.IGNORECASE)
_POINT = regex.compile(r"^\s*(?:at\s+)?(?P<n>\d{1,2})\s*[.):]\s*(?=\S)(?P<text>.*)$",
                       regex.IGNORECASE)


@dataclass
class DecisionHead:
    body: str | None
    date: dt.date | None
    inline: str  # text that followed on the same line ("...: Anbefales.")


def match_decision_head(line: str) -> DecisionHead | None:
    """A line that opens a decision by a named body on a date (the date is required)."""
    text = line.strip()
    if len(text) > 220:
        return None
    for rx in _HEADS:
        m = rx.match(text)
        if m is None:
            continue
        rest = m.groupdict().get("rest") or ""
        hit = find_date(rest)
        if hit is None:
            if rest.strip(" :"):
                continue
            if rx is _HEADS[3]:
                continue
            if not regex.match(r"^(?:beslutning|afgørelse)", text, flags=regex.IGNORECASE):
                continue
            date = None
            after = ""
        else:
            date = hit[0]
            after = rest[hit[1][1]:]
            if rest[: hit[1][0]].strip(" ,"):
                continue
        after = _PKT.sub("", after.lstrip(" ,"))
        after = regex.sub(r"^(?:kl\.?\s*[\d.:]+\s*)?", "", after).strip()
        after = regex.sub(r"^(?:punkt|pkt\.?)\s*\d+\s*", "", after, flags=regex.IGNORECASE)
        inline = after.lstrip(" :").strip()
        if after and not after.startswith(":") and inline and len(inline) > 80:
            continue
        body = regex.sub(r"s$", "", m["body"].strip()) if rx in (_HEADS[1], _HEADS[2]) \
            else m["body"].strip()
        return DecisionHead(body=body.strip(" ,"), date=date, inline=inline)
    return None


def decision_points(text: str) -> list[str]:
    """Numbered points of a decision: "1. Taget til efterretning." / "At 1: Godkendt."."""
    points: list[str] = []
    expect = 1
    for line in text.split("\n"):
        m = _POINT.match(line)
        if m and int(m["n"]) == expect:
            points.append(m["text"].strip())
            expect += 1
        elif m and points and int(m["n"]) == expect - 1:
            continue
    return points if len(points) >= 2 or (points and text.lstrip().casefold().startswith("at")) \
        else []
