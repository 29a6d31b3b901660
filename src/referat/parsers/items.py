"""Where agenda items start: numbered headings in their many forms.

Strong forms name themselves ("Punkt 6: ...", "Pkt. 42 ...", "Dagsordenspunkt 1: ...",
"Sag nr. 130", "Nr.60 - ..."); weak forms are bare numbers ("6. Title", "6 : Title",
"1Godkendelse", "åbent 1 Title"). When strong forms exist only they count. Weak candidates are
chosen as the best increasing chain of numbers, scored by structural cues (a heading hint, a
case number or a section heading right after, a matching TOC entry); runs of numbered lines
that restart at 1 inside an item are lists, not items.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex
from rapidfuzz import fuzz

from ..blocks import Block
from ..models import TocEntry
from ..vocabulary import Vocabulary
from .casenumbers import parse_bare, parse_labelled, split_title_ref
from .dates import find_date
from .decisions import decision_head
from .patterns import bare_heading, strong_heading
from .toc import split_closed

_NUMERIC_START = regex.compile(r"^[\d.,]+\b")
_NUMBER_ONLY = regex.compile(r"^\s*(?P<num>\d{1,3})\s*[.:]?\s*$")
_NOT_TITLE = regex.compile(r"^(?:at|og|eller|samt|kr\.?|mio\.?|mia\.?|%|pct\.?|år|timer?)\b",
                           regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
_PREFIX_NOISE = regex.compile(r"[\s.]+")
_INTRODUCES = regex.compile(r"(?:,\s*at|\p{Ll}{2}:)\s*$")


def _introduces_list(text: str, vocab: Vocabulary) -> bool:
    """"... indstiller til KB, at" / "... følgende:" then "1. ...": the points of a list (a
    sentence, not a heading printed empty with its colon)."""
    return _INTRODUCES.search(text) is not None and len(text.split()) >= 4 and \
        vocab.section_kind(text, fuzzy=False) is None and vocab.match_label(text) is None
_DATEISH = regex.compile(r"^\d{1,2}\.\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)",
                         regex.IGNORECASE)


@dataclass
class Candidate:
    index: int
    number: int
    title: str
    closed: bool
    strong: bool
    score: float = 0.0
    page: int | None = None
    title_lines: int = 1  # blocks the heading occupies (2 when the title is on the next line)
    supported: bool = False
    rule: str = ""  # the rule that took the line for an item heading
    family: str = "bare"  # how it is numbered: its prefix ("punkt", "pkt", "sagnr"), "number"
    # for a prefix that only numbers ("Nr."), "bare" for a bare number
    named: bool = False  # the prefix names it an item ("Punkt", "Pkt.", "Sag nr.")


def _candidate(block: Block, index: int, vocab: Vocabulary) -> Candidate | None:
    text = block.text.strip()
    if block.kind == "table_row" or len(text) > 300 or _DIGIT.search(text, 0, 80) is None:
        return None  # both heading forms need a number near the start: most lines go here
    m = strong_heading(vocab).match(text)
    if m and (not m["title"] or title_like(m["title"])):
        title, closed = split_closed(m["title"].strip(), vocab)
        prefix = _PREFIX_NOISE.sub("", m["naming"] or "").casefold()
        return Candidate(index, int(m["num"]), title, closed or bool(m["pre"]), True,
                         page=block.page, family=prefix or "number", named=bool(prefix))
    if _DATEISH.match(text):
        return None
    m = bare_heading(vocab).match(text)
    if m is None:
        return None
    title = m["title"].strip()
    if not title_like(title):
        return None
    if _NUMERIC_START.match(title):
        return None
    state = (m["state"] or m["state2"] or m["state3"] or "").casefold()
    title, closed = split_closed(title, vocab)
    return Candidate(index, int(m["num"]), title,
                     closed or bool(state and vocab.closed_regex.fullmatch(state)), False,
                     page=block.page)


def title_like(title: str) -> bool:
    title = title.strip()
    return bool(title) and (title[0].isupper() or title[0] in "\"'”“(«") and \
        not _NOT_TITLE.match(title)


def _number_only(blocks: list[Block], index: int, vocab: Vocabulary) -> Candidate | None:
    """A number alone on its line ("1." / "12") with the title on the next line."""
    m = _NUMBER_ONLY.match(blocks[index].text)
    if m is None or index + 1 >= len(blocks):
        return None
    nxt = blocks[index + 1]
    if nxt.kind == "table_row" or not title_like(nxt.text) or len(nxt.text) > 200 or \
            vocab.is_chrome(nxt.text) or vocab.section_kind(nxt.text, fuzzy=False) or \
            vocab.match_label(nxt.text) is not None or \
            _NUMERIC_START.match(nxt.text):
        return None
    return Candidate(index, int(m["num"]), nxt.text.strip(), False, False, page=nxt.page,
                     family="bare",
                     title_lines=2)


def _repeats_document_title(c: Candidate, blocks: list[Block], vocab: Vocabulary) -> bool:
    """"1 Referat fra mødet i ..." is a page number before the document's title, not an item;
    so is a number alone on its line above a line stating the document's type and a date
    ("648" / "Kommunalbestyrelsen Protokol 18-12-2014 kl. 17:00 ...": the cover page)."""
    if c.title_lines == 2 and vocab.stated_document_type(c.title) and find_date(c.title):
        return True
    return c.index > 0 and bool(vocab.document_type(c.title)) and \
        fuzz.ratio(c.title.casefold(), blocks[0].text.casefold()) >= 80


def _cue_score(blocks: list[Block], c: Candidate, toc_titles: list[tuple[int | None, str]],
               vocab: Vocabulary) -> float:
    """How much a candidate looks like an item heading (``toc_titles``: the TOC's numbers and
    case-folded titles)."""
    b = blocks[c.index]
    score = 1.0
    if b.is_heading_hint:
        score += 1.5
    if b.kind == "list_item":
        score -= 0.5
    if c.title.endswith((".", ",", ";")) and len(c.title) > 60:
        score -= 0.5
    if len(c.title) > 160:
        score -= 1.0
    if c.supported:
        score += 1.5
    if c.index > 0 and _introduces_list(blocks[c.index - 1].text, vocab):
        score -= 1.5
    if toc_titles:
        title = c.title.casefold()
        best = max(
            (fuzz.ratio(title, t) + (10 if n == c.number else 0) for n, t in toc_titles),
            default=0.0,
        )
        score += 3.0 if best >= 85 else (-1.0 if best < 60 else 0.0)
    return score


def _in_toc(c: Candidate, toc: list[TocEntry]) -> bool:
    title = split_title_ref(c.title)[0].casefold()
    return any(e.number == c.number and fuzz.ratio(e.title.casefold(), title) >= 85 for e in toc)


def _drop_list_runs(cands: list[Candidate], blocks: list[Block],
                    toc: list[TocEntry]) -> list[Candidate]:
    """Numbered lines in consecutive blocks that restart at 1 after content are lists (a line
    that the TOC names with its number ends such a run: it is the next item)."""
    keep = [True] * len(cands)
    i = 0
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and cands[j + 1].index == cands[j].index + 1 and \
                cands[j + 1].number == cands[j].number + 1 and \
                blocks[cands[j + 1].index].indent == blocks[cands[j].index].indent and \
                not (_in_toc(cands[j + 1], toc) and not _in_toc(cands[i], toc)):
            j += 1
        run = cands[i: j + 1]
        if len(run) >= 2 and i > 0 and run[0].number == 1 and \
                not all(blocks[c.index].is_heading_hint for c in run):
            for k in range(i, j + 1):
                keep[k] = False
        i = j + 1
    return [c for c, k in zip(cands, keep, strict=True) if k]


def _best_chain(cands: list[Candidate]) -> tuple[list[Candidate], float]:
    """Highest-scoring chain with strictly increasing numbers (steps of 1 preferred), and its
    score."""
    if not cands:
        return [], 0.0
    n = len(cands)
    best = [c.score for c in cands]
    prev = [-1] * n
    for j in range(n):
        for i in range(j):
            if cands[i].number < cands[j].number:
                step = cands[j].number - cands[i].number
                bonus = 1.0 if step == 1 else (0.0 if step <= 3 or cands[j].number >= 100 else -1.5)
                val = best[i] + cands[j].score + bonus
                if val > best[j]:
                    best[j], prev[j] = val, i
    end = max(range(n), key=lambda k: best[k])
    value = best[end]
    chain: list[Candidate] = []
    while end != -1:
        chain.append(cands[end])
        end = prev[end]
    return chain[::-1], value


def _is_cue(b: Block, vocab: Vocabulary) -> bool:
    t = b.text.strip()
    return bool(parse_bare(t, vocab) or parse_labelled(t, vocab)[0]
                or vocab.section_kind(t, fuzzy=False) or vocab.split_glued_heading(t)
                or vocab.open_regex.match(t) or decision_head(t, vocab))


def _mark_support(cands: list[Candidate], blocks: list[Block], vocab: Vocabulary,
                  cues: dict[int, bool]) -> None:
    """A candidate is supported when its span holds a case number, section or decision head.
    ``cues`` remembers which blocks are cues (the forms' spans overlap)."""
    for k, c in enumerate(cands):
        end = cands[k + 1].index if k + 1 < len(cands) else len(blocks)
        end = min(end, c.index + 40)
        c.supported = False
        for i in range(c.index + c.title_lines, end):
            cue = cues.get(i)
            if cue is None:
                cue = cues[i] = _is_cue(blocks[i], vocab)
            if cue:
                c.supported = True
                break


Form = tuple[str, str, bool]  # numbering family, heading hint, indented


def _form(c: Candidate, b: Block) -> Form:
    """The shape of a heading line: how it is numbered ("punkt", "pkt", "sag", "nr", a bare
    number, a number on its own line), how the reader marked it (heading level, bold, list
    item, plain) and whether it is indented."""
    hint = f"h{b.level}" if b.kind == "heading" else "bold" if b.bold else \
        "list" if b.kind == "list_item" else "plain"
    return c.family, hint, b.indent > 0


def _form_chain(group: list[Candidate], blocks: list[Block], vocab: Vocabulary,
                toc: list[TocEntry], cues: dict[int, bool]) -> tuple[list[Candidate], float]:
    """The best increasing chain of one form's candidates and how well it explains the
    document (the chain's score: structural cues, steps of one, TOC matches)."""
    named = group[0].strong  # "Punkt N:", "Nr. N" headings carry a prefix
    if named:  # (bare numbers were marked once, all forms together)
        _mark_support(group, blocks, vocab, cues)
    toc_titles = [(e.number, e.title.casefold()) for e in toc]
    for c in group:
        c.score = _cue_score(blocks, c, toc_titles, vocab) + (2.0 if named else 0.0)
    chain, value = _best_chain([c for c in group if named or c.score > 0.5])
    for c in group:  # closed items print no body: "• 161. Ejendomssag (Lukket)"
        if chain and c.closed and c.index > chain[-1].index and \
                c.number == chain[-1].number + 1:
            chain.append(c)
    return (_dedupe(group) if named else _dedupe(chain)), value - _listed(chain)


def _listed(chain: list[Candidate]) -> float:
    """What the chain's members that follow the one before with no line between (the lines of
    a list, not items with a body) added to its value: a list explains no more of the document
    than its first line."""
    return sum(c.score + 1.0 for a, c in pairwise(chain)
               if c.index == a.index + a.title_lines and not c.closed)


def find_item_starts(blocks: list[Block], start: int, vocab: Vocabulary,
                     toc: list[TocEntry]) -> list[Candidate]:
    """The item headings: of all numbered lines, those of the one form whose chain explains
    the document best. A numbered line of another form is body text or a list."""
    cands: list[Candidate] = []
    for i in range(start, len(blocks)):
        if cands and cands[-1].title_lines == 2 and cands[-1].index == i - 1:
            continue
        c = _candidate(blocks[i], i, vocab) or _number_only(blocks, i, vocab)
        if c is not None and c.number >= 1 and not _repeats_document_title(c, blocks, vocab):
            cands.append(c)
    cands = _merge_repeats(cands)
    weak = _drop_list_runs([c for c in cands if not c.strong], blocks, toc)
    cues: dict[int, bool] = {}
    _mark_support(weak, blocks, vocab, cues)
    if any(c.supported for c in weak):
        first = next(k for k, c in enumerate(weak) if c.supported)
        weak = weak[first:]  # unsupported numbered lines before the first real item: a list
    forms: dict[Form, list[Candidate]] = {}
    for c in sorted([*weak, *(c for c in cands if c.strong)], key=lambda c: c.index):
        forms.setdefault(_form(c, blocks[c.index]), []).append(c)
    chains = {form: _form_chain(group, blocks, vocab, toc, cues)
              for form, group in forms.items()}
    named = [c for c in cands if c.named]
    best: list[Candidate] = []
    best_value = 0.0
    best_form: Form | None = None
    for form, (chain, value) in chains.items():
        chain, value = _join_named(chain, value, named)
        if chain and (not best or value > best_value):
            best, best_value, best_form = chain, value, form
    if best_form is not None:
        rule = "items.form:" + "/".join(
            [best_form[0], best_form[1], *(["indented"] if best_form[2] else [])])
        for c in best:
            own = _form(c, blocks[c.index]) == best_form
            c.rule = rule if own else "items.names_itself"
    return best


def _join_named(chain: list[Candidate], value: float,
                named: list[Candidate]) -> tuple[list[Candidate], float]:
    """A heading that names itself an item ("Punkt 2: ...") in another form than the chain's
    joins it where its number follows the chain's item before it by one."""
    out = list(chain)
    for c in named:
        if c in out:
            continue
        before = [x for x in out if x.index < c.index]
        after = [x for x in out if x.index > c.index]
        if before and before[-1].number + 1 == c.number and \
                (not after or after[0].number > c.number):
            out.insert(len(before), c)
            value += c.score + 1.0
    return out, value


def _merge_repeats(cands: list[Candidate]) -> list[Candidate]:
    """A heading printed twice in a row ("1. Titel" then "1.   Titel", or "Pkt. 42" with the
    title on the next line) is one candidate."""
    out: list[Candidate] = []
    for c in cands:
        if out and c.number == out[-1].number and c.index - out[-1].index <= 3 and \
                (not c.title or fuzz.ratio(c.title.casefold(), out[-1].title.casefold()) >= 80):
            out[-1].strong = out[-1].strong or c.strong
            continue
        out.append(c)
    return out


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """A number seen again with the same title right away is a repeated title line."""
    out: list[Candidate] = []
    for c in cands:
        if out and c.number == out[-1].number and \
                fuzz.ratio(c.title.casefold(), out[-1].title.casefold()) >= 80:
            continue
        if out and c.number <= out[-1].number:
            continue
        out.append(c)
    return out


def is_repeated_title(block: Block, number: int | None, title: str, vocab: Vocabulary, *,
                      plain: bool = True) -> bool:
    """The item's heading printed again inside it (with its number; or, when ``plain``, the
    bare title line)."""
    if number is not None and str(number) in block.text:  # (both forms print the number)
        c = _candidate(block, 0, vocab)
        if c is not None and c.number == number:
            return not c.title or fuzz.ratio(c.title.casefold(), title.casefold()) >= 80
        m = _NUMBER_ONLY.match(block.text)
        if m is not None and int(m["num"]) == number:
            return True
    text = block.text.strip()
    if text.endswith(".") and not title.rstrip().endswith("."):
        return False  # the title said again as a sentence: the section's text
    return plain and bool(title) and fuzz.ratio(text.casefold(), title.casefold()) >= 92
