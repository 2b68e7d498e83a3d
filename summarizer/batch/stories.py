"""Cluster a period's articles into stories: average linkage on locally scaled TF-IDF similarities.

Each article is its sublinear TF-IDF row over the period's articles (words
seen in one article only dropped, so the names articles share weigh most),
the representation of topic detection and tracking (Allan et al., TDT 1998).
A raw cosine means different things in a dense day of one big story and a
sparse day of many small ones, so each similarity is scaled by how similar
the two articles are to their own k-th nearest neighbours ("self-tuning"
local scaling, Zelnik-Manor & Perona, NIPS 2004), floored so that articles
with no close neighbour are not scaled up. Average linkage then joins
articles while their mean scaled similarity reaches ``STORY_THRESHOLD``, so
the number of stories comes from the data. The neighbour count, the floor
and the threshold were chosen on two dumps of different kinds at once, DUC
2003 wire news and Multi-News web pages (``benchmarks/stories.py``); the
articles' sentence embeddings did not help there and are not used. The cost
is quadratic in a period's articles (one condensed distance vector, built a
block of rows at a time), never in its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from summarizer.topics.cluster import first_seen_order
from summarizer.types import Article

STORY_NEIGHBOUR = 10
SCALE_FLOOR = 0.1
STORY_THRESHOLD = 1.05
BLOCK = 512


def shared_word_vectors(texts: Sequence[str]) -> Any:
    """Sparse unit TF-IDF rows over words that at least two articles use (all words if none do)."""
    from scipy.sparse import csr_matrix

    from summarizer.text.tfidf import tfidf_matrix

    for min_df in (2, 1):
        try:
            return tfidf_matrix(texts, min_df=min_df)
        except ValueError:  # no word left at this document frequency
            continue
    return csr_matrix((len(texts), 1), dtype=np.float64)


def similarity_blocks(words: Any) -> Any:
    """(first row, block of cosine similarities of those rows to every article), a block of rows at a time."""
    n = words.shape[0]
    for first in range(0, n, BLOCK):
        yield first, np.asarray((words[first : first + BLOCK] @ words.T).toarray(), dtype=np.float64)


def neighbour_scales(words: Any, neighbour: int = STORY_NEIGHBOUR, floor: float = SCALE_FLOOR) -> np.ndarray:
    """Per article: its similarity to its ``neighbour``-th most similar other article, at least ``floor``."""
    n = words.shape[0]
    k = min(neighbour, n - 1)
    scales = np.full(n, floor)
    if k < 1:
        return scales
    for first, block in similarity_blocks(words):
        rows = np.arange(first, first + len(block))
        block[rows - first, rows] = -np.inf  # not its own neighbour
        scales[rows] = np.maximum(np.partition(block, n - k, axis=1)[:, n - k], floor)
    return scales


def story_distances(texts: Sequence[str], neighbour: int = STORY_NEIGHBOUR, floor: float = SCALE_FLOOR) -> np.ndarray:
    """Condensed distances (as scipy wants them): ``1/floor`` minus the locally scaled similarity, at least 0."""
    words = shared_word_vectors(texts)
    n = len(texts)
    scales = 1.0 / np.sqrt(neighbour_scales(words, neighbour, floor))
    condensed = np.empty(n * (n - 1) // 2, dtype=np.float64)
    start = 0
    for first, block in similarity_blocks(words):
        block *= scales[first : first + len(block), None] * scales[None, :]
        for offset, row in enumerate(range(first, first + len(block))):
            tail = block[offset, row + 1 :]
            condensed[start : start + len(tail)] = np.maximum(1.0 / floor - tail, 0.0)
            start += len(tail)
    return condensed


def cluster_stories(distances: np.ndarray, count: int, threshold: float = STORY_THRESHOLD, floor: float = SCALE_FLOOR) -> np.ndarray:
    """A story label per article (0.. in order of first appearance): average linkage on ``story_distances``,
    joining while the mean scaled similarity is at least ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage

    if count < 2:
        return np.zeros(count, dtype=np.int64)
    tree = linkage(distances, method="average")
    return first_seen_order(fcluster(tree, t=1.0 / floor - threshold, criterion="distance"))


def story_labels(articles: Sequence[Article]) -> np.ndarray:
    """A story label per article of one period (0.. in order of first appearance): the entry point ``batch`` calls."""
    return cluster_stories(story_distances([a.text for a in articles]), len(articles))
