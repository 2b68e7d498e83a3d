"""The indexes of a batch run: one per period (stories, biggest first) and one for the whole output folder."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def story_line(story: dict[str, Any]) -> str:
    """``1. [Title](story-001.md): 7 articles, 3 sources`` (single-source stories say so)."""
    count = len(story["articles"])
    sources = len(story["sources"])
    detail = f"{count} article{'s' if count != 1 else ''}"
    if sources:
        detail += f", {sources} source{'s' if sources != 1 else ''}"
    if story["single_source"]:
        detail += ", single source"
    title = story["title"].replace("[", "(").replace("]", ")")
    return f"{int(story['id'])}. [{title}]({story['markdown']}): {detail}"


def period_markdown(index: dict[str, Any]) -> str:
    """A period's index.md: its stories, biggest first."""
    stories = index["stories"]
    lines = [f"# {index['period']}: {len(stories)} stories from {index['articles']} articles", ""]
    lines += [story_line(story) for story in stories]
    return "\n".join(lines) + "\n"


def top_markdown(periods: Sequence[dict[str, Any]]) -> str:
    """OUTDIR/index.md: every period with its counts and biggest story."""
    lines = ["# News briefings by period", ""]
    for period in periods:
        top = f": {period['top_story']}" if period.get("top_story") else ""
        lines.append(f"- [{period['period']}]({period['period']}/index.md): {period['stories']} stories, {period['articles']} articles{top}")
    return "\n".join(lines) + "\n"


def period_summary(index: dict[str, Any]) -> dict[str, Any]:
    """A period's line in the top-level index."""
    stories = index["stories"]
    return {"period": index["period"], "articles": index["articles"], "stories": len(stories), "top_story": stories[0]["title"] if stories else ""}
