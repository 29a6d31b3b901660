"""The Dask run writes exactly what the local run writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import referat

distributed = pytest.importorskip("distributed")

SAMPLES = Path(__file__).parent / "samples"


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "summary.json"}


def test_dask_run_matches_local_run(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sider").mkdir(parents=True)
    shutil.copy(SAMPLES / "kalundborg-direktionen-2021-04-19.md", root / "direktion.md")
    for page in sorted((SAMPLES / "pages").glob("*.txt"))[:4]:
        shutil.copy(page, root / "sider" / page.name)
    (root / "tom.txt").write_bytes(b"")
    (root / "støj.pdf").write_bytes(bytes(range(256)) * 8)

    local = referat.convert(root, out=tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = referat.convert(root, out=tmp_path / "dask", dask=client, timeout=30)
        again = referat.convert(root, out=tmp_path / "dask", dask=client, resume=True)

    a, b = _tree(tmp_path / "local"), _tree(tmp_path / "dask")
    errors = "errors.jsonl"
    assert sorted(a.pop(errors).splitlines()) == sorted(b.pop(errors).splitlines())
    assert a == b and len(a) == 5
    for s in (local, remote):
        assert (s.inputs, s.converted, s.failed) == (7, 5, 2)
    assert (again.skipped, again.failed) == (5, 2)
    summary = json.loads((tmp_path / "dask" / "summary.json").read_text())
    assert summary["errors"] == local.errors
