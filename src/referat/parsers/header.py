"""The meeting header: title, document type, committee, date and times, place, participants.

Works on the blocks before the table of contents (or the first item). Labels come from the
vocabulary ("Mødedato", "Dato", "Mødested", "Tilstede", "Fraværende", ...); a label may stand
alone with its value on the next line(s), or several labels may share one line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..blocks import Block
from ..models import Participant
from ..vocabulary import Vocabulary
from .cell_labels import join_wrapped_labels
from .dates import find_date, find_times
from .participants import names_line, participant, split_names
from .patterns import alternation
from .stream import Label

_TITLE_PARTS = regex.compile(r"\s+[-–|]\s+")
_SPACES = regex.compile(r"\s+")
_QUOTED_NAME = regex.compile(r"^\p{Lu}\p{L}+\s+[\"“”«»][^\"“”«»]{3,80}[\"“”«»]$")
_TITLE_PLACE = regex.compile(r"\bkl\.?\s*\d{1,2}[.:]\d{2}\s+i\s+(\p{Lu}.{2,120})$")
_CLOCK_ONLY = regex.compile(r"^\s*(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)\b", regex.IGNORECASE)
_KL_LINE = regex.compile(r"(?i)kl\.?\s*\d{1,2}[.:]\d\d(?:\s*[-–]\s*(?:kl\.?\s*)?\d{1,2}[.:]\d\d)?")
_REPEAT = regex.compile(r"^(\S+)(?:\s+\1)+$")
_PLACE_LIKE = regex.compile(r"^\p{L}[\p{L}\d.,/ -]{2,80}$")


HeaderMark = tuple[Block, Label, str, str]  # block, label, rule, node


@dataclass
class Header:
    title: str | None = None
    document_type: str | None = None
    committee: str | None = None
    date: dt.date | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    participants: list[Participant] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    by_name: dict[str, Participant] = field(default_factory=dict)  # participants, for lookup
    marks: list[HeaderMark] = field(default_factory=list)  # what each line was taken for
    note_blocks: dict[str, Block] = field(default_factory=dict)  # a note's line


@lru_cache(maxsize=8)
def _title_noise(vocab: Vocabulary) -> regex.Pattern[str]:
    """What a title line says besides the body's name: the document type, an open marker, and
    the words around them ("Referat af mødet i ...", "Dagsorden til møde i ...")."""
    words = [w for ws in vocab.document_types.values() for w in ws] + list(vocab.open_markers)
    return regex.compile(
        rf"\b(?:{alternation(words)}|"
        r"(?:af|fra|til|for)\s+(?:mødet|møde)\s+i|mødet\s+i|møde\s+i|(?:af|fra|til|for)\s+mødet|"
        r"(?:af|fra|til|for)\s+møde)\b",
        regex.IGNORECASE,
    )


def committee_from_title(title: str, vocab: Vocabulary) -> str | None:
    """The body named in a title line ("Referat - Teknik- og Miljøudvalget den 11. marts")."""
    text = _title_noise(vocab).sub(" ", title)
    text = _SPACES.sub(" ", text)
    m = vocab.committee_regex.search(text)
    if m:
        name = str(m.group(0)).strip(" ,-–")
        head, _, rest = name.partition(" ")  # "Beslutning Byrådet den": a decision head's body
        return rest if rest and head.casefold() in {w.casefold() for w in vocab.decision_heads} \
            else name
    for part in _TITLE_PARTS.split(title):  # "Det fælles landdistriktsråd - Dagsordener ..."
        part = part.strip()
        words = part.split()
        if 1 < len(words) <= 5 and part[:1].isupper() and not find_date(part) and \
                words[-1].casefold().endswith(tuple(vocab.committee_suffixes)):
            return part
    return None


def _split_inline_labels(text: str, vocab: Vocabulary) -> list[str]:
    """``"Mødested: X Tilstede: A, B"`` -> two lines (only labels that carry a colon)."""
    if ":" not in text and len(text) < 200:
        return [text]
    out: list[str] = []
    for chunk in vocab.inline_toc_regex.split(text):
        out.extend(p for p in vocab.inline_label_regex.split(chunk) if p.strip())
    return out


_FIELD_NODE = {"date": "header.date", "end": "header.end_time", "location": "header.location",
               "committee": "header.committee", "participants": "participants",
               "absent": "participants", "note": "notes"}


def _header_lines(blocks: list[Block], vocab: Vocabulary, h: Header) -> list[Block]:
    """The header's lines: chrome set aside, several labels on a line split apart, a flattened
    title cut before its labels, labels printed in a column paired with their values."""
    lines: list[Block] = []
    for b in blocks:
        if vocab.is_chrome(b.text):
            h.marks.append((b, "furniture", "vocab.chrome", ""))
            continue
        for part in _split_inline_labels(b.text, vocab) if b.kind != "table_row" else [b.text]:
            lines.append(b if part == b.text else b.derive(part))
    lines, fragments = join_wrapped_labels(_split_long_title(lines, vocab), vocab)
    for b, field_ in fragments:  # the rest of a label wrapped in its cell ("kt:")
        _mark_field(h, b, field_, "header.wrapped_label")
    return _pair_label_columns(lines, vocab, h)


def _choose_title(lines: list[Block], vocab: Vocabulary, h: Header) -> Block | None:
    plain = [b for b in lines if vocab.match_label(b.text) is None and b.kind != "table_row"]
    typed = [b for b in plain[:12] if vocab.stated_document_type(b.text) and len(b.text) < 200]
    rich = [b for b in typed if find_date(b.text) or vocab.committee_regex.search(b.text)]
    title_block = (rich or typed or plain)[0] if plain else None  # none: labels only
    if title_block is not None:
        h.title = title_block.text.replace("\t", " ")
        h.marks.append((title_block, "title", "header.title", "header.title"))
    for b in [*([title_block] if title_block else []), *lines[:12]]:
        h.document_type = vocab.stated_document_type(b.text)
        if h.document_type:
            break
    return title_block


@dataclass
class _Reading:
    """The state of reading the header's lines in order."""

    current: str | None = None  # the label whose values continue on following lines
    loose_date: str | None = None  # a line with a date but no label
    loose_block: Block | None = None
    wrapped: bool = False  # the previous list line ended mid-name
    place_next: bool = False  # the line after an unlabelled date line may be the place
    label_bold: bool = False  # the label line was bold (its names may be too)


