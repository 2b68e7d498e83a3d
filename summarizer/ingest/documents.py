"""Press releases as PDF (pypdf) or DOCX (python-docx): one file, one article, its title from the document.

A PDF's text comes from its text layer, page by page; a scanned PDF has none,
and that is said plainly (run OCR first) rather than read as an empty
article. A DOCX's text is its paragraphs; a title is the document's own
(its properties, else a first paragraph styled Title or Heading).
"""

from __future__ import annotations

import io
import re

from summarizer.ingest.records import BadInput
from summarizer.types import Article

SCANNED = "a PDF with no text layer (a scan?): run OCR first (ocrmypdf), or pass its text"
HEADING_STYLE = re.compile(r"^(Title|Heading 1)$", re.IGNORECASE)


def pdf_article(data: bytes, where: str, path: str) -> Article:
    """The text of a PDF's pages (paragraph breaks kept as lines), titled by its metadata when it has one."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes ("EOF marker not found") are not the user's concern

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BadInput(where, "an encrypted PDF: remove its password first")
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
        title = str(metadata.get("/Title") or "").strip() if metadata is not None else ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise BadInput(where, f"not a readable PDF ({error.__class__.__name__})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise BadInput(where, SCANNED)
    return Article(id=0, text=text, title=title, path=path, ref=path.rsplit("/", 1)[-1])


def docx_article(data: bytes, where: str, path: str) -> Article:
    """The paragraphs of a Word document, one a line; its title from its properties or a Title/Heading 1 first paragraph."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BadInput(where, f"not a readable DOCX ({error.__class__.__name__})") from None
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = (document.core_properties.title or "").strip()
    if paragraphs and HEADING_STYLE.match(paragraphs[0].style.name if paragraphs[0].style is not None else ""):
        title = title or paragraphs[0].text.strip()
        paragraphs = paragraphs[1:]
    text = "\n".join(p.text.strip() for p in paragraphs)
    if not text:
        raise BadInput(where, "the document has no text")
    return Article(id=0, text=text, title=title, path=path, ref=path.rsplit("/", 1)[-1])
