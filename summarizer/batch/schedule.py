"""Drive stories through their stages on an engine: embed in chunks, then brief; a period is done with its stories.

A period's stories are cut before any embedding (``batch.link``). Each story
is embedded a chunk of articles at a time on the workers, small stories
packed together into one job of up to ``chunk`` articles (a vector does not
depend on its batch-mates, and one story of a single article would fill few
rows of the fixed-shape batches); once all its chunks are back, it is sent
out to be briefed with its vectors, and the driver lets them go. Stories are started in order, period after period, while fewer than
``ADMIT_ARTICLES`` articles are in flight (a bigger story starts alone), so
the workers stay busy whether the input is one big day or hundreds of small
ones, while the driver holds the vectors of a bounded number of articles,
however many articles one period has.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from summarizer.batch.engines import Engine
from summarizer.batch.index import period_markdown
from summarizer.batch.site import period_html
from summarizer.batch.threads.files import CONTEXT_FILE, thread_start
from summarizer.batch.threads.follow import Earlier, story_id, story_ids
from summarizer.batch.work import BriefJob, BriefResult, EmbedJob, EmbedPart, EmbedResult, PartSentences
from summarizer.types import Article

CHUNK = 32  # articles per embedding job
COUNTED_STORY_ARTICLES = 40  # a story this big is counted before embedding: one past big_story.STORY_SENTENCES (4,000) needs 100 sentences an article below it
ADMIT_ARTICLES = 512  # start another period while fewer articles than this are in flight
INDEX_SCHEMA_VERSION = "1.2"


@dataclass(frozen=True)
class PeriodTask:
    """A period to process: its key, its articles (in a fixed order), the hash of everything it depends on,
    and, once cut (``batch.link``), its stories (article positions, biggest first) with the thread of each
    (empty without threads, as for ``--period all``), and the file its articles are kept in for later periods."""

    key: str
    articles: tuple[Article, ...]
    digest: str
    stories: tuple[tuple[int, ...], ...] = ()
    threads: tuple[str, ...] = ()
    context: bytes = b""
    earlier: tuple[tuple[Earlier, ...], ...] = ()


@dataclass(frozen=True)
class PeriodOutput:
    """A finished period: its files (name -> text, the index last) and its counts."""

    key: str
    files: dict[str, str | bytes]
    articles: int
    stories: int


class Progress(Protocol):
    """What the scheduler reports as work advances."""

    def embedded(self, articles: int) -> None: ...

    def found(self, stories: int) -> None: ...

    def briefed(self) -> None: ...

    def finished(self) -> None: ...


@dataclass
class PeriodState:
    """A period in flight: its stories' briefings as they come back."""

    task: PeriodTask
    briefs: dict[str, BriefResult] = field(default_factory=dict)

    @property
    def stories(self) -> tuple[tuple[int, ...], ...]:
        """The period's stories (article positions)."""
        return self.task.stories


@dataclass
class StoryState:
    """A story being embedded: the chunks still out, and what came back."""

    task: PeriodTask
    index: int
    chunks_left: int
    sentences: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    counts: tuple[int, ...] = ()  # every article's sentences, when counted before embedding (a big story)

    def per_article(self) -> list[tuple[str, ...]]:
        """Each article's sentence texts, in the story's order."""
        return [texts for chunk in sorted(self.sentences) for texts in self.sentences[chunk]]


def to_embed(articles: Sequence[Article]) -> tuple[list[Article], tuple[int, ...]]:
    """The articles of a story whose sentences its briefing can use, and every article's sentence count when they
    were counted: a story of ``COUNTED_STORY_ARTICLES`` articles or more is counted first, and when it is too big
    for one briefing only its representatives are embedded (``big_story``; the rest are cited verbatim, never
    compared)."""
    from summarizer.batch.stories.big import STORY_SENTENCES, representatives, sentence_counts

    if len(articles) < COUNTED_STORY_ARTICLES:
        return list(articles), ()
    counts = tuple(sentence_counts(articles))
    chosen = representatives(articles, STORY_SENTENCES, counts)
    return (list(articles) if chosen is None else [articles[i] for i in chosen]), counts


def chunk_parts(articles: Sequence[Article], period: str, index: int, chunk: int = CHUNK) -> list[EmbedPart]:
    """One story's parts to embed: ``articles`` in runs of ``chunk``."""
    return [EmbedPart(period, index, number, tuple(articles[start : start + chunk])) for number, start in enumerate(range(0, len(articles), chunk))]


def packed_jobs(parts: Sequence[EmbedPart], chunk: int = CHUNK) -> list[EmbedJob]:
    """Parts packed in order into jobs of at most ``chunk`` articles (a part is never split)."""
    jobs: list[list[EmbedPart]] = []
    size = 0
    for part in parts:
        if not jobs or size + len(part.articles) > chunk:
            jobs.append([])
            size = 0
        jobs[-1].append(part)
        size += len(part.articles)
    return [EmbedJob(tuple(job)) for job in jobs]


