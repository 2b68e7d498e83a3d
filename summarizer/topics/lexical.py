"""Content-word vectors of sentences (TF-IDF, Salton & Buckley 1988), and their mix with embeddings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def tfidf_vectors(texts: Sequence[str]) -> Any:
    """Sparse unit-length sublinear TF-IDF rows over English content words (one all-zero column if none)."""
    from scipy.sparse import csr_matrix

    from summarizer.text.tfidf import tfidf_matrix

    try:
        return tfidf_matrix(texts)
    except ValueError:  # no text, or no content word at all
        return csr_matrix((len(texts), 1), dtype=np.float64)


def hybrid_similarity(similarity: np.ndarray, lexical: Any, embedding_weight: float) -> np.ndarray:
    """Cosine similarities (float32) of the unit vectors [sqrt(w) * embedding, sqrt(1 - w) * TF-IDF].

    Built from the embeddings' similarity matrix (given) and the TF-IDF Gram
    matrix (sparse, in float32), so the vocabulary-wide vectors are never
    built: the cost is that of one sentence-by-sentence matrix.
    """
    rows = lexical.astype(np.float32)
    gram = np.asarray(similarity, dtype=np.float32) * np.float32(embedding_weight)
    gram += (rows @ rows.T).toarray() * np.float32(1 - embedding_weight)
    squared = np.clip(np.diag(gram).copy(), 1e-12, None)
    scale = 1.0 / np.sqrt(squared)
    gram *= scale[:, None]
    gram *= scale[None, :]
    return gram
