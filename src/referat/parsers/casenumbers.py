"""Case references: Sagsnr., J.nr./KLE, Dokumentnr., on one line or several, labelled or bare.

``"Sagsnr.: 326-2018-26413 J.nr.: 00.01.00 Dokumentnr.: 326-2021-56664"``,
``"Sag 306-2009-600 / Dok. 306-2019-263412 / Initialer: PIM"``, ``"Sagsid.: 20/33839"``,
``"Åbent - 00.22.00-G01-1-16"``, ``"EMN-2025-010561"``, a bare ``"22-009894"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..vocabulary import Vocabulary
from .memo import remembered
from .patterns import state_word

VALUE = r"(?:[A-ZÆØÅ]{2,5}-)?\d[\dA-Za-zÆØÅ]*(?:[./-]+[\dA-Za-zÆØÅ]+)*"
_FIELDS = ("case_number", "journal_number", "document_number")


def _label_alt(words: Sequence[str]) -> str:
    """A label's pattern: a dot may be left out and spaces put in or left out after a dot or
    where the label has a space ("J.nr." matches "J. nr" and "Jnr"), longest label first."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        parts = [regex.escape(p).replace(r"\.", r"\.?\s*") for p in w.split()]
        out.append(r"\s*".join(parts))
    return "|".join(out)


@dataclass(frozen=True)
class _Labels:
    """The vocabulary's case-reference labels as patterns."""

    labelled: regex.Pattern[str]  # a label and its value, anywhere in a line
    start: regex.Pattern[str]  # a label opening a line
    hints: tuple[str, ...]  # a casefolded piece of every label: a cheap first test


@lru_cache(maxsize=8)
def _labels(vocab: Vocabulary) -> _Labels:
    table = vocab.case_labels
    words = [w for f in _FIELDS for w in table.get(f, ())]
    first = "".join(sorted({w[0].casefold() for w in words}))
    alts = "|".join(f"(?P<{f}>{_label_alt(table[f])})" for f in _FIELDS if table.get(f))
    labelled = regex.compile(  # a label's first letter first: a cheap test at every position
        rf"(?=[{regex.escape(first)}])(?:(?<![\p{{L}}])|(?<=\p{{Ll}})(?=\p{{Lu}}))(?P<label>{alts})"
        rf"\.?\s*[:.]?\s*(?P<value>{VALUE})", regex.IGNORECASE)
    start = regex.compile(rf"^(?:{_label_alt(words)})(?!\p{{Ll}})", regex.IGNORECASE)
    runs = {max(regex.findall(r"\p{L}+", w.casefold()), key=len, default="") for w in words}
    hints = tuple(sorted(h for h in runs if not any(o != h and o in h for o in runs)))
    return _Labels(labelled, start, hints)


def field_labels(vocab: Vocabulary, field: str) -> str:
    """The labels of one field ("document_number": "Dok.nr.", ...) as a pattern to embed."""
    return _label_alt(vocab.case_labels.get(field, ()))


@lru_cache(maxsize=8)
def before_label(vocab: Vocabulary) -> regex.Pattern[str]:
    """The space before a case label run into a line ("... Side 3 Sagsnr.: 12"), for labels that
    are no ordinary short word ("Sag", "Dok." are left out: one piece of under five letters)."""
    words = [w for ws in vocab.case_labels.values() for w in ws
             if len(regex.findall(r"\p{L}+", w)) > 1 or len(w.strip(".")) >= 5]
    return regex.compile(rf"(?<=\S)\s+(?=(?:{_label_alt(words)})(?:\s|:|$))")


_THREE_DIGITS = regex.compile(r"\d\D*\d\D*\d")  # _looks_like_number's minimum
_SEPARATORS = regex.compile(r"[\s/|,]+")
_YEAR = regex.compile(r"(19|20)\d\d")
_KLE = regex.compile(r"^\d\d\.\d\d(?:\.\d\d)?$")
_LOOKS_LIKE_CASE = regex.compile(
    r"^(?:[A-ZÆØÅ]{2,5}-\d{4}-\d+|\d+[-/]\d+(?:[-/][\dA-Z]+)*|\d\d\.\d\d\.\d\d[\dA-ZÆØÅ.-]*"
    r"|\d{5,})$"
)


@dataclass(frozen=True)
class CaseRef:
    """A case reference's values (frozen: the parse remembers the answers for a line)."""

    case_number: str | None = None
    journal_number: str | None = None
    document_number: str | None = None

    def merged(self, other: CaseRef) -> CaseRef:
        """This reference with the values it lacks taken from ``other``."""
        return CaseRef(self.case_number or other.case_number,
                       self.journal_number or other.journal_number,
                       self.document_number or other.document_number)

    def __bool__(self) -> bool:
        return bool(self.case_number or self.journal_number or self.document_number)


