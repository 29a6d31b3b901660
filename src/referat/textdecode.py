"""Decode text files: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the
zero bytes give it away), and the legacy Windows-1252 and ISO-8859-1 that older systems export.

Bytes that are not valid UTF-8 are legacy text. Windows-1252 and ISO-8859-1 agree on every byte
except 0x80-0x9F, where ISO-8859-1 has invisible C1 controls and Windows-1252 has ``€ ‚ „ … – —
‘ ’ “ ”``: real files hold the punctuation, so Windows-1252 is used (its five undefined bytes
fall back to ISO-8859-1).
"""

from __future__ import annotations

import codecs
import re

from .errors import DecodingError, UnsupportedFormatError

_BINARY_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (DOCX, XLSX, ODT or similar)",
    b"PK\x05\x06": "an empty ZIP archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (DOC/XLS)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\x7fELF": "a program (ELF)",
    b"MZ": "a Windows program",
    b"{\\rtf": "an RTF document",
}
_SAMPLE = 65536


def sniff_binary(data: bytes) -> str | None:
    """What a known binary file is (``"a ZIP archive ..."``), or None."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when zeros sit in every other byte (ASCII-heavy UTF-16 text)."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


# 0x81 0x8D 0x8F 0x90 0x9D are undefined in cp1252: keep them as their ISO-8859-1 characters.
_UNDEFINED = {0xDC00 + b: chr(b) for b in b"\x81\x8d\x8f\x90\x9d"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _legacy(data: bytes) -> str:
    return data.decode("cp1252", "surrogateescape").translate(_UNDEFINED)


def _utf8_or_legacy(data: bytes) -> str:
    """UTF-8 if it is (or mostly is: a few broken bytes in real UTF-8), else Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good > 4 * bad else _legacy(data)


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text, Markdown or HTML file as a str; binary data is refused."""
    what = sniff_binary(data)
    if what:
        raise UnsupportedFormatError(name, f"this is {what}, not a supported document")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    bom16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    enc16 = "utf-16" if bom16 else _utf16_without_bom(data[:_SAMPLE])
    if enc16:
        try:
            text = data.decode(enc16)
        except UnicodeDecodeError as exc:
            if not bom16:
                raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML") from None
            raise DecodingError(name, f"invalid UTF-16 text at byte {exc.start}") from None
    else:
        head = data[:_SAMPLE]
        if head.count(b"\x00") > len(head) // 100 + 1:
            raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML")
        text = _utf8_or_legacy(data)
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v")
                   or 0x7F <= ord(ch) < 0xA0)
    if controls > len(sample) // 20 + 2:
        raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML")
    return text
