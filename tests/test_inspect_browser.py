"""The inspect report opened as a user opens it: in a real browser (headless Chromium, Debian's
``chromium`` package, which ``.ci/run`` installs). The page must render (a screenshot of the
window's size that is not blank), its script must run to the end, and nothing may be written to
the console (no script errors, no blocked loads). Skips cleanly without /usr/bin/chromium."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape as html_unescape
from pathlib import Path

import pytest
from PIL import Image

from referat.inspector import write_report

CHROMIUM = Path("/usr/bin/chromium")
SAMPLES = Path(__file__).parent / "samples"
SIZE = (1280, 800)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs /usr/bin/chromium (apt-get install chromium)")


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0"]
    return subprocess.run([str(CHROMIUM), *flags, *args], capture_output=True, text=True,
                          timeout=180, check=False)


# Run after the report's own script (a copy of the report, in the test only): click a box, a
# panel link and a legend switch as a user would, and write what happened into the DOM.
CLICKS = """<script>
(function () {
  var out = {};
  var box = document.querySelector("main [data-label][data-nodes]:not([data-nodes=''])");
  box.click();
  out.info = document.getElementById("info").textContent;
  out.panel = document.querySelectorAll("aside .hl").length;
  var link = document.querySelector("aside a[data-path^='items']");
  link.click();
  out.marked = document.querySelectorAll("main .hl").length;
  var sw = document.querySelector(".legend input[data-cat='body']");
  sw.checked = false;
  sw.dispatchEvent(new Event("change"));
  out.hidden = document.body.classList.contains("hide-body");
  document.body.dataset.clicks = JSON.stringify(out);
})();
</script>"""


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.parametrize("sample", [
    SAMPLES / "pdf" / "aarhus-byraad-2025-08-27.pdf",
    SAMPLES / "html" / "aarhus-teknisk-udvalg-2025-10-01.html",
], ids=["pdf", "html"])
def test_report_renders_in_chromium(sample: Path, tmp_path: Path) -> None:
    report = write_report(sample, tmp_path / "report.html")
    shot = tmp_path / "shot.png"
    run = _chromium(tmp_path, "--hide-scrollbars", f"--window-size={SIZE[0]},{SIZE[1]}",
                    f"--screenshot={shot}", report.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert not _console(run.stderr)
    with Image.open(shot) as image:
        assert image.size == SIZE
        grey = image.convert("L")
        histogram = grey.histogram()
    pixels = SIZE[0] * SIZE[1]
    assert max(histogram) < 0.9 * pixels, "the screenshot is (nearly) one colour"
    assert sum(histogram[:100]) > 0.002 * pixels, "no dark pixels: no text was drawn"
    dom = _chromium(tmp_path, "--dump-dom", report.as_uri())
    assert dom.returncode == 0
    assert 'data-ready="1"' in dom.stdout, "the report's script did not run to its end"
    assert not _console(dom.stderr)


def test_report_answers_clicks(tmp_path: Path) -> None:
    sample = SAMPLES / "kalundborg-direktionen-2021-04-19.md"
    html = write_report(sample, tmp_path / "report.html").read_text(encoding="utf-8")
    page = tmp_path / "clicked.html"
    page.write_text(html.replace("</body>", CLICKS + "</body>"), encoding="utf-8")
    run = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert run.returncode == 0 and not _console(run.stderr), run.stderr[-2000:]
    found = re.search(r'data-clicks="([^"]*)"', run.stdout)
    assert found, "the clicks did not run"
    clicks = json.loads(html_unescape(found.group(1)))
    assert "label" in clicks["info"] and "rule" in clicks["info"] and "field" in clicks["info"]
    assert clicks["panel"] >= 1  # the field the box ended in is highlighted in the panel
    assert clicks["marked"] >= 1  # a panel entry highlights its blocks in the document
    assert clicks["hidden"]  # the legend switches a colour off
