"""Choose the bullets: how many the data supports, then which sentences, one per topic.

Topics are weighed by coverage: for each source family, the score of its best
sentence on the topic, summed over families, so a subject that many sources
report well outweighs one that a single source dwells on; that weight decides
how many bullets a briefing gets. The sentences themselves are chosen by greedy
concept coverage (``summarizer.rank.concepts``), at most one per topic, never a
near-duplicate of one already chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarizer.options import MAX_AUTO_BULLETS
from summarizer.topics.duplicates import DUPLICATE_THRESHOLD

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

MIN_IMPORTANCE_SHARE = 0.25


@dataclass(frozen=True)
class TopicStats:
    """A topic's members, its coverage across articles, and how many articles it spans."""

    topic: int
    members: tuple[int, ...]
    importance: float
    articles: int


def family_coverage(members: np.ndarray, scores: np.ndarray, article_of: np.ndarray) -> float:
    """Sum over articles of the best score among the topic's sentences in that article."""
    best: dict[int, float] = {}
    for member in members:
        article = int(article_of[member])
        best[article] = max(best.get(article, 0.0), float(scores[member]))
    return sum(best.values())


def importance(members: np.ndarray, scores: np.ndarray, article_of: np.ndarray, breadth: float) -> float:
    """best^(1-breadth) * coverage^breadth: from the topic's best sentence (0) to its coverage (1)."""
    best = float(scores[members].max()) if len(members) else 0.0
    if best <= 0:
        return 0.0
    return best ** (1 - breadth) * family_coverage(members, scores, article_of) ** breadth


def topic_stats(labels: np.ndarray, scores: np.ndarray, article_of: np.ndarray, breadth: float = 1.0) -> list[TopicStats]:
    """Stats of every topic; corroborated topics first, then by importance (ties by id)."""
    n_articles = len(np.unique(article_of))
    needed = min(2, n_articles)
    stats = []
    for topic in sorted({int(label) for label in labels}):
        members = np.flatnonzero(labels == topic)
        spanned = len(np.unique(article_of[members]))
        stats.append(TopicStats(topic, tuple(int(m) for m in members), importance(members, scores, article_of, breadth), spanned))
    return sorted(stats, key=lambda s: (s.articles < needed, -s.importance, s.topic))


def automatic_topics(stats: Sequence[TopicStats], n_groups: int) -> list[int]:
    """The topics the data supports a bullet for: corroborated, of a fair importance, the best 8 at most."""
    if not stats:
        return []
    needed = min(2, n_groups)
    top = max(s.importance for s in stats)
    substantial = [s.topic for s in stats if s.importance >= MIN_IMPORTANCE_SHARE * top and s.articles >= needed]
    return substantial[:MAX_AUTO_BULLETS] or [stats[0].topic]


@dataclass(frozen=True)
class Pool:
    """What the greedy selection sees of the candidate sentences."""

    concepts: csr_matrix  # sentence-by-concept incidence
    weights: np.ndarray  # per concept
    form: np.ndarray  # standalone and length multiplier per sentence
    scores: np.ndarray  # per sentence, form included
    similarity: np.ndarray
    labels: np.ndarray  # topic per sentence
    lengths: np.ndarray  # words per sentence
    standalone: np.ndarray | None = None  # the standalone factor alone (the exact choice's penalty); None: form


def representatives(candidates: np.ndarray, scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each topic's best-scoring candidate (the earliest on ties), in sentence order."""
    ranked = candidates[np.lexsort((candidates, -scores[candidates]))]
    _, first = np.unique(labels[ranked], return_index=True)
    return np.sort(ranked[first])


def coverage_gains(pool: Pool, sentences: np.ndarray, uncovered: np.ndarray) -> np.ndarray:
    """Per sentence: the weight of the concepts it would newly cover, times its form."""
    return np.asarray(pool.concepts[sentences] @ uncovered).ravel() * pool.form[sentences]


def best_of(candidates: np.ndarray, value: np.ndarray, scores: np.ndarray) -> int:
    """The candidate of highest value, then of highest score, then the earliest."""
    order = np.lexsort((candidates, -scores[candidates], -value))
    return int(candidates[order[0]])


def eligible_sentences(pool: Pool, topics: Sequence[int] | None) -> np.ndarray:
    """A mask of the sentences whose topic may give a bullet (all when ``topics`` is None)."""
    if topics is None:
        return np.ones(len(pool.labels), dtype=bool)
    return np.isin(pool.labels, np.asarray(list(topics), dtype=pool.labels.dtype))


def choose_sentences(
    pool: Pool, count: int, topics: Sequence[int] | None = None, redundancy: bool = True, max_words: int | None = None
) -> list[tuple[int, int]]:
    """(topic, sentence) pairs in the order picked: one sentence per topic, its best-scoring one.

    Which topics give bullets, and in what order, is decided greedily by
    concept coverage: each step takes the topic whose best sentence adds the
    most uncovered concept weight (times its form), the greedy algorithm for
    budgeted submodular coverage (Lin & Bilmes, ACL 2011). A concept counts
    once, and a near-duplicate of a chosen sentence is never taken. Without
    ``redundancy`` every sentence keeps its full weight and near-duplicates
    are allowed (the ablation). With ``max_words``, a sentence that would
    overflow the budget is skipped. ``topics`` limits the topics that may
    give a bullet.
    """
    available = eligible_sentences(pool, topics)
    uncovered = np.asarray(pool.weights, dtype=np.float64).copy()
    picks: list[tuple[int, int]] = []
    room = max_words if max_words is not None else np.inf
    while len(picks) < count:
        candidates = np.flatnonzero(available & (pool.lengths <= room))
        if not len(candidates):
            break
        reps = representatives(candidates, pool.scores, pool.labels)
        pick = best_of(reps, coverage_gains(pool, reps, uncovered), pool.scores)
        picks.append((int(pool.labels[pick]), pick))
        room -= pool.lengths[pick]
        available &= pool.labels != pool.labels[pick]
        if redundancy:
            available &= pool.similarity[pick] < DUPLICATE_THRESHOLD
            uncovered[pool.concepts.indices[pool.concepts.indptr[pick] : pool.concepts.indptr[pick + 1]]] = 0.0
    return picks
