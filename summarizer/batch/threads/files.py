"""The files of threads: each period's kept articles (what later periods link against), and the
top-level ``threads.json`` and ``threads.md`` (each thread's timeline, with the story so far: the bullets
each period added), read back from every finished period on disk.

``PERIOD/articles.jsonl.gz`` holds, per article of a threaded period, its
id, story, thread, headline and text: a later run links its new period
against these, so the dumps of earlier days need not be given again. It is
gzip with no time stamp, so a rerun writes the same bytes.
"""

from __future__ import annotations

import datetime
import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.batch.threads.follow import CONTEXT_DAYS, Earlier, period_start, story_ids
from summarizer.plural import plural
from summarizer.render.escape import markdown_link, markdown_text
from summarizer.types import Article

CONTEXT_FILE = "articles.jsonl.gz"
THREADS_SCHEMA_VERSION = "1.1"


def thread_start(thread: str) -> str:
    """The period a thread began in: its id is that period's key and the story's number, ``2025-03-02-004``."""
    return thread.rsplit("-", 1)[0]


def context_bytes(key: str, articles: Sequence[Article], stories: Sequence[Sequence[int]], threads: Sequence[str]) -> bytes:
    """A period's articles as later periods link against them: one JSON line each, gzip without a time stamp."""
    story_of = {position: number for number, story in enumerate(stories) for position in story}
    names = story_ids(len(stories))
    lines = []
    for position, article in enumerate(articles):
        number = story_of[position]
        record = {"period": key, "ref": article.ref, "story": names[number], "thread": threads[number], "title": article.title, "text": article.text}
        lines.append(json.dumps(record, ensure_ascii=False))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def parse_context(data: bytes) -> list[Earlier]:
    """The articles in a period's kept file (as ``context_bytes`` wrote them), in article order."""
    kept = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        record = json.loads(line)
        fields = [str(record.get(name, "")) for name in ("period", "thread", "title", "text", "ref", "story")]
        kept.append(Earlier(*fields))
    return kept


def read_context(folder: Path) -> list[Earlier]:
    """The articles a finished period kept; none when it kept no file (a period made without threads) or a damaged one."""
    try:
        return parse_context((folder / CONTEXT_FILE).read_bytes())
    except (OSError, EOFError, ValueError, KeyError, TypeError, gzip.BadGzipFile):
        return []


def stored_context(outdir: Path, first: str, redone: set[str], days: int = CONTEXT_DAYS) -> list[Earlier]:
    """The kept articles of the finished periods on disk that a period from ``first`` on may link against
    (those of the ``days`` before it and later), leaving out the periods this run redoes."""
    start = period_start(first)
    if start is None or not outdir.is_dir():
        return []
    since = start - datetime.timedelta(days=days)
    kept: list[Earlier] = []
    for folder in sorted(outdir.iterdir()):
        began = period_start(folder.name)
        if began is not None and began >= since and folder.name not in redone and (folder / "index.json").is_file():
            kept += read_context(folder)
    return kept


def period_indexes(outdir: Path) -> list[dict[str, Any]]:
    """The index of every finished period on disk, in period order."""
    indexes = []
    for folder in sorted(outdir.iterdir()):
        if not folder.name.startswith(".") and (folder / "index.json").is_file():
            indexes.append(json.loads((folder / "index.json").read_text(encoding="utf-8")))
    return indexes


def thread_records(indexes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every thread with its first and last period, its articles, and its stories per period; biggest first."""
    threads: dict[str, dict[str, Any]] = {}
    for index in indexes:
        for story in index.get("stories", []):
            if not story.get("thread"):
                continue
            empty = {"id": story["thread"], "title": "", "first": index["period"], "last": "", "articles": 0, "periods": []}
            thread = threads.setdefault(story["thread"], empty)
            thread["last"] = index["period"]
            thread["articles"] += len(story["articles"])
            count = len(story["articles"])
            link = f"{index['period']}/{story['markdown']}"
            page = f"{index['period']}/{story.get('html') or 'story-' + str(story['id']) + '.html'}"
            fresh = list(story.get("new_bullets", []))
            entry = {
                "period": index["period"],
                "story": story["id"],
                "title": story["title"],
                "articles": count,
                "markdown": link,
                "html": page,
                "new_bullets": fresh,
            }
            thread["periods"].append(entry)
    for thread in threads.values():
        thread["title"] = max(thread["periods"], key=lambda entry: entry["articles"])["title"]
    return sorted(threads.values(), key=lambda t: (-t["articles"], -len(t["periods"]), t["first"], t["id"]))


def threads_record(outdir: Path, period: str) -> dict[str, Any]:
    """``threads.json``: the threads of every finished period on disk."""
    return {"schema_version": THREADS_SCHEMA_VERSION, "period": period, "threads": thread_records(period_indexes(outdir))}


def thread_section(rank: int, thread: dict[str, Any]) -> list[str]:
    """One thread of ``threads.md``: a heading, then its periods as a timeline."""
    span = thread["first"] if thread["first"] == thread["last"] else f"{thread['first']} to {thread['last']}"
    lines = [f"## {rank}. {markdown_text(thread['title'])}", "", f"{plural(thread['articles'], 'article')}, {span} (thread {markdown_text(thread['id'])})", ""]
    for entry in thread["periods"]:
        lines.append(f"- {markdown_link(entry['period'], entry['markdown'])}: {markdown_text(entry['title'])} ({plural(entry['articles'], 'article')})")
        lines += [f"  - {markdown_text(text)}" for text in entry.get("new_bullets", [])]
    return [*lines, ""]


def threads_markdown(record: dict[str, Any]) -> str:
    """``threads.md``: every thread, biggest first, each a timeline of its periods."""
    threads = record["threads"]
    lines = [f"# News threads: {plural(len(threads), 'thread')}", ""]
    for rank, thread in enumerate(threads, start=1):
        lines += thread_section(rank, thread)
    return "\n".join(lines).rstrip("\n") + "\n"
