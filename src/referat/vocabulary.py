"""The one vocabulary of headings, labels and markers that the parsers recognise.

All document-structure words live here as data, so that a user can extend them without editing the
package::

    vocab = Vocabulary.default().extend({"sections": {"presentation": ["Sagens fremstilling"]}})
    referat.parse(path, vocabulary=vocab)

or with a TOML file of the same shape (``referat parse FILE --vocabulary extra.toml``)::

    [sections]
    financial = ["Budgetmæssige forhold"]
    [labels]
    location = ["Mødeadresse"]

Keys of ``sections`` are the contract's section kinds; keys of ``labels`` are header fields.
Matching ignores case, markup, trailing colons and (for section headings) small misspellings.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path

import regex
from rapidfuzz import fuzz, process

SECTIONS: dict[str, list[str]] = {
    "summary": [
        "Resume", "Resumé", "Resume og sagens baggrund", "Sagens baggrund", "Baggrund",
        "Beslutningstema", "Anledning", "Formål med sagen", "Problemstilling", "Kort fortalt",
        "Sammenfatning", "Indledning",
    ],
    "recommendation": [
        "Indstilling", "Indstillinger", "Forslag til beslutning", "Beslutningspunkter",
        "Forvaltningen foreslår", "Administrationen indstiller", "Indstilling og beslutning",
        "Forslag", "Hvem beslutter",
    ],
    "treatment": [
        "Behandling", "Forventet sagsgang", "Sagsgang", "Kompetence", "Beslutningskompetence",
        "Sagen afgøres i", "Kompetenceudvalg", "Politisk behandling",
    ],
    "presentation": [
        "Sagsfremstilling", "Beskrivelse", "Sagens indhold", "Sagsbeskrivelse", "Præsentation",
        "Løsning", "Vurdering", "Redegørelse", "Sagens fremstilling", "Sagsresumé",
        "Alternativer", "Tidsperspektiv", "Videre proces", "Kommunikation", "Sagen",
    ],
    "financial": [
        "Økonomiske konsekvenser", "Økonomi", "Økonomiske forhold og konsekvenser",
        "Bevillingsmæssige konsekvenser", "Økonomi og finansiering", "Økonomi og afledt drift",
        "Økonomiske forhold", "Økonomiske og personalemæssige konsekvenser",
        "Budgetmæssige konsekvenser", "Finansiering", "Bevilling",
    ],
    "decision": ["Beslutning", "Beslutninger", "Afgørelse", "Udvalgets beslutning"],
    "attachments": ["Bilag", "Bilagsliste", "Vedlagte bilag"],
    "case_type": ["Sagstype"],
    "history": ["Sagsforløb", "Tidligere beslutninger", "Tidligere behandling", "Historik"],
    "hearing": [
        "Høring", "Inddragelse og høring", "Høringssvar", "Høringsparter", "Borgerinddragelse",
    ],
    "legal": [
        "Lovgrundlag", "Retsgrundlag", "Juridiske forhold", "Lovgivning",
        "Juridiske og planmæssige forhold", "Hjemmel",
    ],
    "other": [
        "Bemærkninger", "Miljøvurdering", "Klima", "Personalemæssige konsekvenser",
        "Sundhedsmæssige konsekvenser", "Effekt", "Sagsbehandling",
    ],
}

# Header labels: field -> label words that introduce it ("Mødedato: Mandag d. ...").
LABELS: dict[str, list[str]] = {
    "date": [
        "Mødedato", "Dato", "Mødetid", "Mødetidspunkt", "Tidspunkt", "Tid", "Starttidspunkt",
        "Starttidspunkt for møde", "Mødedag", "Mødedo", "Mødet påbegyndt", "Mødestart",
    ],
    "end": ["Sluttidspunkt", "Mødet sluttede", "Mødet hævet", "Afsluttet", "Mødet afsluttet"],
    "location": ["Mødested", "Sted", "Lokale", "Mødelokale", "Møde lokation", "Mødeafholdelse"],
    "participants": [
        "Mødedeltagere", "Medlemmer", "Deltagere", "Tilstede", "Til stede", "Indkaldelse",
        "Deltagere var", "Deltagerne var", "Deltagerne",
    ],
    "absent": [
        "Fraværende", "Afbud", "Fraværende med afbud", "Afbud/Fraværende", "Fravær",
        "Fraværende uden afbud",
    ],
    "committee": ["Udvalg", "Møde", "Forum"],
    "note": ["Bemærkninger", "Bemærkning"],
}

# Headings that may only group the sections after them (FirstAgenda prints an outer
# "Sagsfremstilling" holding Resume, Indstillinger, ... and an inner "Sagsfremstilling").
GROUPING = ["Sagsfremstilling", "Sagsbeskrivelse", "Sagen"]

# The last word of a body's name ends with one of these ("Økonomiudvalget", "Byrådet",
# "Kommunalbestyrelsen", "Direktionen", "Udvalget for Teknik og Miljø").
COMMITTEE_SUFFIXES = [
    "udvalg", "udvalget", "rådet", "råd", "nævnet", "nævn", "bestyrelsen", "bestyrelse",
    "direktionen", "direktion", "repræsentationen", "forum", "forummet", "komitéen", "komiteen",
    "styregruppen", "borgermødet",
]

# Labels of case references (the patterns themselves live in parsers/casenumbers.py).
CASE_LABELS = ["Sagsnr.", "Sag nr.", "Sag", "Sagsid.", "J.nr.", "Journalnr.", "Dok.nr.", "Dok.",
               "Dokumentnr.", "KLE"]

TOC_HEADINGS = ["Indholdsfortegnelse", "Dagsordenspunkter", "Indhold", "Punkter på dagsordenen",
                "Følgende sager behandles", "Punkter til dagsorden"]

# Words that mark an item (or a TOC line) as closed, or explicitly open.
CLOSED_MARKERS = [
    "Lukket punkt", "Lukket sag", "Lukket", "For lukkede døre", "Fortroligt", "Lukkede sager",
    "Lukket dagsorden",
]
OPEN_MARKERS = ["Åbent punkt", "Åben sag", "Åbent", "Åben"]

DOCUMENT_TYPES = {
    "referat": ["Referat", "Beslutningsprotokol", "Protokol", "Mødereferat"],
    "dagsorden": ["Dagsorden", "Dagsorden åben"],
}

# Lines that are page chrome or navigation, never content (compared case-insensitively).
CHROME = [
    "Til indholdsfortegnelse", "Tilbage til forsiden", "Hent som PDF", "Kopier link",
    "Til toppen", "Print", "Udskriv", "Udskriv hele dagsordnen", "Se alle bilag", "You are here",
    "Printvenlig version", "SHOW MORE", "SHOW LESS", "background image", "Accepter cookies",
    "Tilbage", "Til forsiden", "Gå til indhold", "Spring til indhold", "Spring til hovedindhold",
    "Åben som PDF", "Hent hele dagsordenen", "Hent hele referatet", "Del på Facebook",
    "Del på LinkedIn", "Del siden", "Afvis cookies", "Cookieindstillinger", "Læs mere om cookies",
    "Skip to content", "Back to top", "Side",
]


def _norm(text: str) -> str:
    return " ".join(text.split()).strip(":;.-–|* ").strip().casefold()


@dataclass(frozen=True, eq=False)
class Vocabulary:
    sections: Mapping[str, Sequence[str]] = field(default_factory=lambda: SECTIONS)
    labels: Mapping[str, Sequence[str]] = field(default_factory=lambda: LABELS)
    toc_headings: Sequence[str] = field(default_factory=lambda: TOC_HEADINGS)
    committee_suffixes: Sequence[str] = field(default_factory=lambda: COMMITTEE_SUFFIXES)
    grouping: Sequence[str] = field(default_factory=lambda: GROUPING)
    closed_markers: Sequence[str] = field(default_factory=lambda: CLOSED_MARKERS)
    open_markers: Sequence[str] = field(default_factory=lambda: OPEN_MARKERS)
    document_types: Mapping[str, Sequence[str]] = field(default_factory=lambda: DOCUMENT_TYPES)
    chrome: Sequence[str] = field(default_factory=lambda: CHROME)
    fuzzy_cutoff: float = 88.0

    @classmethod
    def default(cls) -> Vocabulary:
        return _DEFAULT

    @classmethod
    def from_toml(cls, path: str | Path) -> Vocabulary:
        with open(path, "rb") as fh:
            return cls.default().extend(tomllib.load(fh))

    def extend(self, extra: Mapping[str, object]) -> Vocabulary:
        """A new vocabulary with ``extra`` words added (same keys as the attributes)."""
        unknown = set(extra) - {
            "sections", "labels", "toc_headings", "grouping", "committee_suffixes",
            "closed_markers", "open_markers", "document_types", "chrome",
        }
        if unknown:
            raise ValueError(f"unknown vocabulary keys: {', '.join(sorted(unknown))}")
        kw: dict[str, object] = {}
        for key, value in extra.items():
            current = getattr(self, key)
            if isinstance(current, Mapping):
                if not isinstance(value, Mapping):
                    raise ValueError(f"vocabulary key {key!r} takes a table of lists")
                if key == "sections":
                    bad = set(value) - set(SECTIONS)
                    if bad:
                        raise ValueError(f"unknown section kinds: {', '.join(sorted(bad))}")
                merged = {k: list(v) for k, v in current.items()}
                for k, words in value.items():
                    merged.setdefault(k, []).extend(str(w) for w in words)
                kw[key] = merged
            else:
                if not isinstance(value, Sequence) or isinstance(value, str):
                    raise ValueError(f"vocabulary key {key!r} takes a list of strings")
                kw[key] = [*current, *(str(w) for w in value)]
        base = {f.name: getattr(self, f.name) for f in fields(self)}
        return Vocabulary(**{**base, **kw})

    # --- lookups -----------------------------------------------------------------------------

    @cached_property
    def _section_index(self) -> dict[str, str]:
        return {_norm(w): kind for kind, words in self.sections.items() for w in words}

    @cached_property
    def _section_regex(self) -> regex.Pattern[str]:
        words = sorted({w for ws in self.sections.values() for w in ws}, key=len, reverse=True)
        alt = "|".join(regex.escape(w) for w in words)
        # glued only at a lower-to-upper change ("BeslutningGodkendt."), never inside an
        # all-capitals word ("BESLUTNINGSFORSLAG")
        return regex.compile(rf"^(?i:{alt})(?:(?<=\p{{Ll}})(?=\p{{Lu}})|(?=\s*:)|$)")

    @cached_property
    def committee_pattern(self) -> str:
        """A regex (string) matching a body's name: capitalised words ending in a suffix."""
        alt = "|".join(regex.escape(w) for w in sorted(self.committee_suffixes, key=len,
                                                         reverse=True))
        word = r"(?!(?i:kommune)\b)[\p{Lu}][\p{L}]*(?:-,?|,)?"
        tail = (r"(?:\s+(?:for|om|vedr\.)\s+"
                r"(?:(?!den\b|d\.|kl\b)[\p{L}&]+-?(?:,(?=\s+\p{L}))?(?=\s|$|,)\s*){1,5})?")
        last = r"(?<!\p{L})(?:[\p{Lu}][\p{L}]*)?"
        return rf"(?<!\p{{L}})(?:{word}\s+(?:og\s+)?)*{last}(?i:{alt})(?=s?\b){tail}"

    @cached_property
    def committee_regex(self) -> regex.Pattern[str]:
        return regex.compile(self.committee_pattern)

    def section_kind(self, heading: str, *, fuzzy: bool = True) -> tuple[str, bool] | None:
        """The section kind of a heading line and whether it matched only fuzzily."""
        key = _norm(heading)
        if not key or len(key) > 60:
            return None
        kind = self._section_index.get(key)
        if kind is not None:
            return kind, False
        if not fuzzy or len(key) < 5:
            return None
        best = process.extractOne(
            key, self._section_index.keys(), scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff
        )
        if best is None:
            return None
        return self._section_index[best[0]], True

    def split_glued_heading(self, line: str) -> tuple[str, str] | None:
        """``"BeslutningGodkendt."`` -> ``("Beslutning", "Godkendt.")``; ``"Bilag: x"`` likewise."""
        m = self._section_regex.match(line)
        if m is None:
            return None
        rest = line[m.end():].lstrip(" :").strip()
        return m.group(0), rest

    @cached_property
    def _label_regex(self) -> regex.Pattern[str]:
        pairs = sorted(
            ((w, f) for f, ws in self.labels.items() for w in ws), key=lambda p: -len(p[0])
        )
        alt = "|".join(regex.escape(w) for w, _ in pairs)
        return regex.compile(rf"^\s*({alt})\s*(?::|\||(?=\s)|$)\s*\|?\s*", regex.IGNORECASE)

    @cached_property
    def _label_index(self) -> dict[str, str]:
        return {w.casefold(): f for f, ws in self.labels.items() for w in ws}

    def match_label(self, line: str) -> tuple[str, str, str] | None:
        """``"Mødested: Rådhuset"`` -> ``("location", "Mødested", "Rådhuset")``."""
        m = self._label_regex.match(line)
        if m is None or not m.group(1)[0].isupper():
            return None
        label = m.group(1)
        return self._label_index[label.casefold()], label, line[m.end():].strip(" |:")

    @cached_property
    def _doctype_regexes(self) -> list[tuple[str, regex.Pattern[str]]]:
        return [(dtype, regex.compile(rf"\b(?:{'|'.join(regex.escape(w) for w in words)})\b",
                                      regex.IGNORECASE))
                for dtype, words in self.document_types.items()]

    def document_type(self, text: str) -> str | None:
        for dtype, rx in self._doctype_regexes:
            if rx.search(text):
                return dtype
        return None

    @cached_property
    def inline_label_regex(self) -> regex.Pattern[str]:
        """Where a line holding several labels ("Mødested: X Tilstede: A") splits."""
        words = sorted({w for ws in self.labels.values() for w in ws}, key=len, reverse=True)
        alt = "|".join(regex.escape(w) for w in words)
        return regex.compile(rf"(?<=\S)\s+(?=(?:{alt})\s*:)")

    @cached_property
    def inline_label_word_regex(self) -> regex.Pattern[str]:
        """Before a capitalised label word, colon or not (for flattened title lines)."""
        words = sorted({w for ws in self.labels.values() for w in ws if len(w) > 4},
                       key=len, reverse=True)
        alt = "|".join(regex.escape(w) for w in words)
        return regex.compile(rf"(?<=\S)\s+(?=(?:{alt})\b)")

    @cached_property
    def inline_toc_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in self.toc_headings)
        return regex.compile(rf"\s+(?=(?:{alt})\b)")

    @cached_property
    def closed_prefix_regex(self) -> regex.Pattern[str]:
        return regex.compile(rf"^\(?(?:{self.closed_regex.pattern})\)?\s*[:\-–.]?\s*(?=\S)",
                             regex.IGNORECASE)

    @cached_property
    def closed_suffix_regex(self) -> regex.Pattern[str]:
        return regex.compile(rf"\s*[(\-–]\s*(?:{self.closed_regex.pattern})\s*\)?\s*$",
                             regex.IGNORECASE)

    @cached_property
    def _chrome_set(self) -> frozenset[str]:
        return frozenset(_norm(c) for c in self.chrome)

    def is_chrome(self, line: str) -> bool:
        return _norm(line) in self._chrome_set

    @cached_property
    def closed_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in sorted(self.closed_markers, key=len, reverse=True))
        return regex.compile(rf"\b(?:{alt})\b", regex.IGNORECASE)

    @cached_property
    def open_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in sorted(self.open_markers, key=len, reverse=True))
        return regex.compile(rf"^\(?(?:{alt})\)?$", regex.IGNORECASE)

    def is_grouping(self, heading: str) -> bool:
        key = _norm(heading)
        return any(key == _norm(h) for h in self.grouping)

    def is_toc_heading(self, line: str) -> bool:
        key = _norm(line)
        return any(key == _norm(h) for h in self.toc_headings)

    @cached_property
    def all_words(self) -> frozenset[str]:
        """Every structural word (for tests that prove nothing else is dropped)."""
        words: set[str] = set()
        for group in (*self.sections.values(), *self.labels.values(), self.toc_headings,
                      CASE_LABELS,
                      self.closed_markers, self.open_markers, *self.document_types.values(),
                      self.chrome):
            for w in group:
                words.update(regex.findall(r"\w+", w.casefold()))
        return frozenset(words)


_DEFAULT = Vocabulary()

__all__ = ["Vocabulary"]
