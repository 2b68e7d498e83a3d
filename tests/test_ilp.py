"""The exact coverage program under a word budget (Gillick & Favre 2009): optimal, within its constraints."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from summarizer.rank.ilp import c_stdout_to_stderr, exact_sentences
from summarizer.rank.select import Pool, choose_sentences


def pool_of(
    concepts: list[list[int]],
    weights: list[float],
    lengths: list[int],
    labels: list[int] | None = None,
    form: list[float] | None = None,
    similarity: np.ndarray | None = None,
) -> Pool:
    """A Pool over hand-made concept sets (sentence i holds concepts[i], is lengths[i] words long)."""
    rows = [sorted(c) for c in concepts]
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    n = len(rows)
    return Pool(
        concepts=csr_matrix((np.ones(int(indptr[-1])), [c for r in rows for c in r], indptr), shape=(n, len(weights))),
        weights=np.array(weights, dtype=float),
        form=np.ones(n) if form is None else np.array(form, dtype=float),
        scores=np.linspace(0.9, 0.1, n),
        similarity=np.eye(n) if similarity is None else similarity,
        labels=np.arange(n) if labels is None else np.array(labels),
        lengths=np.array(lengths, dtype=np.int64),
    )


def covered(pool: Pool, picks: list[tuple[int, int]]) -> float:
    """The summed weight of the distinct concepts the picks contain."""
    found = {int(c) for _, s in picks for c in pool.concepts[s].indices}
    return float(sum(pool.weights[c] for c in found))


def test_the_program_finds_the_optimum_where_greedy_does_not() -> None:
    # sentence 0 holds the heaviest concepts but fills the budget; sentences 1 and 2 together cover more
    pool = pool_of([[0, 1, 2], [0, 3], [1, 4]], [3.0, 3.0, 1.0, 2.0, 2.0], [20, 10, 10])
    greedy = choose_sentences(pool, count=3, max_words=20)
    exact = exact_sentences(pool, count=3, topics=None, max_words=20)
    assert covered(pool, greedy) == 7.0
    assert sorted(s for _, s in exact) == [1, 2]
    assert covered(pool, exact) == 10.0


def brute_force(pool: Pool, budget: int) -> float:
    """The best coverage of any set of sentences within the budget, one per topic, no two near-duplicates."""
    n = len(pool.lengths)
    best = 0.0
    for size in range(1, n + 1):
        for chosen in itertools.combinations(range(n), size):
            if sum(pool.lengths[list(chosen)]) > budget or len({pool.labels[s] for s in chosen}) < size:
                continue
            if any(pool.similarity[a, b] >= 0.75 for a, b in itertools.combinations(chosen, 2)):
                continue
            best = max(best, covered(pool, [(0, s) for s in chosen]))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_the_program_matches_brute_force_on_random_pools(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, n_concepts = 9, 14
    concepts = [sorted(rng.choice(n_concepts, size=rng.integers(1, 5), replace=False).tolist()) for _ in range(n)]
    similarity = np.eye(n)
    a, b = rng.choice(n, size=2, replace=False)
    similarity[a, b] = similarity[b, a] = 0.9
    weights, lengths, labels = rng.uniform(0.5, 3.0, n_concepts).round(2).tolist(), rng.integers(5, 25, n).tolist(), rng.integers(0, 5, n).tolist()
    pool = pool_of(concepts, weights, lengths, labels, similarity=similarity)
    picks = exact_sentences(pool, count=n, topics=None, max_words=40)
    chosen = [s for _, s in picks]
    assert sum(pool.lengths[chosen]) <= 40
    assert len({int(pool.labels[s]) for s in chosen}) == len(chosen)
    assert pool.similarity[a, b] < 0.75 or not {int(a), int(b)} <= set(chosen)
    assert covered(pool, picks) == pytest.approx(brute_force(pool, 40), abs=1e-6)


def test_one_sentence_per_topic_and_no_near_duplicates_unless_ablated() -> None:
    same_topic = pool_of([[0], [1]], [2.0, 2.0], [5, 5], labels=[0, 0])
    assert len(exact_sentences(same_topic, count=2, topics=None, max_words=50)) == 1
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    twins = pool_of([[0], [1]], [2.0, 2.0], [5, 5], similarity=similarity)
    assert len(exact_sentences(twins, count=2, topics=None, max_words=50)) == 1
    assert len(exact_sentences(twins, count=2, topics=None, max_words=50, redundancy=False)) == 2


def test_count_topics_and_order_of_importance() -> None:
    pool = pool_of([[0], [1], [2]], [1.0, 3.0, 2.0], [5, 5, 5])
    assert exact_sentences(pool, count=3, topics=None, max_words=50) == [(1, 1), (2, 2), (0, 0)]
    assert exact_sentences(pool, count=1, topics=None, max_words=50) == [(1, 1)]
    assert exact_sentences(pool, count=3, topics=[0, 2], max_words=50) == [(2, 2), (0, 0)]
    assert exact_sentences(pool, count=3, topics=None, max_words=4) == []


def test_a_sentence_that_cannot_stand_alone_is_worth_its_concepts_times_its_form() -> None:
    # sentence 0 covers more, but starts "He said" (form 0.5): 0.5 x 3 < 2
    pool = pool_of([[0, 1], [2]], [1.5, 1.5, 2.0], [10, 10], labels=[0, 0], form=[0.5, 1.0])
    assert exact_sentences(pool, count=1, topics=None, max_words=50) == [(0, 1)]


NATIVE_PRINT = """
import ctypes, sys
from summarizer.rank.ilp import c_stdout_to_stderr
libc = ctypes.CDLL(None)
libc.setvbuf(ctypes.c_void_p.in_dll(libc, "stdout"), None, 0, 4096)  # C's stdout fully buffered (_IOFBF), as to a file
print("before", flush=True)
with c_stdout_to_stderr():
    libc.printf(b"native chatter\\n")  # waits in C's buffer
print("after", flush=True)
"""


def test_native_prints_to_a_pipe_go_to_stderr_even_when_c_buffers_them() -> None:
    done = subprocess.run([sys.executable, "-c", NATIVE_PRINT], capture_output=True, text=True, check=True)
    assert done.stdout == "before\nafter\n"
    assert "native chatter" in done.stderr


def test_native_prints_during_the_solve_go_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    print("before", flush=True)
    with c_stdout_to_stderr():
        os.write(1, b"native chatter\n")
    print("after", flush=True)
    out, err = capfd.readouterr()
    assert out == "before\nafter\n"
    assert "native chatter" in err
