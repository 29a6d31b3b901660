"""Decisions: "Beslutning" sections and the lines that name a body and a date.

``"Direktionens møde den 19. april 2021:"``, ``"Beslutning i Økonomiudvalget den 1. oktober
2018:"``, ``"Beslutning Teknik- og Miljøudvalget den 11-08-2021"``, ``"Økonomiudvalgets beslutning
i mødet den 31. marts 2020"``, ``"Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42"``,
``"Byrådet, 16.12.2014"``, ``"Teknik- og Miljøudvalget, 10. september 2019, pkt. 65: Anbefales."``.
A body's name is recognised by the vocabulary's committee suffixes, never by a list of names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..vocabulary import Vocabulary
from .dates import find_date, parse_date
from .memo import remembered
from .patterns import alternation, item_number, name_list_lead

# between a body and the date: a comma, "den"/"d.", an abbreviation of the body ("(UNF)")
_DEN = r"(?:\s*\(\p{Lu}{2,6}\))?(?:\s*,\s*|\s+(?:(?i:den|d\.)\s*)?|\s*)"


@lru_cache(maxsize=8)
def _body_start(body: str) -> regex.Pattern[str]:
    """A body's name at the line's start: every head form but the first begins with one, so
    one match of it screens four."""
    return regex.compile(body)


@lru_cache(maxsize=8)
def _heads(body: str, words: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    b = rf"(?P<body>{body})"
    head = "|".join(regex.escape(w) for w in words)
    return (
        regex.compile(rf"^(?i:{head})(?:\s+(?i:i|fra|på))?\s+{b}"
                      rf"(?:s\s+(?i:møde))?{_DEN}(?P<rest>.*)$"),
        regex.compile(rf"^{b}s?\s+(?i:{head})(?:\s+(?i:i|på)\s+(?i:mødet))?"
                      rf"{_DEN}(?P<rest>.*)$"),
        regex.compile(rf"^{b}s\s+(?i:møde)\s+(?:(?i:den|d\.)\s*)?(?P<rest>.*)$"),
        regex.compile(rf"^{b}\s*,\s*(?P<rest>\d.*)$"),
        # "Økonomiudvalget den 12. marts 2019:" (the line holds nothing else)
        regex.compile(rf"^{b}\s+(?i:den|d\.)\s*(?P<rest>\d[\d. \p{{L}}-]*\d{{2,4}}\s*:?)$"),
    )


_DEN_END = regex.compile(r"(?i)\b(?:den|d\.)\s*$")
_HAS_DIGIT = regex.compile(r"\d")


@lru_cache(maxsize=8)
def _keyword(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?:{'|'.join(regex.escape(w) for w in words)})\b")


@lru_cache(maxsize=8)
def _lowered(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


_CLOCK = regex.compile(r"^(?:kl\.?\s*)?\d{1,2}[:.]\d\d(?::\d\d)?\s*", regex.IGNORECASE)
_POINT = regex.compile(r"^\s*(?:at\s+)?(?P<n>\d{1,2})\s*[.):]\s*(?=\S)(?P<text>.*)$",
                       regex.IGNORECASE)


@lru_cache(maxsize=8)
def _after_date(vocab: Vocabulary) -> regex.Pattern[str]:
    """What may follow a decision head's date: ", pkt. 42"."""
    return regex.compile(rf"^[,\s]*{item_number(vocab)}\s*", regex.IGNORECASE)


@lru_cache(maxsize=8)
def _item_number_line(vocab: Vocabulary) -> regex.Pattern[str]:
    """A chain's item-number line: "Punktnummer: 5", "Pkt. 12"."""
    return regex.compile(rf"^(?:{alternation(vocab.item_prefixes)})(?:\s*nr\.?|nummer)?\s*:?\s*"
                         r"\d+\s*$", regex.IGNORECASE)


@dataclass(frozen=True)
class DecisionHead:
    body: str | None
    date: dt.date | None
    inline: str  # text that followed on the same line ("...: Anbefales.")


