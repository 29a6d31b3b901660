"""Every sample under tests/samples with a ``*.expected.json`` golden parses to exactly that.

Goldens state the truth, read against the source document before they are committed. Rewrite
them only for deliberate changes: ``pytest tests/test_goldens.py --update-goldens``, then read
every changed line against the source. Samples the parser does not reproduce yet are listed, with
the missing rule, in ``tests/known_deviations.toml`` and are expected to fail.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from golden import SAMPLES, dump, golden_path, result_json, sample_files

KNOWN = tomllib.loads((Path(__file__).parent / "known_deviations.toml").read_text(encoding="utf-8"))


def _param(sample: Path) -> object:
    rel = sample.relative_to(SAMPLES).as_posix()
    marks = [pytest.mark.xfail(reason=KNOWN[rel], strict=False)] if rel in KNOWN else []
    return pytest.param(sample, id=rel, marks=marks)


@pytest.mark.parametrize("sample", [_param(s) for s in sample_files()])
def test_golden(sample: Path, update_goldens: bool) -> None:
    got = result_json(sample)
    gp = golden_path(sample)
    if update_goldens:
        if sample.relative_to(SAMPLES).as_posix() in KNOWN:
            pytest.skip("a known deviation: its golden states the truth, not the output")
        gp.write_text(dump(got), encoding="utf-8")
        pytest.skip("golden rewritten")
    expected = json.loads(gp.read_text(encoding="utf-8"))
    assert got == expected


def test_known_deviations_name_existing_samples() -> None:
    names = {s.relative_to(SAMPLES).as_posix() for s in sample_files()}
    assert set(KNOWN) <= names
