"""Plain text reader: one block per non-blank line; tabs make table rows; bullets make list items.

Text exported from PDFs by other tools may carry form feeds (page breaks, counted as pages) and
fragments of inline HTML (``<i>``, ``<ul><li>``, ``<br />``), which are reduced to clean text.

Spans: :attr:`Document.text` is the input after :func:`~referat.readers._clean.normalize` (line
ends unified, invisible characters dropped, ligatures undone, a form feed inside a line moved to
the start of a new line); ``line`` is the 1-based line in it and ``start``/``end`` the offsets of
the block's source line without its surrounding whitespace, markup included. Pieces that inline
HTML splits off one line (``<br />``, ``<li>``) get the stretch between their tags.

Page markers ("Side 3 af 13") and the running header lines printed beside them stay in the
stream on the ``furniture`` layer (kinds ``page_marker`` and ``running_header``).
"""

from __future__ import annotations

from ..blocks import Block, BlockKind, Document
from ._clean import clean_cell, normalize, piece_spans, split_bullet, squash, strip_inline_html
from ._longlines import cap_lines
from .text_pages import paginate
from .text_transcript import page_lines, split_page_line


def read_text(text: str) -> Document:
    text = normalize(text)
    blocks: list[Block] = []
    warnings: list[str] = []
    lines, origin, offsets = cap_lines(text.split("\n"), warnings)
    pages, furniture = paginate(lines)
    transcript = page_lines(lines)
    if transcript and not any(pages):
        pages = [transcript.get(i) for i in range(len(lines))]
    table_id = 0
    in_table = False
    for index, line in enumerate(lines):
        lineno = origin[index]
        base = offsets[index]
        raw = line.lstrip("\f")
        base += len(line) - len(raw)
        raw = raw.replace("\f", "")
        pg = pages[index]
        if not raw.strip():
            in_table = False
            continue
        if index in furniture:
            in_table = False
            start = base + len(raw) - len(raw.lstrip())
            blocks.append(Block("para", squash(raw), lineno, pg, end_line=lineno, start=start,
                                end=base + len(raw.rstrip()), layer="furniture",
                                furniture=furniture[index]))
            continue
        if index in transcript:
            in_table = False
            blocks.extend(_page_line(raw, base, lineno, pg))
            continue
        if "\t" in raw.strip():
            cells = tuple(clean_cell(c) for c in raw.strip().split("\t"))
            if not in_table:
                table_id += 1
                in_table = True
            start = base + len(raw) - len(raw.lstrip())
            blocks.append(Block("table_row", "\t".join(cells), lineno, pg, cells=cells,
                                table=table_id, end_line=lineno, start=start,
                                end=base + len(raw.rstrip())))
            continue
        in_table = False
        indent = len(raw) - len(raw.lstrip(" \t"))
        pieces = strip_inline_html(raw)
        for piece, (start, end) in zip(pieces, piece_spans(raw, base, len(pieces)), strict=True):
            is_bullet, rest = split_bullet(piece)
            kind: BlockKind = "list_item" if is_bullet else "para"
            blocks.append(Block(kind, squash(rest), lineno, pg, indent=indent, end_line=lineno,
                                start=start, end=end))
    known = [p for p in pages if p is not None]
    return Document(blocks, "text", pages=max(known) if known else None, warnings=warnings,
                    text=text)


def _page_line(raw: str, base: int, lineno: int, page: int | None) -> list[Block]:
    """One line of a page-per-line transcript: its page number and markers as furniture, the
    rest of the page as one body block."""
    out: list[Block] = []
    for p in split_page_line(raw):
        text = squash(raw[p.start:p.end])
        if not text:
            continue
        if p.furniture:
            out.append(Block("para", text, lineno, page, end_line=lineno, start=base + p.start,
                             end=base + p.end, layer="furniture", furniture=p.furniture))
        else:
            out.append(Block("para", text, lineno, page, end_line=lineno, start=base + p.start,
                             end=base + p.end))
    return out
