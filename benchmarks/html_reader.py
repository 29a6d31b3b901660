"""Speed of the HTML reader: selectolax (lexbor) against BeautifulSoup + lxml on the sample pages.

    .venv/bin/python benchmarks/html_reader.py [--seconds 2] [--against REV]

For each engine it times the parse alone and the parse plus one walk that collects block texts
(the work ``readers.html`` does), and prints pages per second, per CPU second of this process
(steadier than wall time on a shared machine) and per wall second. ``referat``'s own reader is
timed too; ``--against REV`` also times ``read_html`` as it was at git revision REV, in the same
process, alternating with this tree's so both see the same machine load. BeautifulSoup is
optional: without ``bs4``/``lxml`` installed only selectolax is measured.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parse_text import load_revision  # benchmarks/ is on sys.path when run as a script
from selectolax.lexbor import LexborHTMLParser, LexborNode

from referat.readers.html import read_html

PAGES = sorted((Path(__file__).parent.parent / "tests" / "samples" / "html").glob("*.html"))
BLOCK = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "ul",
         "ol", "table", "section", "article"}
SKIP = {"script", "style", "noscript", "nav", "header", "footer", "svg", "template"}


def lexbor_walk(text: str) -> list[str]:
    out: list[str] = []
    buf: list[str] = []

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                buf.append(child.text_content or "")
            elif tag and not tag.startswith("-") and tag not in SKIP:
                if tag in BLOCK:
                    out.append(" ".join("".join(buf).split()))
                    buf.clear()
                walk(child)

    body = LexborHTMLParser(text).body
    if body is not None:
        walk(body)
    return [t for t in out if t]


def bs4_walk(text: str) -> list[str]:
    from bs4 import BeautifulSoup, NavigableString, Tag

    out: list[str] = []
    buf: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    buf.append(str(child))
            elif isinstance(child, Tag) and child.name not in SKIP:
                if child.name in BLOCK:
                    out.append(" ".join("".join(buf).split()))
                    buf.clear()
                walk(child)

    soup = BeautifulSoup(text, "lxml")
    if soup.body is not None:
        walk(soup.body)
    return [t for t in out if t]


def bs4_parse(text: str) -> object:
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "lxml")


def run(fn: Callable[[str], object], texts: list[str], seconds: float) -> tuple[int, float, float]:
    """Pages read, CPU seconds and wall seconds spent, for about ``seconds``."""
    n = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        for t in texts:
            fn(t)
        n += len(texts)
    return n, time.process_time() - cpu0, time.perf_counter() - wall0


def measure(runs: list[tuple[str, Callable[[str], object]]], texts: list[str], seconds: float,
            rounds: int) -> None:
    """Time every engine in ``rounds`` alternations and print pages/s per CPU and wall second."""
    for _, fn in runs:
        fn(texts[0])  # warm up
    totals = {name: [0, 0.0, 0.0] for name, _ in runs}
    for _ in range(rounds):
        for name, fn in runs:
            n, cpu, wall = run(fn, texts, seconds / rounds)
            totals[name][0] += n
            totals[name][1] += cpu
            totals[name][2] += wall
    print(f"{'':40} pages/s (per CPU s)  pages/s (per wall s)")
    for name, (n, cpu, wall) in totals.items():
        print(f"{name:40} {n / cpu:19.1f}  {n / wall:20.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    ap.add_argument("--against", metavar="REV", default=None,
                    help="also time read_html at this git revision, side by side")
    ap.add_argument("--rounds", type=int, default=4, help="alternations of the engines")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    size = sum(len(t.encode()) for t in texts) / len(texts) / 1024
    print(f"{len(texts)} pages, {size:.0f} KiB on average: {', '.join(p.name for p in PAGES)}")
    runs: list[tuple[str, Callable[[str], object]]] = [
        ("selectolax parse", LexborHTMLParser),
        ("selectolax parse+walk", lexbor_walk),
    ]
    try:
        import bs4  # noqa: F401
        import lxml  # noqa: F401
    except ImportError:
        print("(bs4/lxml not installed: BeautifulSoup not measured)")
    else:
        runs += [("bs4+lxml parse", bs4_parse), ("bs4+lxml parse+walk", bs4_walk)]
    runs.append(("referat read_html (this tree)", read_html))
    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            load_revision(args.against, Path(tmp))
            old = importlib.import_module("referat_at_rev.readers.html")
            runs.append((f"referat read_html ({args.against})", old.read_html))
        measure(runs, texts, args.seconds, args.rounds)


if __name__ == "__main__":
    main()