@remembered
def parse_labelled(line: str, vocab: Vocabulary) -> tuple[CaseRef, str]:
    """Case references with labels (``vocab.case_labels``) in ``line``; returns them and the
    line with them removed (the line as it is when it holds none)."""
    labels = _labels(vocab)
    if _THREE_DIGITS.search(line) is None or not _holds_any(line.casefold(), labels.hints):
        # cheap tests before the label regex: the 3 digits a value needs, and a label word
        return CaseRef(), line
    found: dict[str, str] = {}
    rest = line
    for m in labels.labelled.finditer(line):
        field = next(k for k in _FIELDS if m.group(k))
        value = m["value"].rstrip(".-")
        if not _looks_like_number(value):
            continue
        found.setdefault(field, value)
        rest = rest.replace(m.group(0), " ", 1)
    if not found:
        return CaseRef(), line
    return CaseRef(**found), _SEPARATORS.sub(" ", rest).strip()


def _holds_any(text: str, pieces: tuple[str, ...]) -> bool:
    return any(k in text for k in pieces)


def _looks_like_number(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 3


@lru_cache(maxsize=8)
def _bare(vocab: Vocabulary) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A bare value, and a KLE number with a case number, each perhaps after a one-word open or
    closed marker ("Åbent - ...")."""
    state = state_word(vocab)
    return (
        regex.compile(rf"^(?:(?i:{state})\s*[-–:]?\s*)?(?P<value>{VALUE})\s*-?$"),
        regex.compile(
            rf"^(?:(?i:{state})\s*[-–:]\s*)?(?P<kle>\d\d\.\d\d(?:\.\d\d)?(?:-?[A-ZÆØÅ]\d\d)?)"
            rf"\s+[-–]\s+(?P<value>{VALUE})$"),
    )


_FULL_KLE = regex.compile(r"\d\d\.\d\d\.\d\d-?[A-ZÆØÅ]\d\d")


@remembered
def parse_bare(line: str, vocab: Vocabulary) -> CaseRef | None:
    """A line that is nothing but a case number (optionally after Åbent/Lukket), or a KLE
    journal number and a case number ("Åbent - 00.01.00A04 - 2007/34364")."""
    bare, kle_and_case = _bare(vocab)
    if (k := kle_and_case.match(line.strip())) is not None:
        if _LOOKS_LIKE_CASE.match(k["value"]) and not _YEAR.fullmatch(k["value"]):
            return CaseRef(case_number=k["value"], journal_number=k["kle"])
        if _FULL_KLE.fullmatch(k["kle"]):
            return CaseRef(journal_number=k["kle"])  # the case number cut off ("... - 20")
    m = bare.match(line.strip())
    if m is None:
        return None
    value = m["value"]
    if _KLE.match(value):
        return CaseRef(journal_number=value)
    if not _LOOKS_LIKE_CASE.match(value) or _YEAR.fullmatch(value):
        return None
    return CaseRef(case_number=value)


_LEADING = regex.compile(r"^(?P<value>\d\d\.\d\d\.\d\d-?[A-ZÆØÅ]\d\d(?:-\d+){2})\s+(?P<rest>\S.*)$")


def parse_leading(line: str) -> tuple[CaseRef, str] | None:
    """A KLE-style case number opening a flattened line: ``"00.22.02-A26-1-13 Godkendelse"``."""
    m = _LEADING.match(line.strip())
    if m is None:
        return None
    return CaseRef(case_number=m["value"]), m["rest"]


_TITLE_REF = regex.compile(
    r"\s*\((?P<value>(?:[A-ZÆØÅ]{2,5}-)?\d{2,4}-\d{3,}(?:-\d+)?|\d\d\.\d\d\.\d\d[-\dA-ZÆØÅ]*)\)\s*$"
)


def split_title_ref(title: str) -> tuple[str, CaseRef | None]:
    """``"Budget 2020 (2019-0234567)"`` -> ``("Budget 2020", CaseRef("2019-0234567"))``."""
    m = _TITLE_REF.search(title)
    if m is None or m.start() == 0:
        return title, None
    return title[: m.start()].rstrip(), CaseRef(case_number=m["value"])


def opens_with_label(line: str, vocab: Vocabulary) -> bool:
    """``line`` begins with a case-reference label ("Sagsnr.: ...", "Dok.nr. ...")."""
    return _labels(vocab).start.match(line) is not None


def is_ref_line(line: str, vocab: Vocabulary, max_rest: int = 8) -> bool:
    """A line that holds a case reference and little else (at most ``max_rest`` other words)."""
    text = line.strip()
    if parse_bare(text, vocab) is not None:
        return True
    ref, rest = parse_labelled(text, vocab)
    return bool(ref) and len(rest.split()) <= max_rest