def _mark_field(h: Header, b: Block, field_: str, rule: str, value: bool = True) -> None:
    """Mark a header line; a "Bemærkninger:" label alone is structure, its text a note."""
    label: Label = "attendance" if field_ in ("participants", "absent") else \
        "note" if field_ == "note" and value else "header_field"
    h.marks.append((b, label, rule, _FIELD_NODE.get(field_, "notes")))


def _read_labelled(h: Header, b: Block, text: str, r: _Reading, vocab: Vocabulary) -> bool:
    """A label line, or a line continuing the values of the label before it."""
    hit = vocab.match_label(text)
    if hit is not None and ":" not in text and hit[2] and vocab.match_label(hit[2]) is not None:
        # "Udvalg Dato Type Hent": a row of column heads over a row of values, no label line
        h.notes.append(text)
        h.marks.append((b, "note", "header.label_row", "notes"))
        r.current = None
        return True
    if hit is not None:
        r.current, _, value = hit
        r.label_bold = b.bold
        r.wrapped = r.current in ("participants", "absent") and bool(value) and \
            not value.rstrip().endswith(",")
        _mark_field(h, b, r.current, "header.label", bool(value))
        if value:
            _apply(h, r.current, value, vocab)
            if r.current in ("date", "end", "location", "committee"):
                r.current = None
        return True
    # names go on in the label's type: a bold line after a plain label is a caption
    # ("Mødedeltagere:" then the column heads "Punkt  Titel" of the agenda's table)
    if r.current in ("participants", "absent") and b.kind in ("list_item", "para") and \
            (r.label_bold or not b.bold) and names_line(text, vocab):
        if r.wrapped and h.participants and not text[:1].islower():
            first, _, rest = text.partition(",")
            if len(first.split()) == 1 and len(h.participants[-1].name.split()) == 1:
                h.participants[-1].name += f" {first.strip()}"  # "Mette" / "Nielsen, ..."
                text = rest
        r.wrapped = not text.rstrip().endswith(",") and b.kind == "para"
        _mark_field(h, b, r.current, "header.names")
        if text.strip():
            _apply(h, r.current, text, vocab)
        return True
    if r.current in ("date", "location", "committee", "end", "note"):
        _mark_field(h, b, r.current, "header.label_value")
        _apply(h, r.current, text, vocab)
        r.current = None
        return True
    return False


def _read_unlabelled(h: Header, b: Block, text: str, r: _Reading, vocab: Vocabulary) -> None:
    """A line with no label: a loose date, the place after it, a clock line, or a note."""
    if r.loose_date is None and find_date(text) and len(text) < 120:
        r.loose_date, r.loose_block = text, b
        r.place_next = find_times(text)[0] is not None  # a "date kl. time" line
        h.marks.append((b, "header_field", "header.loose_date", "header.date"))
        return
    if r.place_next and h.location is None and _PLACE_LIKE.match(text) and \
            find_date(text) is None and \
            not vocab.committee_regex.fullmatch(text) and not vocab.document_type(text):
        h.location = text  # "Torsdag den 18. juni 2020 kl. 17.30" / "Rådhuset, ..."
        r.place_next = False
        h.marks.append((b, "header_field", "header.place_after_date", "header.location"))
        return
    if h.date and h.start_time is None and _KL_LINE.fullmatch(text):
        h.start_time, h.end_time = find_times(text)  # "Dato: 04.12.2031" / "kl. 13:00"
        h.marks.append((b, "header_field", "header.clock_line", "header.start_time"))
        return
    h.notes.append(text)
    h.note_blocks[text] = b
    h.marks.append((b, "note", "header.note", "notes"))
    r.place_next = False


