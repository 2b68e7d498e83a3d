"""Story clustering on a nearest-neighbour graph (`summarizer.batch.story_graph`) against the all-pairs reference."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from summarizer.batch import story_graph
from summarizer.batch.stories import BACKGROUND, SPREAD, cluster_stories, exact_story_labels, label_stories, shared_word_vectors, story_distances
from summarizer.batch.story_graph import Clusters, Neighbourhood, cluster_sums, graph_average_linkage, neighbourhood, pair_scores
from tests.test_stories import article, period, story_sentences

DUMP = Path(__file__).resolve().parents[2] / "shared" / "data" / "dump_duc2003.jsonl"


def scaled_pair_matrix(texts: list[str]) -> np.ndarray:
    """Every pair's background-scaled similarity, from the all-pairs reference's distances."""
    from scipy.spatial.distance import squareform

    from summarizer.batch.stories import CAP

    return CAP - squareform(story_distances(texts))


def test_a_cluster_pair_score_is_the_mean_of_its_pairs_scaled_similarities() -> None:
    articles, _ = period(stories=4, per_story=5, seed=11)
    texts = [a.text for a in articles]
    words = shared_word_vectors(texts)
    hood = neighbourhood(words, BACKGROUND, SPREAD)
    pairs = scaled_pair_matrix(texts)
    labels = np.array([i % 5 for i in range(len(texts))])
    from scipy.sparse import diags

    sums: Clusters = cluster_sums(words, (diags(1.0 / hood.spreads) @ words).tocsr(), -hood.means / hood.spreads, labels, 5)
    left, right = np.array([0, 0, 1, 3]), np.array([1, 4, 2, 4])
    expected = [pairs[np.ix_(labels == p, labels == q)].mean() for p, q in zip(left, right, strict=True)]
    assert np.allclose(pair_scores(sums, left, right), expected, rtol=1e-9, atol=1e-9)
    edges = scaled_pair_matrix(texts)[hood.heads, hood.tails]
    assert np.allclose(hood.edge_scores(), edges, rtol=1e-9, atol=1e-9)


def test_the_graph_keeps_a_bounded_number_of_edges_per_text() -> None:
    articles, _ = period(stories=10, per_story=12, seed=12)
    words = shared_word_vectors([a.text for a in articles])
    hood = neighbourhood(words, BACKGROUND, SPREAD, k=5)
    assert 0 < len(hood.heads) <= 5 * len(articles)
    assert np.all(hood.heads < hood.tails)
    assert len({(int(h), int(t)) for h, t in zip(hood.heads, hood.tails, strict=True)}) == len(hood.heads)


@pytest.mark.parametrize("seed", [13, 14, 15])
def test_graph_and_all_pairs_linkage_cut_the_same_stories(seed: int) -> None:
    articles, _ = period(stories=7, per_story=6, seed=seed)
    rng = random.Random(seed)
    pool = story_sentences(rng)
    articles += [article(900 + n, [s for s in pool if rng.random() < 0.5] or pool[:2]) for n in range(30)]
    for threshold in (1.0, 2.0, 4.0):
        graph = label_stories(articles, threshold)
        assert np.array_equal(graph, exact_story_labels(articles, threshold))


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
    words = shared_word_vectors(texts)
    labels = graph_average_linkage(words, neighbourhood(words, BACKGROUND, SPREAD, k=1), 2.0, k=1)
    assert np.array_equal(labels, cluster_stories(story_distances(texts), len(texts), 2.0))


def test_without_widening_one_neighbour_each_cuts_differently(monkeypatch: pytest.MonkeyPatch) -> None:
    # the check above can fail: with no widening the sampled story falls into more parts
    texts = sampled_story_period()
    words = shared_word_vectors(texts)
    monkeypatch.setattr(story_graph, "cluster_neighbours", lambda sums, k: (np.zeros(0, np.int64), np.zeros(0, np.int64)))
    labels = graph_average_linkage(words, neighbourhood(words, BACKGROUND, SPREAD, k=1), 2.0, k=1)
    exact = cluster_stories(story_distances(texts), len(texts), 2.0)
    assert len(set(labels[100:].tolist())) > len(set(exact[100:].tolist()))


@pytest.mark.skipif(not DUMP.exists(), reason="../shared/data/dump_duc2003.jsonl is absent")
def test_on_the_duc_dump_the_graph_cuts_what_all_pairs_linkage_cuts() -> None:
    from summarizer.batch.dump import read_dumps

    articles = read_dumps([str(DUMP)]).articles
    for threshold in (1.5, 2.0, 2.5):
        assert adjusted_rand_score(exact_story_labels(articles, threshold), label_stories(articles, threshold)) == 1.0


def engine_neighbourhoods(monkeypatch: pytest.MonkeyPatch, engine_name: str) -> tuple[Neighbourhood, Neighbourhood]:
    """The similarity pass in this process, and the same pass in small blocks on a real engine's workers."""
    from summarizer.batch.engines import PoolEngine, RayEngine, WorkerConfig, engine_mapper
    from summarizer.options import Options

    articles, _ = period(stories=6, per_story=8, seed=21)
    words = shared_word_vectors([a.text for a in articles])
    here = neighbourhood(words, BACKGROUND, SPREAD)
    monkeypatch.setattr(story_graph, "BLOCK_CELLS", 7 * words.shape[0])  # seven rows a block: seven blocks
    config = WorkerConfig(Options(), cache=False, cache_max_bytes=0, threads=1)
    engine = PoolEngine(config, 2) if engine_name == "pool" else RayEngine(config, 2, None)
    try:
        there = neighbourhood(words, BACKGROUND, SPREAD, mapper=engine_mapper(engine))
    finally:
        engine.close()
        if engine_name == "ray":
            import ray

            ray.shutdown()
    return here, there


@pytest.mark.parametrize("engine_name", ["pool", "ray"])
def test_the_similarity_pass_on_workers_gives_the_same_bits(monkeypatch: pytest.MonkeyPatch, engine_name: str) -> None:
    if engine_name == "ray":
        pytest.importorskip("ray")
    here, there = engine_neighbourhoods(monkeypatch, engine_name)
    for name in ("means", "spreads", "heads", "tails", "similarities"):
        assert np.array_equal(getattr(here, name), getattr(there, name)), name


def test_pairs_are_scored_in_chunks_of_bounded_entries() -> None:
    from summarizer.batch.story_graph import pair_chunks

    cost = np.array([5, 5, 30, 1, 1, 1, 9])
    chunks = pair_chunks(cost, budget=10)
    assert [(c.start, c.stop) for c in chunks] == [(0, 2), (2, 3), (3, 6), (6, 7)]
    assert all(cost[c].sum() <= 10 or c.stop - c.start == 1 for c in chunks)
    assert pair_chunks(np.zeros(0, dtype=np.int64)) == []
