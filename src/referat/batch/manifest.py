"""What made the outputs in a directory: ``DIR/.referat-run.json``.

It records the input roots, the ``referat`` version, and fingerprints of the code, the vocabulary
file, the content-relevant limits and the parse hook, plus ``since_ns``: the time from which the
outputs were made with exactly these settings. ``--resume`` keeps an output only when the
fingerprint is unchanged and the output is not older than ``since_ns``, so a run stopped under
one vocabulary and resumed under another redoes everything made before the change. The output
JSON itself (the contract) is untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..limits import Limits

NAME = ".referat-run.json"
_CONTENT_LIMITS = ("max_bytes", "max_chars", "max_pages", "max_decompressed")
_CODE: list[str] = []


def code_fingerprint() -> str:
    """A hash of referat's own source files: a new version or a local change both change it."""
    if not _CODE:
        root = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256()
        for path in sorted(root.rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
        _CODE.append(digest.hexdigest()[:16])
    return _CODE[0]


def _version() -> str:
    from .. import __version__

    return __version__


def fingerprint(limits: Limits, vocabulary: str | None, parse_fn: str | None) -> dict[str, str]:
    """What decides the content of an output, apart from the input itself."""
    vocab = "default"
    if vocabulary is not None:
        vocab = hashlib.sha256(Path(vocabulary).read_bytes()).hexdigest()[:16]
    content = {k: getattr(limits, k) for k in _CONTENT_LIMITS}
    return {"version": _version(), "code": code_fingerprint(), "vocabulary": vocab,
            "limits": json.dumps(content, sort_keys=True), "parse_fn": parse_fn or ""}


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


@dataclass
class Manifest:
    roots: list[str] = field(default_factory=list)
    fingerprint: dict[str, str] = field(default_factory=dict)
    since_ns: int = 0
    runs: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, out: Path) -> Manifest | None:
        try:
            raw = json.loads((out / NAME).read_text(encoding="utf-8"))
            return cls(list(raw["roots"]), dict(raw["fingerprint"]), int(raw["since_ns"]),
                       list(raw.get("runs", [])))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, out: Path) -> None:
        from .outputs import write_atomic

        write_atomic(out / NAME, json.dumps(asdict(self), indent=2) + "\n")


def roots_of(args: list[str]) -> list[str]:
    """The input roots of a run, as real paths (what "the same inputs" means)."""
    from .inputs import _root

    return sorted({os.path.realpath(_root(a)) for a in args})
