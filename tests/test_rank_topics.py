"""Stages on hand-built matrices: LexRank, duplicates, topics, labels, selection."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.rank.centrality import lexrank
from summarizer.rank.select import Pool, automatic_topics, choose_sentences, topic_stats
from summarizer.text.words import stop_words
from summarizer.topics.cluster import NoTopics, OneTopic, WardTopics, first_seen_order
from summarizer.topics.duplicates import best_matches, support
from summarizer.topics.phrases import label_for, phrases, topic_phrases


def star_similarity() -> np.ndarray:
    """Sentence 0 is similar to every other; the others only to 0."""
    sim = np.eye(5)
    sim[0, 1:] = sim[1:, 0] = 0.8
    return sim


def test_lexrank_ranks_the_hub_first_and_sums_to_one() -> None:
    scores = lexrank(star_similarity())
    assert np.isclose(scores.sum(), 1.0)
    assert scores.argmax() == 0
    assert np.allclose(scores[1:], scores[1])


def test_lexrank_of_nothing_is_nothing() -> None:
    assert lexrank(np.zeros((0, 0))).shape == (0,)


def test_lexrank_of_disconnected_sentences_is_uniform() -> None:
    assert np.allclose(lexrank(np.eye(4)), 0.25)


def test_near_duplicates_give_one_match_per_other_article() -> None:
    sim = np.array(
        [
            [1.0, 0.9, 0.8, 0.2],
            [0.9, 1.0, 0.7, 0.1],
            [0.8, 0.7, 1.0, 0.1],
            [0.2, 0.1, 0.1, 1.0],
        ]
    )
    article_of = np.array([0, 1, 1, 2])
    matches = best_matches(sim, article_of, 0)
    assert [(m.sentence, round(m.similarity, 2)) for m in matches] == [(1, 0.9)]
    assert support(sim, article_of).tolist() == [2, 2, 2, 1]


def test_ward_separates_two_obvious_groups_and_numbers_topics_in_order() -> None:
    rng = np.random.default_rng(0)
    a = rng.normal([5, 0], 0.1, size=(6, 2))
    b = rng.normal([0, 5], 0.1, size=(6, 2))
    vectors = np.vstack([a, b])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ vectors.T
    labels = WardTopics().fit_predict(similarity.copy())  # Ward may overwrite the matrix it is given
    assert labels[0] == 0
    assert len(set(labels[:6])) == 1 and len(set(labels[6:])) == 1 and labels[0] != labels[6]
    assert len(set(WardTopics(n_topics=4).fit_predict(similarity.copy()))) == 4
    assert OneTopic().fit_predict(similarity).tolist() == [0] * 12
    assert NoTopics().fit_predict(similarity).tolist() == list(range(12))
    assert len(set(WardTopics(min_topics=5).fit_predict(similarity.copy()))) == 5
    assert WardTopics().fit_predict(np.zeros((0, 0))).shape == (0,)


def test_ward_on_similarities_equals_ward_on_the_vectors() -> None:
    from scipy.cluster.hierarchy import fcluster, linkage

    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(40, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    direct = first_seen_order(fcluster(linkage(vectors, method="ward"), t=5, criterion="maxclust"))
    assert WardTopics(n_topics=5).fit_predict((vectors @ vectors.T).astype(np.float32)).tolist() == direct.tolist()


def test_hybrid_similarity_is_the_cosine_of_the_mixed_vectors() -> None:
    from summarizer.topics.lexical import hybrid_similarity, tfidf_vectors

    texts = ["Sanctions on Russia stay.", "Russia sanctions will not ease.", "The minerals deal was signed.", "the of and"]
    rng = np.random.default_rng(2)
    embeddings = rng.normal(size=(4, 8)).astype(np.float32)
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    lexical = tfidf_vectors(texts)
    mixed = np.hstack([embeddings * np.sqrt(0.3), lexical.toarray() * np.sqrt(0.7)])
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    assert np.allclose(hybrid_similarity(embeddings @ embeddings.T, lexical, 0.3), mixed @ mixed.T, atol=1e-6)


def test_first_seen_order() -> None:
    assert first_seen_order(np.array([7, 7, 2, 9, 2])).tolist() == [0, 0, 1, 2, 1]


def test_phrases_keep_noun_like_ngrams() -> None:
    found = phrases("The coalition of the willing agreed new sanctions on Russia.", stop_words())
    assert "coalition of the willing" in found
    assert "sanctions" in found
    assert "sanctions on russia" not in found
    assert "of the" not in found and "the coalition" not in found


def test_labels_come_from_phrases_shared_across_articles() -> None:
    texts = [
        "Allies agreed there should be no easing of sanctions on Russia.",
        "The allies rejected lifting sanctions on Russia for now.",
        "Ukraine will sign the minerals deal with the United States, angering Russia.",
        "The minerals deal gives the United States access to rare earths, allies said.",
    ]
    ranked = topic_phrases(texts, np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]))
    assert label_for(ranked[0], "") == "sanctions"
    assert label_for(ranked[1], "") in {"minerals deal", "United States"}
    assert label_for(ranked[1], texts[2]) in {"minerals deal", "United States"}


def test_topic_order_puts_corroborated_topics_first() -> None:
    labels = np.array([0, 0, 1, 1, 1])
    scores = np.array([0.9, 0.8, 0.5, 0.4, 0.3])
    article_of = np.array([0, 0, 0, 1, 2])
    stats = topic_stats(labels, scores, article_of)
    assert [s.topic for s in stats] == [1, 0]
    assert automatic_topics(stats, 3) == [1]


def pool_of(concepts: list[list[int]], weights: list[float], scores: list[float], labels: list[int], similarity: np.ndarray | None = None) -> Pool:
    """A Pool over hand-made concept sets (sentence i holds concepts[i])."""
    from scipy.sparse import csr_matrix

    rows = [sorted(c) for c in concepts]
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    matrix = csr_matrix((np.ones(int(indptr[-1])), [c for r in rows for c in r], indptr), shape=(len(rows), len(weights)))
    n = len(rows)
    return Pool(
        concepts=matrix,
        weights=np.array(weights, dtype=float),
        form=np.ones(n),
        scores=np.array(scores, dtype=float),
        similarity=np.eye(n) if similarity is None else similarity,
        labels=np.array(labels),
        lengths=np.full(n, 10),
    )


def test_selection_takes_the_topic_adding_most_uncovered_concept_weight() -> None:
    # topic 0 (sentence 0) covers concepts 0 and 1; topic 1 (sentence 1) repeats concept 0;
    # topic 2 (sentence 2) covers concept 2 alone: after sentence 0, it adds more than sentence 1
    pool = pool_of([[0, 1], [0], [2]], [3.0, 1.0, 2.0], [0.5, 0.9, 0.1], [0, 1, 2])
    assert choose_sentences(pool, count=2) == [(0, 0), (2, 2)]


def test_selection_counts_concepts_once_unless_redundancy_is_off() -> None:
    pool = pool_of([[0, 1], [0, 1], [2]], [3.0, 1.0, 1.0], [0.5, 0.4, 0.1], [0, 1, 2])
    assert choose_sentences(pool, count=2) == [(0, 0), (2, 2)]
    assert choose_sentences(pool, count=2, redundancy=False) == [(0, 0), (1, 1)]


def test_each_topic_gives_its_best_scoring_sentence_once() -> None:
    pool = pool_of([[0], [1], [2]], [1.0, 5.0, 1.0], [0.9, 0.2, 0.5], [0, 0, 1])
    picks = choose_sentences(pool, count=3)
    assert picks == [(0, 0), (1, 2)]  # sentence 1 holds the heavy concept, but topic 0 speaks through sentence 0


def test_selection_never_takes_a_near_duplicate_of_a_pick() -> None:
    similarity = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.1], [0.1, 0.1, 1.0]])
    pool = pool_of([[0], [1], [2]], [3.0, 2.0, 1.0], [0.5, 0.5, 0.5], [0, 1, 2], similarity)
    assert choose_sentences(pool, count=3) == [(0, 0), (2, 2)]
    assert len(choose_sentences(pool, count=3, redundancy=False)) == 3


def test_selection_keeps_to_the_word_budget_and_the_allowed_topics() -> None:
    pool = pool_of([[0], [1], [2]], [3.0, 2.0, 1.0], [0.5, 0.5, 0.5], [0, 1, 2])
    assert choose_sentences(pool, count=3, max_words=20) == [(0, 0), (1, 1)]
    assert choose_sentences(pool, count=3, max_words=5) == []
    assert choose_sentences(pool, count=3, topics=[2, 1]) == [(1, 1), (2, 2)]


def test_selection_without_concepts_falls_back_to_the_scores() -> None:
    pool = pool_of([[], [], []], [], [0.2, 0.7, 0.5], [0, 1, 2])
    assert choose_sentences(pool, count=2) == [(1, 1), (2, 2)]


def test_source_families_join_rewrites_only() -> None:
    from summarizer.topics.duplicates import source_families

    # articles 0 and 1 share 3 of 4 sentences each; article 2 shares 1 of 1 with article 0
    article_of = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2])
    sim = np.eye(9)
    for a, b in ((0, 4), (1, 5), (2, 6), (0, 8)):
        sim[a, b] = sim[b, a] = 0.9
    families = source_families(sim, article_of)
    assert families[0] == families[4] != families[8]


def test_topic_breadth_moves_importance_from_best_sentence_to_coverage() -> None:
    from summarizer.rank.select import importance

    members = np.array([0, 1, 2])
    scores = np.array([0.9, 0.5, 0.5])
    families = np.array([0, 1, 2])
    assert importance(members, scores, families, breadth=0.0) == pytest.approx(0.9)
    assert importance(members, scores, families, breadth=1.0) == pytest.approx(1.9)


def test_centroid_similarity_prefers_the_sentence_all_articles_share() -> None:
    from summarizer.rank.score import centroid_similarity
    from summarizer.types import Sentence

    texts = [
        "Rebels seized the city of Kandar.",
        "Bakers sold bread at the market.",
        "Rebels held Kandar after seizing the city.",
        "Rebels in Kandar seized the city hall.",
    ]
    article_of = [0, 0, 1, 2]
    articles = [" ".join(t for t, a in zip(texts, article_of, strict=True) if a == number) for number in range(3)]
    sentences = []
    for text, number in zip(texts, article_of, strict=True):
        start = articles[number].index(text)  # offsets computed from the article text, never typed by hand
        sentences.append(Sentence(number, article_of[: len(sentences)].count(number), start, start + len(text), text))
    assert [articles[s.article_id][s.start : s.end] for s in sentences] == texts
    assert [(s.article_id, s.index) for s in sentences] == [(0, 0), (0, 1), (1, 0), (2, 0)]
    similarity = centroid_similarity(sentences, np.array([0, 0, 1, 2]))
    assert similarity.argmin() == 1
