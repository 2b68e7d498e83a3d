"""The pages of a batch site: the periods index, each period's stories, and the threads with their timelines.

Every page comes from a Jinja2 template with autoescaping, with the same
Content-Security-Policy as a briefing page (templates/base.html); links are
relative, so the folder reads from disk (open ``index.html``) or from any web
server. The timeline of a thread is inline SVG: a bar per period, as tall as the
thread's articles that period, on a time axis from the thread's first period to
its last.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from summarizer.plural import plural
from summarizer.render.escape import clean_text
from summarizer.render.html import environment

BAR = 8  # width of a day's bar, in SVG units
HEIGHT = 40  # height of the tallest bar


def day_of(period: str) -> datetime.date | None:
    """The first day of a period key (``2025-03-02`` or ``2025-W09``); None for others."""
    from summarizer.batch.periods import period_start

    return period_start(period)


def story_detail(story: dict[str, Any], period: str) -> str:
    """``7 articles, 3 sources`` (single-source stories say so)."""
    detail = plural(len(story["articles"]), "article")
    if story.get("sources"):
        detail += ", " + plural(len(story["sources"]), "source")
    if story.get("single_source"):
        detail += ", single source"
    return detail


def period_view(index: dict[str, Any], threaded: bool) -> dict[str, Any]:
    """What a period's page shows: its stories, biggest first, each linked to its briefing page."""
    key = str(index["period"])
    stories = []
    for story in index["stories"]:
        since = str(story.get("thread_since", ""))
        stories.append(
            {
                "href": story_page(story),
                "title": clean_text(str(story["title"])) or f"Story {story['id']}",
                "detail": story_detail(story, key),
                "thread": str(story.get("thread", "")) if threaded else "",
                "since": clean_text(since) if since and since != key else "",
            }
        )
    heading = f"{key}: {plural(len(stories), 'story')} from {plural(int(index['articles']), 'article')}"
    return {"title": clean_text(heading), "stories": stories, "threaded": threaded}


def story_page(story: dict[str, Any]) -> str:
    """The file name of a story's briefing page."""
    return str(story.get("html") or f"story-{story['id']}.html")


def period_html(index: dict[str, Any], threaded: bool) -> str:
    """A period's ``index.html``."""
    return environment().get_template("period.html").render(period_view(index, threaded))


def top_html(periods: Sequence[dict[str, Any]], threaded: bool) -> str:
    """``OUTDIR/index.html``: every period with its counts and biggest story."""
    rows = [
        {
            "href": f"{period['period']}/index.html",
            "key": clean_text(str(period["period"])),
            "counts": f"{plural(int(period['stories']), 'story')}, {plural(int(period['articles']), 'article')}",
            "top": clean_text(str(period.get("top_story", ""))),
        }
        for period in periods
    ]
    return environment().get_template("site_index.html").render({"title": "News briefings by period", "periods": rows, "threaded": threaded})


def timeline(periods: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The SVG geometry of one thread: a bar per period at its day (or week) since the thread began."""
    days = [day_of(str(entry["period"])) for entry in periods]
    known = [day for day in days if day is not None]
    first = min(known) if known else None
    tallest = max((int(entry["articles"]) for entry in periods), default=1) or 1
    bars: list[dict[str, Any]] = []
    right = 0
    for number, (entry, day) in enumerate(zip(periods, days, strict=True)):
        offset = (day - first).days if day is not None and first is not None else number
        height = max(2, round(HEIGHT * int(entry["articles"]) / tallest))
        right = max(right, offset * BAR)
        bars.append({"x": offset * BAR, "y": HEIGHT - height, "height": height, "tip": f"{entry['period']}: {plural(int(entry['articles']), 'article')}"})
    width = max(right + BAR, 160)
    ends = [str(periods[0]["period"]), str(periods[-1]["period"])] if periods else ["", ""]
    return {"width": width, "height": HEIGHT + 16, "bar": BAR - 2, "bars": bars, "first": ends[0], "last": ends[1] if ends[1] != ends[0] else ""}


def thread_view(rank: int, thread: dict[str, Any]) -> dict[str, Any]:
    """One thread: its title, span, timeline, and each period's story linked, with the bullets it added."""
    span = thread["first"] if thread["first"] == thread["last"] else f"{thread['first']} to {thread['last']}"
    entries = [
        {
            "href": str(entry.get("html") or str(entry["markdown"]).removesuffix(".md") + ".html"),
            "period": clean_text(str(entry["period"])),
            "title": clean_text(str(entry["title"])),
            "articles": plural(int(entry["articles"]), "article"),
            "new": [clean_text(text) for text in entry.get("new_bullets", [])],
        }
        for entry in thread["periods"]
    ]
    return {
        "rank": rank,
        "id": str(thread["id"]),
        "title": clean_text(str(thread["title"])) or f"Thread {thread['id']}",
        "summary": f"{plural(int(thread['articles']), 'article')}, {span}",
        "timeline": timeline(thread["periods"]),
        "entries": entries,
    }


def threads_html(record: dict[str, Any]) -> str:
    """``OUTDIR/threads.html``: every thread, biggest first, with its timeline."""
    threads = [thread_view(rank, thread) for rank, thread in enumerate(record["threads"], start=1)]
    return environment().get_template("threads.html").render({"title": f"News threads: {plural(len(threads), 'thread')}", "threads": threads})
