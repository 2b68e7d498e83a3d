"""JSON and JSONL articles: a record, an array of them, or one record a line, each checked (a text, within the limits)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import Any

from summarizer.ingest.limits import Limits
from summarizer.ingest.records import TEXT_FIELDS, BadInput, load_json, record_to_article, type_name
from summarizer.ingest.streams import Line
from summarizer.types import Article

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_json(raw: str, where: str, path: str, limits: Limits) -> Iterator[Article | BadInput]:
    """A JSON file: one record, a list of records, or ``{"articles": [...]}`` (JSONL saved as .json is read as JSONL)."""
    try:
        data = load_json(raw, where)
    except BadInput as error:
        if "Extra data" in error.reason and raw.lstrip().startswith("{"):
            yield from jsonl_records(string_lines(raw, limits), where, path, limits)
            return
        raise
    if isinstance(data, dict) and "articles" in data and not has_text(data):
        data = data["articles"]
        if not isinstance(data, list):
            raise BadInput(where, f"'articles' is {type_name(data)}, not a list of records")
    records = data if isinstance(data, list) else [data]
    if not records:
        raise BadInput(where, "the JSON holds no articles (an empty list)")
    for number, record in enumerate(records, start=1):
        label = f"{where}: record {number}" if isinstance(data, list) else where
        yield checked(record, label, path, limits)


def has_text(record: dict[str, Any]) -> bool:
    """True when a JSON object is itself an article (it has a text field)."""
    return any(record.get(name) not in (None, "") for name in TEXT_FIELDS)


def checked(record: Any, where: str, path: str, limits: Limits, encoding: str = "") -> Article | BadInput:
    """The Article of a JSON record, or the BadInput saying why not (an article past the size limit is one)."""
    try:
        article = record_to_article(record, where, path)
    except BadInput as error:
        return error
    if too_big(article.text, limits.max_article):
        return BadInput(where, limits.article_exceeded())
    return dataclasses.replace(article, encoding=encoding) if encoding else article


def checked_item(item: Article | BadInput, limits: Limits) -> Article | BadInput:
    """An article of a feed or table, or the BadInput saying it is past the size limit."""
    if isinstance(item, Article) and too_big(item.text, limits.max_article):
        return BadInput(item.ref or item.path, limits.article_exceeded())
    return item


def too_big(text: str, cap: int) -> bool:
    """True when ``text`` takes more than ``cap`` bytes as UTF-8."""
    return len(text) > cap or (len(text) * 4 > cap and len(text.encode("utf-8", "surrogatepass")) > cap)


def string_lines(raw: str, limits: Limits) -> Iterator[Line]:
    """The lines of decoded text (ended by \\n, \\r\\n or \\r) as Lines; a line past the article limit is a problem."""
    for number, line in enumerate(LINE_BREAK.split(raw), start=1):
        if too_big(line, limits.max_article):
            yield Line(number, None, limits.article_exceeded("the line"))
        else:
            yield Line(number, line)


def jsonl_records(lines: Iterable[Line], where: str, path: str, limits: Limits) -> Iterator[Article | BadInput]:
    """A JSONL stream: one record a line; each bad line is a BadInput naming FILE:LINE."""
    found = False
    for line in lines:
        label = f"{where}:{line.number}" if line.number else where
        if line.text is None:
            found = True
            yield BadInput(label, line.problem)
            continue
        if not line.text.strip():
            continue
        found = True
        try:
            record = load_json(line.text, label, "malformed JSON line")
        except BadInput as error:
            yield error
            continue
        yield checked(record, label, path, limits, line.encoding)
    if not found:
        raise BadInput(where, "the file holds no articles (no line with a record)")
