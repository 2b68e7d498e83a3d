"""summarizer: multi-document news briefings with verbatim, cited bullets.

from summarizer import summarize
briefing = summarize(["First article text...", "Second article text..."])
for bullet in briefing.bullets:
    print(bullet.label, bullet.text, bullet.article_ids)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summarizer.types import Article, Briefing, Bullet, Citation, LeftOut, RunnerUp, Sentence, Skipped, Topic

if TYPE_CHECKING:
    from summarizer.embed.embedder import Encoder

__version__ = "0.1.0"
__all__ = ["Article", "Briefing", "Bullet", "Citation", "LeftOut", "RunnerUp", "Sentence", "Skipped", "Topic", "summarize"]


def as_articles(items: Sequence[Article | str | dict[str, Any]]) -> list[Article]:
    """Accept Articles, plain strings or JSON-like records; number them in order."""
    from dataclasses import replace

    from summarizer.errors import InputError
    from summarizer.ingest.records import record_to_article

    articles = []
    for index, item in enumerate(items):
        if isinstance(item, Article):
            articles.append(replace(item, id=index))
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"article {index}: the article is empty")
            articles.append(Article(id=index, text=item))
        else:
            articles.append(record_to_article(item, f"article {index}", article_id=index))
    return articles


def summarize(articles: Sequence[Article | str | dict[str, Any]], embedder: Encoder | None = None, **options: Any) -> Briefing:
    """Summarise news articles into a Briefing of cited, verbatim bullets.

    ``options`` are those of :class:`summarizer.options.Options`: ``bullets``,
    ``max_words``, ``model``, ``seed`` and the ablation switches.
    """
    from summarizer.options import Options
    from summarizer.pipeline import run

    return run(as_articles(articles), Options(**options), embedder)
