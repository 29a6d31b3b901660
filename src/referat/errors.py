"""The errors `referat` raises. Every one names the input and the reason in plain words.

Nothing but a :class:`ReferatError` escapes :func:`referat.parse`; an unexpected internal failure
is wrapped in :class:`InternalError` with the input's name.
"""

from __future__ import annotations


def shown(path: str) -> str:
    """``path`` as text that can be printed and written as JSON: file name bytes that are not
    UTF-8 (``m\\xf8de.md`` from an old Windows share) are escaped as ``\\xNN``, losslessly."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


class ReferatError(Exception):
    """Base class. ``source`` is the file name (or ``<text>``/``<bytes>``), ``reason`` the why."""

    code = "error"

    def __init__(self, source: str, reason: str, *, line: int | None = None) -> None:
        source, reason = shown(source), shown(reason)
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable across process pools
        return (_rebuild, (type(self), self.source, self.reason, self.line))


def _rebuild(cls: type[ReferatError], source: str, reason: str, line: int | None) -> ReferatError:
    return cls(source, reason, line=line)


class InputNotFoundError(ReferatError):
    """The path does not exist."""

    code = "not_found"


class InputUnreadableError(ReferatError):
    """The path exists but cannot be read (permissions, a FIFO or device, an I/O error)."""

    code = "unreadable"


class UnsupportedFormatError(ReferatError):
    """Not a format referat reads: a directory, a ZIP/DOCX, an image, binary data."""

    code = "unsupported_format"


class EmptyInputError(ReferatError):
    """Nothing but whitespace."""

    code = "empty"


class DecodingError(ReferatError):
    """Text whose bytes cannot be decoded."""

    code = "decoding"


class CorruptPDFError(ReferatError):
    """A PDF that is truncated, damaged or not a PDF at all despite its header."""

    code = "corrupt_pdf"


class EncryptedPDFError(ReferatError):
    """A PDF that needs a password to open."""

    code = "encrypted_pdf"


class NoTextLayerError(ReferatError):
    """A PDF with no text to read (scanned images); it needs OCR first."""

    code = "no_text_layer"


class DiskFullError(ReferatError):
    """The output could not be written: no space left on the device (or the quota is used up).
    A batch stops at the first one; free space and run again with ``--resume``."""

    code = "disk_full"


class LinkOutsideError(ReferatError):
    """A symlink inside an input folder leading outside the inputs; not followed unless asked
    (``--follow-links``)."""

    code = "link_outside"


class TooLargeError(ReferatError):
    """A :class:`~referat.limits.Limits` value was exceeded; the message names it."""

    code = "too_large"


class ParseTimeoutError(ReferatError):
    """A document took longer than ``Limits.timeout`` (``--timeout``)."""

    code = "timeout"


class VocabularyError(ReferatError, ValueError):
    """A vocabulary extension (``Vocabulary.extend`` or a ``--vocabulary`` TOML file) with a key or
    word the contract does not allow. ``key`` is the bad key, ``allowed`` the keys allowed there."""

    code = "vocabulary"

    def __init__(self, source: str, reason: str, *, line: int | None = None,
                 key: str | None = None, allowed: tuple[str, ...] = ()) -> None:
        super().__init__(source, reason, line=line)
        self.key = key
        self.allowed = allowed

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_vocabulary, (self.source, self.reason, self.line, self.key, self.allowed))


def _rebuild_vocabulary(source: str, reason: str, line: int | None, key: str | None,
                        allowed: tuple[str, ...]) -> VocabularyError:
    return VocabularyError(source, reason, line=line, key=key, allowed=allowed)


class InternalError(ReferatError):
    """A bug in referat: an unexpected exception, wrapped with the input's name."""

    code = "internal"


__all__ = [
    "CorruptPDFError",
    "DecodingError",
    "DiskFullError",
    "EmptyInputError",
    "EncryptedPDFError",
    "InputNotFoundError",
    "InputUnreadableError",
    "InternalError",
    "LinkOutsideError",
    "NoTextLayerError",
    "ParseTimeoutError",
    "ReferatError",
    "TooLargeError",
    "UnsupportedFormatError",
    "VocabularyError",
    "shown",
]
