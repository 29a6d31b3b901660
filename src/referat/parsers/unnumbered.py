"""Items printed without numbers: per-item web pages and templates that open each item with its
case reference ("Sagsid.: 20/33839") instead of a number.

Used only when no numbered item was found. Each case-reference line opens an item; without any,
a document whose body has section headings is one item. The numbers are inferred (1, 2, ...) and
the result says so in ``issues``.
"""

from __future__ import annotations

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import is_ref_line, opens_with_label
from .decisions import decision_head
from .items import Candidate

_CAPITAL_START = regex.compile(r"^[\p{Lu}\"“]")
_LABEL_ONLY = regex.compile(r"^[\p{L}. ]{3,20}:?$")


def _empty_label(text: str, vocab: Vocabulary) -> bool:
    """A case-reference label with its value left empty ("Sagsid.:"): it opens an item as a
    filled one does."""
    return bool(_LABEL_ONLY.match(text)) and opens_with_label(text, vocab)


def _is_section(b: Block, vocab: Vocabulary) -> bool:
    t = b.text.strip()
    if vocab.match_label(t):
        return False  # a header label ("Bemærkninger:") rather than an item's section
    return bool(vocab.section_kind(t, fuzzy=False) or vocab.split_glued_heading(t)
                or decision_head(t, vocab))


def title_line(b: Block, vocab: Vocabulary) -> bool:
    """A line with a title's shape: not chrome, a label, a heading or a sentence."""
    t = b.text.strip()
    return not (vocab.is_chrome(t) or vocab.match_label(t) or _is_section(b, vocab) or len(t) > 200
                or t.endswith((".", ":", ",")) or b.kind == "table_row"
                or not _CAPITAL_START.match(t))


def _title_before(blocks: list[Block], index: int, floor: int, vocab: Vocabulary,
                  reach: int = 4) -> int | None:
    """The index of a title-like line just above ``index`` (not a label, date or sentence)."""
    for j in range(index - 1, max(floor, index - reach) - 1, -1):
        t = blocks[j].text.strip()
        if vocab.is_chrome(t):
            continue
        if vocab.match_label(t) or _is_section(blocks[j], vocab) or len(t) > 200 or \
                t.endswith((".", ":", ",")) or blocks[j].kind == "table_row" or \
                not _CAPITAL_START.match(t):
            return None
        return j
    return None


def find_unnumbered(blocks: list[Block], start: int, vocab: Vocabulary) -> list[Candidate]:
    refs = [i for i in range(start, len(blocks)) if is_ref_line(blocks[i].text, vocab)]
    if refs:
        refs = sorted({*refs, *(i for i in range(start, refs[-1])
                                if _empty_label(blocks[i].text.strip(), vocab))})
    sections = [i for i in range(start, len(blocks)) if _is_section(blocks[i], vocab)]
    if not sections:
        return []
    by_ref = bool(refs) and refs[0] <= sections[0]
    opens = _first_per_span(refs, sections) if by_ref else [sections[0]]
    out: list[Candidate] = []
    floor = start
    if not by_ref:
        # a per-item page: the first title-like line after the header's labels is the item's
        labels = [j for j in range(start, opens[0]) if vocab.match_label(blocks[j].text)]
        after = labels[-1] + 1 if labels else start
        first = next((j for j in range(after, opens[0]) if title_line(blocks[j], vocab)), None)
        if labels and first is not None:
            return [Candidate(first, 1, blocks[first].text.strip(), False, False,
                              page=blocks[first].page, title_lines=1,
                              rule="unnumbered.title_after_labels")]
    if not by_ref:
        opens = _repeated_openings(blocks, opens[0], sections, vocab)
    for n, i in enumerate(opens, start=1):
        t = _title_before(blocks, i, floor, vocab, 4 if n == 1 else 1)
        below = i + 1 if by_ref and t is None and i + 1 < len(blocks) and \
            title_line(blocks[i + 1], vocab) else None
        if t is not None:
            out.append(Candidate(t, n, blocks[t].text.strip(), False, False, page=blocks[t].page,
                                 title_lines=1, rule="unnumbered.title_before"))
        elif below is not None:
            # "Sagsnr.: ... Sagsbehandler: ..." then the title: the reference leads the heading
            out.append(Candidate(below, n, blocks[below].text.strip(), False, False,
                                 page=blocks[below].page, title_lines=1,
                                 rule="unnumbered.title_after_ref"))
        else:
            # the heading is the reference line itself; it stays in the item as metadata
            out.append(Candidate(i, n, "", False, False, page=blocks[i].page, title_lines=0,
                                 rule="unnumbered.case_ref" if by_ref else "unnumbered.section"))
        floor = i + 1
    return out


def _repeated_openings(blocks: list[Block], first: int, sections: list[int],
                       vocab: Vocabulary) -> list[int]:
    """Where items start in a document of unnumbered items found by their sections: the first
    section, and each heading that repeats, word for word, a heading of the item it is in after
    that heading had text of its own and other headings followed it (the next item's template
    starting over: 'Beslutning' ... 'Bilag' then 'Beslutning' again). Decision heads naming a
    body and a date are not compared (earlier bodies' decisions stack)."""
    opens = [first]
    seen: dict[str, int] = {}
    marked = set(sections)
    for i in (s for s in sections if s >= first):
        key = " ".join(blocks[i].text.split()).casefold().rstrip(" :")
        head = decision_head(blocks[i].text.strip(), vocab)
        if head is not None and (head.body or head.date):
            continue
        before = seen.get(key)
        between = range(before + 1, i) if before is not None else range(0)
        if any(j not in marked for j in between) and any(j in marked for j in between):
            opens.append(i)
            seen = {}
        seen[key] = i
    return opens


def _first_per_span(refs: list[int], sections: list[int]) -> list[int]:
    """Reference lines that open items: the first of each run not separated by a section."""
    opens: list[int] = []
    for i in refs:
        if not opens or any(opens[-1] < s < i for s in sections):
            opens.append(i)
    return opens
