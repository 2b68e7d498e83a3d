"""Cluster sentences into topics: Ward's hierarchical clustering (Ward, JASA 1963).

The number of topics comes from the data: the dendrogram is cut where merging
would cost more than ``cut`` times the cost of its final merge, so tight,
well-separated subjects stay apart and a wandering story gives more topics.
Asking for ``n_topics`` cuts it at that many clusters instead.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

RELATIVE_CUT = 0.7


class TopicModel(Protocol):
    """Anything that assigns each sentence to a topic numbered 0..k-1, given their cosine similarities (which it may overwrite)."""

    def fit_predict(self, similarity: np.ndarray) -> np.ndarray: ...


def condensed_distances(similarity: np.ndarray) -> np.ndarray:
    """Euclidean distances of unit vectors from their cosines, sqrt(2 - 2 cos), condensed as scipy wants them.

    ``similarity`` (float32) is overwritten with the distances: no second square matrix is made.
    """
    from scipy.spatial.distance import squareform

    distances = similarity
    distances *= np.float32(-2.0)
    distances += np.float32(2.0)
    np.clip(distances, 0.0, None, out=distances)
    np.sqrt(distances, out=distances)
    np.fill_diagonal(distances, 0.0)
    return np.asarray(squareform(distances, checks=False), dtype=np.float64)


def first_seen_order(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0..k-1 in order of first appearance (deterministic ids)."""
    mapping: dict[int, int] = {}
    for label in labels:
        mapping.setdefault(int(label), len(mapping))
    return np.array([mapping[int(label)] for label in labels], dtype=np.int64)


class WardTopics:
    """Ward clustering cut at a relative height (at least ``min_topics`` clusters), or at ``n_topics``."""

    def __init__(self, n_topics: int | None = None, cut: float = RELATIVE_CUT, min_topics: int = 1) -> None:
        if n_topics is not None and n_topics < 1:
            raise ValueError("n_topics must be at least 1")
        self.n_topics = n_topics
        self.cut = cut
        self.min_topics = min_topics

    def fit_predict(self, similarity: np.ndarray) -> np.ndarray:
        """One topic label per sentence, from the cosine similarities (float32) of unit vectors, which it consumes."""
        from scipy.cluster.hierarchy import fcluster, linkage

        rows = len(similarity)
        if rows < 3:
            return np.zeros(rows, dtype=np.int64) if self.n_topics == 1 else np.arange(rows, dtype=np.int64)
        tree = linkage(condensed_distances(similarity), method="ward")
        if self.n_topics is not None:
            labels = fcluster(tree, t=min(self.n_topics, rows), criterion="maxclust")
        else:
            labels = fcluster(tree, t=self.cut * tree[-1, 2], criterion="distance")
            if labels.max() < self.min_topics:
                labels = fcluster(tree, t=min(self.min_topics, rows), criterion="maxclust")
        return first_seen_order(labels)


class OneTopic:
    """The do-nothing topic model: every sentence in one topic."""

    def fit_predict(self, similarity: np.ndarray) -> np.ndarray:
        """All zeros."""
        return np.zeros(len(similarity), dtype=np.int64)


class NoTopics:
    """No clustering at all: every sentence is a topic of its own (the ablation of topic clustering)."""

    def fit_predict(self, similarity: np.ndarray) -> np.ndarray:
        """0, 1, 2, ..."""
        return np.arange(len(similarity), dtype=np.int64)
