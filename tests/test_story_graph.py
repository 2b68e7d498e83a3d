"""Story clustering on a nearest-neighbour graph (`summarizer.batch.stories.graph`) against the all-pairs reference."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from summarizer.batch.stories import graph as story_graph
from summarizer.batch.stories.cut import cluster_stories, exact_story_labels, label_stories, score_matrix
from summarizer.batch.stories.evidence import evidence_blocks, group_of
from summarizer.batch.stories.graph import Clusters, Neighbourhood, Scorer, cluster_sums, graph_average_linkage, neighbourhood, pair_scores
from summarizer.batch.stories.model import shipped_model
from tests.helpers.stories import article, period, story_sentences

DUMP = Path(__file__).resolve().parents[2] / "shared" / "data" / "dump_duc2003.jsonl"


def scorer_of(texts: list[str]) -> Scorer:
    """The shipped model's scorer over one article per text."""
    groups = [group_of([article(i, [text])], [text]) for i, text in enumerate(texts)]
    return shipped_model().scorer(evidence_blocks(groups))


def pair_matrix(texts: list[str]) -> np.ndarray:
    """Every pair's log-odds of one story, from the dense reference."""
    return score_matrix([group_of([article(i, [text])], [text]) for i, text in enumerate(texts)], shipped_model())


def test_a_cluster_pair_score_is_the_mean_of_its_pairs_scores() -> None:
    articles, _ = period(stories=4, per_story=5, seed=11)
    texts = [a.text for a in articles]
    scorer = scorer_of(texts)
    pairs = pair_matrix(texts)
    labels = np.array([i % 5 for i in range(len(texts))])
    sums: Clusters = cluster_sums(scorer, labels, 5)
    left, right = np.array([0, 0, 1, 3]), np.array([1, 4, 2, 4])
    expected = [pairs[np.ix_(labels == p, labels == q)].mean() for p, q in zip(left, right, strict=True)]
    assert np.allclose(pair_scores(sums, left, right), expected, rtol=1e-9, atol=1e-9)
    hood = neighbourhood(scorer, floor=-np.inf)
    assert np.allclose(hood.scores, pairs[hood.heads, hood.tails], rtol=1e-9, atol=1e-9)


def test_the_graph_keeps_a_bounded_number_of_edges_per_text() -> None:
    articles, _ = period(stories=10, per_story=12, seed=12)
    hood = neighbourhood(scorer_of([a.text for a in articles]), floor=-np.inf, k=5)
    assert 0 < len(hood.heads) <= 5 * len(articles)
    assert np.all(hood.heads < hood.tails)
    assert len({(int(h), int(t)) for h, t in zip(hood.heads, hood.tails, strict=True)}) == len(hood.heads)


@pytest.mark.parametrize("seed", [13, 14, 15])
def test_graph_and_all_pairs_linkage_cut_the_same_stories(seed: int) -> None:
    articles, _ = period(stories=7, per_story=6, seed=seed)
    rng = random.Random(seed)
    pool = story_sentences(rng)
    articles += [article(900 + n, [s for s in pool if rng.random() < 0.5] or pool[:2]) for n in range(30)]
    for cut in (-1.0, 0.0, 2.0):
        graph = label_stories(articles, cut)
        assert np.array_equal(graph, exact_story_labels(articles, cut))


def sampled_story_period() -> list[str]:
    """20 small stories of 5 articles, and 30 articles that each sample half the sentences of one story."""
    rng = random.Random(16)
    pool = story_sentences(rng, 20)
    small, _ = period(stories=20, per_story=5, seed=17)
    big = [article(700 + n, [s for s in pool if rng.random() < 0.5] or pool[:3]) for n in range(30)]
    return [a.text for a in small + big]


