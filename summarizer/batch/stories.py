"""Cluster a period's articles into stories: average-linkage clustering cut at a fixed cosine distance.

Each article is a unit vector mixing its words (sublinear TF-IDF over the
period's articles, words seen in one article only dropped, so names shared by
articles weigh most) with its meaning (the mean of its sentence embeddings):
the two signals of topic detection and tracking (Allan et al., TDT 1998).
Average linkage (a story's articles must be close on average) is cut at
``STORY_DISTANCE``, so the number of stories comes from the data. The cut and
the mix were chosen to do well on two dumps of different kinds at once, DUC
2003 wire news and Multi-News web pages (``benchmarks/stories.py``). The cost
is quadratic in a period's articles, never in its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from summarizer.topics.cluster import first_seen_order

STORY_DISTANCE = 0.775
STORY_EMBEDDING_WEIGHT = 0.15


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.where(norms > 0, norms, 1.0), dtype=np.float32)


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


def article_similarity(texts: Sequence[str], sentence_vectors: Sequence[np.ndarray], embedding_weight: float = STORY_EMBEDDING_WEIGHT) -> np.ndarray:
    """Cosines of the articles' unit vectors mixing the mean sentence embedding and the TF-IDF row by ``embedding_weight``."""
    from summarizer.topics.lexical import hybrid_similarity

    dimension = next((rows.shape[1] for rows in sentence_vectors if len(rows)), 1)
    means = unit_rows(np.stack([rows.mean(axis=0) if len(rows) else np.zeros(dimension, dtype=np.float32) for rows in sentence_vectors]))
    return hybrid_similarity(means, shared_word_vectors(texts), embedding_weight)


def cluster_stories(similarity: np.ndarray, distance: float = STORY_DISTANCE) -> np.ndarray:
    """A story label per article (0.. in order of first appearance), from the articles' cosine similarities."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(similarity) < 2:
        return np.zeros(len(similarity), dtype=np.int64)
    distances = np.clip(1.0 - similarity.astype(np.float64), 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return first_seen_order(fcluster(tree, t=distance, criterion="distance"))
