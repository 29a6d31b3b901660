"""Columns beside the text of a page: a narrow column of words at the right (the buttons of a
web page printed by a browser: "Hent / som / PDF / Kopier / link"), numbers alone in a left
gutter (a table whose first column holds the row's number) and numbers alone at the right (a
count on a button).

The lines of a page are read row by row: pieces that stand at one height are one line
(:func:`.pdf_text.join_pieces`). Where a page has such columns, that glues words of two columns
together ("Godkendelse af dagsorden  som"), and the number of a table row stands on a line of its
own, away from the heading it numbers (a cell may be centred vertically in its row). So:

- A *side column* starts right of the page's middle where only narrow pieces, at least three
  with letters, stand right of a vertical gap (a quarter em at least: a table's cells can stand
  that close) that no piece beside them crosses, and over the document such pieces mostly share
  no baseline with the text left of them (the values of a label/value table stand on their
  labels' baselines). Its pieces are cut from the lines they were joined to, and each run of
  them becomes one line of its own (``column`` 1), which paragraphs never absorb.
- A *gutter number* is a number alone in the left gutter: the line below it starts right of
  it, and text beside it at its height (another cell) is an em away and not on its baseline.
  It numbers the heading of its row: the first line of the largest heading (in type larger than
  the body's, and larger than the text beside the number) between the gutter's previous
  occupant and half a line below the number, when the number stands at the row's top or
  centred in the row; that line becomes "N Title".
- A *margin number* is a number alone in the right half of the page whose neighbours above and
  below end half an em or more left of it (or, on a page with a side column, that ends a line
  far right of its text): furniture (``margin_number``), like a page number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from .pdf_layout import LABEL, Line, join_lines
from .pdf_text import join_pieces

_NUMBER = regex.compile(r"^\d{1,3}\.?$")
_LETTER = regex.compile(r"\p{L}")
_SAME_HEIGHT = 3.0  # as pdf_text: pieces whose tops are this close stand at one height
_SIDE_WIDTH = 0.15  # of the page width: the widest piece a side column holds
_BELOW = 0.5  # font sizes: how far below its number's foot a row's heading may start
_GAP = 0.25  # ems: the least gap between a column and the text beside it (a table's cell
# padding can be a point or two)
_ALIGN = 1.5  # font sizes: how far a number may stand from its row's top or middle


def arrange(pages: list[list[Line]], chrome: dict[int, str], widths: list[float]) -> None:
    """Rearrange, in place, the lines of pages that have a side column or gutter numbers, and
    add numbers alone in the right margin to ``chrome`` (``id`` -> furniture kind). Furniture
    lines are left as they are."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            if id(ln) not in chrome:
                sizes[ln.size] += ln.nchars
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    contents = [[ln for ln in lines if id(ln) not in chrome] for lines in pages]
    edges = _side_edges(contents, widths, body)
    for i, (lines, content, edge) in enumerate(zip(pages, contents, edges, strict=True)):
        arranged = content if edge is None else _cut_counts(_split_side(content, edge),
                                                            widths[i], body)
        arranged = _gutter_numbers(arranged, body)
        if arranged is not content:
            rest = [ln for ln in lines if id(ln) in chrome]
            pages[i] = sorted([*rest, *arranged], key=lambda ln: ln.top)
        margin = _margin_numbers(arranged, widths[i], body)
        chrome.update((id(ln), "margin_number") for ln in margin)


def _pieces(ln: Line) -> tuple[Line, ...]:
    return ln.parts or (ln,)


def _side_edges(contents: list[list[Line]], widths: list[float],
                body: float) -> list[float | None]:
    """Per page, where its side column starts, or None. A column of its own is set apart:
    over the pages that show it, at least half its pieces share no baseline with text left of
    them (the values of a label/value table stand on their labels' baselines). Where the
    document has one, it also takes a page's last piece or two of it (a run cut by the page
    break)."""
    alone: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for lines, width in zip(contents, widths, strict=True):
        pieces = [p for ln in lines for p in _pieces(ln)]
        x = _side_edge(pieces, width, body, sorted({p.x0 for p in pieces if p.x0 > width / 2}))
        if x is not None:
            left = [p for p in pieces if p.x0 < x]
            for p in pieces:
                if p.x0 >= x:
                    total[round(x)] += 1
                    alone[round(x)] += not any(_same_baseline(p, q) for q in left)
    found = min((x for x in total if 2 * alone[x] >= total[x]), default=None)
    return [_side_edge([p for ln in lines for p in _pieces(ln)], width, body,
                       [p.x0 for ln in lines for p in _pieces(ln) if p.x0 >= found - 1], least=1)
            if found is not None else None
            for lines, width in zip(contents, widths, strict=True)]


