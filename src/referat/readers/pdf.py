"""PDF reader (placeholder until the pdfplumber reader lands)."""

from __future__ import annotations

from ..blocks import Document
from ..errors import UnsupportedFormatError


def read_pdf(data: bytes, *, name: str = "<pdf>") -> Document:
    raise UnsupportedFormatError(name, "PDF reading is not available yet")
