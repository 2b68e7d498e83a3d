"""Near-duplicate sentences across articles: the rewrites that become citations.

Two sentences of different articles are near-duplicates when their embeddings
reach cosine ``DUPLICATE_THRESHOLD``; each article contributes at most its
best-matching sentence, so one article never corroborates a sentence twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

DUPLICATE_THRESHOLD = 0.75
SHOWN_DECIMALS = 4  # similarities are shown rounded; ties at that precision go by position (article, then offset)


@dataclass(frozen=True)
class Match:
    """The sentence of another article that best matches a given sentence."""

    sentence: int
    similarity: float


def best_matches(similarity: np.ndarray, article_of: np.ndarray, index: int, threshold: float = DUPLICATE_THRESHOLD) -> list[Match]:
    """For sentence ``index``, the best near-duplicate in each other article, best first.

    The order is total: by similarity as shown (rounded), then by sentence
    position, which orders by article and then by offset.
    """
    row = similarity[index]
    matches: dict[int, Match] = {}
    for other in np.flatnonzero(row >= threshold):
        article = int(article_of[other])
        if article == article_of[index]:
            continue
        if article not in matches or row[other] > matches[article].similarity:
            matches[article] = Match(int(other), float(row[other]))
    return sorted(matches.values(), key=lambda match: (-round(match.similarity, SHOWN_DECIMALS), match.sentence))


def near_graph(similarity: np.ndarray, threshold: float = DUPLICATE_THRESHOLD) -> Any:
    """A sparse 0/1 matrix of the sentence pairs (each sentence with itself included) at ``threshold`` or above."""
    from scipy.sparse import csr_matrix

    rows, columns = np.nonzero(similarity >= threshold)
    size = len(similarity)
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(size, size))


def group_matrix(group_of: np.ndarray) -> tuple[Any, np.ndarray]:
    """A sparse sentence-by-group 0/1 matrix, and each sentence's group column."""
    from scipy.sparse import csr_matrix

    _, column = np.unique(group_of, return_inverse=True)
    column = column.ravel()
    return csr_matrix((np.ones(len(column), dtype=np.float32), (np.arange(len(column)), column)), shape=(len(column), int(column.max(initial=-1)) + 1)), column


def support(similarity: np.ndarray, group_of: np.ndarray, threshold: float = DUPLICATE_THRESHOLD) -> np.ndarray:
    """How many groups (articles, or source families) carry each sentence or a near-duplicate (at least 1)."""
    if len(similarity) == 0:
        return np.ones(0, dtype=np.int64)
    groups, column = group_matrix(group_of)
    reached = (near_graph(similarity, threshold) @ groups).tocsr()  # [sentence, group]: near-duplicates there
    reached.data[:] = 1.0
    own = np.asarray(reached[np.arange(len(column)), column]).ravel()
    return np.asarray(reached.sum(axis=1)).ravel().astype(np.int64) - own.astype(np.int64) + 1


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
    """[i, j]: how many sentences of article i have a near-duplicate in article j (sparse products)."""
    groups, _ = group_matrix(position)
    has_match = (near_graph(similarity) @ groups).tocsr()  # [sentence, article]
    has_match.data[:] = 1.0
    matched = (groups.T @ has_match).toarray()
    out = np.zeros((count, count), dtype=np.float64)
    out[: matched.shape[0], : matched.shape[1]] = matched
    return out
