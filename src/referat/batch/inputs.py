"""Finding the inputs of a batch: files, directories walked recursively, and glob patterns.

Every file found is an input; whether it is a document is judged later from its content (see
:func:`sniff`), so an archive's odd files end up in ``errors.jsonl`` instead of vanishing.
Skipped while walking: hidden files and directories (names starting with ``.``), symlinked
directories (they can loop), and the output directory itself when it lies inside an input tree.
A file reached twice (the same folder given twice, a link to a file already taken) is taken once.
A symlinked file whose target lies outside every input root is not read unless
``follow_links``; it is still an input, recorded as ``link_outside``. Files named on the command
line are always taken, hidden or not.
"""

from __future__ import annotations

import fnmatch
import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import UnsupportedFormatError


@dataclass(frozen=True, slots=True)
class InputFile:
    """``path`` as given (or as found under a given directory); ``rel`` is where its output goes
    under the output directory (a relative POSIX path, never ``..``)."""

    path: str
    rel: str | None  # None: the argument does not exist (recorded as not found)
    size: int = 0
    outside: str | None = None  # a symlink leading outside the input roots: its target


def _is_glob(arg: str) -> bool:
    return glob.has_magic(arg) and not os.path.exists(arg)


def _glob_root(pattern: str) -> str:
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return "/".join(fixed) or "."


def _root(arg: str) -> str:
    """The directory an argument's outputs are mirrored from."""
    if _is_glob(arg):
        return _glob_root(arg)
    if os.path.isdir(arg):
        return arg
    return os.path.dirname(arg) or "."


def common_root(args: Iterable[str]) -> str:
    """The deepest directory containing every argument's root (absolute)."""
    roots = [os.path.abspath(_root(a)) for a in args]
    try:
        return os.path.commonpath(roots) if roots else os.getcwd()
    except ValueError:  # different drives
        return os.path.abspath(os.sep)


class Walker:
    """Iterate the inputs of ``args`` (in a stable order); ``skip`` are paths never to enter."""

    def __init__(self, args: Iterable[str], skip: Iterable[str] = (),
                 exclude: Iterable[str] = (), follow_links: bool = False) -> None:
        self.args = list(args)
        self.base = common_root(self.args)
        self._skip = {_ident(p) for p in skip if os.path.exists(p)}
        self._exclude = list(exclude)
        self._follow = follow_links
        self._roots = [os.path.realpath(_root(a)) for a in self.args]
        self._seen: set[tuple[int, int]] = set()

    def _outside(self, path: str) -> str | None:
        """The target of a symlinked file leading outside every input root, else None."""
        if self._follow or not os.path.islink(path):
            return None
        real = os.path.realpath(path)
        if any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in self._roots):
            return None
        return real

    def _item(self, path: str, st: os.stat_result, named: bool = False) -> Iterator[InputFile]:
        """``path`` as an input, unless it was taken already (by its device and inode)."""
        key = (st.st_dev, st.st_ino)
        if key in self._skip:
            return
        if st is not _MISSING:
            if key in self._seen:
                return
            self._seen.add(key)
        yield InputFile(path, self._rel(path), st.st_size, None if named else self._outside(path))

    def _excluded(self, path: str) -> bool:
        """``--exclude`` patterns match the file's name or its path below the common folder."""
        if not self._exclude:
            return False
        name, rel = os.path.basename(path), self._rel(path)
        return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in self._exclude)

    def _rel(self, path: str) -> str:
        rel = os.path.relpath(os.path.abspath(path), self.base)
        return PurePosixPath(*rel.split(os.sep)).as_posix()

    def __iter__(self) -> Iterator[InputFile]:
        self._seen.clear()
        for arg in self.args:
            if _is_glob(arg):
                found = False
                for hit in sorted(glob.iglob(arg, recursive=True)):
                    found = True
                    yield from self._expand(hit)
                if not found:
                    yield InputFile(arg, None)
            elif os.path.exists(arg) or os.path.islink(arg):
                yield from self._expand(arg, named=True)
            else:
                yield InputFile(arg, None)

    def count(self) -> int:
        return sum(1 for _ in self)

    def _expand(self, path: str, named: bool = False) -> Iterator[InputFile]:
        if self._excluded(path):
            return
        if not os.path.isdir(path):
            yield from self._item(path, _stat(path), named)
            return
        if _ident(path) in self._skip:
            return
        for top, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and _ident(os.path.join(top, d)) not in self._skip)
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(top, name)
                if self._excluded(full):
                    continue
                yield from self._item(full, _stat(full))


_MISSING = os.stat_result((0, -1, -1, 0, 0, 0, 0, 0, 0, 0))


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError:  # a broken symlink: still an input, recorded as not found
        return _MISSING


def _ident(path: str) -> tuple[int, int]:
    st = _stat(path)
    return (st.st_dev, st.st_ino)


def sniff(data: bytes, name: str) -> None:
    """Reject content that is plainly not a document before parsing it.

    Binary files are rejected by the text decoder itself; this adds JSON data (for instance
    earlier ``referat`` output or ``*.expected.json`` files), which would otherwise be read as a
    text document without agenda items.
    """
    if data.lstrip()[:1] in (b"{", b"["):
        try:
            json.loads(data)
        except ValueError:
            return
        raise UnsupportedFormatError(name, "JSON data, not a meeting document")
