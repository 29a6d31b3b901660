"""The comparison behind benchmarks/accuracy.py, on synthetic Meeting dicts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

_PATH = Path(__file__).parent.parent / "benchmarks" / "accuracy.py"


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", _PATH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = mod  # dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    return mod


def item(number: int, title: str, case: str | None = None, final: str | None = None,
         **extra: Any) -> dict[str, Any]:
    decisions = [{"text": "Anbefales.", "final": False}]
    if final is not None:
        decisions.append({"text": final, "final": True})
    return {"number": number, "title": title, "case_number": case, "decisions": decisions,
            **extra}


def test_perfect_parse(accuracy: ModuleType) -> None:
    g = {"items": [item(1, "Godkendelse", "22-1", "Godkendt."), item(2, "Budget")]}
    rates = accuracy.compare(g, g).rates()
    assert rates["item_f1"] == rates["titles_exact"] == rates["case_numbers"] == 1.0
    assert rates["final_decisions"] == 1.0


def test_misses_and_mismatches(accuracy: ModuleType) -> None:
    golden = {"items": [
        item(1, "Godkendelse af dagsorden", "22-1", "Godkendt."),
        item(2, "Budget 2026", "22-2", "Godkendt.", journal_number="00.01.00-A00-1-22"),
        item(3, "Eventuelt", None, "Intet."),
    ]}
    parsed = {"items": [
        item(1, "Godkendelse af  dagsorden", "22-1", "Godkendt."),   # whitespace only
        item(7, "Budget 2026.", "22-9", "Anbefales."),               # number wrong: title match
        item(8, "Helt andet"),                                       # spurious
    ]}
    c = accuracy.compare(golden, parsed)
    assert (c.golden_items, c.parsed_items, c.matched) == (3, 3, 2)
    assert c.titles_ok == 1
    assert (c.case_total, c.case_exact) == (3, 1)
    assert (c.final_total, c.final_found) == (3, 1)
    assert c.rates()["item_f1"] == pytest.approx(2 / 3)


def test_non_final_decision_does_not_count(accuracy: ModuleType) -> None:
    golden = {"items": [item(1, "A", final="Godkendt.")]}
    parsed = {"items": [{"number": 1, "title": "A",
                         "decisions": [{"text": "Godkendt.", "final": False}]}]}
    assert accuracy.compare(golden, parsed).final_found == 0


def test_counts_add_and_empty_rates(accuracy: ModuleType) -> None:
    empty = accuracy.Counts()
    assert empty.rates()["item_f1"] is None and empty.rates()["titles_exact"] is None
    one = accuracy.compare({"items": [item(1, "A")]}, {"items": []})
    total = one + one
    assert (total.golden_items, total.matched) == (2, 0)
    assert total.rates()["item_f1"] == 0.0


def test_reader_truth_scores(accuracy: ModuleType) -> None:
    import scoring  # on sys.path once benchmarks/accuracy.py is loaded

    truth = {"is_minutes": True, "document_type": "referat", "committee": "Byrådet",
             "date": "2020-01-29", "items": [
                 {"number": None, "title": "Budget", "closed": False, "case_number": "20/1",
                  "sections": ["summary", "decision"], "decision_start": "Godkendt med"},
                 {"number": 2, "title": None, "closed": False, "case_number": None,
                  "sections": ["presentation"], "decision_start": None}]}
    parsed = {"document_type": "referat", "committee": "Byrådet", "date": "2020-01-29",
              "issues": [], "items": [
                  {"number": 1, "title": "Budget", "case_number": "20/1",
                   "sections": [{"kind": "summary", "heading": "Resume"},
                                {"kind": "other", "heading": ""},
                                {"kind": "decision", "heading": "Beslutning"}],
                   "decisions": [{"text": "Godkendt  med 5 stemmer.", "final": True}]},
                  {"number": 2, "title": "Eventuelt",
                   "sections": [{"kind": "other", "heading": "Bemærkning"}]}]}
    p = scoring.project(parsed)
    c = scoring.score(truth, p)
    assert (c.matched, c.title_total, c.titles_ok, c.case_exact) == (2, 1, 1, 1)
    assert (c.final_total, c.final_found) == (1, 1)
    assert (c.kinds_truth, c.kinds_parsed, c.kinds_matched) == (3, 3, 2)
    assert c.committee_ok == c.date_ok == c.doctype_ok == c.minutes_ok == 1
    assert list(scoring.deviations(truth, p)) == ["items[1].sections"]
    p["is_minutes"] = False
    assert "is_minutes" in scoring.deviations(truth, p)


def test_untitled_items_match_in_order(accuracy: ModuleType) -> None:
    import scoring

    blank = {"number": None, "title": None}
    parsed = [{"number": n, "title": ""} for n in (1, 2, 3)]
    pairs = scoring.match_items([blank, {"number": 2, "title": "B"}, blank], parsed)
    assert [p["number"] if p else None for _, p in pairs] == [1, 2, 3]
    pairs = scoring.match_items([blank, blank], parsed[:1])
    assert [p["number"] if p else None for _, p in pairs] == [1, None]
