"""Ruled tables from pdfium's path objects: the page's straight horizontal and vertical
segments, handed to pdfplumber's table finder (its edge merging, intersections and cells, which
need only the edges), and each cell's text read from pdfium's text page inside the cell's box.

A page that draws no path has no rulings and costs one pass over its object types. The segments
are the ones pdfplumber derives from pdfminer's lines, rectangles and curves: every straight,
axis-parallel piece of a path (a closed subpath also closes back to its start), in page space.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
_LINETO = pdfium_c.FPDF_SEGMENT_LINETO
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_FLAT = 0.01  # points: a segment this close to axis-parallel is a ruling
_MAX_DEPTH = 8
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Table:
    bbox: BBox  # (x0, top, x1, bottom), origin top-left
    rows: list[tuple[tuple[str, ...], BBox]]


@dataclass(slots=True)
class PageObjects:
    segments: list[tuple[Point, Point]]
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


def _segments(path: Any, m: Matrix, out: list[tuple[Point, Point]], x: Any, y: Any) -> None:
    a, b, c, d, e, f = m
    start: Point | None = None
    prev: Point | None = None
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = x.value, y.value
        pt = (a * px + c * py + e, b * px + d * py + f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == _LINETO and prev is not None:
            out.append((prev, pt))
        elif kind == _MOVETO:
            start = pt
        if kind != _MOVETO and pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append((pt, start))
        prev = pt


def _edges(segments: list[tuple[Point, Point]], height: float) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    for (x0, y0), (x1, y1) in segments:
        if abs(y0 - y1) < _FLAT and abs(x0 - x1) >= _FLAT:
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


class _Edges:
    """What pdfplumber's TableFinder reads of a page when both strategies are ``lines``."""

    def __init__(self, edges: list[dict[str, Any]], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)


def find_tables(segments: list[tuple[Point, Point]], textpage: Any, width: float,
                height: float) -> list[Table]:
    """Tables of at least two columns with some text, top to bottom."""
    from pdfplumber.table import TableFinder

    edges = _edges(segments, height)
    if len(edges) < 4:
        return []
    finder = TableFinder(_Edges(edges, width, height), _SETTINGS)  # type: ignore[arg-type]
    tables: list[Table] = []
    for found in finder.tables:
        rows = []
        for row in found.rows:
            cells = tuple(_cell_text(textpage, cell, height) for cell in row.cells)
            rows.append((cells, tuple(row.bbox)))
        if not rows or max(len(c) for c, _ in rows) < 2:
            continue
        if not any(any(c) for c, _ in rows):
            continue  # rulings with nothing in them (a drawn frame, outlined glyphs)
        tables.append(Table(tuple(found.bbox), rows))  # type: ignore[arg-type]
    return tables


def _cell_text(textpage: Any, cell: BBox | None, height: float) -> str:
    if cell is None:
        return ""
    x0, top, x1, bottom = cell
    text: str = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1,
                                          top=height - top)
    return text
