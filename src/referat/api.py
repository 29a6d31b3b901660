"""``referat.parse``: any supported input in, a validated :class:`~referat.models.Meeting` out."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .blocks import Format
from .errors import (
    DecodingError,
    EmptyInputError,
    InputNotFoundError,
    InternalError,
    ReferatError,
    TooLargeError,
    UnsupportedFormatError,
)
from .limits import Limits
from .models import Meeting, SourceInfo
from .parsers import parse_document
from .readers import detect_format, read
from .textdecode import decode_text
from .vocabulary import Vocabulary

Source = str | bytes | os.PathLike[str]
_FORMATS = ("text", "markdown", "pdf", "html")


_DOC_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".xhtml")


def _looks_like_path(s: str) -> bool:
    """A str is a path if it names an existing file, or is one short line ending like one."""
    if "\n" in s or len(s) > 1024:
        return False
    try:
        if os.path.exists(s):
            return True
    except (OSError, ValueError):
        return False
    return s.strip().lower().endswith(_DOC_SUFFIXES) and len(s.split()) <= 8


def load(source: Source, limits: Limits) -> tuple[bytes | str, str | None, str]:
    """Read ``source`` into bytes (files, bytes) or str (text); returns data, path, name."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        name = str(path)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise InputNotFoundError(name, "no such file") from None
        except OSError as exc:
            raise InputNotFoundError(name, f"cannot read the file ({exc.strerror})") from None
        if path.is_dir():
            raise UnsupportedFormatError(name, "is a directory, not a document")
        if size > limits.max_bytes:
            raise TooLargeError(name, limits.too_large_message("max_bytes", size))
        try:
            return path.read_bytes(), name, name
        except OSError as exc:
            raise InputNotFoundError(name, f"cannot read the file ({exc.strerror})") from None
    if isinstance(source, bytes):
        if len(source) > limits.max_bytes:
            raise TooLargeError("<bytes>", limits.too_large_message("max_bytes", len(source)))
        return source, None, "<bytes>"
    if isinstance(source, str):
        if len(source) > limits.max_chars:
            raise TooLargeError("<text>", limits.too_large_message("max_chars", len(source)))
        return source, None, "<text>"
    raise TypeError(f"parse() takes a path, bytes or str, not {type(source).__name__}")


def parse(
    source: Source,
    *,
    format: Format | None = None,
    vocabulary: Vocabulary | None = None,
    limits: Limits | None = None,
) -> Meeting:
    """Parse one document (a path, its bytes, or its text) into a :class:`Meeting`.

    The format is detected from the content unless ``format`` is given. Raises a
    :class:`~referat.errors.ReferatError` subclass naming the input and the reason; nothing else.
    """
    limits = limits or Limits()
    vocab = vocabulary or Vocabulary.default()
    data, path, name = load(source, limits)
    try:
        return _parse_loaded(data, path, name, format, vocab, limits)
    except ReferatError:
        raise
    except RecursionError:
        raise TooLargeError(name, "the document is nested too deeply to parse") from None
    except MemoryError:
        raise TooLargeError(name, "ran out of memory while parsing") from None
    except Exception as exc:
        raise InternalError(name, f"unexpected {type(exc).__name__}: {exc}") from exc


def _parse_loaded(data: bytes | str, path: str | None, name: str, fmt: Format | None,
                  vocab: Vocabulary, limits: Limits) -> Meeting:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    sha = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        raise EmptyInputError(name, "the input is empty")
    if fmt is not None and fmt not in _FORMATS:
        raise UnsupportedFormatError(name, f"unknown format {fmt!r}; use one of {_FORMATS}")
    detected: Format = fmt or detect_format(raw)
    if detected == "pdf":
        doc = read(raw, "pdf", name=name)
    else:
        text = decode_text(data, name) if isinstance(data, bytes) else data
        if fmt is None:
            detected = detect_format(text)
            if detected == "pdf":
                raise DecodingError(name, "PDF content in a text input")
        if len(text) > limits.max_chars:
            raise TooLargeError(name, limits.too_large_message("max_chars", len(text)))
        doc = read(text, detected, name=name)
    if limits.max_pages and doc.pages and doc.pages > limits.max_pages:
        raise TooLargeError(name, limits.too_large_message("max_pages", doc.pages))
    source = SourceInfo(path=path, format=doc.format, sha256=sha, pages=doc.pages)
    return parse_document(doc, source, vocab)
