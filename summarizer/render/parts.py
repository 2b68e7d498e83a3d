"""Plain-text pieces every renderer shows alike: names, counts, the footer line, the empty-briefing note.

Nothing here escapes: Markdown passes these through ``markdown_text``, HTML through the template's autoescaping.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from summarizer.plural import plural as counted
from summarizer.types import Article, Briefing, Disagreement, Skipped

RECORD_PLACE = re.compile(r"(?::\d+|: record \d+)$")


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]


def source_name(article: Article) -> str:
    """The article's title, else its file name, else its id."""
    if article.title.strip():
        return article.title
    if article.path:
        return Path(article.path).name
    return article.ref or f"article {article.id + 1}"


def source_details(article: Article) -> list[str]:
    """The outlet and the date (ISO 8601; a date that cannot be read in full is shown as written, marked unclear)."""
    when = article.date or (f"{article.published.strip()} (unclear date)" if article.published.strip() else "")
    return [part for part in (article.source, when) if part.strip()]


def skipped_note(skipped: tuple[Skipped, ...]) -> str:
    """``skipped 2 files: a.pdf (PDF: convert it to text first), b.bin (binary)`` ('' when none)."""
    if not skipped:
        return ""
    noun = "input" if any(RECORD_PLACE.search(item.path) for item in skipped) else "file"  # FILE:LINE or FILE: record N
    return f"skipped {counted(len(skipped), noun)}: " + ", ".join(f"{item.path} ({item.reason})" for item in skipped)


def footer_text(briefing: Briefing) -> str:
    """How much went in, what was left out and what was skipped, as one sentence."""
    reasons = Counter(item.reason for item in briefing.left_out)
    parts = [
        f"{counted(len(briefing.articles), 'article')}, {counted(len(briefing.sentences), 'sentence')} in {counted(len(briefing.topics), 'topic')}",
        counted(len(briefing.bullets), "bullet"),
    ]
    if reasons:
        parts.append("left out: " + ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items())))
    if briefing.skipped:
        parts.append(skipped_note(briefing.skipped))
    return "; ".join(parts) + "."


def empty_note(briefing: Briefing) -> str:
    """Why there is no bullet, as a sentence ('' when there are bullets)."""
    reason = briefing.empty_reason()
    return capitalised(reason) + ("" if reason.endswith(".") else ".") if reason else ""


def disagreement_parts(disagreement: Disagreement, articles: tuple[Article, ...]) -> tuple[str, list[tuple[str, int, str]]]:
    """What to say of sources that give a fact different figures: a lead ("Changed over time" when one account
    replaced another, earliest first, so the latest value comes last; else "Sources differ") and, per value, its
    text, its 1-based source number and its source's date ('' when undated)."""
    dated = [(value.text, value.article_id + 1, articles[value.article_id].date) for value in disagreement.values]
    if disagreement.over_time:
        return "Changed over time", sorted(dated, key=lambda item: (item[2], item[1]))
    return "Sources differ", dated
