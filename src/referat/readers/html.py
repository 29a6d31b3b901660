"""HTML reader (placeholder until the selectolax reader lands)."""

from __future__ import annotations

from ..blocks import Document
from .text import read_text

_TAGS = r"<[^>]+>"


def read_html(text: str) -> Document:
    import regex

    doc = read_text(regex.sub(_TAGS, "\n", text))
    doc.format = "html"
    return doc
