"""Group articles by the day (or ISO week) they were published, as the date is written."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.types import Article

PERIODS = ("day", "week", "all")
UNDATED = "undated"


def period_of(published: str, period: str) -> str:
    """``2025-03-02`` (day), ``2025-W09`` (week), ``all``, or ``undated`` when no date can be read."""
    if period == "all":
        return "all"
    if not published:
        return UNDATED
    from dateutil import parser

    try:
        moment = parser.parse(published)
    except (ValueError, OverflowError):
        return UNDATED
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    return moment.date().isoformat()


def group_by_period(articles: Sequence[Article], period: str) -> dict[str, list[Article]]:
    """Articles by period key, keys sorted, articles in input order."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(period_of(article.published, period), []).append(article)
    return {key: groups[key] for key in sorted(groups)}
