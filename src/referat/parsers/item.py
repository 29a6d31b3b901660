"""Build one agenda item from its heading and its blocks: sections, case references,
decisions, recommendations, attachments and tables. Every block is marked in the trace with
the node it ends in (``items[k]``, ``items[k].sections[j]``, ``items[k].tables[t]``).

Decisions are built here without ``final``: which decision is the meeting's own is a
meeting-level fact, settled once in :mod:`.resolve`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..blocks import Block
from ..models import AgendaItem, Attachment, Decision, ParseIssue, Section, Table
from ..vocabulary import Vocabulary
from .attachments import merge_attachments, parse_attachments
from .attendance import absent_names
from .casenumbers import split_title_ref
from .decisions import chain_entries, decision_points
from .items import Candidate
from .recommendations import parse_recommendations
from .section_heads import RawSection
from .sections import segment
from .stream import Label
from .trace import Trace

_GLUE = regex.compile(r"(?<=\p{Ll}|[.)])(?=\p{Lu}\p{Ll})")


def strip_glued_echo(title: str) -> str:
    """``"Godkendelse af referatKlik her for at folde ud og læse mere om Godkendelse af referat"``
    -> ``"Godkendelse af referat"``: interface text glued to a title and ending with the title
    again (or its beginning, where the site shortens it)."""
    for m in _GLUE.finditer(title):
        head, tail = title[: m.start()].strip(), title[m.start():].rstrip(" .…")
        if len(head) < 8 or len(tail) > 200:
            continue
        for k in range(len(head), 7, -1):
            echo = head[:k].rstrip()
            if tail.endswith(echo) and tail[: len(tail) - len(echo)].endswith(" "):
                return head
    return title


@dataclass
class ItemContext:
    """What the item builder knows of the meeting: the header's committee and date (for
    decisions printed without them) and the document type."""

    vocab: Vocabulary
    trace: Trace
    committee: str | None
    date: dt.date | None
    agenda: bool
    referat: bool


def section_text(blocks: list[Block]) -> str:
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


def pages_of(blocks: list[Block]) -> list[int]:
    return sorted({b.page for b in blocks if b.page is not None})


_BODY_LABEL: dict[str, Label] = {"recommendation": "recommendation",
                                 "attachments": "attachment"}


def build_item(k: int, c: Candidate, blocks: list[Block], heading: list[Block],
               ctx: ItemContext, issues: list[ParseIssue]) -> AgendaItem:
    """Item ``k`` (0-based) from its candidate heading, the heading's blocks and its body."""
    node = f"items[{k}]"
    tr = ctx.trace
    everything = blocks
    tr.mark_all(heading, "item_heading", c.rule or "items.heading", node)
    title = c.title
    if not title and c.title_lines and blocks and blocks[0].kind != "table_row" and \
            ctx.vocab.split_glued_heading(blocks[0].text.strip()) is None:  # no heading line
        tr.mark(blocks[0], "item_heading", "item.title_line", node)
        title, blocks = blocks[0].text, blocks[1:]
    clean = strip_glued_echo(title)
    glued = title[len(clean):].strip()  # interface text cut off the title: kept in notes
    title, title_ref = split_title_ref(clean)
    body = segment(blocks, c.number, title, ctx.vocab)
    ref = body.ref.merged(title_ref) if title_ref is not None else body.ref
    for b, label, rule, sub in body.marks:
        tr.mark(b, label, rule, f"{node}.{sub}" if sub else node)
    item = AgendaItem(number=c.number, title=title, closed=c.closed or bool(body.closed),
                      case_number=ref.case_number, journal_number=ref.journal_number,
                      document_number=ref.document_number,
                      notes=[glued, *body.meta_text] if glued else body.meta_text)
    item.pages = sorted(set(pages_of(blocks)) | ({c.page} if c.page is not None else set()))
    item.source = tr.spans(heading + everything)
    attachments: list[Attachment] = []
    absence: list[str] = []
    for j, s in enumerate(body.sections):
        sec = _section(s, f"{node}.sections[{j}]", tr)
        if s.fuzzy:
            issues.append(ParseIssue(severity="info", code="fuzzy_heading", item=c.number,
                                     message=f"heading {s.heading!r} matched {s.kind!r} only "
                                     "fuzzily", source=sec.source[:1]))
        item.sections.append(sec)
        absence.extend(_read_section(item, s, sec, ctx, attachments))
        _collect_tables(s, item, node, tr)
    _closed_decision(item, body.sections, ctx)
    item.attachments = merge_attachments(attachments)
    item.absent = absent_names(absence, ctx.vocab)
    return item


