"""Parse accuracy against the goldens and the reader truth.

    .venv/bin/python benchmarks/accuracy.py [--json] [--unseen DIR] [FILTER ...]

Two kinds of truth are scored, in one format (``benchmarks/scoring.py`` projects both onto it):

- every sample under ``tests/samples`` with a ``<name>.expected.json`` contract golden: the 37
  dev excerpts under ``pages/`` and the other samples (Kalundborg, Aarhus HTML/PDF, ...);
- every ``truth/NNN.json`` reader truth under ``--unseen`` (default ``tests/samples/pages``;
  format in ``tests/samples/pages/TRUTH.md``), scored against the parse of ``NNN.txt`` next to
  it: the 55 excerpts from municipalities the parser was not tuned to;
- every ``NAME.truth.json`` under ``tests/samples`` (same format), scored against the parse of
  ``NAME.pdf`` (or .html/.txt/.md) next to it: the generated Word exports; and every browser
  print ``pdf/printed/NAME.pdf``, scored against the golden of the page ``html/NAME.html`` it
  was printed from.

Per file and per group (dev excerpts, unseen excerpts, all excerpts, other samples, generated)
it prints:

- items: F1 of the parsed items against the truth items. A truth item matches the parsed item
  with the same number, else (numbers shifted or missing) the unused parsed item whose title is
  closest (rapidfuzz ratio >= 85);
- titles: share of truth items (with a printed title) whose matched item has exactly that title
  (whitespace normalised);
- case: share of the truth items' case numbers (and journal numbers) the matched item has exactly;
- final: share of truth items with a decision whose matched item has a final decision that
  starts with the truth's ``decision_start`` (reader truth) or equals the golden's final text;
- kinds: F1 of section kinds (headed sections, as a multiset per matched item);
- committee, date, document type: share of documents where they are exactly equal;
- minutes: share of documents where the parse says ``no_items`` exactly when the truth has no
  items (the text is no minutes, or shows only a table of contents).

Totals add the counts over files (micro average); document-level shares count documents.
FILTER arguments keep only samples whose path contains one of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Counts, match_items, project, score

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
GROUPS = ("dev excerpts", "unseen excerpts", "other", "generated")
SOURCE_SUFFIXES = (".pdf", ".html", ".txt", ".md")
__all__ = ["Counts", "compare", "main", "match_items"]


def compare(golden: dict[str, Any], parsed: dict[str, Any]) -> Counts:
    """Counts for one document: ``golden`` and ``parsed`` are Meeting JSON dicts."""
    return score(project(golden), project(parsed))


def _parse(sample: Path) -> tuple[dict[str, Any], str | None]:
    import referat
    from referat.errors import ReferatError

    try:
        data: dict[str, Any] = referat.parse(sample).model_dump(mode="json")
    except ReferatError as exc:
        return {"items": []}, str(exc)
    return data, None


def goldens(filters: list[str], samples: Path = SAMPLES) -> list[tuple[Path, Path]]:
    """(source, golden) for every sample with a contract golden."""
    out = []
    for p in sorted(samples.rglob("*.expected.json")):
        sources = [s for s in p.parent.glob(p.name.removesuffix(".expected.json") + ".*")
                   if not s.name.endswith(".expected.json")]
        if len(sources) == 1 and (not filters or any(f in str(sources[0]) for f in filters)):
            out.append((sources[0], p))
    return out


def truths(filters: list[str], pages: Path) -> list[tuple[Path, Path]]:
    """(source, truth) for every reader truth ``pages/truth/NNN.json``."""
    out = []
    for t in sorted((pages / "truth").glob("*.json")):
        source = pages / (t.stem + ".txt")
        if source.exists() and (not filters or any(f in str(source) for f in filters)):
            out.append((source, t))
    return out


def generated(filters: list[str], samples: Path) -> list[tuple[Path, Path]]:
    """(source, truth) for every ``NAME.truth.json`` with a ``NAME.<pdf|html|txt|md>`` beside it."""
    out = []
    for t in sorted(samples.rglob("*.truth.json")):
        stem = t.name.removesuffix(".truth.json")
        source = next((t.with_name(stem + x) for x in SOURCE_SUFFIXES
                       if t.with_name(stem + x).exists()), None)
        if source and (not filters or any(f in str(source) for f in filters)):
            out.append((source, t))
    for pdf in sorted((samples / "pdf" / "printed").glob("*.pdf")):
        golden = samples / "html" / (pdf.stem + ".expected.json")
        if golden.exists() and (not filters or any(f in str(pdf) for f in filters)):
            out.append((pdf, golden))
    return out


def _fmt(v: float | None) -> str:
    return "   -" if v is None else f"{v:4.2f}"


COLUMNS = [("gold", "golden_items", 4), ("got", "parsed_items", 4), ("F1", "item_f1", 4),
           ("titl", "titles_exact", 4), ("case", "case_numbers", 4),
           ("fin", "final_decisions", 4), ("kind", "section_kind_f1", 4),
           ("comm", "committee", 4), ("date", "date", 4), ("type", "document_type", 4),
           ("min", "is_minutes", 4)]


def _line(name: str, r: dict[str, Any]) -> str:
    cells = [f"{r[k]:{w}}" if isinstance(r[k], int) else _fmt(r[k]) for _, k, w in COLUMNS]
    return f"{name[:44]:44} " + " ".join(cells)


def run(filters: list[str], samples: Path, unseen: Path) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    groups = {g: Counts() for g in GROUPS}
    jobs = [(s, g, "dev excerpts" if samples / "pages" in s.parents else "other")
            for s, g in goldens(filters, samples)]
    jobs += [(s, t, "unseen excerpts") for s, t in truths(filters, unseen)]
    jobs += [(s, t, "generated") for s, t in generated(filters, samples)]
    for sample, truth_file, group in jobs:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if group in ("dev excerpts", "other") or truth_file.name.endswith(".expected.json"):
            truth = project(truth)
        parsed, error = _parse(sample)
        c = score(truth, project(parsed))
        groups[group] = groups[group] + c
        base = samples if group != "unseen excerpts" else unseen.parent
        rows.append({"file": sample.relative_to(base).as_posix(), "group": group,
                     "error": error, **asdict(c), **c.rates()})
    totals = {**groups, "all excerpts": groups["dev excerpts"] + groups["unseen excerpts"],
              "everything": sum(groups.values(), Counts())}
    return {"files": rows, "totals": {n: {**asdict(c), **c.rates()} for n, c in totals.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--samples", type=Path, default=SAMPLES,
                    help="sample tree with goldens (default tests/samples; dev excerpts in pages/)")
    ap.add_argument("--unseen", type=Path, default=SAMPLES / "pages",
                    help="directory with NNN.txt and truth/NNN.json (default tests/samples/pages)")
    ap.add_argument("filters", nargs="*", help="keep samples whose path contains one of these")
    args = ap.parse_args(argv)
    report = run(args.filters, args.samples.resolve(), args.unseen.resolve())
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    head = f"{'file':44} " + " ".join(f"{h:>{w}}" for h, _, w in COLUMNS)
    for group in GROUPS:
        rows = [r for r in report["files"] if r["group"] == group]
        if rows:
            print(f"\n## {group} ({len(rows)})\n{head}")
            for r in rows:
                print(_line(r["file"], r) + (f"  ERROR {r['error']}" if r["error"] else ""))
    print(f"\n## totals\n{head}")
    for name, t in report["totals"].items():
        print(_line(f"TOTAL {name} ({t['docs']})", t))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
