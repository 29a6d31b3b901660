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
from .casenumbers import CaseRef, opens_with_label, parse_bare, parse_labelled, parse_leading
from .decisions import DecisionHead, decision_head
from .items import is_repeated_title
from .patterns import marker_at_end
from .stream import Label

_META_ZONE = 8
_CAPS_LINE = regex.compile(r"^(?=(?:\P{Ll}*\p{Lu}){8})[\p{Lu}\d][\p{Lu}\d ,.&/–-]{6,78}[\p{Lu}\d]$")
_FILE_NAMES = regex.compile(r"\S+\.(?i:pdf|docx?|xlsx?|pptx?|odt|rtf|jpe?g|png|msg|zip)\b")
_SECTION_NUMBER = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})")
_CATEGORY = regex.compile(r"^\p{Lu}\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}")
_ROUTING = regex.compile(r"^\p{Lu}{1,5}(?:\s*[/,–-]\s*\p{Lu}{1,5})*\.?$")


@dataclass
class RawSection:
    kind: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    decision: DecisionHead | None = None
    fuzzy: bool = False
    head_block: Block | None = None
    rule: str = ""  # the rule that took the head line for a heading


@dataclass
class ItemBody:
    ref: CaseRef = field(default_factory=CaseRef)
    closed: bool | None = None
    sections: list[RawSection] = field(default_factory=list)
    meta_text: list[str] = field(default_factory=list)
    marks: list[tuple[Block, Label, str, str]] = field(default_factory=list)  # metadata lines:
    # block, label, rule, node ("" for the item itself, "notes" for its notes)


def _dated_head(text: str, vocab: Vocabulary) -> bool:
    """A decision head naming a body and a date ("BESLUTNING I BYRÅDET DEN 28-11-2022")."""
    dh = decision_head(text, vocab)
    return dh is not None and dh.date is not None


def _heading(b: Block, vocab: Vocabulary, hinted: bool = False) -> tuple[RawSection, str] | None:
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


def _ref_line(body: ItemBody, b: Block, text: str, vocab: Vocabulary, rule: str,
              labelled: bool) -> bool:
    """A case-reference line ("Sagsnr. 23-001 Åbent"): its values go to the item."""
    ref, rest = parse_labelled(text) if labelled else (CaseRef(), text)
    if not ref or len(rest.split()) > 8:
        return False
    body.ref.merge(ref)
    rest = _take_marker(rest, body, vocab)
    if rest:
        body.meta_text.append(rest)
    body.marks.append((b, "case_ref", rule, ""))
    return True


def _meta_line(body: ItemBody, b: Block, pos: int, number: int | None, title: str,
               plain: bool, vocab: Vocabulary) -> Block | None:
    """Metadata near the item's top: the repeated title, an open/closed marker, case references.
    Returns the block still to be read (None when it was metadata; a shortened block when a
    leading reference was cut off it)."""
    text = b.text.strip()
    if is_repeated_title(b, number, title, vocab, plain=plain):
        body.marks.append((b, "item_heading", "item.repeated_title", ""))
        return None
    if vocab.open_regex.match(text) or vocab.closed_regex.fullmatch(text.strip("() ")):
        body.closed = vocab.open_regex.match(text) is None
        body.marks.append((b, "item_heading", "item.marker", ""))
        return None
    if _ref_line(body, b, text, vocab, "item.case_ref",
                 opens_with_label(text) or pos < _META_ZONE):
        return None
    if pos < 2 and _CATEGORY.match(text) and len(text.split()) <= 8:
        # "A. Sager til afgørelse i byrådet" between the heading and the reference
        body.meta_text.append(text)
        body.marks.append((b, "note", "item.category", "notes"))
        return None
    bare = parse_bare(text, vocab) if pos < _META_ZONE else None
    if bare is None and pos < 2 and (lead := parse_leading(text)) is not None:
        body.ref.merge(lead[0])  # "00.22.02-A26-1-13 Godkendelse af ..." (flattened)
        return replace(b, text=lead[1])
    if bare is not None:
        body.ref.merge(bare)
        if vocab.closed_regex.match(text):
            body.closed = True
        body.marks.append((b, "case_ref", "item.bare_ref", ""))
        return None
    return b


