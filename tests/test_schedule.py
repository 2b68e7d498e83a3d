"""Packing small stories into shared embedding jobs (``batch.schedule.packed_jobs``)."""

from __future__ import annotations

import pytest

from summarizer.batch.schedule import packed_jobs
from summarizer.batch.work import EmbedPart
from summarizer.types import Article


def part(story: int, articles: int, chunk: int = 0) -> EmbedPart:
    """A part of ``articles`` one-line articles of ``story``."""
    return EmbedPart("2025-06-10", story, chunk, tuple(Article(id=i, text=f"Story {story} line {i}.") for i in range(articles)))


@pytest.mark.parametrize("chunk", [1, 3, 32])
def test_parts_are_packed_in_order_without_splitting_or_overfilling(chunk: int) -> None:
    parts = [part(0, 3), part(1, 1), part(2, 1), part(3, 2), part(4, 1), part(5, 3, chunk=1)]
    jobs = packed_jobs(parts, chunk)
    assert [p for job in jobs for p in job.parts] == parts
    for job in jobs:
        size = sum(len(p.articles) for p in job.parts)
        assert size <= chunk or len(job.parts) == 1  # a part bigger than the chunk (here: 3 > 1) goes alone


def test_many_single_article_stories_share_jobs() -> None:
    jobs = packed_jobs([part(story, 1) for story in range(100)], 32)
    assert [len(job.parts) for job in jobs] == [32, 32, 32, 4]
