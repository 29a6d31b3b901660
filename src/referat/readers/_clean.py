"""Character-level clean-up shared by the readers: line ends, invisible characters, ligatures,
and the inline HTML that PDF-to-text exporters leave in their output."""

from __future__ import annotations

import html
import re

import regex

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
_TABLE = {**_INVISIBLE, **_SPACES, **{ord(k): v for k, v in _LIGATURES.items()}}
_ODD = re.compile("[" + "".join(map(chr, _TABLE)) + "]")  # re: faster on a plain class

_MIDLINE_FF = regex.compile(r"(?<=[^\n\f])\f")
_BREAK_TAG = regex.compile(r"<\s*br\s*/?\s*>|</\s*(?:p|div|li|tr|h\d)\s*>", regex.IGNORECASE)
_LI_TAG = regex.compile(r"<\s*li\b[^>]*>", regex.IGNORECASE)
_CELL_BULLETS = regex.compile(r"\s*[•·▪]\s*")
_BROKEN_TAG = regex.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?$")
_ANY_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BULLET = regex.compile(r"^\s*(?:[-*+–]\s+|[•·◦▪‣∙●○■□\u0335]\s*)(?=\S)")
# A run of no-break spaces is a tab (Word's HTML sets its tab stops so): a column break.
NBSP_TAB = regex.compile(r"[ \t]*\u00a0(?:[ \t]*\u00a0)+[ \t]*")


def normalize(text: str) -> str:
    """Unify line ends and spaces; drop soft hyphens and zero-width characters; undo ligatures.

    Form feeds (page breaks in text exported from a PDF) are kept for the reader to count.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = _MIDLINE_FF.sub("\n\f", text)  # "end of page 1\fpage 2": a break, not a join
    if text.isascii():
        return text
    for ch in set(_ODD.findall(text)):  # (str.translate looks up every character: slower)
        text = text.replace(ch, _TABLE[ord(ch)] or "")
    return text


def strip_inline_html(text: str) -> list[str]:
    """Reduce a line holding HTML fragments to clean text lines (``<br/>``/``<li>`` split it)."""
    if "<" not in text and "&" not in text:
        return [text]
    text = _BROKEN_TAG.sub("", text)
    text = _LI_TAG.sub("\n", text)
    text = _BREAK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


_SPLIT_TAG = regex.compile(
    r"<\s*br\s*/?\s*>|</\s*(?:p|div|li|tr|h\d)\s*>|<\s*li\b[^>]*>", regex.IGNORECASE)


def trimmed(line: str, base: int) -> tuple[int, int]:
    """Span of ``line`` (found at offset ``base``) without its surrounding whitespace."""
    return base + len(line) - len(line.lstrip()), base + len(line.rstrip())


def piece_spans(line: str, base: int, count: int) -> list[tuple[int, int]]:
    """Spans of the pieces :func:`strip_inline_html` makes of ``line`` (found at ``base``): each
    piece gets the stretch of source between the tags that split it off, tags inside included.
    When the stretches do not pair up with the ``count`` pieces, every piece gets the whole line.
    """
    whole = trimmed(line, base)
    if count <= 1:
        return [whole] * count
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in (*_SPLIT_TAG.finditer(line), None):
        stop = m.start() if m is not None else len(line)
        seg = line[pos:stop] if m is not None else _BROKEN_TAG.sub("", line[pos:stop])
        if html.unescape(_ANY_TAG.sub("", seg)).strip():
            spans.append(trimmed(seg, base + pos))
        if m is not None:
            pos = m.end()
    return spans if len(spans) == count else [whole] * count


def split_bullet(text: str) -> tuple[bool, str]:
    """``"• Tekst"`` -> ``(True, "Tekst")``."""
    m = _BULLET.match(text)
    if m is None:
        return False, text
    return True, text[m.end():].strip()


def clean_cell(text: str) -> str:
    """A table cell as clean text: HTML gone, list items one per line without their bullets."""
    parts: list[str] = []
    for line in strip_inline_html(text):
        for piece in _CELL_BULLETS.split(line):
            if piece.strip():
                parts.append(piece.strip())
    return "\n".join(parts)


def squash(text: str) -> str:
    return " ".join(text.split())
