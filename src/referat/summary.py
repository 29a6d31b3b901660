"""A short human-readable outline of a parsed meeting (``referat parse FILE --summary``)."""

from __future__ import annotations

from .models import Meeting


def outline(m: Meeting) -> str:
    when = " ".join(x for x in (str(m.date) if m.date else None, m.start_time) if x)
    lines = [
        f"{m.title or '(no title)'}",
        f"  {m.document_type or '?'} | {m.committee or '?'} | {when or '?'} | "
        f"{m.location or '?'}",
        f"  participants: {len(m.participants)} ({sum(p.absent for p in m.participants)} absent)"
        f" | toc entries: {len(m.toc)} | items: {len(m.items)} | format: {m.source.format}"
        + (f" | pages: {m.source.pages}" if m.source.pages else ""),
    ]
    for it in m.items:
        flags = " [lukket]" if it.closed else ""
        case = f" ({it.case_number})" if it.case_number else ""
        num = f"{it.number:>4}." if it.number is not None else f"  ({it.position})"
        lines.append(f"{num} {it.title}{flags}{case}")
        if it.sections:
            lines.append("        sections: " + ", ".join(s.kind for s in it.sections))
        for d in it.decisions:
            head = " ".join(x for x in (d.body, str(d.date) if d.date else None) if x)
            first = d.text.split("\n")[0][:70]
            mark = "*" if d.final else " "
            lines.append(f"      {mark} decision {head}: {first}")
        if it.attachments:
            lines.append(f"        attachments: {len(it.attachments)}")
    for issue in m.issues:
        where = f" (item {issue.item})" if issue.item is not None else ""
        lines.append(f"  ! {issue.severity} {issue.code}{where}: {issue.message}")
    return "\n".join(lines)
