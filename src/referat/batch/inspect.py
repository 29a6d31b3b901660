"""``referat convert --inspect``: an inspection report next to the output of every document that
needs a look (a warning or error among its issues, or a block no rule placed), so a user who
converts an archive can open exactly those. A report that cannot be made never fails the
document's conversion; the run's summary lists the reports written."""

from __future__ import annotations

from pathlib import Path

from ..api import analyse
from ..inspector import needs_look, report
from ..limits import Limits
from ..models import Meeting
from ..parsers.stream import Analysis
from ..vocabulary import Vocabulary
from .outputs import output_rel, target_path, write_atomic

SUFFIX = ".inspect.html"


def flagged(meeting: Meeting) -> bool:
    """Worth a report, judged from the meeting alone (unplaced blocks are reported as issues)."""
    return any(i.severity != "info" or "unplaced" in i.code for i in meeting.issues)


def report_rel(input_rel: str) -> str:
    """The report's path relative to the output directory: beside the JSON, ``.inspect.html``
    in place of ``.json`` (shortened like the JSON's name when too long)."""
    return output_rel(input_rel + SUFFIX).removesuffix(".json")


def write_inspect_report(data: bytes, meeting: Meeting, path: str, input_rel: str, out: str,
                         vocabulary: Vocabulary | None, limits: Limits) -> str | None:
    """Write the report for a converted document that needs a look; returns its path relative
    to ``out``, or None when the document needs none or the report could not be made."""
    if not flagged(meeting):
        return None
    try:
        found = analyse(data, format=meeting.source.format, vocabulary=vocabulary,
                        limits=limits)
        found.meeting.source.path = path
        analysis = Analysis(found.document, found.meeting, found.stream)
        if not needs_look(analysis):
            return None
        rel = report_rel(input_rel)
        pdf = data if meeting.source.format == "pdf" else None
        write_atomic(target_path(Path(out), rel, create=True), report(analysis, pdf))
    except Exception:  # the JSON is written; a report is a courtesy, never a failure
        return None
    return rel
