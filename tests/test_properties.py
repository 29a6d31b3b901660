"""Properties that hold for any input: ``parse`` gives a valid Meeting or a ReferatError (never
another exception, never InternalError), is deterministic, and its JSON validates against the
published schema; mutating a real sample never crashes the parser."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import referat
from referat.errors import InternalError, ReferatError
from referat.limits import Limits
from referat.models import Meeting

jsonschema = pytest.importorskip("jsonschema")

SAMPLES = Path(__file__).parent / "samples"
TEXT_SAMPLES = [SAMPLES / "kalundborg-integrationsudvalget-2022-08-22.txt",
                SAMPLES / "kalundborg-direktionen-2021-04-19.md",
                *sorted((SAMPLES / "pages").glob("*.txt"))[:4]]
LIMITS = Limits(max_bytes=1_000_000, max_chars=1_000_000)
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def _validator() -> Any:
    schema = Meeting.model_json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _outcome(source: str | bytes, **kw: Any) -> str:
    """The JSON of the Meeting, or ``error:<type>:<message>``; fails on anything else."""
    try:
        meeting = referat.parse(source, limits=LIMITS, **kw)
    except InternalError as exc:  # a bug that parse caught: still a failure
        raise AssertionError(f"internal error: {exc}") from exc
    except ReferatError as exc:
        assert str(exc).startswith(exc.source)
        return f"error:{type(exc).__name__}:{exc}"
    dumped = meeting.model_dump(mode="json")
    _validator().validate(dumped)
    Meeting.model_validate(dumped)
    return json.dumps(dumped, sort_keys=True)


# Text that looks a bit like minutes: numbers, headings, dates, labels, Danish letters, markup.
_PIECES = st.sampled_from([
    "Referat", "Dagsorden", "Beslutning", "Indstilling", "Sagsfremstilling", "Bilag",
    "Fraværende:", "Deltagere:", "Mødedato:", "Mødested:", "1.", "2.", "12.", "Punkt 3",
    "Lukket punkt", "Åbent punkt", "Sagsnr.:", "27.00.00-A00-1-24", "kl. 16.00", "3. marts 2024",
    "04.12.2012", "Godkendt.", "•", "-", "#", "##", "**", "|", "\t", "\f", "\r", "\u00a0",
    "\u00ad", "\u200b", "<br/>", "<li>", "&amp;", "æøå", "ÆØÅ", ":", "(", ")", "  ", "\n", "\n\n",
])
_TEXTISH = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map(" ".join)


@SETTINGS
@given(st.one_of(st.text(max_size=400), _TEXTISH))
def test_any_text_gives_a_valid_meeting_or_a_referat_error(text: str) -> None:
    _outcome(text)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_give_a_valid_meeting_or_a_referat_error(data: bytes) -> None:
    _outcome(data)


@SETTINGS
@given(_TEXTISH, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
def test_encoded_text_parses_like_the_text(text: str, enc: str) -> None:
    data = text.encode(enc, "replace")
    _outcome(data)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=300), _TEXTISH))
def test_parsing_is_deterministic(text: str) -> None:
    assert _outcome(text) == _outcome(text)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    path = draw(st.sampled_from(TEXT_SAMPLES))
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "upper", "lower", "noise",
                                   "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "upper":
            lines[i] = lines[i].upper()
        elif op == "lower":
            lines[i] = lines[i].lower()
        elif op == "noise":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.one_of(_PIECES, st.text(max_size=8))) + lines[i][k:]
        else:
            lines = lines[:i]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_mutated())
def test_mutated_samples_never_crash(text: str) -> None:
    _outcome(text)


def test_real_samples_validate_against_the_schema() -> None:
    for path in TEXT_SAMPLES:
        out = _outcome(path.read_text(encoding="utf-8"))
        assert not out.startswith("error:")
