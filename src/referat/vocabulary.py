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

A :class:`Vocabulary` is immutable: its lists are tuples and its tables read-only mappings, so
the default that every parse shares cannot be changed by accident. ``extend`` returns a new one
and checks every key and word, raising :class:`~referat.errors.VocabularyError` naming the bad
key and the allowed ones.

Adding a kind of word: add a module-level tuple (a list) or :class:`WordTable` (words by key) and a
field defaulting to it. ``extend`` and the checks pick it up from the field's default: a list
takes more words, a table takes words for the keys its default has (or, for ``sections`` and
``document_types``, the values the contract allows).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, get_args

import regex
from rapidfuzz import fuzz, process

from .errors import VocabularyError
from .models import Meeting, SectionKind

Words = tuple[str, ...]


class WordTable(Mapping[str, Words]):
    """A read-only table of words by key (``{"decision": ("Beslutning", ...)}``)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Sequence[str]]) -> None:
        self._data: dict[str, Words] = {k: tuple(v) for k, v in data.items()}

    def __getitem__(self, key: str) -> Words:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"WordTable({self._data!r})"

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

SECTIONS = WordTable({
    "summary": [
        "Resume", "Resumé", "Resume og sagens baggrund", "Sagens baggrund", "Baggrund",
        "Beslutningstema", "Anledning", "Formål med sagen", "Problemstilling", "Kort fortalt",
        "Sammenfatning", "Indledning", "Sagens kerne", "Sammendrag", "Sagstema", "Sagsresumé",
        "Sagsresume",
    ],
    "recommendation": [
        "Indstilling", "Indstillinger", "Forslag til beslutning", "Beslutningspunkter",
        "Forvaltningen foreslår", "Administrationen indstiller", "Indstilling og beslutning",
        "Forslag", "Hvem beslutter",
    ],
    "treatment": [
        "Behandling", "Forventet sagsgang", "Sagsgang", "Kompetence", "Beslutningskompetence",
        "Sagen afgøres i", "Kompetenceudvalg", "Politisk behandling", "Sagsprocedure",
        "Sagen behandles i", "Sagen afgøres af",
    ],
    "presentation": [
        "Sagsfremstilling", "Beskrivelse", "Sagens indhold", "Sagsbeskrivelse", "Præsentation",
        "Løsning", "Vurdering", "Redegørelse", "Sagens fremstilling", "Alternativer",
        "Tidsperspektiv", "Videre proces", "Kommunikation", "Sagen",
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
    "history": [
        "Sagsforløb", "Tidligere beslutninger", "Tidligere behandling", "Historik", "Sagens forløb",
        "Sagshistorik",
    ],
    "hearing": [
        "Høring", "Inddragelse og høring", "Høringssvar", "Høringsparter", "Borgerinddragelse",
    ],
    "legal": [
        "Lovgrundlag", "Retsgrundlag", "Juridiske forhold", "Lovgivning",
        "Juridiske og planmæssige forhold", "Hjemmel", "Retsregler",
    ],
    "other": [
        "Bemærkninger", "Miljøvurdering", "Klima", "Personalemæssige konsekvenser",
        "Sundhedsmæssige konsekvenser", "Effekt", "Sagsbehandling", "Personale", "Tidsplan",
        "Afledte konsekvenser", "Andre konsekvenser", "Øvrige konsekvenser",
    ],
})

# Header labels: field -> label words that introduce it ("Mødedato: Mandag d. ...").
LABELS = WordTable({
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
})

# Headings that may only group the sections after them (FirstAgenda prints an outer
# "Sagsfremstilling" holding Resume, Indstillinger, ... and an inner "Sagsfremstilling").
GROUPING: Words = ("Sagsfremstilling", "Sagsbeskrivelse", "Sagen", "Fremstilling")

# The last word of a body's name ends with one of these ("Økonomiudvalget", "Byrådet",
# "Kommunalbestyrelsen", "Direktionen", "Udvalget for Teknik og Miljø").
COMMITTEE_SUFFIXES: Words = (
    "udvalg", "udvalget", "rådet", "råd", "nævnet", "nævn", "bestyrelsen", "bestyrelse",
    "direktionen", "direktion", "repræsentationen", "forum", "forummet", "komitéen", "komiteen",
    "styregruppen", "borgermødet", "magistraten", "magistrat",
)

# Labels of case references, by the field their value fills ("Sagsnr.: 23-001"). A dot may be
# left out and a space put in or left out where the label has a dot or a space ("J.nr." matches
# "J. nr", "Jnr"; "Sag nr." matches "Sagnr").
CASE_LABELS = WordTable({
    "case_number": [
        "Sagsnr.", "Sags. nr.", "Sag nr.", "Sag. nr.", "Sagsnummer", "Sagsid", "Sags-id", "Sag",
        "Emnenr.", "Akt-id", "Aktid",
    ],
    "journal_number": ["J.nr.", "Journalnr.", "Journal-nr.", "Journalnummer", "KLE-nr.", "KLE"],
    "document_number": [
        "Dok.nr.", "Dokumentnr.", "Dokument. nr.", "Dokumentnummer", "Dok.", "Dok-id", "Dokid",
    ],
})

# Words before an item's number that name it an item ("Punkt 3:", "Pkt. 42", "Sag nr. 130"),
# and those that only number it ("Nr. 7"), so a line they open is an item only in their form.
ITEM_PREFIXES: Words = ("Dagsordenspunkt", "Punkt nr.", "Punkt", "Pkt.", "Sag nr.", "Sag")
NUMBER_PREFIXES: Words = ("Nr.",)

# Words that open a decision by a named body ("Beslutning i Økonomiudvalget den ...",
# "Byrådets afgørelse ...").
DECISION_HEADS: Words = ("Beslutning", "Afgørelse", "Behandling")

TOC_HEADINGS: Words = (
    "Indholdsfortegnelse", "Dagsordenspunkter", "Indhold", "Punkter på dagsordenen",
    "Følgende sager behandles", "Punkter til dagsorden", "Dagsordenpunkter", "Sagsoversigt",
    "Punkter", "Pkt. Tekst", "Pkt. Tekst Side", "Punkt Tekst Side", "Nr. Tekst Side",
    "Følgende sager behandles på mødet",
)

# Headings of the meeting's end matter after the last item: the signature page and the list
# of all attachments (TOCs of 040 Ringkøbing-Skjern, 041 Esbjerg, 054 Silkeborg, 075 Rebild,
# 077 Skive, 087 Varde list them after the items). Numbered, they are items ("20.
# Underskriftsblad", Albertslund; "162. Underskriftsark (Lukket)", Stevns).
END_MATTER: Words = (
    "Underskriftsside", "Underskriftsblad", "Underskrifter", "Underskriftsark",
    "Bilagsliste", "Samlet bilagsliste",
)

# Outcomes printed as what was decided ("Dagsorden godkendt.", "Godkendelse af dagsorden:" /
# "Godkendt" in the header of 014 Sermersooq and 079 Gribskov): a meeting-level line that
# approves the agenda with one makes the document a referat.
OUTCOMES: Words = (
    "Godkendt", "Godkendes", "Taget til efterretning", "Vedtaget", "Tiltrådt", "Anbefales",
)

# Roles printed before a participant's name ("Formand: Anne Hansen", "Borgmester Jens Lund").
ROLES: Words = (
    "Formand", "Næstformand", "Borgmester", "Overborgmester", "Rådmand", "Viceborgmester",
)

# Words that mark an item (or a TOC line) as closed, or explicitly open.
CLOSED_MARKERS: Words = (
    "Lukket punkt", "Lukket sag", "Lukket", "For lukkede døre", "Fortroligt", "Lukkede sager",
    "Lukket dagsorden",
)
OPEN_MARKERS: Words = ("Åbent punkt", "Åben sag", "Åbent", "Åben")

DOCUMENT_TYPES = WordTable({
    "referat": ["Referat", "Beslutningsprotokol", "Protokol", "Mødereferat"],
    "dagsorden": ["Dagsorden", "Dagsorden åben"],
})

# Lines that are page chrome or navigation, never content (compared case-insensitively).
CHROME: Words = (
    "Til indholdsfortegnelse", "Tilbage til forsiden", "Hent som PDF", "Kopier link",
    "Til toppen", "Print", "Udskriv", "Udskriv hele dagsordnen", "Se alle bilag", "You are here",
    "Printvenlig version", "SHOW MORE", "SHOW LESS", "background image", "Accepter cookies",
    "Tilbage", "Til forsiden", "Gå til indhold", "Spring til indhold", "Spring til hovedindhold",
    "Åben som PDF", "Hent hele dagsordenen", "Hent hele referatet", "Del på Facebook",
    "Del på LinkedIn", "Del siden", "Afvis cookies", "Cookieindstillinger", "Læs mere om cookies",
    "Skip to content", "Back to top", "Side",
)


# What may join a heading word to its qualifier ("Beskrivelse af sagen", "Lovgrundlag – link").
# (Not "for", "til", "om": "Baggrund for puljen" is a topic inside a section, not a heading.)
_QUALIFIER = regex.compile(r"^(?:\s*[–\-,(/]|\s+(?:og|af|samt|mv\.?)\b)")
# A qualifying word before a heading word has an adjective's shape ("Administrativ",
# "Alternativ", "Supplerende", "Samlet", "Endelig"), never a name's ("First-agenda") or a
# function word's ("til", "ingen").
_ADJECTIVE = regex.compile(r"^\p{L}{3,}(?i:iv|ig|sk|ende|et|ede)$")


_MAX_CHROME_RUN = 12  # words: a longer line is content, whatever its words


_EDGE = ":;.-–|* "  # what _norm strips from a key's ends


@lru_cache(maxsize=8192)  # parsers ask about the same line several times
def _norm(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE).strip().casefold()


@dataclass(frozen=True)
class StartScreen:
    """A cheap first test for a pattern that matches one of ``words`` at a line's start
    (case-insensitively): the line must start with the first k letters of one of them, k being
    at most 3 and no more than the shortest word has."""

    k: int
    starts: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> StartScreen:
        found = [w for w in words if w]
        k = min([3, *map(len, found)])
        return cls(k, frozenset(w[:k].lower() for w in found))

    def admits(self, line: str) -> bool:
        return line[:self.k].lower() in self.starts


def _first_word(text: str) -> tuple[str, str] | None:
    """What the first word of ``_norm(text)`` is: as printed, or (when it is the last word)
    without its trailing edge characters; None when the first few words are only edges."""
    words = text.split(None, 4)
    for tok in words[:4]:
        word = tok.lstrip(_EDGE).casefold()
        if word:
            return word, word.rstrip(_EDGE)
    return None


# Keys of a table the contract fixes (other tables take the keys their default has).
_CONTRACT_KEYS: dict[str, tuple[str, ...]] = {
    "sections": get_args(SectionKind),
    "case_labels": ("case_number", "journal_number", "document_number"),
    "document_types": tuple(  # Literal["referat", "dagsorden"] | None
        value for arg in get_args(Meeting.model_fields["document_type"].annotation)
        for value in get_args(arg)),
}


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The words the parsers recognise. Immutable; :meth:`extend` makes a larger one."""

    sections: Mapping[str, Sequence[str]] = SECTIONS
    labels: Mapping[str, Sequence[str]] = LABELS
    case_labels: Mapping[str, Sequence[str]] = CASE_LABELS
    toc_headings: Sequence[str] = TOC_HEADINGS
    item_prefixes: Sequence[str] = ITEM_PREFIXES
    number_prefixes: Sequence[str] = NUMBER_PREFIXES
    decision_heads: Sequence[str] = DECISION_HEADS
    committee_suffixes: Sequence[str] = COMMITTEE_SUFFIXES
    grouping: Sequence[str] = GROUPING
    closed_markers: Sequence[str] = CLOSED_MARKERS
    open_markers: Sequence[str] = OPEN_MARKERS
    document_types: Mapping[str, Sequence[str]] = DOCUMENT_TYPES
    chrome: Sequence[str] = CHROME
    end_matter: Sequence[str] = END_MATTER
    outcomes: Sequence[str] = OUTCOMES
    roles: Sequence[str] = ROLES
    fuzzy_cutoff: float = 88.0

    def __post_init__(self) -> None:
        for key in _word_fields():
            object.__setattr__(self, key, _checked(key, getattr(self, key)))

    @classmethod
    def default(cls) -> Vocabulary:
        """The built-in vocabulary (shared, immutable)."""
        return _DEFAULT

    @classmethod
    def from_toml(cls, path: str | Path) -> Vocabulary:
        """The default vocabulary extended by a TOML file of the same shape as :meth:`extend`."""
        name = str(path)
        try:
            with open(path, "rb") as fh:
                extra = tomllib.load(fh)
        except OSError as exc:
            raise VocabularyError(name, f"cannot read the vocabulary file ({exc.strerror})"
                                  ) from None
        except tomllib.TOMLDecodeError as exc:
            raise VocabularyError(name, f"not valid TOML: {exc}") from None
        try:
            return cls.default().extend(extra)
        except VocabularyError as exc:
            raise VocabularyError(name, exc.reason, key=exc.key, allowed=exc.allowed) from None

    def extend(self, extra: Mapping[str, Any]) -> Vocabulary:
        """A new vocabulary with ``extra``'s words added to this one's (words are never removed).

        ``extra`` has the attributes' shape: ``{"sections": {"financial": ["..."]},
        "committee_suffixes": ["..."]}``. An unknown key, a table key the contract does not allow
        or a word that is not a non-empty string raises :class:`VocabularyError`.
        """
        if not isinstance(extra, Mapping):
            raise VocabularyError(_SOURCE, "the extension must be a table of keys to words")
        allowed = _word_fields()
        for key in extra:
            if key not in allowed:
                raise _unknown(key, "vocabulary key", allowed)
        kw: dict[str, object] = {}
        for key, value in extra.items():
            current = getattr(self, key)
            if isinstance(current, Mapping):
                if not isinstance(value, Mapping):
                    raise VocabularyError(_SOURCE, f"vocabulary key {key!r} takes a table of "
                                          "lists of words", key=key)
                merged = {k: list(v) for k, v in current.items()}
                for k, words in value.items():
                    merged.setdefault(str(k), []).extend(_words(f"{key}.{k}", words))
                kw[key] = merged
            else:
                kw[key] = [*current, *_words(key, value)]
        return Vocabulary(**{**{f.name: getattr(self, f.name) for f in fields(self)}, **kw})

    # --- lookups -----------------------------------------------------------------------------

    @cached_property
    def _section_index(self) -> dict[str, str]:
        return {_norm(w): kind for kind, words in self.sections.items() for w in words}

    @cached_property
    def _fuzzy_keys(self) -> dict[int, list[str]]:
        """The headings a key of each length (up to 60) can match fuzzily, in index order:
        ``fuzz.ratio`` is at most ``200 * shorter / (sum of lengths)``, so headings much
        longer or shorter than the key never reach the cutoff and are not scored."""
        out: dict[int, list[str]] = {}
        for n in range(1, 61):
            out[n] = [k for k in self._section_index
                      if 200 * min(n, len(k)) / (n + len(k)) >= self.fuzzy_cutoff - 1e-6]
        return out

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
        return rf"(?<!\p{{L}})(?:{word}\s+(?:(?:og|&)\s+)?)*{last}(?i:{alt})(?=s?\b){tail}"

    @cached_property
    def _suffix_cores(self) -> tuple[str, ...]:
        """The committee suffixes that hold no shorter one ("udvalget" holds "udvalg")."""
        low = {w.lower() for w in self.committee_suffixes if w}
        return tuple(sorted(w for w in low if not any(o != w and o in w for o in low)))

    def may_name_body(self, text: str) -> bool:
        """A cheap first test: ``text`` holds a committee suffix somewhere (every body name the
        :attr:`committee_pattern` matches ends in one)."""
        low = text.lower()
        for w in self._suffix_cores:  # noqa: SIM110 (a loop: faster than any() and than one
            # alternation of the suffixes)
            if w in low:
                return True
        return False

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
        kind = self._qualified_kind(heading) if heading.lstrip("*#_ ")[:1].isupper() else None
        if kind is not None:
            return kind, False
        near = self._fuzzy_keys.get(len(key))
        if not near:
            return None
        best = process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
        if best is None:
            return None
        return self._section_index[best[0]], True

    def _qualified_kind(self, heading: str) -> str | None:
        """A known heading with a qualifier: the head word first and a qualifier joined by a
        preposition, "og" or a dash ("Beskrivelse af sagen", "Lovgrundlag – link", "Økonomiske
        konsekvenser og finansiering"), or one or two qualifying words before it ("Administrativ
        indstilling"). A capitalised qualifier names something ("Økonomi og Erhverv") and is no
        qualifier. Not for decisions, whose heads are matched by their own rule."""
        text = " ".join(heading.split()).strip(":;.-–|* ")
        words = text.split()
        if len(words) > 7 or text.endswith(","):
            return None
        for n in range(len(words) - 1, 0, -1):
            head = " ".join(words[:n]).rstrip(",")
            rest = text[len(head):]
            kind = self._section_index.get(head.casefold())
            if kind is None or kind == "decision" or len(words) - n > 4:
                continue
            m = _QUALIFIER.match(rest)
            if m is not None and not rest[m.end():].lstrip()[:1].isupper():
                return kind
        for n in (1, 2):
            if len(words) > n and all(_ADJECTIVE.match(w) for w in words[:n]):
                kind = self._section_index.get(" ".join(words[n:]).casefold())
                if kind is not None and kind not in ("decision", "attachments"):
                    return kind
        return None

    @cached_property
    def _section_starts(self) -> StartScreen:
        return StartScreen.of(w for ws in self.sections.values() for w in ws)

    def split_glued_heading(self, line: str) -> tuple[str, str] | None:
        """``"BeslutningGodkendt."`` -> ``("Beslutning", "Godkendt.")``; ``"Bilag: x"`` likewise."""
        if not self._section_starts.admits(line):
            return None  # (a cheap first test: most lines start with no heading's letters)
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

    @cached_property
    def _label_prefixes(self) -> frozenset[str]:
        return frozenset(w[:k] for w in self._label_index for k in range(1, len(w) + 1))

    def is_label_prefix(self, text: str) -> bool:
        """Whether ``text`` begins some label ("Mødedelta" of "Mødedeltagere"), any case."""
        return text.casefold() in self._label_prefixes

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
        """The document type a line mentions anywhere ("1 Referat fra mødet", an item title)."""
        for dtype, rx in self._doctype_regexes:
            if rx.search(text):
                return dtype
        return None

    def stated_document_type(self, text: str) -> str | None:
        """The document type a header line states: "Referat", "Dagsorden - Byrådet", "Byrådets
        referat". A type word that is the object of something else states nothing: after a
        lowercase word ("Godkendelse af dagsorden", "sendt til referat") or in a short sentence
        about it ("Dagsorden godkendt."); nor does a line naming both types."""
        found: set[str] = set()
        mentioned = [dtype for dtype, rx in self._doctype_regexes if rx.search(text)]
        if len(mentioned) != 1:
            return None
        for dtype, rx in self._doctype_regexes:
            for m in rx.finditer(text):
                before = text[: m.start()].split()
                if before and before[-1].isalpha() and before[-1].islower() and \
                        not m.group(0).isupper():
                    continue
                after = text[m.end():].split()
                if after and after[0][:1].islower() and text.rstrip().endswith(".") and \
                        len(before) + len(after) <= 3:
                    continue
                found.add(dtype)
                break
        return found.pop() if len(found) == 1 else None

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

    @cached_property
    def _chrome_firsts(self) -> frozenset[str]:
        return frozenset(c.split()[0] for c in self._chrome_set if c)

    def is_chrome(self, line: str) -> bool:
        """A chrome phrase, or a short run of them (a menu read as one line: "Hent som PDF
        Kopier link")."""
        first = _first_word(line)
        if first is not None and first[0] not in self._chrome_firsts and \
                first[1] not in self._chrome_firsts:
            return False  # (a cheap first test: what would be the key's first word)
        key = _norm(line)
        if key in self._chrome_set:
            return True
        if not 0 < key.count(" ") < _MAX_CHROME_RUN or \
                key.split(" ", 1)[0] not in self._chrome_firsts:
            return False  # (cheap tests first: most lines are long text)
        words = key.split()
        ends = {0}  # word positions where a run of whole chrome phrases can end
        for i in range(len(words)):
            if i in ends:
                ends.update(j for j in range(i + 1, len(words) + 1)
                            if " ".join(words[i:j]) in self._chrome_set)
        return len(words) in ends

    @cached_property
    def closed_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in sorted(self.closed_markers, key=len, reverse=True))
        return regex.compile(rf"\b(?:{alt})\b", regex.IGNORECASE)

    @cached_property
    def open_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in sorted(self.open_markers, key=len, reverse=True))
        return regex.compile(rf"^\(?(?:{alt})\)?$", regex.IGNORECASE)

    @cached_property
    def _grouping_set(self) -> frozenset[str]:
        return frozenset(_norm(h) for h in self.grouping)

    @cached_property
    def _toc_heading_set(self) -> frozenset[str]:
        return frozenset(_norm(h) for h in self.toc_headings)

    def is_grouping(self, heading: str) -> bool:
        return _norm(heading) in self._grouping_set

    def is_toc_heading(self, line: str) -> bool:
        return _norm(line) in self._toc_heading_set

    @cached_property
    def _end_matter_set(self) -> frozenset[str]:
        return frozenset(_norm(h) for h in self.end_matter)

    def is_end_matter(self, line: str) -> bool:
        """A heading of the end matter after the items ("Underskriftsside", "Bilagsliste")."""
        return _norm(line) in self._end_matter_set

    @cached_property
    def _outcome_regex(self) -> regex.Pattern[str]:
        alt = "|".join(regex.escape(w) for w in sorted(self.outcomes, key=len, reverse=True))
        return regex.compile(rf"(?i)(?<!\w)(?:{alt})(?!\w)")

    def is_outcome(self, line: str) -> bool:
        """A line that is only an outcome ("Godkendt", "Taget til efterretning.")."""
        return self._outcome_regex.fullmatch(line.strip(" .")) is not None

    def approves_agenda(self, line: str, after: str = "") -> bool:
        """A meeting-level line that records the agenda approved: "Dagsorden godkendt.", or
        "Godkendelse af dagsorden:" with ``after`` (the next line) an outcome ("Godkendt")."""
        if self.document_type(line) != "dagsorden":
            return False
        return self._outcome_regex.search(line) is not None or self.is_outcome(after)

    @cached_property
    def all_words(self) -> frozenset[str]:
        """Every structural word (for tests that prove nothing else is dropped)."""
        words: set[str] = set()
        for group in (*self.sections.values(), *self.labels.values(), self.toc_headings,
                      *self.case_labels.values(),
                      self.closed_markers, self.open_markers, *self.document_types.values(),
                      self.chrome, self.end_matter):
            for w in group:
                words.update(regex.findall(r"\w+", w.casefold()))
        for labels in self.case_labels.values():  # printed without dots and spaces: "Sagnr."
            words.update("".join(regex.findall(r"\w+", label.casefold())) for label in labels)
        return frozenset(words)


