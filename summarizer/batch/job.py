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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.batch.dump import Dump
from summarizer.batch.engines import Engine, EngineFactory, engine_mapper
from summarizer.batch.index import period_summary, top_markdown
from summarizer.batch.periods import PERIODS, UNDATED, group_by_period
from summarizer.batch.schedule import CHUNK, PeriodOutput, PeriodTask, run_periods
from summarizer.batch.site import threads_html, top_html
from summarizer.batch.stories.model import shipped_model
from summarizer.batch.threads.files import CONTEXT_FILE, threads_markdown, threads_record
from summarizer.batch.threads.link import cut_periods, threaded
from summarizer.dates import with_dates
from summarizer.errors import InputError, Interrupted, UsageError
from summarizer.files import TEMPORARY_MARK, write_atomic
from summarizer.options import Options
from summarizer.plural import plural
from summarizer.types import Article
from summarizer.version import VERSION

MARKER = ".summarizer-batch"  # written first: this folder is a batch output, safe to resume into
LOCK = ".summarizer-batch.lock"


@dataclass(frozen=True)
class BatchSettings:
    """What decides a period's output (and so its hash): the grouping, the briefing options and the model."""

    period: str
    options: Options
    model_identity: str

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise UsageError(f"unknown period {self.period!r}: use one of {', '.join(PERIODS)}")