def segment(blocks: list[Block], number: int | None, title: str,
            vocab: Vocabulary) -> ItemBody:
    body = ItemBody()
    hinted = sum(1 for b in blocks if b.is_heading_hint and b.text and
                 vocab.section_kind(b.text, fuzzy=False)) >= 2
    current: RawSection | None = None
    for pos, blk in enumerate(blocks):
        b: Block | None = blk
        text = blk.text.strip()
        if vocab.is_chrome(text):
            body.marks.append((blk, "furniture", "vocab.chrome", ""))
            continue
        in_meta = current is None or (not current.blocks and pos < _META_ZONE + 4)
        if blk.kind != "table_row" and pos < _META_ZONE + 4 and not in_meta and \
                opens_with_label(text) and \
                _ref_line(body, blk, text, vocab, "item.late_case_ref", True):
            continue  # "Sagsnr. N ..." after a line of links
        if blk.kind != "table_row" and in_meta:
            plain = current is None or not current.heading or vocab.is_grouping(current.heading)
            b = _meta_line(body, blk, pos, number, title, plain, vocab)
        if b is not None:
            current = _content_line(body, b, current, hinted, vocab)
    body.sections = _drop_grouping(body.sections, body, vocab)
    return body


def _content_line(body: ItemBody, b: Block, current: RawSection | None, hinted: bool,
                  vocab: Vocabulary) -> RawSection | None:
    """A line of the item's content: a section heading, attached file names, or text of the
    current section. Returns the section now current."""
    text = b.text.strip()
    in_list = current is not None and current.kind == "attachments" and b.kind == "list_item"
    head = None if in_list else _heading(b, vocab, hinted)
    if head is not None:
        section, rest = head
        body.sections.append(section)
        if rest:
            section.blocks.append(b.derive(rest, kind="para"))
        return section
    files = _FILE_NAMES.findall(text) if current is None else []
    if files and len(" ".join(files)) >= len(text) - len(files):
        # a line of attached file names printed under the heading ("a.pdf b.pdf")
        att = RawSection("attachments", "", head_block=None, rule="section.file_names")
        att.blocks = [replace(b, text=f) for f in files]
        body.sections.append(att)
        return current
    if current is None:
        current = RawSection("other", "", rule="section.unheaded")
        body.sections.append(current)
    current.blocks.append(b)
    return current


def _take_marker(rest: str, body: ItemBody, vocab: Vocabulary) -> str:
    words = rest.split()
    while words and vocab.is_chrome(words[0]):
        words = words[1:]  # "UdskrivSagsid.: ..." -> the glued print button
    rest = " ".join(words)
    if words and vocab.open_regex.match(words[-1]):
        body.closed = False
        return " ".join(words[:-1])
    m = marker_at_end(vocab).search(rest)
    if m:
        body.closed = vocab.closed_regex.fullmatch(m["marker"]) is not None
        return rest[: m.start()].strip()
    return rest


def _drop_grouping(sections: list[RawSection], body: ItemBody,
                   vocab: Vocabulary) -> list[RawSection]:
    out: list[RawSection] = []
    last = {t.kind: i for i, t in enumerate(sections)}  # linear, not a scan per section
    for i, s in enumerate(sections):
        later_same = s.kind != "other" and last[s.kind] > i
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        groups = later_same or vocab.is_grouping(s.heading)
        if not s.blocks and s.decision is None and groups and nxt is not None:
            if s.head_block is not None:
                body.marks.append((s.head_block, "section_heading", "section.grouping", ""))
            continue
        if s.kind == "other" and not s.heading and not s.blocks:
            if s.head_block is not None:
                body.marks.append((s.head_block, "section_heading", "section.empty", ""))
            continue
        out.append(s)
    return out
