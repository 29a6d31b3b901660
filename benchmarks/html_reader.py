"""Speed of the HTML reader: selectolax (lexbor) against BeautifulSoup + lxml on the sample pages.

    .venv/bin/python benchmarks/html_reader.py [--seconds 2]

For each engine it times the parse alone and the parse plus one walk that collects block texts
(the work ``readers.html`` does), and prints pages per second. ``referat``'s own reader is timed
too. BeautifulSoup is optional: without ``bs4``/``lxml`` installed only selectolax is measured.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

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


def rate(fn: Callable[[str], object], texts: list[str], seconds: float) -> float:
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in texts:
            fn(t)
        n += len(texts)
    return n / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
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
    runs.append(("referat read_html (selectolax)", read_html))
    for name, fn in runs:
        print(f"{name:32} {rate(fn, texts, args.seconds):8.1f} pages/s")


if __name__ == "__main__":
    main()