def test_with_one_neighbour_each_the_clusters_still_meet_as_in_all_pairs_linkage() -> None:
    # one neighbour per text: most pairs of the sampled story are not edges, and its parts meet only
    # through the clusters' own best-scoring neighbours, added whenever the merging stalls
    texts = sampled_story_period()
    scorer, cut = scorer_of(texts), shipped_model().cut
    labels = graph_average_linkage(scorer, neighbourhood(scorer, floor=-np.inf, k=1), cut, k=1)
    assert np.array_equal(labels, cluster_stories(pair_matrix(texts), cut))


def test_without_widening_one_neighbour_each_cuts_differently(monkeypatch: pytest.MonkeyPatch) -> None:
    # the check above can fail: with no widening the sampled story falls into more parts
    texts = sampled_story_period()
    scorer, cut = scorer_of(texts), shipped_model().cut
    monkeypatch.setattr(story_graph, "cluster_neighbours", lambda sums, k: (np.zeros(0, np.int64), np.zeros(0, np.int64)))
    labels = graph_average_linkage(scorer, neighbourhood(scorer, floor=-np.inf, k=1), cut, k=1)
    exact = cluster_stories(pair_matrix(texts), cut)
    assert len(set(labels[100:].tolist())) > len(set(exact[100:].tolist()))


@pytest.mark.skipif(not DUMP.exists(), reason="../shared/data/dump_duc2003.jsonl is absent")
def test_on_the_duc_dump_the_graph_cuts_what_all_pairs_linkage_cuts() -> None:
    from summarizer.batch.dump import read_dumps
    from summarizer.dates import with_dates

    articles = with_dates(read_dumps([str(DUMP)]).articles)
    cut = shipped_model().cut
    for offset in (-1.0, 0.0, 1.0):
        assert adjusted_rand_score(exact_story_labels(articles, cut + offset), label_stories(articles, cut + offset)) == 1.0


def engine_neighbourhoods(monkeypatch: pytest.MonkeyPatch, engine_name: str) -> tuple[Neighbourhood, Neighbourhood]:
    """The similarity pass in this process, and the same pass in small blocks on a real engine's workers."""
    from summarizer.batch.engines import PoolEngine, RayEngine, WorkerConfig, engine_mapper
    from summarizer.options import Options

    articles, _ = period(stories=6, per_story=8, seed=21)
    scorer = scorer_of([a.text for a in articles])
    here = neighbourhood(scorer, floor=-np.inf)
    monkeypatch.setattr(story_graph, "BLOCK_CELLS", 7 * scorer.x.shape[0])  # seven rows a block: seven blocks
    config = WorkerConfig(Options(), cache=False, cache_max_bytes=0, threads=1)
    engine = PoolEngine(config, 2) if engine_name == "pool" else RayEngine(config, 2, None)
    try:
        there = neighbourhood(scorer, floor=-np.inf, mapper=engine_mapper(engine))
    finally:
        engine.close()
        if engine_name == "ray":
            import ray

            ray.shutdown()
    return here, there


@pytest.mark.slow
@pytest.mark.parametrize("engine_name", ["pool", "ray"])
def test_the_similarity_pass_on_workers_gives_the_same_bits(monkeypatch: pytest.MonkeyPatch, engine_name: str) -> None:
    if engine_name == "ray":
        pytest.importorskip("ray")
    here, there = engine_neighbourhoods(monkeypatch, engine_name)
    for name in ("heads", "tails", "scores"):
        assert np.array_equal(getattr(here, name), getattr(there, name)), name


def test_pairs_are_scored_in_chunks_of_bounded_entries() -> None:
    from summarizer.batch.stories.graph import pair_chunks

    cost = np.array([5, 5, 30, 1, 1, 1, 9])
    chunks = pair_chunks(cost, budget=10)
    assert [(c.start, c.stop) for c in chunks] == [(0, 2), (2, 3), (3, 6), (6, 7)]
    assert all(cost[c].sum() <= 10 or c.stop - c.start == 1 for c in chunks)
    assert pair_chunks(np.zeros(0, dtype=np.int64)) == []
