"""Page-per-line transcripts: text that a document site (docplayer, vdocuments and the like)
extracted from a PDF with each page flattened into one line that starts with the page's number::

    1 Referat Miljøudvalget Mødedato: Tirsdag den 4. marts 2031

    2 Indholdsfortegnelse 1. Godkendelse af dagsorden Vejplan for Nordby 5

    3 1. Godkendelse af dagsorden Sagsid.: 31/118 Beslutning Miljøudvalget den Godkendt. Side 2

The shape: from some line on, every non-blank line starts with the next page number (1, 2, 3 …)
and at least one of them holds a page's worth of text. The leading number is furniture
(``page_number``); so is a "Side N" marker printed at the start of the page (with a short
running header before it, "Lejre Kommune Kommunalbestyrelsen Side 1") or at its end. The rest of
the page is one body block; the parsers split it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

PAGE_NUMBER = "page_number"
PAGE_MARKER = "page_marker"
RUNNING_HEADER = "running_header"

_LEAD = regex.compile(r"^(?P<n>\d{1,4})(?=\s|$)")
_FULL_PAGE = 300  # characters: one page line at least this long shows pages were flattened
_SIDE = r"Side\s+(?:\d{1,4}|[ivxlc]{1,6})(?:\s+af\s+\d{1,4})?"
# at the page's top: "Side 2" or "<running header> Side 2", then more text (no item number)
_TOP = regex.compile(
    rf"(?:(?P<head>(?:[\p{{Lu}}][\p{{L}}\-]*\s+){{1,5}}[\p{{Lu}}][\p{{L}}\-]*)\s+)?"
    rf"(?P<side>{_SIDE})(?=\s+(?!\.)\S|\s*$)"
)
_BOTTOM = regex.compile(r"(?<=\S)\s+(?P<side>Side\s+\d{1,4}(?:\s+af\s+\d{1,4})?)\s*$")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a page line: its offsets within the line and its furniture kind ("" for
    body text)."""

    start: int
    end: int
    furniture: str = ""


def page_lines(lines: list[str]) -> dict[int, int]:
    """The page-per-line run, if the text has that shape: line index -> page number."""
    rows = [i for i, line in enumerate(lines) if line.strip()]
    for k, i in enumerate(rows):
        m = _LEAD.match(lines[i].lstrip("\f"))
        if m is None or int(m["n"]) != 1:
            continue
        run = {i: 1}
        for j in rows[k + 1:]:
            nxt = _LEAD.match(lines[j].lstrip("\f"))
            if nxt is None or int(nxt["n"]) != len(run) + 1:
                break
            run[j] = len(run) + 1
        if len(run) >= 2 and any(len(lines[j]) >= _FULL_PAGE for j in run):
            return run
    return {}


def split_page_line(line: str) -> list[Piece]:
    """The page number, the markers and the body of one page line (offsets into ``line``)."""
    m = _LEAD.match(line)
    if m is None:
        return [Piece(0, len(line))]
    pieces = [Piece(m.start(), m.end(), PAGE_NUMBER)]
    pos = _skip(line, m.end())
    top = _TOP.match(line, pos)
    if top is not None:
        if top["head"]:
            pieces.append(Piece(top.start("head"), top.end("head"), RUNNING_HEADER))
        pieces.append(Piece(top.start("side"), top.end("side"), PAGE_MARKER))
        pos = _skip(line, top.end())
    end = len(line.rstrip())
    bottom = _BOTTOM.search(line, pos)
    if bottom is not None:
        end = bottom.start()
    if end > pos:
        pieces.append(Piece(pos, end))
    if bottom is not None:
        pieces.append(Piece(bottom.start("side"), bottom.end("side"), PAGE_MARKER))
    return pieces


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos].isspace():
        pos += 1
    return pos
