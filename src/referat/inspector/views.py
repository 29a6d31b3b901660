"""The document side of the report: PDF pages with boxes, or the source text with highlights.

Every block gets an element with id ``b-<index>`` (a box, a highlighted span or a list entry),
so every block can be linked to; node boxes (PDF spans with a box) get the node's anchor id.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..models import Span
from .marks import Mark, Node, anchor_id
from .pages import PageImage

MAX_GAP = 1500  # characters of source between blocks shown in full; longer gaps are elided


def _where(mark: Mark) -> str:
    b = mark.block
    parts = [f"block {mark.index}"]
    if b.page is not None:
        parts.append(f"page {b.page}")
    if b.line:
        parts.append(f"line {b.line}" + (f"-{b.end_line}" if b.end_line > b.line else ""))
    if b.start >= 0:
        parts.append(f"chars {b.start}-{b.end}")
    if b.path:
        parts.append(b.path)
    if b.furniture:
        parts.append(b.furniture)
    return ", ".join(parts)


def block_attrs(mark: Mark, kind: str, style: str = "") -> str:
    """The attributes of a block's element (``kind`` is box, blk or li)."""
    label = mark.label + (" (placeholder)" if mark.rule == "unlabelled" else "")
    tip = f"{label} · rule: {mark.rule or '–'}" + (f" → {' '.join(mark.nodes)}" if mark.nodes
                                                     else "")
    text = mark.block.text if len(mark.block.text) <= 400 else mark.block.text[:400] + "…"
    attrs = (f'id="b-{mark.index}" class="{kind} c-{mark.category}" '
             f'data-label="{escape(label)}" data-rule="{escape(mark.rule)}" '
             f'data-nodes="{escape(" ".join(mark.nodes))}" data-where="{escape(_where(mark))}" '
             f'title="{escape(tip + chr(10) + text)}"')
    return attrs + (f' style="{style}"' if style else "")


def _pct(bbox: tuple[float, float, float, float], page: PageImage) -> str:
    x0, top, x1, bottom = bbox
    w, h = page.width or 1.0, page.height or 1.0

    def c(v: float, size: float) -> float:
        return round(min(max(v / size * 100, 0.0), 100.0), 3)

    return (f"left:{c(x0, w)}%;top:{c(top, h)}%;width:{round(c(x1, w) - c(x0, w), 3)}%;"
            f"height:{round(c(bottom, h) - c(top, h), 3)}%")


def _node_box(node: Node, span: Span, page: PageImage, first: bool, tagged: bool) -> str:
    """A node's outline; the first carries its anchor, the first on each page its tag."""
    assert span.bbox is not None
    cls = f"nbox c-{node.category}" + (" final" if node.final else "")
    ident = f' id="{anchor_id(node.path)}"' if first else ""
    tag = f'<span class="tag">{escape(node.tag)}</span>' if tagged and node.tag else ""
    return (f'<div{ident} class="{cls}" data-label="{escape(node.category)}" '
            f'data-nodes="{escape(node.path)}" data-where="page {span.page}" '
            f'data-text="{escape(node.caption)}" style="{_pct(span.bbox, page)}">{tag}</div>')


def _unboxed(marks: list[Mark], title: str) -> str:
    if not marks:
        return ""
    items = "".join(f"<li {block_attrs(m, 'li')}>{escape(m.block.text)}</li>" for m in marks)
    return f'<details class="unboxed" open><summary>{escape(title)}</summary><ol>{items}</ol>' \
           "</details>"


def pdf_view(marks: list[Mark], nodes: list[Node], pages: list[PageImage]) -> str:
    """Every page as an image with the blocks' boxes and the nodes' boxes over it."""
    by_page: dict[int, list[Mark]] = defaultdict(list)
    nowhere = []
    numbers = {p.number for p in pages}
    for m in marks:
        if m.block.page is not None and m.block.page in numbers:
            by_page[m.block.page].append(m)
        else:
            nowhere.append(m)
    page_of = {p.number: p for p in pages}
    node_boxes: dict[int, list[str]] = defaultdict(list)
    for node in nodes:
        first, tagged = True, set()
        for span in node.spans:
            if span.page is not None and span.page in page_of and span.bbox is not None:
                node_boxes[span.page].append(_node_box(node, span, page_of[span.page], first,
                                                       span.page not in tagged))
                first = False
                tagged.add(span.page)
    out = []
    for page in pages:
        here = by_page.get(page.number, [])
        boxes = "".join(f"<div {block_attrs(m, 'box', _pct(m.block.bbox, page))}></div>"
                        for m in here if m.block.bbox is not None)
        img = f'<img src="{page.uri}" alt="page {page.number}">' if page.uri else ""
        out.append(
            f'<section class="page" id="page-{page.number}"><div class="pagehead">page '
            f"{page.number}</div><div class=\"sheet\" style=\"aspect-ratio:{page.width:g}/"
            f'{page.height:g}">{img}{boxes}{"".join(node_boxes.get(page.number, []))}</div>'
            + _unboxed([m for m in here if m.block.bbox is None],
                       f"blocks on page {page.number} without a box")
            + "</section>")
    out.append(_unboxed(nowhere, "blocks without a page"))
    return "".join(out)


def _elide(text: str) -> str:
    if len(text) <= MAX_GAP:
        return escape(text)
    head, tail = text[: MAX_GAP // 2], text[-MAX_GAP // 2:]
    return (f"{escape(head)}<span class=\"elided\">[… {len(text) - len(head) - len(tail):,} "
            f"characters outside any block …]</span>{escape(tail)}")


def text_view(marks: list[Mark], text: str | None, note: str = "") -> str:
    """The source text with every located block highlighted; blocks that have no offsets are
    listed after it. Without the text or offsets, the blocks' own texts one per line."""
    located = sorted((m for m in marks if m.block.start >= 0 and text is not None),
                     key=lambda m: (m.block.start, m.index))
    if not located:
        rows = "".join(f"<li {block_attrs(m, 'li blk')}>{escape(m.block.text)}</li>"
                       for m in marks)
        note = note or "The reader gave no source offsets: the blocks' texts in reading order."
        return f'<p class="note">{escape(note)}</p><ol class="blocks">{rows}</ol>'
    assert text is not None
    parts, pos, seen = [], 0, set()
    for m in located:
        start, end = max(m.block.start, pos), min(m.block.end, len(text))
        if end <= start:
            continue
        parts.append(f'<span class="gap">{_elide(text[pos:start])}</span>' if start > pos
                     else "")
        parts.append(f"<span {block_attrs(m, 'blk')}>{escape(text[start:end])}</span>")
        seen.add(m.index)
        pos = end
    parts.append(f'<span class="gap">{_elide(text[pos:])}</span>')
    rest = [m for m in marks if m.index not in seen]
    return f'<pre class="src">{"".join(parts)}</pre>' + _unboxed(
        rest, "blocks not located in the source text")
