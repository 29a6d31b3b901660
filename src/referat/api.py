"""``referat.parse``: any supported input in, a validated :class:`~referat.models.Meeting` out.

Nothing but a :class:`~referat.errors.ReferatError` escapes: unexpected failures (including
ones raised inside pydantic validation) become :class:`~referat.errors.InternalError` naming the
input; ``RecursionError`` and ``MemoryError`` become :class:`~referat.errors.TooLargeError`.
``KeyboardInterrupt`` and ``SystemExit`` propagate.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Literal

from .blocks import Document, Format
from .bounds import Expired, memory_ceiling, time_limit
from .errors import (
    EmptyInputError,
    InputNotFoundError,
    InputUnreadableError,
    InternalError,
    NoTextLayerError,
    ParseTimeoutError,
    ReferatError,
    TooLargeError,
    UnsupportedFormatError,
    shown,
)
from .limits import Limits
from .models import Meeting, ParseIssue, SourceInfo
from .parsers import analyse_document
from .parsers.stream import Analysis
from .pdfcheck import check_pdf
from .readers import detect_format, is_pdf, read
from .readers.html_depth import MAX_DEPTH, limit_depth
from .textdecode import Note, clean_text, decode_text, sniff_binary
from .vocabulary import Vocabulary

Source = str | bytes | os.PathLike[str]
_FORMATS = ("text", "markdown", "pdf", "html")
_SEVERITY: dict[str, Literal["info", "warning", "error"]] = {
    "encoding_repaired": "info", "pdf_repaired": "info"}
_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".text")


def out_of_memory(name: str) -> TooLargeError:
    """The error for a parse that ran out of memory, naming the ceiling when one is set."""
    ceiling = memory_ceiling()
    if ceiling is None:
        return TooLargeError(name, "ran out of memory while parsing")
    return TooLargeError(name, f"needs more memory than the max_memory limit allows "
                               f"({ceiling:,} bytes); raise it with Limits(max_memory=...) or "
                               "--max-memory if the input is genuine")


def timeout_message(seconds: float) -> str:
    return (f"parsing did not finish within the timeout limit ({seconds:g} s); raise it with "
            "Limits(timeout=...) or --timeout if the input is genuine")


def _looks_like_path(s: str) -> bool:
    """A str is a path when it is one line and names an existing file or a document file."""
    if "\n" in s or "\x00" in s or not s.strip() or len(s) >= 4096:
        return False
    if s.lower().endswith(_SUFFIXES):
        return True
    try:
        return os.path.lexists(s)
    except (OSError, ValueError):
        return False


def _read_file(path: Path, name: str, limits: Limits) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputNotFoundError(name, "no such file") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise InputUnreadableError(name, f"cannot read the file ({reason})") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFormatError(name, "is a directory, not a document")
    if not stat.S_ISREG(st.st_mode):
        raise InputUnreadableError(name, "is not a regular file (a device, pipe or socket)")
    if st.st_size > limits.max_bytes:
        raise TooLargeError(name, limits.too_large_message("max_bytes", st.st_size))
    try:
        with path.open("rb") as f:
            data = f.read(limits.max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise InputUnreadableError(name, f"cannot read the file ({exc.strerror})") from None
    if len(data) > limits.max_bytes:
        raise TooLargeError(name, limits.too_large_message("max_bytes", len(data)))
    return data


def load(source: Source, limits: Limits) -> tuple[bytes | str, str | None, str]:
    """Read ``source`` into bytes (files, bytes) or str (text); returns data, path, name."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        name = os.fspath(source)
        return _read_file(Path(name), name, limits), name, name
    if isinstance(source, bytes | bytearray | memoryview):
        if len(source) > limits.max_bytes:
            raise TooLargeError("<bytes>", limits.too_large_message("max_bytes", len(source)))
        return bytes(source), None, "<bytes>"
    if isinstance(source, str):
        if len(source) > limits.max_chars:
            raise TooLargeError("<text>", limits.too_large_message("max_chars", len(source)))
        # lone surrogates cannot be written as JSON: make them U+FFFD
        return source.encode("utf-8", "replace").decode("utf-8"), None, "<text>"
    raise TypeError(f"parse() takes a path, bytes or str, not {type(source).__name__}")


def parse(
    source: Source,
    *,
    format: Format | None = None,
    vocabulary: Vocabulary | None = None,
    limits: Limits | None = None,
) -> Meeting:
    """Parse one document (a path, its bytes, or its text) into a :class:`Meeting`.

    A one-line str naming an existing file or ending in a document suffix is a path; any other
    str is the document's text. The format is detected from the content unless ``format`` is
    given. Raises a :class:`~referat.errors.ReferatError` subclass naming the input and the
    reason; nothing else. Parsing longer than ``limits.timeout`` seconds raises
    :class:`~referat.errors.ParseTimeoutError` (in any thread).
    """
    return analyse(source, format=format, vocabulary=vocabulary, limits=limits).meeting


