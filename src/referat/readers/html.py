"""HTML reader: one walk over a selectolax (lexbor) tree turns a web page into blocks.

Headings (``h1``-``h6``) keep their level; a line whose text is all bold (``<b>``, ``<strong>``,
``font-weight: bold``) is marked ``bold``; paragraphs, ``div``s with direct text and ``<br>``
breaks become separate blocks; ``<li>`` becomes ``list_item`` (nested lists flattened).
Innermost tables with more than one column become ``table_row`` blocks sharing a table id, except
rows whose cells hold whole sections (headings, many paragraphs): those are page layout and are
walked like any other container, a short number in the first cell being joined to the first block
of the next ("1" + "<h2>Title</h2>" -> "1 Title"). Tables that contain tables are layout too.

Page chrome is dropped: scripts and styles, navigation, page headers and footers, forms and
buttons that hold no content, elements whose ARIA role or class/id names them as menus, cookie
banners, dialogs, badges and the like (see :mod:`referat.readers.html_chrome`), and lines the
vocabulary lists as chrome ("Tilbage til forsiden", "Hent som PDF", ...). ``line`` is a running
element index.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Block, BlockKind, Document
from ..vocabulary import Vocabulary
from ._clean import normalize, split_bullet
from .html_chrome import BLOCK_TAGS, is_chrome_element

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_CONTENTFUL = regex.compile(r"[\p{L}\p{N}]")
_CELL = "\ue000"  # private-use character: never in real text
_NBSP_TAB = regex.compile(r"[ \t]*\u00a0(?:[ \t]*\u00a0)+[ \t]*")
_NEUTRAL = regex.compile(r"^[\s\p{P}]*$")
_BOLD_STYLE = regex.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", regex.IGNORECASE)
_NUMBER_CELL = regex.compile(
    r"^(?:punkt|pkt\.?|sag(?:\s+nr\.?)?|nr\.?)?\s*\d{1,4}(?:\.\d{1,3})*\s*[.:)]?$", regex.IGNORECASE
)
_HEADINGS = "h1,h2,h3,h4,h5,h6"
_MAX_DEPTH = 150  # deeper markup is read as plain text (each level costs up to 3 frames)
_MAX_CHROME = 80  # longer lines are never chrome; skips the vocabulary lookup
_LAYOUT_BLOCKS = 4  # a cell with this many block elements holds sections, not a value


@dataclass(frozen=True, slots=True)
class _Ctx:
    kind: BlockKind = "para"
    level: int = 0
    bold: bool = False
    pre: bool = False
    in_main: bool = False


def _first_word(text: str) -> str:
    m = _WORD.search(text)
    return m.group(0).casefold() if m else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Walker:
    def __init__(self, vocab: Vocabulary, counter: int = 0) -> None:
        self.vocab = vocab
        self._chrome_starts = frozenset(_first_word(c) for c in vocab.chrome)
        self.blocks: list[Block] = []
        self.counter = counter
        self.table_id = 0
        self._buf: list[tuple[str, bool]] = []
        self._line = (0, _Ctx())
        self._tab_table = False

    # --- lines --------------------------------------------------------------------------------

    def text(self, raw: str, ctx: _Ctx) -> None:
        if "\u00a0" in raw:  # a run of NBSPs is a tab in Word's HTML: a column break
            raw = _NBSP_TAB.sub(_CELL, raw)
        raw = normalize(raw)
        if ctx.pre and "\n" in raw:
            first, *rest = raw.split("\n")
            self.text(first, replace(ctx, pre=False))
            for piece in rest:
                self.flush()
                self.text(piece, replace(ctx, pre=False))
            return
        if raw and not raw.isspace():
            lead = " " if raw[0].isspace() else ""
            tail = " " if raw[-1].isspace() else ""
            raw = lead + " ".join(raw.split()) + tail
        elif raw:
            raw = " "
        if not self._buf:
            if not raw.strip():
                return
            self._line = (self.counter, ctx)
        self._buf.append((raw, ctx.bold))

    def flush(self) -> None:
        if not self._buf:
            return
        text = "".join(t for t, _ in self._buf).strip()
        meaningful = [b for t, b in self._buf if not _NEUTRAL.match(t)]
        self._buf.clear()
        if not _CONTENTFUL.search(text) or (
            len(text) <= _MAX_CHROME and _first_word(text) in self._chrome_starts
            and self.vocab.is_chrome(text)
        ):
            return
        line, ctx = self._line
        bold = bool(meaningful) and all(meaningful)
        if _CELL in text:
            cells = tuple(_squash(c) for c in text.strip(_CELL + " ").split(_CELL))
            if len(cells) > 1:
                self.tab_row(cells, line, bold)
                return
            text = cells[0]
        kind = ctx.kind
        if kind == "para":
            bullet, rest = split_bullet(text)
            if bullet:
                kind, text = "list_item", rest
        self.blocks.append(Block(kind, _squash(text), line, level=ctx.level, bold=bold))

    def tab_row(self, cells: tuple[str, ...], line: int, bold: bool) -> None:
        """A line split into columns by tabs; consecutive such lines form one table."""
        prev = self.blocks[-1] if self.blocks else None
        if prev is None or prev.kind != "table_row" or prev.table != self.table_id or \
                not self._tab_table:
            self.table_id += 1
        self._tab_table = True
        self.blocks.append(Block("table_row", "\t".join(cells), line, cells=cells,
                                 table=self.table_id, bold=bold))

    # --- tree ---------------------------------------------------------------------------------

    def walk(self, node: LexborNode, ctx: _Ctx, depth: int = 0) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                if child.text_content:
                    self.text(child.text_content, ctx)
                continue
            if tag is None or tag.startswith("-"):
                continue
            self.counter += 1
            if tag == "br":
                self.flush()
                continue
            if is_chrome_element(child, tag, ctx.in_main):
                continue
            if depth >= _MAX_DEPTH:
                self.text(child.text(deep=True), ctx)
                continue
            self.element(child, tag, ctx, depth)

    def element(self, node: LexborNode, tag: str, ctx: _Ctx, depth: int) -> None:
        sub = ctx
        if tag in ("b", "strong") or _BOLD_STYLE.search(node.attributes.get("style") or ""):
            sub = replace(sub, bold=True)
        if tag in ("main", "article", "section"):
            sub = replace(sub, in_main=True)
        if tag not in BLOCK_TAGS:
            self.walk(node, sub, depth + 1)
            return
        self.flush()
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            sub = replace(sub, kind="heading", level=int(tag[1]))
        elif tag == "li" and sub.kind != "heading":
            sub = replace(sub, kind="list_item")
        elif tag == "pre":
            sub = replace(sub, pre=True)
        if (tag == "table" and self.table(node, sub, depth)) or \
                (tag == "dl" and self.definitions(node, sub, depth)):
            return
        before = len(self.blocks)
        if tag == "tr":
            self.layout_row(node, sub, depth)
        else:
            self.walk(node, sub, depth + 1)
        self.flush()
        if sub.kind == "heading" and len(self.blocks) == before and tag[0] == "h":
            # an empty heading still ends the section before it
            self.blocks.append(Block("heading", "", self.counter, level=sub.level))

    # --- tables -------------------------------------------------------------------------------

    def table(self, node: LexborNode, ctx: _Ctx, depth: int) -> bool:
        """Emit an innermost multi-column table as rows; False leaves it to the layout walk."""
        if len(node.css("table")) > 1:  # the selector matches the node itself too
            return False
        rows = [[c for c in tr.iter() if c.tag in ("td", "th")] for tr in node.css("tr")]
        if max((len(r) for r in rows), default=0) < 2:
            return False
        self.table_id += 1
        tid = self.table_id
        for cells in rows:
            self.counter += 1
            if any(_is_layout_cell(c) for c in cells):
                self.layout_cells(cells, ctx, depth)
                continue
            self.row(cells, tid, ctx, depth)
        return True

    def row(self, cells: list[LexborNode], tid: int, ctx: _Ctx, depth: int) -> None:
        """One ``table_row`` block from cells holding values (lines inside a cell kept)."""
        line = self.counter
        texts: list[str] = []
        bolds: list[bool] = []
        for cell in cells:
            inner = _Walker(self.vocab, self.counter)
            inner.walk(cell, replace(ctx, kind="para", level=0), depth + 1)
            inner.flush()
            self.counter = inner.counter
            texts.append("\n".join(b.text for b in inner.blocks))
            bolds.extend(b.bold for b in inner.blocks)
        self._tab_table = False
        if any(texts):
            cells_t = tuple(texts)
            self.blocks.append(Block("table_row", "\t".join(cells_t), line, cells=cells_t,
                                     table=tid, bold=bool(bolds) and all(bolds)))

    def definitions(self, node: LexborNode, ctx: _Ctx, depth: int) -> bool:
        """``<dl>`` of terms and values: one row per ``<dt>`` with its ``<dd>``s."""
        rows: list[list[LexborNode]] = []
        for child in node.iter():
            if child.tag == "dt":
                rows.append([child])
            elif child.tag == "dd" and rows:
                rows[-1].append(child)
            elif child.tag in ("dt", "dd") or child.tag == "div":
                return False  # values without terms, or grouped entries: walk as text
        if not rows or any(_is_layout_cell(c) for r in rows for c in r):
            return False
        self.table_id += 1
        for cells in rows:
            self.counter += 1
            self.row(cells, self.table_id, ctx, depth)
        return True

    def layout_row(self, node: LexborNode, ctx: _Ctx, depth: int) -> None:
        cells = [c for c in node.iter() if c.tag in ("td", "th")]
        self.layout_cells(cells, ctx, depth)

    def layout_cells(self, cells: list[LexborNode], ctx: _Ctx, depth: int) -> None:
        """Walk a layout row's cells; a lone number cell prefixes the next cell's first block."""
        starts: list[int] = []
        for cell in cells:
            self.flush()
            starts.append(len(self.blocks))
            self.counter += 1
            if not is_chrome_element(cell, cell.tag or "", ctx.in_main):
                self.walk(cell, ctx, depth + 1)
            self.flush()
        starts.append(len(self.blocks))
        if len(starts) >= 3 and starts[1] - starts[0] == 1 and starts[2] > starts[1]:
            num = self.blocks[starts[0]]
            first = self.blocks[starts[1]]
            if _NUMBER_CELL.match(num.text):
                self.blocks[starts[1]] = replace(first, text=f"{num.text} {first.text}",
                                                 line=num.line)
                del self.blocks[starts[0]]


def _is_layout_cell(cell: LexborNode) -> bool:
    if cell.css_first(_HEADINGS) is not None:
        return True
    return len(cell.css("p,div,li,ul,ol,blockquote")) >= _LAYOUT_BLOCKS


def read_html(text: str, vocab: Vocabulary | None = None) -> Document:
    """Blocks of an HTML page or fragment (entities decoded, whitespace and NBSP normalised)."""
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    walker = _Walker(vocab or Vocabulary.default())
    if root is not None:
        walker.walk(root, _Ctx())
        walker.flush()
    return Document(walker.blocks, "html")
