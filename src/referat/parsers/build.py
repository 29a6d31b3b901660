"""The builder: fold the labelled layout into the meeting tree, marking every block with the
node it ends in. It sets what the blocks say and nothing else; meeting-level facts that need the
whole tree (fallbacks, the final decision, cross-checks) are settled afterwards by
:mod:`.resolve`.
"""

from __future__ import annotations

from ..models import Meeting, ParseIssue, SourceInfo, TocEntry
from ..vocabulary import Vocabulary
from .header import Header, HeaderMark, parse_header
from .item import ItemContext, build_item
from .layout import Layout
from .trace import Trace

_HEADER_MAX = 400  # blocks


def settled(marks: list[HeaderMark]) -> list[HeaderMark]:
    """The header's labels as it settled them: where it took a line for one thing and then,
    seeing more, for another, the last one (in the order of the lines' first labels)."""
    last: dict[int, HeaderMark] = {}
    for m in marks:
        last[id(m[0])] = m
    out, done = [], set()
    for m in marks:
        if id(m[0]) not in done:
            done.add(id(m[0]))
            out.append(last[id(m[0])])
    return out


def build_header(lay: Layout, vocab: Vocabulary, trace: Trace) -> Header:
    """The header from its blocks. A header is a page at most: past that (a document with no
    items) the lines are kept as notes without being read for labels."""
    header = parse_header(lay.head[:_HEADER_MAX], vocab)
    for b in lay.head[_HEADER_MAX:]:
        header.notes.append(b.text)
        trace.mark(b, "note", "header.beyond_page", "notes")
    for b, label, rule, node in settled(header.marks):
        trace.mark(b, label, rule, node)
    for p in header.participants:
        lines = [b for b, _, _, node in header.marks if node == "participants"]
        p.source = trace.spans([b for b in lines if p.name in b.text][:1])
    return header


def build_toc(lay: Layout, trace: Trace, notes: list[str]) -> list[TocEntry]:
    if lay.toc_at is not None:
        b = lay.blocks[lay.toc_at]
        if (not lay.toc.entries or lay.toc.origins[0][0] is not b) and \
                not any(s is b for s in lay.toc.skipped):  # a flattened contents page: a note
            trace.mark(b, "toc_heading", "toc.heading", "toc")
    seen: set[int] = set()  # a line holding several entries belongs to the first of them
    for k, (e, blocks) in enumerate(zip(lay.toc.entries, lay.toc.origins, strict=True)):
        trace.mark_all([b for b in blocks if id(b) not in seen], "toc_entry", "toc.entry",
                       f"toc[{k}]")
        seen.update(id(b) for b in blocks)
        e.source = trace.spans(blocks)
    for b in lay.toc.skipped:
        notes.append(b.text.strip())
        trace.mark(b, "note", "toc.not_an_entry", "notes")
    trace.mark_all(lay.toc.chrome, "furniture", "vocab.chrome")
    return lay.toc.entries


def build(lay: Layout, source: SourceInfo, vocab: Vocabulary, trace: Trace,
          issues: list[ParseIssue]) -> Meeting:
    toc_notes: list[str] = []
    toc = build_toc(lay, trace, toc_notes)
    header = build_header(lay, vocab, trace)
    meeting = Meeting(source=source, title=header.title, document_type=header.document_type,  # type: ignore[arg-type]
                      committee=header.committee, date=header.date,
                      start_time=header.start_time, end_time=header.end_time,
                      location=header.location, participants=header.participants, toc=toc,
                      notes=header.notes + toc_notes)
    ctx = ItemContext(vocab, trace, header.committee, header.date,
                      agenda=header.document_type == "dagsorden",
                      referat=header.document_type == "referat")
    for k, c in enumerate(lay.starts):
        heading, body = lay.item_blocks(k)
        before = len(issues)
        item = build_item(k, c, body, heading, ctx, issues)
        item.position = k + 1
        if lay.inferred:  # the document prints no numbers: none is invented (contract v2)
            item.number = None
            for i in issues[before:]:
                if i.item == c.number:
                    i.item, i.position, i.source = None, k + 1, i.source or item.source[:1]
        meeting.items.append(item)
    if lay.tail is not None:  # end matter (signature page, list of attachments): the meeting's
        for b in lay.blocks[lay.tail:]:
            meeting.notes.append(b.text)
            trace.mark(b, "note", "layout.end_matter", "notes")
    return meeting
