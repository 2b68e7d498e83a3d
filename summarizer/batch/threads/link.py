"""Cut the periods to do into stories, in period order, each linked to the threads of the periods before it.

Cutting needs no embedding model (the story model reads words, names, figures
and dates), so it is done before any
embedding: a period's threads depend on the periods before it, those of this
run and those already on disk, so the periods are cut one after another,
however many workers then embed and brief them. The similarity pass of each
cut, the part whose time grows with the square of a period's articles, runs
on the engine's workers when a ``mapper`` is given (``engines.engine_mapper``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from summarizer.batch.blocks import BlockMapper
from summarizer.batch.periods import period_start
from summarizer.batch.schedule import PeriodTask
from summarizer.batch.stories.cut import story_labels
from summarizer.batch.threads.files import context_bytes, parse_context, stored_context
from summarizer.batch.threads.follow import CONTEXT_DAYS, Earlier, link_period, story_order, thread_articles
from summarizer.blas import one_blas_thread


def threaded(period: str) -> bool:
    """Days and weeks are threaded; ``--period all`` is one period, with nothing to link."""
    return period in ("day", "week")


def cut_alone(task: PeriodTask, mapper: BlockMapper | None = None) -> PeriodTask:
    """A period cut into stories on its own, without threads (``all``, ``undated``)."""
    with one_blas_thread():
        labels = story_labels(task.articles, mapper)
    stories = story_order(labels, task.articles)
    return dataclasses.replace(task, stories=tuple(tuple(story) for story in stories))


def cut_linked(task: PeriodTask, earlier: Sequence[Earlier], days: int, mapper: BlockMapper | None = None) -> PeriodTask:
    """A period cut beside the articles of earlier periods, each story given its thread, its articles kept."""
    with one_blas_thread():
        linked = link_period(task.key, task.articles, earlier, days, mapper)
    kept = context_bytes(task.key, task.articles, linked.stories, linked.threads)
    known = tuple(thread_articles(task.key, thread, earlier, days) for thread in linked.threads)
    return dataclasses.replace(task, stories=linked.stories, threads=linked.threads, context=kept, earlier=known)


def cut_periods(todo: Sequence[PeriodTask], outdir: Path, period: str, days: int = CONTEXT_DAYS, mapper: BlockMapper | None = None) -> list[PeriodTask]:
    """Every period to do, cut into stories; with days or weeks, linked in period order to the periods of the
    ``days`` before each."""
    if not threaded(period):
        return [cut_alone(task, mapper) for task in todo]
    dated = sorted((task for task in todo if period_start(task.key) is not None), key=lambda task: task.key)
    earlier = stored_context(outdir, dated[0].key, {task.key for task in todo}, days) if dated else []
    cut: dict[str, PeriodTask] = {}
    for task in dated:
        done = cut_linked(task, earlier, days, mapper)
        earlier += parse_context(done.context)  # as a later run will read it from disk
        cut[task.key] = done
    return [cut.get(task.key) or cut_alone(task, mapper) for task in todo]
