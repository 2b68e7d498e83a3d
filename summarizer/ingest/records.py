"""Turn one JSON record (a dict) into an Article, accepting the common field names."""

from __future__ import annotations

from typing import Any

from summarizer.errors import InputError
from summarizer.types import Article

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = ("source", "site", "publisher")
DATE_FIELDS = ("published", "date")


def first_field(record: dict[str, Any], names: tuple[str, ...]) -> str:
    """The first of ``names`` that the record carries as a non-empty value, as text."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return ""


def record_to_article(record: Any, where: str, path: str = "", article_id: int = 0) -> Article:
    """Build an Article from a JSON object; ``where`` names it in error messages."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, got {type(record).__name__}")
    text = first_field(record, TEXT_FIELDS)
    if not text.strip():
        raise InputError(f"{where}: the article has no text (looked for {', '.join(TEXT_FIELDS)})")
    return Article(
        id=article_id,
        text=text,
        title=first_field(record, TITLE_FIELDS).strip(),
        source=first_field(record, SOURCE_FIELDS).strip(),
        url=first_field(record, URL_FIELDS).strip(),
        published=first_field(record, DATE_FIELDS).strip(),
        path=path,
        ref=first_field(record, ("id",)).strip(),
    )
