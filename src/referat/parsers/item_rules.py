"""The labelling pass inside an item: an ordered chain of small named rules.

Each of an item's blocks is offered to :data:`ITEM_RULES` in order; the first rule that
recognises it gives its :class:`Verdict` (a label, the rule's name, and what the line holds: a
case reference, an open/closed marker, a section heading ...). Rules see the block, its text
and an :class:`ItemState` (the block's position, and what the pass has opened so far) and
change nothing. The metadata rules apply only in the item's metadata zone (before its first
section has content, near the top). :func:`label_item` runs the pass; :mod:`.sections` folds
its verdicts into sections without reading the blocks again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary
from .casenumbers import CaseRef, opens_with_label, parse_bare, parse_labelled, parse_leading
from .items import is_repeated_title
from .patterns import marker_at_end
from .section_heads import RawSection, heading_of
from .stream import Label

META_ZONE = 8
_FILE_NAMES = regex.compile(r"\S+\.(?i:pdf|docx?|xlsx?|pptx?|odt|rtf|jpe?g|png|msg|zip)\b")
_CATEGORY = regex.compile(r"^\p{Lu}\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}")


class Verdict(NamedTuple):
    """What a rule says of one block. ``node`` is where a metadata line ends ("" for the item
    itself, "notes"); ``rest`` is what is left of the line to read on when a rule took only its
    beginning (a leading case number). (A named tuple: immutable, and cheap to make for every
    block.)"""

    label: Label
    rule: str
    node: str = ""
    ref: CaseRef | None = None
    closed: bool | None = None
    note: str = ""
    section: RawSection | None = None  # a heading: the section it opens
    glued: str = ""  # text glued to that heading: the section's first block
    files: tuple[Block, ...] = ()  # file names printed under the title: an attachments section
    rest: Block | None = None


@dataclass
class ItemState:
    """What the rules may know besides the block: the item's number and title, whether it
    marks its headings, the block's position, and the section the pass has open."""

    vocab: Vocabulary
    number: int | None
    title: str
    hinted: bool
    pos: int = 0
    kind: str | None = None  # the open section's kind (None: no section yet)
    heading: str = ""
    filled: bool = False  # the open section holds a block

    @property
    def in_meta(self) -> bool:
        return self.kind is None or (not self.filled and self.pos < META_ZONE + 4)

    def opened(self, v: Verdict) -> None:
        """Follow the section structure a verdict implies (the only state the rules read)."""
        if v.section is not None:
            self.kind, self.heading, self.filled = v.section.kind, v.section.heading, bool(v.glued)
        elif v.label == "body":
            if self.kind is None:
                self.kind, self.heading = "other", ""
            self.filled = True


Rule = Callable[[Block, str, ItemState], Verdict | None]


def _chrome(b: Block, text: str, st: ItemState) -> Verdict | None:
    return Verdict("furniture", "vocab.chrome") if st.vocab.is_chrome(text) else None


def take_marker(rest: str, vocab: Vocabulary) -> tuple[str, bool | None]:
    """The rest of a reference line without the print button glued before it and the
    open/closed marker after it; and what the marker says (None: there is none)."""
    words = rest.split()
    while words and vocab.is_chrome(words[0]):
        words = words[1:]  # "UdskrivSagsid.: ..." -> the glued print button
    rest = " ".join(words)
    if words and vocab.open_regex.match(words[-1]):
        return " ".join(words[:-1]), False
    m = marker_at_end(vocab).search(rest)
    if m:
        return rest[: m.start()].strip(), vocab.closed_regex.fullmatch(m["marker"]) is not None
    return rest, None


def _reference(text: str, vocab: Vocabulary, rule: str) -> Verdict | None:
    """A case-reference line ("Sagsnr. 23-001 Åbent"): its values go to the item."""
    ref, rest = parse_labelled(text, vocab)
    if not ref or len(rest.split()) > 8:
        return None
    rest, closed = take_marker(rest, vocab)
    return Verdict("case_ref", rule, ref=ref, closed=closed, note=rest)


def _late_reference(b: Block, text: str, st: ItemState) -> Verdict | None:
    """"Sagsnr. N ..." after a line of links, when a section is already open."""
    if b.kind == "table_row" or st.pos >= META_ZONE + 4 or st.in_meta or \
            not opens_with_label(text, st.vocab):
        return None
    return _reference(text, st.vocab, "item.late_case_ref")


def _repeated_title(b: Block, text: str, st: ItemState) -> Verdict | None:
    plain = st.kind is None or not st.heading or st.vocab.is_grouping(st.heading)
    if is_repeated_title(b, st.number, st.title, st.vocab, plain=plain):
        return Verdict("item_heading", "item.repeated_title")
    return None


def _marker(b: Block, text: str, st: ItemState) -> Verdict | None:
    """A line that is only an open or closed marker ("Åbent", "(Lukket)")."""
    vocab = st.vocab
    if vocab.open_regex.match(text) or vocab.closed_regex.fullmatch(text.strip("() ")):
        return Verdict("item_heading", "item.marker", closed=vocab.open_regex.match(text) is None)
    return None


def _case_reference(b: Block, text: str, st: ItemState) -> Verdict | None:
    if opens_with_label(text, st.vocab) or st.pos < META_ZONE:
        return _reference(text, st.vocab, "item.case_ref")
    return None


def _category(b: Block, text: str, st: ItemState) -> Verdict | None:
    """"A. Sager til afgørelse i byrådet" between the heading and the reference."""
    if st.pos < 2 and _CATEGORY.match(text) and len(text.split()) <= 8:
        return Verdict("note", "item.category", node="notes", note=text)
    return None


