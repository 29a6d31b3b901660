"""Parsers: the block stream in, contract models out. Each module does one job; ``document``
puts them together. Parsers know document structure, never file formats."""

from .document import parse_document

__all__ = ["parse_document"]
