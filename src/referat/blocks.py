"""The intermediate stream between readers and parsers.

Every reader (text, Markdown, PDF, HTML) turns its input into a :class:`Document`: a flat list of
:class:`Block` objects, one per logical line, each carrying where it came from (its *span*: source
line and character offsets, HTML element path, PDF page and bounding box) and what the format knew
about it (heading level, bold, list item, table cells).

Page furniture (running headers and footers, page numbers, web-page chrome) is not deleted: it
stays in the stream on the ``furniture`` layer, which parsers skip (:attr:`Document.body`) and
outputs report. Parsers consume only this module; they never import a reader and never see markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

BlockKind = Literal["para", "heading", "list_item", "table_row"]
Format = Literal["text", "markdown", "pdf", "html"]
Layer = Literal["body", "furniture"]
BBox = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, origin at the page's top-left corner."""


class Block(NamedTuple):
    """One logical line of a document, free of markup.

    ``kind`` is a *hint* from the reader: ``heading`` means the format marked it as a heading
    (Markdown ``#``, HTML ``<h2>``, a larger font in a PDF); ``bold`` means the whole line was bold.
    Plain text has neither, so parsers must also recognise headings by their words.
    ``cells`` is set for table rows; ``text`` is then the cells joined by tabs.

    Provenance: ``line`` is the 1-based first source line (text, Markdown; for HTML a running
    element index), ``end_line`` the last; ``start``/``end`` are character offsets into
    :attr:`Document.text` (``-1`` when unknown) such that ``Document.text[start:end]`` holds the
    block's source; ``path`` is the HTML element path (``"html/body/div[2]/h2[1]"``); ``page`` the
    1-based page and ``bbox`` the box on it in PDF points (PDF, and text with page markers).
    ``layer`` is ``furniture`` for page furniture, with ``furniture`` saying which kind
    (``running_header``, ``running_footer``, ``page_number``, ``page_marker``, ``chrome``, ...).
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
    end_line: int = 0
    start: int = -1
    end: int = -1
    path: str = ""
    bbox: BBox | None = None
    layer: Layer = "body"
    furniture: str = ""

    @property
    def is_heading_hint(self) -> bool:
        return self.kind == "heading" or self.bold

    @property
    def is_furniture(self) -> bool:
        return self.layer == "furniture"

    def located(self, start: int, end: int) -> Block:
        """This block with its character offsets set (``_replace`` for just these two, at
        half its cost: readers locate every block)."""
        return tuple.__new__(Block, (*self[:_START], start, end, *self[_START + 2:]))

    def derive(self, text: str, **changes: object) -> Block:
        """A block made from part of this one (a parser splitting a line): the same source span,
        narrowed to the part's characters when they can be found verbatim in this block's text
        and this block's text is its source verbatim (offsets then line up)."""
        start, end = self.start, self.end
        if start >= 0 and end - start == len(self.text):
            k = self.text.find(text)
            if k >= 0 and text:
                start, end = start + k, start + k + len(text)
        return self._replace(text=text, start=start, end=end, **changes)  # type: ignore[arg-type]


_START = Block._fields.index("start")
assert Block._fields[_START + 1] == "end"


@dataclass(slots=True)
class Document:
    """What a reader returns: blocks (body and furniture, in reading order) plus facts about the
    source. ``text`` is the decoded source text for text, Markdown and HTML input (``None`` for
    PDF), the string that block offsets index."""

    blocks: list[Block]
    format: Format
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    text: str | None = None

    @property
    def body(self) -> list[Block]:
        """The blocks parsers read: everything not on the furniture layer."""
        return [b for b in self.blocks if b.layer == "body"]

    @property
    def furniture(self) -> list[Block]:
        """Page furniture set aside by the reader (kept, not deleted)."""
        return [b for b in self.blocks if b.layer == "furniture"]
