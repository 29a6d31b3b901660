"""Pages flattened into one line each (page-per-line transcripts): each page of the document is a
single body block, its headings mid-line.

The shape is read from the stream, not the format: every page holds exactly one body block.
Such a block is split before item headings whose number continues the sequence ("2. Title"
after item 1, or the first number again where the items start after the contents), before
decision heads ("Beslutning <Udvalg> den", its date often lost), before section headings
printed without a colon ("Indledning Der gennemføres …", "SAGSFREMSTILLING …") and before
case-reference labels; the label splits of :mod:`.reflow` then apply to every piece.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import before_label
from .patterns import alternation

_NUMBERED = regex.compile(r"(?:^|(?<=\s))(?P<n>\d{1,3})(?:\.\s+|\s+(?=\p{Lu}))(?=[\p{Lu}\"“«])")
# words after which a number is a reference, not an item ("kl. 3", "stk. 2"; and item prefixes)
_NOT_AFTER = frozenset({"nr.", "kl.", "side", "§", "stk.", "jf.", "den", "d.",
                        "pr.", "ca.", "og", "til", "af", "i"})


def is_page_per_line(blocks: list[Block]) -> bool:
    """Whether each page of the document is one body block (at least two pages, one of them a
    page's worth of text)."""
    pages = [b.page for b in blocks if b.page is not None]
    return len(pages) >= 2 and len(set(pages)) == len(pages) and pages == sorted(pages) and \
        any(len(b.text) > 200 for b in blocks if b.page is not None)


@lru_cache(maxsize=8)
def _prefix_words(vocab: Vocabulary) -> frozenset[str]:
    """The last words of the item prefixes ("pkt.", "punkt"), casefolded."""
    return frozenset(p.split()[-1].casefold() for p in vocab.item_prefixes)


@lru_cache(maxsize=8)
def _heads(vocab: Vocabulary) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Decision heads ("Beslutning [i] <Udvalg> [den]"), and section words without a colon
    (as printed, capitalised or in capitals) before a capitalised word."""
    heads = alternation(vocab.decision_heads)  # as printed, or in capitals
    upper = alternation([w.upper() for w in vocab.decision_heads])
    decision = regex.compile(
        rf"(?:^|(?<=\s))(?:{heads}|{upper})(?:\s+(?i:i|fra))?\s+"
        rf"(?:{vocab.committee_pattern})(?:\s+(?i:den|d\.)(?:\s*:)?(?=\s|$))?")
    words = sorted({w for ws in vocab.sections.values() for w in ws if len(w) >= 5},
                   key=len, reverse=True)
    alt = "|".join(f"{regex.escape(w)}|{regex.escape(w.upper())}" for w in words)
    section = regex.compile(rf"(?:^|(?<=\s))(?:{alt})(?=\s+[\p{{Lu}}\d])")
    return decision, section


@lru_cache(maxsize=8)
def _others(vocab: Vocabulary) -> regex.Pattern[str]:
    """Lines of their own: a contents heading (as printed or in capitals), the document type in
    capitals mid-line ("… mødesal REFERAT …"), a two-word or
    capitals open/closed marker ("Åben sag", "ÅBENT") not starting a title, a first list
    point ("a) …"), and "<Udvalg>s møde <date>" / "<Udvalg> den <date>, pkt. N" heads."""
    toc = "|".join(f"{regex.escape(w)}|{regex.escape(w.upper())}" for w in vocab.toc_headings)
    marks = [w for w in (*vocab.open_markers, *vocab.closed_markers) if " " in w]
    marks += [w.upper() for w in (*vocab.open_markers, *vocab.closed_markers) if " " not in w]
    mark = "|".join(regex.escape(w) for w in sorted(marks, key=len, reverse=True))
    body = vocab.committee_pattern
    kinds = "|".join(regex.escape(w.upper()) for ws in vocab.document_types.values() for w in ws
                     if " " not in w)
    return regex.compile(
        rf"(?:^|(?<=\s))(?:(?:{toc})(?=\s)|(?<=\S\s+)(?P<kind>{kinds})(?=\s)|(?<!\d\.\s)(?P<mark>{mark})(?=\s+[^\s:\-–])"
        rf"|a\)\s+(?=\p{{Lu}})|(?:{body})s?\s+(?i:møde\s+|den\s+)(?:den\s+)?\d{{1,2}}\.\s*\p{{L}})")


def _item_cuts(text: str, state: list[int], vocab: Vocabulary) -> list[int]:
    """Offsets of item headings that continue the sequence; ``state`` is [first, last] (empty
    before the first heading) and is updated."""
    cuts: list[int] = []
    for m in _NUMBERED.finditer(text):
        n = int(m["n"])
        before = text[: m.start()].split()
        if before and (before[-1].casefold() in _NOT_AFTER or
                       before[-1].casefold() in _prefix_words(vocab)):
            continue
        if m.start() > 0 and "." not in m.group(0):
            continue  # mid-line, a number needs its full stop
        if not state:
            state.extend((n, n))
        elif n in (state[1] + 1, state[0]):
            state[1] = n  # the next item, or the first again (the items after the contents)
        else:
            continue
        cuts.append(m.start())
    return cuts


def _head_cuts(text: str, vocab: Vocabulary) -> list[int]:
    decision, section = _heads(vocab)
    cuts: list[int] = []
    for m in decision.finditer(text):
        cuts.append(m.start())
        if m.group(0).rstrip(" :").endswith(("den", "d.")):
            cuts.append(m.end())  # the date was lost: what follows is the decision
    words = {w.casefold() for ws in vocab.sections.values() for w in ws}
    for m in section.finditer(text):
        before = text[: m.start()].split()
        after = text[m.end():].split()
        if (before and before[-1].casefold().strip(":") in words) or \
                (after and not after[0].endswith(":") and after[0].casefold() in words):
            continue  # a grid of heading words ("Orientering Indstilling Beslutning")
        if any(m.start() <= c < m.end() or c == m.start() for c in cuts):
            continue
        cuts.extend((m.start(), m.end()))
    cuts.extend(m.end() for m in before_label(vocab).finditer(text))
    for m in _others(vocab).finditer(text):
        cuts.append(m.start())
        if m["mark"] or m["kind"]:
            cuts.append(m.end())  # the marker is a line of its own
    return cuts


def split_pages(blocks: list[Block], vocab: Vocabulary,
                split: Callable[[str], str]) -> list[Block]:
    """Each page block cut at its headings, then at the reflow breaks (``split`` marks them
    with newlines); the other blocks as they are."""
    out: list[Block] = []
    state: list[int] = []
    for b in blocks:
        if b.page is None or b.kind == "table_row":
            out.append(b)
            continue
        text = b.text
        cuts = sorted({0, *_item_cuts(text, state, vocab), *_head_cuts(text, vocab), len(text)})
        parts = [text[a:c].strip() for a, c in pairwise(cuts)]
        pieces = [p.strip() for part in parts if part for p in split(part).split("\n")]
        out.extend(_derive(b, [p for p in pieces if p]))
    return out


def _derive(b: Block, pieces: list[str]) -> list[Block]:
    """``pieces`` of ``b`` in order, each with its own span where it can be found."""
    exact = b.start >= 0 and b.end - b.start == len(b.text)
    out: list[Block] = []
    pos = 0
    for p in pieces:
        k = b.text.find(p, pos)
        if exact and k >= 0:
            out.append(b._replace(text=p, start=b.start + k, end=b.start + k + len(p)))
            pos = k + len(p)
        else:
            out.append(b._replace(text=p))
    return out
