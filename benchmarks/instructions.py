"""Count the machine instructions one parse takes, with valgrind: a figure that does not move
with the machine's load, unlike seconds.

    python benchmarks/instructions.py [--against REV] [--set kalundborg|all] [--detail]

Each tree is run under ``valgrind --tool=callgrind`` twice in fresh processes: once importing
the package and parsing every document once (the warm-up that compiles patterns), once doing
the same and then parsing every document ``--repeat`` more times. The difference, divided by
the extra parses, is the instructions of one parse, with the import and first-use costs taken
out. ``--against REV`` runs the package as it was at git revision REV the same way.
``--detail`` also simulates the caches and branch predictor and reports, per parse, the
instruction-cache misses and the mispredicted branches: time that the instruction count does
not show (an interpreter's dispatch mispredicts far more often than a regex engine's loop).

Instructions are not seconds: fewer instructions made of more Python-level steps can take as
long. Read this next to ``parse_text.py``, which times both trees side by side.

Figures (30 November 2026, Kalundborg pair, per parse; 44d93d6 is the state before the
labelling pass, 8f385f3 main at the end of session 9):

    tree                 instructions   I1 misses   cond. mispredicted   indirect mispredicted
    44d93d6                52,632,038     701,457              310,632                 386,383
    8f385f3                52,059,943
    session 10 (c01d03f)   45,484,388     866,461              372,433                 480,555

    session 10 (ed63949)   44,809,946   (against 44d93d6's 52,680,588 in the same run: 0.85x)
    session 10 (end)       44,142,038   (against 44d93d6's 52,558,559 in the same run: 0.84x)

(Counts move by about 0.1% between runs: string hashing is randomised per process.)

Session 10 takes 14% fewer instructions than 44d93d6 yet about the same time: it misses the
instruction cache 24% more often and mispredicts 20-24% more branches (more small Python-level
steps, fewer long runs inside the regex engine).

Without valgrind the script says so and exits.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse_text import files  # noqa: E402  (the same document sets as the timing benchmark)

_RUN = """
import sys
from pathlib import Path
import referat
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
for t in texts:
    referat.parse(t)
for _ in range(int(sys.argv[1])):
    for t in texts:
        referat.parse(t)
"""
_EVENTS = ("Ir", "I1mr", "Bcm", "Bim")


def _events(out: str) -> dict[str, int]:
    """Totals from callgrind's summary ("Events : Ir ..." over "Collected : 123 ...")."""
    names = re.search(r"Events\s*:\s*(.+)", out)
    totals = re.search(r"Collected\s*:\s*(.+)", out)
    if names is None or totals is None:
        raise SystemExit(f"no totals in valgrind's output:\n{out[-2000:]}")
    return {k: int(v) for k, v in zip(names.group(1).split(), totals.group(1).split(),
                                      strict=False)}


def _callgrind(pythonpath: str | None, repeat: int, paths: list[Path],
               detail: bool) -> dict[str, int]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if detail:
        cmd += ["--cache-sim=yes", "--branch-sim=yes"]
    cmd += [sys.executable, "-c", _RUN, str(repeat), *map(str, paths)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return _events(done.stderr)


def per_parse(pythonpath: str | None, paths: list[Path], repeat: int,
              detail: bool) -> dict[str, float]:
    base = _callgrind(pythonpath, 0, paths, detail)
    more = _callgrind(pythonpath, repeat, paths, detail)
    n = repeat * len(paths)
    return {k: (more[k] - base[k]) / n for k in _EVENTS if k in more and k in base}


def _revision(rev: str, into: Path) -> str:
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src/referat"],
                         check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as tf:
        tf.extractall(into, filter="data")
    return str(into / "src")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", metavar="REV", default=None)
    ap.add_argument("--set", dest="which", choices=["kalundborg", "all"], default="kalundborg")
    ap.add_argument("--repeat", type=int, default=10, help="parses of each document counted")
    ap.add_argument("--detail", action="store_true",
                    help="also count instruction-cache misses and mispredicted branches")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts (apt-get install valgrind)")
        return
    paths = files(args.which)
    print(f"files: {len(paths)} ({args.which}); per parse, after a warm-up parse of each")
    rows: dict[str, dict[str, float]] = {"this tree": per_parse(str(ROOT / "src"), paths,
                                                                 args.repeat, args.detail)}
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            rows[args.against] = per_parse(_revision(args.against, Path(tmp)), paths,
                                           args.repeat, args.detail)
    labels = {"Ir": "instructions", "I1mr": "I1 misses", "Bcm": "cond. mispredicted",
              "Bim": "indirect mispredicted"}
    shown = [k for k in _EVENTS if all(k in r for r in rows.values())]
    width = max(map(len, rows))
    print(f"{'':{width}}  " + "  ".join(f"{labels[k]:>22}" for k in shown))
    for name, r in rows.items():
        print(f"{name:{width}}  " + "  ".join(f"{r[k]:22,.0f}" for k in shown))
    if len(rows) == 2:
        (a, ra), (b, rb) = rows.items()
        print(f"{a} / {b}: " + ", ".join(f"{labels[k]} {ra[k] / rb[k]:.2f}x" for k in shown))


if __name__ == "__main__":
    main()
