"""``referat inspect``: one self-contained HTML file that draws what the parser read over the
document, so a misreading can be seen instead of hunted for in JSON.

PDF pages are rendered as images with a box per block (coloured by its label) and per model node
(item, section, decision, ...); text, Markdown and HTML show the source text with the same
colours. A side panel holds the meeting (header, participants, TOC, the item tree) and the parse
issues, each linked to its place. The file needs no network: no external scripts, styles or
fonts, and a Content-Security-Policy that forbids loading any.
"""

from __future__ import annotations

import hashlib
import os
from html import escape
from pathlib import Path

from ..api import Source, analyse
from ..blocks import Document, Format
from ..limits import Limits
from ..models import Meeting
from ..parsers.stream import Analysis
from ..vocabulary import Vocabulary
from .assets import SCRIPT, stylesheet
from .marks import BlockIndex, Node, anchor_id, flatten, is_placeholder, marks, meeting_nodes
from .pages import render_pages
from .panel import side_panel
from .views import pdf_view, text_view

_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'")


def needs_look(analysis: Analysis) -> bool:
    """True when a person should look at the document: a warning or error among its issues,
    or a block no rule placed."""
    return any(i.severity != "info" or "unplaced" in i.code for i in analysis.meeting.issues) \
        or any(x.label == "unplaced" for x in analysis.stream)


def _source_bytes(meeting: Meeting) -> bytes | None:
    """The source file named in ``meeting.source``, when it is at hand and unchanged."""
    path = meeting.source.path
    if not path or not os.path.isfile(path):
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == meeting.source.sha256 else None


def _analysis(source: Source | Meeting | Analysis, fmt: Format | None,
              vocabulary: Vocabulary | None, limits: Limits | None
              ) -> tuple[Analysis, bytes | None, list[str]]:
    if isinstance(source, Analysis):
        return source, _source_bytes(source.meeting), []
    if isinstance(source, Meeting):
        data = _source_bytes(source)
        if data is None:
            doc = Document([], source.source.format, pages=source.source.pages)
            return Analysis(doc, source), None, [
                "The source document is not at hand (or has changed): only the meeting's own "
                "source spans are drawn."]
        found = analyse(data, format=source.source.format, vocabulary=vocabulary, limits=limits)
        return Analysis(found.document, source, found.stream), data, []
    found = analyse(source, format=fmt, vocabulary=vocabulary, limits=limits)
    if found.document.format != "pdf":
        return found, None, []
    if isinstance(source, bytes | bytearray | memoryview):
        return found, bytes(source), []
    found.meeting.source.path = found.meeting.source.path or os.fspath(source)
    return found, _source_bytes(found.meeting), []


def _page_count(analysis: Analysis) -> int:
    pages = [b.page for b in analysis.document.blocks if b.page is not None]
    pages += [s.page for n in flatten(meeting_nodes(analysis.meeting)) for s in n.spans
              if s.page is not None]
    return max([analysis.document.pages or 0, analysis.meeting.source.pages or 0, *pages])


def _boxed(nodes: list[Node], numbers: set[int]) -> set[str]:
    return {n.path for n in nodes
            if any(s.page in numbers and s.bbox is not None for s in n.spans)}


def report(analysis: Analysis, pdf: bytes | None = None, notes: list[str] | None = None) -> str:
    """The HTML report of ``analysis`` (``pdf``: the source PDF's bytes, to render pages)."""
    notes = list(notes or [])
    meeting, doc = analysis.meeting, analysis.document
    top = meeting_nodes(meeting)
    flat = flatten(top)
    mk = marks(analysis, flat)
    if analysis.stream and is_placeholder(analysis.stream):
        notes.append("This version has no labelling pass: blocks are coloured by the field "
                     "whose source covers them, not by a label of their own.")
    numbers: set[int] = set()
    if meeting.source.format == "pdf":
        pages, warnings = render_pages(pdf, _page_count(analysis))
        notes += warnings
        numbers = {p.number for p in pages}
        if doc.blocks and not any(b.bbox for b in doc.blocks):
            notes.append("The PDF reader gave no boxes: each page's blocks are listed below it.")
        body = pdf_view(mk, flat, pages)
    elif meeting.source.format == "html":  # markup is no reading: the blocks' rendered texts
        body = text_view(mk, None, "The page's blocks as rendered, in reading order (the "
                                   "element path and source offsets of each show on a click).")
    else:
        body = text_view(mk, doc.text)
    boxed = _boxed(flat, numbers)
    first: dict[str, int] = {}
    for m in mk:
        for p in m.nodes:
            first.setdefault(p, m.index)
    by_path = {n.path: n for n in flat}
    for n in flat:
        n.order = first.get(n.path, n.order)
    blocks = BlockIndex(doc.blocks)

    def resolve(path: str) -> str | None:
        if path in boxed:
            return anchor_id(path)
        if path in first:
            return f"b-{first[path]}"
        for span in by_path[path].spans if path in by_path else []:
            if span.page in numbers:
                return f"page-{span.page}"
        for span in by_path[path].spans if path in by_path else []:
            hit = blocks.covered(span)  # an issue's location: the first block it names
            if hit:
                return f"b-{hit[0]}"
        return None

    name = os.path.basename(meeting.source.path) if meeting.source.path else "<input>"
    panel = side_panel(meeting, top, mk, resolve, name, notes)
    return (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>referat inspect: {escape(name)}</title><style>{stylesheet()}</style>"
            f"</head><body><main>{body}</main>{panel}<script>{SCRIPT}</script></body></html>\n")


def inspect(source: Source | Meeting | Analysis, *, format: Format | None = None,
            vocabulary: Vocabulary | None = None, limits: Limits | None = None) -> str:
    """The inspection report of a document as one self-contained HTML string.

    ``source`` is what :func:`referat.parse` takes (a path, bytes or text), a :class:`Meeting`
    (its ``source.path`` is read again for the pages and blocks when it is at hand and
    unchanged) or an :class:`~referat.parsers.stream.Analysis` from :func:`referat.analyse`.
    Raises :class:`~referat.errors.ReferatError` for input that cannot be parsed.
    """
    analysis, data, notes = _analysis(source, format, vocabulary, limits)
    return report(analysis, data, notes)


def write_report(source: Source | Meeting | Analysis, out: str | os.PathLike[str], *,
                 format: Format | None = None, vocabulary: Vocabulary | None = None,
                 limits: Limits | None = None) -> Path:
    """Write :func:`inspect`'s report to ``out``; returns the path."""
    html = inspect(source, format=format, vocabulary=vocabulary, limits=limits)
    target = Path(out)
    target.write_text(html, encoding="utf-8")
    return target


__all__ = ["inspect", "needs_look", "report", "write_report"]
