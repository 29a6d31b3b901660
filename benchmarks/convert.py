"""Batch conversion throughput, speed-up and parent memory.

Builds archives of varied copies of the samples (text, Markdown, page excerpts, HTML and a few
PDFs; dates changed, paragraphs of the page excerpts shuffled, each copy unique), runs
``referat convert`` on them with 1 and 2 workers and prints documents/s, pages/s, the peak
memory (max RSS) of the parent process, and the speed-up.

    .venv/bin/python benchmarks/convert.py                  # 1000 and 3000 documents
    .venv/bin/python benchmarks/convert.py --docs 300 --pdfs 2

The parent's peak memory is measured by running the real CLI in a child process that reports
its own ``ru_maxrss`` on exit (the workers are separate processes and not counted). "workers
busy" is the CPU time of the workers divided by the wall time: about 2 means both cores did
nothing else, less means other load on the machine took its share (the speed-up cannot exceed it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "samples"
_DATE = re.compile(r"\b(\d{1,2})([-.])(\d{1,2})\2(20\d\d)\b")
_RUN = """
import resource, sys
from referat.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
usage = resource.getrusage(resource.RUSAGE_SELF)
print("MAXRSS", usage.ru_maxrss, "CPU", usage.ru_utime + usage.ru_stime, file=sys.stderr)
sys.exit(code)
"""


def _vary(text: str, rng: random.Random, n: int, shuffle: bool) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2010, 2025)
    text = _DATE.sub(lambda m: f"{day:02d}{m.group(2)}{month:02d}{m.group(2)}{year}", text)
    if shuffle:
        paras = text.split("\n\n")
        head, rest = paras[:2], paras[2:]
        rng.shuffle(rest)
        text = "\n\n".join(head + rest)
    return text + f"\n\nDokument {n}\n"


def build(root: Path, docs: int, pdfs: int, seed: int = 1) -> None:
    """``docs`` documents under ``root``, in year/month folders, ``pdfs`` of them PDFs."""
    rng = random.Random(seed)
    texts = [(p.suffix, p.read_text(encoding="utf-8"), p.parent.name == "pages")
             for p in sorted(SAMPLES.rglob("*"))
             if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"]
    htmls = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("html/*.html"))
             if p.stat().st_size < 200_000]
    pdf_files = sorted(SAMPLES.glob("pdf/*.pdf"))
    for n in range(docs):
        folder = root / str(2010 + n % 15) / f"{n % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if n < pdfs and pdf_files:
            shutil.copy(pdf_files[n % len(pdf_files)], folder / f"referat-{n}.pdf")
        elif htmls and n % 20 == 0:
            (folder / f"dagsorden-{n}.html").write_text(
                _vary(rng.choice(htmls), rng, n, False), encoding="utf-8")
        else:
            ext, text, is_page = rng.choice(texts)
            (folder / f"referat-{n}{ext}").write_text(_vary(text, rng, n, is_page),
                                                      encoding="utf-8")


def run(root: Path, jobs: int) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="referat-bench-out-"))
    try:
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _RUN, "convert", str(root), "--out",
                               str(out), "--jobs", str(jobs), "--quiet"],
                              capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"referat convert failed ({proc.returncode}):\n{proc.stderr}")
        rss, cpu = re.findall(r"MAXRSS (\d+) CPU ([\d.]+)", proc.stderr)[-1]
        summary = json.loads((out / "summary.json").read_text())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    done = summary["converted"] + summary["failed"]
    return {"docs": summary["inputs"], "failed": summary["failed"], "pages": summary["pages"],
            "wall": wall, "docs_s": done / wall, "pages_s": summary["pages"] / wall,
            "rss_mb": int(rss) / 1024, "cpu": float(cpu),
            "parallel": summary["worker_cpu_seconds"] / wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 3000])
    ap.add_argument("--pdfs", type=int, default=4, help="PDF documents in each archive")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    print(f"cores: {len(os.sched_getaffinity(0))}, load before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'docs':>6} {'jobs':>4} {'failed':>6} {'pages':>6} {'wall s':>7} {'docs/s':>7} "
          f"{'pages/s':>7} {'parent MB':>9} {'parent CPU s':>12} {'workers busy':>12} "
          f"{'speed-up':>8}")
    for docs in args.docs:
        root = Path(tempfile.mkdtemp(prefix="referat-bench-in-"))
        try:
            build(root, docs, args.pdfs)
            base: float | None = None
            for jobs in args.jobs:
                r = run(root, jobs)
                base = base or r["wall"]
                print(f"{r['docs']:>6.0f} {jobs:>4} {r['failed']:>6.0f} {r['pages']:>6.0f} "
                      f"{r['wall']:>7.1f} {r['docs_s']:>7.1f} {r['pages_s']:>7.2f} "
                      f"{r['rss_mb']:>9.1f} {r['cpu']:>12.1f} {r['parallel']:>12.2f} "
                      f"{base / r['wall']:>8.2f}",
                      flush=True)
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