def parse_header(blocks: list[Block], vocab: Vocabulary) -> Header:
    h = Header()
    lines = _header_lines(blocks, vocab, h)
    if not lines:
        return h
    title_block = _choose_title(lines, vocab, h)
    r = _Reading()
    for b in lines:
        text = b.text.replace("\t", " ").strip()
        if b.kind == "table_row" and len(b.cells) >= 2:
            text = f"{b.cells[0].rstrip(': ')}: {' '.join(b.cells[1:])}".strip(" :")
        if _read_labelled(h, b, text, r, vocab):
            continue
        r.current = None
        if b is not title_block:
            _read_unlabelled(h, b, text, r, vocab)
        else:
            r.place_next = False
    _settle(h, r, vocab)
    if h.date is None:
        h.date = _date_after_label(lines, vocab)
    return h


def _date_after_label(lines: list[Block], vocab: Vocabulary) -> dt.date | None:
    """Labels printed apart from their values ("Dato:" ... "Onsdag den 15-maj-2002", or a
    flattened "Dato Mødetidspunkt ... 27. februar 2014"): with no date found otherwise, the
    first date after a date label word is the meeting's."""
    rx = _date_label_word(vocab)
    seen = False
    for b in lines:
        text = b.text
        if not seen:
            m = rx.search(text)
            if m is None:
                continue
            seen, text = True, text[m.end():]
        if (hit := find_date(text)) is not None:
            return hit[0]
    return None


@lru_cache(maxsize=8)
def _date_label_word(vocab: Vocabulary) -> regex.Pattern[str]:
    words = sorted(vocab.labels["date"], key=len, reverse=True)
    return regex.compile(rf"(?<!\w)(?:{'|'.join(regex.escape(w) for w in words)})(?!\w)")


def _settle(h: Header, r: _Reading, vocab: Vocabulary) -> None:
    """Fallbacks once every line is read: the date from the title or a loose date line, the
    committee from the title or a note naming a body, the place from the title."""
    loose_date = r.loose_date
    for source in (h.title, loose_date):
        if h.date is None and source and (hd := find_date(source)):
            h.date = hd[0]
            if h.start_time is None:
                h.start_time, h.end_time = _times(source, h)
    if loose_date and h.date and find_date(loose_date) and h.start_time is None:
        h.start_time, h.end_time = _times(loose_date, h)
    if loose_date and (hd := find_date(loose_date)) and hd[0] != h.date:
        h.notes.append(loose_date)
        if r.loose_block is not None:
            h.marks.append((r.loose_block, "note", "header.other_date", "notes"))
    if h.committee is None and h.title:
        h.committee = committee_from_title(h.title, vocab)
    if h.committee is None and loose_date and (m := vocab.committee_regex.match(loose_date)) \
            and _names_a_body(str(m.group(0)), vocab) and \
            vocab.section_kind(str(m.group(0)).split()[0], fuzzy=False) is None:
        # "Teknik- og Bygningsudvalget tirsdag den 16. april 2024 kl. 16.30" under "Referat"
        h.committee = str(m.group(0)).strip(" ,")
    if h.committee is None:
        for note in h.notes:  # a line that is, or starts with, a body's name
            m = vocab.committee_regex.match(note.strip())
            if m is None and len(note) <= 60:  # "Tønder Kommune – Kommunalbestyrelsen"
                m = vocab.committee_regex.search(note.strip())
                nb = h.note_blocks.get(note)
                if m is not None and nb is not None and nb.kind == "list_item":
                    m = None  # "- Sammenlægning af Videnråd ...": a contents line naming a body
            if m and (m.end() == len(note.strip()) or len(note) < 120) and \
                    _names_a_body(str(m.group(0)), vocab):
                h.committee = _REPEAT.sub(r"\1", str(m.group(0)).strip(" ,"))
                if (nb := h.note_blocks.get(note)) is not None:
                    h.marks.append((nb, "header_field", "header.committee_line",
                                    "header.committee"))
                break
    if h.location is None and h.title and (m := _TITLE_PLACE.search(h.title)):
        h.location = m.group(1).strip()


def _names_a_body(name: str, vocab: Vocabulary) -> bool:
    """"Økonomiudvalget", "Udvalget for Teknik og Miljø" name a body; a column head such as
    "Titel Udvalg" (a bare suffix word after a label) does not."""
    words = name.split()
    last = words[-1].casefold() if words else ""
    bare = last in {s.casefold() for s in vocab.committee_suffixes}
    return not bare or " for " in name or " om " in name or (len(words) == 1 and \
        last not in ("udvalg", "råd", "nævn", "forum"))


