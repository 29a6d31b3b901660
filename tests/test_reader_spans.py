"""Every block the readers make can be traced to its source, and nothing in the source is lost.

Text and Markdown: ``Document.text[start:end]`` holds the block's source line (markup included),
and every non-blank source line is covered by some block, body or furniture. HTML: the block's
``path`` resolves to an element holding its text, and its offsets (where found) slice the page
source to its text. Page furniture stays in the stream, is reported, and is never parsed.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from pathlib import Path

import pytest
import regex
from golden import json_strings

import referat
from referat.blocks import Document
from referat.readers import read
from referat.readers._longlines import MAX_LINE, cap_lines
from referat.readers.html import read_html
from referat.readers.html_source import element_at

SAMPLES = Path(__file__).parent / "samples"
TEXT_SAMPLES = sorted(p for p in [*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.md"),
                                  *SAMPLES.glob("pages/*.txt")])
HTML_SAMPLES = sorted(SAMPLES.rglob("*.html"))
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_TAG = regex.compile(r"<[^>]*>?")


def _ids(p: Path) -> str:
    return p.relative_to(SAMPLES).as_posix()


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _source_words(source: str) -> set[str]:
    """Words of a stretch of source, markup stripped and entities decoded."""
    return _words(html.unescape(_TAG.sub(" ", source)))


def _doc(path: Path) -> Document:
    return referat.analyse(path).document


# --- text and Markdown ------------------------------------------------------------------------

@pytest.mark.parametrize("sample", TEXT_SAMPLES, ids=_ids)
def test_text_spans_slice_to_the_blocks_words(sample: Path) -> None:
    doc = _doc(sample)
    assert doc.text is not None and doc.blocks
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text), b
        assert b.line == b.end_line >= 1
        source = doc.text[b.start:b.end]
        assert _words(b.text) <= _source_words(source), (b, source)
        first_line = doc.text.count("\n", 0, b.start) + 1
        assert first_line == b.line, b


@pytest.mark.parametrize("sample", TEXT_SAMPLES, ids=_ids)
def test_no_text_line_is_lost(sample: Path) -> None:
    doc = _doc(sample)
    assert doc.text is not None
    lines = doc.text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    covered: set[int] = set()
    for b in doc.blocks:
        first = bisect_right(starts, b.start) - 1
        last = bisect_right(starts, b.end - 1) - 1
        covered.update(range(first, last + 1))
    lost = [(i + 1, line) for i, line in enumerate(lines)
            if i not in covered and _source_words(line)
            and not regex.fullmatch(r"\s*\|?[\s:|-]*", line)]  # a Markdown table rule
    assert not lost, f"source lines no block covers: {lost[:5]}"


def test_split_pieces_get_narrowed_spans() -> None:
    text = "Indledning\n  <ul><li>Første punkt</li><li>Andet &amp; sidste</li></ul>\nSlut"
    doc = read(text, "text")
    assert doc.text is not None
    pieces = [(b.kind, b.text, doc.text[b.start:b.end]) for b in doc.blocks]
    assert pieces == [
        ("para", "Indledning", "Indledning"),
        ("para", "Første punkt", "Første punkt"),
        ("para", "Andet & sidste", "Andet &amp; sidste"),
        ("para", "Slut", "Slut"),
    ]


def test_markdown_spans_hold_the_markup() -> None:
    text = "# Referat\r\n\r\n**Beslutning**\r\n- Godkendt [bilag](b.pdf)\r\n| a | b |\r\n|---|---|\r\n"
    doc = read(text, "markdown")
    assert doc.text is not None and "\r" not in doc.text  # the normalised text is indexed
    assert [(b.line, doc.text[b.start:b.end]) for b in doc.blocks] == [
        (1, "# Referat"), (3, "**Beslutning**"), (4, "- Godkendt [bilag](b.pdf)"),
        (5, "| a | b |")]


def test_derived_block_narrows_its_span() -> None:
    doc = read("Intro\n1. Godkendelse af dagsorden Sagsnr. 12/345\n", "text")
    assert doc.text is not None
    b = doc.blocks[1]
    part = b.derive("Sagsnr. 12/345")
    assert doc.text[part.start:part.end] == "Sagsnr. 12/345"


def test_cut_long_lines_keep_their_offsets() -> None:
    long = ("Ord " * (MAX_LINE // 2)).strip()
    lines = ["a", long, "b"]
    out, origin, offsets = cap_lines(lines, [])
    text = "\n".join(lines)
    assert len(out) > 3 and origin[0] == 1 and origin[-1] == 3
    for piece, at in zip(out, offsets, strict=True):
        assert text[at:at + len(piece)] == piece


# --- page furniture in text -------------------------------------------------------------------

PAGED = """Hjørring Kommune
Side 1 af 2
Referat
Økonomiudvalget
1. Godkendelse af dagsorden
Beslutning
Godkendt.
Hjørring Kommune
Side 2 af 2
2. Eventuelt
Beslutning
Intet.
"""


def test_page_markers_and_running_headers_are_furniture() -> None:
    doc = read(PAGED, "text")
    furniture = [(b.text, b.furniture, b.page) for b in doc.furniture]
    assert furniture == [
        ("Hjørring Kommune", "running_header", 1), ("Side 1 af 2", "page_marker", 1),
        ("Hjørring Kommune", "running_header", 1), ("Side 2 af 2", "page_marker", 2)]
    assert [b.text for b in doc.blocks][:3] == ["Hjørring Kommune", "Side 1 af 2", "Referat"]
    meeting = referat.parse(PAGED, format="text")
    assert sum(p.count for p in meeting.furniture) == 4
    assert {k for p in meeting.furniture for k in p.kinds} == {"running_header", "page_marker"}
    out = list(json_strings(meeting.model_dump(mode="json", exclude={"furniture"})))
    assert not any("Side 1" in s or "Hjørring" in s for s in out)
    assert [it.title for it in meeting.items] == ["Godkendelse af dagsorden", "Eventuelt"]


def test_form_feed_page_marker_is_furniture() -> None:
    doc = read("Referat\nSide 1\n\f1. Punkt\nTekst\n", "text")
    assert [(b.text, b.layer, b.page) for b in doc.blocks] == [
        ("Referat", "body", 1), ("Side 1", "furniture", 1), ("1. Punkt", "body", 2),
        ("Tekst", "body", 2)]


@pytest.mark.parametrize("name", ["pages/051.txt", "pages/057.txt"])
def test_samples_with_page_markers_report_them(name: str) -> None:
    path = SAMPLES / name
    doc = _doc(path)
    markers = [b for b in doc.furniture if b.furniture == "page_marker"]
    assert len(markers) >= 2 and all(b.text.startswith("Side") for b in markers)
    meeting = referat.parse(path)
    assert sum(p.count for p in meeting.furniture) == len(doc.furniture)
    out = list(json_strings(meeting.model_dump(mode="json", exclude={"furniture"})))
    for b in markers:
        assert not any(b.text in s for s in out), b.text


# --- HTML -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sample", HTML_SAMPLES, ids=_ids)
def test_html_paths_resolve_to_elements_holding_the_text(sample: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    source = sample.read_text(encoding="utf-8")
    doc = read_html(source)
    assert doc.text == source
    tree = LexborHTMLParser(source)
    located = 0
    for b in doc.blocks:
        node = element_at(tree, b.path)
        assert node is not None, b
        inside = node.text(deep=True).casefold()  # cells' texts run together: "1Referat"
        assert all(w in inside for w in _words(b.text)), (b, b.path)
        if b.start >= 0:
            located += 1
            assert _words(b.text) <= _source_words(source[b.start:b.end]), b
    assert located >= 0.9 * len(doc.blocks)


@pytest.mark.parametrize("sample", HTML_SAMPLES, ids=_ids)
def test_html_chrome_is_reported_not_parsed(sample: Path) -> None:
    doc = read_html(sample.read_text(encoding="utf-8"))
    chrome = " | ".join(b.text for b in doc.furniture)
    assert all(s in chrome for s in ("Tilbage til forsiden", "Hent som PDF", "Kopier link"))
    meeting = referat.parse(sample)
    assert sum(p.count for p in meeting.furniture) == len(doc.furniture)
    out = list(json_strings(meeting.model_dump(mode="json", exclude={"furniture"})))
    assert not any(s in ("Hent som PDF", "Kopier link", "Tilbage til forsiden") for s in out)


def test_element_paths_count_same_tag_siblings() -> None:
    source = ("<html><body><div><p>a</p></div><div><h2>Punkt</h2><p>x</p><p>Tekst <b>fed</b></p>"
              "<table><tr><td>Sagsnr.</td><td>12</td></tr></table></div></body></html>")
    doc = read_html(source)
    got = [(b.text, b.path) for b in doc.blocks]
    assert got == [
        ("a", "html/body/div[1]/p[1]"), ("Punkt", "html/body/div[2]/h2[1]"),
        ("x", "html/body/div[2]/p[1]"), ("Tekst fed", "html/body/div[2]/p[2]"),
        ("Sagsnr.\t12", "html/body/div[2]/table[1]/tbody[1]/tr[1]")]
    for text, path in got:
        node = element_at(source, path)
        assert node is not None and node.text(deep=True).replace("\t", "") == \
            text.replace("\t", "")
    assert [source[b.start:b.end] for b in doc.blocks][:4] == ["a", "Punkt", "x", "Tekst <b>fed"]
    assert element_at(source, "html/body/div[3]") is None
    assert element_at(source, "html/body/p[x]") is None
