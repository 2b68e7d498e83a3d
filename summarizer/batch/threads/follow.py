"""Threads: the same story followed across periods (days or weeks), linked one period at a time.

A period's stories are cut with the articles of the earlier periods of the
last ``CONTEXT_DAYS`` beside them (at most ``CONTEXT_ARTICLES``, the most
recent), all clustered together by ``label_stories``; the period's stories
are the clusters restricted to its own articles. An earlier article in the
same cluster is a vote for its thread: a story joins the thread with the
most votes (ties: the thread that started first), or starts a thread of its
own when its cluster holds no earlier article. This is the single-pass,
incremental clustering of topic detection and tracking (Allan et al.,
"Topic Detection and Tracking Pilot Study", 1998), with the batch
clustering of ``stories`` as its similarity: earlier threads are never
re-cut, so their ids stay stable, and a period is linked from what earlier
periods stored (their ``threads.jsonl.gz``), not from their inputs.

The story decision is absolute (``story_model``): the context changes how a
period is cut only through the earlier articles themselves (a story whose
first reports were days ago joins them), never by being a background.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.batch.blocks import BlockMapper
from summarizer.batch.periods import period_start
from summarizer.batch.stories.cut import label_stories
from summarizer.types import Article

CONTEXT_DAYS = 90
CONTEXT_ARTICLES = 5000


@dataclass(frozen=True)
class Earlier:
    """An article of an earlier period as linking needs it: its period, thread, headline and text (and its
    id and story there, for the briefing that tells what is new)."""

    period: str
    thread: str
    title: str
    text: str
    ref: str = ""
    story: str = ""


@dataclass(frozen=True)
class Linked:
    """A period's stories (article positions, biggest first) and the thread of each."""

    stories: tuple[tuple[int, ...], ...]
    threads: tuple[str, ...]


def context_for(key: str, earlier: Sequence[Earlier], days: int = CONTEXT_DAYS, limit: int = CONTEXT_ARTICLES) -> list[Earlier]:
    """The earlier articles a period is linked against: those of periods before it, at most ``days`` before its
    start, the ``limit`` most recent, in period order."""
    start = period_start(key)
    if start is None:
        return []
    first = start - datetime.timedelta(days=days)
    chosen = []
    for item in earlier:
        when = period_start(item.period)
        if when is not None and first <= when < start:
            chosen.append(item)
    chosen.sort(key=lambda item: (period_start(item.period), item.period))
    return chosen[-limit:] if limit else []


def story_order(labels: np.ndarray, articles: Sequence[Article]) -> list[list[int]]:
    """Article positions per story, biggest first: by articles, then distinct sources, then first article."""
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    sources = {label: len({articles[i].source or articles[i].ref for i in members}) for label, members in groups.items()}
    return [groups[label] for label in sorted(groups, key=lambda g: (-len(groups[g]), -sources[g], groups[g][0]))]


def story_id(index: int, count: int) -> str:
    """The id of story ``index`` (from 0) of ``count``: ``001``, ``002``, ..., zero-padded to at least three digits."""
    return f"{index + 1:0{max(3, len(str(count)))}d}"


def story_ids(count: int) -> list[str]:
    """Every story id of a period of ``count`` stories, in order."""
    return [story_id(index, count) for index in range(count)]


def thread_id(key: str, story: str) -> str:
    """A new thread's id: the period and story it started with, ``2025-03-02-004``."""
    return f"{key}-{story}"


def thread_homes(context: Sequence[Earlier], labels: np.ndarray) -> dict[str, int]:
    """The cluster that holds most of each earlier thread's articles now (ties: the lower label): the only
    cluster that may carry the thread on, so that a thread which today's wider view splits goes on in one part."""
    counts: dict[str, Counter[int]] = {}
    for item, label in zip(context, labels, strict=False):
        counts.setdefault(item.thread, Counter())[int(label)] += 1
    return {thread: min(found, key=lambda label: (-found[label], label)) for thread, found in counts.items()}


def voted_thread(label: int, context: Sequence[Earlier], labels: np.ndarray, homes: dict[str, int], starts: dict[str, str]) -> str | None:
    """The thread a new story in cluster ``label`` goes on: among the earlier threads whose home is that
    cluster, the one with most articles in it (ties: the thread that started first); None when there is none."""
    votes = Counter(item.thread for item, found in zip(context, labels, strict=False) if found == label and homes[item.thread] == label)
    if not votes:
        return None
    return min(votes, key=lambda thread: (-votes[thread], starts[thread], thread))


def link_period(key: str, articles: Sequence[Article], earlier: Sequence[Earlier], days: int = CONTEXT_DAYS, mapper: BlockMapper | None = None) -> Linked:
    """Cut a period's articles into stories beside its context (``context_for`` picks it from every article
    that earlier periods stored), and give every story a thread: one it goes on, or a new one."""
    context = context_for(key, earlier, days)
    together = [Article(id=i, text=item.text, title=item.title) for i, item in enumerate(context)] + list(articles)
    labels = label_stories(together, mapper=mapper) if together else np.zeros(0, dtype=np.int64)
    stories = story_order(labels[len(context) :], articles)
    starts: dict[str, str] = {}
    for item in context:
        starts.setdefault(item.thread, item.period)
    homes = thread_homes(context, labels)
    names = story_ids(len(stories))
    threads = []
    for number, story in enumerate(stories):
        found = voted_thread(int(labels[len(context) + story[0]]), context, labels, homes, starts)
        threads.append(found or thread_id(key, names[number]))
    return Linked(tuple(tuple(story) for story in stories), tuple(threads))


def thread_articles(key: str, thread: str, earlier: Sequence[Earlier], days: int = CONTEXT_DAYS) -> tuple[Earlier, ...]:
    """The articles of ``thread`` in the periods before ``key`` that linking saw (its context window)."""
    return tuple(item for item in context_for(key, earlier, days) if item.thread == thread)
