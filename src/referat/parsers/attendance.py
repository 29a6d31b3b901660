"""Who was absent for one item: "Fraværende: A og B", "X deltog ikke i behandlingen af
punktet", "X erklærede sig inhabil"."""

from __future__ import annotations

import regex

from ..vocabulary import Vocabulary
from .patterns import absent_label

_NAME = r"[\p{Lu}][\p{L}.'-]+(?:\s+(?:[\p{Lu}][\p{L}.'-]*|\([A-ZÆØÅ]\)|von|van|de))*"
_NOT_TAKING_PART = regex.compile(
    rf"(?P<names>{_NAME}(?:\s*(?:,|og)\s*{_NAME})*)\s+(?:\([A-ZÆØÅ]\)\s+)?"
    r"(?:deltog\s+ikke\s+i\s+(?:behandlingen|sagens\s+behandling|punktet)|var\s+fraværende|"
    r"var\s+forhindret\s+i\s+at\s+deltage|"
    r"(?:erklærede\s+sig|var|blev\s+erklæret|er)\s+inhabil)",
)
_SPLIT = regex.compile(r"\s*(?:,|\bog\b|;)\s*(?![^()]*\))")


_PARTY = regex.compile(r"\s*\((?:[A-ZÆØÅ]{1,2})?\)")
_DASH = regex.compile(r"\s+[-–]\s+")


def _names(text: str) -> list[str]:
    out = []
    for n in _SPLIT.split(text):
        n = _PARTY.sub("", n).strip(" .")
        n = _DASH.split(n)[0].strip()
        if n and n.casefold() not in ("ingen", "-") and len(n) < 60 and n[0].isupper():
            out.append(n)
    return out


def absent_names(lines: list[str], vocab: Vocabulary) -> list[str]:
    """The names of people absent for an item, from its lines; absence labels come from
    ``vocab.labels["absent"]``."""
    found: list[str] = []
    label = absent_label(vocab)
    lines = [ln for ln in lines if ln.strip()]
    for k, line in enumerate(lines):
        m = label.match(line.strip())
        if m and m["names"]:
            found.extend(_names(m["names"]))
            continue
        nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if m and nxt and len(nxt.split()) <= 12 and \
                nxt[:1].isupper() and not nxt.endswith(".") and len(nxt.split()) >= 2 and \
                not label.match(nxt):
            found.extend(_names(lines[k + 1]))  # "Fraværende:" with the names below
            continue
        for m in _NOT_TAKING_PART.finditer(line):
            found.extend(_names(m["names"]))
    return list(dict.fromkeys(found))
