"""Lines to paragraphs: what a PDF's geometry says about where a paragraph ends.

A :class:`Line` is one text line of a page with its box, font size and weight. Lines are joined
into one paragraph while they continue one another: same style, no extra vertical gap, and the
previous line was *full* (the next line's first word would not have fitted at its end, so the
typesetter had to wrap). A word hyphenated at a line end is joined ("kommu-" + "nen"), while
real hyphens stay ("Børne- og Ungeudvalget", "p-huse", "2019-2021").
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, field

import regex

from ..blocks import BBox, Block, BlockKind
from ._clean import normalize, split_bullet, squash

_BULLET_START = regex.compile(r"^\s*[•·◦▪‣∙●○■□\u0335]")
_DASH_START = regex.compile(r"^\s*[-–]\s+\S")
_NUMBERED = regex.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zæøå][.)]|[ivx]{1,4}\))\s+\S",
                          regex.IGNORECASE)
_HYPHENATED = regex.compile(r"(?<=[\p{L}])-$")
_DIGIT_HYPHEN = regex.compile(r"(?<=\d)-$")
LABEL = regex.compile(r"^[\p{Lu}][\p{L}.\- ]{0,25}:\s")  # "Dato: ...", "Udvalg: ..."
_LEAD_NUMBER = regex.compile(r"^\s*(\d{1,4})\.\s+\S")
_ENDS_NUMBER = regex.compile(r"\s\d{1,4}$")
_FRAGMENT = regex.compile(r"(?:^|[^\p{L}\d])([\p{L}]+)-$")
_CONJUNCTION = regex.compile(r"^(?:og|eller|samt|el\.|and|or|til|som)\b", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?:]\s*$")
_CLOSED = regex.compile(r"[.!?:;]\s*$")
_LEADER_END = regex.compile(r"(?:\.{3,}|…{2,}|_{3,})\s*\d{1,4}\s*$")
# Bullet glyphs set in symbol fonts arrive as private-use code points.
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "•", "\uf0d8": "•",
                                  "\uf0fc": "•", "\uf06e": "▪", "\u2212": "-",
                                  "\u2010": "-", "\u2011": "-"})


@dataclass(slots=True)
class Line:
    """One text line of a page, in PDF points (``top`` grows downwards)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word: float  # width of the first word, to judge whether it would have fitted above
    nchars: int = 0
    index: int = 0  # running line number in the document
    tail: str = ""  # a page number set apart at the right ("Titel ...   17"), kept after a tab
    furniture: str = ""  # its kind when the line is page furniture (a running header, ...)
    spans: tuple[tuple[int, int], ...] = ()  # its character ranges on the reader's text page
    parts: tuple[Line, ...] = ()  # the pieces merged into it because they stand at one height
    column: int = 0  # 1: a side column of its own (:mod:`.pdf_columns`), never joined to others
    cells: tuple[str, ...] = ()  # its text cut at runs of no-break spaces (tab stops)


@dataclass(slots=True)
class TableRow:
    cells: tuple[str, ...]
    page: int
    top: float
    table: int
    bbox: BBox | None = None


@dataclass(slots=True)
class Layout:
    """Document-wide measures the paragraph rules compare against."""

    body_size: float
    right: dict[int, float]  # per page: where full lines end (pages of one width share it)
    gap: float
    heading_levels: dict[float, int] = field(default_factory=dict)
    floor: dict[int, float] = field(default_factory=dict)  # per page: where full pages end
    hyphenates: bool = True  # False: a hyphen at a line end is the word's own (a browser print)


def measure(lines: list[Line], widths: list[float]) -> Layout:
    """``widths`` are the page widths, page 1 first."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += ln.nchars
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    body_lines = [ln for ln in lines if abs(ln.size - body) < 0.6]
    by_width: dict[int, list[float]] = {}
    for ln in body_lines:
        by_width.setdefault(round(widths[ln.page - 1]), []).append(ln.x1)
    edge = {w: sorted(xs)[min(len(xs) - 1, int(len(xs) * 0.97))] for w, xs in by_width.items()}
    # a page of short lines alone does not say where full lines end: at least 65% of the width
    right = {p: max(edge.get(round(w), w * 0.9), w * 0.65) for p, w in enumerate(widths, start=1)}
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(body_lines)
            if a.page == b.page and 0 <= b.top - a.bottom < 2 * body]
    gap = statistics.median(gaps) if gaps else body * 0.2
    bigger = sorted({round(s * 2) / 2 for s in sizes if s > body + 1.0}, reverse=True)
    return Layout(body, right, gap, {s: i + 1 for i, s in enumerate(bigger)},
                  _floors(lines, widths))


def _floors(lines: list[Line], widths: list[float]) -> dict[int, float]:
    """Per page, the lowest text line of the fullest page of its format (pages of one width
    share it): a page whose text stops well above it ended with a page break."""
    last: dict[int, float] = {}
    for ln in lines:
        last[ln.page] = max(last.get(ln.page, 0.0), ln.bottom)
    by_width: dict[int, float] = {}
    for page, bottom in last.items():
        w = round(widths[page - 1])
        by_width[w] = max(by_width.get(w, 0.0), bottom)
    return {p: by_width.get(round(w), 0.0) for p, w in enumerate(widths, start=1)}


def join_lines(a: str, b: str, *, hyphenates: bool = True) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation but keeping real hyphens.
    ``hyphenates=False``: the typesetter never hyphenates, every hyphen is real."""
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if _HYPHENATED.search(a):
        if _CONJUNCTION.match(b):
            return f"{a} {b}"  # "Børne- og Ungeudvalget"
        frag = _FRAGMENT.search(a)
        if hyphenates and frag and len(frag.group(1)) >= 2 and not frag.group(1).isupper() and \
                b[:1].islower():
            return a[:-1] + b  # "kommu-" + "nen"
        return a + b  # "p-" + "huse", "EU-" + "borgere"
    if _DIGIT_HYPHEN.search(a) and not _CONJUNCTION.match(b):
        return a + b  # "2019-" + "2021", "2030-" + "fremskrivning"
    return f"{a} {b}"


