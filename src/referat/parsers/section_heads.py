"""Section headings inside an item: what a line opening a section looks like.

Headings come from the vocabulary (exact, with a qualifier, glued to their text, or fuzzily
matched), from decision lines naming a body and a date, from lines in capitals, and from heading
hints the reader found (bold, ``#``) on short lines. :func:`heading_of` is the rule the item's
labelling pass (:mod:`.item_rules`) asks about each content line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .decisions import DecisionHead, decision_head

_CAPS_LINE = regex.compile(r"^(?=(?:\P{Ll}*\p{Lu}){8})[\p{Lu}\d][\p{Lu}\d ,.&/–-]{6,78}[\p{Lu}\d]$")
_SECTION_NUMBER = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})")
_ROUTING = regex.compile(r"^\p{Lu}{1,5}(?:\s*[/,–-]\s*\p{Lu}{1,5})*\.?$")


@dataclass
class RawSection:
    """A section as the labelling pass opens it (``blocks`` are filled by the fold)."""

    kind: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    decision: DecisionHead | None = None
    fuzzy: bool = False
    head_block: Block | None = None
    rule: str = ""  # the rule that took the head line for a heading


def _dated_head(text: str, vocab: Vocabulary) -> bool:
    """A decision head naming a body and a date ("BESLUTNING I BYRÅDET DEN 28-11-2022")."""
    dh = decision_head(text, vocab)
    return dh is not None and dh.date is not None


def heading_of(b: Block, vocab: Vocabulary, hinted: bool = False) -> tuple[RawSection, str] | None:
    """Is ``b`` a section heading? Returns the section and any text glued to the heading.

    ``hinted``: the item marks its headings (``<h3>``, bold, ``#``), so a plain line is a
    heading only if it also names a body and a date.
    """
    text = b.text.strip()
    if len(text) <= 80 and _CAPS_LINE.match(text) and \
            vocab.section_kind(text, fuzzy=False) is None and \
            b.kind != "table_row" and not _dated_head(text, vocab):
        # "BESLUTNINGSFORSLAG FRA RV", "INDSTILLING FRA BORGMESTEREN": a capitals line opens
        # a new part of the item (a quoted proposal), whatever the font
        return RawSection("other", text, head_block=b, rule="section.capitals"), ""
    dh: DecisionHead | None = None
    looked = False  # decision_head is pure: ask it once per line
    if hinted and not b.is_heading_hint and not (b.kind == "heading" and not text):
        dh, looked = decision_head(text, vocab), True
        if dh is None or dh.date is None:
            return None
    if b.kind == "heading" and not text:
        return RawSection("other", "", head_block=b, rule="section.empty_heading"), ""
    if b.kind == "table_row" or not text:
        return None
    if not looked:
        dh = decision_head(text, vocab)
    if dh is not None:
        return RawSection("decision", text if not dh.inline else text[: len(text) - len(
            dh.inline)].rstrip(" :"), decision=dh, head_block=b, rule="decision.head"), dh.inline
    short = len(text) <= 60 and len(text.split()) <= 7
    if short:
        if text[:1].isdigit():  # "2.1 Sagsfremstilling"
            text = _SECTION_NUMBER.sub("", text)
        hit = vocab.section_kind(text, fuzzy=not text.endswith("."))
        if hit is not None:
            kind, fuzzy = hit
            return RawSection(kind, text.rstrip(" :"), fuzzy=fuzzy, head_block=b,
                              rule="section.vocab_fuzzy" if fuzzy else "section.vocab"), ""
    if b.kind == "list_item" and not short:
        return None
    glued = vocab.split_glued_heading(text)
    if glued is not None:
        head, rest = glued
        hit = vocab.section_kind(head, fuzzy=False)
        if hit is not None and (rest or b.is_heading_hint):
            if rest.startswith(("af ", "om ", "til ")):
                return None
            if hit[0] == "history" and _ROUTING.match(rest):
                # "Sagsforløb: ØK/BY": the bodies the case goes through, not its history
                return RawSection("treatment", head, head_block=b, rule="section.routing"), rest
            return RawSection(hit[0], head, head_block=b, rule="section.glued"), rest
    if b.is_heading_hint and short and not text.endswith((".", ",")) and \
            not vocab.open_regex.match(text) and not text[:1].isdigit():
        return RawSection("other", text.rstrip(" :"), head_block=b, rule="section.hint"), ""
    return None
