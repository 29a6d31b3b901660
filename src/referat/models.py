"""The output contract (docs/contract.md) as pydantic models.

``Meeting.model_dump(mode="json")`` is the JSON that ``referat parse`` and ``referat convert`` emit.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = "1"

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


class SourceInfo(_Model):
    path: str | None = None
    format: Literal["text", "markdown", "pdf", "html"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    pages: int | None = Field(default=None, ge=0)


class Participant(_Model):
    name: str = Field(min_length=1)
    absent: bool = False
    note: str | None = None


class TocEntry(_Model):
    number: int | None = Field(default=None, ge=1)
    title: str
    page: int | None = Field(default=None, ge=1)
    closed: bool = False


class Section(_Model):
    kind: SectionKind
    heading: str
    text: str = ""
    pages: list[Page] = Field(default_factory=list)


class Decision(_Model):
    body: str | None = None
    date: dt.date | None = None
    text: str = ""
    points: list[str] = Field(default_factory=list)
    final: bool = False
    pages: list[Page] = Field(default_factory=list)


class Attachment(_Model):
    title: str = Field(min_length=1)
    document_number: str | None = None


class Table(_Model):
    section: str | None = None
    rows: list[list[str]] = Field(default_factory=list)
    pages: list[Page] = Field(default_factory=list)


class AgendaItem(_Model):
    number: int = Field(ge=1)
    title: str
    closed: bool = False
    case_number: str | None = None
    journal_number: str | None = None
    document_number: str | None = None
    case_type: str | None = None
    sections: list[Section] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    pages: list[Page] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # lines kept that fit no other field


class ParseIssue(_Model):
    severity: Literal["info", "warning", "error"]
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    message: str
    item: int | None = None


class Meeting(_Model):
    schema_version: Literal["1"] = "1"
    source: SourceInfo
    title: str | None = None
    document_type: Literal["referat", "dagsorden"] | None = None
    committee: str | None = None
    date: dt.date | None = None
    start_time: Time | None = None
    end_time: Time | None = None
    location: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    toc: list[TocEntry] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # header lines that fit no other field
    issues: list[ParseIssue] = Field(default_factory=list)


__all__ = [
    "SCHEMA_VERSION",
    "AgendaItem",
    "Attachment",
    "Decision",
    "Meeting",
    "ParseIssue",
    "Participant",
    "Section",
    "SectionKind",
    "SourceInfo",
    "Table",
    "TocEntry",
]
