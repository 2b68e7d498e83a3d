"""The order a briefing reads in: the story's core first, related topics side by side.

Selection (``select.choose_sentences``) picks topics greedily by the concept
weight each adds, so its first pick covers most of what the sources share: the
core of the story, which stays first. The rest keep that order of importance,
except that two bullets which are each other's nearest (mutual nearest
neighbours of their sentences' embeddings, as in shared-nearest-neighbour
clustering, Jarvis & Patrick 1973) stand together, at the place of the more
important one, so a failed minerals deal and the new push for one are read one
after the other. The bullets are compared as the reader sees them, by their
sentences: a big topic's centroid lies near every other. The rule has no
threshold: it pairs what is closest, whatever the model's scale of similarity.

Two bullets that say the same thing never both get through: a sentence close to
a chosen one (``DUPLICATE_THRESHOLD``) is never taken, so topics that remain
side by side carry distinct facts.
"""

from __future__ import annotations

import numpy as np


def mutual_neighbours(vectors: np.ndarray) -> dict[int, int]:
    """Each position's mutual nearest neighbour among the unit rows (by cosine; ties to the earlier), where it has one."""
    count = len(vectors)
    if count < 2:
        return {}
    closeness = np.asarray(vectors, dtype=np.float64) @ np.asarray(vectors, dtype=np.float64).T
    np.fill_diagonal(closeness, -np.inf)
    nearest = [int(np.argmax(row)) for row in closeness]
    return {i: j for i, j in enumerate(nearest) if nearest[j] == i}


def reading_order(vectors: np.ndarray) -> list[int]:
    """Positions of the bullets (unit sentence embeddings, in order of importance) in reading order: the first
    stays first; a bullet and its mutual nearest neighbour stand together where the more important stood."""
    pairs = mutual_neighbours(vectors)
    order: list[int] = []
    for position in range(len(vectors)):
        if position in order:
            continue
        order.append(position)
        partner = pairs.get(position)
        if partner is not None and partner not in order:
            order.append(partner)
    return order
