"""summarizer: multi-document news briefings with verbatim, cited bullets.

from pathlib import Path
from summarizer import summarize
from summarizer.render import render
briefing = summarize(sorted(Path("seeds").glob("*.txt")))
for bullet in briefing.bullets:
    print(bullet.label, bullet.text, bullet.article_ids)
print(render(briefing, "md"))
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summarizer.types import Article, Briefing, Bullet, Citation, LeftOut, RunnerUp, Sentence, Skipped, Topic
from summarizer.version import VERSION

if TYPE_CHECKING:
    from summarizer.embed.embedder import Encoder

__version__ = VERSION
__all__ = ["Article", "Briefing", "Bullet", "Citation", "LeftOut", "RunnerUp", "Sentence", "Skipped", "Topic", "summarize", "what_is_new"]


def as_articles(items: Sequence[Article | str | os.PathLike[str] | dict[str, Any]]) -> list[Article]:
    """Accept Articles, texts, paths of files to read (``pathlib.Path``) or JSON-like records; number them in order.

    A ``str`` is always article text; a file is named by a ``Path``.
    """
    from dataclasses import replace
    from pathlib import Path

    from summarizer.errors import InputError
    from summarizer.ingest.readers import read_path
    from summarizer.ingest.records import record_to_article

    articles: list[Article] = []
    for number, item in enumerate(items):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"article {number}: the article is empty")
            articles.append(Article(id=0, text=item))
        elif isinstance(item, os.PathLike):
            articles.extend(read_path(Path(item)))
        else:
            articles.append(record_to_article(item, f"article {number}"))
    return [replace(article, id=index) for index, article in enumerate(articles)]


def summarize(articles: Sequence[Article | str | os.PathLike[str] | dict[str, Any]], embedder: Encoder | None = None, **options: Any) -> Briefing:
    """Summarise news articles into a Briefing of cited, verbatim bullets.

    ``articles`` are texts, ``pathlib.Path`` files to read (any format the
    CLI reads), JSON-like records or Articles. ``options`` are those of
    :class:`summarizer.options.Options`: ``bullets``, ``max_words``,
    ``model``, ``seed`` and the ablation switches. A briefing with no
    bullet says why in ``briefing.empty_reason()``, and a UserWarning says
    it too. ``summarizer.render.render(briefing, "md" | "json" | "html")`` gives the text the CLI prints.
    """
    import warnings

    from summarizer.options import Options
    from summarizer.pipeline import run

    briefing = run(as_articles(articles), Options(**options), embedder)
    if not briefing.bullets:
        warnings.warn(f"the briefing has no bullet: {briefing.empty_reason()}", UserWarning, stacklevel=2)
    return briefing


def what_is_new(briefing: Briefing, since: Sequence[str | os.PathLike[str]], embedder: Encoder | None = None, only_new: bool = False) -> Briefing:
    """``briefing`` with each bullet marked against earlier briefings (their JSON files, or folders of them,
    such as a ``batch`` output): ``status`` new, update or reported, and ``earlier``, the sentence that
    decided it; new and updated bullets come first, and ``only_new`` drops the reported ones."""
    from summarizer.embed.embedder import Embedder
    from summarizer.since import mark_new, read_earlier

    earlier = read_earlier([os.fspath(path) for path in since])
    return mark_new(briefing, earlier, embedder or Embedder(), only_new)
