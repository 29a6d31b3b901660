"""Print each Aarhus meeting page (``tests/samples/html/*.html``) to PDF with Chromium, the way a
user saves a web page as PDF (issue 10, family 10).

    apt-get install -y chromium
    .venv/bin/python tests/samples/pdf/printed/build_printed.py

Writes ``NAME.pdf`` next to this script (Chromium's default paper, US Letter) and ``a4/NAME.pdf``
(the same page on A4 paper, as printers in Denmark are set up: other line breaks, page breaks
and column widths, so the layout rules are tried on two geometries). The page is served from a local HTTP server under the
host name the Aarhus pages are published on (Chromium maps the name to the local server), so the
footer shows a plausible address rather than a local file path; Chromium's default print
header and footer stay on: date and page title at the top, address and "N/M" at the bottom of
every page. Those lines are page furniture, not content. No network access is needed: the pages'
stylesheets and scripts are root-relative and are not served, as on a saved copy.

The PDFs are committed; the tests need no Chromium. A test requires each PDF to give the same
items, case numbers and decisions as the HTML page (its golden).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
HTML = HERE.parent.parent / "html"
HOST = "dagsordener.aarhus.dk"


def _serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # the saved pages carry no <meta charset>: the live site sends it in the HTTP header
    extensions_map = {".html": "text/html; charset=utf-8"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def print_page(html: Path, out: Path, paper: str = "") -> None:
    """``paper``: a CSS page size ("A4"), the paper a user picks in the print dialog."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        (root / "vis").mkdir(parents=True)
        shutil.copy(html, root / "vis" / html.name)
        if paper:
            page = root / "vis" / html.name
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("</head>", f"<style>@page {{ size: {paper}; }}</style>"
                                                    "</head>", 1), encoding="utf-8")
        server = _serve(root)
        port = server.server_address[1]
        try:
            subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=da-DK",
                 "--disable-features=HttpsUpgrades",
                 f"--host-resolver-rules=MAP {HOST} 127.0.0.1:{port}",
                 f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}",
                 f"http://{HOST}/vis/{html.name}"],
                check=True, capture_output=True, timeout=300)
        finally:
            server.shutdown()
    print(f"{out.name}: {out.stat().st_size} bytes")


def main(names: list[str]) -> None:
    (HERE / "a4").mkdir(exist_ok=True)
    for html in sorted(HTML.glob("*.html")):
        if not names or html.stem in names:
            print_page(html, HERE / f"{html.stem}.pdf")
            print_page(html, HERE / "a4" / f"{html.stem}.pdf", paper="A4")


if __name__ == "__main__":
    main(sys.argv[1:])
