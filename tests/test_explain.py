"""``referat explain``: the stream as the parser saw it (issue 9, part 6)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import referat
from referat.blocks import Block
from referat.cli import main
from referat.explain import find_item, location, render, select_item
from referat.parsers.stream import Labelled

SAMPLES = Path(__file__).parent / "samples"
TXT = SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt"


def _run(*args: str) -> tuple[int, list[str]]:
    out = CliRunner().invoke(main, ["explain", *args])
    return out.exit_code, out.output.splitlines()


def test_every_block_is_one_line_with_its_location_layer_label_and_rule() -> None:
    code, lines = _run(str(TXT))
    analysis = referat.analyse(TXT)
    assert code == 0
    assert lines[0].split()[:5] == ["where", "layer", "label", "rule", "node"]
    assert len(lines) == 1 + len(analysis.stream)
    text_at = lines[0].index("text")
    assert all(len(line) - text_at <= 100 for line in lines)  # the text cut to 100 characters
    _, narrow = _run(str(TXT), "--width", "80")
    assert all(len(line) <= 80 for line in narrow)
    first = analysis.stream[0]
    assert lines[1].split()[:4] == [location(first.block), first.block.layer, first.label,
                                    first.rule]
    assert lines[1].endswith(first.block.text[:40]) or first.block.text[:20] in lines[1]


def test_full_keeps_long_texts_whole() -> None:
    _, cut = _run(str(TXT))
    _, full = _run(str(TXT), "--full")
    longest = max(referat.analyse(TXT).stream, key=lambda r: len(r.block.text)).block.text
    assert any(line.endswith(" ".join(longest.split())) for line in full)
    assert not any(line.endswith(" ".join(longest.split())) for line in cut)


def test_item_narrows_to_the_blocks_of_that_item() -> None:
    code, lines = _run(str(TXT), "--item", "2")
    assert code == 0
    assert lines[0].startswith("item 2. Orientering om medlemmer")
    assert "Punkt 2:" in lines[2] and not any("Punkt 3:" in line for line in lines)
    assert not any("Indholdsfortegnelse" in line for line in lines)
    code, by_position = _run(str(TXT), "--item", "2", "--position")
    assert code == 0 and by_position[2:] == lines[2:]


def test_an_item_that_does_not_exist_is_an_error_listing_the_items() -> None:
    code, lines = _run(str(TXT), "--item", "99")
    assert code == 1
    assert "no item numbered 99" in lines[-1] and "1, 2, 3" in lines[-1]


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["explain", str(tmp_path / "nope.txt")])
    assert out.exit_code == 1 and "no such file" in out.output and "Traceback" not in out.output


def test_an_item_is_selected_by_its_node_when_the_stream_records_nodes() -> None:
    analysis = referat.analyse(TXT)
    nodes = {0: "title", 1: "items[1]", 2: "items[1].sections[0]", 3: "items[10]",
             4: "items[1].decisions[0]"}
    analysis.stream = [Labelled(r.index, r.block, r.label, r.rule, nodes.get(j, ""))
                       for j, r in enumerate(analysis.stream)]
    item = find_item(analysis, 2)
    assert item is not None
    sel = select_item(analysis, item)
    assert not sel.by_title and [r.node for r in sel.rows] == [
        "items[1]", "items[1].sections[0]", "items[1].decisions[0]"]


def test_locations_name_the_page_box_line_or_path() -> None:
    assert location(Block("para", "x", line=12, end_line=14)) == "L12-14"
    assert location(Block("para", "x", line=40, page=2)) == "p2 L40"
    assert location(Block("para", "x", page=3, bbox=(72.4, 140.2, 500, 152))) == "p3 (72,140)"
    assert location(Block("para", "x", line=7, path="html/body/div[2]/h2[1]")) == \
        "body/div[2]/h2[1]"
    furniture = Labelled(0, Block("para", "Side 3 af 9", page=3, layer="furniture",
                                  furniture="page_number"), "furniture", "reader")
    assert render([furniture])[1].split()[:4] == ["p3", "furniture", "furniture", "reader"]
