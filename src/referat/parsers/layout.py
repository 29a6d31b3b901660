"""The document's layout: where the header ends, where the table of contents stands, where each
agenda item starts. These are the labels of the stream's top level; everything inside an item is
labelled by :mod:`.sections`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import is_ref_line
from .decisions import decision_head
from .items import Candidate, find_item_starts, title_like
from .reflow import reflow
from .toc import TocRun, read_toc, split_inline_list
from .trace import Trace
from .unnumbered import find_unnumbered, title_line

_PUNCT_ONLY = regex.compile(r"^[\s\p{P}]*$")  # "" or a lone "." placeholder


@dataclass
class Layout:
    """The top-level labels: ``blocks`` are the body blocks the parsers read (placeholders
    dropped, flattened lines split); the rest index into them."""

    blocks: list[Block]
    toc_at: int | None = None  # the TOC heading (or inline list)
    toc: TocRun = field(default_factory=TocRun)
    starts: list[Candidate] = field(default_factory=list)
    inferred: bool = False  # items found without numbers
    leading: set[int] = field(default_factory=set)  # ids of references printed above a heading
    above: dict[int, Block] = field(default_factory=dict)  # start index -> its title line above
    head: list[Block] = field(default_factory=list)  # the header's blocks
    tail: int | None = None  # where the end matter after the last item begins

    def item_blocks(self, k: int) -> tuple[list[Block], list[Block]]:
        """The heading blocks and the body blocks of item ``k``."""
        c = self.starts[k]
        end = self.starts[k + 1].index if k + 1 < len(self.starts) else \
            self.tail if self.tail is not None else len(self.blocks)
        heading = self.blocks[c.index: c.index + c.title_lines]
        if c.index in self.above:
            heading = [self.above[c.index], *heading]
        titles = {id(b) for b in self.above.values()}
        body = [b for b in self.blocks[c.index + c.title_lines: end]
                if id(b) not in self.leading and id(b) not in titles]
        pre = [b for b in self.blocks[max(0, c.index - 2): c.index] if id(b) in self.leading]
        return heading, pre + body


def working_blocks(body: list[Block], vocab: Vocabulary, trace: Trace) -> list[Block]:
    """The body blocks the parsers read: placeholders ("", a lone ".") are marked and left
    out; lines a site flattened are split (:mod:`.reflow`)."""
    keep: list[Block] = []
    for b in body:
        if _PUNCT_ONLY.match(b.text) is None or (b.kind == "heading" and not b.text.strip()):
            keep.append(b)
        else:
            trace.mark(b, "body", "placeholder")
    return reflow(keep, vocab)


def _toc_start(blocks: list[Block], vocab: Vocabulary) -> tuple[int, int] | None:
    """Where the header ends and where the TOC's first entry may stand."""
    for i, b in enumerate(blocks[: max(60, len(blocks) // 3)]):
        if vocab.is_toc_heading(b.text) or (len(b.text) < 80 and vocab.is_toc_heading(
                b.text.split(" ", 1)[0])):
            return i, i + 1
        if i < 12 and split_inline_list(b.text) is not None:
            return i, i  # an inline list of the items, with no heading
    return None


_FIRST_ENTRY = regex.compile(r"(?<!\S)(?P<n>\d{1,3})\.\s+\p{Lu}")


def _flattened_contents(blocks: list[Block], vocab: Vocabulary) -> tuple[int, int] | None:
    """A page of a transcript that is the contents run into one line ("Indholdsfortegnelse Side
    162. Dialogmøde med borgerne Godkendelse af ..."), and where the items begin: at the first
    later line that opens with the contents' first number again (lines between continue the
    contents: "180. Lukket - ... Lukket - Ejendomssag Underskrifter")."""
    for i, b in enumerate(blocks[: max(60, len(blocks) // 3)]):
        first = b.text.split(" ", 1)[0]
        if b.page is None or len(b.text) < 80 or not vocab.is_toc_heading(first):
            continue
        m = _FIRST_ENTRY.search(b.text)
        if m is None:
            return None
        again = regex.compile(rf"^{m['n']}\.?\s+\p{{Lu}}")
        j = next((j for j in range(i + 1, len(blocks)) if again.match(blocks[j].text)), None)
        if j is None or any(_is_head(b, vocab) or is_ref_line(b.text, vocab)
                            for b in blocks[i + 1: j]):
            return None  # an item's body before it: the number is a list's, not the first item
        return i, j
    return None


def lay_out(blocks: list[Block], vocab: Vocabulary) -> Layout:
    lay = Layout(blocks)
    found = _toc_start(blocks, vocab)
    body_start = 0
    if found is not None:
        lay.toc_at = found[0]
        lay.toc = read_toc(blocks, found[1], vocab)
        body_start = lay.toc.end if lay.toc.entries else found[1]
    elif (flat := _flattened_contents(blocks, vocab)) is not None:
        lay.toc_at, body_start = flat  # its lines are kept as notes
        lay.toc = TocRun(skipped=blocks[flat[0]: body_start], end=body_start)
    starts = find_item_starts(blocks, body_start, vocab, lay.toc.entries)
    if not starts:
        starts = find_unnumbered(blocks, body_start, vocab)
        lay.inferred = bool(starts)
    lay.starts = starts
    lay.tail = _end_matter(blocks, starts, vocab)
    t = lay.toc_at
    header_end = t if t is not None else (starts[0].index if starts else len(blocks))
    lay.leading = _leading_refs(blocks, starts, vocab)
    lay.above = _titles_above(blocks, starts, body_start, vocab)
    taken = lay.leading | {id(b) for b in lay.above.values()}
    # the header: before the TOC, and (some templates) between the TOC and the first item
    between = blocks[body_start: starts[0].index if starts else len(blocks)] if t is not None \
        else []
    lay.head = [b for b in blocks[:header_end] + between if id(b) not in taken]
    return lay


def _titles_above(blocks: list[Block], starts: list[Candidate], first: int,
                  vocab: Vocabulary) -> dict[int, Block]:
    """A heading with no title ("Sag nr. 130") whose next line is a section heading or a label
    ("Beslutningskompetence: KB"), not a title, takes its title from the line printed right
    above it when that line has a title's shape (the previous item's text ends a sentence)."""
    out: dict[int, Block] = {}
    for k, c in enumerate(starts):
        j, nxt = c.index - 1, c.index + c.title_lines
        if c.title or j < first or nxt >= len(blocks) or \
                (k > 0 and j <= starts[k - 1].index + starts[k - 1].title_lines - 1):
            continue
        after, above = blocks[nxt].text.strip(), blocks[j]
        if not (vocab.section_kind(after, fuzzy=False) or vocab.split_glued_heading(after)
                or vocab.match_label(after)):
            continue
        if _title_shaped(above, blocks[j - 1] if j > 0 else None, vocab):
            c.title = above.text.strip()
            out[c.index] = above
    return out


def _is_head(b: Block, vocab: Vocabulary) -> bool:
    text = b.text.strip()
    return bool(vocab.section_kind(text, fuzzy=False) or decision_head(text, vocab))


def _title_shaped(above: Block, before: Block | None, vocab: Vocabulary) -> bool:
    """A title's shape (:func:`.unnumbered.title_line`), and no outcome ("Godkendt" is a
    decision's text) nor the only text under a heading."""
    text = above.text.strip()
    return title_line(above, vocab) and title_like(text) and len(text) <= 150 and \
        not text.endswith(";") and not vocab.is_outcome(text) and \
        (before is None or not _is_head(before, vocab))


def _end_matter(blocks: list[Block], starts: list[Candidate], vocab: Vocabulary) -> int | None:
    """The end matter after the last item: a line that is only an end-matter heading
    ("Underskriftsside", "Bilagsliste") ends the last item; it and all after it are the
    meeting's, not the item's. A word that is also an item's section heading ("Bilagsliste")
    counts only where it starts a page or the next line repeats an item's heading (the
    meeting's list of attachments, by item)."""
    if not starts:
        return None
    last = starts[-1]
    heads = {" ".join(blocks[c.index].text.split()) for c in starts}
    for i in range(last.index + last.title_lines, len(blocks)):
        b = blocks[i]
        if b.kind == "table_row" or not vocab.is_end_matter(b.text):
            continue
        if vocab.section_kind(b.text, fuzzy=False) is None or \
                (b.page is not None and blocks[i - 1].page != b.page) or \
                (i + 1 < len(blocks) and " ".join(blocks[i + 1].text.split()) in heads):
            return i
    return None


def _leading_refs(blocks: list[Block], starts: list[Candidate], vocab: Vocabulary) -> set[int]:
    """Case-number lines printed just above an item heading belong to that item.

    Only when that is the document's convention: where most items carry their reference right
    below the heading, a reference line before the next heading is the previous item's.
    """
    after = sum(1 for c in starts if c.title_lines and c.index + c.title_lines < len(blocks)
                and is_ref_line(blocks[c.index + c.title_lines].text, vocab, 6))
    ids: set[int] = set()
    for c in starts:
        for j in (c.index - 1, c.index - 2):
            if j < 0 or not is_ref_line(blocks[j].text, vocab, 6) or \
                    any(s.index == j for s in starts):
                break
            ids.add(id(blocks[j]))
    return ids if len(ids) > after else set()
