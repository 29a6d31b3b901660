"""Header labels wrapped inside a narrow table cell (Word minutes exported to PDF).

A label column too narrow for "Mødedeltagere:" breaks the word inside its cell, and the PDF's
lines then carry the label's pieces beside the value: ``"Mødedeltage Lone Brix (A), ..."``
and ``"re:"`` on the next line, or, where the value wraps too, the pieces among the value's
words (``"Møded Lone Brix (A), ... Ahmad Nouri eltager (F), Bente ..."`` then ``"e:"``). The
reader has no cells to rejoin (the table has no rulings), so the shape is read here: a
capitalised first word that begins a vocabulary label, completed by lowercase pieces that
each extend it (joined to the word or after a space) to a longer beginning of that label, the
last ending in a colon.
Only a whole vocabulary label counts, so ordinary lines are left as they are.
"""

from __future__ import annotations

import regex

from ..blocks import Block
from ..vocabulary import Vocabulary

_FIRST = regex.compile(r"^(\p{Lu}\p{Ll}{2,})\s+(\S.*)$")  # "Mødetidspun Kl. 16.00 – 18.20"
_PIECE = regex.compile(r"^\p{Ll}{1,12}:?$")  # "eltager", "kt:", "re:"


def _complete(word: str, tokens: list[str], vocab: Vocabulary) -> tuple[str, set[int]] | None:
    """The label ``word`` and some of ``tokens`` (in order) make, with the tokens used."""
    acc, used = word, set()
    for k, t in enumerate(tokens):
        if not _PIECE.match(t):
            continue
        # the cell broke the word ("Mødedeltage" / "re:") or at a space ("Fraværende" /
        # "med afbud:")
        longer = next((a for a in (acc + t.rstrip(":"), f"{acc} {t.rstrip(':')}")
                       if vocab.is_label_prefix(a)), None)
        if longer is None:
            continue
        acc = longer
        used.add(k)
        if t.endswith(":"):
            hit = vocab.match_label(f"{acc}: x")
            return (acc, used) if hit is not None and hit[1].casefold() == acc.casefold() \
                else None
    return None


def _join(b: Block, nxt: Block | None, vocab: Vocabulary) -> tuple[Block, bool] | None:
    """``b`` with its wrapped label made whole, and whether ``nxt`` held only label pieces."""
    m = _FIRST.match(b.text.strip()) if b.kind != "table_row" else None
    if m is None or not vocab.is_label_prefix(m[1]):
        return None  # (a label itself may begin a longer one: "Fraværende" ... "med afbud:")
    own = m[2].split()
    more = nxt.text.split() if nxt is not None and nxt.kind != "table_row" else []
    lead = 0  # the next line may start with the label's last pieces ("re: Bente ...")
    for k, t in enumerate(more):
        if not _PIECE.match(t):
            break
        if t.endswith(":"):
            lead = k + 1
            break
    found = _complete(m[1], own + more[:lead], vocab)
    if found is None:
        return None
    label, used = found
    took_next = any(k >= len(own) for k in used)
    if took_next and not all(len(own) + k in used for k in range(lead)):
        return None  # the next line starts with more than the label's pieces
    value = [t for k, t in enumerate(own) if k not in used] + (more[lead:] if took_next else [])
    return b.derive(f"{label}: {' '.join(value)}"), took_next


def join_wrapped_labels(lines: list[Block], vocab: Vocabulary) -> tuple[
        list[Block], list[tuple[Block, str]]]:
    """The header lines with wrapped labels made whole, and the lines taken into them (the
    rest of a label, ``"kt:"``, perhaps with the value's next line), each with the field of
    its label."""
    out: list[Block] = []
    pieces: list[tuple[Block, str]] = []
    i = 0
    while i < len(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        joined = _join(lines[i], nxt, vocab)
        if joined is None:
            out.append(lines[i])
            i += 1
            continue
        block, took_next = joined
        out.append(block)
        if took_next and nxt is not None:
            hit = vocab.match_label(block.text)
            pieces.append((nxt, hit[0] if hit else "note"))
        i += 2 if took_next else 1
    return out, pieces
