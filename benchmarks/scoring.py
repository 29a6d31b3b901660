"""Project a parse onto the reader-truth format and compare it with a truth.

The reader truth (format: ``tests/samples/pages/TRUTH.md``) is smaller than the contract: per
document ``is_minutes``, ``document_type``, ``committee``, ``date`` and ``items``; per item
``number``, ``title``, ``closed``, ``case_number`` (and, where the contract splits a combined
reference, an optional ``journal_number``), the kinds of its section headings and
``decision_start``.

:func:`project` turns a Meeting JSON dict (a parse, or a contract golden) into that format;
:func:`score` counts how well a projected parse matches a truth (for ``benchmarks/accuracy.py``);
:func:`deviations` lists every field path where they differ (for ``tests/test_truth.py``).
Both the benchmark and the tests import this file by path; it needs only ``rapidfuzz``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from typing import Any

from rapidfuzz import fuzz

TITLE_MATCH = 85.0
CASE_FIELDS = ("case_number", "journal_number")
Doc = dict[str, Any]


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def project(meeting: Doc) -> Doc:
    """A Meeting JSON dict in the truth format.

    ``is_minutes`` is false when the parser reported ``no_items``; ``sections`` are the kinds of
    the sections that have a heading (a headingless metadata block is no heading); ``finals``
    holds the texts of the final decisions (a truth has ``decision_start`` instead).
    """
    no_items = any(i.get("code") == "no_items" for i in meeting.get("issues") or [])
    return {
        "is_minutes": not no_items,
        "document_type": meeting.get("document_type"),
        "committee": meeting.get("committee"),
        "date": meeting.get("date"),
        "items": [{
            "number": it.get("number"),
            "title": it.get("title"),
            "closed": bool(it.get("closed")),
            "case_number": it.get("case_number"),
            "journal_number": it.get("journal_number"),
            "sections": [s["kind"] for s in it.get("sections") or [] if norm(s.get("heading"))],
            "finals": [norm(d.get("text")) for d in it.get("decisions") or [] if d.get("final")],
        } for it in meeting.get("items") or []],
    }


def match_items(truth: list[Doc], parsed: list[Doc]) -> list[tuple[Doc, Doc | None]]:
    """Pair each truth item with a parsed item: same number first; then, in truth order, the
    unused parsed item with the closest title (rapidfuzz ratio at least ``TITLE_MATCH``, the
    first of equals); a truth item with neither number nor title takes the first unused parsed
    item between the parsed items paired with its neighbours."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for ti, t in enumerate(truth):
        for pi, p in enumerate(parsed):
            if pi not in used and t.get("number") is not None and p.get("number") == t["number"]:
                pairs[ti] = pi
                used.add(pi)
                break
    for ti, t in enumerate(truth):
        if ti in pairs:
            continue
        best = _by_title(t, parsed, used) if t.get("title") is not None else _by_order(
            ti, pairs, len(parsed), used)
        if best is not None:
            pairs[ti] = best
            used.add(best)
    return [(t, parsed[pairs[ti]] if ti in pairs else None) for ti, t in enumerate(truth)]


def _by_title(t: Doc, parsed: list[Doc], used: set[int]) -> int | None:
    best, best_score = None, TITLE_MATCH
    for pi, p in enumerate(parsed):
        if pi in used:
            continue
        score = fuzz.ratio(norm(t.get("title")).casefold(), norm(p.get("title")).casefold())
        if score > best_score or (best is None and score >= best_score):
            best, best_score = pi, score
    return best


def _by_order(ti: int, pairs: dict[int, int], n_parsed: int, used: set[int]) -> int | None:
    lo = max((pi for t2, pi in pairs.items() if t2 < ti), default=-1)
    hi = min((pi for t2, pi in pairs.items() if t2 > ti), default=n_parsed)
    return next((pi for pi in range(lo + 1, hi) if pi not in used), None)


def decision_ok(truth_item: Doc, parsed_item: Doc | None) -> bool | None:
    """Whether the final decision matches; ``None`` when the truth records none to compare.

    A reader truth gives ``decision_start``: some final decision of the parse must start with it
    (whitespace normalised). A golden gives ``finals``: some final text must be equal."""
    start = norm(truth_item.get("decision_start"))
    finals = truth_item.get("finals") or []
    if not start and not finals:
        return None
    got = parsed_item.get("finals") or [] if parsed_item else []
    if start:
        return any(g.startswith(start) for g in got)
    return any(f in got for f in finals)


