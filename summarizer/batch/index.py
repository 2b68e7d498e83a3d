"""The indexes of a batch run: one per period (stories, biggest first) and one for the whole output folder.

Story titles come from the articles, so every one goes through ``markdown_text``
(inside ``markdown_link``): a hostile headline cannot add links, images or structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from summarizer.plural import plural as counted
from summarizer.render.escape import markdown_link, markdown_text


def story_line(story: dict[str, Any], period: str = "") -> str:
    """``1. [Title](story-001.md): 7 articles, 3 sources`` (single-source stories say so; a story that goes
    on a thread begun in an earlier period says since when)."""
    detail = counted(len(story["articles"]), "article")
    if story["sources"]:
        detail += ", " + counted(len(story["sources"]), "source")
    if story["single_source"]:
        detail += ", single source"
    if story.get("thread_since") and story["thread_since"] != period:
        detail += f"; followed since {markdown_text(story['thread_since'])}"
    return f"{int(story['id'])}. {markdown_link(story['title'], story['markdown'])}: {detail}"


def period_markdown(index: dict[str, Any]) -> str:
    """A period's index.md: its stories, biggest first."""
    stories = index["stories"]
    heading = f"{markdown_text(str(index['period']))}: {counted(len(stories), 'story')} from {counted(int(index['articles']), 'article')}"
    lines = [f"# {heading}", ""]
    lines += [story_line(story, str(index["period"])) for story in stories]
    return "\n".join(lines) + "\n"


def period_line(period: dict[str, Any]) -> str:
    """``- [2025-03-02](2025-03-02/index.md): 3 stories, 12 articles: Biggest story title``."""
    key = str(period["period"])
    top = f": {markdown_text(period['top_story'])}" if period.get("top_story") else ""
    counts = f"{counted(int(period['stories']), 'story')}, {counted(int(period['articles']), 'article')}"
    return f"- {markdown_link(key, key + '/index.md')}: {counts}{top}"


def top_markdown(periods: Sequence[dict[str, Any]], threads: bool = False) -> str:
    """OUTDIR/index.md: every period with its counts and biggest story (and a link to the threads, with days or weeks)."""
    lines = ["# News briefings by period", ""]
    if threads:
        lines += ["Stories followed across periods: [threads](threads.md).", ""]
    lines += [period_line(period) for period in periods]
    return "\n".join(lines) + "\n"


def period_summary(index: dict[str, Any]) -> dict[str, Any]:
    """A period's line in the top-level index."""
    stories = index["stories"]
    return {"period": index["period"], "articles": index["articles"], "stories": len(stories), "top_story": stories[0]["title"] if stories else ""}
