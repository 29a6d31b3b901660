"""The TOC read against the items: entries without an item, items not in the TOC, page
numbers that disagree. Each issue points at the entry or item it concerns."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from ..models import AgendaItem, ParseIssue, TocEntry


def _pair(toc: list[TocEntry], items: list[AgendaItem]) -> tuple[
        list[tuple[TocEntry, AgendaItem]], list[TocEntry], set[int]]:
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
    return pairs, missing, matched


def cross_check(toc: list[TocEntry], items: list[AgendaItem], issues: list[ParseIssue],
                truncated: bool = False) -> None:
    """TOC entries without items and items not in the TOC become issues. In a document that
    is cut off, the entries after the last one found are summed up in one issue."""
    if not toc:
        return
    pairs, missing, matched = _pair(toc, items)
    last = max((toc.index(e) for e, _ in pairs), default=-1)
    beyond = [e for e in missing if toc.index(e) > last] if truncated else []
    for e in missing:
        if e not in beyond:
            issues.append(ParseIssue(severity="warning", code="toc_entry_without_item",
                                     message=f"TOC entry {e.title!r} has no matching item",
                                     source=e.source))
    if beyond:
        issues.append(ParseIssue(
            severity="info", code="toc_entries_beyond_cut",
            message=f"{len(beyond)} TOC entries from {beyond[0].title!r} on have no item: "
            "the document is cut off before them", source=[s for e in beyond for s in e.source]))
    _check_toc_pages(pairs, issues)
    for k, it in enumerate(items):
        if k not in matched:
            issues.append(ParseIssue(severity="warning", code="item_not_in_toc",
                                     message=f"item {it.number} {it.title!r} is not in the TOC",
                                     item=it.number, source=it.source[:1]))


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
            issues.append(ParseIssue(
                severity="warning", code="toc_page_mismatch",
                message=f"TOC gives page {e.page} for item {it.number} {it.title!r}, but it "
                f"starts on page {it.pages[0] + offset}", item=it.number,
                source=[*e.source, *it.source[:1]]))
