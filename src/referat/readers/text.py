"""Plain text reader: one block per non-blank line; tabs make table rows; bullets make list items.

Text exported from PDFs by other tools may carry form feeds (page breaks, counted as pages) and
fragments of inline HTML (``<i>``, ``<ul><li>``, ``<br />``), which are reduced to clean text.
"""

from __future__ import annotations

from ..blocks import Block, BlockKind, Document
from ._clean import clean_cell, normalize, split_bullet, squash, strip_inline_html


def read_text(text: str) -> Document:
    text = normalize(text)
    blocks: list[Block] = []
    page = 1
    has_ff = "\f" in text
    table_id = 0
    in_table = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        pg = page if has_ff else None
        if not raw.strip():
            in_table = False
            continue
        if "\t" in raw.strip():
            cells = tuple(clean_cell(c) for c in raw.strip().split("\t"))
            if not in_table:
                table_id += 1
                in_table = True
            blocks.append(Block("table_row", "\t".join(cells), lineno, pg, cells=cells,
                                table=table_id))
            continue
        in_table = False
        for piece in strip_inline_html(raw):
            is_bullet, rest = split_bullet(piece)
            kind: BlockKind = "list_item" if is_bullet else "para"
            blocks.append(Block(kind, squash(rest), lineno, pg))
    return Document(blocks, "text", pages=page if has_ff else None)
