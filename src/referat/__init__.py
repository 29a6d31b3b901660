"""referat: Danish municipal meeting minutes (referater, dagsordener) in, validated data out.

>>> import referat
>>> meeting = referat.parse("minutes.pdf")          # or .txt / .md / .html, bytes or text
>>> [(item.number, item.title) for item in meeting.items]
>>> html = referat.inspect("minutes.pdf")         # a report drawing what was read
"""

from .api import analyse, parse
from .batch import convert, iter_parse
from .errors import ReferatError
from .inspector import inspect
from .limits import Limits
from .models import (
    AgendaItem,
    Attachment,
    Decision,
    Meeting,
    ParseIssue,
    Participant,
    Section,
    SourceInfo,
    Table,
    TocEntry,
)
from .vocabulary import Vocabulary

__version__ = "0.1.0"

__all__ = [
    "AgendaItem",
    "Attachment",
    "Decision",
    "Limits",
    "Meeting",
    "ParseIssue",
    "Participant",
    "ReferatError",
    "Section",
    "SourceInfo",
    "Table",
    "TocEntry",
    "Vocabulary",
    "__version__",
    "analyse",
    "convert",
    "inspect",
    "iter_parse",
    "parse",
]
