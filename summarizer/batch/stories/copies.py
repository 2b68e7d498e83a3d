"""Near-copies of one article (wire copies, write-throughs, trimmed reprints), folded before stories are cut.

Two texts are near-copies when at least ``COPY_CONTAINMENT`` of the shorter
one's word 5-grams ("shingles", Broder 1997) are also in the other one:
containment rather than Jaccard, because a trimmed or extended wire version
shares most of the shorter text while the union keeps growing with the longer
one; 5-grams rather than sentences, because a copy edits, cuts and reorders
sentences but keeps most runs of five words. Near-copy pairs are joined
transitively (connected components), so a chain of versions is one group.
Every shingle is matched (no MinHash sample), one block of rows at a time:
the cost is that of a sparse product. A shingle is the 64-bit polynomial hash
of its five word numbers, computed with numpy; two different shingles share a
hash with odds of about one in 10^19 per pair, and then count as one more
shared shingle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from summarizer.text.words import SHINGLE_WORD

COPY_CONTAINMENT = 0.5
SHINGLE = 5
BLOCK = 512
WORD = SHINGLE_WORD
MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: the polynomial hash of word numbers, wrapping at 2^64


def shingle_hashes(numbers: np.ndarray, width: int = SHINGLE) -> np.ndarray:
    """The distinct hashes of the ``width``-word runs of one text, given its word numbers."""
    count = len(numbers) - width + 1
    if count < 1:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            hashes = hashes * MULTIPLIER + numbers[offset : offset + count]
    return np.unique(hashes)


def shingle_matrix(texts: Sequence[str], width: int = SHINGLE) -> Any:
    """Sparse 0/1 rows: which word ``width``-grams (lower-cased, hashed) each text holds."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    per_text = []
    for text in texts:
        numbers = np.fromiter((vocabulary.setdefault(word, len(vocabulary) + 1) for word in WORD.findall(text.lower())), dtype=np.uint64)
        per_text.append(shingle_hashes(numbers, width))
    sizes = np.array([len(found) for found in per_text], dtype=np.int64)
    distinct = np.unique(np.concatenate(per_text)) if per_text else np.zeros(0, dtype=np.uint64)
    columns = np.empty(int(sizes.sum()), dtype=np.int32 if len(distinct) < 2**31 else np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    for number, found in enumerate(per_text):
        columns[indptr[number] : indptr[number + 1]] = np.searchsorted(distinct, found)
    return csr_matrix((np.ones(len(columns), dtype=np.float32), columns, indptr), shape=(len(texts), max(len(distinct), 1)))


def copy_pairs(texts: Sequence[str], containment: float = COPY_CONTAINMENT) -> tuple[np.ndarray, np.ndarray]:
    """Every near-copy pair (i < j): at least ``containment`` of the shorter text's shingles are in the other."""
    n = len(texts)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shingles = shingle_matrix(texts)
    transposed = shingles.T.tocsr()
    sizes = np.diff(shingles.indptr)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for first in range(0, n, BLOCK):
        shared = (shingles[first : first + BLOCK] @ transposed).tocoo()
        row, col = shared.row + first, shared.col
        shorter = np.minimum(sizes[row], sizes[col])
        keep = (row < col) & (shorter > 0) & (shared.data >= containment * np.maximum(shorter, 1))
        rows.append(row[keep])
        cols.append(col[keep])
    row, col = np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)
    order = np.lexsort((col, row))
    return row[order], col[order]


def joined(count: int, row: np.ndarray, col: np.ndarray) -> np.ndarray:
    """A group id per item (0.. in order of first appearance): the connected components of the given pairs."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from summarizer.topics.cluster import first_seen_order

    if count < 2:
        return np.zeros(count, dtype=np.int64)
    graph = coo_matrix((np.ones(len(row)), (row, col)), shape=(count, count)).tocsr()
    return first_seen_order(connected_components(graph, directed=False)[1])


def copy_groups(texts: Sequence[str], containment: float = COPY_CONTAINMENT) -> np.ndarray:
    """A group id per text (0.. in order of first appearance): texts joined through near-copy pairs share one."""
    return joined(len(texts), *copy_pairs(texts, containment))