def analyse(
    source: Source,
    *,
    format: Format | None = None,
    vocabulary: Vocabulary | None = None,
    limits: Limits | None = None,
) -> Analysis:
    """Like :func:`parse`, but also return the reader's blocks and the labelled stream (what
    each block was taken for, by which rule, and where it ended): ``referat explain`` and
    ``referat inspect`` show it."""
    limits = limits or Limits()
    name = "<input>"
    try:
        with time_limit(limits.timeout):
            data, path, name = load(source, limits)
            vocab = vocabulary or Vocabulary.default()
            return _parse_loaded(data, path, name, format, vocab, limits)
    except ReferatError:
        raise
    except Expired:
        raise ParseTimeoutError(name, timeout_message(limits.timeout)) from None
    except RecursionError:
        raise TooLargeError(name, "the document is nested too deeply to parse") from None
    except MemoryError:
        raise out_of_memory(name) from None
    except TypeError as exc:
        if name == "<input>":  # the caller passed something that is not a document
            raise
        raise InternalError(name, f"unexpected TypeError: {exc}") from exc
    except Exception as exc:
        raise InternalError(name, f"unexpected {type(exc).__name__}: {exc}") from exc


def _read_pdf(raw: bytes, name: str, limits: Limits, notes: list[Note]) -> Document:
    from .readers.pdf import read_pdf

    facts = check_pdf(raw, name, limits)
    if facts.mended:
        notes.append(("pdf_repaired", f"the PDF was damaged but readable: {facts.mended}"))
    # the pages were counted (and checked against max_pages) by walking the page tree: a
    # lying /Count must not refuse a short PDF nor hide its last pages
    doc = read_pdf(facts.data, name=name, max_pages=None)
    if facts.pages is not None and doc.pages != facts.pages:
        seen = max((b.page or 0 for b in doc.blocks), default=0)
        doc.pages = max(facts.pages, seen)
    return doc


def _parse_loaded(data: bytes | str, path: str | None, name: str, fmt: Format | None,
                  vocab: Vocabulary, limits: Limits) -> Analysis:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    sha = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        what = "empty" if not raw else "only whitespace"
        raise EmptyInputError(name, f"the input is {what}; there is nothing to parse")
    if fmt is not None and fmt not in _FORMATS:
        raise UnsupportedFormatError(name, f"unknown format {fmt!r}; use one of {_FORMATS}")
    if isinstance(data, str) and fmt == "pdf":
        raise UnsupportedFormatError(name, "a PDF must be given as bytes or a path, not text")
    # a PDF is told by its first bytes; text formats are told apart once the text is decoded
    detected: Format = fmt or ("pdf" if isinstance(data, bytes) and is_pdf(raw) else "text")
    notes: list[Note] = []
    if detected == "pdf":
        doc = _read_pdf(raw, name, limits, notes)
        chars = sum(len(b.text) for b in doc.blocks)
        if chars > limits.max_chars:
            raise TooLargeError(name, limits.too_large_message("max_chars", chars))
        if not doc.blocks:
            raise NoTextLayerError(name, "the PDF has no text to read; OCR would be needed")
    else:
        if fmt is None and isinstance(data, bytes) and name.lower().endswith(".pdf"):
            what = sniff_binary(data) or "not a PDF"
            raise UnsupportedFormatError(name, f"the name ends in .pdf but the content is {what}")
        text = decode_text(data, name, notes) if isinstance(data, bytes) else data
        text = clean_text(text, notes)
        if len(text) > limits.max_chars:
            raise TooLargeError(name, limits.too_large_message("max_chars", len(text)))
        if fmt is None:
            detected = detect_format(text)
            if detected == "pdf":
                detected = "text"
        if not text.strip():
            raise EmptyInputError(name, "the input holds no visible text")
        if detected == "html":
            text, dropped = limit_depth(text)
            if dropped:
                notes.append(("nesting_too_deep", f"the HTML nests deeper than {MAX_DEPTH:,} "
                              f"levels; {dropped:,} tags past that depth were ignored (their "
                              "text was kept)"))
        doc = read(text, detected, name=name)
    if limits.max_pages and doc.pages and doc.pages > limits.max_pages:
        raise TooLargeError(name, limits.too_large_message("max_pages", doc.pages))
    source = SourceInfo(path=shown(path) if path else None, format=doc.format, sha256=sha,
                        pages=doc.pages)
    analysis = analyse_document(doc, source, vocab)
    analysis.meeting.issues.extend(
        ParseIssue(severity=_SEVERITY.get(code, "warning"), code=code, message=message)
        for code, message in notes)
    return analysis
