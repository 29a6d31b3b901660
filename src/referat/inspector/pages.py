"""PDF pages as images for the report: pypdfium2 renders, Pillow encodes JPEG.

At 90 dpi and JPEG quality 60 a page of minutes is 50-100 kB, so a 30-page report stays at a
few MB and renders in well under a second. A page that cannot be rendered is drawn blank (its
boxes are still drawn) and the report says why.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Any

SCALE = 1.25  # 90 dpi: body text stays legible
QUALITY = 60
A4 = (595.0, 842.0)


@dataclass(frozen=True, slots=True)
class PageImage:
    number: int  # 1-based
    width: float  # PDF points
    height: float
    uri: str = ""  # data: URI of the rendered page, empty when it could not be rendered


def _encode(bitmap: Any) -> str:
    image = bitmap.to_pil().convert("RGB")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def render_pages(data: bytes | None, count: int, *, scale: float = SCALE
                 ) -> tuple[list[PageImage], list[str]]:
    """Every page of the PDF in ``data`` (at most ``count``, when given), and any warnings.

    Without ``data`` (the source is not at hand) the pages are blank A4 sheets."""
    warnings: list[str] = []
    if data is None:
        return [PageImage(n, *A4) for n in range(1, count + 1)], \
            ["the source PDF is not at hand: boxes are drawn on blank pages"]
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # a PDF pdfplumber read but pdfium cannot open
        return [PageImage(n, *A4) for n in range(1, count + 1)], \
            [f"the pages could not be rendered ({type(exc).__name__}): boxes on blank pages"]
    pages = []
    try:
        total = len(pdf) if not count else min(count, len(pdf))
        for n in range(1, total + 1):
            page = pdf[n - 1]
            try:
                width, height = page.get_size()
                try:
                    uri = _encode(page.render(scale=scale))
                except Exception as exc:
                    uri = ""
                    warnings.append(f"page {n} could not be rendered ({type(exc).__name__})")
                pages.append(PageImage(n, float(width), float(height), uri))
            finally:
                page.close()
    finally:
        pdf.close()
    pages += [PageImage(n, *A4) for n in range(len(pages) + 1, count + 1)]
    return pages, warnings
