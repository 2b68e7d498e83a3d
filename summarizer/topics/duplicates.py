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


def support(similarity: np.ndarray, group_of: np.ndarray, threshold: float = DUPLICATE_THRESHOLD) -> np.ndarray:
    """How many groups (articles, or source families) carry each sentence or a near-duplicate (at least 1)."""
    counts = np.ones(len(similarity), dtype=np.int64)
    if len(similarity) == 0:
        return counts
    for group in np.unique(group_of):
        in_group = group_of == group
        carried = (similarity[:, in_group] >= threshold).any(axis=1) & ~in_group
        counts += carried
    return counts


REWRITE_SHARE = 0.5
REWRITE_MIN_SENTENCES = 3


def source_families(similarity: np.ndarray, article_of: np.ndarray, share: float = REWRITE_SHARE) -> np.ndarray:
    """A family id per sentence: articles that are mostly rewrites of one another form one family.

    Two articles are rewrites of one another when at least ``share`` of the
    sentences of each, and at least three, have a near-duplicate in the other
    (wire copy reprinted, lightly edited). Corroboration
    then counts families, so two copies of one story do not outvote a third.
    """
    articles, position = np.unique(article_of, return_inverse=True)
    parent = list(range(len(articles)))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    shared = sentences_matched(similarity, position.ravel(), len(articles))
    sizes = np.bincount(position.ravel(), minlength=len(articles)).astype(np.float64)
    share_of = shared / np.maximum(sizes, 1.0)[:, None]  # [i, j]: share of i's sentences matched in j
    rewrites = (np.minimum(shared, shared.T) >= REWRITE_MIN_SENTENCES) & (np.minimum(share_of, share_of.T) >= share)
    for i, j in zip(*np.nonzero(np.triu(rewrites, 1)), strict=True):
        parent[root(int(j))] = root(int(i))
    return np.array([int(articles[root(int(p))]) for p in position.ravel()], dtype=np.int64)


def sentences_matched(similarity: np.ndarray, position: np.ndarray, count: int) -> np.ndarray:
    """[i, j]: how many sentences of article i have a near-duplicate in article j (one matrix product)."""
    membership = np.zeros((len(position), count), dtype=np.float32)
    membership[np.arange(len(position)), position] = 1.0
    near = (similarity >= DUPLICATE_THRESHOLD).astype(np.float32)
    has_match = (near @ membership) > 0  # [sentence, article]
    return np.asarray(membership.T @ has_match.astype(np.float32), dtype=np.float64)
