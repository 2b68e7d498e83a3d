"""Recognise lines that are page furniture, not news: share counters, bylines, stray numbers.

Each rule looks at one whole line, so the article text itself is never rewritten:
a boilerplate line is simply not offered to the sentence splitter.
"""

from __future__ import annotations

import re

SOCIAL_WORDS = r"(?:shares?|tweet|email|e-mail|pin|print|comments?|whatsapp|facebook|twitter|linkedin|reddit)"

BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "0 SHARES Share Tweet", "Share this article", "Share Tweet Email"
    ("share counter", re.compile(rf"^(?:date\s+\S+\s+)?(?:[\d,.]+[km]?\s*)?{SOCIAL_WORDS}(?:\W+(?:[\d,.]+|{SOCIAL_WORDS}|this|article|story|on))*\W*$", re.I)),
    ("stray number", re.compile(r"^[\W\d]*\d[\W\d]*$")),
    # "[BBC]", "(Reuters)", "[Image: Getty]"
    ("source tag", re.compile(r"^[\[(][^\])]{1,40}[\])]$")),
    # "By Jane Smith", "By Jane Smith and John Doe, BBC News", "Written by J. Doe | Reuters"
    ("byline", re.compile(r"^(?:by|written by|reporting by|words by)\s+[A-Z][\w.'’-]*(?:\s+[\w.'’&|,-]+){0,10}$", re.I)),
    # "date 2025-03-03", "Published: 3 March 2025", "Updated 10:42 GMT"
    ("dateline", re.compile(r"^(?:date|published|updated|posted|last updated)\b[\s:]+\S.{0,60}$", re.I)),
    (
        "page furniture",
        re.compile(
            r"^(?:advertisement|advert|sponsored|read more|related(?: articles| stories)?|click here.*|sign up.*"
            r"|subscribe.*|follow us.*|image (?:copyright|source|caption).*|getty images|photo:.*|video:.*"
            r"|listen to this article.*|\d+\s+min(?:ute)?s?\s+read|skip to (?:content|main content)|menu|home)\W*$",
            re.I,
        ),
    ),
)

ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def boilerplate_reason(line: str) -> str | None:
    """The kind of boilerplate this line is, or None for a line of news text."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped.split()) > 14:
        return None
    for reason, pattern in BOILERPLATE_PATTERNS:
        if pattern.match(stripped):
            return reason
    return None


def date_in(line: str) -> str:
    """An ISO date (YYYY-MM-DD) found in a boilerplate line, or ''."""
    match = ISO_DATE.search(line)
    return match.group(1) if match else ""
