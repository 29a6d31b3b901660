"""The Dask run writes exactly what the local run writes."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import referat

distributed = pytest.importorskip("distributed")

SAMPLES = Path(__file__).parent / "samples"
HOOK = f"{__name__}:slow_parse"


def slow_parse(data: bytes, **kwargs: object) -> referat.Meeting:
    """parse_fn for the test: marked documents take too long."""
    if data.startswith(b"SLOW"):
        time.sleep(3)
    return referat.parse(data, **kwargs)  # type: ignore[arg-type]


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in ("summary.json", ".referat-run.json")}


def _errors(log: bytes, run: str | None) -> list[dict[str, object]]:
    """The error records of one run, without the run id (which differs by design)."""
    lines = [json.loads(line) for line in log.splitlines()]
    lines = [line for line in lines if line.pop("run") == run]
    return sorted(lines, key=lambda e: str(e["path"]))


def test_dask_run_matches_local_run(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sider").mkdir(parents=True)
    shutil.copy(SAMPLES / "kalundborg-direktionen-2021-04-19.md", root / "direktion.md")
    for page in sorted((SAMPLES / "pages").glob("*.txt"))[:4]:
        shutil.copy(page, root / "sider" / page.name)
    (root / "tom.txt").write_bytes(b"")
    (root / "støj.pdf").write_bytes(bytes(range(256)) * 8)
    (root / "langsom.md").write_bytes(b"SLOW\n" + (root / "direktion.md").read_bytes())

    local = referat.convert(root, out=tmp_path / "local", jobs=1, timeout=1, parse_fn=HOOK)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = referat.convert(root, out=tmp_path / "dask", dask=client, timeout=1,
                                 parse_fn=HOOK)
        again = referat.convert(root, out=tmp_path / "dask", dask=client, resume=True,
                                timeout=1, parse_fn=HOOK)
        time.sleep(2)  # the timed-out task's thread wakes up and must not write

    a, b = _tree(tmp_path / "local"), _tree(tmp_path / "dask")
    errors = "errors.jsonl"
    assert _errors(a.pop(errors), local.run) == _errors(b.pop(errors), remote.run)
    assert a == b and len(a) == 5
    for s in (local, remote):
        assert (s.inputs, s.converted, s.failed) == (8, 5, 3)
    assert (again.skipped, again.failed) == (5, 3)
    summary = json.loads((tmp_path / "dask" / "summary.json").read_text())
    assert summary["errors"] == local.errors == {"empty": 1, "unsupported_format": 1,
                                                 "timeout": 1}
