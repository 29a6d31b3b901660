"""PDF speed: pages per second for bare text extraction and for referat end to end.

    .venv/bin/python benchmarks/parse_pdf.py [--repeat N] [PDF ...]

On the same files (default: every PDF under tests/samples/pdf) it times

- ``pdfplumber extract_text()``: open, ``extract_text()`` each page, close it (the floor for a
  pdfplumber-based reader);
- ``pypdfium2 text``: open, ``get_textpage().get_text_range()`` each page (the practical limit);
- ``referat.parse``: the whole pipeline, PDF in, validated Meeting out;

and prints pages/s for each and referat's time relative to bare ``extract_text()`` (target:
within 1.5x). Each figure is the best of ``--repeat`` rounds (default 3), the three methods
interleaved in each round so that load from other processes hits them alike; one process.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

import referat

ROOT = Path(__file__).resolve().parent.parent


def plumber_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def pdfium_text(path: Path) -> int:
    pdf = pypdfium2.PdfDocument(path)
    try:
        for page in pdf:
            page.get_textpage().get_text_range()
        return len(pdf)
    finally:
        pdf.close()


def referat_parse(path: Path) -> int:
    return referat.parse(path).source.pages or 0


def timed(fn: Callable[[Path], int], files: list[Path]) -> tuple[int, float]:
    t0 = time.perf_counter()
    pages = sum(fn(f) for f in files)
    return pages, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "tests" / "samples" / "pdf").rglob("*.pdf"))
    print(f"{len(files)} files: {', '.join(f.name for f in files)}")
    methods = (("pdfplumber extract_text()", plumber_text), ("pypdfium2 text", pdfium_text),
               ("referat.parse end to end", referat_parse))
    results: dict[str, float] = {}
    pages: dict[str, int] = {}
    for _ in range(args.repeat):  # interleaved, so a busy machine slows all three alike
        for label, fn in methods:
            pages[label], secs = timed(fn, files)
            results[label] = min(secs, results.get(label, secs))
    for label, _ in methods:
        secs = results[label]
        print(f"{label:28s} {pages[label]:5d} pages  {secs:7.2f} s  "
              f"{pages[label] / secs:8.1f} pages/s")
    ratio = results["referat.parse end to end"] / results["pdfplumber extract_text()"]
    print(f"referat / extract_text() time: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
