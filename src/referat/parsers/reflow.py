"""Undo lost line breaks: text that a third-party site flattened from a PDF puts a whole page
(or document) on one line. Long lines are split where the vocabulary says a new line must start:
before "Label:" pairs, section headings with a colon, case-reference labels, decision lines, TOC
entries that end in a page number, and "Side N" page markers (dropped).
"""

from __future__ import annotations

from functools import cached_property, lru_cache

import regex

from ..blocks import Block
from ..vocabulary import StartScreen, Vocabulary
from .pagelines import is_page_per_line, split_pages
from .patterns import alternation, state_word

_LONG = 200
_DMY = r"\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\b"
_DMY_RX = regex.compile(rf",\s*{_DMY}")
_PAGE_MARK = regex.compile(r"\s*\bSide\s+\d{1,4}(?:\s+af\s+\d{1,4})?\s*(?=$|\s\d)")
_TOC_END = regex.compile(r"(?<=\.{3,}\s*\d{1,4})\s+(?=\d{1,3}\s)")


class _Breaks:
    """Where a long line must break (the vocabulary's words), with a cheap pre-check: the big
    pattern tries its whole alternation at every space, so it runs only on lines that hold one
    of its anchors (a label word right before a colon, "Beslutning", "dagsorden", a TOC heading,
    "(Åben)"/"(Lukket)"), which most long paragraphs do not."""

    def __init__(self, vocab: Vocabulary) -> None:
        words = {w for ws in vocab.sections.values() for w in ws}
        words |= {w for ws in vocab.labels.values() for w in ws}
        words |= {w.rstrip(".") for ws in vocab.case_labels.values() for w in ws}
        alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        self._alt, self._toc = alt, "|".join(regex.escape(w) for w in vocab.toc_headings)
        self._heads = alternation(vocab.decision_heads)
        self._state = state_word(vocab)
        self.anchors = (*vocab.decision_heads, "dagsorden", *vocab.toc_headings)
        self.marks = tuple(f"{w.casefold()})" for w in (*vocab.open_markers,
                                                          *vocab.closed_markers) if " " not in w)
        self.by_length: dict[int, frozenset[str]] = {
            n: frozenset(w for w in words if len(w) == n) for n in {len(w) for w in words}}
        self._committee = vocab.committee_pattern

    @cached_property
    def rx(self) -> regex.Pattern[str]:
        """Before a label, a section heading with a colon, a case reference, a decision line."""
        return regex.compile(
            rf"(?<=\S)\s+(?=(?:{self._alt})\.?\s*:|(?:{self._heads})\s+i\s+\p{{Lu}}"
            rf"|(?:{self._state})\s+dagsorden\b|(?:{self._toc})\s|\d{{1,3}}\s+\((?i:{self._state})\))"
        )

    @cached_property
    def decision(self) -> regex.Pattern[str]:
        """Before "<Body>, dd.mm.yyyy" after a finished sentence: a decision run into the text."""
        return regex.compile(rf"(?<=[.!?])\s+(?=(?:{self._committee})\s*,\s*{_DMY})")

    def may_break(self, text: str) -> bool:
        """False only when :attr:`rx` cannot match ``text`` (a necessary condition, cheap)."""
        if any(a in text for a in self.anchors):
            return True
        if "(" in text:
            low = text.casefold()
            if any(m in low for m in self.marks):
                return True
        i = text.find(":")
        while i >= 0:
            if self._word_before(text, i):
                return True
            i = text.find(":", i + 1)
        return False

    def _word_before(self, text: str, colon: int) -> bool:
        """Whether a vocabulary word, then an optional dot and spaces, ends at ``colon``."""
        k = colon
        while k > 0 and text[k - 1].isspace():
            k -= 1
        ends = (k, k - 1) if k and text[k - 1] == "." else (k,)
        return any(text[e - n:e] in words for e in ends for n, words in self.by_length.items()
                   if n <= e)

    def split(self, text: str) -> str:
        """``text`` with a newline at every break."""
        if "Side" in text:
            text = _PAGE_MARK.sub("\n", text)
        if "..." in text:
            text = _TOC_END.sub("\n", text)
        if self.may_break(text):
            text = self.rx.sub("\n", text)
        if _DMY_RX.search(text):
            text = self.decision.sub("\n", text)
        return text


