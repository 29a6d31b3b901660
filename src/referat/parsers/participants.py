"""People: the participants a header lists ("Mødedeltagere: A (V), B (S) ved afbud"), their
roles and absences, and the attendance lists some referater print inside an item."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Participant
from ..vocabulary import Vocabulary
from .patterns import absent_mark, alternation, item_number

_NAME_SPLIT = regex.compile(r"\s*(?:,|;|\s+og\s+)\s*(?![^()]*\))")
_PARTY = regex.compile(r"^[A-ZÆØÅ]{1,2}$")


@lru_cache(maxsize=8)
def _roles(vocab: Vocabulary) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A role before a name ("Formand: X"), and a name (perhaps after a role)."""
    role = alternation(vocab.roles)
    return (
        regex.compile(rf"^({role})\s*:?\s+(?=\p{{Lu}})"),
        regex.compile(rf"^(?:(?:{role})\s*:?\s+)?"
                      r"[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|von|van|de|la|af)){0,5}$"),
    )


@lru_cache(maxsize=8)
def _absent_after(vocab: Vocabulary) -> regex.Pattern[str]:
    """An absence written after a name without brackets: "X ved afbud"."""
    return regex.compile(rf"\s+(ved\s+(?:{alternation(vocab.labels['absent'])}))\b\.?",
                         regex.IGNORECASE)


def split_names(value: str, vocab: Vocabulary) -> list[str]:
    value = _absent_after(vocab).sub(r" (\1),", value)
    out: list[str] = []
    for n in _NAME_SPLIT.split(value):
        n = n.strip(" .-–•")
        if not n:
            continue
        if out and _PARTY.match(n):
            out[-1] = f"{out[-1]} ({n})"  # "Kasper Damsgaard, A": the party letter
        else:
            out.append(n)
    return out


# An absence qualified by a time or by items: the person took part in the rest of the meeting.
@lru_cache(maxsize=8)
def _part_of_meeting(vocab: Vocabulary) -> regex.Pattern[str]:
    """A time or an item qualifying an absence ("fra kl. 17.30", "pkt. 5-8")."""
    return regex.compile(r"(?i)\b(?:fra|til|efter|indtil)\s+kl\.?\s*\d{1,2}[.:]\d\d|"
                         rf"\b{item_number(vocab)}")
_NAME_NOTE = regex.compile(r"^(.*?)\s*((?:\([^)]*\)|\s[-–]\s).*)$")


def participant(raw: str, vocab: Vocabulary, *, absent: bool) -> Participant | None:
    mark = absent_mark(vocab).search(raw)
    name = absent_mark(vocab).sub("", raw).strip()
    note: str | None = None
    role = _roles(vocab)[0].match(name)
    if role:
        name = name[role.end():].strip()
    m = _NAME_NOTE.match(name)
    if m and m.group(1):
        name, note = m.group(1).strip(), m.group(2).strip(" -–") or None
    if note == "()":
        note = None
    if mark is not None and note is None and " " in mark.group(0):
        note = mark.group(0).strip("()")
    if role:
        note = f"{role.group(1)} {note}" if note else role.group(1)
    if not _roles(vocab)[1].match(name) or (name.isupper() and len(name) > 4):
        return None
    if absent and note and _part_of_meeting(vocab).search(note):
        absent = False  # "Afbud: Peter Holm (V) fra kl. 17.30": there for part of the meeting
    return Participant(name=name, absent=absent or mark is not None, note=note)


def names_line(text: str, vocab: Vocabulary) -> bool:
    """A line that continues a list of names (most of its pieces look like names)."""
    pieces = split_names(text, vocab)
    good = sum(1 for p in pieces if participant(p, vocab, absent=False) is not None)
    return bool(pieces) and good >= max(1, len(pieces) * 0.6)


_LIST_MARK = regex.compile(r"^\s*(?:\d{1,3}\s*[.)]|[-•·])\s*(?=\S)")


def attendance_lists(lines: list[str], vocab: Vocabulary) -> list[Participant]:
    """Lists under "Deltagerne var:" / "Fraværende:" printed inside an item (per-item pages):
    the label on its own line, then one numbered or bulleted name a line."""
    found: list[Participant] = []
    k = 0
    while k < len(lines):
        hit = vocab.match_label(lines[k])
        if hit is None or hit[0] not in ("participants", "absent") or hit[2]:
            k += 1
            continue
        k += 1
        while k < len(lines) and (m := _LIST_MARK.match(lines[k])):
            p = participant(lines[k][m.end():].strip(), vocab, absent=hit[0] == "absent")
            if p is None:
                break
            found.append(p)
            k += 1
    return found
