"""The text lines of one page from pdfium's text page, with as few calls per character as pdfium
allows.

pdfium already orders a page's characters, breaks them into lines (``\\r\\n``) and inserts spaces
between words, so the page's whole text comes in one call. Each line's geometry and style then
cost a handful of calls, not one per character: its *text rectangles* (pdfium gives one per run
of characters from one text object, that is one font and size), one character sampled per run
for font size, name and baseline, and the loose boxes (advance width, font ascent/descent) of
the line's first and last characters and of the end of its first word.

Boxes follow pdfplumber's conventions (origin top-left, ``bottom`` at the font's descent,
``top`` one font size above it), so the paragraph rules measured on pdfplumber's lines hold.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from typing import Any

import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as pdfium_bindings  # type: ignore[import-untyped]
import regex

from ._clean import NBSP_TAB
from .pdf_layout import Line, clean_line

# FPDFText_GetTextObject returning a plain address (pypdfium2's binding returns a typed pointer,
# which costs a cast per call): a separate function object, so pypdfium2's own stays as it is.
_TEXT_OBJECT = pdfium_bindings._libs["pdfium"]["FPDFText_GetTextObject"]
_TEXT_OBJECT.argtypes = [ctypes.c_void_p, ctypes.c_int]
_TEXT_OBJECT.restype = ctypes.c_void_p
_BOLD_FONT = regex.compile(r"bold|black|heavy|demi|semib|,b$|-b$", regex.IGNORECASE)
_TAIL = regex.compile(r"\s(\d{1,4})\s*$")
_HYPHEN = "\ufffe"  # pdfium's mark for a hyphen that ends a line inside a word
_OBJECT_GAP = 0.12  # of the font size: a gap between two text objects that separates words
_SAME_LINE = 3.0  # pdfplumber's y tolerance: lines whose tops are this close are one line


class _Run:
    """Characters ``start``..``end`` of one text object; ``width`` counts the visible ones."""

    __slots__ = ("bold", "bottom", "end", "size", "start", "top", "width")

    def __init__(self, start: int, end: int, width: int, size: float, bold: bool,
                 bottom: float) -> None:
        self.start, self.end, self.width = start, end, width
        self.size, self.bold, self.top, self.bottom = size, bold, bottom - size, bottom


class TextPage:
    """Calls into one pdfium text page; ``height`` turns PDF y (upwards) into ``top``."""

    def __init__(self, raw: Any, height: float) -> None:
        self.raw = raw
        self.height = height
        self._box = pdfium_c.FS_RECTF()
        self._matrix = pdfium_c.FS_MATRIX()
        self._l, self._t = ctypes.c_double(), ctypes.c_double()
        self._r, self._b = ctypes.c_double(), ctypes.c_double()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._bold: dict[bytes, bool] = {}

    def text(self) -> str:
        raw = self.raw
        n = pdfium_c.FPDFText_CountChars(raw)
        if n <= 0:
            return ""
        buf = ctypes.create_string_buffer((n + 1) * 2)
        out = ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
        got = pdfium_c.FPDFText_GetText(raw, 0, n, out)
        text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", "replace")
        if len(text) != n:  # characters outside the BMP: one index each, two UTF-16 units
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(n))
        return text

    def loose(self, i: int) -> tuple[float, float, float]:
        """x0, x1 and bottom (pdfplumber's: the descent line) of character ``i``."""
        box = self._box
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, box)
        return box.left, box.right, self.height - box.bottom

    def upright(self, i: int) -> bool:
        angle: float = pdfium_c.FPDFText_GetCharAngle(self.raw, i)
        return angle < 0.05 or angle > 2 * math.pi - 0.05

    def _object(self, i: int) -> int:
        """The text object character ``i`` comes from (0 for a space pdfium inserted)."""
        return _TEXT_OBJECT(self.raw, i) or 0

    def runs(self, text: str, a: int, b: int) -> list[_Run]:
        """Characters ``a``..``b`` cut where their text object changes: each run has one font
        and size. The ends are found by bisection (a run's characters are consecutive)."""
        out: list[_Run] = []
        i = a
        while i < b:
            obj = self._object(i)
            if not obj:
                i += 1
                continue
            lo, hi = i + 1, b  # the run ends at the first character of another object
            while lo < hi:
                mid = (lo + hi) // 2
                if self._object(mid) in (obj, 0):
                    lo = mid + 1
                else:
                    hi = mid
            chars = len("".join(text[i:lo].split()))
            if chars:
                end = lo
                while text[end - 1].isspace():
                    end -= 1
                out.append(self._run(i, end, chars))
            i = lo
        return out

    def size(self, i: int) -> float:
        m = self._matrix
        size: float = pdfium_c.FPDFText_GetFontSize(self.raw, i)
        if pdfium_c.FPDFText_GetMatrix(self.raw, i, m):
            size *= math.hypot(m.c, m.d)
        return size

    def top(self, i: int) -> float:
        return self.loose(i)[2] - self.size(i)

    def _run(self, i: int, end: int, width: int) -> _Run:
        size = self.size(i)
        pdfium_c.FPDFText_GetFontInfo(self.raw, i, self._name, 256, self._flags)
        name = self._name.value
        bold = self._bold.get(name)
        if bold is None:
            bold = self._bold[name] = bool(_BOLD_FONT.search(name.decode("latin-1")))
        return _Run(i, end, width, size, bold, self.loose(i)[2])


