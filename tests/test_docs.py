"""The documentation stays true: the vocabulary page lists exactly the words the code uses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from referat.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent


def test_vocabulary_page_lists_the_vocabulary() -> None:
    spec = importlib.util.spec_from_file_location("vocabulary_doc", ROOT / "tools" /
                                                  "vocabulary_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    want = module.page(Vocabulary.default())
    have = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert have == want, "docs/vocabulary.md is out of date: python tools/vocabulary_doc.py --write"
