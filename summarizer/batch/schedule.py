"""Drive periods through their stages on an engine: embed in chunks, cluster into stories, brief each story.

A period's articles are embedded a chunk at a time on the workers; once all
its chunks are back, the driver clusters the articles into stories (cheap:
one vector per article) and sends each story out to be briefed; once every
story is back, the period's files are complete. Several periods are in
flight at once, so the workers stay busy whether the input is one big day or
hundreds of small ones, while the driver holds the vectors of only a bounded
number of articles.
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
from summarizer.batch.thread_files import CONTEXT_FILE, thread_start
from summarizer.batch.threads import Earlier, story_ids
from summarizer.batch.work import BriefJob, BriefResult, EmbedJob, EmbedResult
from summarizer.render.site import period_html
from summarizer.types import Article

CHUNK = 32  # articles per embedding job
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
    """A period in flight: the chunks still out, what came back, and its stories once known."""

    task: PeriodTask
    chunks_left: int
    sentences: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    stories: list[list[int]] = field(default_factory=list)
    briefs: dict[str, BriefResult] = field(default_factory=dict)

    def per_article(self) -> list[tuple[str, ...]]:
        """Each article's sentence texts, in article order."""
        return [texts for chunk in sorted(self.sentences) for texts in self.sentences[chunk]]


def chunk_jobs(task: PeriodTask, chunk: int = CHUNK) -> list[EmbedJob]:
    """The period's embedding jobs: its articles in runs of ``chunk``."""
    return [EmbedJob(task.key, number, task.articles[start : start + chunk]) for number, start in enumerate(range(0, len(task.articles), chunk))]


def find_stories(state: PeriodState) -> list[BriefJob]:
    """Cluster the period's articles into stories; one briefing job per story, with the vectors of its sentences."""
    articles = state.task.articles
    per_article = state.per_article()
    state.stories = [list(story) for story in state.task.stories]
    earlier = state.task.earlier or ((),) * len(state.stories)
    jobs = []
    for story, members, known in zip(story_ids(len(state.stories)), state.stories, earlier, strict=True):
        chosen = tuple(articles[i] for i in members)
        texts = tuple(dict.fromkeys([t for i in members for t in per_article[i]] + [a.title for a in chosen if a.title]))
        vectors = np.stack([state.vectors[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)
        jobs.append(BriefJob(state.task.key, story, chosen, texts, vectors, known))
    return jobs


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


def admit(task: PeriodTask, engine: Engine, active: dict[str, PeriodState], chunk: int) -> None:
    """Start a period: send out its embedding jobs."""
    jobs = chunk_jobs(task, chunk)
    active[task.key] = PeriodState(task, len(jobs))
    for job in jobs:
        engine.submit(job)


def take_embedding(state: PeriodState, result: EmbedResult, engine: Engine, progress: Progress) -> None:
    """Keep a chunk's vectors; once the period's last chunk is in, send out its stories."""
    state.sentences[result.chunk] = result.sentences
    state.vectors.update(zip(result.texts, result.vectors, strict=True))
    state.chunks_left -= 1
    progress.embedded(len(result.sentences))
    if state.chunks_left == 0:
        jobs = find_stories(state)
        state.vectors.clear()  # each job now holds its own story's vectors
        state.sentences.clear()
        progress.found(len(jobs))
        for job in jobs:
            engine.submit(job)


def run_periods(tasks: Sequence[PeriodTask], engine: Engine, progress: Progress, chunk: int = CHUNK) -> Iterator[PeriodOutput]:
    """Process every period on ``engine``; each is yielded once all its files are made."""
    waiting = deque(tasks)
    active: dict[str, PeriodState] = {}
    while waiting or active:
        while waiting and (not active or sum(len(s.task.articles) for s in active.values()) < ADMIT_ARTICLES):
            admit(waiting.popleft(), engine, active, chunk)
        result = engine.next_result()
        state = active[result.period]
        if isinstance(result, EmbedResult):
            take_embedding(state, result, engine, progress)
            continue
        state.briefs[result.story] = result
        progress.briefed()
        if len(state.briefs) == len(state.stories):
            del active[result.period]
            progress.finished()
            yield period_output(state)
