"""The output contract (docs/contract.md) as pydantic models, version 2.

``Meeting.model_dump(mode="json")`` is the JSON that ``referat parse`` and ``referat convert`` emit;
:func:`json_schema` is its JSON Schema (``referat schema``). Every node that comes from the
document carries ``source``: the spans of the source it was read from (page and box for PDF;
line and character offsets for text and Markdown; element path for HTML).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = "2"
SCHEMA_ID = "urn:referat:schema:meeting:2"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Time = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Page = Annotated[int, Field(ge=1)]
SectionKind = Literal[
    "summary",
    "recommendation",
    "treatment",
    "presentation",
    "financial",
    "decision",
    "attachments",
    "case_type",
    "history",
    "hearing",
    "legal",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=True)


class Span(_Model):
    """One stretch of the source a node was read from. Which fields are set depends on the
    format: PDF gives ``page`` and ``bbox``; text and Markdown give ``line``/``end_line`` and
    ``start``/``end``; HTML gives ``path`` (and ``start``/``end`` into the page's source when
    known)."""

    page: Page | None = Field(default=None, description="1-based page number (PDF, or text "
                              "with page markers)")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="box on the page in PDF points: x0, top, x1, bottom, origin "
        "at the top-left corner")
    line: int | None = Field(default=None, ge=1, description="1-based first source line")
    end_line: int | None = Field(default=None, ge=1, description="1-based last source line")
    start: int | None = Field(default=None, ge=0, description="character offset where the span "
                              "starts in the decoded source text")
    end: int | None = Field(default=None, ge=0, description="character offset where the span "
                            "ends (exclusive)")
    path: str | None = Field(default=None, description="HTML element path, e.g. "
                             "'html/body/div[2]/h2[1]'")


_SOURCE_DOC = "where in the source document this was read from"


class SourceInfo(_Model):
    """The input document."""

    path: str | None = Field(default=None, description="the input's path as given, or null for "
                             "text or bytes")
    format: Literal["text", "markdown", "pdf", "html"] = Field(
        description="the format detected from the content, not the file name")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes")
    pages: int | None = Field(default=None, ge=0, description="number of pages (PDF, or text "
                              "with page markers)")


class Participant(_Model):
    """A member or guest listed for the meeting."""

    name: str = Field(min_length=1, description="the name as printed")
    absent: bool = Field(default=False, description="true for '(Fravær)', 'Afbud', 'Fraværende'")
    note: str | None = Field(default=None, description="what is printed beside the name "
                             "(party, role, reason)")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class TocEntry(_Model):
    """A line of the table of contents (Indholdsfortegnelse)."""

    number: int | None = Field(default=None, ge=1, description="the item number printed, or null")
    title: str = Field(description="the entry's title, without number or page")
    page: int | None = Field(default=None, ge=1, description="the page number printed, or null")
    closed: bool = Field(default=False, description="marked closed (Lukket)")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class Section(_Model):
    """A headed part of an item (Resume, Sagsfremstilling, Beslutning, ...)."""

    kind: SectionKind = Field(description="what the section is, from its heading")
    heading: str = Field(description="the heading as printed (empty for an unheaded section)")
    text: str = Field(default="", description="the section's text: paragraphs separated by a "
                      "blank line, list items by '• ', no markup")
    pages: list[Page] = Field(default_factory=list, description="pages the section spans (PDF)")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class Decision(_Model):
    """A decision recorded on an item, this meeting's or an earlier body's."""

    body: str | None = Field(default=None, description="the body that decided")
    date: dt.date | None = Field(default=None, description="the date of the decision")
    text: str = Field(default="", description="the decision's text")
    points: list[str] = Field(default_factory=list, description="numbered or 'at ...' points of "
                              "the decision")
    final: bool = Field(default=False, description="true for the decision of the meeting this "
                        "document records")
    pages: list[Page] = Field(default_factory=list, description="pages the decision spans (PDF)")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class Attachment(_Model):
    """A line of the item's Bilag."""

    title: str = Field(min_length=1, description="the attachment's title")
    document_number: str | None = Field(default=None, description="its document number, or null")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class Table(_Model):
    """A table printed inside an item."""

    section: str | None = Field(default=None, description="heading of the section it stands in")
    rows: list[list[str]] = Field(default_factory=list, description="rows of cell strings, header "
                                  "row first")
    pages: list[Page] = Field(default_factory=list, description="pages the table spans (PDF)")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class AgendaItem(_Model):
    """One agenda item (Punkt)."""

    number: int | None = Field(default=None, ge=1, description="the number printed at the item, "
                               "or null when none is printed (never invented)")
    position: int = Field(default=0, ge=0, description="1-based order of the item in the "
                          "document")
    title: str = Field(description="title without number and without a closed marker")
    closed: bool = Field(default=False, description="true for closed items (Lukket, Fortroligt)")
    case_number: str | None = Field(default=None, description="Sagsnr. as printed")
    journal_number: str | None = Field(default=None, description="J.nr. / KLE number")
    document_number: str | None = Field(default=None, description="Dokumentnr.")
    case_type: str | None = Field(default=None, description="Sagstype")
    sections: list[Section] = Field(default_factory=list, description="sections in document "
                                    "order")
    decisions: list[Decision] = Field(default_factory=list, description="every decision recorded "
                                      "on the item; the meeting's own has final=true")
    absent: list[str] = Field(default_factory=list, description="names absent or not taking part "
                              "for this item")
    recommendations: list[str] = Field(default_factory=list, description="the points of the "
                                       "Indstilling")
    attachments: list[Attachment] = Field(default_factory=list, description="the item's Bilag")
    tables: list[Table] = Field(default_factory=list, description="tables inside the item")
    pages: list[Page] = Field(default_factory=list, description="pages the item spans (PDF)")
    notes: list[str] = Field(default_factory=list, description="lines kept that fit no other "
                             "field")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class ParseIssue(_Model):
    """Something the parser noticed or could not establish with confidence."""

    severity: Literal["info", "warning", "error"] = Field(description="how much it matters")
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a stable machine-readable code")
    message: str = Field(description="what was noticed, in words")
    item: int | None = Field(default=None, description="the number of the item concerned, if any")
    position: int | None = Field(default=None, ge=1, description="the position of the item "
                                 "concerned, if any")
    source: list[Span] = Field(default_factory=list, description=_SOURCE_DOC)


