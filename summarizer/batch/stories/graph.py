"""Average linkage over a sparse nearest-neighbour graph, in memory that grows linearly with a period's articles.

The score of two texts is the story model's log-odds that they are one story,
``x_i . u_j + b`` (``story_model``): ``x`` stacks each text's evidence rows,
``u`` the same rows times the model's weights, ``b`` its intercept. It depends
on the two texts alone, never on the rest of the period.

1. **One pass over blocks of rows** of the sparse product ``x u^T`` keeps
   each text's ``NEIGHBOURS`` best-scoring texts. Only those edges are kept:
   memory grows with texts times neighbours. The pass's time still grows with
   the square of the texts, but as sparse products with a small constant.
2. **Average linkage never needs the pairs themselves.** The mean score of
   two clusters C and D is

       ½ (X_C · U_D + U_C · X_D) / (|C| |D|) + b

   where X_C sums C's ``x`` rows and U_C its ``u`` rows: the score is
   bilinear, so the score of any two clusters is exact, from their sums.
3. **Reciprocal nearest neighbours merge in rounds** (RAC: Sumengen et al.
   2021, "Scaling hierarchical agglomerative clustering to billion-sized
   datasets"): every cluster finds its best partner among the clusters its
   members have an edge to; pairs that choose each other, at or above the
   threshold, merge; only the scores of merged clusters are recomputed.
   Average linkage is reducible, so with every pair as a candidate this is
   exactly the sequential algorithm. With graph edges as candidates, two
   clusters are compared only when some member of one is among the nearest
   neighbours of a member of the other; once no candidate pair merges, the
   clusters' own nearest neighbours (by their sums) are added as candidates
   and the rounds go on, so a big story's halves, whose members see only
   their own half, still meet.

Ties are broken by the smaller cluster number, and every sum runs in a fixed
order on one thread, so the labels depend only on the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from summarizer.batch.blocks import BlockMapper, in_process

NEIGHBOURS = 30
BLOCK_CELLS = 4_000_000  # dense similarities held at once: 32 MB
PAIR_CELLS = 4_000_000  # stored entries of the cluster sums gathered at once to score pairs


@dataclass(frozen=True)
class TimeScore:
    """The part of the score that depends on two texts' days alone: weighted triangular kernels of the gap (undated:
    ``nan``, no time evidence). Their rows are in ``x`` and ``u`` too; the neighbour pass computes this part from the
    days instead, since every pair of one day shares all its entries."""

    days: np.ndarray
    kernels: tuple[tuple[int, float], ...]

    def block(self, rows: slice) -> np.ndarray:
        """The time part of the score of each text of ``rows`` with every text."""
        gap = np.abs(self.days[rows, None] - self.days[None, :])
        dated = ~np.isnan(gap)
        gap = np.where(dated, gap, np.inf)
        total = np.zeros(gap.shape)
        for width, weight in self.kernels:
            total = total + weight * np.maximum(0.0, 1.0 - gap / width)
        return total


@dataclass(frozen=True)
class Scorer:
    """Pairs' log-odds of one story as a dot product: ``x_i . u_j + intercept`` (rows of ``x`` and ``u`` per text),
    and the same split as content rows (``content_x``, ``content_u``) plus the ``time`` part, for the neighbour pass."""

    x: Any
    u: Any
    intercept: float
    content_x: Any
    content_u: Any
    time: TimeScore


@dataclass(frozen=True)
class Neighbourhood:
    """Each text's nearest neighbours as edges (head < tail, no repeats), with their scores."""

    heads: np.ndarray
    tails: np.ndarray
    scores: np.ndarray


