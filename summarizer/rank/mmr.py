"""Maximal Marginal Relevance (Carbonell & Goldstein, SIGIR 1998): relevant, yet new."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LAMBDA = 0.7


def mmr_pick(
    candidates: Sequence[int],
    relevance: np.ndarray,
    similarity: np.ndarray,
    chosen: Sequence[int],
    weight: float = LAMBDA,
    max_similarity: float = 1.0,
) -> int | None:
    """The candidate maximising ``weight*relevance - (1-weight)*max similarity to chosen``.

    Candidates at ``max_similarity`` or above to any chosen sentence are never
    picked: they would say the same thing twice. None when no candidate is left.
    """
    best: tuple[float, int] | None = None
    for candidate in candidates:
        redundancy = float(similarity[candidate, list(chosen)].max()) if len(chosen) else 0.0
        if redundancy >= max_similarity:
            continue
        value = weight * float(relevance[candidate]) - (1 - weight) * redundancy
        if best is None or value > best[0] or (value == best[0] and candidate < best[1]):
            best = (value, candidate)
    return None if best is None else best[1]
