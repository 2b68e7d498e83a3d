"""Spreadsheet exports (CSV and TSV): one row an article, its columns found by name, read with the csv module.

The header names the columns; each field of an article is the first column
whose name (case and spaces aside) is one of the names JSON records use
(``records.TEXT_FIELDS`` and the rest, plus ``article`` and ``story`` for
the text). ``--columns text=story_body,title=hed`` names them outright. A row
without text is skipped and named, like a bad JSONL line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from summarizer.ingest.records import DATE_FIELDS, ID_FIELDS, SOURCE_FIELDS, TEXT_FIELDS, TITLE_FIELDS, URL_FIELDS, BadInput, record_to_article
from summarizer.types import Article

FIELDS = {
    "text": (*TEXT_FIELDS, "article", "story", "article_text"),
    "title": TITLE_FIELDS,
    "url": URL_FIELDS,
    "source": SOURCE_FIELDS,
    "published": DATE_FIELDS,
    "id": ID_FIELDS,
}
SAMPLE = 64 * 1024
CELL_LIMIT = 1 << 30  # an article in one cell can be long: the article size limit applies after


def normal(name: str) -> str:
    """A column name compared by its letters: ``" Published At"`` -> ``published_at``."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def column_map(header: list[str], chosen: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index: the columns ``chosen`` names (``--columns``), else the first known name of each field."""
    position = {normal(name): index for index, name in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for field, names in FIELDS.items():
        if field in chosen:
            wanted = normal(chosen[field])
            if wanted not in position:
                raise ValueError(f"--columns names {field}={chosen[field]}, but the header has no such column ({', '.join(header)})")
            found[field] = position[wanted]
            continue
        index = next((position[name] for name in names if name in position), None)
        if index is not None:
            found[field] = index
    return found


def delimiter_of(raw: str, suffix_says: str) -> str:
    """``\\t`` for TSV, ``,`` for CSV, else what csv.Sniffer sees in the first lines (';' exports too)."""
    if suffix_says:
        return suffix_says
    try:
        return csv.Sniffer().sniff(raw[:SAMPLE], delimiters=",\t;|").delimiter
    except csv.Error:
        return ","


def looks_like_table(raw: str) -> bool:
    """True when text opens with a header row that names a text column (a ``.txt`` that holds CSV)."""
    lines = raw.lstrip("\ufeff")[:SAMPLE].splitlines()
    first = lines[0] if lines else ""
    for delimiter in (",", "\t", ";"):
        try:
            names = {normal(cell) for cell in next(csv.reader([first], delimiter=delimiter), [])}
        except csv.Error:
            return False
        if len(names) >= 2 and names & set(FIELDS["text"]):
            return True
    return False


def read_table(raw: str, where: str, path: str, delimiter: str = "", chosen: Mapping[str, str] | None = None) -> Iterator[Article | BadInput]:
    """Every row of a CSV or TSV export as an Article; the header must name a text column."""
    csv.field_size_limit(CELL_LIMIT)
    rows = csv.reader(io.StringIO(raw.lstrip("\ufeff"), newline=""), delimiter=delimiter_of(raw, delimiter))
    header = next(rows, None)
    if not header:
        raise BadInput(where, "the table is empty (no header row)")
    try:
        columns = column_map(header, chosen or {})
    except ValueError as error:
        raise BadInput(where, str(error)) from None
    if "text" not in columns:
        names = ", ".join(FIELDS["text"])
        raise BadInput(where, f"no text column in the header ({', '.join(header)}); name one {names}, or pass --columns text=NAME")
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = {field: row[index] for field, index in columns.items() if index < len(row)}
        try:
            yield record_to_article(record, f"{where}: row {number}", path)
        except BadInput as error:
            yield error
