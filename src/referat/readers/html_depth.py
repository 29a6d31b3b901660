"""A guard against HTML nested absurdly deep (``'<div><span>' * 100000``).

HTML parsers check the stack of open elements for every tag, so their time grows with the square
of the depth or worse (lexbor: 1 s at 10,000 levels, minutes at 100,000). Real pages are a few
dozen levels deep. :func:`limit_depth` scans the tags in linear time and, only when the depth
passes ``MAX_DEPTH``, drops the opening tags beyond it (and as many closing tags of the same
names): the text stays, only the excess structure goes, and the caller reports it.
"""

from __future__ import annotations

import re

MAX_DEPTH = 1000
# a tag: "/" if closing, its name, "/" if self-closing. The attributes are matched as runs of
# anything but "<", ">" and "/", or a "/" not before ">" (not a lazy "[^<>]*?": on a 500 KB
# page that took 26 ms, this 3 ms in the standard library's re)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>/]*(?:/(?!>)[^<>/]*)*(/?)>")
# elements with no content, or whose end tag the parser implies (they never nest in practice)
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
    "tfoot", "option", "optgroup", "colgroup", "rb", "rt", "rp", "html", "head", "body"})


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """``html`` with nesting past ``max_depth`` removed, and the number of tags dropped."""
    if html.count("<") < max_depth:
        return html, 0
    stack: list[str] = []
    open_names: dict[str, int] = {}  # (plain dicts: Counter's missing keys cost a call)
    dropped: dict[str, int] = {}
    cut: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.groups()
        name = name.lower()
        if selfclosing or name in _FLAT:
            continue
        if closing:
            if open_names.get(name):
                while stack:
                    top = stack.pop()
                    open_names[top] -= 1
                    if top == name:
                        break
            elif dropped.get(name):
                dropped[name] -= 1
                cut.append(m.span())
            continue
        if len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            cut.append(m.span())
            continue
        stack.append(name)
        open_names[name] = open_names.get(name, 0) + 1
    if not cut:
        return html, 0
    parts: list[str] = []
    last = 0
    for start, end in cut:
        parts.append(html[last:start])
        last = end
    parts.append(html[last:])
    return "".join(parts), len(cut)
