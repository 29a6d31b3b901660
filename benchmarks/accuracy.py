"""Parse accuracy against the goldens: items found, exact titles, case numbers, final decisions.

    .venv/bin/python benchmarks/accuracy.py [--json] [FILTER ...]

Every sample under ``tests/samples`` with a ``<name>.expected.json`` golden is parsed and compared
with it. Per file and in total (split into the dev excerpts under ``tests/samples/pages`` and the
rest) it prints:

- items: F1 of the parsed items against the golden items. A golden item matches the parsed item
  with the same number, else (numbers shifted or missing) the unused parsed item whose title is
  closest (rapidfuzz ratio >= 85);
- titles: share of golden items whose matched item has exactly the golden title (whitespace
  normalised);
- case numbers: share of the golden items' ``case_number`` and ``journal_number`` values that the
  matched item has exactly;
- final decisions: share of golden items with a ``final: true`` decision whose matched item has a
  final decision with the same text (whitespace normalised).

Totals add the counts over files (micro average). FILTER arguments keep only samples whose path
contains one of them. Goldens added later are picked up automatically.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
CASE_FIELDS = ("case_number", "journal_number")
TITLE_MATCH = 85.0


@dataclass
class Counts:
    golden_items: int = 0
    parsed_items: int = 0
    matched: int = 0
    titles_ok: int = 0
    case_total: int = 0
    case_exact: int = 0
    final_total: int = 0
    final_found: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def rates(self) -> dict[str, float | None]:
        def share(n: int, d: int) -> float | None:
            return n / d if d else None

        p = share(self.matched, self.parsed_items)
        r = share(self.matched, self.golden_items)
        f1: float | None
        if self.golden_items == self.parsed_items == 0:
            f1 = None
        elif p is None or r is None:
            f1 = 0.0
        else:
            f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "item_precision": p, "item_recall": r, "item_f1": f1,
            "titles_exact": share(self.titles_ok, self.golden_items),
            "case_numbers": share(self.case_exact, self.case_total),
            "final_decisions": share(self.final_found, self.final_total),
        }


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def match_items(golden: list[dict[str, Any]], parsed: list[dict[str, Any]]
                ) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pair each golden item with a parsed item: same number first, then closest title."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(golden):
        for pi, p in enumerate(parsed):
            if pi not in used and p.get("number") == g.get("number"):
                pairs[gi] = pi
                used.add(pi)
                break
    for gi, g in enumerate(golden):
        if gi in pairs:
            continue
        best, best_score = -1, TITLE_MATCH
        for pi, p in enumerate(parsed):
            if pi in used:
                continue
            score = fuzz.ratio(_norm(g.get("title")).casefold(), _norm(p.get("title")).casefold())
            if score >= best_score:
                best, best_score = pi, score
        if best >= 0:
            pairs[gi] = best
            used.add(best)
    return [(g, parsed[pairs[gi]] if gi in pairs else None) for gi, g in enumerate(golden)]


def _final_texts(item: dict[str, Any]) -> list[str]:
    return [_norm(d.get("text")) for d in item.get("decisions") or [] if d.get("final")]


def compare(golden: dict[str, Any], parsed: dict[str, Any]) -> Counts:
    """Counts for one document: ``golden`` and ``parsed`` are Meeting JSON dicts."""
    g_items: list[dict[str, Any]] = golden.get("items") or []
    p_items: list[dict[str, Any]] = parsed.get("items") or []
    c = Counts(golden_items=len(g_items), parsed_items=len(p_items))
    for g, p in match_items(g_items, p_items):
        if p is not None:
            c.matched += 1
            c.titles_ok += _norm(g.get("title")) == _norm(p.get("title"))
        for name in CASE_FIELDS:
            if g.get(name):
                c.case_total += 1
                c.case_exact += p is not None and _norm(p.get(name)) == _norm(g[name])
        finals = _final_texts(g)
        if finals:
            c.final_total += 1
            c.final_found += p is not None and any(t in _final_texts(p) for t in finals)
    return c


def _parse(sample: Path) -> tuple[dict[str, Any], str | None]:
    import referat
    from referat.errors import ReferatError

    try:
        data: dict[str, Any] = referat.parse(sample).model_dump(mode="json")
    except ReferatError as exc:
        return {"items": []}, str(exc)
    return data, None


def goldens(filters: list[str], samples: Path = SAMPLES) -> list[Path]:
    out = []
    for p in sorted(samples.rglob("*.expected.json")):
        sources = [s for s in p.parent.glob(p.name.removesuffix(".expected.json") + ".*")
                   if not s.name.endswith(".expected.json")]
        if len(sources) == 1 and (not filters or any(f in str(sources[0]) for f in filters)):
            out.append(sources[0])
    return out


def _fmt(v: float | None) -> str:
    return "   -" if v is None else f"{v:4.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--samples", type=Path, default=SAMPLES,
                    help="sample tree (default tests/samples; dev excerpts are under pages/)")
    ap.add_argument("filters", nargs="*", help="keep samples whose path contains one of these")
    args = ap.parse_args(argv)
    samples: Path = args.samples.resolve()
    rows: list[dict[str, Any]] = []
    groups = {"dev excerpts": Counts(), "other": Counts()}
    for sample in goldens(args.filters, samples):
        golden = json.loads(sample.with_name(sample.name.rsplit(".", 1)[0]
                                              + ".expected.json").read_text(encoding="utf-8"))
        parsed, error = _parse(sample)
        c = compare(golden, parsed)
        group = "dev excerpts" if samples / "pages" in sample.parents else "other"
        groups[group] = groups[group] + c
        rows.append({"file": sample.relative_to(samples).as_posix(), "group": group,
                     "error": error, **asdict(c), **c.rates()})
    total = groups["dev excerpts"] + groups["other"]
    report: dict[str, Any] = {
        "files": rows,
        "totals": {name: {**asdict(c), **c.rates()}
                   for name, c in [*groups.items(), ("all", total)]},
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    head = f"{'file':52} {'gold':>4} {'got':>4} {'F1':>4} {'titl':>4} {'case':>4} {'fin':>4}"
    print(head)
    for r in rows:
        print(f"{r['file'][:52]:52} {r['golden_items']:4} {r['parsed_items']:4} "
              f"{_fmt(r['item_f1'])} {_fmt(r['titles_exact'])} {_fmt(r['case_numbers'])} "
              f"{_fmt(r['final_decisions'])}" + (f"  ERROR {r['error']}" if r["error"] else ""))
    print("-" * len(head))
    for name, t in report["totals"].items():
        print(f"{'TOTAL ' + name:52} {t['golden_items']:4} {t['parsed_items']:4} "
              f"{_fmt(t['item_f1'])} {_fmt(t['titles_exact'])} {_fmt(t['case_numbers'])} "
              f"{_fmt(t['final_decisions'])}")
    if not rows:
        print(f"(no goldens found under {samples})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
