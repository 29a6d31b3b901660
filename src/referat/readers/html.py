"""HTML reader: one walk over a selectolax (lexbor) tree turns a web page into blocks.

Headings (``h1``-``h6``) keep their level; a line whose text is all bold (``<b>``, ``<strong>``,
``font-weight: bold``) is marked ``bold``; paragraphs, ``div``s with direct text and ``<br>``
breaks become separate blocks; ``<li>`` becomes ``list_item`` (nested lists flattened).
Innermost tables with more than one column become ``table_row`` blocks sharing a table id, except
rows whose cells hold whole sections (headings, many paragraphs): those are page layout and are
walked like any other container, a short number in the first cell being joined to the first block
of the next ("1" + "<h2>Title</h2>" -> "1 Title"). Tables that contain tables are layout too.

Page chrome is kept apart, not deleted: navigation, page headers and footers, forms and buttons
that hold no content, elements whose ARIA role or class/id names them as menus, cookie banners,
dialogs, badges and the like (see :mod:`referat.readers.html_chrome`), and lines the vocabulary
lists as chrome ("Tilbage til forsiden", "Hent som PDF", ...) become blocks on the ``furniture``
layer (kind ``chrome``; ``hidden`` for ``aria-hidden`` elements), in reading order. Scripts,
styles and other elements that show no text are not read. A ``<header>`` holding the meeting's
header and a ``<nav>`` holding the page's contents are content (see
:mod:`~referat.readers.html_chrome`); ``<dl>`` entries, also grouped in ``<div>``s, are rows.
A page whose body has no ``<h1>`` gets its ``<title>`` (less a site name after ``" | "``) as a
first heading, with the path ``html/head/title[1]``.

Spans: :attr:`Document.text` is the page source as given. ``path`` names the block's nearest
block-level element (``"html/body/div[2]/p[1]"``, resolved by
:func:`referat.readers.html_source.element_at`); a table row's path is its ``<tr>``. ``start``/
``end`` are the offsets of the block's text in the source, found by searching its words in order
(:class:`~referat.readers.html_source.SourceLocator`); ``-1`` when they are not there verbatim
(entities, soft hyphens). ``line`` is a running element index.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Block, BlockKind, Document
from ..vocabulary import Vocabulary
from ._clean import NBSP_TAB, normalize, split_bullet
from .html_chrome import ALWAYS_DROP, BLOCK_TAGS, CHROME, SKIP, chrome_kind
from .html_source import SourceLocator, child_paths, is_element

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_CONTENTFUL = regex.compile(r"[\p{L}\p{N}]")
_CELL = "\ue000"  # private-use character: never in real text
_NEUTRAL = regex.compile(r"^[\s\p{P}]*$")
_BOLD_STYLE = regex.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", regex.IGNORECASE)
_NUMBER_CELL = regex.compile(
    r"^(?:punkt|pkt\.?|sag(?:\s+nr\.?)?|nr\.?)?\s*\d{1,4}(?:\.\d{1,3})*\s*[.:)]?$", regex.IGNORECASE
)
_HEADINGS = "h1,h2,h3,h4,h5,h6"
_MAIN = "main,article,[role=main]"
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


@dataclass(slots=True)
class _Line:
    """Text gathered for one block: pieces with their boldness, where it began."""

    parts: list[tuple[str, bool]] = field(default_factory=list)
    line: int = 0
    ctx: _Ctx = field(default_factory=_Ctx)
    path: str = ""
    at: int = 0  # index in the block list when the line began


@cache
def _with(ctx: _Ctx, **changes: Any) -> _Ctx:
    """``ctx`` with ``changes`` (contexts are few; the walk asks for the same ones again)."""
    return replace(ctx, **changes)


def _first_word(text: str) -> str:
    m = _WORD.search(text)
    return m.group(0).casefold() if m else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Walker:
    def __init__(self, vocab: Vocabulary, counter: int = 0, path: list[str] | None = None) -> None:
        self.vocab = vocab
        self._chrome_starts = frozenset(_first_word(c) for c in vocab.chrome)
        self.blocks: list[Block] = []
        self.counter = counter
        self.table_id = 0
        self._body = _Line()
        self._tab_table = False
        self._last_body = -1  # index of the last body block
        self.n_body = 0
        self.has_main = False  # the page marks its content with <main> or <article>
        self.path: list[str] = path or ["html", "body"]
        self._block_at: list[int] = [len(self.path)]  # path lengths of enclosing block elements

    # --- lines --------------------------------------------------------------------------------

    def text(self, raw: str, ctx: _Ctx) -> None:
        if "\u00a0" in raw:  # a run of NBSPs is a tab in Word's HTML: a column break
            raw = NBSP_TAB.sub(_CELL, raw)
        raw = normalize(raw)
        if ctx.pre and "\n" in raw:
            first, *rest = raw.split("\n")
            self.text(first, _with(ctx, pre=False))
            for piece in rest:
                self.flush()
                self.text(piece, _with(ctx, pre=False))
            return
        if raw and not raw.isspace():
            lead = " " if raw[0].isspace() else ""
            tail = " " if raw[-1].isspace() else ""
            raw = lead + " ".join(raw.split()) + tail
        elif raw:
            raw = " "
        line = self._body
        if not line.parts:
            if not raw.strip():
                return
            line.line, line.ctx, line.at = self.counter, ctx, len(self.blocks)
            line.path = "/".join(self.path[:self._block_at[-1]])
        line.parts.append((raw, ctx.bold))

    def flush(self) -> None:
        """End the line being gathered (chrome inside it does not: it goes to the furniture
        layer without splitting the line)."""
        line = self._body
        if not line.parts:
            return
        text = "".join(t for t, _ in line.parts).strip()
        meaningful = [b for t, b in line.parts if not _NEUTRAL.match(t)] \
            if any(b for _, b in line.parts) else []
        line.parts.clear()
        if not _CONTENTFUL.search(text):
            return
        lctx = line.ctx
        bold = bool(meaningful) and all(meaningful)
        furniture = ""
        if len(text) <= _MAX_CHROME and _first_word(text) in self._chrome_starts and \
                self.vocab.is_chrome(text):
            furniture = CHROME
        if _CELL in text:
            cells = tuple(_squash(c) for c in text.strip(_CELL + " ").split(_CELL))
            if len(cells) > 1 and not furniture:
                self.tab_row(cells, line, bold)
                return
            text = " ".join(cells)
        kind = lctx.kind
        if kind == "para":
            bullet, rest = split_bullet(text)
            if bullet:
                kind, text = "list_item", rest
        block = Block(kind, _squash(text), line.line, level=lctx.level, bold=bold, path=line.path,
                      layer="furniture" if furniture else "body", furniture=furniture)
        self.emit(block, line.at)

    def emit(self, block: Block, at: int | None = None) -> None:
        """Add ``block``; a body line that began before furniture emitted meanwhile goes before
        it, so blocks stay in reading order."""
        if at is None or at >= len(self.blocks):
            at = len(self.blocks)
            self.blocks.append(block)
        else:
            self.blocks.insert(at, block)
            if self._last_body >= at:
                self._last_body += 1
        if block.layer == "body":
            self._last_body = max(self._last_body, at)
            self.n_body += 1

    def _first_body(self, i: int) -> int:
        while self.blocks[i].layer != "body":
            i += 1
        return i

    def tab_row(self, cells: tuple[str, ...], line: _Line, bold: bool) -> None:
        """A line split into columns by tabs; consecutive such lines form one table."""
        prev = self.blocks[self._last_body] if self._last_body >= 0 else None
        if prev is None or prev.kind != "table_row" or prev.table != self.table_id or \
                not self._tab_table:
            self.table_id += 1
        self._tab_table = True
        self.emit(Block("table_row", "\t".join(cells), line.line, cells=cells,
                        table=self.table_id, bold=bold, path=line.path), line.at)

    # --- tree ---------------------------------------------------------------------------------

    def walk(self, node: LexborNode, ctx: _Ctx, depth: int = 0) -> None:
        counts: dict[str, int] = {}
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                if child.text_content:
                    self.text(child.text_content, ctx)
                continue
            if not is_element(tag):
                continue
            assert tag is not None
            k = counts[tag] = counts.get(tag, 0) + 1
            self.counter += 1
            if tag == "br":
                self.flush()
                continue
            kind = chrome_kind(child, tag, ctx.in_main, self.has_main)
            if kind == SKIP:
                continue
            self.path.append(f"{tag}[{k}]")
            if kind:
                self.chrome(child, kind)
            elif depth >= _MAX_DEPTH:
                self.text(child.text(deep=True), ctx)
            else:
                self.element(child, tag, ctx, depth)
            self.path.pop()

    def chrome(self, node: LexborNode, kind: str) -> None:
        """A chrome element becomes one furniture block (the body line being gathered goes on,
        and its block is placed before this one)."""
        parts: list[str] = []
        _chrome_text(node, parts, 0)
        text = _squash(normalize("".join(parts)))
        if _CONTENTFUL.search(text):
            self.emit(Block("para", text, self.counter, path="/".join(self.path),
                            layer="furniture", furniture=kind))

    def element(self, node: LexborNode, tag: str, ctx: _Ctx, depth: int) -> None:
        sub = ctx
        if tag in ("b", "strong") or _BOLD_STYLE.search(node.attributes.get("style") or ""):
            sub = _with(sub, bold=True)
        if tag in ("main", "article", "section"):
            sub = _with(sub, in_main=True)
        if tag not in BLOCK_TAGS:
            self.walk(node, sub, depth + 1)
            return
        self.flush()
        self._block_at.append(len(self.path))
        self.block(node, tag, sub, depth)
        self._block_at.pop()

    def block(self, node: LexborNode, tag: str, sub: _Ctx, depth: int) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            sub = _with(sub, kind="heading", level=int(tag[1]))
        elif tag == "li" and sub.kind != "heading":
            sub = _with(sub, kind="list_item")
        elif tag == "pre":
            sub = _with(sub, pre=True)
        if (tag == "table" and self.table(node, sub, depth)) or \
                (tag == "dl" and self.definitions(node, sub, depth)):
            return
        before = self._last_body
        if tag == "tr":
            self.layout_row(node, sub, depth)
        else:
            self.walk(node, sub, depth + 1)
        self.flush()
        if sub.kind == "heading" and self._last_body == before and tag[0] == "h":
            # an empty heading still ends the section before it
            self.emit(Block("heading", "", self.counter, level=sub.level,
                            path="/".join(self.path)))

    # --- tables -------------------------------------------------------------------------------

    def table(self, node: LexborNode, ctx: _Ctx, depth: int) -> bool:
        """Emit an innermost multi-column table as rows; False leaves it to the layout walk."""
        if len(node.css("table")) > 1:  # the selector matches the node itself too
            return False
        trs = node.css("tr")
        rows = [[c for c in tr.iter() if c.tag in ("td", "th")] for tr in trs]
        if max((len(r) for r in rows), default=0) < 2:
            return False
        self.table_id += 1
        tid = self.table_id
        here = "/".join(self.path)
        paths = child_paths(node, here)
        for section in node.iter():
            if section.tag in ("thead", "tbody", "tfoot"):
                paths.update(child_paths(section, paths[section.mem_id]))
        saved = self.path
        for tr, cells in zip(trs, rows, strict=True):
            self.counter += 1
            self.path = paths.get(tr.mem_id, here).split("/")
            if any(_is_layout_cell(c) for c in cells):
                self._block_at.append(len(self.path))
                self.layout_cells(cells, ctx, depth)
                self._block_at.pop()
            else:
                self.row(cells, tid, ctx, depth)
        self.path = saved
        return True

    def row(self, cells: list[LexborNode], tid: int, ctx: _Ctx, depth: int,
            path: str = "") -> None:
        """One ``table_row`` block from cells holding values (lines inside a cell kept);
        ``path`` is the row element's (default: the element being walked)."""
        line = self.counter
        here = path or "/".join(self.path)
        cell_paths = child_paths(cells[0].parent, here) if cells and cells[0].parent else {}
        texts: list[str] = []
        bolds: list[bool] = []
        furniture: list[Block] = []
        for cell in cells:
            inner = _Walker(self.vocab, self.counter,
                            cell_paths.get(cell.mem_id, here).split("/"))
            inner.has_main = self.has_main
            inner.walk(cell, _with(ctx, kind="para", level=0), depth + 1)
            inner.flush()
            self.counter = inner.counter
            body = [b for b in inner.blocks if b.layer == "body"]
            furniture.extend(b for b in inner.blocks if b.layer != "body")
            texts.append("\n".join(b.text for b in body))
            bolds.extend(b.bold for b in body)
        self._tab_table = False
        if any(texts):
            cells_t = tuple(texts)
            self.emit(Block("table_row", "\t".join(cells_t), line, cells=cells_t,
                            table=tid, bold=bool(bolds) and all(bolds), path=here))
        for b in furniture:
            self.emit(b)

    def definitions(self, node: LexborNode, ctx: _Ctx, depth: int) -> bool:
        """``<dl>`` of terms and values: one row per ``<dt>`` with its ``<dd>``s (entries may be
        grouped in ``<div>``s, as HTML allows)."""
        rows: list[list[LexborNode]] = []
        for child in _dl_entries(node):
            if child.tag == "dt":
                rows.append([child])
            elif child.tag == "dd" and rows:
                rows[-1].append(child)
            elif child.tag in ("dt", "dd", "div"):
                return False  # values without terms, or deeper groups: walk as text
        if not rows or any(_is_layout_cell(c) for r in rows for c in r):
            return False
        self.table_id += 1
        here = "/".join(self.path)
        groups = child_paths(node, here)  # <div> groups of entries
        for cells in rows:
            self.counter += 1
            parent = cells[0].parent
            self.row(cells, self.table_id, ctx, depth,
                     groups.get(parent.mem_id, here) if parent is not None else here)
        return True

    def layout_row(self, node: LexborNode, ctx: _Ctx, depth: int) -> None:
        cells = [c for c in node.iter() if c.tag in ("td", "th")]
        self.layout_cells(cells, ctx, depth)

    def layout_cells(self, cells: list[LexborNode], ctx: _Ctx, depth: int) -> None:
        """Walk a layout row's cells; a lone number cell prefixes the next cell's first block."""
        here = "/".join(self.path)
        cell_paths = child_paths(cells[0].parent, here) if cells and cells[0].parent else {}
        saved = self.path
        bodies: list[tuple[int, int]] = []  # per cell: body blocks made, where they begin
        for cell in cells:
            self.flush()
            start, count = len(self.blocks), self.n_body
            self.counter += 1
            self.path = cell_paths.get(cell.mem_id, here).split("/")
            self._block_at.append(len(self.path))
            kind = chrome_kind(cell, cell.tag or "", ctx.in_main, self.has_main)
            if kind and kind != SKIP:
                self.chrome(cell, kind)
            elif not kind:
                self.walk(cell, ctx, depth + 1)
            self.flush()
            self._block_at.pop()
            bodies.append((self.n_body - count, start))
        self.path = saved
        if len(bodies) < 2 or bodies[0][0] != 1 or not bodies[1][0]:
            return
        i, j = self._first_body(bodies[0][1]), self._first_body(bodies[1][1])
        num, first = self.blocks[i], self.blocks[j]
        if _NUMBER_CELL.match(num.text):
            self.blocks[j] = first._replace(text=f"{num.text} {first.text}", line=num.line,
                                     path=here)
            del self.blocks[i]
            self.n_body -= 1
            self._last_body -= 1


