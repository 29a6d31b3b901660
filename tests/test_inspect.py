"""`referat inspect`: the report's structure. Synthetic documents (blocks with boxes and offsets,
a labelled stream, nodes with spans) test every part of the drawing now; the real samples check
what holds end to end (and hold more as the readers and the labelling pass give more)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

import referat
from referat.blocks import Block, Document
from referat.cli import main
from referat.inspector import needs_look, report
from referat.models import (
    AgendaItem,
    Decision,
    Meeting,
    ParseIssue,
    Participant,
    Section,
    SourceInfo,
    Span,
    TocEntry,
)
from referat.parsers.stream import Analysis, Labelled

SAMPLES = Path(__file__).parent / "samples"
AARHUS = SAMPLES / "pdf" / "aarhus-byraad-2025-08-27.pdf"
SHA = "0" * 64
W, H = 595.28, 841.89  # fpdf2's A4 in points


def _dom(html: str) -> HTMLParser:
    return HTMLParser(html)


def _ids(dom: HTMLParser) -> set[str]:
    return {n.attributes["id"] or "" for n in dom.css("[id]")}


def _assert_links_resolve(dom: HTMLParser) -> None:
    ids = _ids(dom)
    hrefs = [a.attributes["href"] or "" for a in dom.css("a[href]")]
    assert all(h.startswith("#") for h in hrefs), "the report links only inside itself"
    missing = [h for h in hrefs if h[1:] not in ids]
    assert not missing, f"links to no anchor: {missing[:5]}"


def _assert_self_contained(html: str, dom: HTMLParser) -> None:
    assert not dom.css("link, iframe, object, embed, script[src]")
    assert all((i.attributes["src"] or "").startswith("data:") for i in dom.css("img"))
    assert "http://" not in html.split("<main>")[0] and "@import" not in html
    assert "default-src 'none'" in html  # the CSP forbids any load


def _paths(dom: HTMLParser) -> set[str]:
    return {n.attributes["data-path"] or "" for n in dom.css("aside [data-path]")}


def _style(node: Node) -> dict[str, float]:
    style = node.attributes["style"] or ""
    return {k: float(v) for k, v in re.findall(r"(left|top|width|height):([\d.]+)%", style)}


# --- a synthetic two-page PDF document, fully labelled ---------------------------------------

BOX_ITEM = (50.0, 100.0, 300.0, 115.0)
BOX_CASE = (50.0, 120.0, 200.0, 130.0)
BOX_DEC = (50.0, 140.0, 150.0, 152.0)
BOX_TEXT = (50.0, 155.0, 500.0, 200.0)
BOX_FOOT = (280.0, 800.0, 320.0, 810.0)
BOX_LOST = (50.0, 300.0, 400.0, 312.0)


def _pdf_bytes() -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_font("helvetica", size=12)
    for text in ("1. Budget 2026", "Stray line nobody placed"):
        pdf.add_page()
        pdf.text(50, 112, text)
    return bytes(pdf.output())


def _pdf_analysis() -> Analysis:
    blocks = [
        Block("heading", "1. Budget 2026", page=1, bbox=BOX_ITEM, bold=True),
        Block("para", "Sagsnr. 00.01.00-A00-1-26", page=1, bbox=BOX_CASE),
        Block("para", "Beslutning", page=1, bbox=BOX_DEC, bold=True),
        Block("para", "Godkendt.", page=1, bbox=BOX_TEXT),
        Block("para", "Side 1", page=1, bbox=BOX_FOOT, layer="furniture", furniture="page_number"),
        Block("para", "Stray line nobody placed", page=2, bbox=BOX_LOST),
        Block("para", "a block the reader gave no box", page=2),
    ]
    stream = [
        Labelled(0, blocks[0], "item_heading", "numbered_heading", "items[0]"),
        Labelled(1, blocks[1], "case_ref", "case_number_line", "items[0]"),
        Labelled(2, blocks[2], "decision_head", "decision_heading", "items[0].decisions[0]"),
        Labelled(3, blocks[3], "body", "section_text", "items[0].decisions[0]"),
        Labelled(4, blocks[4], "furniture", "reader"),
        Labelled(5, blocks[5], "unplaced", "no_rule"),
        Labelled(6, blocks[6], "body", "section_text", "items[0].sections[0]"),
    ]
    item = AgendaItem(
        number=1, position=1, title="Budget 2026", case_number="00.01.00-A00-1-26",
        source=[Span(page=1, bbox=BOX_ITEM)],
        sections=[Section(kind="decision", heading="Beslutning", text="Godkendt.",
                          source=[Span(page=1, bbox=BOX_DEC), Span(page=1, bbox=BOX_TEXT)])],
        decisions=[Decision(body="Byrådet", text="Godkendt.", final=True,
                            source=[Span(page=1, bbox=BOX_DEC)])],
    )
    meeting = Meeting(
        source=SourceInfo(format="pdf", sha256=SHA, pages=2), title="Referat", items=[item],
        participants=[Participant(name="Anna Andersen")],
        issues=[ParseIssue(severity="warning", code="unplaced_block", message="a line no rule "
                           "placed", source=[Span(page=2, bbox=BOX_LOST)]),
                ParseIssue(severity="info", code="item_note", message="about item 1",
                           position=1)])
    return Analysis(Document(blocks, "pdf", pages=2), meeting, stream)


@pytest.fixture(scope="module")
def pdf_report() -> tuple[str, HTMLParser, Analysis]:
    analysis = _pdf_analysis()
    html = report(analysis, _pdf_bytes())
    return html, _dom(html), analysis


def test_pdf_pages_are_rendered_images(pdf_report: tuple[str, HTMLParser, Analysis]) -> None:
    html, dom, _ = pdf_report
    pages = dom.css("section.page")
    assert [p.attributes["id"] for p in pages] == ["page-1", "page-2"]
    for page in pages:
        img = page.css_first(".sheet img")
        assert img is not None and (img.attributes["src"] or "").startswith("data:image/jpeg")
        assert f"aspect-ratio:{W:g}/{H:g}" in (page.css_first(".sheet").attributes["style"] or "")
    _assert_self_contained(html, dom)


def test_boxes_per_page_match_blocks_and_spans(pdf_report: tuple[str, HTMLParser, Analysis]
                                               ) -> None:
    _, dom, analysis = pdf_report
    blocks = analysis.document.blocks
    spans = [(s.page, n) for n, s in _all_spans(analysis.meeting) if s.bbox is not None]
    for page in dom.css("section.page"):
        number = int((page.attributes["id"] or "")[5:])
        boxes = page.css(".sheet .box")
        assert sorted(b.attributes["id"] for b in boxes) == sorted(
            f"b-{i}" for i, b in enumerate(blocks) if b.page == number and b.bbox)
        assert len(page.css(".sheet .nbox")) == sum(1 for p, _ in spans if p == number)
    # a block without a box is still listed, under its page
    listed = dom.css_first("#page-2 .unboxed #b-6")
    assert listed is not None and listed.text() == "a block the reader gave no box"


def _all_spans(meeting: Meeting) -> list[tuple[str, Span]]:
    out = [(f"issues[{k}]", s) for k, i in enumerate(meeting.issues) for s in i.source]
    for k, item in enumerate(meeting.items):
        out += [(f"items[{k}]", s) for s in item.source]
        for j, sec in enumerate(item.sections):
            out += [(f"items[{k}].sections[{j}]", s) for s in sec.source]
        for j, dec in enumerate(item.decisions):
            out += [(f"items[{k}].decisions[{j}]", s) for s in dec.source]
    return out


def test_box_geometry_is_the_bbox_in_page_percent(pdf_report: tuple[str, HTMLParser, Analysis]
                                                  ) -> None:
    _, dom, _ = pdf_report
    box = _style(dom.css_first("#b-0"))
    x0, top, x1, bottom = BOX_ITEM
    assert box["left"] == pytest.approx(x0 / W * 100, abs=0.01)
    assert box["top"] == pytest.approx(top / H * 100, abs=0.01)
    assert box["width"] == pytest.approx((x1 - x0) / W * 100, abs=0.01)
    assert box["height"] == pytest.approx((bottom - top) / H * 100, abs=0.01)


def test_boxes_say_label_rule_and_field(pdf_report: tuple[str, HTMLParser, Analysis]) -> None:
    _, dom, _ = pdf_report
    classes = {n.attributes["id"]: (n.attributes["class"] or "").split() for n in dom.css(".box")}
    assert "c-item" in classes["b-0"] and "c-case_ref" in classes["b-1"]
    assert "c-decision" in classes["b-2"] and "c-furniture" in classes["b-4"]
    assert "c-unplaced" in classes["b-5"]
    head = dom.css_first("#b-0").attributes
    assert (head["data-label"], head["data-rule"], head["data-nodes"]) == \
        ("item_heading", "numbered_heading", "items[0]")
    assert "numbered_heading" in (head["title"] or "")
    final = dom.css_first("#n-items-0-decisions-0")
    assert "final" in (final.attributes["class"] or "") and "★ final" in final.text()
    assert "§ decision" in dom.css_first("#n-items-0-sections-0").text()  # the section's kind


def test_panel_lists_every_node_and_links_resolve(pdf_report: tuple[str, HTMLParser, Analysis]
                                                  ) -> None:
    _, dom, _ = pdf_report
    assert {"items[0]", "items[0].sections[0]", "items[0].decisions[0]",
            "participants[0]"} <= _paths(dom)
    _assert_links_resolve(dom)
    links = {a.attributes["data-path"]: a.attributes["href"] for a in dom.css("aside a[data-path]")}
    assert links["items[0]"] == "#n-items-0"
    assert links["issues[0]"] == "#n-issues-0"  # the issue's own box
    assert links["issues[1]"] == "#n-items-0"  # no span: the item it is about
    # the participant has no span and no block names it: listed, not linked
    assert dom.css_first('aside span.nolink[data-path="participants[0]"]') is not None
    assert [a.attributes["href"] for a in dom.css("aside h2 + ul a[href='#b-5']")]


def test_report_without_the_pdf_draws_on_blank_pages() -> None:
    dom = _dom(report(_pdf_analysis(), None))
    assert len(dom.css("section.page")) == 2 and not dom.css("img")
    assert len(dom.css(".box")) == 6
    assert "not at hand" in dom.css_first("aside").text()


# --- text and Markdown: the source text with highlights ----------------------------------------

TEXT = ("Referat\n\nPunkt 1. Budget\nSagsnr. 12\n\nBeslutning\nGodkendt.\n\n"
        "Side 3\nen løs linje\n")


def _text_analysis(labelled: bool) -> Analysis:
    lines = [(0, "Referat"), (9, "Punkt 1. Budget"), (25, "Sagsnr. 12"), (37, "Beslutning"),
             (48, "Godkendt."), (59, "Side 3"), (66, "en løs linje")]
    blocks = [Block("para", t, line=TEXT[:s].count("\n") + 1, start=s, end=s + len(t))
              for s, t in lines]
    blocks[5] = Block("para", "Side 3", line=9, start=59, end=65, layer="furniture")
    blocks.append(Block("para", "a block with no offsets", line=12))
    assert all(TEXT[b.start:b.end] == b.text for b in blocks if b.start >= 0)
    labels = ["title", "item_heading", "case_ref", "section_heading", "body", "furniture",
              "unplaced", "note"]
    stream = [Labelled(i, b, labels[i] if labelled else ("furniture" if b.is_furniture
                                                         else "body"),
                       "rule" if labelled else ("reader" if b.is_furniture else "unlabelled"))
              for i, b in enumerate(blocks)]
    item = AgendaItem(number=1, position=1, title="Budget", source=[Span(line=3, start=9, end=24)],
                      sections=[Section(kind="decision", heading="Beslutning",
                                        source=[Span(line=6, end_line=7, start=37, end=57)])])
    meeting = Meeting(source=SourceInfo(format="text", sha256=SHA), items=[item],
                      toc=[TocEntry(number=1, title="Budget")])
    return Analysis(Document(blocks, "text", text=TEXT), meeting, stream)


def test_text_view_highlights_the_source() -> None:
    html = report(_text_analysis(labelled=True))
    dom = _dom(html)
    pre = dom.css_first("pre.src")
    assert pre.text() == TEXT  # the source itself, every character, in order
    spans = {n.attributes["id"]: n for n in pre.css(".blk")}
    assert spans["b-1"].text() == "Punkt 1. Budget" and "c-item" in spans["b-1"].attributes["class"]
    assert "c-unplaced" in spans["b-6"].attributes["class"]
    assert "c-furniture" in spans["b-5"].attributes["class"]
    assert dom.css_first(".unboxed #b-7").text() == "a block with no offsets"
    assert {"items[0]", "items[0].sections[0]", "toc[0]"} <= _paths(dom)
    _assert_links_resolve(dom)
    links = {a.attributes["data-path"]: a.attributes["href"] for a in dom.css("aside a[data-path]")}
    assert links["items[0]"] == "#b-1" and links["items[0].sections[0]"] == "#b-3"
    _assert_self_contained(html, dom)


def test_placeholder_labels_take_the_colour_of_the_covering_node() -> None:
    dom = _dom(report(_text_analysis(labelled=False)))
    cls = {n.attributes["id"]: n.attributes["class"] or "" for n in dom.css(".blk")}
    assert "c-item" in cls["b-1"] and "c-section" in cls["b-3"] and "c-section" in cls["b-4"]
    assert "c-body" in cls["b-0"]
    assert "no labelling pass" in dom.css_first("aside").text()


def test_blocks_without_offsets_are_listed_in_reading_order() -> None:
    analysis = _text_analysis(labelled=True)
    analysis.document.blocks = [Block("para", b.text) for b in analysis.document.blocks]
    dom = _dom(report(analysis))
    assert [n.text() for n in dom.css("ol.blocks li")] == [
        b.text for b in analysis.document.blocks]


def test_long_stretches_outside_blocks_are_elided() -> None:
    text = "<head>" + "x" * 5000 + "</head>Punkt 1. Budget"
    block = Block("para", "Punkt 1. Budget", start=text.index("Punkt"), end=len(text))
    analysis = Analysis(Document([block], "text", text=text),
                        Meeting(source=SourceInfo(format="text", sha256=SHA)),
                        [Labelled(0, block, "item_heading", "r")])
    dom = _dom(report(analysis))
    assert "characters outside any block" in dom.css_first(".elided").text()
    assert dom.css_first("#b-0").text() == "Punkt 1. Budget"


def test_needs_look() -> None:
    analysis = _pdf_analysis()
    assert needs_look(analysis)
    analysis.meeting.issues = [i for i in analysis.meeting.issues if i.severity == "info"]
    analysis.stream = [x for x in analysis.stream if x.label != "unplaced"]
    assert not needs_look(analysis)


# --- end to end on the real samples ------------------------------------------------------------

def _check_real(path: Path) -> tuple[HTMLParser, referat.Meeting, str]:
    analysis = referat.analyse(path)
    html = referat.inspect(analysis)
    dom = _dom(html)
    meeting = analysis.meeting
    paths = _paths(dom)
    for i, item in enumerate(meeting.items):
        assert f"items[{i}]" in paths
        assert all(f"items[{i}].sections[{j}]" in paths for j in range(len(item.sections)))
        assert all(f"items[{i}].decisions[{j}]" in paths for j in range(len(item.decisions)))
    assert all(f"issues[{k}]" in html for k in range(len(meeting.issues)))
    # every item, section and decision carries its source: each entry jumps to its place
    unlinked = [n.attributes["data-path"] for n in dom.css("aside .nolink[data-path]")]
    assert not [p for p in unlinked if p and p.startswith(("items", "toc", "participants"))]
    assert not {"header.title", "header.date"} & set(unlinked)
    ids = _ids(dom)
    assert all(f"b-{i}" in ids for i in range(len(analysis.document.blocks)))  # every block shown
    _assert_links_resolve(dom)
    _assert_self_contained(html, dom)
    return dom, meeting, html


def test_real_pdf_report() -> None:
    dom, meeting, html = _check_real(AARHUS)
    pages = dom.css("section.page")
    assert len(pages) == meeting.source.pages == 28
    assert all((p.css_first("img").attributes["src"] or "").startswith("data:image/jpeg")
               for p in pages)
    assert len(html) < 5_000_000  # a 28-page report stays a few MB
    analysis = referat.analyse(AARHUS)
    boxed = Counter(b.page for b in analysis.document.blocks if b.bbox is not None)
    assert sum(boxed.values()) == len(analysis.document.blocks), "the PDF reader boxes every block"
    spans = Counter(s.page for _, s in _all_spans(meeting) if s.bbox is not None)
    spans.update(s.page for n in meeting.toc for s in n.source if s.bbox is not None)
    spans.update(s.page for n in meeting.participants for s in n.source if s.bbox is not None)
    for item in meeting.items:
        for part in (*item.tables, *item.attachments):
            spans.update(s.page for s in part.source if s.bbox is not None)
    assert sum(spans.values()) > len(meeting.items)
    for page in pages:
        number = int((page.attributes["id"] or "")[5:])
        assert len(page.css(".sheet .box")) == boxed.get(number, 0)
        assert len(page.css(".sheet .nbox")) == spans.get(number, 0)
        assert not page.css(".unboxed")


@pytest.mark.parametrize("path", [
    SAMPLES / "kalundborg-direktionen-2021-04-19.md",
    SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt",
    SAMPLES / "html" / "aarhus-teknisk-udvalg-2025-10-01.html",
], ids=lambda p: p.suffix[1:])
def test_real_text_reports(path: Path) -> None:
    dom, meeting, _ = _check_real(path)
    assert meeting.items
    if path.suffix == ".html":  # the rendered blocks, not the markup
        assert dom.css("ol.blocks li") and not dom.css("pre.src")
        return
    analysis = referat.analyse(path)
    text = analysis.document.text or ""
    located = {n.attributes["id"]: n.text() for n in dom.css("pre.src .blk")}
    assert located, "text and Markdown readers give offsets: the source is shown"
    for i, block in enumerate(analysis.document.blocks):
        if f"b-{i}" in located:
            assert located[f"b-{i}"] == text[block.start:block.end]


def test_inspect_a_meeting_rereads_its_source(tmp_path: Path) -> None:
    meeting = referat.parse(SAMPLES / "kalundborg-direktionen-2021-04-19.md")
    dom = _dom(referat.inspect(meeting))
    assert dom.css("[id^=b-]") and "items[0]" in _paths(dom)
    meeting.source.path = str(tmp_path / "gone.md")
    dom = _dom(referat.inspect(meeting))
    assert not dom.css("[id^=b-]") and "items[0]" in _paths(dom)
    assert "not at hand" in dom.css_first("aside").text()


def test_cli_inspect(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    src = SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt"
    result = CliRunner().invoke(main, ["inspect", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = CliRunner().invoke(main, ["inspect", str(tmp_path / "missing.pdf")])
    assert bad.exit_code == 1 and "no such file" in bad.output


CLEAN = "Referat\n\nØkonomiudvalget\nMødedato: 3. marts 2025\n\n1. Godkendelse af dagsorden\n" \
        "Beslutning\nGodkendt.\n"
NO_ITEMS = "Referat\n\nØkonomiudvalget\nMødedato: 3. marts 2025\n\nIngen punkter her.\n"


@pytest.mark.parametrize("jsonl", [False, True], ids=["dir", "jsonl"])
def test_convert_inspect_reports_documents_that_need_a_look(tmp_path: Path, jsonl: bool) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (src / "sub" / "empty.txt").write_text(NO_ITEMS, encoding="utf-8")
    out = tmp_path / "out"
    summary = referat.convert(src, out, jobs=1, inspect=True,
                              jsonl=tmp_path / "all.jsonl" if jsonl else None)
    assert summary.converted == 2
    assert summary.reports == ["sub/empty.txt.inspect.html"]
    page = (out / "sub" / "empty.txt.inspect.html").read_text(encoding="utf-8")
    assert "no_items" in page and page.startswith("<!DOCTYPE html>")
    assert not (out / "clean.txt.inspect.html").exists()
    assert "sub/empty.txt.inspect.html" in summary.text()
    assert "sub/empty.txt.inspect.html" in (out / "summary.json").read_text(encoding="utf-8")


def test_convert_cli_inspect_flag(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NO_ITEMS, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "a.txt"), "--out",
                                       str(tmp_path / "out"), "--inspect", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "need a look" in result.output and (tmp_path / "out" / "a.txt.inspect.html").exists()