def _split_long_title(lines: list[Block], vocab: Vocabulary) -> list[Block]:
    """A flattened first line ("X Referat af møde i Y Mødetidspunkt 31-08-2015 ...") is cut
    before each capitalised label word, so the title stands alone."""
    if not lines or len(lines[0].text) <= 100:
        return lines
    parts = [p for p in vocab.inline_label_word_regex.split(lines[0].text) if p.strip()]
    if len(parts) < 2:
        return lines
    return [lines[0]._replace(text=p.strip()) for p in parts] + lines[1:]


def _pair_label_columns(lines: list[Block], vocab: Vocabulary, h: Header) -> list[Block]:
    """Labels printed in one column and their values in the next ("Mødedato:" "Mødested:" ...
    then "25. maj 2016" "Rådhuset" ...) become label-value lines."""
    out: list[Block] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (hit := vocab.match_label(lines[j].text)) is not None \
                and not hit[2]:
            j += 1
        run = j - i
        values = lines[j: j + run]
        if run >= 2 and len(values) == run and all(
                vocab.match_label(v.text) is None and v.kind != "table_row" for v in values):
            for lab, val in zip(lines[i:j], values, strict=True):
                out.append(lab._replace(text=f"{lab.text.rstrip(': ')}: {val.text}"))
                hit = vocab.match_label(lab.text)
                _mark_field(h, val, hit[0] if hit else "note", "header.label_column")
            i = j + run
            continue
        out.extend(lines[i: max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _times(text: str, h: Header) -> tuple[str | None, str | None]:
    start, end = find_times(text)
    return start or h.start_time, end or h.end_time


def _apply(h: Header, field_: str, value: str, vocab: Vocabulary) -> None:
    if field_ == "date":
        hit = find_date(value)
        if hit and h.date is None:
            h.date = hit[0]
        h.start_time, end = _times(value, h)
        h.end_time = h.end_time or end
        c = _CLOCK_ONLY.match(value)
        if c and hit and c.start() < hit[1][1] and hit[1][0] < c.end():
            c = None  # "04.12.2031" starts with "04.12": a date, never the time 04:12
        if h.start_time is None and c:
            h.start_time = f"{int(c.group(1)):02d}:{c.group(2)}"  # "Mødetidspunkt 17.00"
        elif not hit and h.start_time is None:
            h.notes.append(value)
    elif field_ == "end":
        start, _ = find_times(value)
        h.end_time = start or h.end_time
    elif field_ == "location":
        h.location = value if h.location is None else f"{h.location}, {value}"
    elif field_ == "committee":
        named = vocab.committee_regex.search(value)
        if _QUOTED_NAME.match(value):  # 'Udvalget "Læring og Trivsel for Børn og Unge"'
            named = None
        h.committee = h.committee or (str(named.group(0)).strip() if named else value)
    elif field_ in ("participants", "absent"):
        absent = field_ == "absent"
        if absent and value.strip(" .").casefold() in ("ingen", "-", ""):
            h.notes.append(f"{'Fraværende' if absent else 'Deltagere'}: {value}")
            return
        for raw in split_names(value, vocab):
            p = participant(raw, vocab, absent=absent)
            if p is None:
                h.notes.append(raw)
                continue
            same = h.by_name.get(p.name)  # a dict: a list scan is quadratic on long lists
            if same is not None:
                same.absent = same.absent or p.absent
                same.note = same.note or p.note
            else:
                h.participants.append(p)
                h.by_name[p.name] = p
    else:
        h.notes.append(value)


_STARTED = regex.compile(r"(?i)\bmødet\s+(?:startede|begyndte|påbegyndt)\s+kl\.?\s*:?\s*"
                         r"(\d{1,2})[.:](\d{2})")
_ENDED = regex.compile(r"(?i)\b(?:mødet\s+)?(?:sluttede|hævet|afsluttet|slut)\s+kl\.?\s*:?\s*"
                       r"(\d{1,2})[.:](\d{2})")


def clock_from_text(lines: list[str]) -> tuple[str | None, str | None]:
    """"Mødet startede kl. 15.30 og sluttede kl. 16.45" anywhere in the document."""
    start = end = None
    for line in lines:
        if start is None and (m := _STARTED.search(line)):
            start = _clock(m)
        if end is None and "møde" in line.casefold() and (m := _ENDED.search(line)):
            end = _clock(m)
    return start, end


def _clock(m: regex.Match[str]) -> str | None:
    """``HH:MM`` from hour and minute groups, or None for an impossible time ("kl. 51.45")."""
    hour, minute = int(m.group(1)), int(m.group(2))
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None
