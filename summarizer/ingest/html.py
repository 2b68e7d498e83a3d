"""HTML pages: the article's main text and metadata, extracted with trafilatura.

trafilatura (Barbaresi, ACL 2021) is the best-scoring open-source main-text
extractor in public benchmarks; it is imported only when an HTML page is read.
"""

from __future__ import annotations

from typing import Any

from summarizer.errors import InputError


def extract_html(html: str, where: str) -> dict[str, Any]:
    """A record ``{"title", "text", "url", "source", "published"}`` from an HTML page."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True)
    except Exception as error:  # lxml and trafilatura on a pathological page: that page is unreadable, nothing worse
        raise InputError(f"{where}: no article text could be extracted from this HTML page ({error.__class__.__name__})") from None
    if extracted is None:
        raise InputError(f"{where}: no article text found in this HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError(f"{where}: no article text found in this HTML page")
    return {
        "title": data.get("title") or "",
        "text": text,
        "url": data.get("url") or "",
        "source": data.get("sitename") or data.get("hostname") or "",
        "published": data.get("date") or "",
    }
