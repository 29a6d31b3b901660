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
from collections import Counter

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
Note = tuple[str, str]  # (issue code, message)


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


def _line_utf8_or_legacy(line: bytes) -> tuple[str, str]:
    """One line: (text, "utf-8" | "legacy" | "damaged")."""
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = line.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    return (text, "damaged") if good > 4 * bad else (_legacy(line), "legacy")


def _utf8_or_legacy(data: bytes, notes: list[Note]) -> str:
    """UTF-8 if it is; else each line on its own: UTF-8, Windows-1252, or (a few broken bytes in
    a UTF-8 line) UTF-8 with the broken bytes as U+FFFD. A file half UTF-8 and half Windows-1252
    (two exports pasted together) is thus read right on both sides."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    kinds: Counter[str] = Counter()
    out: list[str] = []
    for line in data.split(b"\n"):
        text, kind = _line_utf8_or_legacy(line)
        if kind != "utf-8" or not line.isascii():
            kinds[kind] += 1
        out.append(text)
    if kinds["legacy"] and kinds["utf-8"]:
        notes.append(("encoding_repaired", f"mixed encodings: {kinds['utf-8']} lines are UTF-8 "
                      f"and {kinds['legacy']} Windows-1252; each line was decoded on its own"))
    if kinds["damaged"]:
        notes.append(("encoding_suspect", f"{kinds['damaged']} lines hold bytes that are not "
                      "valid UTF-8; they were replaced by U+FFFD"))
    return "\n".join(out)


# Double-encoded UTF-8: UTF-8 bytes read as Windows-1252 ("Ã¦Ã¸Ã¥" for "æøå"). A lead character
# (the Windows-1252 reading of bytes 0xC2-0xF4) followed by exactly the continuation characters
# (bytes 0x80-0xBF) its byte announces is repaired when those bytes are valid UTF-8.
def _cp(b: int) -> str:
    return _legacy(bytes([b]))


# (the standard library's re: these plain character classes scan several times faster in it)
_CONT = "".join(re.escape(_cp(b)) for b in range(0x80, 0xC0))
_LEAD2 = "".join(re.escape(_cp(b)) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(re.escape(_cp(b)) for b in range(0xE0, 0xF0))
_MOJIBAKE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}")
# every repair starts with a lead and a continuation: a first test (one branch scans 3x faster)
_MOJIBAKE_START = re.compile(f"[{_LEAD2}{_LEAD3}][{_CONT}]")
_TO_BYTE = {_cp(b): b for b in range(0x80, 0x100)}


def _undo(m: re.Match[str]) -> str:
    try:
        raw = bytes(_TO_BYTE.get(ch, ord(ch)) for ch in m.group(0))
        return raw.decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return m.group(0)


def repair_double_encoding(text: str, notes: list[Note]) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 and encoded again ("Ã¦" -> "æ")."""
    if not _MOJIBAKE_START.search(text):
        return text
    fixed, n = _MOJIBAKE.subn(_undo, text)
    if fixed != text:
        notes.append(("encoding_repaired", f"{n} characters were UTF-8 decoded twice "
                      "(like 'Ã¦' for 'æ') and were repaired"))
    return fixed


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str, notes: list[Note]) -> str:
    """Remove control characters (NUL, C1 codes ...) except tab, line breaks and form feed:
    they carry no text, break headings, and PostgreSQL's jsonb refuses ``\\u0000``."""
    found = _CONTROL.findall(text)
    if not found:
        return text
    kinds = Counter(f"U+{ord(c):04X}" for c in found)
    notes.append(("control_characters", f"{len(found)} control characters were removed ("
                  + ", ".join(f"{k} x{v}" for k, v in kinds.most_common(5)) + ")"))
    return _CONTROL.sub("", text)


def clean_text(text: str, notes: list[Note]) -> str:
    """Decoded text made safe: double encoding repaired, control characters removed."""
    return strip_controls(repair_double_encoding(text, notes), notes)


def decode_text(data: bytes, name: str, notes: list[Note] | None = None) -> str:
    """Bytes of a text, Markdown or HTML file as a str; binary data is refused. What was
    uncertain or repaired is appended to ``notes`` as ``(issue code, message)``."""
    notes = [] if notes is None else notes
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
        text = _utf8_or_legacy(data, notes)
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))  # C0 but tab and line breaks, DEL, C1
    if controls > len(sample) // 20 + 2:
        raise UnsupportedFormatError(name, "binary data, not text, PDF or HTML")
    return text
