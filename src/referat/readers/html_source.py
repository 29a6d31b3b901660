"""Where an HTML block came from: element paths and text offsets in the page source.

A path names an element by its tag and its 1-based index among the siblings with the same tag,
from the root down: ``"html/body/div[2]/h2[1]"`` is the first ``<h2>`` in the second ``<div>``
of the body (``html`` and ``body`` carry no index). :func:`element_at` resolves it in a
selectolax tree of the same source.

Offsets are found by :class:`SourceLocator`, cheaply: the block's text as it stands, else its
words in order and close together, is searched for from where the previous block ended. A block
whose words are not in the source verbatim (written with entities such as ``&aring;`` or with
soft hyphens) gets ``-1``.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SEGMENT = regex.compile(r"^([a-z][a-z0-9-]*)(?:\[(\d+)\])?$")
_BODY = regex.compile(r"<body\b[^>]*>", regex.IGNORECASE)
_GAP = 4000  # characters of markup allowed between two consecutive words of one block
_TRIES = 3  # places the first word is tried at before the block is given up
_FOLLOW = 8  # words followed at each end of a long block
_NEAR = 4_000  # characters searched for a block's text as printed, from the last block's end


def is_element(tag: str | None) -> bool:
    return tag is not None and not tag.startswith("-") and tag != "!doctype"


def element_at(page: str | LexborHTMLParser, path: str) -> LexborNode | None:
    """The element at ``path`` in ``page`` (source or parsed tree), or ``None``."""
    tree = LexborHTMLParser(page) if isinstance(page, str) else page
    parts = path.split("/")
    node = tree.root
    if node is None or not parts or parts[0] != node.tag:
        return None
    for part in parts[1:]:
        m = _SEGMENT.match(part)
        if m is None:
            return None
        tag, k = m.group(1), int(m.group(2) or 1)
        found = None
        for child in node.iter():
            if child.tag == tag:
                k -= 1
                if k == 0:
                    found = child
                    break
        if found is None:
            return None
        node = found
    return node


def child_paths(node: LexborNode, prefix: str) -> dict[int, str]:
    """Paths of ``node``'s element children, by their ``mem_id``."""
    counts: dict[str, int] = {}
    out: dict[int, str] = {}
    for child in node.iter():
        tag = child.tag
        if not is_element(tag):
            continue
        assert tag is not None
        k = counts[tag] = counts.get(tag, 0) + 1
        out[child.mem_id] = f"{prefix}/{tag}[{k}]"
    return out


class SourceLocator:
    """Finds blocks' text in the page source, one block after the other in reading order."""

    def __init__(self, source: str) -> None:
        self.src = source
        m = _BODY.search(source)
        self.pos = m.end() if m else 0

    def _in_tag(self, at: int) -> bool:
        src = self.src
        if at and src[at - 1] == ">":  # right after a tag: the usual case, decided at once
            return False
        return src.rfind("<", 0, at) > src.rfind(">", 0, at)

    def find_from(self, pos: int, text: str) -> tuple[int, int]:
        """:meth:`find` from ``pos``, leaving the position of the next find where it was."""
        saved, self.pos = self.pos, pos
        try:
            return self.find(text)
        finally:
            self.pos = saved

    def find(self, text: str) -> tuple[int, int]:
        """``(start, end)`` of ``text`` in the source after the previous find, else ``(-1, -1)``.

        The search is anchored on one of the first words that is not tiny (a "1" is everywhere),
        then the words after it are followed forwards and the words before it backwards."""
        src = self.src
        at = src.find(text, self.pos, self.pos + _NEAR + len(text)) if text else -1
        if at >= 0 and not self._in_tag(at):  # the usual case: one text node, printed as is
            self.pos = at + len(text)
            return at, self.pos
        words = _WORD.findall(text)
        if not words:
            return -1, -1
        a = 0
        while a < len(words) - 1 and a < 2 and len(words[a]) < 3:
            a += 1
        anchor = words[a]
        at = src.find(anchor, self.pos)
        for _ in range(_TRIES):
            if at < 0:
                return -1, -1
            end = self._forwards(words, a + 1, at + len(anchor))
            start = self._backwards(words, a, at) if end >= 0 else -1
            if start >= 0 and not self._in_tag(start):
                head = text[:text.find(words[0])]
                if head and src[max(0, start - len(head)):start] == head:
                    start -= len(head)
                tail = text[text.rfind(words[-1]) + len(words[-1]):]
                if tail and src.startswith(tail, end):
                    end += len(tail)
                self.pos = end
                return start, end
            at = src.find(anchor, at + 1)
        return -1, -1

    def _forwards(self, words: list[str], i: int, end: int) -> int:
        """End of ``words[i:]`` found one after the other from ``end``, each close to the last.

        In a long block only its first and last words are followed; the stretch between them
        may be as long as the block's words with markup around each."""
        find = self.src.find
        n = len(words)
        stop = n if n <= 2 * _FOLLOW else _FOLLOW
        for w in words[i:stop]:
            j = find(w, end, end + _GAP + len(w))
            if j < 0:
                return -1
            end = j + len(w)
        if stop < n:
            middle = sum(len(w) + 1 for w in words[stop:n - _FOLLOW])
            gap = _GAP + 8 * middle
            for w in words[max(stop, n - _FOLLOW):]:
                j = find(w, end, end + gap + len(w))
                if j < 0:
                    return -1
                end, gap = j + len(w), _GAP
        return self._outside_tags(words[-1], end) if i < n else end

    def _outside_tags(self, word: str, end: int) -> int:
        """``end`` moved past the next ``word`` outside a tag when the last one found is inside
        one (an ``aria-label`` repeating the text)."""
        j = end - len(word)
        for _ in range(_TRIES):
            if not self._in_tag(j):
                return j + len(word)
            j = self.src.find(word, j + 1, j + _GAP)
            if j < 0:
                return -1
        return -1

    def _backwards(self, words: list[str], i: int, start: int) -> int:
        """Start of ``words[:i]`` found backwards from ``start`` (outside tags)."""
        src = self.src
        for w in reversed(words[:i]):
            lo, j = max(self.pos, start - _GAP), start
            for _ in range(_TRIES):
                j = src.rfind(w, lo, j)
                if j < 0 or not self._in_tag(j):
                    break
            if j < 0 or self._in_tag(j):
                return -1
            start = j
        return start
