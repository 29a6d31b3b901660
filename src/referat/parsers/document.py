"""Put the parsers together: header, TOC, item starts, then each item's sections, case
references, decisions, recommendations, attachments, tables and attendance."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import regex
from rapidfuzz import fuzz

from ..blocks import Block, Document
from ..models import (
    AgendaItem,
    Decision,
    FurniturePage,
    Meeting,
    ParseIssue,
    Section,
    SourceInfo,
    Table,
    TocEntry,
)
from ..vocabulary import Vocabulary
from .attachments import merge_attachments, parse_attachments
from .attendance import absent_names
from .casenumbers import is_ref_line, split_title_ref
from .decisions import chain_entries, decision_points
from .header import attendance_lists, clock_from_text, parse_header
from .items import Candidate, find_item_starts
from .recommendations import parse_recommendations
from .reflow import reflow
from .sections import RawSection, segment
from .toc import parse_toc, split_inline_list
from .unnumbered import find_unnumbered

_HEADER_MAX = 400  # blocks
_PUNCT_ONLY = regex.compile(r"^[\s\p{P}]*$")  # "" or a lone "." placeholder
_END_PUNCT = tuple(".!?:;)]\"'”»…") + tuple("0123456789")


def _section_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    prev_kind = ""
    for b in blocks:
        if b.kind == "table_row":
            continue
        if b.kind == "list_item":
            sep = "\n" if prev_kind == "list_item" else "\n\n"
            parts.append((sep if parts else "") + "• " + b.text)
        else:
            parts.append(("\n\n" if parts else "") + b.text)
        prev_kind = b.kind
    return "".join(parts).strip()


def _pages(blocks: list[Block]) -> list[int]:
    return sorted({b.page for b in blocks if b.page is not None})


def _issue(severity: str, code: str, message: str, item: int | None = None) -> ParseIssue:
    return ParseIssue(severity=severity, code=code, message=message, item=item)  # type: ignore[arg-type]


def _build_item(c: Candidate, blocks: list[Block], vocab: Vocabulary, committee: str | None,
                date: dt.date | None, issues: list[ParseIssue], agenda: bool = False,
                meeting_is_referat: bool = False) -> AgendaItem:
    title = c.title
    if not title and c.title_lines and blocks and blocks[0].kind != "table_row":
        title, blocks = blocks[0].text, blocks[1:]
    title, title_ref = split_title_ref(title)
    body = segment(blocks, c.number, title, vocab)
    if title_ref is not None:
        body.ref.merge(title_ref)
    item = AgendaItem(number=c.number, title=title, closed=c.closed or bool(body.closed),
                      case_number=body.ref.case_number, journal_number=body.ref.journal_number,
                      document_number=body.ref.document_number, notes=body.meta_text)
    all_pages = set(_pages(blocks))
    if c.page is not None:
        all_pages.add(c.page)
    item.pages = sorted(all_pages)
    attachments = []
    lines_for_absence: list[str] = []
    for s in body.sections:
        text = _section_text(s.blocks)
        pages = _pages(s.blocks + ([s.head_block] if s.head_block else []))
        if s.fuzzy:
            issues.append(_issue("info", "fuzzy_heading",
                                 f"heading {s.heading!r} matched {s.kind!r} only fuzzily",
                                 c.number))
        item.sections.append(Section(kind=s.kind, heading=s.heading, text=text,  # type: ignore[arg-type]
                                     pages=pages))
        if s.kind == "decision":
            head = s.decision
            if head is None and agenda:
                continue  # an agenda's "Beslutning" is a blank for the coming meeting
            item.decisions.append(Decision(
                body=head.body if head else committee,
                date=head.date if head and head.date else (date if head is None else None),
                text=text, points=decision_points(text), pages=pages))
            lines_for_absence.extend(text.split("\n"))
        elif s.kind == "history":
            chain = [(b.text, b.page) for b in s.blocks if b.kind != "table_row"]
            for e in chain_entries(chain, vocab):
                item.decisions.append(Decision(body=e.body, date=e.date, text=e.text,
                                               points=decision_points(e.text), pages=e.pages))
        elif s.kind == "recommendation":
            item.recommendations.extend(parse_recommendations(
                [(b.kind, b.text) for b in s.blocks if b.kind != "table_row"]))
        elif s.kind == "attachments":
            attachments.extend(parse_attachments([b.text for b in s.blocks]))
        elif s.kind == "case_type" and text:
            item.case_type = text.split("\n")[0].rstrip(". ")
        _collect_tables(s, item)
    if item.closed and not item.decisions and meeting_is_referat and len(body.sections) == 1 \
            and body.sections[0].kind == "other" and not body.sections[0].heading:
        # a closed item prints only what was decided, with no heading
        only = item.sections[0]
        item.sections[0] = only.model_copy(update={"kind": "decision"})
        item.decisions.append(Decision(body=committee, date=date, text=only.text,
                                       points=decision_points(only.text), pages=only.pages))
    item.attachments = merge_attachments(attachments)
    item.absent = absent_names(lines_for_absence)
    _mark_final(item, committee, date, agenda)
    return item


def _collect_tables(s: RawSection, item: AgendaItem) -> None:
    current: Table | None = None
    current_id = -1
    for b in s.blocks:
        if b.kind != "table_row":
            current = None
            continue
        if current is None or (b.table and b.table != current_id):
            current = Table(section=s.heading or None, rows=[])
            current_id = b.table
            item.tables.append(current)
        current.rows.append(list(b.cells))
        if b.page is not None and b.page not in current.pages:
            current.pages.append(b.page)


def _same_body(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) >= 85


def _mark_final(item: AgendaItem, committee: str | None, date: dt.date | None,
                agenda: bool) -> None:
    if not item.decisions:
        return
    candidates = [d for d in item.decisions
                  if not agenda or d.body is not None or d.date is not None]
    candidates = [d for d in candidates
                  if (date is None or d.date is None or d.date == date)
                  and _same_body(d.body, committee)]
    if date is not None:
        dated = [d for d in candidates if d.date == date]
        candidates = dated or [d for d in candidates if d.date is None]
    if candidates:
        candidates[-1].final = True


def _toc_start(blocks: list[Block], vocab: Vocabulary) -> tuple[int, int] | None:
    """Where the header ends and where the TOC's first entry may stand."""
    for i, b in enumerate(blocks[: max(60, len(blocks) // 3)]):
        if vocab.is_toc_heading(b.text) or (len(b.text) < 80 and vocab.is_toc_heading(
                b.text.split(" ", 1)[0])):
            return i, i + 1
        if i < 12 and split_inline_list(b.text) is not None:
            return i, i  # an inline list of the items, with no heading
    return None


def _cross_check(toc: list[TocEntry], items: list[AgendaItem], issues: list[ParseIssue],
                 truncated: bool = False) -> None:
    """TOC entries without items and items not in the TOC become issues. In a document that
    is cut off, the entries after the last one found are summed up in one issue."""
    if not toc:
        return
    matched: set[int] = set()
    pairs: list[tuple[TocEntry, AgendaItem]] = []
    missing: list[TocEntry] = []
    for e in toc:
        hit = None
        for k, it in enumerate(items):
            if k in matched:
                continue
            same_no = e.number is not None and e.number == it.number
            if same_no or fuzz.ratio(e.title.casefold(), it.title.casefold()) >= 85:
                hit = k
                break
        if hit is None:
            missing.append(e)
        else:
            matched.add(hit)
            pairs.append((e, items[hit]))
    last = max((toc.index(e) for e, _ in pairs), default=-1)
    beyond = [e for e in missing if toc.index(e) > last] if truncated else []
    for e in missing:
        if e not in beyond:
            issues.append(_issue("warning", "toc_entry_without_item",
                                 f"TOC entry {e.title!r} has no matching item"))
    if beyond:
        issues.append(_issue("info", "toc_entries_beyond_cut",
                             f"{len(beyond)} TOC entries from {beyond[0].title!r} on have no item: "
                             "the document is cut off before them"))
    _check_toc_pages(pairs, issues)
    for k, it in enumerate(items):
        if k not in matched:
            issues.append(_issue("warning", "item_not_in_toc",
                                 f"item {it.number} {it.title!r} is not in the TOC", it.number))


def _check_toc_pages(pairs: list[tuple[TocEntry, AgendaItem]],
                     issues: list[ParseIssue]) -> None:
    """A TOC page number that disagrees with the page where its item starts (PDF input).

    Printed page numbers may be offset from the physical pages (an unnumbered cover); the
    offset most entries share is taken as the document's, and only entries off it are reported.
    """
    known = [(e, it) for e, it in pairs if e.page is not None and it.pages]
    if not known:
        return
    offsets = Counter(e.page - it.pages[0] for e, it in known if e.page is not None)
    offset = offsets.most_common(1)[0][0]
    for e, it in known:
        if e.page is not None and e.page - offset != it.pages[0]:
            issues.append(_issue(
                "warning", "toc_page_mismatch",
                f"TOC gives page {e.page} for item {it.number} {it.title!r}, but it starts on "
                f"page {it.pages[0] + offset}", it.number))


def _sync_toc_closed(toc: list[TocEntry], items: list[AgendaItem]) -> None:
    """A TOC printed without numbers marks no closed entries itself: an entry takes the closed
    flag of the item of the same title in the same position. (Numbers are not invented.)"""
    if not toc or any(e.number is not None for e in toc):
        return
    for e, it in zip(toc, items, strict=False):
        if fuzz.ratio(e.title.casefold(), it.title.casefold()) >= 85:
            e.closed = e.closed or it.closed


def parse_document(doc: Document, source: SourceInfo, vocab: Vocabulary) -> Meeting:
    blocks = reflow([b for b in doc.body if _PUNCT_ONLY.match(b.text) is None
                     or (b.kind == "heading" and not b.text.strip())], vocab)
    issues: list[ParseIssue] = [_issue("warning", "reader", w) for w in doc.warnings]
    toc: list[TocEntry] = []
    found = _toc_start(blocks, vocab)
    t = found[0] if found else None
    body_start = 0
    toc_notes: list[str] = []
    if found is not None:
        toc, body_start = parse_toc(blocks, found[1], vocab, toc_notes)
        if not toc:
            body_start = found[1]
    starts = find_item_starts(blocks, body_start, vocab, toc)
    inferred = False
    if not starts:
        starts = find_unnumbered(blocks, body_start, vocab)
        inferred = bool(starts)
    header_end = t if t is not None else (starts[0].index if starts else len(blocks))
    leading = _leading_refs(blocks, starts)
    # the header: before the TOC, and (some templates) between the TOC and the first item
    between = blocks[body_start: starts[0].index if starts else len(blocks)] if t is not None \
        else []
    head_blocks = [b for b in blocks[:header_end] + between if id(b) not in leading]
    # a header is a page at most: past that (a document with no items) the lines are kept as
    # notes without being read for labels
    header = parse_header(head_blocks[:_HEADER_MAX], vocab)
    header.notes.extend(b.text for b in head_blocks[_HEADER_MAX:])
    meeting = Meeting(source=source, title=header.title, document_type=header.document_type,  # type: ignore[arg-type]
                      committee=header.committee, date=header.date,
                      start_time=header.start_time, end_time=header.end_time,
                      location=header.location, participants=header.participants, toc=toc,
                      notes=header.notes + toc_notes)
    items: list[AgendaItem] = []
    for k, c in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(blocks)
        item_blocks = [b for b in blocks[c.index + c.title_lines: end] if id(b) not in leading]
        pre = [b for b in blocks[max(0, c.index - 2): c.index] if id(b) in leading]
        items.append(_build_item(c, pre + item_blocks, vocab, header.committee, header.date,
                                 issues, agenda=header.document_type == "dagsorden",
                                 meeting_is_referat=header.document_type == "referat"))
    for k, it in enumerate(items, 1):
        it.position = k
    meeting.items = items
    _fill_from_body(meeting, blocks, vocab)
    if inferred:
        issues.append(_issue("warning", "item_numbers_inferred",
                             f"no numbered item headings; {len(items)} item(s) found by their "
                             "case references or sections and numbered in order"))
    _sync_toc_closed(toc, items)
    truncated = _looks_truncated(doc) and not (starts and starts[-1].index == len(blocks) - 1)
    _cross_check(toc, items, issues, truncated)
    _check_numbering(items, issues)
    if not items:
        issues.append(_issue("warning", "no_items",
                             "no agenda items were found; this may not be a meeting document"))
    if truncated:
        issues.append(_issue("warning", "truncated",
                             "the document seems cut off: it ends mid-sentence",
                             items[-1].number if items else None))
    if meeting.date is None:
        issues.append(_issue("info", "no_date", "no meeting date was found in the header"))
    by_number: dict[int, int] = {}
    for it in items:
        if it.number is not None:
            by_number.setdefault(it.number, it.position)
    for i in issues:
        if i.item is not None:
            i.position = by_number.get(i.item)
    meeting.issues = issues
    meeting.furniture = furniture_report(doc)
    return meeting


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


def _fill_from_body(m: Meeting, blocks: list[Block], vocab: Vocabulary) -> None:
    """Header facts printed in the body: the clock ("Mødet sluttede kl. 21.33") and, on a
    per-item page with no header, the body and date of the decisions on record."""
    if not m.participants:
        m.participants = attendance_lists([b.text for b in blocks], vocab)
    if m.start_time is None or m.end_time is None:
        start, end = clock_from_text([b.text for b in blocks if "kl" in b.text])
        if m.start_time is None and start and (end is None or start <= end):
            m.start_time = start
        if m.end_time is None and end and (m.start_time is None or m.start_time <= end):
            m.end_time = end
    dated = [d for it in m.items for d in it.decisions if d.date is not None and d.body]
    if m.date is not None and m.committee is None:
        bodies = {d.body for d in dated if d.date == m.date}
        if len(bodies) == 1:  # every decision of the meeting's day names the same body
            m.committee = bodies.pop()
    if m.date is not None or m.document_type == "dagsorden" or not dated:
        return
    last = max(dated, key=lambda d: d.date or dt.date.min)
    m.date = last.date
    m.committee = m.committee or last.body
    m.document_type = m.document_type or "referat"  # it records what was decided
    for it in m.items:
        for d in it.decisions:
            d.final = d is last or (d.date == last.date and d.body == last.body)


def _leading_refs(blocks: list[Block], starts: list[Candidate]) -> set[int]:
    """Case-number lines printed just above an item heading belong to that item.

    Only when that is the document's convention: where most items carry their reference right
    below the heading, a reference line before the next heading is the previous item's.
    """
    after = sum(1 for c in starts if c.title_lines and c.index + c.title_lines < len(blocks)
                and is_ref_line(blocks[c.index + c.title_lines].text, 6))
    ids: set[int] = set()
    for c in starts:
        for j in (c.index - 1, c.index - 2):
            if j < 0 or not is_ref_line(blocks[j].text, 6) or any(s.index == j for s in starts):
                break
            ids.add(id(blocks[j]))
    before = len({i for i in ids})
    return ids if before > after else set()


def _check_numbering(items: list[AgendaItem], issues: list[ParseIssue]) -> None:
    for a, b in itertools.pairwise(items):
        if a.number is None or b.number is None:
            continue
        gap = b.number - a.number
        if 1 < gap < 50 and not (b.number >= 100 > a.number):
            issues.append(_issue("info", "numbering_gap",
                                 f"items jump from {a.number} to {b.number}", b.number))


def _looks_truncated(doc: Document) -> bool:
    body = doc.body
    if not body or doc.format not in ("text", "markdown"):
        return False
    last = body[-1].text.rstrip()
    if not last or last.endswith(_END_PUNCT):
        return False
    return bool(regex.search(r"\p{Ll}$", last)) and len(last.split()) > 3
