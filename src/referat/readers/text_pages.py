"""Pages in text that another tool extracted from a PDF: form feeds, "Side 3 af 13" markers,
and the running header lines printed beside each marker ("Hjørring Kommune", "25. maj 2016").

:func:`paginate` returns, for every line, its page (or ``None`` when the text shows no pages) and
whether the line is page furniture (kept by the reader on the furniture layer): a
``page_marker`` or a ``running_header`` (text cannot tell a header from a footer; both are
called ``running_header``).
"""

from __future__ import annotations

from collections import Counter

import regex

_MARKER = regex.compile(
    r"^\s*(?:Side|Page)\s+(?P<n>\d{1,4})(?:\s*(?:af|/|of)\s*\d{1,4})?\s*\.?\s*$", regex.IGNORECASE
)
_DIGITS = regex.compile(r"\d+")
_WINDOW = 3


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


PAGE_MARKER = "page_marker"
RUNNING_HEADER = "running_header"


def paginate(lines: list[str]) -> tuple[list[int | None], dict[int, str]]:
    """Page of each line, and the furniture lines (markers and running headers) by index with
    their kind."""
    ff_pages: list[int] = []
    page = 1
    for line in lines:
        page += line.count("\f")
        ff_pages.append(page)
    markers = [(i, int(m["n"])) for i, line in enumerate(lines)
               if (m := _MARKER.match(line.replace("\f", ""))) and int(m["n"]) >= 1]
    drop: set[int] = {i for i, _ in markers}
    if len(markers) < 2 or len({n for _, n in markers}) < 2:
        pages: list[int | None] = list(ff_pages) if page > 1 else [None] * len(lines)
        if len(markers) == 1 and page == 1:
            drop.clear()
        return pages, dict.fromkeys(sorted(drop), PAGE_MARKER)
    marker_pages: list[int | None] = []
    current = markers[0][1]
    nxt = iter(markers)
    upcoming = next(nxt, None)
    for i in range(len(lines)):
        while upcoming is not None and upcoming[0] <= i:
            current = upcoming[1]
            upcoming = next(nxt, None)
        marker_pages.append(current)
    furniture = dict.fromkeys(sorted(_running_lines(lines, [i for i, _ in markers])),
                              RUNNING_HEADER)
    furniture.update(dict.fromkeys(drop, PAGE_MARKER))
    return marker_pages, furniture


def _running_lines(lines: list[str], marker_rows: list[int]) -> set[int]:
    """Lines repeated next to at least two page markers (header/footer furniture)."""
    windows: list[list[int]] = []
    for row in marker_rows:
        near: list[int] = []
        j = row - 1
        while j >= 0 and len(near) < _WINDOW:
            if lines[j].strip():
                near.append(j)
            j -= 1
        j = row + 1
        after = 0
        while j < len(lines) and after < _WINDOW:
            if lines[j].strip():
                near.append(j)
                after += 1
            j += 1
        windows.append(near)
    seen = Counter(k for w in windows for k in {_key(lines[j]) for j in w})
    repeated = {k for k, n in seen.items() if n >= 2 and len(k) > 1}
    return {j for w in windows for j in w if _key(lines[j]) in repeated}
