"""Choose the bullets: rank topics, take the best sentence of each, keep them distinct.

Topics are ranked by coverage: for each article, the score of its best
sentence on the topic, summed over articles, so a subject that many articles
report well outranks one that a single article dwells on. Each topic then
gives its best sentence, picked by MMR
(Carbonell & Goldstein 1998) against the bullets already chosen, and never
one that is a near-duplicate of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.options import MAX_AUTO_BULLETS
from summarizer.rank.mmr import LAMBDA, mmr_pick
from summarizer.topics.duplicates import DUPLICATE_THRESHOLD

MIN_IMPORTANCE_SHARE = 0.25


@dataclass(frozen=True)
class TopicStats:
    """A topic's members, its coverage across articles, and how many articles it spans."""

    topic: int
    members: tuple[int, ...]
    importance: float
    articles: int


def family_coverage(members: np.ndarray, scores: np.ndarray, article_of: np.ndarray) -> float:
    """Sum over articles of the best score among the topic's sentences in that article."""
    best: dict[int, float] = {}
    for member in members:
        article = int(article_of[member])
        best[article] = max(best.get(article, 0.0), float(scores[member]))
    return sum(best.values())


def importance(members: np.ndarray, scores: np.ndarray, article_of: np.ndarray, breadth: float) -> float:
    """best^(1-breadth) * coverage^breadth: from the topic's best sentence (0) to its coverage (1)."""
    best = float(scores[members].max()) if len(members) else 0.0
    if best <= 0:
        return 0.0
    return best ** (1 - breadth) * family_coverage(members, scores, article_of) ** breadth


def topic_stats(labels: np.ndarray, scores: np.ndarray, article_of: np.ndarray, breadth: float = 1.0) -> list[TopicStats]:
    """Stats of every topic; corroborated topics first, then by importance (ties by id)."""
    n_articles = len(np.unique(article_of))
    needed = min(2, n_articles)
    stats = []
    for topic in sorted({int(label) for label in labels}):
        members = np.flatnonzero(labels == topic)
        spanned = len(np.unique(article_of[members]))
        stats.append(TopicStats(topic, tuple(int(m) for m in members), importance(members, scores, article_of, breadth), spanned))
    return sorted(stats, key=lambda s: (s.articles < needed, -s.importance, s.topic))


def automatic_count(stats: Sequence[TopicStats], n_groups: int) -> int:
    """How many bullets the data supports: corroborated topics of a fair importance, at most 8."""
    if not stats:
        return 0
    needed = min(2, n_groups)
    top = max(s.importance for s in stats)
    substantial = [s for s in stats if s.importance >= MIN_IMPORTANCE_SHARE * top and s.articles >= needed]
    return max(1, min(MAX_AUTO_BULLETS, len(substantial)))


def choose_sentences(
    stats: Sequence[TopicStats],
    scores: np.ndarray,
    similarity: np.ndarray,
    count: int,
    redundancy: bool = True,
    mmr_lambda: float = LAMBDA,
) -> list[tuple[int, int]]:
    """(topic, sentence) pairs, one per topic, in topic order, at most ``count``."""
    chosen: list[int] = []
    picks: list[tuple[int, int]] = []
    weight = mmr_lambda if redundancy else 1.0
    ceiling = DUPLICATE_THRESHOLD if redundancy else 1.01
    for topic in stats:
        if len(picks) == count:
            break
        pick = mmr_pick(topic.members, scores, similarity, chosen, weight, ceiling)
        if pick is not None:
            chosen.append(pick)
            picks.append((topic.topic, pick))
    return picks


def within_budget(picks: Sequence[tuple[int, int]], lengths: Sequence[int], max_words: int | None) -> list[tuple[int, int]]:
    """The picks that fit a total word budget, in order, skipping any that would overflow it."""
    if max_words is None:
        return list(picks)
    kept, used = [], 0
    for topic, sentence in picks:
        if used + lengths[sentence] <= max_words:
            kept.append((topic, sentence))
            used += lengths[sentence]
    return kept
