"""The points of an Indstilling: numbered ("- 1) ...", "1. at ...", "At 1) ...") or "at ...".

Numbering markers are stripped; the wording ("at ...") is kept. Sub-points under a point
("1.1 ...", "a) ...") belong to that point and are joined to it with line breaks.
"""

from __future__ import annotations

import regex

_MARK = regex.compile(
    r"^\s*[-•·]?\s*(?:at\s*\)|(?:at\s+)?(?:\(?(?P<n>\d{1,2})\s*[.)]|(?P<c>\d{1,2})\s*:))\s*(?=\S)",
    regex.IGNORECASE,
)
_SUB = regex.compile(r"^\s*(?:\d{1,2}\.\d{1,2}\.?|\(?[a-zæøå]\))\s+(?=\S)", regex.IGNORECASE)
_LEAD_IN = regex.compile(r"\b(?:indstill\w*|foreslå\w*|anbefal\w*)\s*,?\s+at\s*:?\s*$",
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
        if points and _SUB.match(text):
            points[-1] = f"{points[-1]}\n{text.strip()}"
            continue
        m = _MARK.match(text)
        if m:
            points.append(text[m.end():].strip())
        elif kind == "list_item" or (points and _AND.match(text)):
            points.append(text.strip())
    if points:
        return points
    for k, (_, text) in enumerate(blocks):
        m = _AT.search(text)
        if m and len(m["at"]) > 5:
            points.append(m["at"].strip())
        elif _LEAD_IN.search(text) and k + 1 < len(blocks):
            points.append(blocks[k + 1][1].strip())  # "Det indstilles, at" / the point below
            break
    return points
