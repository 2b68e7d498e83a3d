"""Multi-News line files: line i of PREFIX.src holds the documents of one cluster, line i of PREFIX.tgt its summary."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from summarizer.bench.convert.common import Warn, hidden, natural
from summarizer.errors import InputError
from summarizer.ingest.folders import shown

SEPARATOR = re.compile(r"story_separator_special_tag|\|\|\|\|\|")
NEWLINE_TOKEN = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
LEADING_DASH = re.compile(r"^[-–—]\s+")


def multinews_pairs(path: Path, references: Path | None) -> list[tuple[str, Path, Path]]:
    """(prefix, .src, .tgt) for one pair (``path`` is a line file) or every pair in a folder, sorted by prefix."""
    if path.is_file():
        source = path if multinews_part(path.name) == "src" else partner(path, "src")
        target = references or partner(source, "tgt")
        return [(source.name.split(".")[0], source, target)]
    if not path.is_dir():
        raise InputError(f"{shown(path)}: no such file or folder")
    files = sorted((file for file in path.iterdir() if file.is_file() and not hidden(file)), key=lambda file: natural(file.name))
    sources = [file for file in files if multinews_part(file.name) == "src"]
    targets = [file for file in files if multinews_part(file.name) == "tgt"]
    if references is not None:
        raise InputError(f"{shown(references)}: give the .src file (not a folder) with its .tgt as the references")
    if not sources:
        raise InputError(f"{shown(path)}: holds no Multi-News .src file")
    pairs = [(source.name.split(".")[0], source, partner(source, "tgt")) for source in sources]
    orphans = [target for target in targets if target not in {tgt for _, _, tgt in pairs}]
    if orphans:
        raise InputError(f"{shown(orphans[0])}: has no .src partner")
    prefixes = [prefix for prefix, _, _ in pairs]
    if len(set(prefixes)) != len(prefixes):
        raise InputError(f"{shown(path)}: two .src files share the prefix of their ids ({', '.join(prefixes)}); convert them one at a time")
    return pairs


def partner(file: Path, part: str) -> Path:
    """The other file of a Multi-News pair: the same name with src and tgt swapped."""
    other = "tgt" if part == "src" else "src"
    names = file.name.split(".")
    swapped = [(part if piece.lower() == other else piece) for piece in names]
    twin = file.with_name(".".join(swapped))
    if twin == file or not twin.is_file():
        raise InputError(f"{shown(file)}: its partner {shown(twin.name)} is missing")
    return twin


@contextmanager
def line_file(file: Path) -> Iterator[IO[str]]:
    """A line file as text (gzip looked through), lines split at '\\n' only, so src and tgt stay in step."""
    from summarizer.ingest.streams import open_bytes

    try:
        with open_bytes(file) as stream:
            yield io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read it ({error.strerror or error})") from None


def multinews_text(raw: str) -> str:
    """One story or summary: NEWLINE_CHAR back to newlines, runs of spaces collapsed, at most one blank line."""
    lines = (" ".join(line.split()) for line in NEWLINE_TOKEN.sub("\n", raw).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def multinews_records(pairs: list[tuple[str, Path, Path]], warn: Warn) -> Iterator[dict[str, Any]]:
    """Cluster PREFIX-i from line i of each pair; a line with no story or an empty summary is skipped."""
    seen = skipped = 0
    for prefix, source, target in pairs:
        with line_file(source) as sources, line_file(target) as targets:
            for number in itertools.count():
                try:
                    story_line, summary_line = sources.readline(), targets.readline()
                except UnicodeDecodeError as error:
                    raise InputError(f"{shown(source)} / {shown(target)}: line {number + 1}: not UTF-8 ({error.reason})") from None
                if not story_line and not summary_line:
                    break
                if not story_line or not summary_line:
                    longer, shorter = (source, target) if story_line else (target, source)
                    raise InputError(f"{shown(longer)}: has more lines than {shown(shorter)} ({number} there); they must pair line by line")
                seen += 1
                cluster = f"{prefix}-{number}"
                stories = [text for text in (multinews_text(piece) for piece in SEPARATOR.split(story_line)) if text]
                summary = LEADING_DASH.sub("", multinews_text(summary_line))
                if not stories or not summary:
                    skipped += 1
                    problem = f"{shown(target)}:{number + 1}: an empty summary" if stories else f"{shown(source)}:{number + 1}: no story"
                    warn(f"{problem}; cluster {cluster} skipped")
                    continue
                yield {
                    "id": cluster,
                    "documents": [{"id": f"{cluster}.{index}", "title": "", "text": story} for index, story in enumerate(stories, 1)],
                    "references": [summary],
                    "meta": {"convention": "multinews"},
                }
    if skipped:
        warn(f"skipped {skipped} of {seen} clusters")
    if seen == skipped:
        raise InputError(f"{shown(pairs[0][1])}: holds no cluster with both stories and a summary")


def multinews_part(name: str) -> str:
    """'src' or 'tgt' when a file name is a Multi-News line file (train.src, test.tgt.cleaned, val.txt.src), else ''."""
    parts = name.lower().split(".")[1:]
    return next((part for part in parts if part in ("src", "tgt")), "")
