"""Decode text files: UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy Windows-1252
and ISO-8859-1 that older systems export."""

from __future__ import annotations

import codecs

from .errors import DecodingError, UnsupportedFormatError

_BINARY_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (DOCX, XLSX or similar)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (DOC/XLS)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
}


def decode_text(data: bytes, name: str) -> str:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormatError(name, f"this is {what}, not a supported document")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodingError(name, f"invalid UTF-16 text at byte {exc.start}") from None
    head = data[:65536]
    if head.count(b"\x00") > len(head) // 100 + 1:
        raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text[:65536]) // 20 + 2:
        raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML")
    return text
