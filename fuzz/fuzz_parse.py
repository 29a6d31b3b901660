"""Atheris fuzz target over the text, Markdown and PDF readers and the whole ``referat.parse``.

A finding is any exception that is not a :class:`referat.errors.ReferatError`, or an
:class:`~referat.errors.InternalError` (``parse`` wraps bugs in it). See fuzz/README.md.
"""

from __future__ import annotations

import os
import sys
import traceback

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports():
    from dispatch import dispatch

    from referat.errors import InternalError, ReferatError

# Known findings with a fix pending, skipped so a run can look for new ones (FUZZ_STRICT=1 keeps
# them): (file, function) in the traceback. (pdfplumber's PDF.close() raising on a damaged
# /MediaBox was here until readers/pdf.py stopped calling it.)
KNOWN: list[tuple[str, str]] = []
KNOWN_MESSAGES: list[str] = []  # parts of InternalError messages to skip the same way


def _known(exc: BaseException) -> bool:
    if os.environ.get("FUZZ_STRICT"):
        return False
    frames = traceback.extract_tb(exc.__traceback__)
    return any(f.filename.endswith(path) and f.name == func
               for f in frames for path, func in KNOWN)


def one_input(data: bytes) -> None:
    if not data:
        return
    try:
        dispatch(data)
    except InternalError as exc:
        known_message = any(k in str(exc) for k in KNOWN_MESSAGES)
        if os.environ.get("FUZZ_STRICT") or not (
                known_message or (exc.__cause__ is not None and _known(exc.__cause__))):
            raise
    except ReferatError:
        pass
    except Exception as exc:
        if not _known(exc):
            raise


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
