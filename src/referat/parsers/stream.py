"""The labelled stream: what the parser decided about every block, and by which rule.

The labelling pass gives each body block of a :class:`~referat.blocks.Document` exactly one
label, records the name of the rule that chose it, and (after the builder) the output node it
ended in. ``referat explain`` prints this stream; ``referat inspect`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..blocks import Block, Document
from ..models import Meeting

Label = Literal[
    "title",          # the document's title line
    "header_field",   # Mødedato, Mødested, committee line, ...
    "attendance",     # participants / absent lists
    "toc_heading",    # Indholdsfortegnelse, "Pkt. Tekst Side", ...
    "toc_entry",
    "item_heading",
    "case_ref",       # Sagsnr., J.nr., Dokumentnr. lines
    "section_heading",
    "decision_head",  # "Beslutning i X den ...", "X's møde den ...:"
    "recommendation",
    "attachment",
    "table_row",
    "body",           # text of a section or item
    "note",           # kept in notes: fits no field
    "furniture",      # page furniture set aside by the reader
    "unplaced",       # no rule placed it: reported as an issue
]


@dataclass(frozen=True, slots=True)
class Labelled:
    """One block with its label. ``index`` is the block's position in ``Document.blocks``;
    ``node`` is the JSON path of the output node it ended in (``"items[2].sections[1]"``,
    ``"toc[0]"``, ``"participants"``), empty when it ended in none."""

    index: int
    block: Block
    label: Label
    rule: str
    node: str = ""


@dataclass(slots=True)
class Analysis:
    """A parse with its working: the reader's document, the labelled stream, the meeting."""

    document: Document
    meeting: Meeting
    stream: list[Labelled] = field(default_factory=list)
