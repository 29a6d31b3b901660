"""Shared helpers for golden (expected-output) tests."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
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


@functools.cache
def full_result(sample: Path) -> dict[str, Any]:
    """The parse result as JSON, spans and all (parsed once per test session; do not modify)."""
    data: dict[str, Any] = referat.parse(sample).model_dump(mode="json")
    return data


def result_json(sample: Path) -> dict[str, Any]:
    """The parse result as JSON, with the machine-specific path made relative and the nodes'
    source spans left out."""
    data: dict[str, Any] = strip_spans(full_result(sample))
    data["source"]["path"] = sample.relative_to(SAMPLES).as_posix()
    return data


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def diff_paths(got: Any, expected: Any, path: str = "") -> list[str]:
    """The JSON paths where ``got`` differs from ``expected`` (``"items[3].decisions[0].text"``).

    A list of another length differs as a whole (its path); a dict key present on one side only
    differs at the key's path; otherwise the difference is reported at the deepest node.
    """
    if isinstance(got, dict) and isinstance(expected, dict):
        out: list[str] = []
        for key in [*expected, *(k for k in got if k not in expected)]:
            sub = f"{path}.{key}" if path else key
            if key not in got or key not in expected:
                out.append(sub)
            else:
                out.extend(diff_paths(got[key], expected[key], sub))
        return out
    if isinstance(got, list) and isinstance(expected, list):
        if len(got) != len(expected):
            return [path]
        return [d for i, (g, e) in enumerate(zip(got, expected, strict=True))
                for d in diff_paths(g, e, f"{path}[{i}]")]
    return [] if got == expected and type(got) is type(expected) else [path]


_PATH = re.compile(r"^[a-z_]+(?:\[(?:\d+|\*)\]|\.[a-z_]+)*$")


def valid_path(path: str) -> bool:
    """``"items[3].decisions"``, ``"toc[*].page"``: field names, indices or ``[*]``."""
    return bool(_PATH.match(path))


def covers(allowed: str, path: str) -> bool:
    """``"items[3]"`` covers ``"items[3]"``, ``"items[3].title"`` and ``"items[3].toc[0]"``;
    ``[*]`` stands for any index (``"toc[*].page"`` covers ``"toc[4].page"``)."""
    rx = re.escape(allowed).replace(r"\[\*\]", r"\[\d+\]")
    return re.match(rf"{rx}(?:$|[.\[])", path) is not None


def json_strings(node: Any) -> Iterator[str]:
    """Every string in a JSON value (an output's words, wherever they ended)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from json_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from json_strings(v)