def _title_block(tree: LexborHTMLParser, blocks: list[Block],
                 locate: SourceLocator) -> Block | None:
    """The page's ``<title>`` as a first heading when the body has no ``<h1>`` (a site name
    after ``" | "`` left out); ``None`` when there is an ``<h1>`` or no title."""
    if any(b.kind == "heading" and b.level == 1 and b.layer == "body" for b in blocks):
        return None
    node = tree.css_first("head > title")
    if node is None:
        return None
    text = _squash(normalize(node.text(deep=True))).split(" | ")[0].strip()
    if not _CONTENTFUL.search(text) or (blocks and blocks[0].text == text):
        return None
    start, end = locate.find_from(0, text)
    return Block("heading", text, 0, level=1, path="html/head/title[1]", start=start, end=end)


def _dl_entries(dl: LexborNode) -> list[LexborNode]:
    """The ``<dt>``/``<dd>`` children of a definition list, ``<div>`` groups opened."""
    out: list[LexborNode] = []
    for child in dl.iter():
        if child.tag == "div" and any(c.tag in ("dt", "dd") for c in child.iter()):
            out.extend(c for c in child.iter() if is_element(c.tag))
        else:
            out.append(child)
    return out


def _chrome_text(node: LexborNode, parts: list[str], depth: int) -> None:
    """The text of a chrome element, a space between its elements (buttons and links sit side
    by side in menus); scripts and the like left out."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif is_element(tag) and tag not in ALWAYS_DROP and depth < _MAX_DEPTH:
            parts.append(" ")
            _chrome_text(child, parts, depth + 1)
            parts.append(" ")


def _is_layout_cell(cell: LexborNode) -> bool:
    if cell.css_first(_HEADINGS) is not None:
        return True
    return len(cell.css("p,div,li,ul,ol,blockquote")) >= _LAYOUT_BLOCKS


def read_html(text: str, vocab: Vocabulary | None = None) -> Document:
    """Blocks of an HTML page or fragment (entities decoded, whitespace and NBSP normalised)."""
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    path = ["html", "body"] if tree.body is not None else ["html"]
    walker = _Walker(vocab or Vocabulary.default(), path=path)
    walker.has_main = tree.css_first(_MAIN) is not None
    if root is not None:
        walker.walk(root, _Ctx())
        walker.flush()
    locate = SourceLocator(text)
    title = _title_block(tree, walker.blocks, locate)
    if title is not None:
        walker.blocks.insert(0, title)
    blocks = walker.blocks
    for k in range(1 if title else 0, len(blocks)):
        start, end = locate.find(blocks[k].text)
        if start >= 0:
            blocks[k] = blocks[k].located(start, end)
    return Document(blocks, "html", text=text)