_SOURCE = "<vocabulary>"


def _word_fields() -> tuple[str, ...]:
    """The attributes that hold words (a tuple or a :class:`WordTable` by default)."""
    return tuple(f.name for f in fields(Vocabulary) if isinstance(f.default, tuple | WordTable))


def _unknown(key: str, what: str, allowed: Sequence[str]) -> VocabularyError:
    return VocabularyError(_SOURCE, f"unknown {what} {key!r}; allowed: {', '.join(allowed)}",
                           key=key, allowed=tuple(allowed))


def _words(key: str, value: object) -> Words:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise VocabularyError(_SOURCE, f"vocabulary key {key!r} takes a list of words, not "
                              f"{type(value).__name__}", key=key)
    for w in value:
        if not isinstance(w, str) or not w.strip():
            raise VocabularyError(_SOURCE, f"vocabulary key {key!r}: {w!r} is not a word (a "
                                  "non-empty string)", key=key)
    return tuple(value)


def _checked(key: str, value: object) -> Words | WordTable:
    """``value`` frozen, after checking it against what the contract allows for ``key``."""
    default = next(f.default for f in fields(Vocabulary) if f.name == key)
    if not isinstance(default, WordTable):
        return _words(key, value)
    if not isinstance(value, Mapping):
        raise VocabularyError(_SOURCE, f"vocabulary key {key!r} takes a table of lists of words",
                              key=key)
    allowed = _CONTRACT_KEYS.get(key) or tuple(default)
    for k in value:
        if k not in allowed:
            raise _unknown(k, f"{key} key", allowed)
    return WordTable({k: _words(f"{key}.{k}", v) for k, v in value.items()})


_DEFAULT = Vocabulary()

__all__ = ["StartScreen", "Vocabulary", "VocabularyError", "WordTable"]