@dataclass
class Counts:
    golden_items: int = 0
    parsed_items: int = 0
    matched: int = 0
    title_total: int = 0
    titles_ok: int = 0
    case_total: int = 0
    case_exact: int = 0
    final_total: int = 0
    final_found: int = 0
    kinds_truth: int = 0
    kinds_parsed: int = 0
    kinds_matched: int = 0
    docs: int = 0
    committee_ok: int = 0
    date_ok: int = 0
    doctype_ok: int = 0
    minutes_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def rates(self) -> dict[str, float | None]:
        def share(n: int, d: int) -> float | None:
            return n / d if d else None

        return {
            "item_precision": share(self.matched, self.parsed_items),
            "item_recall": share(self.matched, self.golden_items),
            "item_f1": _f1(self.matched, self.golden_items, self.parsed_items),
            "titles_exact": share(self.titles_ok, self.title_total),
            "case_numbers": share(self.case_exact, self.case_total),
            "final_decisions": share(self.final_found, self.final_total),
            "section_kind_f1": _f1(self.kinds_matched, self.kinds_truth, self.kinds_parsed),
            "committee": share(self.committee_ok, self.docs),
            "date": share(self.date_ok, self.docs),
            "document_type": share(self.doctype_ok, self.docs),
            "is_minutes": share(self.minutes_ok, self.docs),
        }


def _f1(matched: int, truth: int, parsed: int) -> float | None:
    """F1 of ``matched`` pairs; ``None`` when both sides are empty (nothing to find)."""
    if truth == parsed == 0:
        return None
    return 2 * matched / (truth + parsed)


def minutes_ok(truth: Doc, parsed: Doc) -> bool:
    """The parse says ``no_items`` exactly when the truth has no items (not minutes at all, or
    only a table of contents)."""
    return parsed["is_minutes"] == bool(truth.get("items"))


def score(truth: Doc, parsed: Doc) -> Counts:
    """Counts for one document; both in the truth format (``parsed`` from :func:`project`)."""
    t_items: list[Doc] = truth.get("items") or []
    c = Counts(golden_items=len(t_items), parsed_items=len(parsed["items"]), docs=1)
    c.committee_ok = int(truth.get("committee") == parsed["committee"])
    c.date_ok = int(truth.get("date") == parsed["date"])
    c.doctype_ok = int(truth.get("document_type") == parsed["document_type"])
    c.minutes_ok = int(minutes_ok(truth, parsed))
    for t, p in match_items(t_items, parsed["items"]):
        if t.get("title") is not None:
            c.title_total += 1
            c.titles_ok += p is not None and norm(t["title"]) == norm(p.get("title"))
        for name in CASE_FIELDS:
            if t.get(name):
                c.case_total += 1
                c.case_exact += p is not None and norm(p.get(name)) == norm(t[name])
        ok = decision_ok(t, p)
        if ok is not None:
            c.final_total += 1
            c.final_found += ok
        if p is not None:
            c.matched += 1
            tk, pk = Counter(t.get("sections") or []), Counter(p.get("sections") or [])
            c.kinds_truth += sum(tk.values())
            c.kinds_parsed += sum(pk.values())
            c.kinds_matched += sum((tk & pk).values())
    return c


def deviations(truth: Doc, parsed: Doc) -> dict[str, tuple[Any, Any]]:
    """Every field path where the projected parse differs from the truth: ``{path: (truth,
    parse)}``. Paths: ``is_minutes``, ``document_type``, ``committee``, ``date``, ``items`` (the
    item list: count, or items found that the truth lacks), ``items[i]`` (truth item i not found),
    ``items[i].number|title|closed|case_number|journal_number|sections|decision``. A ``null``
    number or title in the truth (none printed) is not compared: the contract requires one."""
    out: dict[str, tuple[Any, Any]] = {}
    for key in ("document_type", "committee", "date"):
        if truth.get(key) != parsed[key]:
            out[key] = (truth.get(key), parsed[key])
    if not minutes_ok(truth, parsed):
        out["is_minutes"] = (bool(truth.get("items")), parsed["is_minutes"])
    t_items: list[Doc] = truth.get("items") or []
    pairs = match_items(t_items, parsed["items"])
    if len(t_items) != len(parsed["items"]) or any(p is None for _, p in pairs):
        out["items"] = ([t.get("title") for t in t_items],
                        [p.get("title") for p in parsed["items"]])
    for i, (t, p) in enumerate(pairs):
        if p is None:
            out[f"items[{i}]"] = (t.get("title"), None)
            continue
        for key in ("number", "title"):
            if t.get(key) is not None and norm(str(t[key])) != norm(str(p.get(key))):
                out[f"items[{i}].{key}"] = (t[key], p.get(key))
        if bool(t.get("closed")) != p["closed"]:
            out[f"items[{i}].closed"] = (bool(t.get("closed")), p["closed"])
        for key in CASE_FIELDS:
            if key in t and norm(t[key]) != norm(p.get(key)):
                out[f"items[{i}].{key}"] = (t[key], p.get(key))
        if list(t.get("sections") or []) != p["sections"]:
            out[f"items[{i}].sections"] = (t.get("sections"), p["sections"])
        if decision_ok(t, p) is False:
            out[f"items[{i}].decision"] = (t.get("decision_start") or t.get("finals"), p["finals"])
    return out
