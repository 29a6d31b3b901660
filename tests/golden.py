"""Shared helpers for golden (expected-output) tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import referat

SAMPLES = Path(__file__).parent / "samples"
SOURCE_SUFFIXES = {".txt", ".md", ".html", ".pdf"}


def sample_files() -> list[Path]:
    """Every sample document that has a golden next to it."""
    return sorted(
        p for p in SAMPLES.rglob("*")
        if p.suffix in SOURCE_SUFFIXES and golden_path(p).exists()
    )


def golden_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".expected.json")


def strip_spans(data: Any) -> Any:
    """The JSON without the nodes' source spans (``"source": [...]``), which the provenance test
    checks against the document; the meeting's ``source`` (path, format, sha256) is kept."""
    if isinstance(data, dict):
        return {k: strip_spans(v) for k, v in data.items()
                if not (k == "source" and isinstance(v, list))}
    if isinstance(data, list):
        return [strip_spans(v) for v in data]
    return data


def result_json(sample: Path) -> dict[str, Any]:
    """The parse result as JSON, with the machine-specific path made relative and the nodes'
    source spans left out."""
    data: dict[str, Any] = strip_spans(referat.parse(sample).model_dump(mode="json"))
    data["source"]["path"] = sample.relative_to(SAMPLES).as_posix()
    return data


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
