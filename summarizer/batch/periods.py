"""Group articles by the day (or ISO week) they were published, as the date is written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timezone

from summarizer.types import Article

PERIODS = ("day", "week", "all")
UNDATED = "undated"
EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")  # seconds, or milliseconds, since 1970
PROBES = (datetime(2000, 1, 1), datetime(2001, 2, 2))  # what dateutil fills in for a missing part


def parse_date(published: str) -> date | None:
    """The calendar date a string names in full (year, month and day), else None.

    dateutil fills missing parts from a default date; parsing with two
    different defaults tells a full date (same result) from a partial one such
    as "March 2" or "Monday", which would otherwise take today's year or date.
    Epoch timestamps are read in UTC.
    """
    text = published.strip()
    if not text:
        return None
    if EPOCH.fullmatch(text):
        seconds = float(text) / (1000.0 if len(text) >= 12 and "." not in text else 1.0)
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    from dateutil import parser

    try:
        first, second = (parser.parse(text, default=probe) for probe in PROBES)
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def period_of(published: str, period: str) -> str:
    """``2025-03-02`` (day), ``2025-W09`` (week), ``all``, or ``undated`` when no full date can be read."""
    if period == "all":
        return "all"
    day = parse_date(published)
    if day is None:
        return UNDATED
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def group_by_period(articles: Sequence[Article], period: str) -> dict[str, list[Article]]:
    """Articles by period key, keys sorted, articles in input order."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(period_of(article.published, period), []).append(article)
    return {key: groups[key] for key in sorted(groups)}
