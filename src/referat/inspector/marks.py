"""What the report draws, independent of HTML: colour categories, the model's nodes with their
source spans, and the blocks of the labelled stream with the nodes that cover them.

Everything here degrades gracefully: a block with no box or offsets is still listed, a node with
no span is still shown in the panel (without a link), and while the stream carries only
placeholder labels a block is coloured by the most specific node whose span covers it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..blocks import Block
from ..models import Meeting, Span
from ..parsers.stream import Analysis, Labelled

# category -> (colour, legend text); the order is the legend's
CATEGORIES: dict[str, tuple[str, str]] = {
    "unplaced": ("#d1242f", "unplaced: no rule placed it"),
    "item": ("#0b62d6", "item heading"),
    "section": ("#0a8f8f", "section heading (with its kind)"),
    "decision": ("#d4610a", "decision (★ final)"),
    "case_ref": ("#8250df", "case reference"),
    "toc": ("#9a6700", "table of contents entry"),
    "table": ("#1a7f37", "table row"),
    "participants": ("#bf3989", "participant list"),
    "attachment": ("#5a7d0e", "attachment (Bilag)"),
    "header": ("#3d3d99", "title and header fields"),
    "body": ("#8c959f", "text of an item or section"),
    "furniture": ("#6e7781", "page furniture, set aside"),
    "issue": ("#d1242f", "parse issue"),
}

LABEL_CATEGORY: dict[str, str] = {
    "title": "header", "header_field": "header", "attendance": "participants",
    "toc_heading": "toc", "toc_entry": "toc", "item_heading": "item", "case_ref": "case_ref",
    "section_heading": "section", "decision_head": "decision", "recommendation": "section",
    "attachment": "attachment", "table_row": "table", "body": "body", "note": "body",
    "furniture": "furniture", "unplaced": "unplaced",
}


def anchor_id(path: str) -> str:
    """An HTML id for a node path: ``items[2].sections[1]`` -> ``n-items-2-sections-1``."""
    out = "".join(c if c.isalnum() or c == "_" else "-" for c in path)
    return "n-" + "-".join(p for p in out.split("-") if p)


@dataclass(slots=True)
class Node:
    """One node of the meeting: where it is in the JSON, what to call it, where it came from."""

    path: str
    category: str
    caption: str
    spans: list[Span]
    tag: str = ""  # short text drawn at its box ("item 3", "§ decision", "★ final")
    final: bool = False
    children: list[Node] = field(default_factory=list)
    order: float = float("inf")  # index of the first block it covers (document order)

    @property
    def depth(self) -> int:
        return self.path.count(".")


def _item_nodes(meeting: Meeting) -> Iterator[Node]:
    for i, item in enumerate(meeting.items):
        p = f"items[{i}]"
        num = f"{item.number}. " if item.number is not None else ""
        node = Node(p, "item", f"{num}{item.title}" + (" (closed)" if item.closed else ""),
                    item.source, tag=f"item {item.number if item.number is not None else '–'}")
        for j, s in enumerate(item.sections):
            node.children.append(Node(f"{p}.sections[{j}]", "section",
                                      f"{s.kind}: {s.heading or '(unheaded)'}", s.source,
                                      tag=f"§ {s.kind}"))
        for j, d in enumerate(item.decisions):
            who = " ".join(x for x in (d.body or "", d.date.isoformat() if d.date else "") if x)
            node.children.append(Node(f"{p}.decisions[{j}]", "decision",
                                      ("★ final decision" if d.final else "decision")
                                      + (f" – {who}" if who else ""), d.source,
                                      tag="★ final" if d.final else "decision", final=d.final))
        for j, t in enumerate(item.tables):
            node.children.append(Node(f"{p}.tables[{j}]", "table",
                                      f"table, {len(t.rows)} rows", t.source, tag="table"))
        for j, a in enumerate(item.attachments):
            node.children.append(Node(f"{p}.attachments[{j}]", "attachment",
                                      f"Bilag: {a.title}", a.source, tag="bilag"))
        yield node


def meeting_nodes(meeting: Meeting) -> list[Node]:
    """Top-level nodes in panel order: participants, TOC entries, items (with children), issues."""
    nodes = [Node(f"participants[{i}]", "participants",
                  p.name + (" (absent)" if p.absent else ""), p.source)
             for i, p in enumerate(meeting.participants)]
    nodes += [Node(f"toc[{i}]", "toc",
                   (f"{e.number}. " if e.number else "") + e.title, e.source, tag="toc")
              for i, e in enumerate(meeting.toc)]
    nodes += list(_item_nodes(meeting))
    nodes += [Node(f"issues[{i}]", "issue", f"{x.severity}: {x.code}", x.source, tag=x.code)
              for i, x in enumerate(meeting.issues)]
    return nodes


def flatten(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for n in nodes:
        out.append(n)
        out.extend(flatten(n.children))
    return out


def is_placeholder(stream: list[Labelled]) -> bool:
    """True while the stream carries only the reader's layer (no labelling pass yet)."""
    return all(x.rule in ("unlabelled", "reader") for x in stream)


