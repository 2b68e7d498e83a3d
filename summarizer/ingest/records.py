"""Turn one JSON record (a dict) into an Article, accepting the common field names and checking their types.

The names cover plain records and the JSON that news crawlers write: news-please
(``maintext``, ``date_publish``, ``source_domain``) and newspaper (``text``,
``publish_date``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from summarizer.errors import InputError
from summarizer.types import Article

TEXT_FIELDS = ("text", "body", "content", "maintext")  # maintext: news-please
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = ("source", "outlet", "site", "publisher", "source_domain")  # source_domain: news-please
DATE_FIELDS = ("published", "date", "date_publish", "publish_date", "published_at", "pubdate")  # news-please, newspaper
ID_FIELDS = ("id",)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class BadInput(InputError):
    """Input that cannot be read, with where (FILE, FILE:LINE or FILE: record N) and why kept apart."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}" if where else reason)
        self.where = where
        self.reason = reason


def type_name(value: Any) -> str:
    """A JSON value's kind in JSON's words: a number, a list, an object..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else type(value).__name__


def is_number(value: Any) -> bool:
    """True for a JSON number (not a boolean)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def first_field(record: dict[str, Any], names: tuple[str, ...], where: str, numbers: str = "") -> str:
    """The first of ``names`` that the record carries as a non-empty value, as text.

    Strings are taken as they are; numbers only when ``numbers`` says what they
    may be ('any' for dates, 'int' for ids); any other type is a BadInput naming the field.
    """
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            return LONE_SURROGATE.sub("\ufffd", value)
        if (numbers == "any" and is_number(value)) or (numbers == "int" and isinstance(value, int) and not isinstance(value, bool)):
            return str(value)
        allowed = {"any": "a string or a number", "int": "a string or an integer"}.get(numbers, "a string")
        raise BadInput(where, f"field '{name}' is {type_name(value)}, not {allowed}")
    return ""


def record_to_article(record: Any, where: str, path: str = "", article_id: int = 0) -> Article:
    """Build an Article from a JSON object; ``where`` names it in error messages (BadInput)."""
    if not isinstance(record, dict):
        raise BadInput(where, f"expected a JSON object with a 'text' field, got {type_name(record)}")
    text = first_field(record, TEXT_FIELDS, where)
    if not text.strip():
        raise BadInput(where, f"the article has no text (looked for {', '.join(TEXT_FIELDS)})")
    return Article(
        id=article_id,
        text=text,
        title=first_field(record, TITLE_FIELDS, where).strip(),
        source=first_field(record, SOURCE_FIELDS, where).strip(),
        url=first_field(record, URL_FIELDS, where).strip(),
        published=first_field(record, DATE_FIELDS, where, numbers="any").strip(),
        path=path,
        ref=first_field(record, ID_FIELDS, where, numbers="int").strip(),
    )


def load_json(raw: str, where: str, what: str = "not valid JSON") -> Any:
    """``json.loads`` whose every failure (syntax, nesting too deep, huge numbers) is a one-line BadInput."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        line = f"line {error.lineno}: " if raw.count("\n", 0, error.pos) else ""
        raise BadInput(where, f"{what} ({line}{error.msg})") from None
    except RecursionError:
        raise BadInput(where, f"{what} (nested too deeply)") from None
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        raise BadInput(where, f"{what} ({error})") from None
