"""Read articles from folders, files (.txt .md .html .json .jsonl, optionally .gz) or stdin."""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from summarizer.errors import InputError
from summarizer.ingest.html import extract_html
from summarizer.ingest.plain import split_title
from summarizer.ingest.records import record_to_article
from summarizer.types import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> list[Article]:
    """All articles named by ``paths``, numbered in order; raise InputError on bad input."""
    if not paths:
        raise InputError("no input given: name a folder, files, or - for stdin")
    articles: list[Article] = []
    for path in paths:
        articles.extend(read_one(path, stdin or sys.stdin))
    if not articles:
        raise InputError(f"no articles found in {', '.join(paths)}")
    return [dataclasses.replace(article, id=index) for index, article in enumerate(articles)]


def read_one(path: str, stdin: TextIO) -> Iterator[Article]:
    """The articles of one command-line argument: stdin, a folder or a file."""
    if path == STDIN:
        yield from parse_text(stdin.read(), "<stdin>", "")
        return
    target = Path(path)
    if not target.exists():
        raise InputError(f"{path}: no such file or folder")
    if target.is_dir():
        files = folder_files(target)
        if not files:
            raise InputError(f"{path}: the folder holds no articles ({', '.join(SUPPORTED)})")
        for file in files:
            yield from read_file(file)
        return
    yield from read_file(target)


def folder_files(folder: Path) -> list[Path]:
    """Supported files below ``folder`` (recursively, hidden ones skipped), sorted by path."""
    return sorted(
        file for file in folder.rglob("*") if file.is_file() and kind_of(file) and not any(part.startswith(".") for part in file.relative_to(folder).parts)
    )


def kind_of(file: Path) -> str:
    """The reader for a file, by suffix (a trailing .gz is looked through), or ''."""
    name = file.name.lower().removesuffix(".gz")
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("json", JSON_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return ""


def read_file(file: Path) -> Iterator[Article]:
    """The articles of one file, read by its suffix (unknown suffixes are read as text)."""
    raw = decode(file)
    kind = kind_of(file) or "text"
    yield from parse(raw, kind, str(file), str(file))


def decode(file: Path) -> str:
    """The file's text as UTF-8; a binary file or a directory is an InputError."""
    try:
        data = file.read_bytes()
        if file.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise InputError(f"{file}: cannot read ({error.__class__.__name__}: {error})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{file}: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{file}: not a UTF-8 text file") from None


def parse_text(raw: str, where: str, path: str) -> Iterator[Article]:
    """Read text whose format is unknown (stdin): JSON, JSONL, HTML or plain text."""
    head = raw.lstrip()[:1]
    if head == "[":
        kind = "json"
    elif head == "{":
        kind = "jsonl" if len(raw.strip().splitlines()) > 1 and not is_single_json(raw) else "json"
    elif head == "<":
        kind = "html"
    else:
        kind = "text"
    yield from parse(raw, kind, where, path)


def is_single_json(raw: str) -> bool:
    """True when the whole text is one JSON value."""
    try:
        json.loads(raw)
    except json.JSONDecodeError:
        return False
    return True


def parse(raw: str, kind: str, where: str, path: str) -> Iterator[Article]:
    """Dispatch to the reader of ``kind``."""
    if not raw.strip():
        raise InputError(f"{where}: the article is empty")
    if kind == "json":
        yield from parse_json(raw, where, path)
    elif kind == "jsonl":
        yield from parse_jsonl(raw, where, path)
    elif kind == "html":
        yield record_to_article(extract_html(raw, where), where, path)
    else:
        title, body, published = split_title(raw)
        if not body.strip():
            raise InputError(f"{where}: the article is empty")
        yield Article(id=0, text=body, title=title, published=published, path=path, ref=Path(path).name if path else "")


def parse_json(raw: str, where: str, path: str) -> Iterator[Article]:
    """A JSON file: one record, a list of records, or ``{"articles": [...]}``."""
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON (line {error.lineno}: {error.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{where}: the JSON holds no articles")
    for number, record in enumerate(records, start=1):
        label = f"{where}: record {number}" if len(records) > 1 else where
        yield record_to_article(record, label, path)


def parse_jsonl(raw: str, where: str, path: str) -> Iterator[Article]:
    """A JSONL file: one record a line; a malformed line is an error naming the line."""
    found = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}:{number}: malformed JSON line ({error.msg})") from None
        found = True
        yield record_to_article(record, f"{where}:{number}", path)
    if not found:
        raise InputError(f"{where}: the file holds no articles")
