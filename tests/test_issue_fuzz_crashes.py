"""Every input the fuzzer (fuzz/fuzz_parse.py) ever crashed on, replayed: each must now give a
Meeting or a ReferatError other than InternalError."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import pytest

from referat.errors import InternalError, ReferatError

FUZZ = Path(__file__).parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))
from dispatch import dispatch  # noqa: E402  (fuzz/ is not a package)

CRASHES = sorted((FUZZ / "crashes").glob("crash-*"))
# (file, function) in a traceback whose fix is pending elsewhere (pdfplumber's PDF.close() was
# here until readers/pdf.py stopped calling it in bbed7cd).
PENDING: list[tuple[str, str]] = []
# Crashes whose fix is a parser patch not yet applied: file name prefix -> reason.
PENDING_FILES: dict[str, str] = {}


def replay(data: bytes) -> None:
    """The same dispatch as fuzz/fuzz_parse.py: the first byte picks the entry point."""
    dispatch(data)


def _pending(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return any(f.filename.endswith(p) and f.name == fn for f in frames for p, fn in PENDING)


@pytest.mark.parametrize("path", CRASHES, ids=[p.name[:16] for p in CRASHES])
def test_fuzz_crash_is_fixed(path: Path) -> None:
    data = path.read_bytes()
    if not data:
        return
    pending = next((why for key, why in PENDING_FILES.items() if path.name.startswith(key)), None)
    if pending:
        try:
            replay(data)
        except InternalError:
            pytest.xfail(pending)
        except ReferatError:
            pass
        return
    try:
        replay(data)
    except InternalError as exc:
        cause = exc.__cause__
        if cause is not None and _pending(cause):
            pytest.xfail("a fix pending in another module")
        raise
    except ReferatError:
        pass
    except Exception as exc:
        if _pending(exc):
            pytest.xfail("a fix pending in another module")
        raise