def _starts_item(ln: Line, prev: Line) -> bool:
    if _BULLET_START.match(ln.text):
        return True
    ends = bool(_SENTENCE_END.search(prev.text)) or prev.text.rstrip().endswith((";", ","))
    return ends and bool(_DASH_START.match(ln.text) or _NUMBERED.match(ln.text))


def _next_number(first: Line, ln: Line) -> bool:
    """``ln`` starts with the number after the one that starts its paragraph ("142. ..." then
    "143. ..."): the next entry of a numbered list or contents, not a wrapped line."""
    a, b = _LEAD_NUMBER.match(first.text), _LEAD_NUMBER.match(ln.text)
    return a is not None and b is not None and int(b[1]) == int(a[1]) + 1 and \
        abs(first.x0 - ln.x0) < 2.0


def _continues(prev: Line, ln: Line, lay: Layout, first: Line | None = None) -> bool:
    """Does ``ln`` continue the paragraph whose last line is ``prev`` (and first ``first``)?"""
    if ln.bold != prev.bold or abs(ln.size - prev.size) > 0.6:
        return False
    if first is not None and _next_number(first, ln):
        return False
    if _starts_item(ln, prev) or _LEADER_END.search(prev.text) or prev.tail:
        return False
    if _LEADER_END.search(ln.text) and _ENDS_NUMBER.search(prev.text):
        return False  # a TOC entry without leaders, then the next entry
    if _SENTENCE_END.search(prev.text) and LABEL.match(ln.text):
        return False  # "Udvalg: ...", "Dato: ..." after a finished sentence
    if ln.page == prev.page and ln.top - prev.bottom > lay.gap + 0.45 * ln.size:
        return False  # a blank line's worth of space
    if ln.page != prev.page and \
            lay.floor.get(prev.page, 0.0) - prev.bottom > 3 * (prev.bottom - prev.top + lay.gap):
        return False  # its page ended with room for three more lines: a page break, no wrap
    if ln.text[:1].islower() and not _CLOSED.search(prev.text):
        return True  # mid-sentence: a hard line break in pasted text
    space = 0.3 * ln.size
    # the paragraph ended where the next line's first word would still have fitted
    return prev.x1 + space + ln.first_word >= lay.right[prev.page] - 1.0


def _block(lines: list[Line], lay: Layout) -> Block:
    text = lines[0].text
    for ln in lines[1:]:
        text = join_lines(text, ln.text, hyphenates=lay.hyphenates)
    text = squash(normalize(text))
    if lines[-1].tail:
        text = f"{text}\t{lines[-1].tail}"
    first = lines[0]
    box = _bbox([ln for ln in lines if ln.page == first.page])
    level = lay.heading_levels.get(round(first.size * 2) / 2, 0)
    big = first.bold or first.size >= 1.3 * lay.body_size
    if level and big and len(text) < 300 and not _LEADER_END.search(text):
        return Block("heading", text, first.index, first.page, level=level, bold=first.bold,
                     bbox=box)
    is_item, rest = split_bullet(text)
    kind: BlockKind = "list_item" if is_item else "para"
    return Block(kind, rest if is_item else text, first.index, first.page, bold=first.bold,
                 bbox=box)


def _bbox(lines: list[Line]) -> BBox:
    """The box of a paragraph's lines on its first page (where a block's ``page`` points)."""
    return (round(min(ln.x0 for ln in lines), 2), round(min(ln.top for ln in lines), 2),
            round(max(ln.x1 for ln in lines), 2), round(max(ln.bottom for ln in lines), 2))


def _furniture(ln: Line) -> Block:
    text = squash(normalize(f"{ln.text}\t{ln.tail}" if ln.tail else ln.text))
    return Block("para", text, 0, ln.page, bold=ln.bold, bbox=_bbox([ln]), layer="furniture",
                 furniture=ln.furniture)


def assemble(stream: list[Line | TableRow], lay: Layout) -> list[Block]:
    """Lines and table rows in reading order -> paragraphs and table rows. Furniture lines
    (running headers and footers) become blocks of their own on the furniture layer, placed after
    the paragraph they interrupt, which continues past them."""
    blocks: list[Block] = []
    para: list[Line] = []
    held: list[Block] = []  # furniture met inside an open paragraph

    def flush() -> None:
        if para:
            blocks.append(_block(para, lay))
            para.clear()
        blocks.extend(held)
        held.clear()

    for obj in stream:
        if isinstance(obj, TableRow):
            flush()
            blocks.append(Block("table_row", "\t".join(obj.cells), 0, obj.page,
                                cells=obj.cells, table=obj.table, bbox=obj.bbox))
        elif obj.furniture:
            (held if para else blocks).append(_furniture(obj))
        elif obj.column:  # a side column: a block of its own, after the paragraph it stands by
            (held if para else blocks).append(_block([obj], lay))
        elif para and _continues(para[-1], obj, lay, para[0]):
            para.append(obj)
        else:
            flush()
            para.append(obj)
    flush()
    return blocks


def clean_line(text: str) -> str:
    return text.translate(_PRIVATE_BULLETS)
