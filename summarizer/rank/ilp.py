"""Exact concept coverage under a word budget: the integer linear program of Gillick & Favre (ILP for NLP 2009).

Choose sentences x_s and covered concepts c_j to maximise the summed weight of
the concepts covered, less a penalty for sentences of poor form, subject to:
the chosen sentences fit the word budget; a concept counts only if a chosen
sentence contains it; at most one sentence per topic (the briefing's
one-bullet-per-topic rule); no two near-duplicates. It is solved with HiGHS
through scipy's ``milp``, with no time limit and on one thread, so the choice
never depends on the machine's speed or its cores.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

import numpy as np

from summarizer.topics.duplicates import DUPLICATE_THRESHOLD

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from summarizer.rank.select import Pool

PER_TOPIC = 5  # candidates kept per topic (only one can be chosen): those of most concept weight per word
TIE_BREAK = 1e-4  # share of the smallest concept weight that sentence scores add: they only break ties


def duplicate_pairs(similarity: np.ndarray, candidates: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, of candidates of different topics that are near-duplicates of each other."""
    block = similarity[np.ix_(candidates, candidates)] >= DUPLICATE_THRESHOLD
    block &= labels[candidates][:, None] != labels[candidates][None, :]
    first, second = np.nonzero(np.triu(block, k=1))
    return np.stack([first, second], axis=1)


def merged_concepts(concepts: csr_matrix, weights: np.ndarray) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
    """Concepts found in the same sentences merged (weights summed); a concept of one sentence folded into
    that sentence's own value. Returns the shared concepts, their weights, and each sentence's own value."""
    from scipy.sparse import csr_matrix

    columns = concepts.tocsc()
    columns.sort_indices()
    own = np.zeros(concepts.shape[0])
    shared: dict[tuple[int, ...], float] = {}
    for j in range(columns.shape[1]):
        rows = tuple(int(r) for r in columns.indices[columns.indptr[j] : columns.indptr[j + 1]])
        if len(rows) == 1:
            own[rows[0]] += weights[j]
        elif rows:
            shared[rows] = shared.get(rows, 0.0) + float(weights[j])
    keys = sorted(shared)
    row_index = np.array([r for key in keys for r in key], dtype=np.int64)
    column_index = np.repeat(np.arange(len(keys)), [len(key) for key in keys])
    merged = csr_matrix((np.ones(len(row_index)), (row_index, column_index)), shape=(concepts.shape[0], len(keys)))
    return merged, np.array([shared[key] for key in keys], dtype=np.float64), own


def constraint_rows(
    concepts: csr_matrix, lengths: np.ndarray, groups: np.ndarray, pairs: np.ndarray, budget: float, count: int
) -> tuple[csr_matrix, np.ndarray]:
    """The constraints over [x (sentences), c (concepts)], all of the form A v <= upper."""
    from scipy.sparse import csr_matrix, hstack, identity, vstack

    n_sentences, n_concepts = concepts.shape
    _, group_index = np.unique(groups, return_inverse=True)
    n_groups = int(group_index.max()) + 1
    rows = [csr_matrix(lengths.reshape(1, -1).astype(np.float64)), csr_matrix((np.ones(n_sentences), (group_index, np.arange(n_sentences))))]
    upper = [[budget], np.ones(n_groups)]
    if len(pairs):
        rows.append(csr_matrix((np.ones(2 * len(pairs)), (np.repeat(np.arange(len(pairs)), 2), pairs.ravel())), shape=(len(pairs), n_sentences)))
        upper.append(np.ones(len(pairs)))
    if count < n_groups:
        rows.append(csr_matrix(np.ones((1, n_sentences))))
        upper.append([count])
    on_sentences = vstack(rows)
    cover = hstack([-concepts.T, identity(n_concepts)])  # c_j <= sum of the x_s containing it
    matrix = vstack([hstack([on_sentences, csr_matrix((on_sentences.shape[0], n_concepts))]), cover]).tocsr()
    return matrix, np.concatenate([*(np.asarray(u, dtype=np.float64) for u in upper), np.zeros(n_concepts)])


def flush_c_stdio() -> None:
    """Flush the C library's stdio buffers (a printf to a pipe or file waits in one until exit)."""
    import ctypes

    with suppress(OSError, AttributeError):  # no C library to flush
        ctypes.CDLL(None).fflush(None)


