"""Every sample under tests/samples with a ``*.expected.json`` golden parses to exactly that.

Goldens are read against their source document before they are committed. Rewrite them only for
deliberate changes: ``pytest tests/test_goldens.py --update-goldens``, then read the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import SAMPLES, dump, golden_path, result_json, sample_files


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_golden(sample: Path, update_goldens: bool) -> None:
    got = result_json(sample)
    gp = golden_path(sample)
    if update_goldens:
        gp.write_text(dump(got), encoding="utf-8")
        pytest.skip("golden rewritten")
    expected = json.loads(gp.read_text(encoding="utf-8"))
    assert got == expected
