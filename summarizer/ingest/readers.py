"""Read articles from folders, files (.txt .md .html .json .jsonl, optionally .gz) or stdin.

A file that cannot be read among good ones is skipped and named (``Reading.skipped``);
only when nothing usable remains is it an error. ``strict`` makes every skip an error.
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from summarizer.errors import InputError
from summarizer.ingest.decoding import decode_bytes
from summarizer.ingest.documents import docx_article, pdf_article
from summarizer.ingest.feeds import is_feed, read_feed
from summarizer.ingest.folders import SUPPORTED, as_skipped, identity, kind_of, missing_reason, shown, walk
from summarizer.ingest.html import extract_html
from summarizer.ingest.jsonl import checked_item, jsonl_records, parse_json, string_lines
from summarizer.ingest.limits import Limits
from summarizer.ingest.plain import front_matter, split_title
from summarizer.ingest.records import BadInput, record_to_article
from summarizer.ingest.sniff import binary_kind, head_of, sniff_kind, text_kind
from summarizer.ingest.streams import STREAM_ERRORS, TooLarge, file_lines, open_bytes, read_capped, stream_error, unpack_bytes
from summarizer.ingest.tables import read_table
from summarizer.ingest.warc import WarcTally, warc_articles
from summarizer.types import Article, Skipped

STDIN = "-"
STDIN_NAME = "<stdin>"
URL = re.compile(r"^(https?://|ftp://|www\.)", re.IGNORECASE)
URL_REASON = "URLs are not fetched; save the page and pass the file"
NEWLINES = re.compile(r"\r\n?")
SHOWN_SKIPS = 3
UNFORESEEN = (OSError, EOFError, zlib.error, ValueError, LookupError, RecursionError)
WHOLE_FILE_KINDS = ("json", "feed", "csv", "tsv", "pdf", "docx")  # one file, many articles (or a binary document)


@dataclass(frozen=True)
class Reading:
    """The articles read (numbered in order) and the inputs skipped, each with why."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()


def read_inputs(
    paths: Sequence[str],
    stdin: IO[bytes] | IO[str] | None = None,
    strict: bool = False,
    limits: Limits = Limits(),
    columns: Mapping[str, str] | None = None,
) -> Reading:
    """All articles named by ``paths`` ('-' is stdin); bad inputs are skipped and named, or fatal when ``strict``;
    ``columns`` names a table's columns by field (``{"text": "story"}``, from ``--columns``).

    Raise InputError when ``paths`` is empty or no article could be read.
    """
    if not paths:
        raise InputError("no input given: name a folder, files, or - for stdin")
    reader = Reader(limits, strict, columns)
    for given in paths:
        reader.argument(given, stdin)
    if not reader.articles:
        raise nothing_read(paths, reader.skipped)
    articles = tuple(dataclasses.replace(article, id=index) for index, article in enumerate(reader.articles))
    return Reading(articles, tuple(reader.skipped))


def read_path(path: Path, limits: Limits = Limits()) -> list[Article]:
    """The articles of one file or folder (numbered from 0); any problem is an InputError naming it."""
    reader = Reader(limits, strict=True)
    reader.target(Path(path), str(path))
    if not reader.articles:
        raise nothing_read([str(path)], reader.skipped)
    return [dataclasses.replace(article, id=index) for index, article in enumerate(reader.articles)]


def nothing_read(paths: Sequence[str], skipped: Sequence[Skipped]) -> InputError:
    """The error when no article could be read: the one reason, or the skipped inputs in short."""
    if len(skipped) == 1:
        return BadInput(skipped[0].path, skipped[0].reason)
    named = "; ".join(f"{item.path}: {item.reason}" for item in skipped[:SHOWN_SKIPS])
    more = f"; and {len(skipped) - SHOWN_SKIPS} more" if len(skipped) > SHOWN_SKIPS else ""
    inputs = ", ".join(shown(path) for path in paths[:SHOWN_SKIPS]) + (", ..." if len(paths) > SHOWN_SKIPS else "")
    return InputError(f"no articles found in {inputs}" + (f": {len(skipped)} inputs skipped ({named}{more})" if skipped else ""))


