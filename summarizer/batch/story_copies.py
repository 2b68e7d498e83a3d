"""Near-copies of one article (wire copies, write-throughs, trimmed reprints), folded before stories are cut.

Two texts are near-copies when at least ``COPY_CONTAINMENT`` of the shorter
one's word 5-grams ("shingles", Broder 1997) are also in the other one:
containment rather than Jaccard, because a trimmed or extended wire version
shares most of the shorter text while the union keeps growing with the longer
one; 5-grams rather than sentences, because a copy edits, cuts and reorders
sentences but keeps most runs of five words. Near-copy pairs are joined
transitively (connected components), so a chain of versions is one group.
Shingles are matched exactly (no MinHash), one block of rows at a time: the
cost is that of a sparse product, and the answer does not depend on hashing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

COPY_CONTAINMENT = 0.5
SHINGLE = 5
BLOCK = 512
WORD = re.compile(r"\w+")


def shingle_matrix(texts: Sequence[str], width: int = SHINGLE) -> Any:
    """Sparse 0/1 rows: which word ``width``-grams (lower-cased) each text holds, columns in order of first appearance."""
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        words = WORD.findall(text.lower())
        found = {columns.setdefault(" ".join(words[i : i + width]), len(columns)) for i in range(len(words) - width + 1)}
        indices += sorted(found)
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)), shape=(len(texts), max(len(columns), 1)))


def copy_groups(texts: Sequence[str], containment: float = COPY_CONTAINMENT) -> np.ndarray:
    """A group id per text (0.. in order of first appearance): texts joined through near-copy pairs share one."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from summarizer.topics.cluster import first_seen_order

    n = len(texts)
    if n < 2:
        return np.zeros(n, dtype=np.int64)
    shingles = shingle_matrix(texts)
    sizes = np.diff(shingles.indptr)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for first in range(0, n, BLOCK):
        shared = (shingles[first : first + BLOCK] @ shingles.T).tocoo()
        row, col = shared.row + first, shared.col
        shorter = np.minimum(sizes[row], sizes[col])
        keep = (row < col) & (shorter > 0) & (shared.data >= containment * np.maximum(shorter, 1))
        rows.append(row[keep])
        cols.append(col[keep])
    row, col = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(row)), (row, col)), shape=(n, n)).tocsr()
    return first_seen_order(connected_components(graph, directed=False)[1])
