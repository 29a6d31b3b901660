"""Readers: bytes or text of one format in, a :class:`referat.blocks.Document` out.

Format knowledge lives here and nowhere else. :func:`detect_format` looks at the content, never
at the file name.
"""

from __future__ import annotations

import regex

from ..blocks import Document, Format
from .markdown import read_markdown
from .text import read_text

_MD_SIGNALS = [
    regex.compile(r"^\s{0,3}#{1,6}\s+\S", regex.MULTILINE),
    regex.compile(r"^\s*\*\*[^*\n]+\*\*\s*$", regex.MULTILINE),
    regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", regex.MULTILINE),
    regex.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    regex.compile(r"\\[_*#]"),
]
_MD_NEEDS = ("#", "**", "---", "](", "\\")  # what each signal cannot match without
_HTML_DOC = regex.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
                          regex.IGNORECASE)
_HTML_TAG = regex.compile(r"</?(?:div|p|span|table|tr|td|h[1-6]|ul|li|a|body|section)\b",
                          regex.IGNORECASE)


def detect_format(data: bytes | str) -> Format:
    """``pdf``, ``html``, ``markdown`` or ``text``, judged from the content."""
    if isinstance(data, bytes):
        if b"%PDF-" in data[:1024]:
            return "pdf"
        head = data[:65536].decode("utf-8", "replace")
    else:
        head = data[:65536]
    if _HTML_DOC.search(head[:2048]):
        return "html"
    lines = max(1, head.count("\n"))
    tags = len(_HTML_TAG.findall(head)) if "<" in head else 0
    if tags > max(20, lines // 2):
        return "html"
    if tags >= 3 and _HTML_TAG.match(head.lstrip()):  # a fragment: starts with a block tag
        return "html"
    hits = sum(1 for rx, needs in zip(_MD_SIGNALS, _MD_NEEDS, strict=True)
               if needs in head and rx.search(head))
    headings = len(_MD_SIGNALS[0].findall(head)) if "#" in head else 0
    if hits >= 2 or headings >= 3:
        return "markdown"
    return "text"


def read(data: bytes | str, fmt: Format, *, name: str = "<input>") -> Document:
    """Run the reader for ``fmt``. ``data`` is already-decoded text except for PDF."""
    if fmt == "pdf":
        from .pdf import read_pdf

        if not isinstance(data, bytes):
            raise TypeError("PDF input must be bytes")
        return read_pdf(data, name=name)
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if fmt == "html":
        from .html import read_html

        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return read_text(text)


__all__ = ["detect_format", "read"]
