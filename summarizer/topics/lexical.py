"""Content-word vectors of sentences (TF-IDF, Salton & Buckley 1988), for topics and labels."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def tfidf_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sublinear TF-IDF rows over English content words (all zeros if none)."""
    from summarizer.text.tfidf import tfidf_matrix

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    try:
        return np.asarray(tfidf_matrix(texts), dtype=np.float32)
    except ValueError:  # no content word at all
        return np.zeros((len(texts), 1), dtype=np.float32)


def hybrid_vectors(embeddings: np.ndarray, lexical: np.ndarray, embedding_weight: float) -> np.ndarray:
    """Unit rows whose dot product mixes embedding and lexical cosine by ``embedding_weight``."""
    mixed = np.hstack([embeddings * np.sqrt(embedding_weight), lexical * np.sqrt(1 - embedding_weight)])
    norms = np.linalg.norm(mixed, axis=1, keepdims=True)
    return np.asarray(mixed / np.where(norms > 0, norms, 1.0), dtype=np.float32)
