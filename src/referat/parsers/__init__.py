"""Parsers: the block stream in, contract models out. Each module does one job; ``document``
puts them together. Parsers know document structure, never file formats."""

from ..blocks import Document
from ..models import SourceInfo
from ..vocabulary import Vocabulary
from .document import parse_document
from .stream import Analysis, Labelled


def analyse_document(doc: Document, source: SourceInfo, vocab: Vocabulary) -> Analysis:
    """Parse ``doc`` and return the meeting with the labelled stream.

    (Until the labelling pass lands, every block is labelled by the reader's layer only.)
    """
    meeting = parse_document(doc, source, vocab)
    stream = [Labelled(i, b, "furniture" if b.is_furniture else "body",
                       "reader" if b.is_furniture else "unlabelled")
              for i, b in enumerate(doc.blocks)]
    return Analysis(document=doc, meeting=meeting, stream=stream)


__all__ = ["Analysis", "Labelled", "analyse_document", "parse_document"]
