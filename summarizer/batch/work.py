"""The units of batch work, the same on every engine: embed a chunk of articles, brief one story, or compute a
block of story clustering's similarity pass (``batch.blocks``).

Both are pure functions of their inputs (articles, options, model): a
sentence's vector does not depend on what it is embedded with, so however
the work is cut and wherever it runs, the files come out byte-identical.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.batch.blocks import BlockJob, BlockResult, run_block
from summarizer.batch.threads.follow import Earlier
from summarizer.embed.embedder import Encoder
from summarizer.options import Options
from summarizer.types import Article, EarlierMatch


@dataclass(frozen=True)
class EmbedPart:
    """A run of articles of one story (its position in the period's stories), the ``chunk``-th of the story."""

    period: str
    story: int
    chunk: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class EmbedJob:
    """Embed the sentences and titles of a few articles, from one story or several small ones: a vector does not
    depend on what it is embedded with, so small stories share a job and fill its fixed-shape batches."""

    parts: tuple[EmbedPart, ...]


@dataclass(frozen=True)
class PartSentences:
    """The sentence texts of each article of one part, and the part's titles."""

    period: str
    story: int
    chunk: int
    sentences: tuple[tuple[str, ...], ...]
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class EmbedResult:
    """Each part's sentence texts, and one vector per distinct text of the job (sentences and titles)."""

    parts: tuple[PartSentences, ...]
    texts: tuple[str, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class BriefJob:
    """Brief one story: its articles, the vectors of their sentences and titles, and the articles its thread
    had in earlier periods (the briefing marks what is new against them)."""

    period: str
    story: str
    articles: tuple[Article, ...]
    texts: tuple[str, ...]
    vectors: np.ndarray
    earlier: tuple[Earlier, ...] = ()
    sentence_counts: tuple[int, ...] = ()  # each article's sentences, as embedding split them (else split again)


@dataclass(frozen=True)
class BriefResult:
    """A story's briefing rendered as Markdown, JSON and an HTML page, and its title."""

    period: str
    story: str
    title: str
    markdown: str
    json: str
    fresh: tuple[str, ...] = ()
    html: str = ""


Job = EmbedJob | BriefJob | BlockJob
Result = EmbedResult | BriefResult | BlockResult


class Memo:
    """An Encoder that serves vectors embedded beforehand (and embeds any stray text itself)."""

    def __init__(self, encoder: Encoder, texts: Sequence[str], vectors: np.ndarray) -> None:
        self.encoder = encoder
        self.memory = dict(zip(texts, vectors, strict=True))

    @property
    def name(self) -> str:
        """The model's name."""
        return self.encoder.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors from memory; unknown texts are embedded and remembered."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.memory]
        if missing:
            self.memory.update(zip(missing, self.encoder.encode(missing), strict=True))
        if not texts:
            return self.encoder.encode([])
        return np.stack([self.memory[t] for t in texts])


def embed_chunk(job: EmbedJob, encoder: Encoder) -> EmbedResult:
    """Split every article into sentences and embed them, with the titles, in one call."""
    from summarizer.text.split import segment_article

    parts = tuple(
        PartSentences(
            part.period,
            part.story,
            part.chunk,
            tuple(tuple(s.text for s in segment_article(article)[0]) for article in part.articles),
            tuple(article.title for article in part.articles if article.title),
        )
        for part in job.parts
    )
    found = [t for part in parts for article in part.sentences for t in article]
    texts = tuple(dict.fromkeys(found + [title for part in parts for title in part.titles]))
    return EmbedResult(parts, texts, encoder.encode(list(texts)))


def earlier_sentences(items: Sequence[Earlier]) -> list[EarlierMatch]:
    """Every sentence of a thread's earlier articles, each text once, with its article and briefing."""
    from summarizer.text.split import split_sentences

    found: dict[str, EarlierMatch] = {}
    for item in items:
        where = f"{item.period}/story-{item.story}.json" if item.story else item.period
        for start, end in split_sentences(item.text):
            found.setdefault(item.text[start:end], EarlierMatch(item.text[start:end], item.ref, item.title, "", item.period, where, 0.0))
    return list(found.values())


def brief_story(job: BriefJob, options: Options, encoder: Encoder) -> BriefResult:
    """The story's briefing (articles renumbered from 0, as in ``summarizer brief``; a story too big for one
    briefing from its representatives, ``big_story``), with its bullets marked new, update or reported against the
    thread's earlier articles when it goes on a thread, rendered."""
    from summarizer.batch.stories.big import split_story, with_every_article
    from summarizer.dates import with_dates
    from summarizer.pipeline import run
    from summarizer.render import render
    from summarizer.render.html import render_html
    from summarizer.since import mark_new

    analysed, others = split_story(job.articles, counts=job.sentence_counts or None)
    articles = [dataclasses.replace(a, id=i) for i, a in enumerate(analysed)]
    memo = Memo(encoder, job.texts, job.vectors)
    briefing = run(articles, options, memo)
    if others:
        briefing = with_every_article(briefing, with_dates(others, options.date_order))
    earlier = earlier_sentences(job.earlier)
    if earlier:
        briefing = mark_new(briefing, earlier, memo)
    fresh = tuple(bullet.text for bullet in briefing.bullets if bullet.status != "reported")
    page = render_html(briefing, nav=(("index.html", job.period), ("../index.html", "All periods")))
    return BriefResult(job.period, job.story, briefing.title, render(briefing, "md"), render(briefing, "json"), fresh, page)


def do_job(job: Job, options: Options, encoder: Encoder) -> Result:
    """Run one unit of work."""
    if isinstance(job, EmbedJob):
        return embed_chunk(job, encoder)
    if isinstance(job, BlockJob):
        return run_block(job)
    return brief_story(job, options, encoder)