class Reader:
    """Collects the articles and the skipped inputs of one run; remembers files already read."""

    def __init__(self, limits: Limits, strict: bool, columns: Mapping[str, str] | None = None) -> None:
        self.limits = limits
        self.strict = strict
        self.columns = columns
        self.articles: list[Article] = []
        self.skipped: list[Skipped] = []
        self.seen: dict[tuple[int, int], str] = {}
        self.stdin_read = False

    def skip(self, where: str, reason: str) -> None:
        """Note an input that is not read (an error when strict)."""
        if self.strict:
            raise BadInput(where, reason)
        self.skipped.append(Skipped(where, reason))

    def argument(self, given: str, stdin: IO[bytes] | IO[str] | None) -> None:
        """One command-line argument: stdin, a folder or a file."""
        if given == STDIN:
            if self.stdin_read:
                self.skip(STDIN_NAME, "stdin was given twice; read once")
                return
            self.stdin_read = True
            self.take(STDIN_NAME, lambda: read_stdin(stdin, self.limits))
            return
        self.target(Path(given), given)

    def target(self, path: Path, given: str) -> None:
        """A path named by the user: a folder, or a file of any name (unknown suffixes are read as text)."""
        reason = missing_reason(path)
        if reason:
            self.skip(shown(given), URL_REASON if URL.match(given) and not path.is_symlink() else reason)
        elif path.is_dir():
            self.folder(path)
        else:
            self.file(path)

    def folder(self, folder: Path) -> None:
        """Every supported file below ``folder``; every other one is named with why."""
        entries = walk(folder)
        if not any(not reason for _, reason in entries):
            self.skip(shown(folder), f"the folder holds no articles ({' '.join(SUPPORTED)})")
        for path, reason in entries:
            if reason:
                skipped = as_skipped(path, reason)
                self.skip(skipped.path, skipped.reason)
            else:
                self.file(path)

    def file(self, file: Path) -> None:
        """One file, read once however often it is named (directly, via a folder, or through a symlink)."""
        where = shown(file)
        try:
            key = identity(file)
        except OSError as error:
            self.skip(where, missing_reason(file) or stream_error(error))
            return
        if key in self.seen:
            first = self.seen[key]
            self.skip(where, "named twice; read once" if first == where else f"the same file as {first}; read once")
            return
        self.seen[key] = where
        tally = WarcTally()
        self.take(where, lambda: read_file(file, self.limits, self.columns, tally))
        if tally.summary():  # a web archive's requests, redirects and non-HTML records: a count, not an error
            self.skipped.append(Skipped(where, tally.summary()))

    def take(self, where: str, items: Any) -> None:
        """Keep the articles of ``items()`` and skip its bad records; a failure of the whole input skips it."""
        try:
            for item in items():
                if isinstance(item, BadInput):
                    self.skip(item.where, item.reason)
                else:
                    self.articles.append(item)
        except BadInput as error:
            self.skip(error.where, error.reason)
        except UNFORESEEN as error:
            self.skip(where, f"cannot read it ({error.__class__.__name__}: {error})")


def read_file(file: Path, limits: Limits, columns: Mapping[str, str] | None = None, tally: WarcTally | None = None) -> Iterator[Article | BadInput]:
    """The articles of one file, by what its first bytes show it is (PDF, DOCX, WARC, a feed, a table, JSON) or else
    by its suffix (unknown suffixes as text); bad records come as BadInput items."""
    where = shown(file)
    kind = binary_kind(head_of(file)) or kind_of(file) or "text"
    if kind == "warc":
        yield from warc_articles(file, where, tally if tally is not None else WarcTally())
        return
    if kind == "jsonl":
        yield from jsonl_records(file_lines(file, limits), where, where, limits)
        return
    whole = limits.max_file if kind in WHOLE_FILE_KINDS else min(limits.max_file, limits.max_article)
    data = read_whole(file, whole, where, too_large_message(kind, limits))
    if kind in ("pdf", "docx"):
        yield (pdf_article if kind == "pdf" else docx_article)(bytes(data), where, where)
        return
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        raise BadInput(where, str(error)) from None
    for item in parse(text, text_kind(text, kind), where, where, limits, columns):
        yield item if isinstance(item, BadInput) else dataclasses.replace(item, encoding=encoding)


