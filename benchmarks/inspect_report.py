"""``referat inspect`` speed and size: the report of a PDF, end to end and in its parts.

    .venv/bin/python benchmarks/inspect_report.py [--repeat N] [PDF]

(Not named inspect.py: run as a script, that name would shadow the standard library module.)

On one PDF (default: the 28-page Aarhus minutes in tests/samples/pdf) it times

- ``referat.analyse``: the parse the report shows (PDF in, meeting and stream out);
- rendering the pages alone at the chosen resolution (pypdfium2 + JPEG), and the alternatives
  it was chosen over: lower and higher resolution, and PNG;
- ``referat.inspect``: the whole report, PDF in, HTML out (target: under 5 s);

and prints each time (best of ``--repeat`` rounds, default 3) with the report's size and the
images' size per alternative (target: a 30-page report under a few MB).
"""

from __future__ import annotations

import argparse
import base64
import io
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2

import referat
from referat.inspector import pages as render

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "samples" / "pdf" / "aarhus-byraad-2025-08-27.pdf"


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def images(data: bytes, scale: float, fmt: str) -> int:
    """Bytes of base64 page images at ``scale`` in ``fmt`` (JPEG as the report writes it)."""
    if fmt == "JPEG":
        pages, _ = render.render_pages(data, 0, scale=scale)
        return sum(len(p.uri) for p in pages)
    pdf = pypdfium2.PdfDocument(data)
    total = 0
    for page in pdf:
        buf = io.BytesIO()
        page.render(scale=scale).to_pil().convert("RGB").save(buf, "PNG")
        total += len(base64.b64encode(buf.getvalue()))
    pdf.close()
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = args.pdf.read_bytes()
    pages = len(pypdfium2.PdfDocument(data))
    print(f"{args.pdf.name}: {pages} pages, {len(data) / 1e6:.2f} MB")
    t_parse, _ = best(lambda: referat.analyse(args.pdf), args.repeat)
    print(f"  referat.analyse (parse only)          {t_parse:6.2f} s")
    for scale, fmt in ((render.SCALE, "JPEG"), (1.0, "JPEG"), (1.5, "JPEG"),
                       (render.SCALE, "PNG")):
        t, size = best(lambda s=scale, f=fmt: images(data, s, f), args.repeat)
        chosen = "  <- used" if (scale, fmt) == (render.SCALE, "JPEG") else ""
        print(f"  pages at {72 * scale:3.0f} dpi {fmt:4s} "
              f"(q{render.QUALITY if fmt == 'JPEG' else '-'})      {t:6.2f} s  "
              f"{int(size) / 1e6:5.2f} MB as base64{chosen}")
    t_all, html = best(lambda: referat.inspect(args.pdf), args.repeat)
    size = len(str(html).encode("utf-8"))
    print(f"  referat.inspect (whole report)        {t_all:6.2f} s  {size / 1e6:5.2f} MB "
          f"({size / pages / 1e3:.0f} kB per page); target < 5 s")


if __name__ == "__main__":
    main()
