"""The side panel: what was read (header fields, participants, TOC, the item tree with sections
and decisions), the parse issues and the unplaced blocks, each entry linked to its place in the
document when its place is known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from ..models import Meeting
from .marks import CATEGORIES, Mark, Node

Resolve = Callable[[str], "str | None"]
_HEADER = ("title", "document_type", "committee", "date", "start_time", "end_time", "location")


def entry(path: str, caption: str, resolve: Resolve, cls: str = "") -> str:
    """A panel entry: a link to the node's place, or plain text saying it has none."""
    target = resolve(path)
    klass = f' class="{cls}"' if cls else ""
    if target is None:
        return (f'<span class="nolink{" " + cls if cls else ""}" data-path="{escape(path)}" '
                f'title="no source location">{escape(caption)}</span>')
    return f'<a{klass} href="#{target}" data-path="{escape(path)}">{escape(caption)}</a>'


def _legend(marks: list[Mark], nodes: list[Node]) -> str:
    counts = Counter(m.category for m in marks)
    counts.update(n.category for n in nodes if n.category == "issue")
    rows = []
    for cat, (_, text) in CATEGORIES.items():
        rows.append(f'<label class="c-{cat}"><input type="checkbox" checked data-cat="{cat}">'
                    f'<span class="chip"></span>{escape(text)} ({counts.get(cat, 0)})</label>')
    return '<h2>Colours</h2><div class="legend">' + "".join(rows) + "</div>"


def _header(meeting: Meeting, resolve: Resolve) -> str:
    rows = []
    for name in _HEADER:
        value = getattr(meeting, name)
        if value is not None:  # the stream names header nodes "header.date" (or "date")
            path = next((p for p in (f"header.{name}", name) if resolve(p)), f"header.{name}")
            rows.append(f"<dt>{name.replace('_', ' ')}</dt><dd>"
                        f"{entry(path, str(value), resolve)}</dd>")
    if not rows:
        rows.append("<dt>header</dt><dd class=\"nolink\">nothing read</dd>")
    return '<h2>Meeting</h2><dl class="fields">' + "".join(rows) + "</dl>"


def _group(title: str, path: str, nodes: list[Node], resolve: Resolve) -> str:
    """A collapsed list (participants, TOC); its title links to the list as a whole."""
    if not nodes:
        return ""
    rows = "".join(f"<li>{entry(n.path, n.caption, resolve)}</li>" for n in nodes)
    head = entry(path, f"{title} ({len(nodes)})", resolve)
    return f"<details><summary>{head}</summary><ul>{rows}</ul></details>"


def _items(items: list[Node], resolve: Resolve) -> str:
    if not items:
        return '<h2>Items</h2><p class="note">no items were found</p>'
    out = []
    for node in items:
        kids = "".join(f"<li>{entry(k.path, k.caption, resolve, f'k-{k.category}')}</li>"
                       for k in sorted(node.children, key=lambda k: k.order))
        head = entry(node.path, node.caption, resolve)
        out.append(f"<details open><summary>{head}</summary><ul>{kids}</ul></details>"
                   if kids else f"<div>{head}</div>")
    return f"<h2>Items ({len(items)})</h2>" + "".join(out)


def _issue_place(meeting: Meeting, k: int, resolve: Resolve) -> str | None:
    issue = meeting.issues[k]
    target = resolve(f"issues[{k}]")
    if target is None and issue.position is not None:
        target = resolve(f"items[{issue.position - 1}]")
    if target is None and issue.item is not None:
        for i, item in enumerate(meeting.items):
            if item.number == issue.item:
                target = resolve(f"items[{i}]")
                break
    return target


def _issues(meeting: Meeting, resolve: Resolve) -> str:
    if not meeting.issues:
        return '<h2>Issues</h2><p class="note">none</p>'
    rows = []
    for k, issue in enumerate(meeting.issues):
        target = _issue_place(meeting, k, resolve)
        where = (f' <a href="#{target}" data-path="issues[{k}]">→ location</a>' if target
                 else ' <span class="nolink">(no location)</span>')
        rows.append(f'<li><span class="sev-{issue.severity}">{issue.severity}</span> '
                    f"<code>{escape(issue.code)}</code> {escape(issue.message)}{where}</li>")
    return f"<h2>Issues ({len(meeting.issues)})</h2><ul>" + "".join(rows) + "</ul>"


def _unplaced(marks: list[Mark]) -> str:
    lost = [m for m in marks if m.category == "unplaced"]
    if not lost:
        return ""
    rows = "".join(f'<li><a href="#b-{m.index}">{escape(m.block.text[:120])}</a></li>'
                   for m in lost)
    return f"<h2>Unplaced blocks ({len(lost)})</h2><ul>{rows}</ul>"


def side_panel(meeting: Meeting, nodes: list[Node], marks: list[Mark], resolve: Resolve,
               heading: str, notes: list[str]) -> str:
    by_kind: dict[str, list[Node]] = {"participants": [], "toc": [], "item": []}
    for n in nodes:
        by_kind.setdefault(n.category, []).append(n)
    src = meeting.source
    meta = (f"{src.format}" + (f", {src.pages} pages" if src.pages else "")
            + f", {len(marks)} blocks, {len(meeting.items)} items, {len(meeting.issues)} issues")
    warn = "".join(f'<p class="warn">{escape(n)}</p>' for n in notes)
    return (
        '<aside><div id="info"><span class="note">Click a box or a highlighted line: its '
        "label, the rule that chose it and the field it ended in show here.</span></div>"
        f'<h1>{escape(heading)}</h1><div class="meta">{escape(meta)}</div>{warn}'
        + _header(meeting, resolve)
        + _group("Participants", "participants", by_kind["participants"], resolve)
        + _group("Table of contents", "toc", by_kind["toc"], resolve)
        + _items(by_kind["item"], resolve)
        + _issues(meeting, resolve)
        + _unplaced(marks)
        + _legend(marks, nodes)
        + "</aside>")