class FurniturePage(_Model):
    """Page furniture set aside on one page (running headers and footers, page numbers, web
    chrome): reported so it can be checked, never parsed as content."""

    page: int | None = Field(default=None, ge=1, description="the page, or null for input "
                             "without pages")
    count: int = Field(ge=0, description="number of furniture blocks set aside")
    kinds: dict[str, int] = Field(default_factory=dict, description="count per furniture kind")
    texts: list[str] = Field(default_factory=list, description="the furniture's text (only when "
                             "asked for)")


class Meeting(_Model):
    """One meeting document: its header, table of contents and agenda items."""

    model_config = ConfigDict(
        json_schema_extra={"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID},
    )

    schema_version: Literal["2"] = Field(default="2", description="version of this contract")
    source: SourceInfo = Field(description="the input document")
    title: str | None = Field(default=None, description="the document's title line")
    document_type: Literal["referat", "dagsorden"] | None = Field(
        default=None, description="referat (minutes) or dagsorden (agenda), or null")
    committee: str | None = Field(default=None, description="the body that met")
    date: dt.date | None = Field(default=None, description="the meeting's date")
    start_time: Time | None = Field(default=None, description="start time, HH:MM")
    end_time: Time | None = Field(default=None, description="end time, HH:MM")
    location: str | None = Field(default=None, description="Mødested")
    participants: list[Participant] = Field(default_factory=list, description="Mødedeltagere")
    toc: list[TocEntry] = Field(default_factory=list, description="the table of contents")
    items: list[AgendaItem] = Field(default_factory=list, description="agenda items in document "
                                    "order")
    notes: list[str] = Field(default_factory=list, description="header lines that fit no other "
                             "field, and the end matter after the last item (signature page, "
                             "list of attachments)")
    furniture: list[FurniturePage] = Field(default_factory=list, description="page furniture set "
                                           "aside, per page")
    issues: list[ParseIssue] = Field(default_factory=list, description="what the parser noticed")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Meeting` (``referat schema``)."""
    return Meeting.model_json_schema()


__all__ = [
    "SCHEMA_VERSION",
    "AgendaItem",
    "Attachment",
    "Decision",
    "FurniturePage",
    "Meeting",
    "ParseIssue",
    "Participant",
    "Section",
    "SectionKind",
    "SourceInfo",
    "Span",
    "Table",
    "TocEntry",
    "json_schema",
]
