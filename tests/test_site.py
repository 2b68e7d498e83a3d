"""The pages of a batch site: hostile titles stay text, links stay ours, timelines sit on a time axis."""

from __future__ import annotations

import pytest

from summarizer.batch.site import period_html, threads_html, timeline, top_html
from tests.helpers.pages import HOSTILE, html_problems, page_texts


def period_index(title: str) -> dict:
    story = {"id": "001", "title": title, "articles": ["a", "b"], "sources": [title], "single_source": False, "html": "story-001.html"}
    threaded = {**story, "id": "002", "html": "story-002.html", "thread": "2025-03-01-001", "thread_since": "2025-03-01"}
    return {"period": "2025-03-02", "articles": 4, "stories": [story, threaded]}


def threads_record(title: str) -> dict:
    entry = {"period": "2025-03-01", "story": "001", "title": title, "articles": 3, "markdown": "2025-03-01/story-001.md", "new_bullets": [title]}
    later = {**entry, "period": "2025-03-04", "articles": 1, "markdown": "2025-03-04/story-002.md", "html": "2025-03-04/story-002.html"}
    thread = {"id": "2025-03-01-001", "title": title, "first": "2025-03-01", "last": "2025-03-04", "articles": 4, "periods": [entry, later]}
    return {"threads": [thread]}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_titles_cannot_shape_a_site_page(text: str) -> None:
    pages = [
        period_html(period_index(text), threaded=True),
        top_html([{"period": "2025-03-02", "articles": 4, "stories": 2, "top_story": text}], threaded=True),
        threads_html(threads_record(text)),
    ]
    for page in pages:
        assert html_problems(page, live_links=0) == [], page


def test_period_page_links_each_story_and_its_thread() -> None:
    page = period_html(period_index("Talks end"), threaded=True)
    assert 'href="story-001.html"' in page and 'href="story-002.html"' in page
    assert 'href="../threads.html#thread-2025-03-01-001"' in page and 'href="../index.html"' in page
    assert page_texts(page)["a"][:2] == ["All periods", "Threads"]


def test_a_thread_page_links_every_period_and_draws_its_days() -> None:
    page = threads_html(threads_record("Talks end"))
    assert 'id="thread-2025-03-01-001"' in page
    assert 'href="2025-03-01/story-001.html"' in page and 'href="2025-03-04/story-002.html"' in page
    assert page.count("<rect ") == 2


def test_timeline_bars_stand_at_their_days_and_scale_with_articles() -> None:
    drawn = timeline([{"period": "2025-03-01", "articles": 4}, {"period": "2025-03-04", "articles": 1}, {"period": "2025-03-10", "articles": 2}])
    bars = drawn["bars"]
    assert [bar["x"] for bar in bars] == [0, 24, 72]
    assert bars[0]["height"] == 40 and bars[1]["height"] == 10 and bars[2]["height"] == 20
    assert [bars[0]["tip"], drawn["first"], drawn["last"]] == ["2025-03-01: 4 articles", "2025-03-01", "2025-03-10"]
    weeks = timeline([{"period": "2025-W09", "articles": 1}, {"period": "2025-W10", "articles": 1}])
    assert [bar["x"] for bar in weeks["bars"]] == [0, 56]
