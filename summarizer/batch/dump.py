"""Read JSONL news dumps (plain or .gz, or folders of them) line by line, keeping every problem."""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError, SummarizerError
from summarizer.ingest.records import record_to_article
from summarizer.types import Article

DUMP_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True)
class Problem:
    """A line that could not be read as an article: where it is and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class Dump:
    """The articles of all inputs (``ref`` is the record's id, or FILE:LINE), the lines left out,
    and the lines that repeated an article already read (same id, same text)."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    duplicates: tuple[Problem, ...] = ()


def dump_files(paths: Sequence[str]) -> list[Path]:
    """The dump files named by ``paths``: files as given, folders searched for .jsonl(.gz) files."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(DUMP_SUFFIXES) and not p.name.startswith("."))
            if not found:
                raise InputError(f"{given}: the folder holds no dumps ({', '.join(DUMP_SUFFIXES)})")
            files.extend(found)
        else:
            files.append(path)
    return files


def dump_lines(file: Path) -> Iterator[tuple[int, str | Problem]]:
    """(line number, line) of a dump, decompressing .gz; a line that is not UTF-8 comes as a Problem.

    A file that cannot be read at all, or a compressed stream cut short, ends
    with a Problem on the line where reading broke, after every whole line before it.
    """
    opener = gzip.open if file.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(file, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                try:
                    yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    yield number, Problem(str(file), number, f"not UTF-8 (byte {error.start + 1})")
    except (EOFError, OSError) as error:
        what = "cannot read the file" if number == 0 else "the file breaks off here; the lines before it were read"
        yield number + 1, Problem(str(file), number + 1, f"{what} ({error.__class__.__name__}: {error})")


def parse_line(raw: str, file: Path, number: int) -> Article:
    """One dump line as an Article; a bad line raises InputError naming FILE:LINE.

    A record without an id is known by FILE:LINE (the file as found, so two
    dumps of the same name in different folders never clash).
    """
    where = f"{file}:{number}"
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from None
    article = record_to_article(record, where)
    return article if article.ref else dataclasses.replace(article, ref=where)


def read_dumps(paths: Sequence[str], strict: bool = False) -> Dump:
    """Every article of the dumps; bad lines are collected (or fatal when ``strict``)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[str, str]] = {}
    duplicates: list[Problem] = []
    for file in dump_files(paths):
        for number, line in dump_lines(file):
            if isinstance(line, Problem):
                if strict:
                    raise InputError(str(line))
                problems.append(line)
                continue
            if not line.strip():
                continue
            try:
                article = parse_line(line, file, number)
                if article.ref in seen:
                    first, text = seen[article.ref]
                    if text != article.text:
                        raise InputError(f"{file}:{number}: id {article.ref!r} was used for another text at {first}")
                    duplicates.append(Problem(str(file), number, f"repeats {article.ref!r} of {first} (briefed once)"))
                    continue
            except SummarizerError as error:
                if strict:
                    raise
                problems.append(Problem(str(file), number, str(error).removeprefix(f"{file}:{number}: ")))
                continue
            seen[article.ref] = (f"{file}:{number}", article.text)
            articles.append(dataclasses.replace(article, id=len(articles)))
    if not articles:
        raise InputError(f"no articles found in {', '.join(paths)}" + (f" ({len(problems)} malformed lines)" if problems else ""))
    return Dump(tuple(articles), tuple(problems), tuple(duplicates))
