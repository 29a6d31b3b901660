"""Running headers and footers: lines in a page's top or bottom margin that repeat across pages.

A line is chrome when the same text (digits masked) stands at the same height on many pages and
either never changes ("Integrationsudvalget, 22-08-2022", a logo caption) or changes only by a
number that follows the page number ("Side 3 af 13", "- 4 -"). Text whose digits change in any
other way (a case number under each item's heading) is content. Page-number lines are also
furniture on their own, so a one-page document's "Side 1 af 1" is set aside too.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from .pdf_layout import Line

_BAND = 0.1  # share of the page height that counts as top or bottom margin
_EDGE_LINES = 3  # only the first and last few lines of a page can be chrome
_DIGITS = regex.compile(r"\d+")
# the date and time a browser prints at the top left of every page ("11/30/26, 5:11 PM",
# "30.11.2026 17.11")
_BROWSER_HEADER = regex.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[.:]\d{2}\b")
_EDGE_NUMBER = regex.compile(r"^\s*(\d{1,4})\b|\b(\d{1,4})\s*$")
_PAGE_NUMBER = regex.compile(
    r"^\s*(?:(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/|ud af)\s*\d+)?|[-–]?\s*\d{1,4}\s*[-–]?|"
    r"\d+\s*/\s*\d+)\s*$",
    regex.IGNORECASE,
)


def _full(line: Line) -> str:
    return f"{line.text} {line.tail}" if line.tail else line.text


def _key(line: Line, height: float, top: bool) -> tuple[bool, int, str]:
    pos = line.top if top else height - line.bottom
    text = _DIGITS.sub("#", " ".join(_full(line).casefold().split()).strip())
    return top, round(pos / 3), text


def find_chrome(pages: list[list[Line]], heights: list[float], *,
                browser: bool = False) -> dict[int, str]:
    """``id()`` of every line judged furniture -> its kind: ``page_number``, ``running_header``
    or ``running_footer``. ``browser``: a web page printed by a browser, whose header (date and
    time, then the page's title) and footer (the address, then "page/pages") are furniture
    also on a single page."""
    groups: dict[tuple[bool, int, str], list[tuple[int, Line]]] = defaultdict(list)
    places: dict[tuple[bool, int], list[tuple[int, Line]]] = defaultdict(list)
    chrome: dict[int, str] = {}
    for pno, (lines, height) in enumerate(zip(pages, heights, strict=True), start=1):
        for k, ln in enumerate(lines):
            top_band = k < _EDGE_LINES and ln.bottom <= height * _BAND
            bottom_band = k >= len(lines) - _EDGE_LINES and ln.top >= height * (1 - _BAND)
            if not (top_band or bottom_band):
                continue
            if not browser and _PAGE_NUMBER.match(_full(ln)):  # (a browser numbers its pages
                chrome[id(ln)] = "page_number"  # in its footer; a lone number is the page's own)
                continue
            if browser and (_BROWSER_HEADER.match(_full(ln)) if top_band else
                            _full(ln).endswith(f" {pno}/{len(pages)}")):
                chrome[id(ln)] = _kind(top_band)
                continue
            key = _key(ln, height, top_band)
            groups[key].append((pno, ln))
            places[key[:2]].append((pno, ln))
    need = max(2, int(0.4 * len(pages) + 0.5))
    for key, members in groups.items():
        if len({p for p, _ in members}) < need:
            continue
        texts = {_full(ln).strip() for _, ln in members}
        if len(texts) == 1 or _follows_page(members):
            chrome.update((id(ln), _kind(key[0])) for _, ln in members)
    for place, members in places.items():  # "Chapter 2: Title 3": the title changes, the
        chrome.update((i, _kind(place[0])) for i in _numbered_at_edge(members, need))  # number runs
    return chrome


def _kind(top: bool) -> str:
    return "running_header" if top else "running_footer"


def _numbered_at_edge(members: list[tuple[int, Line]], need: int) -> set[int]:
    """Lines at one place whose first or last number is the page number plus a shared offset."""
    offsets: dict[int, list[Line]] = defaultdict(list)
    for pno, ln in members:
        m = _EDGE_NUMBER.search(_full(ln))
        if m:
            offsets[int(m.group(1) or m.group(2)) - pno].append(ln)
    best = max(offsets.values(), key=len, default=[])
    return {id(ln) for ln in best} if len(best) >= need else set()


def _follows_page(members: list[tuple[int, Line]]) -> bool:
    """Some number in every occurrence is the page number plus one fixed offset."""
    common: set[int] | None = None
    for pno, ln in members:
        offsets = {int(d) - pno for d in _DIGITS.findall(_full(ln)) if len(d) <= 5}
        common = offsets if common is None else common & offsets
        if not common:
            return False
    return bool(common)
