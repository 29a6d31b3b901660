"""What issue 2 says must hold for the two Kalundborg samples (the goldens check the rest)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

import referat
from referat.cli import main

SAMPLES = Path(__file__).parent / "samples"
TXT = SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt"
MD = SAMPLES / "kalundborg-direktionen-2021-04-19.md"


def test_integrationsudvalget_text() -> None:
    m = referat.parse(TXT)
    assert m.source.format == "text"
    assert (m.committee, m.date, m.start_time) == ("Integrationsudvalget", dt.date(2022, 8, 22),
                                                    "16:30")
    assert len(m.participants) == 10 and sum(p.absent for p in m.participants) == 2
    assert len(m.toc) == 8 and len(m.items) == 8
    six = m.items[5]
    assert six.number == 6 and len(six.recommendations) == 3
    assert len(six.decisions) == 1 and len(six.decisions[0].points) == 3
    assert any(t.rows[0] == ["Måned", "Aktiviteter"] for t in six.tables)
    five = m.items[4]
    assert five.case_number == "22-007527"
    assert five.tables and five.tables[0].rows[0] == ["0 – 2 år", "5"]
    assert not m.issues


def test_direktionen_markdown() -> None:
    m = referat.parse(MD)
    assert m.source.format == "markdown"
    assert len(m.items) == 6
    assert [i.number for i in m.items if i.closed] == [1, 4, 5]
    two = m.items[1]
    assert (two.case_number, two.journal_number, two.document_number, two.case_type) == (
        "326-2018-26413", "00.01.00", "326-2021-56664", "Orientering")
    assert [(d.body, d.date, d.text, d.final) for d in two.decisions] == [
        ("Direktionen", dt.date(2021, 4, 19), "Anbefales.", True)]
    assert len(two.attachments) == 4
    assert sum(a.document_number is not None for a in two.attachments) == 3
    assert two.attachments[0].document_number == "326-2021-56646"


def test_format_is_detected_from_content_not_name(tmp_path: Path) -> None:
    as_txt = tmp_path / "exported.txt"
    as_txt.write_bytes(MD.read_bytes())
    assert referat.parse(as_txt).source.format == "markdown"
    assert referat.parse(MD.read_text(encoding="utf-8")).source.format == "markdown"
    assert referat.parse(TXT.read_bytes()).source.format == "text"


def test_no_markup_reaches_the_output() -> None:
    for sample in (TXT, MD):
        dumped = referat.parse(sample).model_dump_json()
        for markup in ("**", "##", "\\\\_", "<i>", "<ul", "</"):
            assert markup not in dumped, (sample.name, markup)


def test_cli_parse_summary_and_schema() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["parse", str(TXT)])
    assert out.exit_code == 0 and json.loads(out.output)["committee"] == "Integrationsudvalget"
    out = runner.invoke(main, ["parse", str(MD), "--summary"])
    assert out.exit_code == 0 and "Årlig opfølgning på Integrationspolitik" in out.output
    out = runner.invoke(main, ["schema"])
    assert out.exit_code == 0 and json.loads(out.output)["title"] == "Meeting"


def test_cli_unreadable_input_is_one_clear_line(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["parse", str(tmp_path / "missing.txt")])
    assert out.exit_code != 0
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = runner.invoke(main, ["parse", str(empty)])
    assert out.exit_code == 1
    assert out.output.strip().count("\n") == 0 and "empty.txt" in out.output


def test_vocabulary_from_toml_via_cli(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[sections]\nfinancial = ["Pengesager"]\n', encoding="utf-8")
    doc = tmp_path / "m.txt"
    doc.write_text("Punkt 1: Budget\n\nPengesager\n\nIngen.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["parse", str(doc), "--vocabulary", str(extra)])
    assert out.exit_code == 0
    assert json.loads(out.output)["items"][0]["sections"][0]["kind"] == "financial"
