"""Readers: bytes or text of one format in, a :class:`referat.blocks.Document` out.

Format knowledge lives here and nowhere else. :func:`detect_format` looks at the content, never
at the file name.
"""

from __future__ import annotations

import regex

from ..blocks import Document, Format
from .markdown import read_markdown
from .text import read_text

_MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+\S", regex.MULTILINE)
# Markdown's signals, each with what it cannot match without. The line patterns are matched
# only at the start of a line holding that (a multi-line search would try every position).
_MD_LINES = (
    ("#", _MD_HEADING),
    ("**", regex.compile(r"[ \t]*\*\*[^*\n]+\*\*[ \t]*$", regex.MULTILINE)),
    ("---", regex.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|")),
)
_MD_INLINE = (
    ("](", regex.compile(r"\[[^\]\n]+\]\([^)\s]+\)")),
    ("\\", regex.compile(r"\\[_*#]")),
)

_HTML_DOC = regex.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
                          regex.IGNORECASE)
_HTML_TAG = regex.compile(r"</?(?:div|p|span|table|tr|td|h[1-6]|ul|li|a|body|section)\b",
                          regex.IGNORECASE)


def _on_a_line(head: str, needs: str, rx: regex.Pattern[str]) -> bool:
    """Does ``rx`` match at the start of a line of ``head`` holding ``needs``?"""
    pos = head.find(needs)
    while pos >= 0:
        if rx.match(head, head.rfind("\n", 0, pos) + 1):
            return True
        end = head.find("\n", pos)
        pos = head.find(needs, end) if end >= 0 else -1
    return False


def is_pdf(data: bytes) -> bool:
    """Do the bytes start (within their first KiB) as a PDF does?"""
    return b"%PDF-" in data[:1024]


def detect_format(data: bytes | str) -> Format:
    """``pdf``, ``html``, ``markdown`` or ``text``, judged from the content."""
    if isinstance(data, bytes):
        if is_pdf(data):
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
    hits = sum(1 for needs, rx in _MD_LINES if _on_a_line(head, needs, rx)) + \
        sum(1 for needs, rx in _MD_INLINE if needs in head and rx.search(head))
    headings = len(_MD_HEADING.findall(head)) if "#" in head else 0
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


__all__ = ["detect_format", "is_pdf", "read"]
