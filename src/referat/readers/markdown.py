"""Markdown reader (as written by PDF-to-Markdown converters): ``#`` headings, ``**bold**``
lines, lists, pipe tables, escapes and links become hints on blocks; no markup reaches the
parsers.

Spans: :attr:`Document.text` is the input after :func:`~referat.readers._clean.normalize` (line
ends unified, invisible characters dropped, ligatures undone, a form feed inside a line moved to
the start of a new line); ``line`` is the 1-based line in it and ``start``/``end`` the offsets of
the block's source line without its surrounding whitespace, markup (``#``, ``**``, ``|``, bullets)
included. Pieces that inline HTML splits off one line (``<br />``, ``<li>``) get the stretch
between their tags.
"""

from __future__ import annotations

import regex

from ..blocks import Block, BlockKind, Document
from ._clean import (
    clean_cell,
    normalize,
    piece_spans,
    split_bullet,
    squash,
    strip_inline_html,
    trimmed,
)
from ._longlines import cap_lines

# Spans are bounded ({1,N}) and a heading's closing hashes are stripped in Python, so a hostile
# line cannot make these patterns quadratic.
_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_TABLE_SEP = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = regex.compile(r"!\[([^\]]{0,500})\]\([^)]{0,2000}\)")
_LINK = regex.compile(r"\[([^\]]{1,500})\]\(([^)\s]{1,2000})(?:\s+\"[^\"]{0,500}\")?\)")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1")
_EM = regex.compile(r"(?<![\w*])([*_])(?=\S)(.{1,1000}?)(?<=\S)\1(?![\w*])")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SCHEME = regex.compile(r"^[a-z]+://")
_FULL_BOLD = regex.compile(r"^\s*(\*\*|__)(?=\S)(.+)(?<=\S)\1\s*:?\s*$")


def _link(m: regex.Match[str]) -> str:
    label, url = m.group(1), m.group(2)
    bare = _SCHEME.sub("", url).rstrip("/")
    return label if label.rstrip("/") in (url, bare) else f"{label} ({url})"


def inline(text: str) -> str:
    """Markdown inline markup to plain text. Each pattern runs only on a line holding the
    characters it needs (most lines hold none): this runs on every line."""
    if "![" in text:
        text = _IMAGE.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(_link, text)
    if "**" in text or "__" in text:
        text = _STRONG.sub(r"\2", text)
    if "*" in text or "_" in text:
        text = _EM.sub(r"\2", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return squash(text.replace("**", ""))


def read_markdown(text: str) -> Document:
    text = normalize(text)
    warnings: list[str] = []
    blocks: list[Block] = []
    table_id = 0
    in_table = False
    lines, origin, offsets = cap_lines(text.split("\n"), warnings)
    for lineno, line, base in zip(origin, lines, offsets, strict=True):
        raw = line.lstrip("\f")
        base += len(line) - len(raw)
        raw = raw.replace("\f", "")
        if not raw.strip():
            in_table = False
            continue
        stripped = raw.strip()
        start, end = trimmed(raw, base)
        piped = stripped.startswith("|") and stripped.count("|") >= 2
        if piped and _TABLE_SEP.match(stripped):
            continue
        if piped or "\t" in stripped:
            raw_cells = stripped.strip("|").split("|") if piped else stripped.split("\t")
            cells = tuple(clean_cell(inline(c)) for c in raw_cells)
            if not in_table:
                table_id += 1
                in_table = True
            blocks.append(Block("table_row", "\t".join(cells), lineno, cells=cells,
                                table=table_id, end_line=lineno, start=start, end=end))
            continue
        in_table = False
        m = _HEADING.match(raw)
        if m:
            body = m.group(2).rstrip()
            if body.rstrip("#") != body and (not body.rstrip("#") or body.rstrip("#")[-1] == " "):
                body = body.rstrip("#").rstrip()  # closing hashes: "## Titel ##"
            bold = bool(_FULL_BOLD.match(body))
            pieces = strip_inline_html(inline(body))
            for piece, (a, b) in zip(pieces, _spans(raw, base, pieces), strict=True):
                blocks.append(Block("heading", piece, lineno, level=len(m.group(1)), bold=bold,
                                    end_line=lineno, start=a, end=b))
            continue
        bold = bool(_FULL_BOLD.match(stripped))
        is_bullet, rest = split_bullet(stripped) if not bold else (False, stripped)
        pieces = strip_inline_html(inline(rest))
        for piece, (a, b) in zip(pieces, _spans(raw, base, pieces), strict=True):
            kind: BlockKind = "list_item" if is_bullet else "para"
            blocks.append(Block(kind, piece, lineno, bold=bold, end_line=lineno, start=a, end=b))
    return Document(blocks, "markdown", warnings=warnings, text=text)


def _spans(raw: str, base: int, pieces: list[str]) -> list[tuple[int, int]]:
    return piece_spans(raw, base, len(pieces))