def too_large_message(kind: str, limits: Limits) -> str:
    """What to say when a whole-file read passes its cap."""
    if kind in WHOLE_FILE_KINDS or limits.max_file < limits.max_article:
        return f"the file is {limits.file_exceeded()}"
    return limits.article_exceeded("the file (one article)")


def read_whole(file: Path, cap: int, where: str, message: str) -> bytes:
    """The file's bytes, decompressed when gzip, at most ``cap`` of them; BadInput when it cannot be."""
    try:
        with open_bytes(file) as stream:
            return read_capped(stream, cap, message)
    except TooLarge as error:
        raise BadInput(where, str(error)) from None
    except STREAM_ERRORS as error:
        raise BadInput(where, stream_error(error)) from None


def read_stdin(stdin: IO[bytes] | IO[str] | None, limits: Limits) -> Iterator[Article | BadInput]:
    """Articles from stdin, read as bytes (gzip looked through) and decoded like a file."""
    message = f"stdin is {limits.file_exceeded()}"
    try:
        data = unpack_bytes(stdin_bytes(stdin, limits.max_file, message), limits.max_file, message)
    except TooLarge as error:
        raise BadInput(STDIN_NAME, str(error)) from None
    except STREAM_ERRORS as error:
        raise BadInput(STDIN_NAME, stream_error(error)) from None
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        raise BadInput(STDIN_NAME, str(error)) from None
    for item in parse(text, text_kind(text, sniff_kind(text)), STDIN_NAME, "", limits):
        yield item if isinstance(item, BadInput) else dataclasses.replace(item, encoding=encoding)


def stdin_bytes(stdin: IO[bytes] | IO[str] | None, cap: int, message: str) -> bytes:
    """At most ``cap`` bytes of stdin (its binary buffer; a text stream given by a caller is encoded as UTF-8)."""
    source: Any = stdin if stdin is not None else sys.stdin
    if source is None:
        raise BadInput(STDIN_NAME, "stdin is closed; pass the articles as files, or pipe them in")
    source = getattr(source, "buffer", source)
    if isinstance(source, io.TextIOBase):
        text = source.read(cap + 1)
        if len(text) > cap:
            raise TooLarge(message)
        return text.encode("utf-8", "surrogatepass")
    return read_capped(source, cap, message)


def parse(raw: str, kind: str, where: str, path: str, limits: Limits, columns: Mapping[str, str] | None = None) -> Iterator[Article | BadInput]:
    """Dispatch decoded text to the reader of ``kind``."""
    if not raw.strip():
        raise BadInput(where, "the file is empty" if not raw else "the article is empty (only whitespace)")
    if kind == "feed":
        if not is_feed(raw):
            raise BadInput(where, "XML, but not an RSS or Atom feed: save the page as .html, or pass the feed itself")
        yield from (checked_item(item, limits) for item in read_feed(raw, where, path))
    elif kind in ("csv", "tsv"):
        yield from (checked_item(item, limits) for item in read_table(raw, where, path, "\t" if kind == "tsv" else "", columns))
    elif kind == "json":
        yield from parse_json(raw, where, path, limits)
    elif kind == "jsonl":
        yield from jsonl_records(string_lines(raw, limits), where, path, limits)
    elif kind == "html":
        yield record_to_article(extract_html(raw, where), where, path)
    else:
        yield plain_article(raw, where, path)


def ref_of(path: str) -> str:
    """An article's ref when its file names it: the file name."""
    return Path(path).name if path else ""


def plain_article(raw: str, where: str, path: str) -> Article:
    """A text or Markdown article, its line endings made \\n: its front matter gives its title, source, URL and date
    (``plain.front_matter``); else the first line is its title when it looks like one."""
    meta, text = front_matter(NEWLINES.sub("\n", raw))
    title, body, published = split_title(text)
    if meta.get("title"):
        title, body = meta["title"], text
    if not body.strip():
        raise BadInput(where, "the article is empty (a title line and no text)")
    published = meta.get("published") or published
    return Article(id=0, text=body, title=title, source=meta.get("source", ""), url=meta.get("url", ""), published=published, path=path, ref=ref_of(path))
