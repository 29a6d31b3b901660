"""Batch conversion: referat convert, referat.convert and referat.iter_parse."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import referat
from referat.batch.outputs import OutputPathError, output_rel, target_path
from referat.cli import main
from referat.errors import ParseTimeoutError, ReferatError
from referat.models import Meeting

SAMPLES = Path(__file__).parent / "samples"
Archive = tuple[Path, dict[str, "str | None"]]
Converted = tuple[Path, int, str]
LONG = "Referat af mødet i Økonomiudvalget " * 6  # > 200 bytes in UTF-8


def slow_parse(data: bytes, **kwargs: object) -> Meeting:
    """parse_fn for the tests: hangs on marked documents (also ignoring the soft timer)."""
    if b"HANG" in data[:100]:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(60)
    if b"SLOW" in data[:100]:
        time.sleep(60)
    if b"CRASH" in data[:100]:
        os._exit(3)
    return referat.parse(data, **kwargs)  # type: ignore[arg-type]


def _archive(root: Path) -> dict[str, str | None]:
    """A small archive; maps each input (relative) to its expected error code or None."""
    rng = random.Random(5)
    expect: dict[str, str | None] = {}

    def put(rel: str, data: bytes, code: str | None) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expect[rel] = code

    txt = (SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt").read_bytes()
    put("2022/integration.txt", txt, None)
    put("2021/direktion.md", (SAMPLES / "kalundborg-direktionen-2021-04-19.md").read_bytes(), None)
    for page in sorted((SAMPLES / "pages").glob("*.txt"))[:3]:
        put(f"sider/{page.name}", page.read_bytes(), None)
    put("odd dir/Æblegrød møde 2024 (kopi).txt", txt, None)
    put(f"odd dir/{LONG[:200]}.txt", txt, None)
    put("bad/empty.txt", b"", "empty")
    put("bad/noise.bin", rng.randbytes(3000), "unsupported_format")
    put("bad/noise.pdf", rng.randbytes(3000), "unsupported_format")
    put("bad/data.json", b'{"schema_version": "1"}', "unsupported_format")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_bytes(txt)
    (root / ".skip.txt").write_bytes(txt)
    return expect


def _files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    root = tmp_path_factory.mktemp("archive")
    return root, _archive(root)


@pytest.fixture(scope="module")
def converted(archive: tuple[Path, dict[str, str | None]],
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    root, _ = archive
    out = tmp_path_factory.mktemp("out") / "out"
    result = CliRunner().invoke(main, ["convert", str(root), "--out", str(out), "--jobs", "2"])
    return out, result.exit_code, result.output


def test_every_input_ends_as_output_or_error(archive: Archive, converted: Converted) -> None:
    root, expect = archive
    out, code, output = converted
    assert code == 1, output
    good = {rel for rel, err in expect.items() if err is None}
    files = _files(out)
    assert {f for f in files if not f.startswith(".")} - {"errors.jsonl", "summary.json"} == {
        output_rel(rel) for rel in good}
    assert not [f for f in files if ".tmp" in f]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert {Path(e["path"]).relative_to(root).as_posix(): e["code"] for e in errors} == {
        rel: err for rel, err in expect.items() if err is not None}
    assert all(len(e["sha256"]) == 64 and e["message"].startswith(e["path"]) for e in errors)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["inputs"] == len(expect) == summary["converted"] + summary["failed"]
    assert summary["failed"] == len(errors)
    assert summary["errors"] == {"unsupported_format": 3, "empty": 1}
    assert "converted" in output and "failed" in output


def test_outputs_are_the_contract_json_with_the_given_path(archive: Archive,
                                                           converted: Converted) -> None:
    root, _ = archive
    out, _, _ = converted
    doc = out / "2022" / "integration.txt.json"
    meeting = Meeting.model_validate_json(doc.read_text())
    assert meeting.source.path == str(root / "2022" / "integration.txt")
    assert meeting.source.sha256 == referat.parse(root / "2022" / "integration.txt").source.sha256
    assert (out / "odd dir" / "Æblegrød møde 2024 (kopi).txt.json").exists()
    long_out = [f for f in _files(out) if f.startswith("odd dir/Referat")]
    assert len(long_out) == 1 and len(long_out[0].split("/")[-1].encode()) <= 255


def test_resume_skips_done_and_redoes_changed(archive: Archive, converted: Converted,
                                            tmp_path: Path) -> None:
    root, expect = archive
    out = tmp_path / "out"
    shutil.copytree(converted[0], out)
    changed = root / "sider" / sorted(os.listdir(root / "sider"))[0]
    before = changed.read_bytes()
    changed.write_bytes(before + b"\nTilfoejet linje.\n")
    try:
        summary = referat.convert([root], out=out, jobs=1, resume=True)
    finally:
        changed.write_bytes(before)
    good = sum(1 for e in expect.values() if e is None)
    assert (summary.skipped, summary.converted, summary.failed) == (good - 1, 1, 4)
    assert summary.inputs == len(expect)
    changed.write_bytes(b"")  # now it fails: its old output must go
    try:
        summary = referat.convert([root], out=out, jobs=1, resume=True)
    finally:
        changed.write_bytes(before)
    assert (summary.skipped, summary.failed) == (good - 1, 5)
    assert not (out / output_rel(changed.relative_to(root).as_posix())).exists()


def test_jsonl_and_resume_after_a_cut_line(archive: Archive, tmp_path: Path) -> None:
    root, expect = archive
    lines_file = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, ["convert", str(root), "--out", str(tmp_path / "o"),
                                       "--jsonl", str(lines_file), "--quiet"])
    assert result.exit_code == 1 and result.output == ""
    good = sum(1 for e in expect.values() if e is None)
    lines = lines_file.read_bytes().splitlines(keepends=True)
    assert len(lines) == good
    paths = {json.loads(x)["source"]["path"] for x in lines}
    assert str(root / "2022" / "integration.txt") in paths
    assert _files(tmp_path / "o") == {"errors.jsonl", "summary.json", ".referat-run.json"}
    lines_file.write_bytes(b"".join(lines[:-1]) + lines[-1][:50])  # an interrupted write
    summary = referat.convert(root, out=tmp_path / "o", jsonl=lines_file, resume=True, jobs=1)
    assert (summary.skipped, summary.converted) == (good - 1, 1)
    assert len(lines_file.read_bytes().splitlines()) == good
    inside = root / "all.jsonl"  # a JSON Lines file inside the input tree is not an input
    try:
        summary = referat.convert(root, out=tmp_path / "o2", jsonl=inside, jobs=1)
    finally:
        inside.unlink()
    assert summary.inputs == len(expect)


def test_output_paths_cannot_escape(tmp_path: Path) -> None:
    for bad in ["../x.txt", "a/../../x.txt", "/etc/passwd", "", "a//b.txt"]:
        with pytest.raises(OutputPathError):
            target_path(tmp_path, output_rel(bad))
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    shutil.copy(SAMPLES / "kalundborg-direktionen-2021-04-19.md", src / "a.md")
    summary = referat.convert(tmp_path / "in", out=out, jobs=1)
    assert summary.errors == {"output": 1}
    assert list(outside.iterdir()) == []


def test_output_dir_inside_the_input_tree_is_not_an_input(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "kalundborg-direktionen-2021-04-19.md", tmp_path / "a.md")
    first = referat.convert(tmp_path, out=tmp_path / "json", jobs=1)
    again = referat.convert(tmp_path, out=tmp_path / "json", jobs=1, resume=True)
    assert (first.inputs, first.converted, again.inputs, again.skipped) == (1, 1, 1, 1)


def test_exclude_patterns_match_names_and_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "kalundborg-direktionen-2021-04-19.md", tmp_path / "in" / "a.md")
    (tmp_path / "in" / "a.expected.json").write_text("{}")
    (tmp_path / "in" / "sub" / "notes.txt").write_text("not minutes")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "--out",
                                       str(tmp_path / "o"), "--exclude", "*.expected.json",
                                       "-x", "sub/*", "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert (summary["inputs"], summary["converted"]) == (1, 1)


def test_missing_inputs_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(tmp_path / "nope.txt"), str(tmp_path / "*.md"),
                                  "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    errors = (tmp_path / "o" / "errors.jsonl").read_text().splitlines()
    assert [json.loads(e)["code"] for e in errors] == ["not_found", "not_found"]
    assert runner.invoke(main, ["convert", str(tmp_path)]).exit_code == 2
    assert runner.invoke(main, ["convert", str(tmp_path), "--out", "x", "--jobs", "0"]
                         ).exit_code == 2
    assert runner.invoke(main, ["convert", str(tmp_path), "--out", str(tmp_path)]).exit_code == 2
    (tmp_path / "file").write_text("x")
    assert runner.invoke(main, ["convert", str(tmp_path), "--out", str(tmp_path / "file")]
                         ).exit_code == 2


def test_all_good_exits_0_and_glob_inputs(tmp_path: Path) -> None:
    for page in sorted((SAMPLES / "pages").glob("*.txt"))[:2]:
        shutil.copy(page, tmp_path / page.name)
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "*.txt"),
                                       "--out", str(tmp_path / "o"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "o").glob("*.txt.json"))) == 2


def test_timeouts_and_crashes_are_recorded(tmp_path: Path) -> None:
    text = (SAMPLES / "kalundborg-direktionen-2021-04-19.md").read_bytes()
    for name, head in [("ok.md", b""), ("slow.md", b"SLOW\n"), ("hang.md", b"HANG\n"),
                       ("crash.md", b"CRASH\n"), ("ok2.md", b"")]:
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes(head + text)
    start = time.monotonic()
    summary = referat.convert(tmp_path / "in", out=tmp_path / "o", jobs=2, timeout=1.5,
                              parse_fn=f"{__name__}:slow_parse")
    assert time.monotonic() - start < 20
    errors = {Path(e["path"]).name: e for e in map(
        json.loads, (tmp_path / "o" / "errors.jsonl").read_text().splitlines())}
    assert {k: v["type"] for k, v in errors.items()} == {
        "slow.md": "ParseTimeoutError", "hang.md": "ParseTimeoutError",
        "crash.md": "InternalError"}
    assert errors["hang.md"]["message"] == errors["slow.md"]["message"].replace("slow", "hang")
    assert "exit code 3" in errors["crash.md"]["message"]
    assert all(len(e["sha256"]) == 64 for e in errors.values())
    assert (summary.converted, summary.failed) == (2, 3)


def test_iter_parse_yields_meetings_and_errors(archive: Archive) -> None:
    root, expect = archive
    got = dict(referat.iter_parse(root))
    assert len(got) == len(expect)
    for rel, err in expect.items():
        value = got[root / rel]
        if err is None:
            assert isinstance(value, Meeting)
        else:
            assert isinstance(value, ReferatError) and value.code == err
            assert str(root / rel) in str(value)
    timed = dict(referat.iter_parse([root / "bad" / "empty.txt"], jobs=2, timeout=5))
    assert isinstance(next(iter(timed.values())), ReferatError)
    assert not isinstance(next(iter(timed.values())), ParseTimeoutError)


def test_progress_log_lines_when_not_on_a_terminal() -> None:
    import io

    from referat.batch.progress import Progress
    from referat.batch.summary import Tally
    from referat.batch.worker import Record

    tally, stream = Tally(), io.StringIO()
    progress = Progress(tally, 2, "auto", stream=stream, every=0)
    for record in [Record("a.txt", "ok", pages=3), Record("b.txt", "failed", error_code="empty")]:
        tally.add(record)
        progress.update()
    progress.close()
    lines = stream.getvalue().splitlines()
    assert progress.mode == "log" and len(lines) == 2
    assert lines[-1].startswith("referat: 2/2 documents, 3 pages,") and "1 failed" in lines[-1]


def test_pool_returns_every_task_whatever_its_size(tmp_path: Path) -> None:
    from referat.batch.pool import run_local
    from referat.batch.worker import Options, Task

    src = SAMPLES / "kalundborg-direktionen-2021-04-19.md"
    tasks = [Task(str(src), f"{n}.md", size=(10**9 if n % 3 == 0 else 10)) for n in range(10)]
    records = list(run_local(tasks, Options(mode="objects"), jobs=2, max_tasks=3))
    assert sorted(r.status for r in records) == ["ok"] * 10
