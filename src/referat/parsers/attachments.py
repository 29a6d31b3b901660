"""Attachments (Bilag): one title a line, a document number on the same or the next line
(``"326-2021-  \\n56646"`` is joined), numbering stripped, duplicates in one item merged."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Attachment
from ..vocabulary import Vocabulary
from .casenumbers import field_labels
from .patterns import alternation


@lru_cache(maxsize=8)
def _patterns(vocab: Vocabulary) -> tuple[regex.Pattern[str], ...]:
    """A document number alone on a line or ending it (perhaps after its label), and an
    attachment's numbering ("Bilag 2:", "3)")."""
    label = rf"(?:(?:{field_labels(vocab, 'document_number')})\.?:?\s*)?"
    heads = alternation(vocab.sections.get("attachments", ()))
    return (
        regex.compile(rf"^{label}(?P<no>\d{{2,4}}-\d{{4}}-\d*|\d{{4,}})$", regex.IGNORECASE),
        regex.compile(rf"\s+{label}(?P<no>\d{{3}}-\d{{4}}-\d+)$", regex.IGNORECASE),
        regex.compile(rf"^(?:(?:{heads})\s*)?\(?\d{{1,2}}(?:\.\d{{1,2}})*\s*[.):]\s*(?=\S)",
                      regex.IGNORECASE),
    )


_NONE = regex.compile(r"^(?:ingen(?:\s+bilag)?|intet|-)\.?$", regex.IGNORECASE)


def parse_attachments(lines: list[str], vocab: Vocabulary) -> list[Attachment]:
    docno_line, docno_tail, numbering = _patterns(vocab)
    out: list[Attachment] = []
    pending_no: str | None = None
    for raw in lines:
        line = raw.strip().lstrip("•-–· ").strip()
        if not line or _NONE.match(line):
            continue
        m = docno_line.match(line)
        if m and out:
            no = m["no"]
            if pending_no is not None:
                no = pending_no + no
                pending_no = None
            elif no.endswith("-"):
                pending_no = no
                continue
            last = out[-1]
            if last.document_number and last.document_number.endswith("-"):
                last.document_number += no
            elif last.document_number is None:
                last.document_number = no
            continue
        if pending_no is not None and out and line.isdecimal():
            out[-1].document_number = pending_no + line
            pending_no = None
            continue
        pending_no = None
        title = numbering.sub("", line).strip()
        docno: str | None = None
        t = docno_tail.search(title)
        if t:
            docno, title = t["no"], title[: t.start()].strip()
        if title:
            out.append(Attachment(title=title, document_number=docno))
    return merge_attachments(out)


_NON_WORD = regex.compile(r"\W+")


def merge_attachments(items: list[Attachment]) -> list[Attachment]:
    """The same attachment listed twice (with and without its number) becomes one entry."""
    merged: dict[str, Attachment] = {}
    for a in items:
        key = _NON_WORD.sub(" ", a.title).strip().casefold()
        first = merged.get(key)
        if first is None:
            merged[key] = a
        elif not first.document_number and a.document_number:
            merged[key] = first.model_copy(update={"document_number": a.document_number})
    return list(merged.values())
