"""Cluster a period's articles into stories: near-copies folded, then average linkage on an absolute same-story score.

1. Near-copies (wire copies, write-throughs, trimmed reprints) are folded
   into one group first (``story_copies``: word 5-gram containment), and
   each group is clustered once: copies then neither outvote other articles
   nor crowd an article's neighbourhood, and every copy gets its group's
   story. Near-identical texts under unrelated headlines are page furniture
   (a crawled sign-up prompt where the article should be), not copies: both
   are judged on their headlines alone.
2. Each group gets its evidence rows (``story_evidence``: headline and lead
   words, names, figures, dates) and the story model (``story_model``) turns
   them into the log-odds that two groups are one story, a dot product of
   the two groups' rows: it depends on the pair alone, never on the rest of
   the period (the previous method read each similarity in standard
   deviations above the period's mean, so the cut moved with what else
   arrived; ``benchmarks/results/stories.md`` has the before and after).
3. Average linkage joins groups while their mean log-odds is at least the
   model's cut, on a sparse nearest-neighbour graph (``story_graph``) with
   each candidate pair of clusters scored exactly from the clusters' sums, so
   memory grows linearly with the groups. ``exact_story_labels`` keeps the
   all-pairs version (scipy's linkage on every pair) as the reference the
   tests compare with.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarizer.batch.blocks import BlockMapper
from summarizer.batch.stories.copies import copy_pairs, joined
from summarizer.batch.stories.evidence import Group, evidence_blocks, group_of, unrelated_headlines
from summarizer.batch.stories.model import StoryModel, shipped_model
from summarizer.topics.cluster import first_seen_order
from summarizer.types import Article

CAP = 1000.0
FLOOR_MARGIN = 4.0  # edges scoring this far under the cut are never candidates


def judged_texts(articles: Sequence[Article]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The text each article is judged on, and the near-copy pairs among them.

    Near-identical texts under unrelated headlines are page furniture (a
    crawled sign-up prompt or cookie notice where the article should be), not
    copies of one story: such a pair is not joined, and both articles are
    judged on their headlines alone."""
    texts = [article.text for article in articles]
    row, col = copy_pairs(texts)
    furniture = np.array([unrelated_headlines(articles[i].title, articles[j].title) for i, j in zip(row, col, strict=True)], dtype=bool)
    junk = set(row[furniture].tolist()) | set(col[furniture].tolist())
    keep = ~furniture & ~np.isin(row, list(junk)) & ~np.isin(col, list(junk))
    judged = [articles[i].title if i in junk else text for i, text in enumerate(texts)]
    return judged, row[keep], col[keep]


def story_groups(articles: Sequence[Article]) -> tuple[np.ndarray, list[Group]]:
    """The near-copy group of every article (``judged_texts``), and each group's evidence source."""
    bodies, row, col = judged_texts(articles)
    groups = joined(len(articles), row, col)
    members: list[list[int]] = [[] for _ in range(int(groups.max()) + 1 if len(groups) else 0)]
    for position, group in enumerate(groups):
        members[int(group)].append(position)
    return groups, [group_of([articles[i] for i in chosen], [bodies[i] for i in chosen]) for chosen in members]


def score_matrix(groups: Sequence[Group], model: StoryModel) -> np.ndarray:
    """Every pair's log-odds of one story (dense: for the all-pairs reference and tests)."""
    scorer = model.scorer(evidence_blocks(groups))
    return np.asarray((scorer.x @ scorer.u.T).toarray(), dtype=np.float64) + scorer.intercept


def cluster_stories(scores: np.ndarray, cut: float) -> np.ndarray:
    """The all-pairs reference: scipy's average linkage on every pair's log-odds, joining while the mean is at least ``cut``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    count = len(scores)
    if count < 2:
        return np.zeros(count, dtype=np.int64)
    symmetric = 0.5 * (scores + scores.T)
    np.fill_diagonal(symmetric, CAP)
    distances = squareform(CAP - np.clip(symmetric, -CAP, CAP), checks=False)
    return first_seen_order(fcluster(linkage(distances, method="average"), t=CAP - cut, criterion="distance"))


def graph_stories(groups: Sequence[Group], cuts: Sequence[float], mapper: BlockMapper | None = None, model: StoryModel | None = None) -> list[np.ndarray]:
    """A label per group at each cut: average linkage on the nearest-neighbour graph (``story_graph``), its
    similarity pass run where ``mapper`` sends it (the batch engine's workers), else here."""
    from summarizer.batch.stories.graph import graph_average_linkage, neighbourhood

    if len(groups) < 2:
        return [np.zeros(len(groups), dtype=np.int64) for _ in cuts]
    scorer = (model or shipped_model()).scorer(evidence_blocks(groups))
    hood = neighbourhood(scorer, min(cuts) - FLOOR_MARGIN, mapper=mapper)
    return [first_seen_order(graph_average_linkage(scorer, hood, cut)) for cut in cuts]


def label_stories(articles: Sequence[Article], cut: float | None = None, mapper: BlockMapper | None = None, model: StoryModel | None = None) -> np.ndarray:
    """A story label per article (0.. in order of first appearance) at ``cut`` (default: the model's)."""
    model = model or shipped_model()
    groups, sources = story_groups(articles)
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    return first_seen_order(graph_stories(sources, [model.cut if cut is None else cut], mapper, model)[0][groups])


def exact_story_labels(articles: Sequence[Article], cut: float | None = None, model: StoryModel | None = None) -> np.ndarray:
    """The all-pairs reference: scipy's average linkage on every pair's score (memory: the square of the groups)."""
    model = model or shipped_model()
    groups, sources = story_groups(articles)
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    labels = cluster_stories(score_matrix(sources, model), model.cut if cut is None else cut)
    return first_seen_order(labels[groups])


def story_labels(articles: Sequence[Article], mapper: BlockMapper | None = None) -> np.ndarray:
    """A story label per article of one period (0.. in order of first appearance): the entry point ``batch`` calls."""
    return label_stories(articles, mapper=mapper)
