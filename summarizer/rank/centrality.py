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


def similarity_graph(similarity: np.ndarray, threshold: float = THRESHOLD) -> tuple[np.ndarray, np.ndarray]:
    """Row-stochastic transition matrix (float32) of the thresholded similarity graph, and its rows without edges.

    A row without edges stands for a uniform row (the walk jumps anywhere);
    it is kept as a mask rather than materialised, so memory stays one matrix.
    """
    weights = np.array(similarity, dtype=np.float32, copy=True)
    weights[weights < threshold] = 0.0
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1)
    isolated = totals <= 0
    weights /= np.where(isolated, 1.0, totals)[:, None]
    return weights, isolated


def lexrank(similarity: np.ndarray, threshold: float = THRESHOLD, damping: float = DAMPING) -> np.ndarray:
    """The stationary distribution (sums to 1) of the damped walk on the similarity graph."""
    size = len(similarity)
    if size == 0:
        return np.zeros(0)
    transition, isolated = similarity_graph(similarity, threshold)
    scores = np.full(size, 1.0 / size)
    for _ in range(MAX_ITERATIONS):
        spread = transition.T @ scores.astype(np.float32) + scores[isolated].sum() / size
        updated = (1 - damping) / size + damping * spread.astype(np.float64)
        if np.abs(updated - scores).sum() < TOLERANCE:
            return np.asarray(updated)
        scores = updated
    return np.asarray(scores)
