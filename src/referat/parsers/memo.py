"""Answers about one line, remembered for the length of one parse.

Several rules ask the same question of the same line (is it a decision head? does it hold a
case reference?): the item-heading forms each look for cues in the lines below their headings,
and the item builder asks again. :func:`per_parse` opens a memo for one parse;
:func:`remembered` makes a pure function of a line consult it. Outside a parse (unit tests,
direct calls) the function is simply called. Nothing is kept between parses, so every document
pays for its own answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_MEMO: ContextVar[dict[Any, Any] | None] = ContextVar("referat_memo", default=None)


@contextmanager
def per_parse() -> Iterator[None]:
    """Remember answers until the block ends (one parse; safe across threads)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(fn: Callable[P, R]) -> Callable[P, R]:
    """Memoise a pure function of hashable positional arguments within :func:`per_parse`. Its
    result must not be changed by callers (return immutable values)."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _MEMO.get()
        if memo is None or kwargs:
            return fn(*args, **kwargs)
        key = (fn, *args)
        try:
            return memo[key]  # type: ignore[no-any-return]
        except KeyError:
            out = memo[key] = fn(*args, **kwargs)
            return out

    return wrapper