def _side_edge(pieces: list[Line], width: float, body: float, starts: list[float],
               least: int = 3) -> float | None:
    """Where a side column starts on a page, of the ``starts`` right of its middle: at least
    ``least`` narrow pieces with letters, and only narrow pieces, right of a gap (``_GAP``) that
    no piece beside them (in their stretch of the page) crosses."""
    for x in sorted(x for x in starts if x > width / 2):
        right = [p for p in pieces if p.x0 >= x]
        if sum(1 for p in right if _LETTER.search(p.text)) < least or \
                any(p.x1 - p.x0 > _SIDE_WIDTH * width for p in right):
            continue
        top, bottom = min(p.top for p in right), max(p.bottom for p in right)
        if not any(p.x0 < x < p.x1 + _GAP * body and p.bottom > top and p.top < bottom
                   for p in pieces):
            return x
    return None


def _split_side(lines: list[Line], x: float) -> list[Line]:
    """The lines with the side column's pieces cut out of them, and each run of those pieces
    as one line of column 1."""
    out: list[Line] = []
    side: list[Line] = []
    for ln in lines:
        left = [p for p in _pieces(ln) if p.x0 < x]
        right = [p for p in _pieces(ln) if p.x0 >= x]
        side.extend(right)
        if left:
            out.append(ln if not right else join_pieces(left))
    side.sort(key=lambda p: p.top)
    edge = max((p.x1 for p in side), default=x)
    run: list[Line] = []
    for p in side:
        if run and not _wraps(run[-1], p, edge):
            out.append(_stack(run))
            run = []
        run.append(p)
    if run:
        out.append(_stack(run))
    out.sort(key=lambda ln: ln.top)
    return out


def _wraps(prev: Line, p: Line, right: float) -> bool:
    """Does piece ``p`` continue the side column's line ``prev``: right below it, no label
    ("Dato: ..."), and the column too narrow for its first word beside ``prev``?"""
    return p.top - prev.bottom <= 0.8 * p.size and not LABEL.match(p.text) and \
        prev.x1 + 0.3 * p.size + p.first_word >= right - 1.0


def _cut_counts(lines: list[Line], width: float, body: float) -> list[Line]:
    """On a page with a side column, a number that ends a line far right of its text, where
    the lines above and below end left of it, is a count on a button beside that text, not
    the line's page number: a line of its own (a margin number)."""
    out: list[Line] = []
    for k, ln in enumerate(lines):
        *rest, last = _pieces(ln)
        near = _neighbours(lines, k)
        if rest and _NUMBER.match(last.text) and last.x0 > width / 2 and \
                last.x0 - rest[-1].x1 >= body and near and \
                all(x.x1 + 0.5 * body <= last.x0 for x in near):
            out.extend((join_pieces(rest), last))
        else:
            out.append(ln)
    return out


def _stack(run: list[Line]) -> Line:
    """The pieces of one run of a side column as one line of column 1."""
    text = run[0].text
    for p in run[1:]:
        text = join_lines(text, p.text)
    nchars = sum(p.nchars for p in run)
    return Line(text, run[0].page, min(p.x0 for p in run), max(p.x1 for p in run), run[0].top,
                run[-1].bottom, run[0].size, all(p.bold for p in run), run[0].first_word,
                nchars, spans=tuple(s for p in run for s in p.spans), column=1)


def _gutter_numbers(lines: list[Line], body: float) -> list[Line]:
    out = lines
    start = -1.0  # top of the last gutter number, or of the heading it was given to
    for ln in [ln for ln in lines if not ln.column]:
        number = _gutter_number(ln, out, body)
        heading = _row_heading(number, out, start, body) if number else None
        if number is None or heading is None:
            continue
        rest = [p for p in _pieces(ln) if p is not number]
        if any(p.size > heading.size - 0.5 for p in rest) or \
                not _aligned(number, heading, out):
            continue
        start = max(number.top, heading.top)
        out = [x for x in out if x is not ln and x is not heading]
        if rest:
            out.append(join_pieces(rest))
        out.append(replace(heading, text=f"{number.text} {heading.text}",
                           nchars=heading.nchars + number.nchars,
                           spans=number.spans + heading.spans, parts=()))
        out.sort(key=lambda x: x.top)
    return out