@lru_cache(maxsize=8)
def _breaks(vocab: Vocabulary) -> _Breaks:
    return _Breaks(vocab)


@lru_cache(maxsize=8)
def _glued_toc_heading(vocab: Vocabulary) -> regex.Pattern[str]:
    """A contents heading run into the first entry ("Indholdsfortegnelse1. Fraværende")."""
    alt = "|".join(regex.escape(w) for w in sorted(vocab.toc_headings, key=len, reverse=True))
    return regex.compile(rf"^(?i:{alt})(?=\d{{1,3}}\.?\s+\p{{Lu}})")


@lru_cache(maxsize=8)
def _toc_starts(vocab: Vocabulary) -> StartScreen:
    return StartScreen.of(vocab.toc_headings)


def _unglue_toc_heading(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    rx = _glued_toc_heading(vocab)
    screen = _toc_starts(vocab)
    out: list[Block] = []
    for b in blocks:
        m = rx.match(b.text) if b.kind != "table_row" and b.text[:1].isupper() and \
            screen.admits(b.text) else None
        if m is None:
            out.append(b)
            continue
        out.extend((b.derive(m.group(0)), b.derive(b.text[m.end():])))
    return out


@lru_cache(maxsize=8)
def _heading_after_sentence(vocab: Vocabulary) -> regex.Pattern[str]:
    """A section heading run onto the end of the sentence before it ("... kl. 16.30.Sagsfrem-
    stilling"): a full stop with no space after it, then only the heading."""
    words = sorted({w for ws in vocab.sections.values() for w in ws if len(w) >= 5},
                   key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words)
    return regex.compile(rf"(?<=[\p{{Ll}}\d]\.)(?:{alt}):?$")


@lru_cache(maxsize=8)
def _longest_heading(vocab: Vocabulary) -> int:
    return max((len(w) for ws in vocab.sections.values() for w in ws), default=0) + 1


@lru_cache(maxsize=8)
def _heading_ends(vocab: Vocabulary) -> frozenset[str]:
    """The last letters of the headings a sentence can run into, both cases."""
    ends = {w[-1] for ws in vocab.sections.values() for w in ws if len(w) >= 5}
    return frozenset(ends | {c.lower() for c in ends} | {c.upper() for c in ends})


def _unglue_end_heading(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    rx = _heading_after_sentence(vocab)
    tail = _longest_heading(vocab)  # the heading ends the line: search only its last characters
    ends = _heading_ends(vocab)
    out: list[Block] = []
    for b in blocks:
        m = rx.search(b.text, max(0, len(b.text) - tail)) \
            if b.kind != "table_row" and "." in b.text and \
            b.text.removesuffix(":")[-1:] in ends else None
        if m is None:
            out.append(b)
            continue
        out.extend((b.derive(b.text[: m.start()]), b.derive(m.group(0))))
    return out


def reflow(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    blocks = _unglue_end_heading(_unglue_toc_heading(blocks, vocab), vocab)
    if is_page_per_line(blocks):
        blocks = split_pages(blocks, vocab, _breaks(vocab).split)
    if not any(len(b.text) > _LONG or _DMY_RX.search(b.text) for b in blocks):
        return blocks
    breaks = _breaks(vocab)
    out: list[Block] = []
    for b in blocks:
        if b.kind != "table_row" and len(b.text) <= _LONG and _DMY_RX.search(b.text):
            pieces = breaks.decision.split(b.text)
            out.extend(b._replace(text=p.strip()) for p in pieces if p.strip())
            continue
        if len(b.text) <= _LONG or b.kind == "table_row":
            out.append(b)
            continue
        text = breaks.split(b.text)
        if text == b.text and "\n" not in text and text == text.strip():
            out.append(b)  # nothing to break: keep the block as it is
            continue
        for piece in text.split("\n"):
            if piece.strip():
                out.append(b._replace(text=piece.strip()))
    return out