def page_lines(tp: TextPage, text: str, pno: int) -> list[Line]:
    """The lines of the page's ``text`` (:meth:`TextPage.text`), top to bottom (lines at one
    height merged left to right)."""
    lines: list[Line] = []
    start = 0
    n = len(text)
    while start < n:
        end = _line_end(text, start)
        lines.extend(_lines(tp, text, start, end, pno))
        start = end + 2 if text.startswith("\r\n", end) else end
    lines.sort(key=lambda ln: ln.top)
    return _merge_same_height(lines)


def _line_end(text: str, start: int) -> int:
    end = text.find("\r\n", start)
    end = len(text) if end < 0 else end
    hyphen = text.find(_HYPHEN, start, end)
    return end if hyphen < 0 else hyphen + 1


def _lines(tp: TextPage, text: str, a: int, b: int, pno: int) -> list[Line]:
    """pdfium's line from ``a`` to ``b``: one line, or several where runs of it stand at
    different heights (pdfium joins a running header to the first body line it overlaps)."""
    raw = text[a:b]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if not body:
        return []
    a += lead
    b = a + len(body)
    if not tp.upright(a):
        return []  # text set sideways (a margin note, a document number)
    runs = tp.runs(text, a, b)
    tops = [r.top for r in runs]
    if tops and max(tops) - min(tops) > _SAME_LINE:
        return [_line(tp, text, x, y, pno, tp.runs(text, x, y)) for x, y in _cut(tp, text, a, b)]
    return [_line(tp, text, a, b, pno, runs)]


