"""LexRank centrality (Erkan & Radev, JAIR 2004) on embedding similarities.

Sentences are nodes; an edge carries the cosine similarity of two sentence
embeddings when it reaches ``threshold``. The centrality of a sentence is its
share of the stationary distribution of a random walk on that graph, with a
damping factor as in PageRank (Brin & Page 1998).
"""

from __future__ import annotations

import numpy as np

DAMPING = 0.85
THRESHOLD = 0.3
TOLERANCE = 1e-8
MAX_ITERATIONS = 200


def similarity_graph(similarity: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """Row-stochastic transition matrix of the (continuous, thresholded) similarity graph."""
    weights = np.where(similarity >= threshold, np.clip(similarity, 0.0, None), 0.0)
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    size = len(similarity)
    uniform = np.full_like(weights, 1.0 / max(size, 1))
    return np.where(totals > 0, weights / np.where(totals > 0, totals, 1.0), uniform)


def lexrank(similarity: np.ndarray, threshold: float = THRESHOLD, damping: float = DAMPING) -> np.ndarray:
    """The stationary distribution (sums to 1) of the damped walk on the similarity graph."""
    size = len(similarity)
    if size == 0:
        return np.zeros(0)
    transition = similarity_graph(similarity, threshold)
    scores = np.full(size, 1.0 / size)
    for _ in range(MAX_ITERATIONS):
        updated = (1 - damping) / size + damping * (transition.T @ scores)
        if np.abs(updated - scores).sum() < TOLERANCE:
            return np.asarray(updated)
        scores = updated
    return np.asarray(scores)
