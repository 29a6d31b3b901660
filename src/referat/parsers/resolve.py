"""The resolve pass: meeting-level facts settled once, after the tree is built.

Clock times printed in the body, participants listed inside an item, the committee and date
taken from the decisions when the header has none, which decision is the meeting's own
(``final``), the TOC's closed flags and its cross-check against the items, and the issues that
need the whole document. Nothing the builder set is changed, only what it left open.
"""

from __future__ import annotations

import datetime as dt
import itertools

import regex
from rapidfuzz import fuzz

from ..blocks import Block, Document
from ..models import AgendaItem, Decision, Meeting, ParseIssue
from ..vocabulary import Vocabulary
from .header import clock_from_text
from .layout import Layout
from .participants import attendance_lists
from .toc_check import cross_check
from .trace import Trace

_END_PUNCT = tuple(".!?:;)]\"'”»…") + tuple("0123456789")


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
        on_the_day = [d for d in item.decisions if d.date == date]
        if not candidates and len(on_the_day) == 1:
            # the body is printed under another name than the header's ('Udvalget "Aktiv
            # Hele Livet"' vs "Udvalget for Voksne"): the meeting's date is evidence enough
            candidates = on_the_day
    if candidates:
        candidates[-1].final = True


def _body_facts(m: Meeting, blocks: list[Block], vocab: Vocabulary) -> None:
    """Header facts printed in the body: the clock ("Mødet sluttede kl. 21.33"), attendance
    lists inside an item (per-item pages)."""
    if not m.participants:
        m.participants = attendance_lists([b.text for b in blocks], vocab)
    if m.start_time is None or m.end_time is None:
        start, end = clock_from_text([b.text for b in blocks if "kl" in b.text])
        if m.start_time is None and start and (end is None or start <= end):
            m.start_time = start
        if m.end_time is None and end and (m.start_time is None or m.start_time <= end):
            m.end_time = end


def _decisions_facts(m: Meeting) -> Decision | None:
    """Committee and date from the decisions on record when the header names none. Returns the
    latest decision when the meeting's date is taken from it (a per-item page)."""
    dated = [d for it in m.items for d in it.decisions if d.date is not None and d.body]
    if m.date is not None and m.committee is None:
        bodies = {d.body for d in dated if d.date == m.date}
        if len(bodies) == 1:  # every decision of the meeting's day names the same body
            m.committee = bodies.pop()
    if m.date is not None or m.document_type == "dagsorden" or not dated:
        return None
    last = max(dated, key=lambda d: d.date or dt.date.min)
    own = any(d.date is None and d.body is None for it in m.items for d in it.decisions)
    if own or len({d.body for d in dated if d.date == last.date}) > 1:
        # this meeting's own decisions are printed undated, or several bodies decided on
        # the latest day: the dated ones are earlier bodies' (stacked in the item), not this
        # meeting's, and give neither its date nor its body
        return None
    m.date = last.date
    m.committee = m.committee or last.body
    m.document_type = m.document_type or "referat"  # it records what was decided
    return last


def _finals(m: Meeting, header_committee: str | None, last: Decision | None) -> None:
    """Which decision of each item is the meeting's own: the latest on record when the date
    came from the decisions, else the one of the header's body and date."""
    for it in m.items:
        if last is None:
            _mark_final(it, header_committee, m.date, m.document_type == "dagsorden")
            continue
        for d in it.decisions:
            d.final = d is last or (d.date == last.date and d.body == last.body)


def resolve(m: Meeting, lay: Layout, doc: Document, vocab: Vocabulary, trace: Trace,
            issues: list[ParseIssue]) -> None:
    header_committee = m.committee
    _body_facts(m, lay.blocks, vocab)
    last = _decisions_facts(m)
    _finals(m, header_committee, last)
    if m.document_type is None and (
            any(d.final and d.text for it in m.items for d in it.decisions) or
            any(vocab.approves_agenda(n, m.notes[k + 1] if k + 1 < len(m.notes) else "")
                for k, n in enumerate(m.notes))):
        m.document_type = "referat"  # it records what this meeting decided
    if lay.inferred:
        issues.append(ParseIssue(
            severity="warning", code="item_numbers_inferred",
            message=f"no numbered item headings; {len(m.items)} item(s) found by their case "
            "references or sections, without numbers (their order is in 'position')",
            source=[s for it in m.items for s in it.source[:1]]))
    _sync_toc_closed(m)
    starts = lay.starts
    truncated = _looks_truncated(doc) and not (starts and starts[-1].index == len(lay.blocks) - 1)
    # unnumbered end matter listed in the TOC ("Underskriftsside ..... 5") is no item
    toc = [e for e in m.toc if e.number is not None or not vocab.is_end_matter(e.title)]
    cross_check(toc, m.items, issues, truncated)
    _check_numbering(m.items, issues)
    if not m.items:
        issues.append(ParseIssue(severity="warning", code="no_items", message="no agenda items "
                                 "were found; this may not be a meeting document"))
    if truncated:
        issues.append(ParseIssue(
            severity="warning", code="truncated", message="the document seems cut off: it ends "
            "mid-sentence", item=m.items[-1].number if m.items else None,
            position=m.items[-1].position if m.items else None,
            source=trace.spans(doc.body[-1:])))
    if m.date is None:
        issues.append(ParseIssue(severity="info", code="no_date",
                                 message="no meeting date was found in the header"))


def place_issues(m: Meeting, issues: list[ParseIssue]) -> None:
    """Each issue about an item gets the item's position, and its heading as location."""
    by_number: dict[int, AgendaItem] = {}
    for it in m.items:
        if it.number is not None:
            by_number.setdefault(it.number, it)
    for i in issues:
        hit = by_number.get(i.item) if i.item is not None else None
        if hit is not None:
            i.position = hit.position
            if not i.source:
                i.source = hit.source[:1]


def _sync_toc_closed(m: Meeting) -> None:
    """A TOC printed without numbers marks no closed entries itself: an entry takes the closed
    flag of the item of the same title in the same position. (Numbers are not invented.)"""
    if not m.toc or any(e.number is not None for e in m.toc):
        return
    for e, it in zip(m.toc, m.items, strict=False):
        if fuzz.ratio(e.title.casefold(), it.title.casefold()) >= 85:
            e.closed = e.closed or it.closed


def _check_numbering(items: list[AgendaItem], issues: list[ParseIssue]) -> None:
    for a, b in itertools.pairwise(items):
        if a.number is None or b.number is None:
            continue
        gap = b.number - a.number
        if 1 < gap < 50 and not (b.number >= 100 > a.number):
            issues.append(ParseIssue(severity="info", code="numbering_gap",
                                     message=f"items jump from {a.number} to {b.number}",
                                     item=b.number, source=b.source[:1]))


_LOWER_END = regex.compile(r"\p{Ll}$")


def _looks_truncated(doc: Document) -> bool:
    body = doc.body
    if not body or doc.format not in ("text", "markdown"):
        return False
    last = body[-1].text.rstrip()
    if not last or last.endswith(_END_PUNCT):
        return False
    return bool(_LOWER_END.search(last)) and len(last.split()) > 3
