"""Write the word lists of docs/vocabulary.md from the code (everything after "## Section
headings, by kind"; the text above it is kept).

    python tools/vocabulary_doc.py          # print what would be written
    python tools/vocabulary_doc.py --write  # update docs/vocabulary.md

``tests/test_docs.py`` fails when the page is out of date.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from referat.vocabulary import Vocabulary

DOC = Path(__file__).resolve().parent.parent / "docs" / "vocabulary.md"
MARK = "## Section headings, by kind"

_TABLES = [  # (key, title)
    ("sections", "Section headings, by kind"),
    ("labels", "Header labels, by field"),
    ("case_labels", "Case-reference labels, by field (a dot may be left out, a space put in or "
                    "left out: \"J.nr.\" also matches \"J. nr\" and \"Jnr\")"),
    ("document_types", "Document types"),
]
_LISTS = [  # (key, what the words are)
    ("toc_headings", "TOC headings (or contents captions)"),
    ("item_prefixes", "Prefixes that name a line an item (\"Punkt 3:\", \"Pkt. 42\", "
                      "\"Sag nr. 130\")"),
    ("number_prefixes", "Prefixes that only number a line (\"Nr. 7\")"),
    ("decision_heads", "Words that open a decision by a named body (\"Beslutning i Økonomiudvalget "
                       "den ...\")"),
    ("committee_suffixes", "Endings of a body's name (Økonomiudvalg**et**, By**rådet**)"),
    ("grouping", "Headings that may only group others (dropped when empty)"),
    ("closed_markers", "Closed markers"),
    ("open_markers", "Open markers"),
    ("end_matter", "Headings of the end matter after the last item"),
    ("outcomes", "Outcomes that record a decision (an approved agenda in the header makes a "
                 "referat)"),
    ("roles", "Roles printed before a participant's name"),
    ("chrome", "Page chrome (set aside wherever it stands alone on a line)"),
]


def render(vocab: Vocabulary) -> str:
    out: list[str] = []
    for key, title in _TABLES:
        table: Mapping[str, Sequence[str]] = getattr(vocab, key)
        out += [f"## {title}", "", f"Key `{key}`.", ""]
        out += [f"- `{k}`: {', '.join(words)}" for k, words in table.items()]
        out.append("")
    out += ["## Markers and other words", ""]
    for key, what in _LISTS:
        words: Sequence[str] = getattr(vocab, key)
        out.append(f"- {what}, key `{key}`: {', '.join(words)}")
    return "\n".join(out) + "\n"


def page(vocab: Vocabulary) -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[: text.index(MARK)] + render(vocab)


if __name__ == "__main__":
    new = page(Vocabulary.default())
    if "--write" in sys.argv:
        DOC.write_text(new, encoding="utf-8")
    else:
        sys.stdout.write(new)
