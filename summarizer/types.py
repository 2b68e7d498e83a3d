"""The records that flow between pipeline stages: small, frozen, typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article as read from the input.

    ``id`` is the article's position in the briefing's source list (0-based);
    ``ref`` is the user's own identifier (a JSONL ``id`` or the file name);
    ``encoding`` is the text encoding the file was read in ('' when given as text);
    ``date`` is the publication date as ISO 8601 (from ``published``, else from a
    wire dateline), or '' when no full, unambiguous date is known.
    """

    id: int
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    ref: str = ""
    encoding: str = ""
    date: str = ""


@dataclass(frozen=True)
class Skipped:
    """An input file (or record) that was not read, and why, with a hint where one helps."""

    path: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A span of an article: ``article.text[start:end] == text``."""

    article_id: int
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LeftOut:
    """A span that no topic took, and why (boilerplate, heading, fragment...)."""

    article_id: int
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Citation:
    """Where a bullet's sentence (or a near-duplicate of it) stands in an article."""

    article_id: int
    start: int
    end: int
    similarity: float = 1.0


@dataclass(frozen=True)
class RunnerUp:
    """A sentence of the same topic that ranked just below the chosen one."""

    article_id: int
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class Topic:
    """A group of sentences about one subject; ``sentence_ids`` index the sentence list."""

    id: int
    label: str
    sentence_ids: tuple[int, ...]


@dataclass(frozen=True)
class StatedValue:
    """One source's figure for a fact: its text, value and unit, and where it stands in its article."""

    text: str
    value: float
    unit: str
    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Disagreement:
    """Sources that give different figures for the fact of a bullet: the kind (money, percent, count), each
    source's value (the bullet's own first), and whether it is a change over time rather than a dispute."""

    kind: str
    values: tuple[StatedValue, ...]
    over_time: bool = False  # one account replaced another (a later date, and the same source or a revision word)


@dataclass(frozen=True)
class EarlierMatch:
    """The sentence of an earlier briefing that a bullet was found in (reported) or updates: its text, its
    article's id, title, source and date, the briefing file, and the cosine similarity."""

    text: str
    ref: str
    title: str
    source: str
    date: str
    briefing: str
    similarity: float
    was: tuple[str, ...] = ()  # for an update: the earlier figures the bullet gives differently


@dataclass(frozen=True)
class Bullet:
    """One line of the briefing: a verbatim sentence, cited to every article carrying it."""

    topic_id: int
    label: str
    text: str
    score: float
    citations: tuple[Citation, ...]
    runners_up: tuple[RunnerUp, ...] = ()
    topic_size: int = 0
    disagreements: tuple[Disagreement, ...] = ()
    status: str = ""  # with --since: new, update or reported
    earlier: EarlierMatch | None = None

    @property
    def article_ids(self) -> tuple[int, ...]:
        """The cited articles, each once, in citation order."""
        return tuple(dict.fromkeys(c.article_id for c in self.citations))


@dataclass(frozen=True)
class Briefing:
    """The result: a title, bullets, the articles they cite, and how it was made."""

    title: str
    bullets: tuple[Bullet, ...]
    articles: tuple[Article, ...]
    topics: tuple[Topic, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    provenance: dict[str, Any] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()

    def empty_reason(self) -> str:
        """Why the briefing has no bullet, in one sentence ('' when it has bullets)."""
        if self.bullets:
            return ""
        if not self.sentences:
            reasons = sorted({item.reason for item in self.left_out})
            kinds = f" (left out: {', '.join(reasons)})" if reasons else ""
            return f"no sentence could stand as a bullet: every span of the articles was too short or not a sentence{kinds}"
        return "no topic was reported widely enough to make a bullet: ask for one with bullets=N (--bullets N)"
