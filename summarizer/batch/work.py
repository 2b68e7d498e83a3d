"""One period's work, the same on every engine: embed once, cluster stories, brief each story.

``process_period`` is a pure function of its inputs (articles, options, model),
so the local and the Ray engine give byte-identical files.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarizer.batch.stories import article_similarity, cluster_stories
from summarizer.embed.embedder import Encoder
from summarizer.options import Options
from summarizer.types import Article, Briefing

INDEX_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class PeriodTask:
    """A period to process: its key, its articles (in a fixed order) and the hash of everything it depends on."""

    key: str
    articles: tuple[Article, ...]
    digest: str


@dataclass(frozen=True)
class PeriodResult:
    """The files of a processed period (relative path -> text), its index record and its counts."""

    key: str
    files: dict[str, str]
    index: dict[str, Any]
    articles: int
    stories: int


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


def embed_period(articles: Sequence[Article], encoder: Encoder) -> tuple[Memo, list[np.ndarray]]:
    """Embed every sentence and title of the period in one call; the sentence rows of each article."""
    from summarizer.text.split import segment_article

    per_article = [[s.text for s in segment_article(article)[0]] for article in articles]
    texts = list(dict.fromkeys([t for texts in per_article for t in texts] + [a.title for a in articles if a.title]))
    memo = Memo(encoder, texts, encoder.encode(texts))
    dimension = memo.encode(texts[:1]).shape[1] if texts else 1
    rows = [memo.encode(texts) if texts else np.zeros((0, dimension), dtype=np.float32) for texts in per_article]
    return memo, rows


def order_stories(labels: np.ndarray, articles: Sequence[Article]) -> list[list[int]]:
    """Article positions per story, biggest first: by articles, then distinct sources, then first article."""
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    sources = {label: len({articles[i].source or articles[i].ref for i in members}) for label, members in groups.items()}
    return [groups[label] for label in sorted(groups, key=lambda g: (-len(groups[g]), -sources[g], groups[g][0]))]


def brief_story(articles: Sequence[Article], options: Options, memo: Memo) -> Briefing:
    """The story's briefing, its articles renumbered from 0 as in ``summarizer brief``."""
    from summarizer.pipeline import run

    return run([dataclasses.replace(a, id=i) for i, a in enumerate(articles)], options, memo)


def story_entry(story_id: str, articles: Sequence[Article], briefing: Briefing) -> dict[str, Any]:
    """The index record of one story."""
    sources = sorted({a.source for a in articles if a.source})
    return {
        "id": story_id,
        "title": briefing.title,
        "articles": [a.ref for a in articles],
        "sources": sources,
        "single_source": len(articles) == 1,
        "briefing": f"story-{story_id}.json",
        "markdown": f"story-{story_id}.md",
    }


def process_period(task: PeriodTask, options: Options, encoder: Encoder) -> PeriodResult:
    """Embed, cluster into stories, brief and render every story of one period."""
    from summarizer.batch.index import period_markdown
    from summarizer.render import render

    memo, rows = embed_period(task.articles, encoder)
    labels = cluster_stories(article_similarity([a.text for a in task.articles], rows))
    stories = order_stories(labels, task.articles)
    width = max(3, len(str(len(stories))))
    files: dict[str, str] = {}
    entries = []
    for rank, members in enumerate(stories, start=1):
        story_id = f"{rank:0{width}d}"
        chosen = [task.articles[i] for i in members]
        briefing = brief_story(chosen, options, memo)
        files[f"story-{story_id}.md"] = render(briefing, "md")
        files[f"story-{story_id}.json"] = render(briefing, "json")
        entries.append(story_entry(story_id, chosen, briefing))
    index = {"schema_version": INDEX_SCHEMA_VERSION, "period": task.key, "input_hash": task.digest, "articles": len(task.articles), "stories": entries}
    files["index.md"] = period_markdown(index)
    files["index.json"] = json.dumps(index, ensure_ascii=False, indent=2) + "\n"
    return PeriodResult(task.key, files, index, len(task.articles), len(stories))
