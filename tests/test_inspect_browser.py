"""The inspect report opened as a user opens it: in a real browser (headless Chromium, Debian's
``chromium`` package, which ``.ci/run`` installs). The page must render (a screenshot of the
window's size that is not blank), its script must run to the end, and nothing may be written to
the console (no script errors, no blocked loads). Skips cleanly without /usr/bin/chromium."""

from __future__ import annotations

import subprocess
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
