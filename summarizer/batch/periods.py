"""Period keys: group articles by the day (or ISO week) they were published (their ISO ``date``, see summarizer.dates), and read a key back as its first day."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from typing import Literal, get_args

from summarizer.dates import parse_date
from summarizer.types import Article

Period = Literal["day", "week", "all"]  # the command line offers exactly these
PERIODS: tuple[str, ...] = get_args(Period)
UNDATED = "undated"


def period_of(published: str, period: str, order: str = "") -> str:
    """``2025-03-02`` (day), ``2025-W09`` (week), ``all``, or ``undated`` when no full, unambiguous date can be read."""
    if period == "all":
        return "all"
    day = parse_date(published, order)
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
        groups.setdefault(period_of(article.date, period), []).append(article)
    return {key: groups[key] for key in sorted(groups)}


@functools.lru_cache(maxsize=4096)
def period_start(key: str) -> datetime.date | None:
    """The first day of a period key (``2025-03-02`` or ``2025-W09``); None for ``all`` and ``undated``."""
    try:
        if "-W" in key:
            year, week = key.split("-W")
            return datetime.date.fromisocalendar(int(year), int(week), 1)
        return datetime.date.fromisoformat(key)
    except ValueError:
        return None
