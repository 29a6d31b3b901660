"""Issue 13: archives at scale without surprises. One regression test per case, named after it.

Each test reproduces what the issue reported and asserts the fixed behaviour; the table of cases
with before/after behaviour is in docs/limits.md.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import shutil
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import referat
import referat.api
from referat.cli import main
from referat.errors import CorruptPDFError, ParseTimeoutError, ReferatError, TooLargeError
from referat.limits import Limits, default_memory
from referat.pdfcheck import check_pdf
from referat.readers.html_depth import limit_depth


def _header(*lines: str) -> str:
    return "\n".join(["Referat", "Økonomiudvalget", *lines, "",
                      "1. Godkendelse af dagsorden", "Godkendt.", ""])


# --- 12: a date is never a time ------------------------------------------------------------------


def test_issue_13_date_is_not_a_time() -> None:
    for lines in (["Dato: 04.12.2031"], ["Mødedato: 04.12.31"], ["Dato: 04.12.2031", "kl. 13:00"]):
        meeting = referat.parse(_header(*lines))
        assert meeting.date == dt.date(2031, 12, 4)
        assert meeting.start_time != "04:12", lines
    meeting = referat.parse(_header("Dato: 04.12.2031", "kl. 13:00"))
    assert meeting.start_time == "13:00"
    meeting = referat.parse(_header("Dato: 04.12.2031", "kl. 13.00-15.30"))
    assert (meeting.start_time, meeting.end_time) == ("13:00", "15:30")
    assert referat.parse(_header("Mødetidspunkt: 17.00")).start_time == "17:00"


# --- helpers for the batch cases -------------------------------------------------------------------

SAMPLES = Path(__file__).parent / "samples"
MD = SAMPLES / "kalundborg-direktionen-2021-04-19.md"
PAGE = SAMPLES / "pages" / "001.txt"


def _errors(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]


def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
         **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=120, check=False, **kwargs)


# --- 1: a file name that is not UTF-8 -------------------------------------------------------------


def test_issue_13_non_utf8_filename(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    good, bad = os.fsdecode(b"m\xf8de.md"), os.fsdecode(b"tom\xe6.txt")
    shutil.copy(MD, root / good)
    (root / bad).write_bytes(b"")
    result = CliRunner().invoke(main, ["convert", str(root), "-o", str(tmp_path / "o"), "-j1"])
    assert result.exit_code == 1, result.output  # one failed, no usage error
    out = tmp_path / "o" / (good + ".json")  # the output file name keeps the bytes
    assert os.fsencode(out.name) == b"m\xf8de.md.json"
    meeting = json.loads(out.read_text("utf-8"))
    assert meeting["source"]["path"] == str(root / "m\\xf8de.md")  # escaped, lossless
    [error] = _errors(tmp_path / "o")
    assert error["path"] == str(root / "tom\\xe6.txt") and error["code"] == "empty"
    parsed = _run("-m", "referat", "parse", str(root / good))
    assert parsed.returncode == 0 and "Traceback" not in parsed.stderr
    assert json.loads(parsed.stdout)["source"]["path"].endswith("m\\xf8de.md")
    failed = _run("-m", "referat", "parse", str(root / bad))
    assert failed.returncode == 1 and "tom\\xe6.txt" in failed.stderr
    assert "Traceback" not in failed.stderr


# --- 2: disk full ----------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 192 KiB tmpfs (needs root and mount); skipped where it cannot be made."""
    where = tmp_path / "disk"
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_issue_13_disk_full(tmp_path: Path, small_disk: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(40):  # ~40 outputs of 16 KB each: more than the disk holds
        shutil.copy(MD, root / f"{n:02d}.md")
    out = small_disk / "o"
    result = _run("-m", "referat", "convert", str(root), "-o", str(out), "-j1", "-q")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Usage" not in result.stderr
    assert "disk is full" in result.stderr and "--resume" in result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["interrupted"] and "disk is full" in summary["stopped"]
    assert 0 < summary["converted"] < 40
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp")]
    for p in sorted(out.glob("*.md.json"))[:30]:  # free space, then resume
        p.unlink()
    shutil.rmtree(root)
    root.mkdir()
    for n in range(5):
        shutil.copy(MD, root / f"{n:02d}.md")
    again = referat.convert(root, out=out, jobs=1, resume=True)
    assert again.stopped is None and again.converted + again.skipped == 5


# --- 3: SIGTERM ------------------------------------------------------------------------------------

RUNNER = """
import os, sys
os.environ["REFERAT_TEST_SLOW"] = "1"
sys.path.insert(0, {tmp!r})
import referat, referat.batch
real = referat.batch.convert
referat.batch.convert = lambda *a, **k: real(*a, parse_fn="slowparse:slow", **k)
from referat.cli import main
main(sys.argv[1:], prog_name="referat")
"""


def test_issue_13_sigterm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(200):
        shutil.copy(PAGE, root / f"{n:03d}.txt")
    (tmp_path / "slowparse.py").write_text(
        "import os, time, referat\n"
        "def slow(data, **kwargs):\n"
        "    time.sleep(0.2 if os.environ.get('REFERAT_TEST_SLOW') else 0)\n"
        "    return referat.parse(data, **kwargs)\n")
    (tmp_path / "run.py").write_text(RUNNER.format(tmp=str(tmp_path)))
    out = tmp_path / "o"
    proc = subprocess.Popen([sys.executable, str(tmp_path / "run.py"), "convert", str(root),
                             "-o", str(out), "-j", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.txt.json"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert "--resume" in stderr and "converted" in stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["interrupted"] and 0 < summary["converted"] < 200
    monkeypatch.syspath_prepend(str(tmp_path))
    again = referat.convert(root, out=out, jobs=2, resume=True, parse_fn="slowparse:slow")
    assert again.skipped >= summary["converted"] and again.converted + again.skipped == 200


# --- 5: convert() in a script without the __main__ guard -------------------------------------------


def test_issue_13_script_without_main_guard(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(4):
        shutil.copy(PAGE, root / f"{n}.txt")
    (root / "tom.txt").write_bytes(b"")
    script = tmp_path / "noguard.py"
    script.write_text("import referat\n"
                      f"summary = referat.convert([{str(root)!r}], out={str(tmp_path / 'o')!r},"
                      " jobs=2)\n"
                      "print('RESULT', summary.converted, summary.failed)\n")
    result = _run(str(script))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.count("RESULT") == 1 and "RESULT 4 1" in result.stdout
    assert [e["code"] for e in _errors(tmp_path / "o")] == ["empty"]


# --- 13: --resume redoes outputs made with other settings ---------------------------------------


def test_issue_13_resume_redoes_other_settings(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(3):
        shutil.copy(PAGE, root / f"{n}.txt")
    out = tmp_path / "o"
    assert referat.convert(root, out=out, jobs=1).converted == 3
    assert referat.convert(root, out=out, jobs=1, resume=True).skipped == 3
    vocab = tmp_path / "v.toml"
    vocab.write_text('[sections]\ndecision = ["Afgørelse"]\n')
    changed = referat.convert(root, out=out, jobs=1, resume=True, vocabulary=vocab)
    assert (changed.skipped, changed.converted) == (0, 3)
    assert referat.convert(root, out=out, jobs=1, resume=True, vocabulary=vocab).skipped == 3
    lower = referat.convert(root, out=out, jobs=1, resume=True, vocabulary=vocab,
                            limits=Limits(max_pages=50))
    assert lower.skipped == 0
    manifest = json.loads((out / ".referat-run.json").read_text())
    assert manifest["fingerprint"]["version"] == referat.__version__
    manifest["fingerprint"]["version"] = "0.0.1"  # outputs of another version
    (out / ".referat-run.json").write_text(json.dumps(manifest))
    redo = referat.convert(root, out=out, jobs=1, resume=True, vocabulary=vocab,
                           limits=Limits(max_pages=50))
    assert redo.skipped == 0 and redo.converted == 3


# --- 14: two runs into one --out -------------------------------------------------------------------


def test_issue_13_two_runs_into_one_out(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(PAGE, tmp_path / name / "møde.txt")
        (tmp_path / name / "tom.txt").write_bytes(b"")
    out = tmp_path / "o"
    runner = CliRunner()
    first = runner.invoke(main, ["convert", str(tmp_path / "a"), "-o", str(out), "-j1", "-q"])
    assert first.exit_code == 1
    second = runner.invoke(main, ["convert", str(tmp_path / "b"), "-o", str(out), "-j1"])
    assert second.exit_code == 2 and "--overwrite" in second.output
    with pytest.raises(ValueError, match="other inputs"):
        referat.convert(tmp_path / "b", out=out, jobs=1)
    again = runner.invoke(main, ["convert", str(tmp_path / "a"), "-o", str(out), "-j1", "-q"])
    assert again.exit_code == 1  # the same inputs again: fine
    forced = runner.invoke(main, ["convert", str(tmp_path / "b"), "-o", str(out), "-j1", "-q",
                                  "--overwrite"])
    assert forced.exit_code == 1
    errors = _errors(out)
    assert len(errors) == 3 and len({e["run"] for e in errors}) == 3  # every run's log kept
    assert {Path(e["path"]).parent.name for e in errors} == {"a", "b"}


# --- 15: the same folder twice ----------------------------------------------------------------------


def test_issue_13_same_folder_twice(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(PAGE, root / "a.txt")
    (root / "link.txt").symlink_to(root / "a.txt")
    summary = referat.convert([root, root, f"{root}/../in", root / "a.txt"], out=tmp_path / "o",
                              jobs=1)
    assert (summary.inputs, summary.converted) == (1, 1)
    assert len(list(referat.iter_parse([root, root]))) == 1


# --- 16: a symlink leading outside the inputs ------------------------------------------------------


def test_issue_13_symlink_outside_inputs(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Referat\n1. Hemmeligt punkt\nGodkendt.\n")
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(PAGE, root / "a.txt")
    (root / "x.txt").symlink_to(secret)
    out = tmp_path / "o"
    summary = referat.convert(root, out=out, jobs=1)
    assert (summary.converted, summary.failed, summary.errors) == (1, 1, {"link_outside": 1})
    assert not (out / "x.txt.json").exists()
    [error] = _errors(out)
    assert error["path"] == str(root / "x.txt") and str(secret) in error["message"]
    assert "Hemmeligt" not in json.dumps(error)
    followed = referat.convert(root, out=tmp_path / "o2", jobs=1, follow_links=True)
    assert followed.converted == 2
    result = CliRunner().invoke(main, ["convert", str(root), "-o", str(tmp_path / "o3"), "-j1",
                                       "-q", "--follow-links"])
    assert result.exit_code == 0
    named = referat.convert(root / "x.txt", out=tmp_path / "o4", jobs=1)  # named: taken
    assert named.converted == 1


# --- 17: output permissions -------------------------------------------------------------------------


def test_issue_13_output_permissions(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(PAGE, root / "a.txt")
    old = os.umask(0o022)
    try:
        referat.convert(root, out=tmp_path / "o", jobs=1)
    finally:
        os.umask(old)
    for name in ("a.txt.json", "summary.json", "errors.jsonl"):
        assert stat.S_IMODE((tmp_path / "o" / name).stat().st_mode) == 0o644, name


# --- small conventions ------------------------------------------------------------------------------


def test_issue_13_python_m_referat_and_version() -> None:
    result = _run("-m", "referat", "--version")
    assert result.returncode == 0 and referat.__version__ in result.stdout
    for command in ("parse", "convert", "schema"):
        sub = CliRunner().invoke(main, [command, "--version"])
        assert sub.exit_code == 0 and referat.__version__ in sub.output, command


def test_issue_13_parse_reads_stdin() -> None:
    result = _run("-m", "referat", "parse", "-", "--summary", input=PAGE.read_text("utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    empty = _run("-m", "referat", "parse", "-", input="")
    assert empty.returncode == 1 and "empty" in empty.stderr


def test_issue_13_quiet_short_option(tmp_path: Path) -> None:
    shutil.copy(PAGE, tmp_path / "a.txt")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "a.txt"), "-o",
                                       str(tmp_path / "o"), "-q", "-j1"])
    assert result.exit_code == 0 and result.output == ""


# --- time limit for parse ---------------------------------------------------------------------------


def test_issue_13_parse_time_limit_in_any_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def spin(*args: object) -> None:
        while True:
            pass

    monkeypatch.setattr(referat.api, "_parse_loaded", spin)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            referat.parse("Referat\n1. Punkt\n", limits=Limits(timeout=0.3))
        except ReferatError as exc:
            outcome.append(exc)

    attempt()
    threads = [threading.Thread(target=attempt) for _ in range(3)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert time.monotonic() - start < 5
    assert len(outcome) == 4 and all(isinstance(e, ParseTimeoutError) for e in outcome)
    assert all("timeout limit" in str(e) and "<text>" in str(e) for e in outcome)


def test_issue_13_limits_must_be_positive() -> None:
    for bad in ({"max_pages": 0}, {"max_bytes": -1}, {"timeout": 0}, {"max_memory": 0}):
        with pytest.raises(ValueError, match="positive"):
            Limits(**bad)  # type: ignore[arg-type]
    runner = CliRunner()
    for args in (["parse", "x.txt", "--max-pages", "0"], ["parse", "x.txt", "--timeout", "-1"],
                 ["convert", "x", "-o", "o", "--max-pages", "-3"],
                 ["convert", "x", "-o", "o", "--max-bytes", "0"]):
        assert runner.invoke(main, args).exit_code == 2, args


# --- 4: a Dask worker restarted by its nanny --------------------------------------------------------

CRASHER = """
import os, referat
def crash(data, **kwargs):
    if data.startswith(b"CRASH"):
        os._exit(1)  # the worker process dies; its nanny starts a new one
    return referat.parse(data, **kwargs)
"""


def test_issue_13_dask_worker_restarted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    import dask

    (tmp_path / "crasher.py").write_text(CRASHER)
    monkeypatch.setenv("PYTHONPATH", f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    monkeypatch.syspath_prepend(str(tmp_path))
    root = tmp_path / "in"
    root.mkdir()
    for n in range(6):
        shutil.copy(PAGE, root / f"{n}.txt")
    (root / "x-crash.txt").write_bytes(b"CRASH\n" + PAGE.read_bytes())
    with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                          "distributed.scheduler.worker-saturation": 1.0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = referat.convert(root, out=tmp_path / "o", dask=client, parse_fn="crasher:crash")
    assert (summary.converted, summary.failed) == (6, 1), _errors(tmp_path / "o")
    [error] = _errors(tmp_path / "o")
    assert error["path"].endswith("x-crash.txt") and error["code"] == "internal"


# --- 6: bombs in any filter chain, deep HTML, memory ceiling ----------------------------------------


def _zeros_deflated(mib: int) -> bytes:
    """A zlib stream of ``mib`` MiB of zeros, built in milliseconds (see test_bad_inputs)."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    first = z.compress(chunk) + z.flush(zlib.Z_SYNC_FLUSH)
    again = z.compress(chunk) + z.flush(zlib.Z_SYNC_FLUSH)
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + first + again * (mib - 1) + z.flush() + struct.pack(">I", adler)


def _pdf_with_stream(dictionary: bytes, stream: bytes) -> bytes:
    head = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n")
    obj = b"4 0 obj<<%s/Length %d>>stream\n" % (dictionary, len(stream))
    return head + obj + stream + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


BOMBS = {
    "ascii85 then flate": (b"/Filter[/ASCII85Decode/FlateDecode]",
                           lambda s: base64.a85encode(s) + b"~>"),
    "asciihex then flate": (b"/Filter[/AHx/Fl]", lambda s: binascii.hexlify(s) + b">"),
    "flate twice": (b"/Filter[/FlateDecode/FlateDecode]", zlib.compress),
    "an image used as page content": (b"/Subtype/Image/Width 1/Height 1/Filter/FlateDecode",
                                      lambda s: s),
}


@pytest.mark.parametrize("kind", list(BOMBS))
def test_issue_13_bomb_in_any_filter_chain(kind: str) -> None:
    dictionary, wrap = BOMBS[kind]
    data = _pdf_with_stream(dictionary, wrap(_zeros_deflated(64)))
    assert len(data) < 1_000_000
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="max_decompressed"):
        referat.parse(data, limits=Limits(max_decompressed=16 << 20))
    assert time.monotonic() - start < 10


def test_issue_13_real_image_is_not_counted() -> None:
    """An image XObject that no page uses as content is never decoded by text extraction."""
    data = _pdf_with_stream(b"/Subtype/Image/Width 1/Height 1/Filter/FlateDecode",
                            _zeros_deflated(64)).replace(b"/Contents 4 0 R", b"")
    facts = check_pdf(data, "x.pdf", Limits(max_decompressed=16 << 20))
    assert facts.pages == 1


def test_issue_13_deeply_nested_html() -> None:
    html = "<html><body><h1>Referat</h1>" + "<div><span>" * 100_000 + "Godkendt.</body></html>"
    start = time.monotonic()
    meeting = referat.parse(html.encode(), format="html")
    assert time.monotonic() - start < 30  # before: minutes in the HTML parser
    [issue] = [i for i in meeting.issues if i.code == "nesting_too_deep"]
    assert "1,000" in issue.message
    shallow = "<html><body>" + "<div>" * 50 + "<p>Referat</p>" + "</div>" * 50 + "</body></html>"
    assert limit_depth(shallow) == (shallow, 0)


MEMORY_HOG = """
import referat
def hog(data, **kwargs):
    if data.startswith(b"HOG"):
        blocks = [bytearray(1 << 26) for _ in range(64)]  # 4 GiB
    return referat.parse(data, **kwargs)
"""


def test_issue_13_memory_ceiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "hog.py").write_text(MEMORY_HOG)
    monkeypatch.syspath_prepend(str(tmp_path))
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(PAGE, root / "a.txt")
    (root / "b.txt").write_bytes(b"HOG\n" + PAGE.read_bytes())
    summary = referat.convert(root, out=tmp_path / "o", jobs=1, parse_fn="hog:hog",
                              limits=Limits(max_memory=1 << 30))
    assert (summary.converted, summary.failed) == (1, 1)
    [error] = _errors(tmp_path / "o")
    assert error["type"] == "TooLargeError" and "max_memory" in error["message"]
    assert default_memory(2) <= 4 << 30


def test_issue_13_parse_command_timeout(tmp_path: Path) -> None:
    result = _run("-m", "referat", "parse", "-", "--timeout", "0.001", "--format", "html",
                  input="<html><body>" + "<div><b>" * 20_000 + "x</body></html>")
    assert result.returncode == 1 and "timeout limit (0.001 s)" in result.stderr
    assert "Traceback" not in result.stderr


# --- 7: a PDF whose /Count lies ---------------------------------------------------------------------

GENERATED = SAMPLES / "pdf" / "generated" / "kalundborg-integrationsudvalget-2022-08-22.pdf"


@pytest.mark.parametrize("count", [b"/Count 3 ", b"/Count 99"])
def test_issue_13_pdf_page_count_lies(count: bytes) -> None:
    data = GENERATED.read_bytes()
    assert b"/Count 13" in data
    meeting = referat.parse(data.replace(b"/Count 13", count), limits=Limits(max_pages=50))
    assert meeting.source.pages == 13
    assert meeting.items[-1].sections[-1].pages == [13]
    with pytest.raises(TooLargeError, match="max_pages"):
        referat.parse(data.replace(b"/Count 13", count), limits=Limits(max_pages=10))


def test_issue_13_convert_max_pages(tmp_path: Path) -> None:
    shutil.copy(GENERATED, tmp_path / "a.pdf")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "a.pdf"), "-o",
                                       str(tmp_path / "o"), "-j1", "-q", "--max-pages", "5"])
    assert result.exit_code == 1
    [error] = _errors(tmp_path / "o")
    assert "max_pages" in error["message"] and "--max-pages" in error["message"]


# --- 8: a PDF a viewer opens is read ----------------------------------------------------------------


@pytest.mark.parametrize("damage", ["nul padding", "garbage after %%EOF", "no %%EOF"])
def test_issue_13_pdf_tail_damage(damage: str) -> None:
    data = GENERATED.read_bytes()
    if damage == "nul padding":
        data += b"\x00" * 8192
    elif damage == "garbage after %%EOF":
        data += b"garbage " * 1000
    else:
        data = data[:data.rindex(b"%%EOF")]
    meeting = referat.parse(data)
    assert len(meeting.items) == 8 and meeting.source.pages == 13
    assert "pdf_repaired" in {i.code for i in meeting.issues}


def test_issue_13_pdf_cut_short_is_still_corrupt() -> None:
    data = GENERATED.read_bytes()
    with pytest.raises(CorruptPDFError):
        referat.parse(data[:len(data) // 2])


# --- 10: control characters ---------------------------------------------------------------------


def test_issue_13_nul_in_item_heading() -> None:
    text = _header("Dato: 04.12.2031").replace("1. Godkendelse", "1. God\x00kendelse") \
        + "\n2. Budget\x01opfølgning\nTaget til efterretning.\n"
    for source in (text, text.encode("utf-8")):
        meeting = referat.parse(source)
        assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden",
                                                    "Budgetopfølgning"]
        assert "\\u0000" not in meeting.model_dump_json()
        [issue] = [i for i in meeting.issues if i.code == "control_characters"]
        assert "2 control characters" in issue.message


# --- 11: mixed and double encodings -------------------------------------------------------------


def test_issue_13_mixed_and_double_encoding() -> None:
    utf8 = _header("Mødedato: 3. marts 2024").encode("utf-8")
    legacy = "3. Økonomi for ældreområdet\nGodkendt.\n".encode("cp1252")
    meeting = referat.parse(utf8 + legacy)
    assert meeting.committee == "Økonomiudvalget"
    assert meeting.items[-1].title == "Økonomi for ældreområdet"
    assert "encoding_repaired" in {i.code for i in meeting.issues}
    double = _header("Mødedato: 3. marts 2024").encode("utf-8").decode("cp1252").encode("utf-8")
    meeting = referat.parse(double)
    assert "Ã" not in meeting.model_dump_json(exclude={"issues"})
    assert meeting.committee == "Økonomiudvalget"
    assert "encoding_repaired" in {i.code for i in meeting.issues}
    damaged = _header("Mødedato: 3. marts 2024").encode("utf-8") + b"4. M\xf8de\xff\xfe\n"
    meeting = referat.parse(damaged * 1)
    assert "encoding_suspect" in {i.code for i in meeting.issues} or \
        "encoding_repaired" in {i.code for i in meeting.issues}
    clean = referat.parse(_header("Mødedato: 3. marts 2024"))
    assert not {"encoding_suspect", "encoding_repaired"} & {i.code for i in clean.issues}