def brief_job(state: StoryState) -> BriefJob:
    """The story's briefing job, with the vectors of its sentences and titles."""
    task, members = state.task, state.task.stories[state.index]
    chosen = tuple(task.articles[i] for i in members)
    per_article = state.per_article()
    titles = [a.title for a in chosen if a.title in state.vectors]  # a big story's representatives only
    texts = tuple(dict.fromkeys([t for found in per_article for t in found] + titles))
    vectors = np.stack([state.vectors[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)
    earlier = task.earlier[state.index] if task.earlier else ()
    counts = state.counts or tuple(len(found) for found in per_article)
    return BriefJob(task.key, story_id(state.index, len(task.stories)), chosen, texts, vectors, earlier, counts)


def story_entry(story_id: str, articles: Sequence[Article], title: str, thread: str, fresh: Sequence[str] = ()) -> dict[str, Any]:
    """The index record of one story (with its thread's id, the period the thread began, and the bullets new
    to the thread, when threaded)."""
    threaded = {"thread": thread, "thread_since": thread_start(thread), "new_bullets": list(fresh)} if thread else {}
    return {
        "id": story_id,
        "title": title,
        **threaded,
        "articles": [a.ref for a in articles],
        "sources": sorted({a.source for a in articles if a.source}),
        "single_source": len(articles) == 1,
        "briefing": f"story-{story_id}.json",
        "markdown": f"story-{story_id}.md",
        "html": f"story-{story_id}.html",
    }


def period_output(state: PeriodState) -> PeriodOutput:
    """Every file of a finished period: the stories' briefings, then index.md, then index.json."""
    task = state.task
    files: dict[str, str | bytes] = {}
    entries = []
    threads = task.threads or ("",) * len(state.stories)
    for story, members, thread in zip(story_ids(len(state.stories)), state.stories, threads, strict=True):
        brief = state.briefs[story]
        files[f"story-{story}.md"] = brief.markdown
        files[f"story-{story}.json"] = brief.json
        files[f"story-{story}.html"] = brief.html
        entries.append(story_entry(story, [task.articles[i] for i in members], brief.title, thread, brief.fresh))
    if task.context:
        files[CONTEXT_FILE] = task.context
    index = {"schema_version": INDEX_SCHEMA_VERSION, "period": task.key, "input_hash": task.digest, "articles": len(task.articles), "stories": entries}
    files["index.md"] = period_markdown(index)
    files["index.html"] = period_html(index, bool(task.threads))
    files["index.json"] = json.dumps(index, ensure_ascii=False, indent=2) + "\n"
    return PeriodOutput(task.key, files, len(task.articles), len(entries))


def admit(task: PeriodTask, index: int, embedding: dict[tuple[str, int], StoryState], chunk: int, progress: Progress) -> list[EmbedPart]:
    """Start a story: its parts to embed (the articles a big story's briefing never compares are counted as done)."""
    members = [task.articles[i] for i in task.stories[index]]
    articles, counts = to_embed(members)
    parts = chunk_parts(articles, task.key, index, chunk)
    embedding[task.key, index] = StoryState(task, index, len(parts), counts=counts)
    if len(articles) < len(members):
        progress.embedded(len(members) - len(articles))
    return parts


def take_embedding(state: StoryState, part: PartSentences, vectors: dict[str, np.ndarray], engine: Engine, progress: Progress) -> bool:
    """Keep a part's sentences and their vectors (and its titles'); once the story's last part is in, send it out
    to be briefed (True)."""
    state.sentences[part.chunk] = part.sentences
    for text in [*(t for found in part.sentences for t in found), *part.titles]:
        state.vectors[text] = vectors[text]
    state.chunks_left -= 1
    progress.embedded(len(part.sentences))
    if state.chunks_left:
        return False
    engine.submit(brief_job(state))
    return True


def take_result(result: EmbedResult, embedding: dict[tuple[str, int], StoryState], engine: Engine, progress: Progress) -> None:
    """Hand each part of an embedding job to its story."""
    vectors = dict(zip(result.texts, result.vectors, strict=True))
    for part in result.parts:
        if take_embedding(embedding[part.period, part.story], part, vectors, engine, progress):
            del embedding[part.period, part.story]


def run_periods(tasks: Sequence[PeriodTask], engine: Engine, progress: Progress, chunk: int = CHUNK) -> Iterator[PeriodOutput]:
    """Process every period on ``engine``; each is yielded once all its files are made."""
    waiting = deque((task, index) for task in tasks for index in range(len(task.stories)))
    periods: dict[str, PeriodState] = {}
    embedding: dict[tuple[str, int], StoryState] = {}
    in_flight: dict[tuple[str, int], int] = {}
    for task in tasks:
        if not task.stories:
            yield period_output(PeriodState(task))
    while waiting or in_flight:
        pending: list[EmbedPart] = []
        while waiting and (not in_flight or sum(in_flight.values()) < ADMIT_ARTICLES or 0 < sum(len(p.articles) for p in pending) < chunk):
            task, index = waiting.popleft()
            if task.key not in periods:
                periods[task.key] = PeriodState(task)
                progress.found(len(task.stories))
            pending += admit(task, index, embedding, chunk, progress)
            in_flight[task.key, index] = len(task.stories[index])
        for job in packed_jobs(pending, chunk):
            engine.submit(job)
        result = engine.next_result()
        if isinstance(result, EmbedResult):
            take_result(result, embedding, engine, progress)
            continue
        if not isinstance(result, BriefResult):
            raise TypeError(f"unexpected result {type(result).__name__} while briefing")
        state = periods[result.period]
        state.briefs[result.story] = result
        del in_flight[result.period, int(result.story) - 1]  # story ids number the stories from 001
        progress.briefed()
        if len(state.briefs) == len(state.stories):
            del periods[result.period]
            progress.finished()
            yield period_output(state)
