"""Put the parsers together: lay the document out (header, TOC, item starts), build the tree
from the labels, resolve the meeting-level facts, and account for every block.

Data flows one way: :mod:`.layout` labels the top level, :mod:`.build` (with :mod:`.item` and
:mod:`.sections`) folds the labels into the tree, :mod:`.resolve` settles what needs the whole
tree. The :class:`~.trace.Trace` records each block's label, rule and node: the stream that
``referat explain`` prints and the lossless test checks.
"""

from __future__ import annotations

from ..blocks import Document
from ..models import FurniturePage, Meeting, ParseIssue, SourceInfo
from ..vocabulary import Vocabulary
from .build import build
from .layout import lay_out, working_blocks
from .memo import per_parse
from .resolve import place_issues, resolve
from .stream import Analysis
from .trace import Trace, unplaced_issue


def analyse_document(doc: Document, source: SourceInfo, vocab: Vocabulary) -> Analysis:
    """Parse ``doc``; return the meeting with the labelled stream."""
    with per_parse():
        return _analyse(doc, source, vocab)


def _analyse(doc: Document, source: SourceInfo, vocab: Vocabulary) -> Analysis:
    trace = Trace(doc)
    lay = lay_out(working_blocks(doc.body, vocab, trace), vocab)
    issues: list[ParseIssue] = [ParseIssue(severity="warning", code="reader", message=w)
                                for w in doc.warnings]
    meeting = build(lay, source, vocab, trace, issues)
    resolve(meeting, lay, doc, vocab, trace, issues)
    place_issues(meeting, issues)
    stream = trace.stream()
    lost = unplaced_issue(stream, doc.format, doc.blocks)
    if lost is not None:
        issues.append(lost)
    meeting.issues = issues
    meeting.furniture = furniture_report(doc)
    return Analysis(document=doc, meeting=meeting, stream=stream)


def parse_document(doc: Document, source: SourceInfo, vocab: Vocabulary) -> Meeting:
    return analyse_document(doc, source, vocab).meeting


def furniture_report(doc: Document, texts: bool = False) -> list[FurniturePage]:
    """The furniture the reader set aside, counted per page (with its text when asked)."""
    pages: dict[int | None, FurniturePage] = {}
    for b in doc.furniture:
        fp = pages.setdefault(b.page, FurniturePage(page=b.page, count=0))
        fp.count += 1
        kind = b.furniture or "other"
        fp.kinds[kind] = fp.kinds.get(kind, 0) + 1
        if texts:
            fp.texts.append(b.text)
    return list(pages.values())