def _section(s: RawSection, node: str, tr: Trace) -> Section:
    if s.head_block is not None:
        tr.mark(s.head_block, "decision_head" if s.decision is not None else "section_heading",
                s.rule or "section", node)
    label = _BODY_LABEL.get(s.kind, "body")
    for b in s.blocks:
        if b.kind != "table_row":
            tr.mark(b, label, "section.text", node)
    own = [s.head_block] if s.head_block else []
    return Section(kind=s.kind, heading=s.heading, text=section_text(s.blocks),  # type: ignore[arg-type]
                   pages=pages_of(s.blocks + own), source=tr.spans(own + s.blocks))


def _read_section(item: AgendaItem, s: RawSection, sec: Section, ctx: ItemContext,
                  attachments: list[Attachment]) -> list[str]:
    """The fields a section feeds: decisions, recommendations, attachments, case type.
    Returns the lines of a decision section (read for names absent from the item)."""
    text = sec.text
    if s.kind == "decision":
        head = s.decision
        if head is None and ctx.agenda:
            return []  # an agenda's "Beslutning" is a blank for the coming meeting
        d = Decision(body=head.body if head else ctx.committee,
                     date=head.date if head and head.date else (ctx.date if head is None
                                                                else None),
                     text=text, points=decision_points(text, ctx.vocab), pages=sec.pages,
                     source=sec.source)
        item.decisions.append(d)
        return text.split("\n")
    elif s.kind == "history":
        chain = [(b.text, b.page) for b in s.blocks if b.kind != "table_row"]
        for e in chain_entries(chain, ctx.vocab):
            item.decisions.append(Decision(body=e.body, date=e.date, text=e.text,
                                           points=decision_points(e.text, ctx.vocab), pages=e.pages,
                                           source=sec.source))
    elif s.kind == "recommendation":
        item.recommendations.extend(parse_recommendations(
            [(b.kind, b.text) for b in s.blocks if b.kind != "table_row"]))
    elif s.kind == "attachments":
        found = parse_attachments([b.text for b in s.blocks], ctx.vocab)
        for a in found:
            a.source = ctx.trace.spans((b for b in s.blocks if a.title in b.text), limit=1)
        attachments.extend(found)
    elif s.kind == "case_type" and text:
        item.case_type = text.split("\n")[0].rstrip(". ")
    return []


def _closed_decision(item: AgendaItem, sections: list[RawSection], ctx: ItemContext) -> None:
    """A closed item of a referat that prints only what was decided, with no heading."""
    if item.closed and not item.decisions and ctx.referat and len(sections) == 1 \
            and sections[0].kind == "other" and not sections[0].heading:
        only = item.sections[0]
        item.sections[0] = only.model_copy(update={"kind": "decision"})
        item.decisions.append(Decision(body=ctx.committee, date=ctx.date, text=only.text,
                                       points=decision_points(only.text, ctx.vocab),
                                       pages=only.pages, source=only.source))


def _collect_tables(s: RawSection, item: AgendaItem, node: str, tr: Trace) -> None:
    current: Table | None = None
    current_id = -1
    rows: dict[int, list[Block]] = {}
    for b in s.blocks:
        if b.kind != "table_row":
            current = None
            continue
        if current is None or (b.table and b.table != current_id):
            current = Table(section=s.heading or None, rows=[])
            current_id = b.table
            item.tables.append(current)
        t = len(item.tables) - 1
        tr.mark(b, "table_row", "table.row", f"{node}.tables[{t}]")
        rows.setdefault(t, []).append(b)
        current.rows.append(list(b.cells))
        if b.page is not None and b.page not in current.pages:
            current.pages.append(b.page)
    for t, blocks in rows.items():
        item.tables[t].source = tr.spans(blocks)
