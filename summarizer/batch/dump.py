"""Read news dumps, keeping every problem: JSONL (plain or .gz) line by line, and every other kind ``brief`` reads.

Each file's encoding is decided once, from its BOM or its first MiB (UTF-8,
else a legacy encoding such as cp1252), and recorded on its articles. Memory
stays bounded: lines are read as they come, each at most ``max_article_size``
bytes, each file at most ``max_file_size`` bytes once decompressed; a WARC is
streamed record by record. Folders are searched for every kind of file (daily
folders of .txt or .html pages, feeds, tables, PDF, DOCX, WARC); an article
with no date of its own is dated by its folder's name when that is a date
(``2025-06-10/``), else by its dateline later, else it stays undated.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError, SummarizerError
from summarizer.ingest.folders import SUPPORTED, kind_of, shown, walk
from summarizer.ingest.limits import MAX_ARTICLE_SIZE, MAX_FILE_SIZE, Limits
from summarizer.ingest.readers import URL
from summarizer.ingest.records import load_json, record_to_article
from summarizer.ingest.streams import file_lines
from summarizer.plural import plural
from summarizer.types import Article

FOLDER_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")


@dataclass(frozen=True)
class Problem:
    """A line (or, when ``line`` is 0, a whole file) that could not be read as articles: where it is and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


@dataclass(frozen=True)
class Dump:
    """The articles of all inputs (``ref`` is the record's id, or FILE:LINE), the lines left out,
    and the lines that repeated an article already read (same id, same text)."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    duplicates: tuple[Problem, ...] = ()


def dump_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The dump files named by ``paths`` (files as given, folders searched for .jsonl(.gz) files),
    and a Problem for every other file found in those folders, with why it is not read."""
    files: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            hint = "URLs are not fetched; save the dump and pass the file" if URL.match(given) else "no such file or folder"
            raise InputError(f"{shown(given)}: {hint}")
        if not path.is_dir():
            files.append(path)
            continue
        found = 0
        for entry, reason in walk(path):
            if not reason:
                files.append(entry)
                found += 1
            else:
                problems.append(Problem(shown(entry), 0, reason))
        if not found:
            raise InputError(f"{shown(given)}: the folder holds no articles ({' '.join(SUPPORTED)})")
    return files, problems


def folder_date(file: Path) -> str:
    """The date a daily folder's name gives (``2025-06-10/`` or ``20250610/``), '' when the parent is not named so."""
    match = FOLDER_DATE.match(file.parent.name)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else ""


def file_articles(file: Path, limits: Limits) -> Iterator[Article | Problem]:
    """The articles of a file that is not JSONL (read as ``brief`` reads it), each known by its own id or URL, else by
    FILE (one article) or FILE#N, and dated by its folder when neither its metadata nor a dateline dates it; a bad
    file or record is a Problem."""
    from summarizer.dates import dateline_date
    from summarizer.ingest.readers import UNFORESEEN, read_file
    from summarizer.ingest.records import BadInput

    where, day = shown(file), folder_date(file)
    try:
        items = list(read_file(file, limits))
    except BadInput as error:
        yield Problem(where, 0, error.reason)
        return
    except UNFORESEEN as error:
        yield Problem(where, 0, f"cannot read it ({error.__class__.__name__}: {error})")
        return
    single = len(items) == 1
    for number, item in enumerate(items, start=1):
        if isinstance(item, BadInput):
            record = item.where.removeprefix(where).lstrip(": ")  # "row 3", "item 2", or '' for the whole file
            yield Problem(where, 0, f"{record}: {item.reason}" if record else item.reason)
            continue
        ref = item.ref if item.ref and item.ref != file.name else (where if single else f"{where}#{number}")
        undated = not item.published and not dateline_date(item.text)
        yield dataclasses.replace(item, ref=ref, published=day if undated else item.published)


def dump_lines(file: Path, limits: Limits = Limits()) -> Iterator[tuple[int, str | Problem, str]]:
    """(line number, line, encoding) of a dump, decompressing gzip; a line that cannot be read comes as a Problem.

    A file that cannot be read at all comes as one Problem on line 0; one that
    breaks off, or passes the file limit, ends with a Problem on the line where
    reading stopped, after every whole line before it.
    """
    for line in file_lines(file, limits):
        if line.text is None:
            yield line.number, Problem(shown(file), line.number, line.problem), ""
        else:
            yield line.number, line.text, line.encoding