def _cut(tp: TextPage, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Character ranges of ``a``..``b`` that stand at one height (one call per character: only
    for the rare line whose runs disagree)."""
    cuts: list[tuple[int, int]] = []
    start, prev = a, None
    for i in range(a, b):
        if text[i].isspace():
            continue
        top = tp.top(i)
        if prev is not None and abs(top - prev) > _SAME_LINE:
            cuts.append((start, i))
            start = i
        prev = top
    cuts.append((start, b))
    out = []
    for x, y in cuts:
        piece = text[x:y]
        x += len(piece) - len(piece.lstrip())
        y = x + len(piece.strip())
        if y > x:
            out.append((x, y))
    return out


def _word_breaks(tp: TextPage, text: str, runs: list[_Run]) -> list[int]:
    """Where two runs meet without a space that pdfplumber would see as a word gap (more than
    3 pt apart, stepping back, or a different height), or with a gap between two letters of two
    text objects that no letter pair in one word leaves (pdfium drops a space that the glyph
    before it overlaps): characters that start a new word."""
    out: list[int] = []
    for p, q in itertools.pairwise(runs):
        if q.start > p.end or text[q.start].isspace():
            continue
        x0, x1, _ = tp.loose(p.end - 1)
        nx = tp.loose(q.start)[0]
        if nx > x1 + _SAME_LINE or nx < x0 or abs(q.top - p.top) > _SAME_LINE or \
                (nx > x1 + _OBJECT_GAP * q.size and text[p.end - 1].isalpha() and
                 text[q.start].isalpha()):
            out.append(q.start)
    return out


def _spaced(text: str, a: int, b: int, breaks: list[int]) -> str:
    cuts = [a, *breaks, b]
    return " ".join(text[x:y] for x, y in itertools.pairwise(cuts))


def _line(tp: TextPage, text: str, a: int, b: int, pno: int, runs: list[_Run]) -> Line:
    breaks = _word_breaks(tp, text, runs)
    body = _spaced(text, a, b, breaks).replace(_HYPHEN, "-")
    x0 = tp.loose(a)[0]
    x1 = tp.loose(b - 1)[1]
    if runs:
        total = sum(r.width for r in runs)
        size = round(_weighted_median([(r.size, r.width) for r in runs]), 1)
        bold = sum(r.width for r in runs if r.bold) >= 0.9 * total
        top, bottom = min(r.top for r in runs), max(r.bottom for r in runs)
    else:
        size, bold = 10.0, False
        bottom = tp.loose(a)[2]
        top = bottom - size
    # (a no-break space joins the words beside it into one the line could not break)
    word_end = next((i for i in range(a, b) if text[i].isspace() and text[i] != "\u00a0"), b)
    if breaks:
        word_end = min(word_end, breaks[0])
    first_end = tp.loose(word_end - 1)[1] if word_end < b else x1
    text_out = clean_line(" ".join(body.split()))
    text_out, tail = _split_tail(tp, text_out, text[a:b], a, size)
    nchars = sum(1 for ch in body if not ch.isspace())
    return Line(text_out, pno, x0, x1, top, bottom, size, bold, first_end - x0, nchars, tail=tail,
                spans=((a, b),), cells=_cells(body, NBSP_TAB.match(text, b) is not None))


def _cells(body: str, open_end: bool) -> tuple[str, ...]:
    """The line cut at runs of no-break spaces (tab stops), when it has any; ``open_end``: a
    run ends it, so an empty cell follows (the next cell's text wrapped to the next line)."""
    if "\u00a0" not in body and not open_end:
        return ()
    cells = [c for c in (clean_line(" ".join(p.split())) for p in NBSP_TAB.split(body)) if c]
    if open_end:
        cells.append("")
    return tuple(cells) if len(cells) > 1 else ()


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
    """The upper median, as ``sorted(values)[len // 2]`` over the characters."""
    pairs.sort()
    half = sum(w for _, w in pairs) / 2
    acc = 0
    for value, weight in pairs:
        acc += weight
        if acc > half:
            return value
    return pairs[-1][0]


def _split_tail(tp: TextPage, text: str, body: str, a: int, size: float) -> tuple[str, str]:
    """A page number standing far right of its title (a TOC entry without leaders)."""
    m = _TAIL.search(text)
    if m is None or m.start() == 0:
        return text, ""
    digits = m.group(1)
    k = body.rstrip().rfind(digits)
    before = body[:k].rstrip()
    if k <= 0 or not before:
        return text, ""
    gap = tp.loose(a + k)[0] - tp.loose(a + len(before) - 1)[1]
    if gap < 1.5 * size:
        return text, ""
    if before[-1].isdigit() and _wide_gap(tp, before, a, size):
        return text, ""  # a row of number columns ("Kampagner 150   150   300"), no title
    return text[: m.start()].rstrip(), digits


def _wide_gap(tp: TextPage, body: str, a: int, size: float) -> bool:
    """Whether two words of ``body`` (characters from ``a`` on) stand apart like columns.
    A title ending in a number ("... 30. september 2022   4") has its one wide gap before the
    page number only."""
    for j in range(1, len(body) - 1):
        if body[j].isspace() and not body[j - 1].isspace():
            n = j + 1
            while n < len(body) and body[n].isspace():
                n += 1
            if n < len(body) and tp.loose(a + n)[0] - tp.loose(a + j - 1)[1] >= 1.5 * size:
                return True
    return False


def _merge_same_height(lines: list[Line]) -> list[Line]:
    """pdfplumber's lines cluster characters by height: pieces pdfium printed apart (a page
    number set after the rest of the page) join the line they stand on."""
    out: list[Line] = []
    group: list[Line] = []
    for ln in lines:
        if group and ln.top - group[-1].top > _SAME_LINE:
            out.append(join_pieces(group))
            group = []
        group.append(ln)
    if group:
        out.append(join_pieces(group))
    return out


def join_pieces(group: list[Line]) -> Line:
    """One line of pieces that stand at one height, left to right (a page number far right of
    the rest becomes its ``tail``); the pieces are kept in ``parts``."""
    if len(group) == 1:
        return group[0]
    group.sort(key=lambda ln: ln.x0)
    first, last = group[0], group[-1]
    nchars = sum(ln.nchars for ln in group)
    size = _weighted_median([(ln.size, ln.nchars) for ln in group])
    bold = sum(ln.nchars for ln in group if ln.bold) >= 0.9 * nchars
    tail = ""
    head = group
    before = group[-2]
    if last.text.isdigit() and len(last.text) <= 4 and not before.tail and \
            not before.text[-1:].isdigit() and last.x0 - before.x1 >= 1.5 * size:
        tail, head = last.text, group[:-1]
    text = " ".join(f"{ln.text}\t{ln.tail}" if ln.tail else ln.text for ln in head)
    return Line(text, first.page, first.x0, last.x1, min(ln.top for ln in group),
                max(ln.bottom for ln in group), size, bold,
                first.first_word, nchars, tail=tail,
                spans=tuple(span for ln in group for span in ln.spans), parts=tuple(group))
