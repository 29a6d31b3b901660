"""Parsers: the block stream in, contract models out. Each module does one job; ``document``
puts them together. Parsers know document structure, never file formats."""

from .document import analyse_document, parse_document
from .stream import Analysis, Labelled

__all__ = ["Analysis", "Labelled", "analyse_document", "parse_document"]
