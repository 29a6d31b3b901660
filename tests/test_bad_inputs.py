"""A table of bad inputs, each with the error type it must raise or the issue code it must give.

Every error names the input (the file name) and says why in plain words; nothing but a
``ReferatError`` escapes ``referat.parse``. Resource limits are checked quickly and without
reading huge inputs into memory.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest

import referat
import referat.api
from referat.errors import (
    CorruptPDFError,
    EmptyInputError,
    EncryptedPDFError,
    InputNotFoundError,
    InputUnreadableError,
    InternalError,
    NoTextLayerError,
    ReferatError,
    TooLargeError,
    UnsupportedFormatError,
)
from referat.limits import Limits
from referat.readers import read
from referat.readers._longlines import MAX_LINE

SAMPLES = Path(__file__).parent / "samples"
AARHUS_PDF = SAMPLES / "pdf" / "aarhus-byraad-2025-08-27.pdf"

MINUTES = """Referat
Økonomiudvalget
Mødedato: 3. marts 2024 kl. 16.00
Mødested: Rådhuset, mødelokale 1

1. Godkendelse af dagsorden – åbent punkt
Beslutning
Godkendt. Søren Ærø var fraværende.

2. Budgetopfølgning for børneområdet
Beslutning
Taget til efterretning.
"""

LETTER = """Kære Jens Hansen

Tak for dit brev af 3. marts 2024 om fliserne på Åboulevarden.
Vi har sendt sagen videre til Teknik og Miljø, som vender tilbage inden for 14 dage.

Med venlig hilsen
Borgerservice
"""

INVOICE = """FAKTURA
Faktura nr. 2024-118
Fakturadato: 05.04.2024

Beskrivelse\tAntal\tPris
Kaffe til mødet\t12\t240,00 kr.
Wienerbrød\t12\t180,00 kr.
I alt\t\t420,00 kr.

