"""The errors `referat` raises. Every one names the input and the reason in plain words.

Nothing but a :class:`ReferatError` escapes :func:`referat.parse`; an unexpected internal failure
is wrapped in :class:`InternalError` with the input's name.
"""

from __future__ import annotations


class ReferatError(Exception):
    """Base class. ``source`` is the file name (or ``<text>``/``<bytes>``), ``reason`` the why."""

    code = "error"

    def __init__(self, source: str, reason: str, *, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class InputNotFoundError(ReferatError):
    code = "not_found"


class UnsupportedFormatError(ReferatError):
    code = "unsupported_format"


class EmptyInputError(ReferatError):
    code = "empty"


class DecodingError(ReferatError):
    code = "decoding"


class CorruptPDFError(ReferatError):
    code = "corrupt_pdf"


class EncryptedPDFError(ReferatError):
    code = "encrypted_pdf"


class NoTextLayerError(ReferatError):
    code = "no_text_layer"


class TooLargeError(ReferatError):
    code = "too_large"


class ParseTimeoutError(ReferatError):
    code = "timeout"


class InternalError(ReferatError):
    code = "internal"


__all__ = [
    "CorruptPDFError",
    "DecodingError",
    "EmptyInputError",
    "EncryptedPDFError",
    "InputNotFoundError",
    "InternalError",
    "NoTextLayerError",
    "ParseTimeoutError",
    "ReferatError",
    "TooLargeError",
    "UnsupportedFormatError",
]
