"""Ruled tables from pdfium's path objects: the page's straight horizontal and vertical
segments, handed to pdfplumber's table finder (its edge merging, intersections and cells, which
need only the edges), and each cell's text read from pdfium's text page inside the cell's box.

A page that draws no path has no rulings and costs one pass over its object types. The segments
are the ones pdfplumber derives from pdfminer's lines, rectangles and curves: every straight,
axis-parallel piece between consecutive points of a subpath (Bézier control points included, as
pdfminer lists them; a closed subpath also closes back to its start), in page space.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from .pdf_layout import Line
from .pdf_text import TextPage

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_FLAT = 0.01  # points: a segment this close to axis-parallel is a ruling
_MAX_DEPTH = 8
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Segment = tuple[Point, Point, bool]  # True: the path is this one straight line
BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Table:
    bbox: BBox  # (x0, top, x1, bottom), origin top-left
    rows: list[tuple[tuple[str, ...], BBox]]


@dataclass(slots=True)
class PageObjects:
    segments: list[Segment]
    images: int


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _matrix(obj: Any, buf: Any) -> Matrix:
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, buf):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (buf.a, buf.b, buf.c, buf.d, buf.e, buf.f)


def page_objects(page: Any, *, want_segments: bool) -> PageObjects:
    """Straight segments of the page's paths (in PDF space, y up) and its image count."""
    out = PageObjects([], 0)
    buf = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    _walk(page, count, get, None, 0, out, buf, x, y, want_segments)
    return out


def _walk(parent: Any, count: Any, get: Any, outer: Matrix | None, depth: int,
          out: PageObjects, buf: Any, x: Any, y: Any, want: bool) -> None:
    for k in range(count(parent)):
        obj = get(parent, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _PATH and want:
            m = _matrix(obj, buf)
            _segments(obj, m if outer is None else _mul(m, outer), out.segments, x, y)
        elif kind == _IMAGE:
            out.images += 1
        elif kind == _FORM and depth < _MAX_DEPTH:
            m = _matrix(obj, buf)
            _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                  m if outer is None else _mul(m, outer), depth + 1, out, buf, x, y, want)


def _segments(path: Any, m: Matrix, out: list[Segment], x: Any, y: Any) -> None:
    a, b, c, d, e, f = m
    sub: list[Point] = []  # the points of the current subpath

    def end(closed: bool) -> None:
        if len(sub) == 2:  # pdfminer's LTLine: its box is an edge even when it slants
            out.append((sub[0], sub[1], True))
        else:  # a line, or a Bézier's control points as pdfminer lists them
            out.extend((p, q, False) for p, q in itertools.pairwise(sub))
            if closed and len(sub) > 2:
                out.append((sub[-1], sub[0], False))

    closed = False
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if pdfium_c.FPDFPathSegment_GetType(seg) == _MOVETO and sub:
            end(closed)
            sub = []
        sub.append(pt)
        closed = bool(pdfium_c.FPDFPathSegment_GetClose(seg))
    if sub:
        end(closed)


