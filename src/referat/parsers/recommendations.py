"""The points of an Indstilling: numbered ("- 1) ...", "1. at ...", "a) ...") or "at ..."."""

from __future__ import annotations

import regex

_MARK = regex.compile(r"^\s*[-•·]?\s*(?:\(?(?:\d{1,2}|[a-z])\s*[.)]|\d{1,2}\s*:)\s*(?=\S)",
                      regex.IGNORECASE)
_AND = regex.compile(r"^(?:at|og)\s", regex.IGNORECASE)
_AT = regex.compile(
    r"(?:^|,|:|\b(?:indstiller|foreslår|anbefaler|indstilles|foreslås))\s*(?P<at>at\s+\S.*)$",
    regex.IGNORECASE,
)


def parse_recommendations(blocks: list[tuple[str, str]]) -> list[str]:
    """``blocks`` are (kind, text) pairs of one recommendation section."""
    points: list[str] = []
    for kind, text in blocks:
        m = _MARK.match(text)
        if m:
            points.append(text[m.end():].strip())
        elif kind == "list_item" or (points and _AND.match(text)):
            points.append(text.strip())
    if points:
        return points
    for _, text in blocks:
        m = _AT.search(text)
        if m and len(m["at"]) > 5:
            points.append(m["at"].strip())
    return points
