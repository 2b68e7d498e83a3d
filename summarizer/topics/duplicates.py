"""Near-duplicate sentences across articles: the rewrites that become citations.

Two sentences of different articles are near-duplicates when their embeddings
reach cosine ``DUPLICATE_THRESHOLD``; each article contributes at most its
best-matching sentence, so one article never corroborates a sentence twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DUPLICATE_THRESHOLD = 0.75


@dataclass(frozen=True)
class Match:
    """The sentence of another article that best matches a given sentence."""

    sentence: int
    similarity: float


def best_matches(similarity: np.ndarray, article_of: np.ndarray, index: int, threshold: float = DUPLICATE_THRESHOLD) -> list[Match]:
    """For sentence ``index``, the best near-duplicate in each other article, best first."""
    row = similarity[index]
    matches: dict[int, Match] = {}
    for other in np.flatnonzero(row >= threshold):
        article = int(article_of[other])
        if article == article_of[index]:
            continue
        if article not in matches or row[other] > matches[article].similarity:
            matches[article] = Match(int(other), float(row[other]))
    return sorted(matches.values(), key=lambda match: (-match.similarity, match.sentence))


def support(similarity: np.ndarray, article_of: np.ndarray, threshold: float = DUPLICATE_THRESHOLD) -> np.ndarray:
    """How many articles carry each sentence or a near-duplicate of it (at least 1)."""
    counts = np.ones(len(similarity), dtype=np.int64)
    if len(similarity) == 0:
        return counts
    articles = np.unique(article_of)
    for article in articles:
        in_article = article_of == article
        carried = (similarity[:, in_article] >= threshold).any(axis=1) & ~in_article
        counts += carried
    return counts
