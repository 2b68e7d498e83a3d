"""Cluster a period's articles into stories: near-copies folded, then average linkage on background-scaled TF-IDF similarities.

1. Near-copies (wire copies, write-throughs, trimmed reprints) are folded
   into one group first (``story_copies``: word 5-gram containment), and
   each group is clustered once, as one text: copies then neither outvote
   other articles nor crowd an article's neighbourhood, and every copy gets
   its group's story.
2. Each group is one sublinear TF-IDF row (Allan et al., TDT 1998) over its
   headlines (counted twice: a headline says what the story is), its text,
   and its multi-word names ("Hosni Mubarak" as one extra term, so shared
   named entities weigh more than their words alone); words in one group
   only are dropped, so the names and rare terms groups share weigh most.
3. A raw cosine means different things for a wordy article with many weak
   matches and a terse one, or in a period of web pages and one of wire
   copy, so each similarity is read against the article's own background:
   how many standard deviations it lies above the article's mean similarity
   to the whole period (a z-score, symmetrised by averaging both ends' views).
   Unlike the k-th-neighbour scaling used before, this does not change when
   a story has ten articles or a hundred, as long as no story is most of the
   period. ``BACKGROUND`` virtual unrelated articles (similarity 0, spread
   ``SPREAD``) are added to every row, so that a period of two or three
   articles still has a background; they change nothing measurable in a
   period of hundreds.
4. Average linkage joins groups while their mean scaled similarity is at
   least ``STORY_THRESHOLD``: the number of stories comes from the data.
   It runs on a sparse nearest-neighbour graph (``story_graph``), with each
   candidate pair of clusters scored exactly from the clusters' sums, so
   memory grows linearly with the groups. ``exact_story_labels`` keeps the
   all-pairs version (scipy's linkage on every distance) as the reference
   the tests and ``benchmarks/stories.py`` compare with.

``STORY_THRESHOLD`` was chosen on the DUC 2003 dump (wire news) and
cross-validated on Multi-News and MultiLing 2011 (``benchmarks/stories.py``,
results in ``benchmarks/results/stories.md``): it transfers imperfectly, since
the best threshold falls as one story's share of the period rises. The other
constants were set by hand, not tuned. Dates are not used: a decay
with the days between two articles lowered ARI on both dated dumps, whose
stories run for weeks. Memory grows linearly with a period's groups; the
time of the one pass of sparse products grows with their square, with a
small constant, and never with the sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from summarizer.batch.blocks import BlockMapper
from summarizer.batch.story_copies import copy_groups
from summarizer.topics.cluster import first_seen_order
from summarizer.types import Article

STORY_THRESHOLD = 2.0
BACKGROUND = 10
SPREAD = 0.05
TITLE_WEIGHT = 2
CAP = 100.0
BLOCK = 512
NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)+)\b")


def shared_word_vectors(texts: Sequence[str]) -> Any:
    """Sparse unit TF-IDF rows over words that at least two texts use (all words if none do)."""
    from scipy.sparse import csr_matrix

    from summarizer.text.tfidf import tfidf_matrix

    for min_df in (2, 1):
        try:
            return tfidf_matrix(texts, min_df=min_df)
        except ValueError:  # no word left at this document frequency
            continue
    return csr_matrix((len(texts), 1), dtype=np.float64)


def similarity_blocks(words: Any) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, block of cosine similarities of those rows to every text), a block of rows at a time."""
    n = words.shape[0]
    for first in range(0, n, BLOCK):
        yield first, np.asarray((words[first : first + BLOCK] @ words.T).toarray(), dtype=np.float64)


def story_text(articles: Sequence[Article]) -> str:
    """What one group of near-copies is clustered on: its headlines (``TITLE_WEIGHT`` times), texts, and multi-word names."""
    titles = " ".join(dict.fromkeys(a.title.strip() for a in articles if a.title.strip()))
    body = "\n".join(a.text for a in articles)
    names = " ".join("name" + match.group(1).replace(" ", "").lower() for match in NAME.finditer(body))
    return "\n".join([*[titles] * (TITLE_WEIGHT if titles else 0), body, names])


