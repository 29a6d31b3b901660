"""Time referat on hostile inputs: absurd lines, a 20 MB text file, PDF bombs, huge page counts.

    python benchmarks/hostile.py [--only NAME ...]

Prints seconds and the outcome (items found, or the error type) for each case; peak memory is
best read with `/usr/bin/time -v`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import referat
from referat.limits import Limits

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "samples" / \
    "kalundborg-integrationsudvalget-2022-08-22.txt"


def _bomb(mib: int) -> bytes:
    z = zlib.compressobj(9)
    chunk = b"\x00" * (1 << 20)
    stream = b"".join(z.compress(chunk) for _ in range(mib)) + z.flush()
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n"
            + b"4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream
            + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _pages(n: int) -> bytes:
    objs = b"".join(b"%d 0 obj<</Type/Page/Parent 2 0 R>>endobj\n" % (i + 3) for i in range(n))
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids["
            + kids + b"]/Count %d>>endobj\n" % n + objs + b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _text_20mb(tmp: Path) -> Path:
    data = SAMPLE.read_bytes()
    path = tmp / "20mb.txt"
    path.write_bytes((data * (20_000_000 // len(data) + 1))[:20_000_000])
    return path


def _sparse_200mb(tmp: Path) -> Path:
    path = tmp / "200mb.txt"
    with path.open("wb") as f:
        f.truncate(200 << 20)
    return path


CASES: dict[str, Callable[[Path], tuple[object, Limits | None]]] = {
    "10M-char line of words": lambda _: ("ord " * 2_500_000, None),
    "10M-char line, no spaces": lambda _: ("x" * 10_000_000, None),
    "20 MB text file": lambda t: (_text_20mb(t), Limits(max_chars=50_000_000)),
    "200 MB text file (sparse)": lambda t: (_sparse_200mb(t), None),
    "PDF bomb, 1 GiB inflated": lambda _: (_bomb(1024), None),
    "PDF with 100,000 pages": lambda _: (_pages(100_000), None),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in CASES.items():
            if args.only and not any(o.lower() in name.lower() for o in args.only):
                continue
            source, limits = build(Path(tmp))
            start = time.perf_counter()
            try:
                meeting = referat.parse(source, limits=limits)  # type: ignore[arg-type]
                outcome = f"{len(meeting.items)} items, {len(meeting.issues)} issues"
            except referat.ReferatError as exc:
                outcome = f"{type(exc).__name__}"
            print(f"{name:28} {time.perf_counter() - start:7.2f} s  {outcome}", flush=True)


if __name__ == "__main__":
    main()
