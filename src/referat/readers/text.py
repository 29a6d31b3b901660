"""Plain text reader: one block per non-blank line; tabs make table rows; bullets make list items.

Text exported from PDFs by other tools may carry form feeds (page breaks, counted as pages) and
fragments of inline HTML (``<i>``, ``<ul><li>``, ``<br />``), which are reduced to clean text.
"""

from __future__ import annotations

from ..blocks import Block, BlockKind, Document
from ._clean import clean_cell, normalize, split_bullet, squash, strip_inline_html
from ._longlines import cap_lines
from .text_pages import paginate


def read_text(text: str) -> Document:
    text = normalize(text)
    blocks: list[Block] = []
    warnings: list[str] = []
    lines, origin = cap_lines(text.split("\n"), warnings)
    pages, furniture = paginate(lines)
    table_id = 0
    in_table = False
    for index, raw in enumerate(lines):
        lineno = origin[index]
        raw = raw.replace("\f", "")
        pg = pages[index]
        if index in furniture or not raw.strip():
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
        indent = len(raw) - len(raw.lstrip(" \t"))
        for piece in strip_inline_html(raw):
            is_bullet, rest = split_bullet(piece)
            kind: BlockKind = "list_item" if is_bullet else "para"
            blocks.append(Block(kind, squash(rest), lineno, pg, indent=indent))
    known = [p for p in pages if p is not None]
    return Document(blocks, "text", pages=max(known) if known else None, warnings=warnings)
