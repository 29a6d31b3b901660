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


def cap_lines(lines: list[str], warnings: list[str]) -> tuple[list[str], list[int]]:
    """``lines`` with long ones cut, and each new line's 1-based source line number.

    A warning naming the line goes to ``warnings`` (it becomes a ``reader`` issue).
    """
    if all(len(line) <= MAX_LINE for line in lines):
        return lines, list(range(1, len(lines) + 1))
    out: list[str] = []
    origin: list[int] = []
    for lineno, line in enumerate(lines, start=1):
        if len(line) <= MAX_LINE:
            out.append(line)
            origin.append(lineno)
            continue
        pieces = list(_cut(line))
        warnings.append(f"line {lineno} is {len(line):,} characters long; it was cut into "
                        f"{len(pieces):,} pieces of at most {MAX_LINE:,} characters")
        out.extend(pieces)
        origin.extend([lineno] * len(pieces))
    return out, origin
