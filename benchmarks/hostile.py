"""Time referat on hostile inputs: absurd lines, a 20 MB text file, PDF bombs, huge page counts.

    python benchmarks/hostile.py [--only NAME ...]

Prints seconds, the outcome (items found, or the error type) and the peak RSS so far for each
case, then the HTML parser alone on deep nesting (what the depth guard avoids).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import resource
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


def _wrapped_bomb(mib: int, how: str) -> bytes:
    """The bomb's stream behind a second filter, which the old check did not look through."""
    data = _bomb(mib)
    start = data.index(b"stream\n") + 7
    end = data.rindex(b"\nendstream")
    stream = data[start:end]
    if how == "a85":
        stream, name = base64.a85encode(stream) + b"~>", b"[/ASCII85Decode/FlateDecode]"
    else:
        stream, name = binascii.hexlify(stream) + b">", b"[/ASCIIHexDecode/FlateDecode]"
    return (data[:data.index(b"4 0 obj")]
            + b"4 0 obj<</Length %d/Filter%s>>stream\n" % (len(stream), name) + stream
            + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _deep_html(levels: int) -> bytes:
    return ("<html><body><h1>Referat</h1>" + "<div><span>" * levels + "x</body></html>").encode()


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
    "bomb behind ASCII85, 1 GiB": lambda _: (_wrapped_bomb(1024, "a85"), None),
    "bomb behind ASCIIHex, 1 GiB": lambda _: (_wrapped_bomb(1024, "hex"), None),
    "HTML nested 100,000 deep": lambda _: (_deep_html(100_000), None),
}


def lexbor_alone() -> None:
    """The alternative without the depth guard: lexbor itself on deep HTML."""
    from selectolax.lexbor import LexborHTMLParser

    for levels in (1_000, 10_000, 30_000):
        html = _deep_html(levels).decode()
        start = time.perf_counter()
        LexborHTMLParser(html)
        print(f"{'lexbor alone, ' + format(levels, ',') + ' deep':28} "
              f"{time.perf_counter() - start:7.2f} s", flush=True)


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
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"{name:28} {time.perf_counter() - start:7.2f} s  {outcome}  "
                  f"(peak RSS so far {peak} MiB)", flush=True)
        if not args.only or any("lexbor" in o.lower() for o in args.only):
            lexbor_alone()


if __name__ == "__main__":
    main()
