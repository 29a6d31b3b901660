"""Print (or ``--write``) tests/truth_deviations.toml from the current parse.

    .venv/bin/python benchmarks/truth_deviations.py [--write]

For every reader truth under ``tests/samples/pages/truth`` it lists the fields where the parse
differs (``scoring.deviations``). Reasons already in the file are kept; a new entry gets
"TODO", which ``tests/test_truth.py`` refuses until a reason naming the missing general rule
replaces it. Entries that now match are dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import deviations, project

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "samples" / "pages"
LIST = ROOT / "tests" / "truth_deviations.toml"
HEAD = """\
# Fields where the parse does not match the reader truth yet (tests/test_truth.py), per sample:
# field path -> the general rule that is missing. Paths: document_type, committee, date,
# is_minutes (no_items exactly when the truth has no items), items (the item list: count, or
# items found that the truth lacks), items[i] (truth item i not found), items[i].number|title|
# closed|case_number|journal_number|sections|decision (i = index in the truth's items).
# A listed field that matches makes the test fail: remove it (benchmarks/truth_deviations.py
# --write rewrites this file from the current parse, keeping the reasons of remaining entries).
"""


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(current: dict[str, list[str]], reasons: dict[str, dict[str, str]]) -> str:
    out = [HEAD]
    for sample, paths in current.items():
        if paths:
            out.append(f"\n[{_quote(sample)}]\n")
            known = reasons.get(sample, {})
            out.extend(f"{_quote(path)} = {_quote(known.get(path, 'TODO'))}\n" for path in paths)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    import referat

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"rewrite {LIST.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    reasons = tomllib.loads(LIST.read_text(encoding="utf-8")) if LIST.exists() else {}
    current = {}
    for t in sorted((PAGES / "truth").glob("*.json")):
        truth = json.loads(t.read_text(encoding="utf-8"))
        parsed = project(referat.parse(PAGES / f"{t.stem}.txt").model_dump(mode="json"))
        current[f"pages/{t.stem}.txt"] = list(deviations(truth, parsed))
    text = render(current, reasons)
    if args.write:
        LIST.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
