"""The table of contents (Indholdsfortegnelse, Dagsordenspunkter).

Entries carry dot leaders and page numbers ("Bemærkninger til dagsordenen.....\t3"), a number
("1. Tema ...", "åbent 1 ...", "12 (Åben) Titel ....... 4"), closed markers ("Lukket: ..."),
or wrap over two lines. The TOC ends where a line stops looking like an entry or where the
numbering starts again (the items themselves).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..blocks import Block
from ..models import TocEntry
from ..vocabulary import Vocabulary
from .casenumbers import split_title_ref
from .dates import find_date
from .patterns import alternation, open_prefix, toc_numbered, toc_prefixed

_LEADER = regex.compile(r"\s*(?:\.{2,}|…+|_{3,}|\s{3,}|\t)\s*\.*\s*(?P<page>\d{1,4})\s*$")


@lru_cache(maxsize=8)
def _names_item(vocab: Vocabulary) -> regex.Pattern[str]:
    """A line opened by a prefix that names an item ("Punkt 1", "Dagsordenspunkt 4")."""
    return regex.compile(rf"^(?:{alternation(vocab.item_prefixes)})\s*\d+\b", regex.IGNORECASE)


def split_closed(title: str, vocab: Vocabulary) -> tuple[str, bool]:
    """Remove a closed marker (prefix or suffix) from a title."""
    m = vocab.closed_prefix_regex.match(title)
    if m:
        return title[m.end():].strip(), True
    m = vocab.closed_suffix_regex.search(title)
    if m and m.start() > 0:
        return title[: m.start()].strip(), True
    m = open_prefix(vocab).match(title)
    if m:
        return title[m.end():].strip(), False
    return title, False


def _entry(text: str, vocab: Vocabulary) -> TocEntry | None:
    page: int | None = None
    m = _LEADER.search(text)
    if m and m.start() > 0:
        page = int(m["page"])
        text = text[: m.start()]
    number: int | None = None
    closed = False
    n = toc_numbered(vocab).match(text.strip())
    prefixed = toc_prefixed(vocab).match(text.strip())
    if prefixed:  # "Sag nr. 45 Titel", "Punkt 3: Titel", "Pkt. 12 Titel"
        number = int(prefixed["num"])
        text = prefixed["title"]
    elif n:
        number = int(n["num"])
        state = n["state"] or n["state2"]
        closed = bool(state and vocab.closed_regex.fullmatch(state))
        text = n["title"]
    title, closed2 = split_closed(text.strip(" .\t"), vocab)
    if not title or (number is None and page is None):
        return None
    title, _ = split_title_ref(title)  # "Budget 2021 (2020-0123456)": the case number
    number = number or None  # "0" is no item number
    page = page or None
    return TocEntry(number=number, title=title, page=page, closed=closed or closed2)


_NUMBER_ONLY = regex.compile(r"^\s*(\d{1,4})\s*\.?\s*$")
_INLINE_NUM = regex.compile(r"(?:^|(?<=\s))(\d{1,3})\.\s+(?=\S)")


def split_inline_list(text: str) -> list[str] | None:
    """``"1. A 2. B 3. C"`` (a list whose line breaks were lost) -> its entries, else None."""
    if len(text) < 40:
        return None
    starts: list[int] = []
    expect = 1
    for m in _INLINE_NUM.finditer(text[:20000]):
        if int(m.group(1)) == expect:
            starts.append(m.start())
            expect += 1
    if len(starts) < 3 or starts[0] != 0:
        return None
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _column_entry(blocks: list[Block], i: int, vocab: Vocabulary) -> tuple[TocEntry, int] | None:
    """A TOC printed in columns: the number, the title (one to three lines), the page."""
    m = _NUMBER_ONLY.match(blocks[i].text)
    if m is None:
        return None
    title: list[str] = []
    j = i + 1
    while j < len(blocks) and len(title) < 3:
        t = blocks[j].text.strip()
        if _NUMBER_ONLY.match(t) or find_date(t):
            break
        title.append(t)
        j += 1
    if not title or not title[0][:1].isupper() or j >= len(blocks):
        return None
    page = _NUMBER_ONLY.match(blocks[j].text)
    if page is None:
        return None
    name, closed = split_closed(" ".join(title), vocab)
    return TocEntry(number=int(m.group(1)) or None, title=name,
                    page=int(page.group(1)) or None, closed=closed), j + 1


def _continues(blocks: list[Block], i: int, vocab: Vocabulary) -> bool:
    """Whether the TOC goes on at ``i`` (after a sub-heading such as "Lukkede punkter")."""
    if i >= len(blocks):
        return False
    return _entry(blocks[i].text.strip(), vocab) is not None or \
        _column_entry(blocks, i, vocab) is not None


@dataclass
class TocRun:
    """What :func:`read_toc` found: the entries, the blocks each was read from, the lines inside
    the TOC that are no entry (column heads, the committee repeated), vocabulary chrome, and the
    index just after the TOC."""

    entries: list[TocEntry] = field(default_factory=list)
    origins: list[list[Block]] = field(default_factory=list)
    skipped: list[Block] = field(default_factory=list)
    chrome: list[Block] = field(default_factory=list)
    end: int = 0


def parse_toc(blocks: list[Block], start: int, vocab: Vocabulary,
              skipped: list[str] | None = None) -> tuple[list[TocEntry], int]:
    """Entries from ``blocks[start:]``; returns them and the index just after the TOC (lines
    inside the TOC that are no entry are appended to ``skipped``)."""
    run = read_toc(blocks, start, vocab)
    if skipped is not None:
        skipped.extend(b.text.strip() for b in run.skipped)
    return run.entries, run.end


def read_toc(blocks: list[Block], start: int, vocab: Vocabulary) -> TocRun:
    """The TOC starting at ``blocks[start]`` (an empty run when there is none)."""
    run = TocRun(end=start)
    i = start
    misses = 0
    restarted = False
    pending: Block | None = None  # a wrapped title line waiting for its page number
    while i < len(blocks):
        b = blocks[i]
        text = b.text.strip()
        if vocab.is_chrome(text):
            run.chrome.append(b)
            i += 1
            continue
        if run.entries and _names_item(vocab).match(text) and _LEADER.search(text) is None:
            break  # "Punkt 1: ..." without a page number: the items begin
        step = _toc_step(blocks, i, vocab, run, pending)
        if step == "restart":
            restarted = True
            break
        if isinstance(step, int):
            pending = None
            misses = 0
            i = step
            continue
        if toc_numbered(vocab).match(text) and _LEADER.search(text) is None and \
                pending is None and any(en.page is not None for en in run.entries):
            pending = b  # "3. Eventuel ... i sager om" continued on the next line
            i += 1
            continue
        if pending is not None:
            break
        misses += 1
        if (run.entries and not _continues(blocks, i + 1, vocab)) or misses > 5:
            break
        run.skipped.append(b)
        i += 1
    if pending is not None:
        i -= 1
    if not run.entries or (len(run.entries) <= 2 and not restarted and
                           all(e.page is None for e in run.entries)):
        return TocRun(end=start)  # none, or an empty TOC heading before the first item
    run.end = i
    _pages_after_titles(run)
    return run


_PAGE_AFTER_TITLE = regex.compile(r"^(?P<title>.*\S)\s+(?P<page>\d{1,3})$")


def _pages_after_titles(run: TocRun) -> None:
    """A TOC whose page numbers follow the titles after a plain space ("Takster for 2023 2"):
    when every numbered entry (three or more) ends in a number and those numbers never go
    down, they are the pages, not part of the titles."""
    numbered = [e for e in run.entries if e.number is not None]
    if len(numbered) < 3 or any(e.page is not None for e in run.entries):
        return
    hits = [_PAGE_AFTER_TITLE.match(e.title) for e in numbered]
    pages = [int(m["page"]) for m in hits if m is not None]
    if len(pages) < len(numbered) or pages != sorted(pages) or pages[0] < 1:
        return
    for k, e in enumerate(run.entries):
        m = _PAGE_AFTER_TITLE.match(e.title) if e.number is not None else None
        if m is not None:
            run.entries[k] = e.model_copy(update={"title": m["title"], "page": int(m["page"])})


def _toc_step(blocks: list[Block], i: int, vocab: Vocabulary, run: TocRun,
              pending: Block | None) -> int | str | None:
    """Read the entry at ``blocks[i]`` into ``run``: the index after it, ``"restart"`` when the
    numbering starts again (the items begin), None when it is no entry."""
    b = blocks[i]
    text = b.text.strip()
    entries = run.entries
    inline = split_inline_list(text) if pending is None else None
    if inline is not None:
        for t in inline:
            if (e := _entry(t, vocab)) is not None:
                entries.append(e)
                run.origins.append([b])
        return i + 1
    col = _column_entry(blocks, i, vocab) if pending is None else None
    if col is not None:
        entry, after = col
        if entries and entry.number is not None and entry.number == entries[0].number:
            return "restart"  # numbering starts again: the items begin at this number line
        entries.append(entry)
        run.origins.append(blocks[i:after])
        return after
    e = _entry(f"{pending.text.strip()} {text}" if pending else text, vocab)
    if e is None:
        return None
    if entries and e.number is not None and e.number == entries[0].number and \
            e.number <= max(en.number or 0 for en in entries):
        return "restart"  # numbering starts again (after unnumbered end matter such as
        # "Underskriftsside ..... 5", "Bilagsliste 9"): the items begin here
    if e.number is None and entries and entries[-1].page is None and e.page is not None \
            and pending is None and toc_numbered(vocab).match(text) is None and \
            entries[-1].number is not None:
        entries[-1] = entries[-1].model_copy(
            update={"title": f"{entries[-1].title} {e.title}", "page": e.page})
        run.origins[-1].append(b)
    else:
        entries.append(e)
        run.origins.append([pending, b] if pending else [b])
    return i + 1
