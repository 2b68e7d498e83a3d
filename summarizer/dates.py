"""Dates as news records write them: full dates only, ambiguous numeric forms never guessed, ISO 8601 out.

"12/03/2025" is 12 March in London and 3 December in New York: a numeric date
whose first two numbers could each be the month is ambiguous, and stays
undated unless the user says which comes first (``dayfirst`` or
``monthfirst``). A date with a missing part ("March 2", "Monday") is not a
date either: nothing is filled in from today. Wire datelines ("LONDON,
March 12 (Reuters) - ", "Dunmarra, 12 March 2025 — ") are recognised here so
that the reader can take their date and the splitter can step over them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timezone

from summarizer.types import Article

ORDERS = ("", "dayfirst", "monthfirst")
EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")  # seconds, or milliseconds, since 1970
NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\b")  # day and month in some order, then the year
PROBES = (datetime(2000, 1, 1), datetime(2001, 2, 2))  # what dateutil fills in for a missing part

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
SPELLED_DATE = rf"(?:\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
PLACE_CAPS = r"[A-Z][A-Z .'’-]{1,30}"
PLACE_WORDS = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
AGENCY = r"\([\w .&-]{1,20}\)"
DASH = r"\s*[_—–-]{1,2}\s+(?=\S)"
# "LONDON (AP) _ ", "WASHINGTON (Reuters) - ", "KYIV, Ukraine — ", "LONDON, March 12 (Reuters) - ", "Dunmarra, 12 March 2025 — "
DATELINE = re.compile(
    rf"^(?:{PLACE_CAPS}(?:,\s+(?P<when>{SPELLED_DATE})|,\s+[A-Z][\w .]{{1,30}})?\s*(?:{AGENCY})?"
    rf"|{PLACE_WORDS},\s+(?P<when2>{SPELLED_DATE})\s*(?:{AGENCY})?"
    rf"|{PLACE_WORDS}\s*{AGENCY}){DASH}"
)


def numeric_parts(text: str) -> tuple[int, int] | None:
    """The first two numbers of a numeric date such as 12/03/2025, or None for any other form."""
    match = NUMERIC.fullmatch(text.strip().split("T")[0].split(" ")[0])
    return (int(match.group(1)), int(match.group(3))) if match else None


def is_ambiguous(text: str) -> bool:
    """True for a numeric date whose first two numbers could each be the month, and differ (12/03/2025)."""
    parts = numeric_parts(text)
    return parts is not None and parts[0] != parts[1] and max(parts) <= 12


def parse_date(text: str, order: str = "") -> date | None:
    """The calendar date ``text`` names in full, else None.

    ISO 8601 and spelled-out dates are read as written, epoch timestamps in
    UTC. A numeric date is read when only one order makes sense (25/03/2025),
    or by ``order`` (dayfirst or monthfirst) when both do; without it, an
    ambiguous one is None. dateutil fills missing parts from a default date:
    parsing with two defaults tells a full date from a partial one.
    """
    text = text.strip()
    if not text:
        return None
    if EPOCH.fullmatch(text):
        seconds = float(text) / (1000.0 if len(text) >= 12 and "." not in text else 1.0)
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    parts = numeric_parts(text)
    if parts is not None and is_ambiguous(text) and not order:
        return None
    dayfirst = parts is not None and (parts[0] > 12 or (is_ambiguous(text) and order == "dayfirst"))
    from dateutil import parser

    try:
        first, second = (parser.parse(text, default=probe, dayfirst=dayfirst) for probe in PROBES)
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def iso_date(text: str, order: str = "") -> str:
    """``YYYY-MM-DD`` for a full date, else ''."""
    day = parse_date(text, order)
    return day.isoformat() if day else ""


def dateline_length(text: str) -> int:
    """How many characters a wire dateline takes at the start of ``text`` (0 when there is none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def dateline_date(text: str) -> str:
    """The ISO date a dateline at the start of ``text`` gives in full ("Dunmarra, 12 March 2025 — "), else ''."""
    match = DATELINE.match(text.lstrip())
    if not match:
        return ""
    when = match.group("when") or match.group("when2") or ""
    return iso_date(when)


def article_date(article: Article, order: str = "") -> str:
    """The article's ISO date: from ``published``, else from a dateline at the start of its text."""
    if article.published.strip():
        return iso_date(article.published, order)
    return dateline_date(article.text)


def with_dates(articles: Sequence[Article], order: str = "") -> list[Article]:
    """The articles with ``date`` set (``order``: '', dayfirst or monthfirst, for numeric dates like 12/03/2025)."""
    if order not in ORDERS:
        raise ValueError(f"unknown date order {order!r}")
    return [replace(article, date=article_date(article, order)) for article in articles]


def ambiguous_dates(articles: Sequence[Article], order: str = "") -> list[Article]:
    """The articles left undated because their numeric date reads both ways and no order was given."""
    return [] if order else [a for a in articles if not a.date and is_ambiguous(a.published)]


def ambiguity_warning(article: Article, where: str) -> str:
    """One warning line for an article whose date was left out as ambiguous."""
    first, second = numeric_parts(article.published) or (0, 0)
    return (
        f"{where}: the date {article.published.strip()!r} reads as day {first} of month {second} or month {first}, day {second}: "
        "left undated; say which with --dayfirst or --monthfirst"
    )
