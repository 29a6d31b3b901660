"""Fold an item's labelled blocks into its sections and metadata.

:mod:`.item_rules` labels each block of the item (metadata lines near the top, section headings,
text); this module folds those verdicts, in order, into an :class:`ItemBody`: the case reference
and open/closed state from the metadata lines, and the sections each heading opens, holding the
text that follows it. A heading with no content of its own whose kind appears again later only
groups others (FirstAgenda's outer "Sagsfremstilling") and is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import CaseRef
from .item_rules import Verdict, label_item
from .section_heads import RawSection
from .stream import Label

_MARKED: frozenset[Label] = frozenset({"furniture", "case_ref", "item_heading", "note"})


@dataclass
class ItemBody:
    ref: CaseRef = field(default_factory=CaseRef)
    closed: bool | None = None
    sections: list[RawSection] = field(default_factory=list)
    meta_text: list[str] = field(default_factory=list)
    marks: list[tuple[Block, Label, str, str]] = field(default_factory=list)  # metadata lines:
    # block, label, rule, node ("" for the item itself, "notes" for its notes)


def segment(blocks: list[Block], number: int | None, title: str,
            vocab: Vocabulary) -> ItemBody:
    """The item's body: its blocks labelled by the item rules, folded in order."""
    body = ItemBody()
    current: RawSection | None = None
    for b, v in label_item(blocks, number, title, vocab):
        current = _fold(body, b, v, current)
    body.sections = _drop_grouping(body.sections, body, vocab)
    return body


def _fold(body: ItemBody, b: Block, v: Verdict, current: RawSection | None) -> RawSection | None:
    """Add one verdict to the body; returns the section now open."""
    if v.ref is not None:
        body.ref = body.ref.merged(v.ref)
    if v.closed is not None:
        body.closed = v.closed
    if v.note:
        body.meta_text.append(v.note)
    if v.label in _MARKED and v.rest is None:
        body.marks.append((b, v.label, v.rule, v.node))
    if v.section is not None:
        section = replace(v.section, blocks=[])
        if v.glued:
            section.blocks.append(b.derive(v.glued, kind="para"))
        body.sections.append(section)
        return section
    if v.files:
        att = RawSection("attachments", "", head_block=None, rule=v.rule)
        att.blocks = list(v.files)
        body.sections.append(att)
        return current
    if v.label == "body":
        if current is None:
            current = RawSection("other", "", rule="section.unheaded")
            body.sections.append(current)
        current.blocks.append(b)
    return current


def _drop_grouping(sections: list[RawSection], body: ItemBody,
                   vocab: Vocabulary) -> list[RawSection]:
    out: list[RawSection] = []
    last = {t.kind: i for i, t in enumerate(sections)}  # linear, not a scan per section
    for i, s in enumerate(sections):
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        later_same = s.kind != "other" and last[s.kind] > i and nxt is not None and \
            nxt.kind == s.kind
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