def _bare_reference(b: Block, text: str, st: ItemState) -> Verdict | None:
    """A line that is only a case number ("22-009894", "Lukket - 00.22.00-G01-1-16")."""
    bare = parse_bare(text, st.vocab) if st.pos < META_ZONE else None
    if bare is None:
        return None
    return Verdict("case_ref", "item.bare_ref", ref=bare,
                   closed=True if st.vocab.closed_regex.match(text) else None)


def _leading_reference(b: Block, text: str, st: ItemState) -> Verdict | None:
    """"00.22.02-A26-1-13 Godkendelse af ..." (flattened): the number, then the line read on."""
    lead = parse_leading(text) if st.pos < 2 else None
    if lead is None:
        return None
    return Verdict("case_ref", "item.leading_ref", ref=lead[0], rest=b._replace(text=lead[1]))


def _section_heading(b: Block, text: str, st: ItemState) -> Verdict | None:
    if st.kind == "attachments" and b.kind == "list_item":
        return None  # a list of attachments: its items are no headings
    head = heading_of(b, st.vocab, st.hinted)
    if head is None:
        return None
    section, glued = head
    if section.decision is not None and _schedule_line(text, section, st):
        return None
    label: Label = "decision_head" if section.decision is not None else "section_heading"
    return Verdict(label, section.rule, section=section, glued=glued)


_LEAD_IN = regex.compile(r"^\p{Lu}[\p{L} .&-]{2,60}\sindstiller\s*[,:]?$")


def _recommendation_lead(b: Block, text: str, st: ItemState) -> Verdict | None:
    """"Direktionen indstiller," on a line of its own after a section of another kind: the
    recommendation starts here without its heading (as "Administrationen indstiller" heads it)."""
    if st.kind in (None, "recommendation", "decision") or b.kind == "table_row" or \
            len(text.split()) > 6 or not _LEAD_IN.match(text):
        return None
    section = RawSection("recommendation", text.rstrip(" ,:"), head_block=b,
                         rule="section.recommendation_lead")
    return Verdict("section_heading", section.rule, section=section)


def _schedule_line(text: str, section: RawSection, st: ItemState) -> bool:
    """"Kommunalbestyrelsen den 23. juni 2020" as the only text under a heading of another
    kind ("Høring og sagsgang"): where the case goes, not a decision (no decision word, no
    colon, nothing after the date)."""
    head = section.decision
    return head is not None and head.date is not None and not head.inline and \
        st.kind not in (None, "decision") and bool(st.heading) and not st.filled and \
        not text.rstrip().endswith(":") and \
        not text.casefold().startswith(tuple(w.casefold() for w in st.vocab.decision_heads))


def _file_names(b: Block, text: str, st: ItemState) -> Verdict | None:
    """A line of attached file names printed under the heading ("a.pdf b.pdf")."""
    files = _FILE_NAMES.findall(text) if st.kind is None else []
    if files and len(" ".join(files)) >= len(text) - len(files):
        return Verdict("attachment", "section.file_names",
                       files=tuple(b._replace(text=f) for f in files))
    return None


def _text(b: Block, text: str, st: ItemState) -> Verdict:
    return Verdict("body", "section.text" if st.kind is not None else "section.unheaded")


ITEM_RULES: tuple[tuple[str, Rule, bool], ...] = (  # (name, rule, metadata zone only)
    ("vocab.chrome", _chrome, False),
    ("item.late_case_ref", _late_reference, False),
    ("item.repeated_title", _repeated_title, True),
    ("item.marker", _marker, True),
    ("item.case_ref", _case_reference, True),
    ("item.category", _category, True),
    ("item.bare_ref", _bare_reference, True),
    ("item.leading_ref", _leading_reference, True),
    ("section.heading", _section_heading, False),
    ("section.recommendation_lead", _recommendation_lead, False),
    ("section.file_names", _file_names, False),
    ("section.text", _text, False),
)
"""The chain, in order. A rule's name is the prefix of the rule names its verdicts carry. The
metadata rules apply only in the item's metadata zone, and never to table rows."""
_CONTENT = [name for name, _, _ in ITEM_RULES].index("section.heading")
# the chain as it runs in the metadata zone, outside it, and on the rest of a cut line
_IN_META = tuple(rule for _, rule, _ in ITEM_RULES)
_OUTSIDE = tuple(rule for _, rule, zone in ITEM_RULES if not zone)
_ON_REST = tuple(rule for _, rule, zone in ITEM_RULES[_CONTENT:] if not zone)


def _verdict(b: Block, st: ItemState, chain: tuple[Rule, ...] | None = None) -> Verdict:
    text = b.text.strip()
    if chain is None:
        chain = _IN_META if b.kind != "table_row" and st.in_meta else _OUTSIDE
    for rule in chain:
        v = rule(b, text, st)
        if v is not None:
            return v
    raise AssertionError("section.text labels every block")  # pragma: no cover


def label_item(blocks: list[Block], number: int | None, title: str,
               vocab: Vocabulary) -> Iterator[tuple[Block, Verdict]]:
    """Each block of an item with its verdict, in order (a block cut by a rule is followed by
    the rest of it, with the rest's own verdict from the content rules)."""
    hinted = sum(1 for b in blocks if b.is_heading_hint and b.text and
                 vocab.section_kind(b.text, fuzzy=False)) >= 2
    st = ItemState(vocab, number, title, hinted)
    for pos, b in enumerate(blocks):
        st.pos = pos
        v = _verdict(b, st)
        yield b, v
        st.opened(v)
        if v.rest is not None:
            rv = _verdict(v.rest, st, _ON_REST)
            yield v.rest, rv
            st.opened(rv)