@remembered
def decision_head(line: str, vocab: Vocabulary) -> DecisionHead | None:
    """A line that opens a decision by a named body (with a date, or "Beslutning i X"), in the
    vocabulary's decision words and body names. Remembered for the parse: several rules ask it
    of the same line."""
    text = line.strip()
    if len(text) > 220 or not text[:1].isupper():
        return None
    heads, committee_pattern = vocab.decision_heads, vocab.committee_pattern
    words = tuple(heads)
    has_digit = _HAS_DIGIT.search(text) is not None
    if not vocab.may_name_body(text):  # every form but the numbered one names a body
        return _numbered_head(text, vocab) if has_digit else None
    if not has_digit and not _keyword(words).search(text):
        return None
    patterns = _heads(committee_pattern, words)
    head_first = text.lower().startswith(_lowered(words))
    body_first = _body_start(committee_pattern).match(text) is not None
    for k, rx in enumerate(patterns):
        if k == 0 and not head_first:
            continue  # form 0 starts with a decision word
        if k > 0 and not body_first:
            break  # forms 1-4 start with the body's name
        m = rx.match(text)
        if m is None:
            continue
        rest = m["rest"] or ""
        hit = find_date(rest)
        before = _DEN_END.sub("", rest[: hit[1][0]]) if hit else ""
        if hit is None or before.strip(" ,"):
            if k not in (0, 1) or _DEN_END.sub("", rest).strip(" :"):  # date lost: "den"
                continue
            date, after = None, ""
        else:
            date, after = hit[0], rest[hit[1][1]:]
        after = _after_date(vocab).sub("", _CLOCK.sub("", after.lstrip(" ,")))
        inline = after.lstrip(" :").strip()
        if inline and not after.lstrip().startswith(":") and k != 3 and \
                (k == 2 or len(inline) > 60):
            continue
        return DecisionHead(body=m["body"].strip(" ,"), date=date, inline=inline)
    return _numbered_head(text, vocab)


_FIRST_AT = regex.compile(r"(?im)^\s*1\s*[.)]\s+at\s")
_NAME_COMMA_DATE = regex.compile(r"^(?P<body>\p{Lu}[^\d:;.!?]{1,80}?)\s*,\s*(?P<rest>\d.*)$")


@lru_cache(maxsize=8)
def _item_ref_colon(vocab: Vocabulary) -> regex.Pattern[str]:
    return regex.compile(rf"^\s*,\s*{item_number(vocab)}\s*:", regex.IGNORECASE)


def _numbered_head(text: str, vocab: Vocabulary) -> DecisionHead | None:
    """"Arbejdsmarked, Erhverv og Turisme, 6. januar 2020, pkt. 125:": a name, a date and the
    item's number at that meeting, then a colon. The shape alone says it is a body's decision,
    so its name need not end as a body's name does (a committee named by its area)."""
    m = _NAME_COMMA_DATE.match(text)
    if m is None or len(m["body"].split()) > 8:
        return None
    hit = find_date(m["rest"])
    if hit is None or hit[1][0] != 0:
        return None
    after = _item_ref_colon(vocab).match(m["rest"][hit[1][1]:])
    if after is None:
        return None
    inline = m["rest"][hit[1][1] + after.end():].strip()
    return DecisionHead(body=m["body"].strip(" ,"), date=hit[0], inline=inline)


def decision_points(text: str, vocab: Vocabulary) -> list[str]:
    """Numbered points of a decision: "1. Taget til efterretning." / "At 1: Godkendt."."""
    points: list[str] = []
    expect = 1
    prev = ""
    for line in text.split("\n"):
        m = _POINT.match(line)
        if m and expect == 1 and name_list_lead(vocab).search(prev):
            expect = -1  # "Deltagerne var:" then "1. Navn (A)": a list of names, not points
        if line.strip():
            prev = line
        if m and int(m["n"]) == expect:
            points.append(m["text"].strip())
            expect += 1
    single = len(points) == 1 and _FIRST_AT.search(text) is not None
    return points if len(points) >= 2 or single or \
        (points and text.lstrip().casefold().startswith("at")) else []


@dataclass
class ChainEntry:
    body: str
    date: dt.date | None
    text: str
    pages: list[int]


def chain_entries(lines: list[tuple[str, int | None]], vocab: Vocabulary) -> list[ChainEntry]:
    """A "Sagsforløb" chain: groups of "Udvalg: X" / "Dato: dd-mm-yyyy" / "Punktnummer: n"
    label lines, each followed by what that body decided. ``lines`` are (text, page) pairs."""
    entries: list[ChainEntry] = []
    text: list[str] = []
    for line, page in lines:
        if entries and page is not None and page not in entries[-1].pages:
            entries[-1].pages.append(page)
        hit = vocab.match_label(line)
        if hit is not None and hit[0] == "committee" and hit[2]:
            if entries:
                entries[-1].text = "\n\n".join(text)
            entries.append(ChainEntry(body=hit[2], date=None, text="",
                                      pages=[page] if page is not None else []))
            text = []
        elif entries and hit is not None and hit[0] == "date" and entries[-1].date is None \
                and not text:
            entries[-1].date = parse_date(hit[2])
        elif entries and not text and _item_number_line(vocab).match(line):
            continue
        elif entries:
            text.append(line)
    if entries:
        entries[-1].text = "\n\n".join(text)
    return [e for e in entries if e.date is not None]
