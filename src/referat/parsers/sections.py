"""Split one item's blocks into sections, after taking out its metadata lines.

Metadata: the repeated title line some exporters print inside an item, "Åbent"/"Lukket" lines,
case references (labelled or bare) near the top. Section headings come from the vocabulary
(exact, glued to their text, or fuzzily matched), from decision lines naming a body and date,
and from heading hints the reader found (bold, ``#``) on short lines. A heading with no content
of its own whose kind appears again later only groups others (FirstAgenda's outer
"Sagsfremstilling") and is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import CaseRef, parse_bare, parse_labelled, parse_leading
from .decisions import DecisionHead, match_decision_head
from .items import is_repeated_title

_META_ZONE = 8
_MARKER_END = regex.compile(r"\b(Åbent|Lukket)(?:\s+punkt)?$", regex.IGNORECASE)
_CAPS_LINE = regex.compile(r"^(?=(?:\P{Ll}*\p{Lu}){8})[\p{Lu}\d][\p{Lu}\d ,.&/–-]{6,78}[\p{Lu}\d]$")
_FILE_NAMES = regex.compile(r"\S+\.(?i:pdf|docx?|xlsx?|pptx?|odt|rtf|jpe?g|png|msg|zip)\b")
_SECTION_NUMBER = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})")
_LABEL_LINE = regex.compile(r"^(?:Sags?\.?\s*nr|Sagsid|Sag\s|J\.?\s*nr|Dok|Journal)", regex.I)


@dataclass
class RawSection:
    kind: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    decision: DecisionHead | None = None
    fuzzy: bool = False
    head_block: Block | None = None


@dataclass
class ItemBody:
    ref: CaseRef = field(default_factory=CaseRef)
    closed: bool | None = None
    sections: list[RawSection] = field(default_factory=list)
    meta_text: list[str] = field(default_factory=list)


def _heading(b: Block, vocab: Vocabulary, hinted: bool = False) -> tuple[RawSection, str] | None:
    """Is ``b`` a section heading? Returns the section and any text glued to the heading.

    ``hinted``: the item marks its headings (``<h3>``, bold, ``#``), so a plain line is a
    heading only if it also names a body and a date.
    """
    text = b.text.strip()
    if _CAPS_LINE.match(text) and vocab.section_kind(text, fuzzy=False) is None and \
            b.kind != "table_row":
        # "BESLUTNINGSFORSLAG FRA RV", "INDSTILLING FRA BORGMESTEREN": a capitals line opens
        # a new part of the item (a quoted proposal), whatever the font
        return RawSection("other", text, head_block=b), ""
    if hinted and not b.is_heading_hint and not (b.kind == "heading" and not text):
        dh = match_decision_head(text, vocab.committee_pattern)
        if dh is None or dh.date is None:
            return None
    if b.kind == "heading" and not text:
        return RawSection("other", "", head_block=b), ""  # an empty heading: a new section
    if b.kind == "table_row" or not text:
        return None
    dh = match_decision_head(text, vocab.committee_pattern)
    if dh is not None:
        return RawSection("decision", text if not dh.inline else text[: len(text) - len(
            dh.inline)].rstrip(" :"), decision=dh, head_block=b), dh.inline
    short = len(text) <= 60 and len(text.split()) <= 7
    if short:
        text = _SECTION_NUMBER.sub("", text)
        hit = vocab.section_kind(text, fuzzy=not text.endswith("."))
        if hit is not None:
            kind, fuzzy = hit
            return RawSection(kind, text.rstrip(" :"), fuzzy=fuzzy, head_block=b), ""
    if b.kind == "list_item" and not short:
        return None
    glued = vocab.split_glued_heading(text)
    if glued is not None:
        head, rest = glued
        hit = vocab.section_kind(head, fuzzy=False)
        if hit is not None and (rest or b.is_heading_hint):
            if rest.startswith(("af ", "om ", "til ")):
                return None
            return RawSection(hit[0], head, head_block=b), rest
    if b.is_heading_hint and short and not text.endswith((".", ",")) and \
            not vocab.open_regex.match(text) and not text[:1].isdigit():
        return RawSection("other", text.rstrip(" :"), head_block=b), ""
    return None


def segment(blocks: list[Block], number: int, title: str, vocab: Vocabulary) -> ItemBody:
    body = ItemBody()
    hinted = sum(1 for b in blocks if b.is_heading_hint and b.text and
                 vocab.section_kind(b.text, fuzzy=False)) >= 2
    current: RawSection | None = None
    for pos, b in enumerate(blocks):
        text = b.text.strip()
        if vocab.is_chrome(text):
            continue
        in_meta = current is None or (not current.blocks and pos < _META_ZONE + 4)
        if b.kind != "table_row" and pos < _META_ZONE + 4 and not in_meta and \
                _LABEL_LINE.match(text):
            ref, rest = parse_labelled(text)
            if ref and len(rest.split()) <= 8:  # "Sagsnr. N ..." after a line of links
                body.ref.merge(ref)
                rest = _take_marker(rest, body, vocab)
                if rest:
                    body.meta_text.append(rest)
                continue
        if b.kind != "table_row" and in_meta:
            plain = current is None or not current.heading or vocab.is_grouping(current.heading)
            if is_repeated_title(b, number, title, vocab, plain=plain):
                continue
            if vocab.open_regex.match(text):
                body.closed = False
                continue
            if vocab.closed_regex.fullmatch(text.strip("() ")):
                body.closed = True
                continue
            ref, rest = parse_labelled(text) if _LABEL_LINE.match(text) or pos < _META_ZONE \
                else (CaseRef(), text)
            if ref and len(rest.split()) <= 8:
                body.ref.merge(ref)
                rest = _take_marker(rest, body, vocab)
                if rest:
                    body.meta_text.append(rest)
                continue
            bare = parse_bare(text) if pos < _META_ZONE else None
            if bare is None and pos < 2 and (lead := parse_leading(text)) is not None:
                body.ref.merge(lead[0])  # "00.22.02-A26-1-13 Godkendelse af ..." (flattened)
                b = replace(b, text=lead[1])
                text = lead[1]
            elif bare is not None:
                body.ref.merge(bare)
                if text.casefold().startswith("lukket"):
                    body.closed = True
                continue
        in_list = current is not None and current.kind == "attachments" and b.kind == "list_item"
        head = None if in_list else _heading(b, vocab, hinted)
        if head is not None:
            section, rest = head
            current = section
            body.sections.append(section)
            if rest:
                section.blocks.append(Block("para", rest, b.line, b.page))
            continue
        files = _FILE_NAMES.findall(text) if current is None else []
        if files and len(" ".join(files)) >= len(text) - len(files):
            # a line of attached file names printed under the heading ("a.pdf b.pdf")
            att = RawSection("attachments", "", head_block=None)
            att.blocks = [replace(b, text=f) for f in files]
            body.sections.append(att)
            continue
        if current is None:
            current = RawSection("other", "")
            body.sections.append(current)
        current.blocks.append(b)
    body.sections = _drop_grouping(body.sections, vocab)
    return body


def _take_marker(rest: str, body: ItemBody, vocab: Vocabulary) -> str:
    words = rest.split()
    while words and vocab.is_chrome(words[0]):
        words = words[1:]  # "UdskrivSagsid.: ..." -> the glued print button
    rest = " ".join(words)
    if words and vocab.open_regex.match(words[-1]):
        body.closed = False
        return " ".join(words[:-1])
    m = _MARKER_END.search(rest)
    if m:
        body.closed = m.group(1).casefold() == "lukket"
        return rest[: m.start()].strip()
    return rest


def _drop_grouping(sections: list[RawSection], vocab: Vocabulary) -> list[RawSection]:
    out: list[RawSection] = []
    last = {t.kind: i for i, t in enumerate(sections)}  # linear, not a scan per section
    for i, s in enumerate(sections):
        later_same = s.kind != "other" and last[s.kind] > i
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        groups = later_same or vocab.is_grouping(s.heading)
        if not s.blocks and s.decision is None and groups and nxt is not None:
            continue
        if s.kind == "other" and not s.heading and not s.blocks:
            continue
        out.append(s)
    return out
