"""Cut absurdly long lines (a 10-million-character line from a broken export or a hostile file)
into pieces, so no parser ever sees a huge block and nothing turns quadratic."""

from __future__ import annotations

from collections.abc import Iterator

MAX_LINE = 10_000  # characters; no real paragraph is this long


def _cut(line: str) -> Iterator[str]:
    """Pieces of at most MAX_LINE characters, cut after a sentence, else at a space."""
    pos = 0
    while len(line) - pos > MAX_LINE:
        window = line[pos:pos + MAX_LINE]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1
        if cut < MAX_LINE // 2:
            cut = window.rfind(" ") + 1
        if cut < MAX_LINE // 2:
            cut = MAX_LINE
        yield window[:cut]
        pos += cut
    yield line[pos:]


def line_starts(lines: list[str]) -> list[int]:
    """Offset of each line in ``"\\n".join(lines)``."""
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


def cap_lines(lines: list[str], warnings: list[str]) -> tuple[list[str], list[int], list[int]]:
    """``lines`` with long ones cut, each new line's 1-based source line number, and its
    character offset in ``"\\n".join(lines)`` (the text the reader's spans index).

    A warning naming the line goes to ``warnings`` (it becomes a ``reader`` issue).
    """
    starts = line_starts(lines)
    if all(len(line) <= MAX_LINE for line in lines):
        return lines, list(range(1, len(lines) + 1)), starts
    out: list[str] = []
    origin: list[int] = []
    offsets: list[int] = []
    for lineno, (line, at) in enumerate(zip(lines, starts, strict=True), start=1):
        if len(line) <= MAX_LINE:
            out.append(line)
            origin.append(lineno)
            offsets.append(at)
            continue
        pieces = list(_cut(line))
        warnings.append(f"line {lineno} is {len(line):,} characters long; it was cut into "
                        f"{len(pieces):,} pieces of at most {MAX_LINE:,} characters")
        for piece in pieces:
            out.append(piece)
            origin.append(lineno)
            offsets.append(at)
            at += len(piece)
    return out, origin, offsets
