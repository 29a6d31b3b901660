"""Every sample under tests/samples with a ``*.expected.json`` golden parses to exactly that.

Goldens state the truth, read against the source document before they are committed. Rewrite
them only for deliberate changes: ``pytest tests/test_goldens.py --update-goldens``, then read
every changed line against the source. Samples the parser does not reproduce in full yet are
partial goldens: ``tests/known_deviations.toml`` names, with the missing rule, the JSON paths that
may differ; everything else is compared strictly, and a listed path that now matches fails.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from golden import (
    SAMPLES,
    covers,
    diff_paths,
    dump,
    golden_path,
    result_json,
    sample_files,
    valid_path,
)

KNOWN = tomllib.loads((Path(__file__).parent / "known_deviations.toml").read_text(encoding="utf-8"))


def _show(data: Any, path: str) -> str:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        try:
            data = data[int(part[1:-1])] if part.startswith("[") else data[part]
        except (KeyError, IndexError, TypeError):
            return "(missing)"
    text = json.dumps(data, ensure_ascii=False)
    return text if len(text) <= 160 else text[:159] + "…"


@pytest.mark.parametrize("sample", [
    pytest.param(s, id=s.relative_to(SAMPLES).as_posix()) for s in sample_files()])
def test_golden(sample: Path, update_goldens: bool) -> None:
    rel = sample.relative_to(SAMPLES).as_posix()
    got = result_json(sample)
    gp = golden_path(sample)
    if update_goldens:
        if rel in KNOWN:
            pytest.skip("a known deviation: its golden states the truth, not the output")
        gp.write_text(dump(got), encoding="utf-8")
        pytest.skip("golden rewritten")
    expected = json.loads(gp.read_text(encoding="utf-8"))
    if rel not in KNOWN:
        assert got == expected
        return
    allowed: list[str] = KNOWN[rel]["paths"]
    diffs = diff_paths(got, expected)
    unexplained = [d for d in diffs if not any(covers(a, d) for a in allowed)]
    assert not unexplained, f"{rel} differs from its golden outside the known deviations:\n" + \
        "\n".join(f"  {d}:\n    got      {_show(got, d)}\n    expected {_show(expected, d)}"
                  for d in unexplained)
    stale = [a for a in allowed if not any(covers(a, d) for d in diffs)]
    assert not stale, (f"{rel}: {', '.join(stale)} now match the golden: remove "
                       f"{'them' if len(stale) > 1 else 'it'} from known_deviations.toml")


def test_known_deviations_name_existing_samples_paths_and_rules() -> None:
    names = {s.relative_to(SAMPLES).as_posix() for s in sample_files()}
    assert set(KNOWN) <= names
    for rel, entry in KNOWN.items():
        assert set(entry) == {"paths", "rule"}, rel
        assert entry["paths"] and all(valid_path(p) for p in entry["paths"]), rel
        assert isinstance(entry["rule"], str) and entry["rule"].strip(), rel


def test_a_partial_golden_allows_only_the_listed_paths() -> None:
    expected = {"title": "T", "toc": [{"title": "a", "page": 1}, {"title": "b", "page": 2}],
                "items": [{"number": 1, "decisions": [{"text": "x"}]}]}
    got = json.loads(json.dumps(expected))
    got["toc"][1]["page"] = 3
    got["items"][0]["decisions"][0]["text"] = "y"
    diffs = diff_paths(got, expected)
    assert diffs == ["toc[1].page", "items[0].decisions[0].text"]
    assert all(any(covers(a, d) for a in ["toc[*].page", "items[0].decisions"]) for d in diffs)
    assert not covers("items[0].decisions", "items[0].number")
    assert not covers("items[1]", "items[10].title") and covers("items", "items[10].title")
    got["items"].append({"number": 2, "decisions": []})
    assert diff_paths(got, expected)[-1] == "items"  # another length: the whole list
    assert not covers("items[0].decisions", "items")
