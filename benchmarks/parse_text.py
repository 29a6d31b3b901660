"""Parse the text and Markdown samples repeatedly; print documents/s and MB/s on one core.

    python benchmarks/parse_text.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import referat

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "samples"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    files = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.md"), *SAMPLES.glob("pages/*.txt")])
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    for _, t in texts:  # warm up caches (compiled regexes)
        referat.parse(t)
    docs = 0
    chars = 0
    nbytes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for _, t in texts:
            referat.parse(t)
            docs += 1
            chars += len(t)
            nbytes += len(t.encode("utf-8"))
    elapsed = time.perf_counter() - start
    print(f"files: {len(files)} text/Markdown samples, {sum(len(t) for _, t in texts):,} chars")
    print(f"documents/s (1 core): {docs / elapsed:,.1f}")
    print(f"MB/s (1 core):        {nbytes / elapsed / 1e6:,.2f}")
    big = max(texts, key=lambda x: len(x[1]))
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < 1.0:
        referat.parse(big[1])
        n += 1
    print(f"largest sample ({big[0]}, {len(big[1]):,} chars): "
          f"{(time.perf_counter() - t0) / n * 1000:.1f} ms/parse")


if __name__ == "__main__":
    main()
