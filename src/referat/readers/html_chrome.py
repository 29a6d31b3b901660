"""Which HTML elements are page chrome (menus, banners, buttons) rather than document content.

Judged per element, from its tag, its ARIA role and the words in its class and id. Containers that
hold real content are protected: a ``<form>`` wrapping the whole page (ASP.NET sites do this) or a
``<button>`` wrapping an item heading (collapsible agendas) is kept, and class words only count on
elements with little text, so a ``<body class="has-navbar">`` never empties the document.

Chrome is not deleted: :func:`chrome_kind` says ``chrome`` (or ``hidden`` for ``aria-hidden``)
and the reader keeps its text on the furniture layer. Elements that never show text as such
(scripts, styles, inputs, media) are ``skip``: read no further.
"""

from __future__ import annotations

import regex
from selectolax.lexbor import LexborNode


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_TAGS = _words(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody td tfoot "
    "th thead tr ul legend"
)

# Never content, and no text a reader of the page sees as text.
ALWAYS_DROP = _words(
    "script style noscript template svg canvas iframe object embed head title meta link input "
    "audio video map area"
)
# Never content, but visible text: kept as chrome furniture.
ALWAYS_CHROME = _words("nav select option textarea")
SKIP = "skip"
CHROME = "chrome"
HIDDEN = "hidden"
# Chrome unless they hold content (headings, paragraphs, tables).
DROP_UNLESS_CONTENT = frozenset(("form", "button"))
# Site header/footer; kept inside main/article/section, where they head the content itself.
PAGE_FRAME = frozenset(("header", "footer"))

CHROME_ROLES = _words(
    "navigation banner contentinfo search menu menubar menuitem toolbar dialog alertdialog "
    "button tooltip"
)
CHROME_WORDS = _words(
    "nav navbar navigation menu menubar dropdown breadcrumb breadcrumbs cookie cookies "
    "cookiebanner cookieconsent consent gdpr modal skip skiplink skiplinks share social badge "
    "glyphicon spinner sr toolbar tooltip popover pagination pager topbar"
)
_WORD = regex.compile(r"[^a-z0-9]+")
_CONTENT = "h1,h2,h3,h4,h5,h6,p,table"
_PROTECTED = frozenset(("html", "body", "main", "article"))
_MAX_CHROME_TEXT = 3000


def chrome_kind(node: LexborNode, tag: str, in_main: bool) -> str:
    """``""`` for content, :data:`SKIP` for elements read no further, else the furniture kind
    (:data:`CHROME`, :data:`HIDDEN`) the element's text is kept under."""
    if tag in ALWAYS_DROP:
        return SKIP
    if tag in ALWAYS_CHROME:
        return CHROME
    attrs = node.attributes
    if attrs.get("aria-hidden") == "true":
        return HIDDEN
    if tag in DROP_UNLESS_CONTENT:
        return "" if node.css_first(_CONTENT) is not None else CHROME
    if tag in PAGE_FRAME and not in_main:
        return CHROME
    if tag in _PROTECTED:
        return ""
    role = attrs.get("role")
    if role and role.strip().lower() in CHROME_ROLES:
        return "" if node.css_first(_CONTENT) is not None else CHROME
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if names.strip() and not CHROME_WORDS.isdisjoint(_WORD.split(names)):
        return CHROME if len(node.text(deep=True)) < _MAX_CHROME_TEXT else ""
    return ""