@dataclass(slots=True)
class Mark:
    """A block as drawn: its stream label, the category it is coloured by, and the nodes
    covering it (from the stream's ``node`` and from node spans)."""

    index: int
    block: Block
    label: str
    rule: str
    category: str
    nodes: list[str]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1e-6, (b[2] - b[0]) * (b[3] - b[1]))
    return w > 0 and h > 0 and w * h >= 0.5 * area


class BlockIndex:
    """Finds the blocks a span covers: by character offsets, HTML path, lines or PDF box."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        located = sorted((b.start, i) for i, b in enumerate(blocks) if b.start >= 0)
        self._starts = [s for s, _ in located]
        self._by_start = [i for _, i in located]
        self._paths: dict[str, list[int]] = defaultdict(list)
        self._pages: dict[int, list[int]] = defaultdict(list)
        for i, b in enumerate(blocks):
            if b.path:
                self._paths[b.path].append(i)
            if b.page is not None and b.bbox is not None:
                self._pages[b.page].append(i)
        lined = sorted((b.line, i) for i, b in enumerate(blocks) if b.line > 0)
        self._lines = [ln for ln, _ in lined]
        self._by_line = [i for _, i in lined]

    def covered(self, span: Span) -> list[int]:
        if span.start is not None and span.end is not None and self._starts:
            lo = max(0, bisect.bisect_right(self._starts, span.start) - 1)
            hi = bisect.bisect_left(self._starts, span.end)
            out = [i for i in self._by_start[lo:hi] if self.blocks[i].end > span.start]
            if out:
                return out
        if span.path:
            return list(self._paths.get(span.path, ()))
        if span.page is not None and span.bbox is not None:
            return [i for i in self._pages.get(span.page, ())
                    if _overlap(span.bbox, self.blocks[i].bbox)]  # type: ignore[arg-type]
        if span.line is not None and span.start is None:
            lo = bisect.bisect_left(self._lines, span.line)
            hi = bisect.bisect_right(self._lines, span.end_line or span.line)
            return self._by_line[lo:hi]
        return []


def marks(analysis: Analysis, nodes: list[Node]) -> list[Mark]:
    """One :class:`Mark` per block of the document, in document order."""
    blocks = analysis.document.blocks
    by_index = {x.index: x for x in analysis.stream}
    covering: dict[int, list[Node]] = defaultdict(list)
    index = BlockIndex(blocks)
    for node in nodes:
        if node.category == "issue":
            continue
        for span in node.spans:
            for i in index.covered(span):
                covering[i].append(node)
    placeholder = is_placeholder(analysis.stream)
    out = []
    for i, block in enumerate(blocks):
        lab = by_index.get(i)
        label = lab.label if lab else ("furniture" if block.is_furniture else "body")
        rule = lab.rule if lab else ""
        paths = [lab.node] if lab and lab.node else []
        paths += [n.path for n in covering.get(i, []) if n.path not in paths]
        category = LABEL_CATEGORY.get(label, "body")
        if category == "body" and placeholder and covering.get(i):
            category = max(covering[i], key=lambda n: n.depth).category
        out.append(Mark(i, block, label, rule, category, paths))
    return out
