"""The units of batch work, the same on every engine: embed a chunk of articles, brief one story.

Both are pure functions of their inputs (articles, options, model): a
sentence's vector does not depend on what it is embedded with, so however
the work is cut and wherever it runs, the files come out byte-identical.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.embed.embedder import Encoder
from summarizer.options import Options
from summarizer.types import Article


@dataclass(frozen=True)
class EmbedJob:
    """Embed the sentences and titles of a few articles of one period."""

    period: str
    chunk: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class EmbedResult:
    """Each article's sentence texts, and one vector per distinct text (sentences and titles)."""

    period: str
    chunk: int
    sentences: tuple[tuple[str, ...], ...]
    texts: tuple[str, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class BriefJob:
    """Brief one story: its articles, and the vectors of their sentences and titles."""

    period: str
    story: str
    articles: tuple[Article, ...]
    texts: tuple[str, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class BriefResult:
    """A story's briefing rendered as Markdown and JSON, and its title."""

    period: str
    story: str
    title: str
    markdown: str
    json: str


Job = EmbedJob | BriefJob
Result = EmbedResult | BriefResult


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

    sentences = tuple(tuple(s.text for s in segment_article(article)[0]) for article in job.articles)
    texts = tuple(dict.fromkeys([t for found in sentences for t in found] + [a.title for a in job.articles if a.title]))
    return EmbedResult(job.period, job.chunk, sentences, texts, encoder.encode(list(texts)))


def brief_story(job: BriefJob, options: Options, encoder: Encoder) -> BriefResult:
    """The story's briefing (articles renumbered from 0, as in ``summarizer brief``), rendered."""
    from summarizer.pipeline import run
    from summarizer.render import render

    articles = [dataclasses.replace(a, id=i) for i, a in enumerate(job.articles)]
    briefing = run(articles, options, Memo(encoder, job.texts, job.vectors))
    return BriefResult(job.period, job.story, briefing.title, render(briefing, "md"), render(briefing, "json"))


def do_job(job: Job, options: Options, encoder: Encoder) -> Result:
    """Run one unit of work."""
    if isinstance(job, EmbedJob):
        return embed_chunk(job, encoder)
    return brief_story(job, options, encoder)
