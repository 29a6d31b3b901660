"""``referat explain``: the block stream as the parser saw it, one line per block.

Each line gives where the block came from (page and box for PDF, line for text and Markdown,
element path for HTML), its layer (``body`` or ``furniture``), the label the parser gave it, the
rule that chose the label, the output node it ended in, and its text. This is how a user finds
out why a layout went wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block
from .models import AgendaItem
from .parsers.stream import Analysis, Labelled

_COLUMNS = ("where", "layer", "label", "rule", "node")
_CAPS = {"where": 28, "layer": 9, "label": 15, "rule": 24, "node": 22}


def location(b: Block) -> str:
    """``p3 (72,140)`` for PDF, ``L12`` or ``p2 L40-41`` for text, the path for HTML."""
    parts: list[str] = []
    if b.page is not None:
        parts.append(f"p{b.page}")
    if b.bbox is not None:
        parts.append(f"({b.bbox[0]:.0f},{b.bbox[1]:.0f})")
    elif b.path:
        parts.append(b.path.removeprefix("html/"))
    elif b.line:
        parts.append(f"L{b.line}" + (f"-{b.end_line}" if b.end_line > b.line else ""))
    return " ".join(parts) or "?"


def _cut(text: str, width: int, *, left: bool = False) -> str:
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    return "…" + text[-(width - 1):] if left else text[:width - 1] + "…"


@dataclass(frozen=True)
class Selection:
    """The blocks of one item, and how they were found."""

    item: AgendaItem
    index: int  # in Meeting.items
    rows: list[Labelled]
    by_title: bool  # the stream records no nodes: the item's blocks were found by its title


def find_item(analysis: Analysis, n: int, *, by_position: bool = False) -> AgendaItem | None:
    items = analysis.meeting.items
    if by_position:
        return next((i for i in items if i.position == n), items[n - 1] if 0 < n <= len(items)
                    else None)
    return next((i for i in items if i.number == n), None)


def select_item(analysis: Analysis, item: AgendaItem) -> Selection:
    """The stream rows of ``item``: those whose node lies under ``items[k]``; when the stream
    records no nodes, the rows from the block holding the item's title to the next item's."""
    k = next(j for j, i in enumerate(analysis.meeting.items) if i is item)
    prefix = f"items[{k}]"
    if any(r.node for r in analysis.stream):
        rows = [r for r in analysis.stream
                if r.node == prefix or r.node.startswith((prefix + ".", prefix + "["))]
        return Selection(item, k, rows, by_title=False)
    body = [r for r in analysis.stream if not r.block.is_furniture]
    items = analysis.meeting.items
    # a table of contents lists every title before the first item starts: the body begins
    # at the last item's title when it occurs twice
    last = _hits(body, items[-1].title, 0)
    after = last[0] + 1 if len(last) > 1 else 0
    starts = _hits(body, item.title, after)
    if not starts:
        return Selection(item, k, [], by_title=True)
    end = len(body)
    if k + 1 < len(items):
        nxt = _hits(body, items[k + 1].title, starts[0] + 1)
        end = nxt[0] if nxt else end
    return Selection(item, k, body[starts[0]:end], by_title=True)


def _hits(rows: list[Labelled], title: str, start: int) -> list[int]:
    """The rows at or after ``start`` whose text holds ``title`` (spacing and case ignored)."""
    key = " ".join(title.split())[:60].casefold()
    return [j for j in range(start, len(rows))
            if key and key in " ".join(rows[j].block.text.split()).casefold()]


def render(rows: list[Labelled], width: int | None = None, text_width: int | None = 100
           ) -> list[str]:
    """One line per row: the columns padded to their widest value (capped), then the text, cut
    to fit a line of ``width`` characters when given (a terminal), else to ``text_width``
    characters (``None``: never cut)."""
    cells = [(location(r.block), r.block.layer, r.label, r.rule, r.node) for r in rows]
    widths = [min(_CAPS[c], max([len(c)] + [len(row[i]) for row in cells]))
              for i, c in enumerate(_COLUMNS)]

    def line(values: tuple[str, ...], text: str) -> str:
        cols = [_cut(v, w, left=i == 0).ljust(w) for i, (v, w) in enumerate(zip(values, widths,
                                                                                  strict=True))]
        head = "  ".join(cols) + "  "
        if width is not None:
            return _cut(head + text, width)
        return head + (text if text_width is None else _cut(text, text_width))

    out = [line(_COLUMNS, "text").rstrip()]
    for r, values in zip(rows, cells, strict=True):
        out.append(line(values, " ".join(r.block.text.split())))
    return out


__all__ = ["Selection", "find_item", "location", "render", "select_item"]
