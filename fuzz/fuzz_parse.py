"""Atheris fuzz target over the text, Markdown and PDF readers and the whole ``referat.parse``.

Anything but a :class:`referat.errors.ReferatError` escaping is a finding. See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import referat
    from referat.errors import ReferatError
    from referat.limits import Limits
    from referat.readers import read
    from referat.textdecode import decode_text

LIMITS = Limits(max_bytes=2_000_000, max_chars=2_000_000, max_pages=50)


def one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 6, data[1:]
    try:
        if mode == 0:
            referat.parse(body, limits=LIMITS)
        elif mode == 1:
            referat.parse(body.decode("utf-8", "replace"), limits=LIMITS)
        elif mode == 2:
            read(decode_text(body, "<fuzz>"), "text", name="<fuzz>")
        elif mode == 3:
            read(decode_text(body, "<fuzz>"), "markdown", name="<fuzz>")
        elif mode == 4:
            read(body, "pdf", name="<fuzz>")
        else:
            referat.parse(body, format="markdown", limits=LIMITS)
    except ReferatError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
