"""The entry points the fuzzer drives; the first byte of an input picks one. Shared by
fuzz/fuzz_parse.py and the replay test (tests/test_issue_fuzz_crashes.py)."""

from __future__ import annotations

import referat
from referat.limits import Limits
from referat.readers import read
from referat.textdecode import decode_text

LIMITS = Limits(max_bytes=2_000_000, max_chars=2_000_000, max_pages=50)


def dispatch(data: bytes) -> None:
    mode, body = data[0] % 6, data[1:]
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