def _edges(segments: list[Segment], height: float) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    for (x0, y0), (x1, y1), line in segments:
        if line and abs(y0 - y1) >= _FLAT:
            lo, hi = min(x0, x1), max(x0, x1)
            top, bottom = height - max(y0, y1), height - min(y0, y1)
            edges.append({"object_type": "line", "orientation": "v", "x0": lo, "x1": hi,
                          "top": top, "bottom": bottom, "doctop": top, "width": hi - lo,
                          "height": bottom - top})
        elif abs(y0 - y1) < _FLAT and abs(x0 - x1) >= _FLAT:
            top = height - y0
            lo, hi = min(x0, x1), max(x0, x1)
            edges.append({"object_type": "line", "orientation": "h", "x0": lo, "x1": hi,
                          "top": top, "bottom": top, "doctop": top, "width": hi - lo,
                          "height": 0.0})
        elif abs(x0 - x1) < _FLAT and abs(y0 - y1) >= _FLAT:
            top, bottom = height - max(y0, y1), height - min(y0, y1)
            edges.append({"object_type": "line", "orientation": "v", "x0": x0, "x1": x0,
                          "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                          "height": bottom - top})
    return edges


def _grid(edges: list[dict[str, Any]]) -> list[Any]:
    """pdfplumber's TableFinder with both strategies ``lines`` and default settings, step by
    step, with its cell search done on precomputed edge sets (same cells, far fewer sets)."""
    from pdfplumber.table import Table as Found
    from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges
    from pdfplumber.utils.geometry import filter_edges

    edges = filter_edges(edges, "v", min_length=1) + filter_edges(edges, "h", min_length=1)
    edges = filter_edges(merge_edges(edges, 3, 3, 3, 3), min_length=3)
    return [Found(None, group) for group in  # type: ignore[arg-type]
            cells_to_tables(_cells(edges_to_intersections(edges, 3, 3)))]


def _cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``: for each point, the smallest cell whose four
    corners are intersections joined by shared edges."""
    def key(e: dict[str, Any]) -> BBox:
        return (e["x0"], e["top"], e["x1"], e["bottom"])

    v = {p: {key(e) for e in d["v"]} for p, d in intersections.items()}
    h = {p: {key(e) for e in d["h"]} for p, d in intersections.items()}

    def connects(p: Point, q: Point) -> bool:
        return bool((p[0] == q[0] and v[p] & v[q]) or (p[1] == q[1] and h[p] & h[q]))

    points = sorted(intersections)
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for pt in points:
        column.setdefault(pt[0], []).append(pt)
        row.setdefault(pt[1], []).append(pt)
    cells: list[BBox] = []
    for pt in points[:-1]:
        below = [q for q in column[pt[0]] if q > pt]
        right = [q for q in row[pt[1]] if q > pt]
        cell = _smallest(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt: Point, below: list[Point], right: list[Point], points: dict[Point, Any],
              connects: Any) -> BBox | None:
    for b in below:
        if not connects(pt, b):
            continue
        for r in right:
            if not connects(pt, r):
                continue
            corner = (r[0], b[1])
            if corner in points and connects(corner, r) and connects(corner, b):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def find_tables(segments: list[Segment], tp: TextPage, text: str, lines: list[Line],
                width: float, height: float) -> list[Table]:
    """Tables of at least two columns with some text, top to bottom."""
    edges = _edges(segments, height)
    if len(edges) < 4:
        return []
    tables: list[Table] = []
    for found in _grid(edges):
        grid = [(tuple(row.cells), tuple(row.bbox)) for row in found.rows]
        if not grid or max(len(cells) for cells, _ in grid) < 2:
            continue
        box = tuple(found.bbox)
        rows = _fill(grid, [ln for ln in lines if _overlaps(ln, box)], tp, text)
        if any(any(cells) for cells, _ in rows):  # not a frame or outlined glyphs, empty
            tables.append(Table(box, rows))
    return tables


def _overlaps(ln: Line, box: BBox) -> bool:
    return ln.x0 < box[2] and ln.x1 > box[0] and ln.top < box[3] and ln.bottom > box[1]


def _fill(grid: list[tuple[tuple[BBox | None, ...], BBox]], lines: list[Line], tp: TextPage,
          text: str) -> list[tuple[tuple[str, ...], BBox]]:
    """Each cell's text: the characters whose centre lies in it (pdfplumber's rule; the
    vertical centre taken per line), a line break between lines and a space where the text or
    a 3 pt gap has one. Cells of a ragged grid can overlap: a character goes to each.

    A line whose characters run left to right is cut at the cell edges by bisection (a few
    boxes per cell); any other line is placed character by character."""
    parts: list[list[list[str]]] = [[[] for _ in cells] for cells, _ in grid]
    last: dict[tuple[int, int], tuple[int, int, float]] = {}  # cell -> line, char, its x1
    for n, ln in enumerate(lines):
        cells = _cells_at(grid, ln.bottom - ln.size / 2)
        if not cells:
            continue
        for a, b in ln.spans:
            pieces = _cut_at_cells(tp, a, b, cells)
            if pieces is None:
                _place(tp, text, a, b, n, cells, parts, last)
                continue
            for where, lo, hi in pieces:
                piece = text[lo:hi].strip().replace("\ufffe", "-")
                if not piece:
                    continue
                out = parts[where[0]][where[1]]
                prev = last.get(where)
                if prev is not None:
                    out.append("\n" if prev[0] != n else " ")
                out.append(piece)
                last[where] = (n, hi - 1, 0.0)
    return [(tuple("".join(p) for p in cells), box)
            for cells, (_, box) in zip(parts, grid, strict=True)]


def _cut_at_cells(tp: TextPage, a: int, b: int, cells: list[tuple[tuple[int, int], float, float]]
                  ) -> list[tuple[tuple[int, int], int, int]] | None:
    """(cell, first, end) character ranges of ``a``..``b`` per cell, or None when the line's
    characters do not run left to right (then bisection cannot be trusted)."""
    centre: dict[int, float] = {}

    def x(i: int) -> float:
        if i not in centre:
            x0, x1, _ = tp.loose(i)
            centre[i] = (x0 + x1) / 2
        return centre[i]

    def first_at(edge: float) -> int:  # the first character whose centre is at or past edge
        lo, hi = a, b
        while lo < hi:
            mid = (lo + hi) // 2
            if x(mid) < edge:
                lo = mid + 1
            else:
                hi = mid
        return lo

    if b - a > 1 and x(a) > x(b - 1):
        return None
    out = []
    for where, left, right in cells:
        lo, hi = first_at(left), first_at(right)
        if lo < hi and not (left <= x(lo) < right and left <= x(hi - 1) < right):
            return None
        out.append((where, lo, hi))
    return out


def _place(tp: TextPage, text: str, a: int, b: int, n: int,
           cells: list[tuple[tuple[int, int], float, float]], parts: list[list[list[str]]],
           last: dict[tuple[int, int], tuple[int, int, float]]) -> None:
    for i in range(a, b):
        if text[i].isspace():
            continue
        x0, x1, _ = tp.loose(i)
        x = (x0 + x1) / 2
        for where in [w for w, left, right in cells if left <= x < right]:
            prev = last.get(where)
            out = parts[where[0]][where[1]]
            if prev is not None:
                if prev[0] != n:
                    out.append("\n")
                elif x0 > prev[2] + 3 or any(c.isspace() for c in text[prev[1] + 1:i]):
                    out.append(" ")
            out.append("-" if text[i] == "\ufffe" else text[i])
            last[where] = (n, i, x1)


def _cells_at(grid: list[tuple[tuple[BBox | None, ...], BBox]],
              y: float) -> list[tuple[tuple[int, int], float, float]]:
    """(row, cell) and the cell's x range for every cell whose row and box span height ``y``."""
    out: list[tuple[tuple[int, int], float, float]] = []
    for r, (cells, (rx0, rtop, rx1, rbottom)) in enumerate(grid):
        if rtop <= y < rbottom:
            out.extend(((r, c), max(rx0, cell[0]), min(rx1, cell[2]))
                       for c, cell in enumerate(cells)
                       if cell is not None and cell[1] <= y < cell[3])
    return out