@contextmanager
def c_stdout_to_stderr() -> Iterator[None]:
    """Send what native code prints to stdout to stderr meanwhile: HiGHS 1.12 can printf a debug line, and
    stdout may be carrying a briefing. C's buffer is flushed before file descriptor 1 is given back."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no stdout to protect
        yield
        return
    try:
        flush_c_stdio()
        os.dup2(2, 1)
        yield
    finally:
        flush_c_stdio()
        os.dup2(saved, 1)
        os.close(saved)


def solve(
    concepts: csr_matrix, weights: np.ndarray, value: np.ndarray, lengths: np.ndarray, groups: np.ndarray, pairs: np.ndarray, budget: float, count: int
) -> np.ndarray:
    """Indices (rows of ``concepts``) of the optimal sentences; ``value`` is each sentence's own term."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    shared, shared_weights, own = merged_concepts(concepts, weights)
    n_sentences, n_concepts = shared.shape
    matrix, upper = constraint_rows(shared, lengths, groups, pairs, budget, count)
    integrality = np.concatenate([np.ones(n_sentences), np.zeros(n_concepts)])
    with c_stdout_to_stderr(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Unrecognized options", RuntimeWarning)  # passed to HiGHS verbatim, as meant
        result = milp(
            -np.concatenate([value + own, shared_weights]),
            constraints=LinearConstraint(matrix, -np.inf, upper),
            integrality=integrality,
            bounds=Bounds(0, 1),
            options={"threads": 1},  # HiGHS's symmetry detection is parallel unless told not to be: one thread always
        )
    if result.x is None:
        raise RuntimeError(f"the coverage program found no solution: {result.message}")
    chosen = np.flatnonzero(result.x[:n_sentences] > 0.5)
    if lengths[chosen].sum() > budget or len(np.unique(groups[chosen])) < len(chosen):
        raise RuntimeError("the coverage program returned a choice that breaks its constraints")
    return chosen


def importance_order(chosen: np.ndarray, concepts: csr_matrix, weights: np.ndarray, scores: np.ndarray) -> list[int]:
    """The chosen sentences, each next the one adding the most uncovered weight (ties: score, then position)."""
    uncovered = weights.astype(np.float64).copy()
    rows = {int(s): concepts[int(s)].toarray().ravel() for s in chosen}
    ordered: list[int] = []
    while rows:
        best = min(rows, key=lambda s: (-round(float(rows[s] @ uncovered), 9), -scores[s], s))
        uncovered[rows.pop(best) > 0] = 0.0
        ordered.append(best)
    return ordered


def best_per_topic(candidates: np.ndarray, pool: Pool, keep: int) -> np.ndarray:
    """The ``keep`` candidates of each topic of most concept weight per word, in sentence order (ties: earliest)."""
    value = np.asarray(pool.concepts[candidates] @ pool.weights).ravel() / np.maximum(pool.lengths[candidates], 1)
    ranked = candidates[np.lexsort((candidates, -value))]
    labels = pool.labels[ranked]
    kept = np.zeros(len(ranked), dtype=bool)
    for topic in np.unique(labels):
        kept[np.flatnonzero(labels == topic)[:keep]] = True
    return np.sort(ranked[kept])


def sentence_values(pool: Pool, candidates: np.ndarray, concepts: csr_matrix, weights: np.ndarray) -> np.ndarray:
    """Each candidate's own term: minus (1 - standalone factor) times the weight of its concepts, so that a
    sentence that cannot stand alone is worth its concepts times that factor, as in the greedy choice (the
    budget, not a factor, keeps lengths in hand); plus a tie-break by score."""
    content = np.asarray(concepts @ weights).ravel()
    standalone = pool.form if pool.standalone is None else pool.standalone
    ranks = np.argsort(np.lexsort((candidates, -pool.scores[candidates])))  # 0 for the best score, ties by position
    smallest = float(weights.min()) if len(weights) else 1.0
    tie_break = smallest * TIE_BREAK * (len(candidates) - ranks) / len(candidates)
    return np.asarray(tie_break - (1.0 - standalone[candidates]) * content)


def exact_sentences(pool: Pool, count: int, topics: Sequence[int] | None, max_words: int, redundancy: bool = True) -> list[tuple[int, int]]:
    """(topic, sentence) pairs of the optimal coverage under ``max_words``, at most ``count``, most important first.

    Candidates are the sentences of the eligible topics that fit the budget and
    contain a concept of weight; of each topic, the ``PER_TOPIC`` densest.
    Without ``redundancy``, near-duplicates may both be chosen (the ablation).
    """
    from summarizer.rank.select import eligible_sentences

    valued = np.asarray(pool.concepts @ (pool.weights > 0)).ravel() > 0
    fitting = eligible_sentences(pool, topics) & (pool.lengths <= max_words) & valued
    candidates = best_per_topic(np.flatnonzero(fitting), pool, PER_TOPIC)
    if not len(candidates) or count < 1:
        return []
    used = np.flatnonzero(pool.weights > 0)
    concepts = pool.concepts[candidates][:, used].tocsr()
    weights = np.asarray(pool.weights[used], dtype=np.float64)
    pairs = duplicate_pairs(pool.similarity, candidates, pool.labels) if redundancy else np.zeros((0, 2), dtype=np.int64)
    values = sentence_values(pool, candidates, concepts, weights)
    chosen = solve(concepts, weights, values, pool.lengths[candidates], pool.labels[candidates], pairs, float(max_words), count)
    order = importance_order(chosen, concepts, weights, pool.scores[candidates])
    return [(int(pool.labels[candidates[k]]), int(candidates[k])) for k in order]
