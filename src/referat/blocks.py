"""The intermediate stream between readers and parsers.

Every reader (text, Markdown, PDF, HTML) turns its input into a :class:`Document`: a flat list of
:class:`Block` objects, one per logical line, each carrying where it came from (``line`` and
``page``) and what the format knew about it (heading level, bold, list item, table cells).
Parsers consume only this module; they never import a reader and never see markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["para", "heading", "list_item", "table_row"]
Format = Literal["text", "markdown", "pdf", "html"]


@dataclass(frozen=True, slots=True)
class Block:
    """One logical line of a document, free of markup.

    ``kind`` is a *hint* from the reader: ``heading`` means the format marked it as a heading
    (Markdown ``#``, HTML ``<h2>``, a larger font in a PDF); ``bold`` means the whole line was bold.
    Plain text has neither, so parsers must also recognise headings by their words.
    ``cells`` is set for table rows; ``text`` is then the cells joined by tabs.
    ``line`` is the 1-based source line (or element index for HTML), ``page`` the 1-based PDF page.
    """

    kind: BlockKind
    text: str
    line: int = 0
    page: int | None = None
    level: int = 0
    bold: bool = False
    cells: tuple[str, ...] = ()
    table: int = 0  # rows of one table share a non-zero id (readers that know table extents)
    indent: int = 0  # leading spaces in plain text (a list indented under its paragraph)

    @property
    def is_heading_hint(self) -> bool:
        return self.kind == "heading" or self.bold


@dataclass(slots=True)
class Document:
    """What a reader returns: blocks plus facts about the source."""

    blocks: list[Block]
    format: Format
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
