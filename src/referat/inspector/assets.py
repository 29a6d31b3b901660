"""The report's stylesheet and script, inline: no network, no external fonts or scripts."""

from __future__ import annotations

from .marks import CATEGORIES

_BASE_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:grid;grid-template-columns:minmax(0,1fr) 400px;height:100vh;color:#1f2328;
 background:#eaeef2;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{overflow:auto;padding:12px 24px}
aside{overflow:auto;border-left:1px solid #d0d7de;background:#fff;padding:0 14px 24px}
h1{font-size:16px;margin:12px 0 4px;word-break:break-all}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;
 margin:18px 0 6px;border-bottom:1px solid #d0d7de}
.meta,.note{color:#57606a;font-size:12px}
.warn{background:#fff8c5;border:1px solid #d4a72c;padding:6px 8px;margin:8px 0;font-size:12px}
.page{margin:0 auto 28px;max-width:900px}
.pagehead{font-size:12px;color:#57606a;margin:4px 0}
.sheet{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);width:100%}
.sheet img{display:block;position:absolute;inset:0;width:100%;height:100%}
.box,.nbox{position:absolute}
.box{cursor:pointer;z-index:1}
.nbox{pointer-events:none;z-index:2;border:2px solid var(--c)}
.nbox.c-section,.nbox.c-toc,.nbox.c-participants,.nbox.c-attachment{border-style:dashed}
.nbox.final{border:3px double var(--c)}
.nbox.c-issue{border:2px dotted var(--c)}
.tag{position:absolute;left:-2px;bottom:100%;font-size:10px;line-height:12px;padding:0 3px;
 background:var(--c);color:#fff;white-space:nowrap;border-radius:2px 2px 0 0;
 pointer-events:auto;cursor:pointer}
.nbox:not(.c-item) .tag{left:auto;right:-2px}
.nbox.c-decision .tag,.nbox.c-issue .tag{bottom:auto;top:100%;border-radius:0 0 2px 2px}
.box.c-unplaced,.blk.c-unplaced{outline:2px solid #d1242f;box-shadow:0 0 0 4px rgba(209,36,47,.35);
 z-index:3}
.box.c-furniture,.blk.c-furniture{background:repeating-linear-gradient(45deg,
 rgba(110,119,129,.28) 0 3px,transparent 3px 7px)}
.hl{outline:3px solid #fb8500 !important;outline-offset:1px;z-index:4}
aside .hl{background:#ffe8cc}
.box:target,.nbox:target,.blk:target,li:target{animation:flash 1.6s ease-out}
@keyframes flash{0%{box-shadow:0 0 0 8px #fb8500}100%{box-shadow:0 0 0 0 transparent}}
.unboxed{background:#fff;margin:6px 0 0;padding:6px 10px 6px 34px;font-size:12px}
.unboxed li{margin:1px 0;cursor:pointer}
pre.src{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:16px;margin:0 auto;
 max-width:1000px;box-shadow:0 1px 4px rgba(0,0,0,.3);
 font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.gap{color:#8c959f}
.elided{color:#8c959f;font-style:italic}
.blk{cursor:pointer;border-radius:2px}
ol.blocks{background:#fff;max-width:1000px;margin:0 auto;padding:12px 12px 12px 60px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);font:13px/1.55 ui-monospace,Menlo,Consolas,monospace}
ol.blocks li{white-space:pre-wrap;overflow-wrap:anywhere}
#info{position:sticky;top:0;background:#fffbe6;border:1px solid #d4a72c;border-top:0;
 padding:6px 8px;font-size:12px;margin:0 -14px 4px;min-height:3.2em;z-index:5}
#info dt{font-weight:600;float:left;clear:left;width:4.5em}
#info dd{margin:0 0 0 5em;overflow-wrap:anywhere}
.legend label{display:block;font-size:12px;cursor:pointer}
.chip{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;
 margin-right:5px;background:var(--c)}
dl.fields{display:grid;grid-template-columns:auto 1fr;gap:1px 10px;margin:0;font-size:13px}
dl.fields dt{color:#57606a}
dl.fields dd{margin:0}
aside ul{list-style:none;margin:2px 0;padding-left:14px;font-size:12.5px}
aside details>ul{border-left:1px solid #d0d7de;margin-left:5px}
aside summary{font-size:13px;cursor:pointer}
aside a{color:#0550ae;text-decoration:none}
aside a:hover{text-decoration:underline}
.nolink{color:#57606a}
.sev-error,.sev-warning{color:#d1242f;font-weight:600}
.sev-info{color:#57606a}
"""


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def stylesheet() -> str:
    """The base CSS plus a rule set per colour category."""
    rules = [_BASE_CSS]
    for cat, (colour, _) in CATEGORIES.items():
        fill = 0.06 if cat == "body" else 0.22
        rules.append(f".c-{cat}{{--c:{colour}}}"
                     f".box.c-{cat}{{background-color:{_rgba(colour, fill)};"
                     f"border:1px solid {_rgba(colour, 0.25 if cat == 'body' else 0.8)}}}"
                     f".blk.c-{cat}{{background-color:{_rgba(colour, fill)}}}"
                     f"body.hide-{cat} .box.c-{cat},body.hide-{cat} .nbox.c-{cat}"
                     f"{{display:none}}"
                     f"body.hide-{cat} .blk.c-{cat}"
                     "{background:none;outline:none;box-shadow:none}")
    return "\n".join(rules)


SCRIPT = r"""
(function () {
  "use strict";
  var info = document.getElementById("info");
  function clearHl() {
    document.querySelectorAll(".hl").forEach(function (e) { e.classList.remove("hl"); });
  }
  function row(dl, name, value) {
    if (!value) { return; }
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = name; dd.textContent = value; dl.appendChild(dt); dl.appendChild(dd);
  }
  function entry(path) {
    return document.querySelector('aside [data-path="' + path + '"]');
  }
  function show(el) {
    clearHl();
    el.classList.add("hl");
    var dl = document.createElement("dl");
    row(dl, "label", el.dataset.label);
    row(dl, "rule", el.dataset.rule);
    (el.dataset.nodes || "").split(" ").filter(Boolean).forEach(function (path) {
      var e = entry(path);
      row(dl, "field", path + (e ? " \u2013 " + e.textContent : ""));
      if (e) { e.classList.add("hl"); e.scrollIntoView({block: "nearest"}); }
    });
    row(dl, "where", el.dataset.where);
    row(dl, "text", el.dataset.text || (el.title || "").split("\n").slice(1).join("\n"));
    info.replaceChildren(dl);
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var tag = t.closest(".tag");
    var el = tag ? tag.parentElement : t.closest("main [data-label]");
    if (el) { show(el); return; }
    var a = t.closest("aside a[data-path]");
    if (a) {
      clearHl();
      a.classList.add("hl");
      document.querySelectorAll('main [data-nodes~="' + a.dataset.path + '"]').forEach(
        function (e) { e.classList.add("hl"); });
    }
  });
  document.querySelectorAll(".legend input").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.cat, !box.checked);
    });
  });
  document.body.dataset.ready = "1";
})();
"""
