"""``summarizer batch``: parse options, read the dumps, run the job on an engine, print the summary line. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from summarizer.batch import EngineName
from summarizer.batch.periods import Period
from summarizer.cli import shared
from summarizer.cli.brief import (
    date_order,
    input_limits,
)

INPUT_HELP = (
    "JSONL dumps (plain or .gz; one article a line with 'text', and title, url, source, published/date), or any file brief reads"
    " (pages, feeds, tables, PDF, DOCX, WARC), or folders of them; an undated article in a folder named as a date takes that date."
)
WORKERS_HELP = "Worker processes (local) or actors (Ray), each with its own model (default: the core count locally, all the cluster's CPUs hold with Ray)."
THREADS_HELP = "Torch threads per worker (default: cores / workers locally, 1 with Ray). Outputs do not depend on it."


class Progress:
    """Three tqdm bars: periods briefed, stories briefed (of those found so far), articles embedded.

    Only on a terminal: none when quiet or when stderr is a file or a pipe,
    so a log never fills with the bars' escape codes.
    """

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.bars: list[Any] = []

    def start(self, periods: int, articles: int) -> None:
        """Open the bars for the periods to process."""
        if self.quiet:
            return
        from tqdm import tqdm

        self.bars = [
            tqdm(total=periods, desc="periods", unit="period", position=0, file=sys.stderr),
            tqdm(total=0, desc="stories", unit="story", position=1, file=sys.stderr),
            tqdm(total=articles, desc="articles embedded", unit="article", position=2, file=sys.stderr),
        ]

    def embedded(self, articles: int) -> None:
        """A chunk of articles was embedded."""
        if self.bars:
            self.bars[2].update(articles)

    def found(self, stories: int) -> None:
        """A period was clustered into ``stories`` stories."""
        if self.bars:
            self.bars[1].total += stories
            self.bars[1].refresh()

    def briefed(self) -> None:
        """A story was briefed."""
        if self.bars:
            self.bars[1].update(1)

    def finished(self) -> None:
        """A period's files are made."""
        if self.bars:
            self.bars[0].update(1)

    def close(self) -> None:
        """Close the bars."""
        for bar in self.bars:
            bar.close()


OUTDIR_HELP = (
    "Folder for the briefings: OUTDIR/<period>/index.md, story-<id>.md/.json/.html; OUTDIR/threads.md follows stories across periods; "
    "OUTDIR/index.html opens the whole run as a site."
)
PERIOD_HELP = "Group articles by day, ISO week, or all as one period; days and weeks are linked into threads."


def batch(
    inputs: Annotated[list[str], typer.Argument(help=INPUT_HELP, show_default=False)],
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help=OUTDIR_HELP)],
    period: Annotated[Period, typer.Option("--period", help=PERIOD_HELP)] = "day",
    engine: Annotated[EngineName, typer.Option("--engine", help="local (process pool) or ray (a Ray cluster; pip install 'summarizer[ray]').")] = "local",
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (default: start a local one).", show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help=WORKERS_HELP, show_default=False)] = None,
    threads: Annotated[Optional[int], typer.Option("--threads", min=1, help=THREADS_HELP, show_default=False)] = None,
    chunk: Annotated[int, typer.Option("--chunk", min=1, help="Articles per embedding job sent to a worker (small stories share one).")] = 32,
    force: Annotated[bool, typer.Option("--force", help="Redo every period, even those whose inputs and options are unchanged.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first malformed line instead of counting it.")] = False,
    cache: shared.CacheOption = True,
    cache_size: Annotated[float, typer.Option("--cache-size", min=0.01, help="Bound of the embedding cache, in GB.")] = 2.0,
    bullets: shared.BulletsOption = None,
    max_words: shared.MaxWordsOption = None,
    model: shared.ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or malformed-line warnings; the summary line counts them.")] = False,
    precision: shared.PrecisionOption = "auto",
    device: shared.DeviceOption = "auto",
    max_file_size: shared.MaxFileSizeOption = "1GiB",
    max_article_size: shared.MaxArticleSizeOption = "64MiB",
    dayfirst: shared.DayFirstOption = False,
    monthfirst: shared.MonthFirstOption = False,
) -> None:
    """Brief a news dump: group articles by period, cluster each period into stories, write one briefing per story,
    and link each day's (or week's) stories to those of earlier ones into threads."""
    from summarizer.batch.dump import read_dumps
    from summarizer.batch.engines import WorkerConfig
    from summarizer.batch.job import BatchSettings, check_outdir, run_job
    from summarizer.embed.embedder import Embedder
    from summarizer.options import Options

    options = Options(bullets=bullets, max_words=max_words, model=model, date_order=date_order(dayfirst, monthfirst))
    check_outdir(output_dir, inputs)
    identity = Embedder(model, device=device, precision=precision).identity  # a bad --model fails before the dumps are read
    limits = input_limits(max_file_size, max_article_size)
    dump = read_dumps(inputs, strict, max_file_size=limits.max_file, max_article_size=limits.max_article)
    warn_problems(dump.problems, quiet)
    warn_ambiguous(dump.articles, options.date_order, quiet)
    settings = BatchSettings(period, options, identity)
    config = WorkerConfig(options, cache, int(cache_size * 1024**3), threads or 0, precision, device)  # threads 0: decided at start
    engine_for = engine_factory(engine, address, workers, config, chunk)
    outcome = run_job(dump, output_dir, settings, force, engine_for, Progress(quiet), chunk)
    typer.echo(outcome.line(output_dir))


def engine_factory(engine: EngineName, address: Optional[str], workers: Optional[int], config: Any, chunk: int) -> Any:
    """A function of the number of articles to brief that starts the engine asked for.

    Locally: ``workers`` processes (default the core count, never more than
    there are ``chunk``-article jobs), the cores shared out among them unless
    ``config.threads`` says; one worker runs in this process. On Ray: actors
    of ``config.threads`` CPUs (default 1), as many as the cluster can place
    (at most ``workers``).
    """
    import dataclasses
    import math
    import os

    from summarizer.batch.engines import RayEngine, local_engine

    def start(articles: int) -> Any:
        if engine == "ray":
            return RayEngine(dataclasses.replace(config, threads=config.threads or 1), workers, address)
        cores = os.cpu_count() or 1
        count = max(1, min(workers or cores, math.ceil(articles / chunk)))
        return local_engine(dataclasses.replace(config, threads=config.threads or max(1, cores // count)), count)

    return start


def warn_problems(problems: Any, quiet: bool) -> None:
    """One stderr line per malformed line, FILE:LINE first (none when quiet: the summary line counts them)."""
    if quiet:
        return
    for problem in problems:
        typer.echo(f"summarizer: warning: {problem} ({'line' if problem.line else 'file'} skipped)", err=True)


def warn_ambiguous(articles: Any, order: str, quiet: bool) -> None:
    """One stderr line for the articles left undated because their numeric date reads both ways (the first named)."""
    from summarizer.dates import ambiguity_warning, ambiguous_dates, with_dates
    from summarizer.plural import plural

    found = ambiguous_dates(with_dates(articles, order), order)
    if found and not quiet:
        more = f" (and {plural(len(found) - 1, 'more article')} like it)" if len(found) > 1 else ""
        typer.echo(f"summarizer: warning: {ambiguity_warning(found[0], found[0].ref)}{more}", err=True)