def parse_line(raw: str, file: Path, number: int) -> Article:
    """One dump line as an Article; a bad line raises InputError naming FILE:LINE.

    A record without an id is known by FILE:LINE (the file as found, so two
    dumps of the same name in different folders never clash).
    """
    where = f"{shown(file)}:{number}"
    article = record_to_article(load_json(raw, where), where)
    return article if article.ref else dataclasses.replace(article, ref=where)


def read_dumps(paths: Sequence[str], strict: bool = False, max_file_size: int = MAX_FILE_SIZE, max_article_size: int = MAX_ARTICLE_SIZE) -> Dump:
    """Every article of the dumps; bad lines and files are collected (or fatal when ``strict``).

    ``max_file_size`` bounds the bytes of one file once decompressed (the rest
    of a larger file is one problem); ``max_article_size`` bounds one line.
    """
    limits = Limits(max_file_size, max_article_size)
    files, problems = dump_files(paths)
    if strict and problems:
        raise InputError(str(problems[0]))
    reading = DumpReading(strict)
    reading.problems.extend(problems)
    seen_files: dict[tuple[int, int], str] = {}
    for file in files:
        if reading.repeated_file(file, seen_files):
            continue
        if kind_of(file) != "jsonl":
            for found in file_articles(file, limits):
                if isinstance(found, Problem):
                    reading.problem(found)
                else:
                    reading.take(found, shown(file), 0, found.encoding)
            continue
        for number, line, encoding in dump_lines(file, limits):
            reading.line(file, number, line, encoding)
    if not reading.articles:
        count = len(reading.problems)
        raise InputError(f"no articles found in {', '.join(shown(p) for p in paths)}" + (f" ({plural(count, 'malformed line')})" if count else ""))
    return Dump(tuple(reading.articles), tuple(reading.problems), tuple(reading.duplicates))


class DumpReading:
    """The articles, problems and repeats gathered so far, and the ids seen."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self.duplicates: list[Problem] = []
        self.seen: dict[str, tuple[str, str]] = {}

    def repeated_file(self, file: Path, seen_files: dict[tuple[int, int], str]) -> bool:
        """True (noted as a repeat) when ``file`` is one already read, named twice or through a symlink."""
        try:
            info = file.stat()
        except OSError:
            return False  # reading it reports why
        key = (info.st_dev, info.st_ino)
        if key in seen_files:
            self.duplicates.append(Problem(shown(file), 0, f"the same file as {seen_files[key]} (read once)"))
            return True
        seen_files[key] = shown(file)
        return False

    def problem(self, problem: Problem) -> None:
        """Count a problem (fatal when strict)."""
        if self.strict:
            raise InputError(str(problem))
        self.problems.append(problem)

    def line(self, file: Path, number: int, line: str | Problem, encoding: str = "") -> None:
        """Take one line: an article, a repeat, a problem, or nothing (blank)."""
        if isinstance(line, Problem):
            self.problem(line)
            return
        if not line.strip():
            return
        where = f"{shown(file)}:{number}"
        try:
            article = parse_line(line, file, number)
        except SummarizerError as error:
            self.problem(Problem(shown(file), number, str(error).removeprefix(f"{where}: ")))
            return
        self.take(article, shown(file), number, encoding)

    def take(self, article: Article, file: str, number: int, encoding: str = "") -> None:
        """Keep an article of ``file`` (at line ``number``, 0 for a whole file), unless its id was read before: the
        same text is a repeat, another text a problem."""
        if article.ref in self.seen:
            first, text = self.seen[article.ref]
            if text != article.text:
                self.problem(Problem(file, number, f"id {article.ref!r} was used for another text at {first}"))
            else:
                self.duplicates.append(Problem(file, number, f"repeats {article.ref!r} of {first} (briefed once)"))
            return
        self.seen[article.ref] = (f"{file}:{number}" if number else file, article.text)
        self.articles.append(dataclasses.replace(article, id=len(self.articles), encoding=encoding))
