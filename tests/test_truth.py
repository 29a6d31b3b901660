"""Every reader truth (``tests/samples/pages/truth/NNN.json``) against the parse of its excerpt.

The parse is projected onto the truth format by ``benchmarks/scoring.py`` (the projection the
accuracy benchmark scores). Every field that matches is asserted strictly; the fields that do
not match yet are listed per sample, each with the missing general rule, in
``tests/truth_deviations.toml``. A listed field that now matches fails the test too, so the list
stays honest: remove it (``benchmarks/truth_deviations.py --write`` rewrites the list from the
current parse and keeps the reasons of entries that remain).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import referat

TESTS = Path(__file__).parent
PAGES = TESTS / "samples" / "pages"
TRUTHS = sorted((PAGES / "truth").glob("*.json"))
DEVIATIONS: dict[str, dict[str, str]] = tomllib.loads(
    (TESTS / "truth_deviations.toml").read_text(encoding="utf-8"))


def _scoring() -> ModuleType:
    path = TESTS.parent / "benchmarks" / "scoring.py"
    spec = importlib.util.spec_from_file_location("scoring", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scoring", mod)  # dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    return mod


scoring = _scoring()


def _name(truth: Path) -> str:
    return f"pages/{truth.stem}.txt"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 200 else text[:200] + "…"


@pytest.mark.parametrize("truth_file", TRUTHS, ids=_name)
def test_parse_matches_reader_truth(truth_file: Path) -> None:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    parsed = scoring.project(referat.parse(PAGES / f"{truth_file.stem}.txt")
                             .model_dump(mode="json"))
    found = scoring.deviations(truth, parsed)
    listed = DEVIATIONS.get(_name(truth_file), {})
    new = [f"  {path}: truth {_show(t)}, parse {_show(p)}"
           for path, (t, p) in found.items() if path not in listed]
    fixed = [path for path in listed if path not in found]
    assert not new, "differs from the reader truth (fix the parser, or list the field with " \
        "the missing rule in tests/truth_deviations.toml):\n" + "\n".join(new)
    assert not fixed, f"now matches the reader truth: remove {fixed} from " \
        f"tests/truth_deviations.toml [\"{_name(truth_file)}\"]"


def test_deviations_name_existing_samples_and_give_reasons() -> None:
    names = {_name(t) for t in TRUTHS}
    assert set(DEVIATIONS) <= names
    assert all(reason.strip() and "TODO" not in reason
               for fields in DEVIATIONS.values() for reason in fields.values())