def row_blocks(count: int) -> list[slice]:
    """The blocks of rows of one pass: as many rows as keep ``BLOCK_CELLS`` similarities at once."""
    step = max(1, min(512, BLOCK_CELLS // max(count, 1)))
    return [slice(first, min(first + step, count)) for first in range(0, count, step)]


def nearest(block: np.ndarray, first: int, k: int, floor: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of each row's ``k`` highest values above ``floor`` (rows numbered from ``first``)."""
    k = min(k, block.shape[1] - 1)
    if k < 1:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    columns = np.argpartition(-block, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(len(block)), k)
    columns = columns.ravel()
    values = block[rows, columns]
    positive = values > floor
    return rows[positive] + first, columns[positive], values[positive]


def neighbour_rows(shared: tuple[Any, Any, TimeScore], rows_of: slice, intercept: float, floor: float, k: int) -> tuple[np.ndarray, ...]:
    """``neighbour_block`` on the shared (content rows ``x``, ``u`` transposed as CSR, time part): a block job's computation."""
    x, u_transposed, time = shared
    return neighbour_block(x, u_transposed, time, rows_of, intercept, floor, k)


def neighbour_block(x: Any, u_transposed: Any, time: TimeScore, rows_of: slice, intercept: float, floor: float, k: int) -> tuple[np.ndarray, ...]:
    """One block of rows of the pass: (heads, tails, scores) of each row's ``k`` best partners scoring above ``floor``."""
    block = np.asarray((x[rows_of] @ u_transposed).toarray(), dtype=np.float64) + time.block(rows_of) + intercept
    first = rows_of.start
    rows = np.arange(first, rows_of.stop)
    block[rows - first, rows] = -np.inf  # not its own neighbour
    return nearest(block, first, k, floor)


def neighbourhood(scorer: Scorer, floor: float, k: int = NEIGHBOURS, mapper: BlockMapper | None = None) -> Neighbourhood:
    """The nearest-neighbour edges of every text scoring above ``floor``, one block of rows at a time (on the workers
    ``mapper`` sends the blocks to, else here)."""
    n = scorer.x.shape[0]
    shared = (scorer.content_x, scorer.content_u.T.tocsr(), scorer.time)
    results = (mapper or in_process)(neighbour_rows, shared, row_blocks(n), (scorer.intercept, floor, k))
    results = sorted(results, key=lambda result: result.rows.start)
    if not results:
        return Neighbourhood(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    heads, tails, values = (np.concatenate([result.arrays[i] for result in results]) for i in (0, 1, 2))
    head, tail, first_of = unique_pairs(heads, tails)
    return Neighbourhood(head, tail, values[first_of])


def unique_pairs(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unordered pairs as (smaller, larger), without repeats or self-pairs, sorted; and where each was first given."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    given = np.flatnonzero(low != high)
    pairs, first = np.unique(np.stack([low[given], high[given]], axis=1).astype(np.int64), axis=0, return_index=True)
    return pairs[:, 0], pairs[:, 1], given[first]


@dataclass
class Clusters:
    """The clusters' sums of ``x`` rows and of ``u`` rows, their sizes, and the scorer's intercept."""

    x: Any
    u: Any
    size: np.ndarray
    intercept: float


def cluster_sums(scorer: Scorer, labels: np.ndarray, count: int) -> Clusters:
    """Sum each cluster's rows (clusters numbered 0..count-1)."""
    from scipy.sparse import csr_matrix

    n = len(labels)
    membership = csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(count, n))
    return Clusters((membership @ scorer.x).tocsr(), (membership @ scorer.u).tocsr(), np.asarray(membership.sum(axis=1)).ravel(), scorer.intercept)


def pair_chunks(cost: np.ndarray, budget: int = PAIR_CELLS) -> list[slice]:
    """Consecutive runs of pairs whose gathered entries stay within ``budget`` (a costlier pair goes alone)."""
    total = np.cumsum(cost)
    chunks, start = [], 0
    while start < len(cost):
        before = total[start - 1] if start else 0
        end = max(start + 1, int(np.searchsorted(total, before + budget, side="right")))
        chunks.append(slice(start, end))
        start = end
    return chunks


def pair_scores(sums: Clusters, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The mean score of each cluster pair, exact, from the clusters' sums. A big cluster's sum has
    many entries, so pairs are scored in chunks of bounded entries, not of a fixed count."""
    scores = np.empty(len(left))
    stored = np.diff(sums.x.indptr)
    for chunk in pair_chunks(stored[left] + stored[right]):
        p, q = left[chunk], right[chunk]
        cross = np.asarray(sums.x[p].multiply(sums.u[q]).sum(axis=1)).ravel() + np.asarray(sums.u[p].multiply(sums.x[q]).sum(axis=1)).ravel()
        scores[chunk] = 0.5 * cross / (sums.size[p] * sums.size[q]) + sums.intercept
    return scores


def best_partners(left: np.ndarray, right: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """Each cluster's best-scoring partner (-1 if none): highest score, then the smaller partner."""
    ends = np.concatenate([left, right])
    partners = np.concatenate([right, left])
    values = np.concatenate([scores, scores])
    order = np.lexsort((partners, -values, ends))
    ends, partners = ends[order], partners[order]
    first = np.ones(len(ends), dtype=bool)
    first[1:] = ends[1:] != ends[:-1]
    best = np.full(count, -1, dtype=np.int64)
    best[ends[first]] = partners[first]
    return best


def merge_round(left: np.ndarray, right: np.ndarray, scores: np.ndarray, count: int, threshold: float) -> np.ndarray | None:
    """New cluster numbers after merging every reciprocal best pair at or above ``threshold``, or None if none."""
    keep = scores >= threshold
    best = best_partners(left[keep], right[keep], scores[keep], count)
    clusters = np.arange(count)
    mutual = (best >= 0) & (best[np.maximum(best, 0)] == clusters) & (clusters < best)
    if not mutual.any():
        return None
    target = clusters.copy()
    target[best[mutual]] = clusters[mutual]
    return compact(target)


def compact(target: np.ndarray) -> np.ndarray:
    """Renumber cluster ids 0.. keeping their order."""
    return np.unique(target, return_inverse=True)[1].ravel()


def block_scores(sums: Clusters, rows: slice, transposed_x: Any, transposed_u: Any) -> np.ndarray:
    """The mean scores of a block of clusters against every cluster (as ``pair_scores``, for whole rows at once)."""
    cross = np.asarray((sums.x[rows] @ transposed_u).toarray(), dtype=np.float64) + np.asarray((sums.u[rows] @ transposed_x).toarray(), dtype=np.float64)
    return 0.5 * cross / (sums.size[rows, None] * sums.size[None, :]) + sums.intercept


def cluster_neighbours(sums: Clusters, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each cluster's ``k`` best-scoring other clusters, as candidate pairs."""
    count = len(sums.size)
    transposed_x, transposed_u = sums.x.T.tocsr(), sums.u.T.tocsr()
    heads, tails = [], []
    for rows_of in row_blocks(count):
        block = block_scores(sums, rows_of, transposed_x, transposed_u)
        rows = np.arange(rows_of.start, rows_of.stop)
        block[rows - rows_of.start, rows] = -np.inf
        head, tail, _ = nearest(block, rows_of.start, k, floor=-np.inf)
        heads.append(head)
        tails.append(tail)
    if not heads:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return unique_pairs(np.concatenate(heads), np.concatenate(tails))[:2]


def carried_pairs(merged: np.ndarray, left: np.ndarray, right: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs renumbered after a round, unique, with their old score and whether it must be recomputed
    (an end merged this round)."""
    grown = np.bincount(merged, minlength=int(merged.max()) + 1) > 1
    low, high = np.minimum(merged[left], merged[right]), np.maximum(merged[left], merged[right])
    keep = low != high
    low, high, scores = low[keep], high[keep], scores[keep]
    pairs, first = np.unique(np.stack([low, high], axis=1), axis=0, return_index=True)
    stale = grown[pairs[:, 0]] | grown[pairs[:, 1]]
    return pairs[:, 0], pairs[:, 1], scores[first], stale


def graph_average_linkage(scorer: Scorer, hood: Neighbourhood, threshold: float, k: int = NEIGHBOURS) -> np.ndarray:
    """A cluster number per text: average linkage on the story scores, joining while the mean is at least ``threshold``."""
    n = scorer.x.shape[0]
    labels = np.arange(n)
    left, right = hood.heads, hood.tails
    sums = cluster_sums(scorer, labels, n)
    scores = hood.scores
    widened = False
    while True:
        merged = merge_round(left, right, scores, len(sums.size), threshold)
        if merged is None:
            if widened:
                return labels
            extra_left, extra_right = cluster_neighbours(sums, k)
            left, right, given = unique_pairs(np.concatenate([left, extra_left]), np.concatenate([right, extra_right]))
            known = given < len(scores)
            scores = np.concatenate([scores, np.zeros(len(extra_left))])[given]
            scores[~known] = pair_scores(sums, left[~known], right[~known])
            widened = True
            continue
        widened = False
        labels = merged[labels]
        sums = cluster_sums(scorer, labels, int(merged.max()) + 1)
        left, right, scores, stale = carried_pairs(merged, left, right, scores)
        scores[stale] = pair_scores(sums, left[stale], right[stale])