Betales senest 30 dage netto til konto 1234-5678901.
"""


# --- builders: each takes tmp_path and returns the input to parse ------------------------------

Builder = Callable[[Path], "str | bytes | Path"]


def _file(name: str, data: bytes) -> Builder:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path
    return build


def _random(n: int, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(n)


def _fpdf(lines: list[str], **encrypt: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    if encrypt:
        pdf.set_encryption(**encrypt)  # type: ignore[arg-type]
    return bytes(pdf.output())


def _image_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        img.putpixel((x, 50), (0, 0, 0))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=100)
    return bytes(pdf.output())


def _zip(docx: bool) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if docx:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", "<w:document><w:body>Referat</w:body></w:document>")
        else:
            z.writestr("referat.txt", MINUTES)
    return buf.getvalue()


def _sparse(name: str, size: int) -> Builder:
    def build(tmp: Path) -> Path:
        path = tmp / name
        with path.open("wb") as f:
            f.truncate(size)  # sparse: instant, no disk used
        return path
    return build


def _half_pdf(tmp: Path) -> Path:
    data = AARHUS_PDF.read_bytes()
    path = tmp / "afskåret.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def _directory(tmp: Path) -> Path:
    (tmp / "mappe.pdf").mkdir()
    return tmp / "mappe.pdf"


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "rør.txt")
    return tmp / "rør.txt"


def _symlink_loop(tmp: Path) -> Path:
    (tmp / "løkke.txt").symlink_to(tmp / "løkke.txt")
    return tmp / "løkke.txt"


def _unreadable(tmp: Path) -> Path:
    path = tmp / "hemmelig.txt"
    path.write_text(MINUTES, encoding="utf-8")
    path.chmod(0)
    return path


ERRORS: list[tuple[str, Builder, type[ReferatError]]] = [
    ("empty file", _file("tom.txt", b""), EmptyInputError),
    ("whitespace only", _file("blank.txt", b" \n\t\r\n   \n"), EmptyInputError),
    ("whitespace only, UTF-16", _file("blank16.txt", " \n \n".encode("utf-16")), EmptyInputError),
    ("random bytes", _file("støj.bin", _random(4096)), UnsupportedFormatError),
    ("random bytes named .pdf", _file("referat.pdf", _random(4096)), UnsupportedFormatError),
    ("PDF cut at half its length", _half_pdf, CorruptPDFError),
    ("PDF header then garbage", _file("falsk.pdf", b"%PDF-1.7\n" + _random(3000) + b"\n%%EOF\n"),
     CorruptPDFError),
    ("encrypted PDF with a user password",
     _file("låst.pdf", _fpdf(["Referat"], owner_password="ejer", user_password="bruger")),
     EncryptedPDFError),
    ("image-only PDF", _file("scanning.pdf", _image_pdf()), NoTextLayerError),
    ("ZIP renamed to .pdf", _file("arkiv.pdf", _zip(docx=False)), UnsupportedFormatError),
    ("DOCX renamed to .pdf", _file("dokument.pdf", _zip(docx=True)), UnsupportedFormatError),
    ("DOCX named .docx", _file("dokument.docx", _zip(docx=True)), UnsupportedFormatError),
    ("PNG renamed to .txt", _file("billede.txt", b"\x89PNG\r\n\x1a\n" + _random(500)),
     UnsupportedFormatError),
    ("text with NUL bytes", _file("nul.txt", b"Referat\x00\x00\x00" * 200),
     UnsupportedFormatError),
    ("200 MB text file, default limit", _sparse("kæmpe.txt", 200 * 1024 * 1024), TooLargeError),
    ("a directory", _directory, UnsupportedFormatError),
    ("a missing file", lambda tmp: tmp / "findes-ikke.pdf", InputNotFoundError),
    ("a missing file given as str", lambda tmp: str(tmp / "findes ikke.txt"), InputNotFoundError),
    ("a named pipe", _fifo, InputUnreadableError),
    ("a symbolic link to itself", _symlink_loop, InputUnreadableError),
    ("a file we cannot read", _unreadable, InputUnreadableError),
]


@pytest.mark.parametrize(("build", "error"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_bad_input_raises(tmp_path: Path, build: Builder, error: type[ReferatError]) -> None:
    if build is _unreadable and os.geteuid() == 0:
        pytest.skip("root can read any file")
    if build is _fifo and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    source = build(tmp_path)
    with pytest.raises(ReferatError) as info:
        referat.parse(source)  # type: ignore[arg-type]
    assert type(info.value) is error, str(info.value)
    name = Path(source).name if not isinstance(source, bytes) else "<bytes>"
    assert name in str(info.value)
    assert len(info.value.reason) > 10  # a reason in words, not just a class name


# --- limits ----------------------------------------------------------------------------------------


def test_200_mb_file_is_refused_by_size_without_reading_it(tmp_path: Path) -> None:
    path = _sparse("kæmpe.txt", 200 * 1024 * 1024)(tmp_path)
    with pytest.raises(TooLargeError, match="max_bytes") as info:
        referat.parse(path)
    assert "kæmpe.txt" in str(info.value) and "raise it" in str(info.value)


def test_lowered_byte_limit(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_text(MINUTES * 400, encoding="utf-8")
    with pytest.raises(TooLargeError, match=r"max_bytes.*Limits\(max_bytes=") as info:
        referat.parse(path, limits=Limits(max_bytes=100_000))
    assert "stor.txt" in str(info.value)
    assert referat.parse(path).items  # fine under the default


def test_char_limit_for_text_and_bytes() -> None:
    with pytest.raises(TooLargeError, match="max_chars"):
        referat.parse(MINUTES * 100, limits=Limits(max_chars=1000))
    with pytest.raises(TooLargeError, match="max_chars") as info:
        referat.parse((MINUTES * 100).encode("utf-16"), limits=Limits(max_chars=1000))
    assert "<bytes>" in str(info.value)


def test_a_line_of_ten_million_characters_is_cut_not_hung() -> None:
    text = MINUTES + ("y" * (MAX_LINE - 1) + " ") * 1000
    meeting = referat.parse(text)
    assert [i.number for i in meeting.items] == [1, 2]
    reader = [i for i in meeting.issues if i.code == "reader"]
    assert reader and "10,000,000 characters" in reader[0].message


def test_long_lines_are_cut_at_sentences_and_keep_their_line_number() -> None:
    sentence = "Dette er en lang sætning om budgettet. "
    doc = read("Første linje\n" + sentence * 1000 + "\nSidste", "text")
    pieces = [b for b in doc.blocks if b.line == 2]
    assert len(pieces) > 1 and all(len(b.text) <= MAX_LINE for b in pieces)
    assert all(b.text.endswith("budgettet.") for b in pieces)
    assert doc.blocks[-1].text == "Sidste" and doc.blocks[-1].line == 3
    assert doc.warnings and "line 2" in doc.warnings[0]


def _bomb_pdf(inflated_mib: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated_mib`` MiB of zero bytes.

    Deflating the same MiB of zeros again and again gives the same bytes once the window is full,
    so the stream is built from two compressed chunks in milliseconds.
    """
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    first = z.compress(chunk) + z.flush(zlib.Z_SYNC_FLUSH)
    again = z.compress(chunk) + z.flush(zlib.Z_SYNC_FLUSH)
    adler = 1
    for _ in range(inflated_mib):
        adler = zlib.adler32(chunk, adler)
    stream = (b"\x78\xda" + first + again * (inflated_mib - 1) + z.flush()
              + struct.pack(">I", adler))
    head = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n")
    obj = b"4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(stream)
    return head + obj + stream + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _many_pages_pdf(pages: int, count: int | None = None) -> bytes:
    """``pages`` page objects under one page tree whose /Count says ``count`` (default: true)."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    objs = b"".join(b"%d 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" % (n + 3)
                    for n in range(pages))
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[" + kids + b"]/Count %d>>endobj\n" % (count or pages)
            + objs + b"trailer<</Root 1 0 R>>\n%%EOF\n")


def test_pdf_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bombe.pdf"
    path.write_bytes(_bomb_pdf(64))
    assert path.stat().st_size < 200_000
    with pytest.raises(TooLargeError, match="max_decompressed") as info:
        referat.parse(path, limits=Limits(max_decompressed=16 << 20))
    assert "bombe.pdf" in str(info.value)


def test_pdf_decompression_bomb_default_limit() -> None:
    with pytest.raises(TooLargeError, match="max_decompressed"):
        referat.parse(_bomb_pdf(300))


def test_pdf_with_100000_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sider.pdf"
    path.write_bytes(_many_pages_pdf(100_000))
    with pytest.raises(TooLargeError, match="max_pages") as info:
        referat.parse(path)
    assert "sider.pdf" in str(info.value) and "100,000" in str(info.value)


def test_pdf_lying_about_its_page_count_is_refused() -> None:
    with pytest.raises(TooLargeError, match="max_pages"):
        referat.parse(_many_pages_pdf(100_000, count=1))


def test_pdf_page_limit_can_be_lowered() -> None:
    with pytest.raises(TooLargeError, match="max_pages"):
        referat.parse(_many_pages_pdf(30), limits=Limits(max_pages=10))


# --- encodings ---------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le",
             "cp1252", "latin-1"]


def _encode(text: str, enc: str) -> bytes:
    if enc == "latin-1":
        text = text.replace("–", "-")  # ISO-8859-1 has no en dash
    if enc.endswith("-bom"):
        base = enc.removesuffix("-bom")
        bom = b"\xff\xfe" if base.endswith("le") else b"\xfe\xff"
        return bom + text.encode(base)
    return text.encode(enc)


@pytest.mark.parametrize("enc", ENCODINGS)
def test_encodings_keep_danish_letters(tmp_path: Path, enc: str) -> None:
    path = tmp_path / f"referat-{enc}.txt"
    path.write_bytes(_encode(MINUTES, enc))
    meeting = referat.parse(path)
    assert [i.title for i in meeting.items][1] == "Budgetopfølgning for børneområdet"
    assert meeting.committee == "Økonomiudvalget"
    dump = meeting.model_dump_json()
    assert "Ã" not in dump and "\ufffd" not in dump
    if enc != "latin-1":
        assert "–" in meeting.items[0].title or meeting.items[0].title.startswith("Godkendelse")


def test_cp1252_punctuation_bytes_are_not_c1_controls() -> None:
    data = "Mødet – “godkendt” … 5 €".encode("cp1252")
    text = referat.api.decode_text(data, "x.txt")
    assert text == "Mødet – “godkendt” … 5 €"


def test_mostly_utf8_with_a_stray_legacy_byte_stays_utf8() -> None:
    data = ("Børneområdet og ældreområdet. " * 20).encode() + b"\xe6"
    text = referat.api.decode_text(data, "x.txt")
    assert text.startswith("Børneområdet") and text.endswith("\ufffd")


@pytest.mark.parametrize(("raw", "want"), [
    ("Linje et\r\nLinje to\r\n", ["Linje et", "Linje to"]),
    ("Linje et\rLinje to\r", ["Linje et", "Linje to"]),
    ("Ord\u00a0med\u00a0hårde\u00a0mellemrum", ["Ord med hårde mellemrum"]),
    ("Budget\u00adopfølgning", ["Budgetopfølgning"]),
    ("Nul\u200bbredde\u200c\u200d\u2060tegn\ufeff", ["Nulbreddetegn"]),
    ("Side et\n\fSide to", ["Side et", "Side to"]),
    ("Side et\fSide to", ["Side et", "Side to"]),
])
def test_invisible_and_odd_characters_are_normalised(raw: str, want: list[str]) -> None:
    doc = read(raw, "text")
    assert [b.text for b in doc.blocks] == want


def test_form_feeds_count_pages() -> None:
    doc = read("Side et\n\fSide to\fSide tre\n", "text")
    assert [b.page for b in doc.blocks] == [1, 2, 3]


# --- documents that are not minutes ------------------------------------------------------------


@pytest.mark.parametrize("text", [LETTER, INVOICE], ids=["letter", "invoice"])
def test_not_minutes_gives_no_items_issue_and_no_invented_items(tmp_path: Path,
                                                                text: str) -> None:
    path = tmp_path / "brev.txt"
    path.write_text(text, encoding="utf-8")
    meeting = referat.parse(path)
    assert meeting.items == []
    assert "no_items" in {i.code for i in meeting.issues}


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "side.txt"
    path.write_bytes((SAMPLES / "html" / "aarhus-teknisk-udvalg-2025-10-01.html").read_bytes())
    meeting = referat.parse(path)
    assert meeting.source.format == "html" and meeting.items


def test_one_line_text_with_a_slash_is_text_not_a_path() -> None:
    meeting = referat.parse("Referat af mødet 12/3 i udvalget")
    assert meeting.source.path is None and meeting.items == []


def test_lone_surrogates_in_text_become_replacement_characters() -> None:
    meeting = referat.parse(MINUTES.replace("Budgetopfølgning", "Budget\ud800opfølgning"))
    meeting.model_dump_json()  # would raise on a lone surrogate


def test_text_cannot_be_forced_to_pdf() -> None:
    with pytest.raises(UnsupportedFormatError, match="PDF"):
        referat.parse(MINUTES, format="pdf")


def test_unknown_format_name() -> None:
    with pytest.raises(UnsupportedFormatError, match="unknown format"):
        referat.parse(MINUTES, format="docx")  # type: ignore[arg-type]


# --- nothing but ReferatError escapes ------------------------------------------------------------


def _raiser(exc: BaseException) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise exc
    return fail


def _validation_error() -> Exception:
    class M(pydantic.BaseModel):
        n: int

    try:
        M(n="x")  # type: ignore[arg-type]
    except pydantic.ValidationError as exc:
        return exc
    raise AssertionError


@pytest.mark.parametrize(("exc", "error"), [
    (ValueError("boom"), InternalError),
    (KeyError("k"), InternalError),
    (IndexError("i"), InternalError),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), InternalError),
    (_validation_error(), InternalError),
    (RecursionError("deep"), TooLargeError),
    (MemoryError(), TooLargeError),
])
def test_unexpected_exceptions_are_wrapped_with_the_name(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, exc: Exception,
        error: type[ReferatError]) -> None:
    monkeypatch.setattr(referat.api, "analyse_document", _raiser(exc))
    path = tmp_path / "møde.txt"
    path.write_text(MINUTES, encoding="utf-8")
    with pytest.raises(error) as info:
        referat.parse(path)
    assert "møde.txt" in str(info.value)


def test_keyboard_interrupt_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(referat.api, "analyse_document", _raiser(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        referat.parse(MINUTES)


def test_a_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="path, bytes or str"):
        referat.parse(42)  # type: ignore[arg-type]


def test_errors_pickle_for_process_pools() -> None:
    import pickle

    err = TooLargeError("a.pdf", "too big", line=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is TooLargeError and str(back) == str(err) and back.line == 3

