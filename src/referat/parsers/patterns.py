"""Patterns built from the vocabulary instance: item prefixes ("Punkt", "Pkt.", "Sag nr."),
closed and open markers. One compiled set per vocabulary (the default is shared)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ..vocabulary import Vocabulary


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first; spaces match any whitespace and a
    final dot is optional ("Pkt." matches "Pkt 4" and "pkt. 4")."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        rx = r"\s+".join(regex.escape(part) for part in w.split())
        out.append(rx[:-2] + r"\.?" if rx.endswith(r"\.") else rx)
    return "|".join(out)


def _single(words: Sequence[str]) -> str:
    """The one-word markers ("Åbent", "Lukket"), for places where a marker stands as a state."""
    return alternation([w for w in words if " " not in w])


@lru_cache(maxsize=8)
def state_word(vocab: Vocabulary) -> str:
    """The one-word open and closed markers ("Åbent", "Lukket"), as a pattern to embed."""
    return _single([*vocab.open_markers, *vocab.closed_markers])


@lru_cache(maxsize=8)
def strong_heading(vocab: Vocabulary) -> regex.Pattern[str]:
    """An item heading opened by a prefix: "Punkt 6: ...", "Lukket punkt: Pkt. 42 ...". The
    group ``naming`` is set when the prefix names an item (not only numbers it)."""
    closed = alternation(vocab.closed_markers)
    return regex.compile(
        rf"^(?:(?P<pre>(?:{closed})\s*[:\-–]?\s*))?"
        rf"(?:(?P<naming>{alternation(vocab.item_prefixes)})|(?:{alternation(vocab.number_prefixes)}))"
        r"\s*(?P<num>\d{1,4})(?![\d/.-]\d)\b\s*[:.\-–)]?\s*(?P<title>.*)$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=8)
def bare_heading(vocab: Vocabulary) -> regex.Pattern[str]:
    """An item heading with a bare number: "6. Title", "åbent 1 Title", "12 (Lukket) Title"."""
    state = state_word(vocab)
    marker = alternation([*vocab.open_markers, *vocab.closed_markers])
    return regex.compile(
        rf"^(?:(?P<state>{state})\s+)?(?P<num>\d{{1,3}})(?!\d)(?:\s*[.:)]\s*|\s+|(?=[\p{{Lu}}]))"
        rf"(?:\((?P<state2>{state})\)\s*|(?P<state3>{marker})(?:\s*[:\-–]\s*|\s+(?=(?-i:[\p{{Lu}}\d]))))?"
        r"(?P<title>\S.*)$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=8)
def toc_numbered(vocab: Vocabulary) -> regex.Pattern[str]:
    """A numbered TOC line: "1. Tema", "åbent 1 Tema", "12 (Åben) Titel"."""
    state = state_word(vocab)
    return regex.compile(
        rf"^(?:(?P<state>{state})\s+)?(?P<num>\d{{1,3}})(?:\s*[.:)]\s*|\s+)"
        rf"(?:\((?P<state2>{state})\)\s*)?(?P<title>\S.*)$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=8)
def toc_prefixed(vocab: Vocabulary) -> regex.Pattern[str]:
    """A TOC line opened by an item prefix: "Sag nr. 45 Titel", "Punkt 3: Titel"."""
    return regex.compile(
        rf"^(?:{alternation(vocab.item_prefixes)})\s*(?P<num>\d{{1,4}})"
        r"(?![\d/.-]\d)\b\s*[:.\-–]?\s*(?P<title>\S.*)$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=8)
def open_prefix(vocab: Vocabulary) -> regex.Pattern[str]:
    """An open marker set off as a marker: "(Åben) X", "Åbent: X", "Åben - X", "ÅBENT
    Godkendelse"; "Åben dagsorden - godkendelse" is a title that starts with the word."""
    word = _single(vocab.open_markers)
    return regex.compile(
        rf"^(?:\((?i:{word})\)\s*|(?i:{word})(?:\s*[:\-–]\s*|\s+(?=[\p{{Lu}}\d])))(?=\S)")


@lru_cache(maxsize=8)
def marker_at_end(vocab: Vocabulary) -> regex.Pattern[str]:
    """An open or closed marker ending a reference line ("Sagsnr. 299835 ... Åbent punkt")."""
    return regex.compile(
        rf"\b(?P<marker>{alternation([*vocab.open_markers, *vocab.closed_markers])})$",
        regex.IGNORECASE)


@lru_cache(maxsize=8)
def item_number(vocab: Vocabulary) -> str:
    """An item prefix and its number ("Pkt. 42", "Punkt nr. 3"), as a pattern to embed."""
    return rf"(?:{alternation(vocab.item_prefixes)})\s*:?\s*\d+"


@lru_cache(maxsize=8)
def absent_label(vocab: Vocabulary) -> regex.Pattern[str]:
    """An absence label opening a line ("Fraværende: A og B", "Afbud:" alone): group
    ``names`` holds what follows the colon."""
    return regex.compile(
        rf"^(?:{alternation(vocab.labels['absent'])})\s*(?::\s*(?P<names>.*\S)?)?\s*$",
        regex.IGNORECASE)


@lru_cache(maxsize=8)
def absent_mark(vocab: Vocabulary) -> regex.Pattern[str]:
    """An absence marked after a name: "(Fraværende)", "(afbud)", "(ved afbud)"."""
    return regex.compile(rf"\((?:ved\s+)?(?:{alternation(vocab.labels['absent'])})\)",
                         regex.IGNORECASE)


@lru_cache(maxsize=8)
def name_list_lead(vocab: Vocabulary) -> regex.Pattern[str]:
    """A line introducing a list of people ("Deltagerne var:", "Fraværende med afbud:")."""
    words = [*vocab.labels["participants"], *vocab.labels["absent"]]
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{alternation(words)})\w*\b[^.]*:\s*$")
