"""Where each block went: the labelled stream as the parse records it, and the source spans of
the output nodes.

A :class:`Trace` is made per document. Rules call :meth:`Trace.mark` with the block they looked
at, its label, their name and the output node it ends in (``"items[2].sections[1]"``); a block
derived from a reader's block (a piece of a split line) keeps the reader block's index. What no
rule marked is *unplaced*; what was only kept in ``notes`` is reported with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..blocks import Block, Document, Format
from ..models import ParseIssue, Span
from .stream import Label, Labelled

_Key = tuple[int, int, int | None, str, object, str]


def _key(b: Block) -> _Key:
    """A split piece's reader block: same place and layer (a page line's number is furniture
    on the same line as its body)."""
    return (b.line, b.end_line, b.page, b.path, b.bbox, b.layer)


class Trace:
    """The labels given so far, keyed by the block object that was labelled."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.format: Format = doc.format
        self._ids = {id(b): i for i, b in enumerate(doc.blocks)}
        self._keys: dict[_Key, int] = {}
        for i, b in enumerate(doc.blocks):
            self._keys.setdefault(_key(b), i)
        self._marks: dict[int, Labelled] = {}
        self.relabelled: list[tuple[str, str, str]] = []  # (first rule, second rule, text)

    def origin(self, b: Block) -> int:
        """The index in ``Document.blocks`` of the reader block ``b`` is (or was cut from)."""
        i = self._ids.get(id(b))
        return i if i is not None else self._keys.get(_key(b), -1)

    def mark(self, b: Block, label: Label, rule: str, node: str = "") -> None:
        """Label ``b`` (a later mark of the same block replaces an earlier one)."""
        old = self._marks.get(id(b))
        if old is not None:  # each block gets exactly one label: a second one is a bug
            self.relabelled.append((old.rule, rule, b.text[:60]))
        self._marks[id(b)] = Labelled(self.origin(b), b, label, rule, node)

    def mark_all(self, blocks: Iterable[Block], label: Label, rule: str, node: str = "") -> None:
        for b in blocks:
            self.mark(b, label, rule, node)

    def stream(self) -> list[Labelled]:
        """Every block of the document in order: the marks, then ``unplaced`` for body blocks
        that no rule marked and the reader's furniture."""
        by_index: dict[int, list[Labelled]] = {}
        for m in self._marks.values():
            by_index.setdefault(m.index, []).append(m)
        out: list[Labelled] = []
        for i, b in enumerate(self.doc.blocks):
            marks = by_index.get(i)
            if marks:
                out.extend(marks)
            elif b.is_furniture:
                out.append(Labelled(i, b, "furniture", "reader:" + (b.furniture or "furniture")))
            else:
                out.append(Labelled(i, b, "unplaced", "none"))
        out.extend(by_index.get(-1, []))
        return out

    def spans(self, blocks: Iterable[Block], limit: int = 0) -> list[Span]:
        return spans(blocks, self.format, limit)


def unplaced_issue(stream: list[Labelled], fmt: Format,
                   blocks: list[Block] | None = None) -> ParseIssue | None:
    """One issue naming the body blocks no rule placed and those only kept in ``notes`` (the
    reader's ``blocks`` when given, not the pieces a parser cut from them)."""

    def whole(s: Labelled) -> Block:
        return blocks[s.index] if blocks is not None and 0 <= s.index < len(blocks) else s.block

    lost = {s.index: whole(s) for s in stream if s.label == "unplaced"}
    placed = {s.index for s in stream if s.label not in ("unplaced", "note")}
    noted = {s.index: whole(s) for s in stream if s.label == "note" and s.index not in placed}
    if not lost and not noted:
        return None
    parts = []
    if lost:
        parts.append(f"{len(lost)} block(s) placed in no field")
    if noted:
        parts.append(f"{len(noted)} block(s) kept only in notes")
    blocks = [b for _, b in sorted({**lost, **noted}.items())]
    return ParseIssue(severity="warning" if lost else "info", code="unplaced_blocks",
                      message="; ".join(parts), source=spans(blocks, fmt))


_Raw = dict[str, object]


def _raw(b: Block, fmt: Format) -> _Raw | None:
    kw: _Raw = {}
    if b.page is not None and b.page >= 1:
        kw["page"] = b.page
    if b.bbox is not None:
        kw["bbox"] = b.bbox
    if fmt in ("text", "markdown") and b.line >= 1:
        kw["line"] = b.line
        kw["end_line"] = max(b.end_line, b.line)
    if fmt == "html" and b.path:
        kw["path"] = b.path
    if b.start >= 0 and b.end >= b.start:
        kw["start"], kw["end"] = b.start, b.end
    return kw or None


def _join(a: _Raw, b: _Raw, fmt: Format) -> bool:
    """Extend ``a`` by ``b`` when they are neighbours of the same kind (False: they are not)."""
    if a.get("page") != b.get("page") or a.get("path") != b.get("path"):
        return False
    if fmt in ("text", "markdown"):
        if "line" not in a or "line" not in b or b["line"] < a["line"]:  # type: ignore[operator]
            return False
        a["end_line"] = max(int(a["end_line"]), int(b["end_line"]))  # type: ignore[call-overload]
    elif "bbox" in a and "bbox" in b:
        x, y = a["bbox"], b["bbox"]
        a["bbox"] = (min(x[0], y[0]), min(x[1], y[1]),  # type: ignore[index]
                     max(x[2], y[2]), max(x[3], y[3]))  # type: ignore[index]
    elif "bbox" in a or "bbox" in b:
        return False
    if "start" in a and "end" in b and b["end"] >= a["start"]:  # type: ignore[operator]
        a["end"] = b["end"]
    else:
        a.pop("start", None)
        a.pop("end", None)
    return True


def _line_spans(blocks: Iterable[Block], limit: int = 0) -> list[Span]:
    """:func:`spans` for text and Markdown (the common case, kept fast): runs of lines."""
    out: list[list[int]] = []  # line, end_line, start, end, page (-1: unknown)
    for b in blocks:
        if b.line < 1:
            continue
        page = b.page if b.page is not None and b.page >= 1 else -1
        start, end = (b.start, b.end) if b.start >= 0 and b.end >= b.start else (-1, -1)
        last = out[-1] if out else None
        if last is not None and last[4] == page and b.line >= last[0]:
            last[1] = max(last[1], b.end_line, b.line)
            if last[2] >= 0 and end >= last[2]:
                last[3] = end
            else:
                last[2] = last[3] = -1
            continue
        if limit and len(out) == limit:
            break  # the spans asked for are complete: the blocks after them are not read
        out.append([b.line, max(b.end_line, b.line), start, end, page])
    return [Span(line=r[0], end_line=r[1], start=r[2] if r[2] >= 0 else None,
                 end=r[3] if r[2] >= 0 else None, page=r[4] if r[4] >= 1 else None)
            for r in out]


def spans(blocks: Iterable[Block], fmt: Format, limit: int = 0) -> list[Span]:
    """The spans of ``blocks`` (in document order), neighbours joined: one span per run of
    lines (text, Markdown), per page (PDF) or per element (HTML); only the first ``limit``
    when it is given."""
    if fmt in ("text", "markdown"):
        return _line_spans(blocks, limit)
    out: list[_Raw] = []
    for b in blocks:
        kw = _raw(b, fmt)
        if kw is None:
            continue
        if not out or not _join(out[-1], kw, fmt):
            if limit and len(out) == limit:
                break
            out.append(kw)
    return [Span(**kw) for kw in out]  # type: ignore[arg-type]
