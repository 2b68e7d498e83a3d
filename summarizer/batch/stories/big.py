"""A story too big for one briefing's matrices: briefed from its most widely carried versions, cited to every carrier.

A briefing compares every candidate sentence with every other (similarity,
topics, centrality): memory grows with the square of its sentences. A story
of 500 wire articles has 10,000 and more, most of them the same sentences
again. So a story past ``STORY_SENTENCES`` sentences is briefed from
representatives:

1. its articles are folded into near-copy groups (``story_copies``: wire
   copies, write-throughs, trimmed reprints);
2. groups are taken biggest first (the version most outlets carried), each
   by its longest member, while the sentences fit the budget;
3. after the briefing, every other article of the story that carries a
   bullet's sentence word for word is cited for it too, so a bullet is still
   cited to every article that carries it.

Every article stays in the briefing's sources; ``provenance.counts`` says how
many were analysed. The choice depends only on the texts, so the output is
as deterministic as any other briefing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from summarizer.types import Article, Briefing, Bullet, Citation

STORY_SENTENCES = 4000


def sentence_counts(articles: Sequence[Article]) -> list[int]:
    """How many candidate sentences each article gives."""
    from summarizer.text.split import segment_article

    return [len(segment_article(article)[0]) for article in articles]


def representatives(articles: Sequence[Article], budget: int, counts: Sequence[int] | None = None) -> list[int] | None:
    """Positions of the articles to analyse (in story order), or None when the whole story fits ``budget``
    (``counts``: each article's sentences when already known)."""
    from summarizer.batch.stories.copies import copy_groups

    counts = list(counts) if counts is not None else sentence_counts(articles)
    if sum(counts) <= budget:
        return None
    groups = copy_groups([a.text for a in articles])
    members: dict[int, list[int]] = {}
    for position, group in enumerate(groups.tolist()):
        members.setdefault(group, []).append(position)
    chosen: list[int] = []
    total = 0
    for group in sorted(members, key=lambda g: (-len(members[g]), g)):
        longest = max(members[group], key=lambda p: (counts[p], -p))
        if not chosen or total + counts[longest] <= budget:
            chosen.append(longest)
            total += counts[longest]
    return sorted(chosen)


def verbatim_citations(bullet: Bullet, briefing: Briefing, others: Sequence[Article], first_id: int) -> Bullet:
    """The bullet, also cited to each of ``others`` (numbered from ``first_id``) that carries its sentence word for word."""
    own = bullet.citations[0]
    sentence = briefing.articles[own.article_id].text[own.start : own.end]
    cited = {c.article_id for c in bullet.citations}
    extra = []
    for number, article in enumerate(others, start=first_id):
        where = article.text.find(sentence)
        if where >= 0 and number not in cited:
            extra.append(Citation(number, where, where + len(sentence), 1.0))
    return dataclasses.replace(bullet, citations=bullet.citations + tuple(extra)) if extra else bullet


def with_every_article(briefing: Briefing, others: Sequence[Article]) -> Briefing:
    """The briefing of the representatives, with the story's other articles added as sources and cited where they
    carry a bullet verbatim."""
    from summarizer.pipeline import input_record

    first_id = len(briefing.articles)
    renumbered = [dataclasses.replace(article, id=first_id + n) for n, article in enumerate(others)]
    bullets = tuple(verbatim_citations(bullet, briefing, renumbered, first_id) for bullet in briefing.bullets)
    articles = briefing.articles + tuple(renumbered)
    provenance = dict(briefing.provenance)
    counts = dict(provenance.get("counts", {}))
    counts.update(articles=len(articles), articles_analysed=first_id)
    provenance.update(inputs=[input_record(a) for a in articles], counts=counts)
    return dataclasses.replace(briefing, bullets=bullets, articles=articles, provenance=provenance)


def split_story(articles: Sequence[Article], budget: int | None = None, counts: Sequence[int] | None = None) -> tuple[list[Article], list[Article]]:
    """(the articles to analyse, the rest), each in story order; the budget is ``STORY_SENTENCES`` unless given."""
    chosen = representatives(articles, budget or STORY_SENTENCES, counts)
    if chosen is None:
        return list(articles), []
    kept = np.zeros(len(articles), dtype=bool)
    kept[chosen] = True
    return [a for a, k in zip(articles, kept, strict=True) if k], [a for a, k in zip(articles, kept, strict=True) if not k]
