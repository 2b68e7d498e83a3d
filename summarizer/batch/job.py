"""The batch job's driver: plan periods, skip the finished ones, run the rest, write every file atomically.

A period is done when its ``index.json`` exists and records the hash of its
inputs and options; the index is written last, so a run killed at any moment
(SIGKILL included) leaves either a finished period or one that the next run
redoes. Temporary files of a killed run are removed on the next start.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer import __version__
from summarizer.batch.dump import Dump
from summarizer.batch.index import period_summary, top_markdown
from summarizer.batch.periods import group_by_period
from summarizer.batch.work import PeriodResult, PeriodTask
from summarizer.errors import InputError
from summarizer.options import Options
from summarizer.types import Article

TEMPORARY_MARK = ".tmp-"
MARKER = ".summarizer-batch"  # written first: this folder is a batch output, safe to resume into


@dataclass(frozen=True)
class BatchSettings:
    """What decides a period's output (and so its hash): the grouping, the briefing options and the model."""

    period: str
    options: Options
    model_identity: str


@dataclass(frozen=True)
class Outcome:
    """What a run did: periods done and skipped, articles, stories, malformed lines and seconds."""

    periods: int
    skipped: int
    articles: int
    stories: int
    malformed: int
    seconds: float

    def line(self, outdir: Path) -> str:
        """The closing summary line."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"batch: {self.periods} periods ({self.skipped} unchanged, skipped), {self.articles} articles, {self.stories} stories, "
            f"{self.malformed} malformed lines, {self.seconds:.1f} s, {rate:.1f} articles/s -> {outdir / 'index.md'}"
        )


def sort_key(article: Article) -> tuple[str, str, str]:
    """A period's articles in an order that does not depend on the input's: date, id, text hash."""
    return (article.published, article.ref, hashlib.sha256(article.text.encode()).hexdigest())


def period_digest(articles: Sequence[Article], settings: BatchSettings) -> str:
    """SHA-256 of everything a period's files depend on."""
    record = {
        "version": __version__,
        "period": settings.period,
        "options": settings.options.as_record(),
        "model": settings.model_identity,
        "articles": [dataclasses.asdict(dataclasses.replace(a, id=0, path="")) for a in articles],
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def plan(dump: Dump, settings: BatchSettings) -> list[PeriodTask]:
    """One task per period, its articles in a fixed order and numbered from 0."""
    tasks = []
    for key, articles in group_by_period(dump.articles, settings.period).items():
        ordered = [dataclasses.replace(a, id=i) for i, a in enumerate(sorted(articles, key=sort_key))]
        tasks.append(PeriodTask(key, tuple(ordered), period_digest(ordered, settings)))
    return tasks


def finished(outdir: Path, task: PeriodTask) -> bool:
    """True when the period's index records this very hash and all its story files exist."""
    folder = outdir / task.key
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(index, dict) or index.get("input_hash") != task.digest:
        return False
    stories = index.get("stories", [])
    return all((folder / story["briefing"]).is_file() and (folder / story["markdown"]).is_file() for story in stories) and (folder / "index.md").is_file()


def write_atomic(target: Path, text: str) -> None:
    """Write to ``.NAME.tmp-PID`` beside the target, flush to disk, then rename into place."""
    import os

    temporary = target.with_name(f".{target.name}{TEMPORARY_MARK}{os.getpid()}")
    with open(temporary, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, target)


def write_period(outdir: Path, result: PeriodResult) -> None:
    """Story files first, the index last; story files a previous run left and this one does not list go."""
    folder = outdir / result.key
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(result.files, key=lambda n: n.startswith("index.")):
        write_atomic(folder / name, result.files[name])
    for stale in folder.glob("story-*"):
        if stale.name not in result.files:
            stale.unlink()


def remove_temporaries(outdir: Path) -> None:
    """Delete temporary files that a killed run left behind."""
    for leftover in outdir.rglob(f".*{TEMPORARY_MARK}*"):
        leftover.unlink(missing_ok=True)


def check_outdir(outdir: Path, inputs: Sequence[str]) -> None:
    """OUTDIR must be new, empty, or a previous batch output; never an input or hold one."""
    resolved = outdir.resolve()
    for given in inputs:
        path = Path(given).resolve()
        if path == resolved or resolved in path.parents:
            raise InputError(f"{outdir}: holds the input {given}; choose another output folder")
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: is a file; give a folder for the briefings")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise InputError(f"{outdir}: holds other files and no batch index; choose a new or empty folder")


def top_index(outdir: Path, tasks: Sequence[PeriodTask]) -> dict[str, Any]:
    """The top-level index record, read back from every period's index."""
    periods = []
    for task in tasks:
        index = json.loads((outdir / task.key / "index.json").read_text(encoding="utf-8"))
        periods.append(period_summary(index))
    return {"schema_version": "1.0", "periods": periods}


def write_top(outdir: Path, tasks: Sequence[PeriodTask]) -> None:
    """OUTDIR/index.json and index.md, linking the periods."""
    record = top_index(outdir, tasks)
    write_atomic(outdir / "index.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    write_atomic(outdir / "index.md", top_markdown(record["periods"]))


def run_job(dump: Dump, outdir: Path, settings: BatchSettings, force: bool, results: Any, progress: Any) -> Outcome:
    """Run the periods that need it (``results`` maps the tasks to results), write them, then the top index."""
    started = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    write_atomic(outdir / MARKER, "This folder is the output of `summarizer batch`; reruns resume into it.\n")
    remove_temporaries(outdir)
    tasks = plan(dump, settings)
    todo = [task for task in tasks if force or not finished(outdir, task)]
    progress.start(len(todo), sum(len(t.articles) for t in todo))
    stories = 0
    done: Iterator[PeriodResult] = results(todo)
    for result in done:
        write_period(outdir, result)
        stories += result.stories
        progress.advance(result.articles, result.stories)
    progress.close()
    write_top(outdir, tasks)
    skipped = len(tasks) - len(todo)
    return Outcome(len(tasks), skipped, len(dump.articles), stories, len(dump.problems), time.perf_counter() - started)
