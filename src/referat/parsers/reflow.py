"""Undo lost line breaks: text that a third-party site flattened from a PDF puts a whole page
(or document) on one line. Long lines are split where the vocabulary says a new line must start:
before "Label:" pairs, section headings with a colon, case-reference labels, decision lines, TOC
entries that end in a page number, and "Side N" page markers (dropped).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ..blocks import Block
from ..vocabulary import CASE_LABELS, Vocabulary

_LONG = 200
_DMY = r"\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\b"
_DMY_RX = regex.compile(rf",\s*{_DMY}")
_PAGE_MARK = regex.compile(r"\s*\bSide\s+\d{1,4}(?:\s+af\s+\d{1,4})?\s*(?=$|\s\d)")
_TOC_END = regex.compile(r"(?<=\.{3,}\s*\d{1,4})\s+(?=\d{1,3}\s)")


@lru_cache(maxsize=8)
def _breaks(vocab: Vocabulary) -> regex.Pattern[str]:
    words = {w for ws in vocab.sections.values() for w in ws}
    words |= {w for ws in vocab.labels.values() for w in ws}
    words |= {w.rstrip(".") for w in CASE_LABELS}
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    toc = "|".join(regex.escape(w) for w in vocab.toc_headings)
    return regex.compile(
        rf"(?<=\S)\s+(?=(?:{alt})\.?\s*:|Beslutning\s+i\s+\p{{Lu}}|(?:Åben|Lukket)\s+dagsorden\b"
        rf"|(?:{toc})\s|\d{{1,3}}\s+\((?i:åben|lukket)\))"
    )


@lru_cache(maxsize=8)
def _decision_break(vocab: Vocabulary) -> regex.Pattern[str]:
    """Before "<Body>, dd.mm.yyyy" after a finished sentence: a decision run into the text."""
    return regex.compile(rf"(?<=[.!?])\s+(?=(?:{vocab.committee_pattern})\s*,\s*{_DMY})")


def reflow(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    if not any(len(b.text) > _LONG or _DMY_RX.search(b.text) for b in blocks):
        return blocks
    rx = _breaks(vocab)
    out: list[Block] = []
    for b in blocks:
        if b.kind != "table_row" and len(b.text) <= _LONG and _DMY_RX.search(b.text):
            pieces = _decision_break(vocab).split(b.text)
            out.extend(replace(b, text=p.strip()) for p in pieces if p.strip())
            continue
        if len(b.text) <= _LONG or b.kind == "table_row":
            out.append(b)
            continue
        text = _PAGE_MARK.sub("\n", b.text)
        text = _TOC_END.sub("\n", text)
        text = rx.sub("\n", text)
        text = _decision_break(vocab).sub("\n", text)
        for piece in text.split("\n"):
            if piece.strip():
                out.append(replace(b, text=piece.strip()))
    return out