def _gutter_number(ln: Line, lines: list[Line], body: float) -> Line | None:
    """The number alone in the left gutter that ``ln`` starts with, or None: the line below
    it starts right of it (its row's text), and text beside it at its height (of
    another cell) is an em away and not on its baseline (a number on the baseline of the text
    beside it numbers that text: "1.  Godkendelse af dagsorden")."""
    pieces = _pieces(ln)
    number = pieces[0]
    if not _NUMBER.match(number.text) or \
            (len(pieces) > 1 and pieces[1].x0 < number.x1 + body) or \
            any(_LETTER.search(p.text) and _same_baseline(number, p) for p in pieces[1:]):
        return None
    below = _neighbours(lines, lines.index(ln))[-1:]
    if not below or below[0].top < ln.top or below[0].x0 < number.x1 + _GAP * body:
        return None
    return number


def _same_baseline(a: Line, b: Line) -> bool:
    """Set on one baseline (the foot of the type, ``bottom``, lies a fraction of the size below
    it)."""
    return abs(a.bottom - b.bottom) <= 0.3 + 0.25 * abs(a.size - b.size)


def _row_heading(number: Line, lines: list[Line], start: float, body: float) -> Line | None:
    """The first line of the largest heading (in type larger than the body's) in the number's
    row: between the gutter's previous occupant (or the last row numbered) and half a line
    below the number (a number centred in its row stands below its heading; one at the row's
    top, a little above it)."""
    for x in lines:
        if x.top < number.top - _SAME_HEIGHT and x.x0 <= number.x1 and not x.column:
            start = max(start, x.top)
    end = number.bottom + _BELOW * number.size
    body_lines = [x for x in lines if not x.column]
    rows = [x for k, x in enumerate(body_lines)
            if start < x.top <= end and x.x0 > number.x1 and x.size > body + 0.5 and
            abs(x.top - number.top) > _SAME_HEIGHT and
            not (k and _continued(body_lines[k - 1], x))]
    if not rows:
        return None
    size = max(round(x.size) for x in rows)
    return min((x for x in rows if round(x.size) == size), key=lambda x: x.top)


def _aligned(number: Line, heading: Line, lines: list[Line]) -> bool:
    """Is the number set as a table cell of the row ``heading`` starts: at the row's top (level
    with the heading, or a little above it), or centred between the heading and the row's
    end (the last line before the next row's heading or gutter number)?"""
    tolerance = _ALIGN * number.size
    if heading.top - tolerance <= number.top <= heading.bottom:
        return True
    after = [x for x in lines if x.top > heading.top and not x.column]
    end = next((k for k, x in enumerate(after) if x.top > number.bottom and (
        x.x0 <= number.x1 or (x.bold == heading.bold and abs(x.size - heading.size) < 0.6 and
                               not _continued(after[k - 1] if k else heading, x)))),
               len(after))
    bottom = max((x.bottom for x in after[:end]), default=heading.bottom)
    return abs((number.top + number.bottom) / 2 - (heading.top + bottom) / 2) <= tolerance


def _continued(prev: Line, ln: Line) -> bool:
    """Is ``ln`` the next line of a paragraph or heading with ``prev`` (same type, no gap)?"""
    return prev.bold == ln.bold and abs(prev.size - ln.size) < 0.6 and \
        ln.top - prev.bottom < 0.5 * ln.size


def _margin_numbers(lines: list[Line], width: float, body: float) -> list[Line]:
    """Numbers alone in the right half of the page beside the text: the lines just above and
    below end left of them by half an em or more (a count on a button, a badge)."""
    out = []
    for k, ln in enumerate(lines):
        if ln.parts or ln.x0 < width / 2 or not _NUMBER.match(ln.text):
            continue
        near = _neighbours(lines, k)
        if near and all(x.x1 + 0.5 * body <= ln.x0 for x in near):
            out.append(ln)
    return out


def _neighbours(lines: list[Line], k: int) -> list[Line]:
    """The nearest lines above and below ``lines[k]`` (not at its height, not side columns)."""
    ln = lines[k]
    above = [x for x in lines[:k] if not x.column and x.top < ln.top - _SAME_HEIGHT]
    below = [x for x in lines[k + 1:] if not x.column and x.top > ln.top + _SAME_HEIGHT]
    return above[-1:] + below[:1]
