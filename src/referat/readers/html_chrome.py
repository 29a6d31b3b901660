"""Which HTML elements are page chrome (menus, banners, buttons) rather than document content.

Judged per element, from its tag, its ARIA role and the words in its class and id. Containers that
hold real content are protected: a ``<form>`` wrapping the whole page (ASP.NET sites do this) or a
``<button>`` wrapping an item heading (collapsible agendas) is kept, and class words only count on
elements with little text, so a ``<body class="has-navbar">`` never empties the document.

Three elements that are usually chrome can hold the document itself: a ``<nav>`` whose links
mostly lead within the page (three or more ``href="#..."``) is the page's contents; a
``<header>`` holding a definition list, a table, a ``<time>``, or a heading with more text
beside it, in text that is not mostly links, is the meeting's header, unless the page marks its
content with ``<main>`` or ``<article>`` (then headers outside it are the site's) or the header
is ``role="banner"``.

Chrome is not deleted: :func:`chrome_kind` says ``chrome`` (or ``hidden`` for ``aria-hidden``)
and the reader keeps its text on the furniture layer. Elements that never show text as such
(scripts, styles, inputs, media) are ``skip``: read no further.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from selectolax.lexbor import LexborNode


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_TAGS = _words(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul legend"
)

# Never content, and no text a reader of the page sees as text.
ALWAYS_DROP = _words(
    "script style noscript template svg canvas iframe object embed head title meta link input "
    "audio video map area"
)
# Never content, but visible text: kept as chrome furniture.
ALWAYS_CHROME = _words("select option textarea")
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
_HEADER_FIELDS = "dl,table,time"
_HEADINGS = "h1,h2,h3,h4,h5,h6"
_HEADER_CHROME = "form,nav,button,select"
_MIN_CONTENTS_LINKS = 3
_PROTECTED = frozenset(("html", "body", "main", "article"))
_MAX_CHROME_TEXT = 3000


def chrome_kind(node: LexborNode, tag: str, in_main: bool, has_main: bool = False) -> str:
    """``""`` for content, :data:`SKIP` for elements read no further, else the furniture kind
    (:data:`CHROME`, :data:`HIDDEN`) the element's text is kept under. ``has_main``: the page
    has a ``<main>`` or ``<article>``."""
    if tag in ALWAYS_DROP:
        return SKIP
    if tag in ALWAYS_CHROME:
        return CHROME
    attrs = node.attributes
    if attrs.get("aria-hidden") == "true":
        return HIDDEN
    if tag in DROP_UNLESS_CONTENT:
        return "" if node.css_first(_CONTENT) is not None else CHROME
    if tag == "nav":
        return "" if _is_contents(node) else CHROME
    if tag in PAGE_FRAME and not in_main:
        return "" if tag == "header" and not has_main and _is_meeting_header(node) else CHROME
    if tag in _PROTECTED:
        return ""
    role = attrs.get("role")
    if role and role.strip().lower() in CHROME_ROLES:
        return "" if node.css_first(_CONTENT) is not None else CHROME
    if _chrome_names(attrs.get("class") or "", attrs.get("id") or ""):
        return CHROME if len(node.text(deep=True)) < _MAX_CHROME_TEXT else ""
    return ""


def _named_chrome(node: LexborNode) -> bool:
    attrs = node.attributes
    return _chrome_names(attrs.get("class") or "", attrs.get("id") or "")


@lru_cache(maxsize=4096)
def _chrome_names(classes: str, ident: str) -> bool:
    """Whether a class or id word names chrome (pages repeat the same few class strings)."""
    names = f"{classes} {ident}".lower()
    return bool(names.strip()) and not CHROME_WORDS.isdisjoint(_WORD.split(names))


def _is_contents(nav: LexborNode) -> bool:
    """A ``<nav>`` of links within the page (a table of contents), not a site menu."""
    hrefs = [a.attributes.get("href") or "" for a in nav.css("a[href]")]
    inner = sum(1 for h in hrefs if len(h) > 1 and h.startswith("#"))
    return inner >= _MIN_CONTENTS_LINKS and 3 * inner >= 2 * len(hrefs) and \
        not _named_chrome(nav)


def _is_meeting_header(header: LexborNode) -> bool:
    """A ``<header>`` that heads the document, not a site banner: label/value pairs or a date,
    or a heading with more text beside it (a site header's lone heading is the site's name),
    in text that is not mostly links."""
    if (header.attributes.get("role") or "").strip().lower() == "banner" or \
            _named_chrome(header):
        return False
    text = _letters(header)
    links = sum(_letters(a) for a in header.css("a"))
    if not text or 2 * links >= text:
        return False
    if header.css_first(_HEADER_FIELDS) is not None:
        return True
    headings = header.css(_HEADINGS)
    aside = sum(_letters(n) for n in header.css(_HEADER_CHROME))
    return bool(headings) and text - sum(_letters(h) for h in headings) - links - aside >= 3


def _letters(node: LexborNode) -> int:
    return len("".join(node.text(deep=True).split()))