@dataclass(frozen=True)
class Outcome:
    """What a run did: periods briefed and skipped, articles and stories briefed, lines left out, seconds."""

    periods: int
    skipped: int
    articles: int
    stories: int
    malformed: int
    repeated: int
    seconds: float
    undated: int = 0

    def line(self, outdir: Path) -> str:
        """The closing summary line."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        undated = f" ({plural(self.undated, 'undated article')} cut in a period of their own)" if self.undated else ""
        return (
            f"batch: {plural(self.periods, 'period')} briefed ({self.skipped} more unchanged, skipped), {plural(self.articles, 'article')}, "
            f"{plural(self.stories, 'story')}{undated}; {plural(self.malformed, 'malformed line')}, {plural(self.repeated, 'repeated article')}; "
            f"{self.seconds:.1f} s, {rate:.1f} articles/s -> {outdir / 'index.md'} (open {outdir / 'index.html'} in a browser)"
        )


def sort_key(article: Article) -> tuple[str, str, str]:
    """A period's articles in an order that does not depend on the input's: date, id, text hash."""
    return (article.published, article.ref, hashlib.sha256(article.text.encode()).hexdigest())


def period_digest(articles: Sequence[Article], settings: BatchSettings) -> str:
    """SHA-256 of everything a period's files depend on."""
    record = {
        "version": VERSION,
        "period": settings.period,
        "options": settings.options.as_record(),
        "model": settings.model_identity,
        "story_model": dataclasses.asdict(shipped_model()),
        "articles": [dataclasses.asdict(dataclasses.replace(a, id=0, path="")) for a in articles],
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def plan(dump: Dump, settings: BatchSettings) -> list[PeriodTask]:
    """One task per period, its articles in a fixed order and numbered from 0."""
    tasks = []
    for key, articles in group_by_period(with_dates(dump.articles, settings.options.date_order), settings.period).items():
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
    if any(story.get("thread") for story in stories) and not (folder / CONTEXT_FILE).is_file():
        return False
    files = [name for story in stories for name in (story["briefing"], story["markdown"], story.get("html", ""))] + ["index.md", "index.html"]
    return all(name and (folder / name).is_file() for name in files)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames into it) to disk, where the system allows it."""
    import os

    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_period(outdir: Path, output: PeriodOutput) -> None:
    """Story files first; story files this run does not list go; the index last, once all else is on disk."""
    folder = outdir / output.key
    folder.mkdir(parents=True, exist_ok=True)
    indexes = [name for name in output.files if name.startswith("index.")]
    for name in [n for n in output.files if n not in indexes]:
        write_atomic(folder / name, output.files[name])
    for stale in folder.glob("story-*"):
        if stale.name not in output.files:
            stale.unlink()
    sync_folder(folder)
    for name in sorted(indexes, key=lambda n: n == "index.json"):
        write_atomic(folder / name, output.files[name])
    sync_folder(folder)


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
        if path in resolved.parents and path.is_dir():
            raise InputError(f"{outdir}: is inside the input folder {given}, where its files would be read as dumps next time; choose another output folder")
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: is a file; give a folder for the briefings")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise InputError(f"{outdir}: holds other files and no batch index; choose a new or empty folder")


def finished_periods(outdir: Path) -> list[str]:
    """The period folders on disk whose index is written (a killed period has none yet), sorted."""
    return sorted(folder.name for folder in outdir.iterdir() if not folder.name.startswith(".") and (folder / "index.json").is_file())


def top_index(outdir: Path, period: str) -> dict[str, Any]:
    """The top-level index record, read back from every finished period on disk (this run's and earlier runs')."""
    periods = []
    for key in finished_periods(outdir):
        index = json.loads((outdir / key / "index.json").read_text(encoding="utf-8"))
        periods.append(period_summary(index))
    return {"schema_version": "1.1", "period": period, "periods": periods}


def write_top(outdir: Path, period: str) -> None:
    """OUTDIR/index.json, index.md and index.html, linking the periods; with days or weeks, threads.json, .md and .html first."""
    if threaded(period):
        threads = threads_record(outdir, period)
        write_atomic(outdir / "threads.json", json.dumps(threads, ensure_ascii=False, indent=2) + "\n")
        write_atomic(outdir / "threads.md", threads_markdown(threads))
        write_atomic(outdir / "threads.html", threads_html(threads))
    record = top_index(outdir, period)
    write_atomic(outdir / "index.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    write_atomic(outdir / "index.md", top_markdown(record["periods"], threaded(period)))
    write_atomic(outdir / "index.html", top_html(record["periods"], threaded(period)))


def check_period_kind(outdir: Path, period: str) -> None:
    """An output folder holds one kind of period: refuse to mix days, weeks and 'all' in one index."""
    try:
        made_with = json.loads((outdir / "index.json").read_text(encoding="utf-8")).get("period")
    except (OSError, ValueError, AttributeError):
        return
    if made_with and made_with != period:
        raise InputError(f"{outdir}: holds briefings made with --period {made_with}; give --period {made_with}, or choose a new folder for --period {period}")


@contextmanager
def exclusive(outdir: Path) -> Iterator[None]:
    """Hold a lock on OUTDIR for the run: a second run into the same folder is refused, not interleaved."""
    try:
        import fcntl
    except ImportError:  # not on this system: no lock
        yield
        return
    with open(outdir / LOCK, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{outdir}: another batch run is writing there; wait for it to finish") from None
        yield


def run_todo(todo: Sequence[PeriodTask], outdir: Path, engine: Engine, progress: Any, chunk: int) -> int:
    """Run and write the periods to do; the number of stories. Interrupted, it says how many periods were written."""
    progress.start(len(todo), sum(len(t.articles) for t in todo))
    written = stories = 0
    stopped = False
    try:
        for output in run_periods(todo, engine, progress, chunk):
            write_period(outdir, output)
            written += 1
            stories += output.stories
    except Interrupted as stop:
        stopped = True
        left = len(todo) - written
        stop.detail = f"{written} of {plural(len(todo), 'period')} finished and written to {outdir}, {left} not; rerun the same command to finish them"
        raise
    finally:
        progress.close()
        engine.close(wait=not stopped)
    return stories


def run_job(dump: Dump, outdir: Path, settings: BatchSettings, force: bool, engine_for: EngineFactory, progress: Any, chunk: int = CHUNK) -> Outcome:
    """Run the periods that need it on the engine ``engine_for(articles to do)`` makes, write them, then the top index."""
    started = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    check_period_kind(outdir, settings.period)
    with exclusive(outdir):
        write_atomic(outdir / MARKER, "This folder is the output of `summarizer batch`; reruns resume into it.\n")
        remove_temporaries(outdir)
        tasks = plan(dump, settings)
        todo = [task for task in tasks if force or not finished(outdir, task)]
        articles = sum(len(t.articles) for t in todo)
        stories = 0
        if todo:
            engine = engine_for(articles)
            try:
                todo = cut_periods(todo, outdir, settings.period, mapper=engine_mapper(engine))
            except BaseException:
                engine.close(wait=False)
                raise
            stories = run_todo(todo, outdir, engine, progress, chunk)
        try:
            write_top(outdir, settings.period)
        except Interrupted as stop:
            stop.detail = f"all {plural(len(todo), 'period')} written to {outdir}, but not the top index; rerun the same command to write it"
            raise
    seconds = time.perf_counter() - started
    undated = sum(len(task.articles) for task in tasks if task.key == UNDATED and settings.period != "all")
    return Outcome(len(todo), len(tasks) - len(todo), articles, stories, len(dump.problems), len(dump.duplicates), seconds, undated)
