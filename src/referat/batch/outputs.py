"""Where outputs go and how they are written.

One JSON per input at ``DIR/<input path relative to the inputs' common root>.json`` (the input's
own extension is kept, so ``a.pdf`` and ``a.html`` side by side do not collide). Output paths
can never leave ``DIR``: ``..``, absolute or empty components are refused, a name longer than
the file system allows is shortened with a hash, and a directory under ``DIR`` that is a
symlink to somewhere else is refused. Every file is written to a temporary file in the same
directory and renamed over the target, so an interrupted run leaves no half-written output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import threading
from pathlib import Path

from ..errors import ReferatError

NAME_MAX = 255  # bytes per path component on the common file systems
_SHA = re.compile(rb'"sha256"\s*:\s*"([0-9a-f]{64})"')
_PAGES = re.compile(rb'"pages"\s*:\s*(\d+|null)')
_UMASK_LOCK = threading.Lock()


class OutputPathError(ReferatError):
    """The output for an input would land outside the output directory or cannot be written."""

    code = "output"


def _short(name: str) -> str:
    """``name`` if it fits in NAME_MAX bytes, else a prefix plus a hash of the whole name."""
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= NAME_MAX:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:16]
    _stem, dot, ext = name.rpartition(".")
    tail = f"~{digest}" + (dot + ext if dot and len(ext.encode()) <= 16 else "")
    keep = raw[: NAME_MAX - len(tail.encode())].decode("utf-8", "ignore")
    return keep + tail


def output_rel(rel: str) -> str:
    """The output's path relative to DIR for an input at ``rel`` (checked, shortened)."""
    parts = rel.split("/")
    if not parts or any(p in ("", ".", "..") or "\\" in p or "\0" in p for p in parts):
        raise OutputPathError(rel, "the output path would leave the output directory")
    parts[-1] = parts[-1] + ".json"
    return "/".join(_short(p) for p in parts)


def target_path(out: Path, rel: str, *, create: bool = False) -> Path:
    """``out / rel`` after checking that it stays inside ``out`` once symlinks are resolved."""
    if rel.startswith("/") or os.path.isabs(rel):
        raise OutputPathError(rel, "the output path would leave the output directory")
    target = out.joinpath(*rel.split("/"))
    if create:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputPathError(str(target), f"cannot create the directory ({exc})") from None
    root = out.resolve()
    parent = target.parent.resolve()
    if parent != root and root not in parent.parents:
        raise OutputPathError(str(target), "the output directory contains a symlink leading "
                                           "outside it")
    return target


_UMASK: list[int] = []


def file_mode() -> int:
    """The permissions a new file gets under the process's umask (``0o644`` under ``022``)."""
    if not _UMASK:
        with _UMASK_LOCK:
            if not _UMASK:
                mask = os.umask(0o022)  # reading the umask means setting it: put it back
                os.umask(mask)
                _UMASK.append(mask)
    return 0o666 & ~_UMASK[0]


def write_atomic(target: Path, data: str) -> None:
    """Write ``data`` to ``target`` through a temporary file and an atomic rename; the file gets
    the normal permissions for the umask (``mkstemp`` alone would leave it ``0600``)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, file_mode())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_head(target: Path, size: int = 16384) -> tuple[str, int | None] | None:
    """``(source.sha256, source.pages)`` of an existing output, reading only its beginning."""
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        head = fh.read(size)
        match = _SHA.search(head)
        if match is None:  # an unusually long path before the hash: read it all
            head += fh.read()
            match = _SHA.search(head)
    if match is None:
        return None
    pages = _PAGES.search(head, match.end())
    n = int(pages.group(1)) if pages and pages.group(1) != b"null" else None
    return match.group(1).decode(), n


class JsonLines:
    """Append-only JSON Lines file, one complete line per write.

    With ``resume`` an existing file is kept: an incomplete last line (an interrupted run) is cut
    off and the ``(path, sha256)`` of every complete record is remembered so it is not redone.
    """

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = path
        self.done: dict[str, str] = {}
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume and path.exists():
            self._load()
            self._fh = path.open("a", encoding="utf-8")
        else:
            self._fh = path.open("w", encoding="utf-8")

    def _load(self) -> None:
        good = 0
        with self.path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break
                try:
                    source = json.loads(line)["source"]
                    self.done[source["path"]] = source["sha256"]
                except (ValueError, KeyError, TypeError):
                    break
                good += len(line)
        os.truncate(self.path, good)

    def write(self, line: str) -> None:
        self._fh.write(line.rstrip("\n") + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