def story_distances(texts: Sequence[str]) -> np.ndarray:
    """Condensed distances (as scipy wants them): ``CAP`` minus the background-scaled similarity, within [0, 2 * CAP]."""
    from summarizer.batch.story_graph import neighbourhood

    words = shared_word_vectors(texts)
    n = len(texts)
    hood = neighbourhood(words, BACKGROUND, SPREAD)
    means, spreads = hood.means, hood.spreads
    condensed = np.empty(n * (n - 1) // 2, dtype=np.float64)
    start = 0
    for first, block in similarity_blocks(words):
        rows = slice(first, first + len(block))
        block = 0.5 * ((block - means[rows, None]) / spreads[rows, None] + (block - means[None, :]) / spreads[None, :])
        for offset, row in enumerate(range(first, first + len(block))):
            tail = block[offset, row + 1 :]
            condensed[start : start + len(tail)] = CAP - np.clip(tail, -CAP, CAP)
            start += len(tail)
    return condensed


def cluster_stories(distances: np.ndarray, count: int, threshold: float = STORY_THRESHOLD) -> np.ndarray:
    """A label per text (0.. in order of first appearance): average linkage on ``story_distances``,
    joining while the mean scaled similarity is at least ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage

    if count < 2:
        return np.zeros(count, dtype=np.int64)
    tree = linkage(distances, method="average")
    return first_seen_order(fcluster(tree, t=CAP - threshold, criterion="distance"))


def story_groups(articles: Sequence[Article]) -> tuple[np.ndarray, list[str]]:
    """The near-copy group of every article, and each group's text to cluster."""
    groups = copy_groups([a.text for a in articles])
    members: list[list[Article]] = [[] for _ in range(int(groups.max()) + 1 if len(groups) else 0)]
    for article, group in zip(articles, groups, strict=True):
        members[int(group)].append(article)
    return groups, [story_text(chosen) for chosen in members]


def graph_stories(texts: Sequence[str], thresholds: Sequence[float], mapper: BlockMapper | None = None) -> list[np.ndarray]:
    """A label per text at each threshold: average linkage on the nearest-neighbour graph (``story_graph``), its
    similarity pass run where ``mapper`` sends it (the batch engine's workers), else here."""
    from summarizer.batch.story_graph import graph_average_linkage, neighbourhood

    if len(texts) < 2:
        return [np.zeros(len(texts), dtype=np.int64) for _ in thresholds]
    words = shared_word_vectors(texts)
    hood = neighbourhood(words, BACKGROUND, SPREAD, mapper=mapper)
    return [first_seen_order(graph_average_linkage(words, hood, threshold)) for threshold in thresholds]


def label_stories(articles: Sequence[Article], threshold: float = STORY_THRESHOLD, mapper: BlockMapper | None = None) -> np.ndarray:
    """``story_labels`` at another threshold (for benchmarks)."""
    groups, texts = story_groups(articles)
    return first_seen_order(graph_stories(texts, [threshold], mapper)[0][groups]) if len(groups) else np.zeros(0, dtype=np.int64)


def exact_story_labels(articles: Sequence[Article], threshold: float = STORY_THRESHOLD) -> np.ndarray:
    """The all-pairs reference: scipy's average linkage on every pair's distance (memory: the square of the groups)."""
    groups, texts = story_groups(articles)
    labels = cluster_stories(story_distances(texts), len(texts), threshold) if len(texts) > 1 else np.zeros(len(texts), dtype=np.int64)
    return first_seen_order(labels[groups]) if len(groups) else np.zeros(0, dtype=np.int64)


def story_labels(articles: Sequence[Article], mapper: BlockMapper | None = None) -> np.ndarray:
    """A story label per article of one period (0.. in order of first appearance): the entry point ``batch`` calls."""
    return label_stories(articles, mapper=mapper)
