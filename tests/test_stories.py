"""Story clustering (`summarizer.batch.stories.cut`): near-copies, big stories, unrelated articles, determinism."""

from __future__ import annotations

import random

import numpy as np
from sklearn.metrics import adjusted_rand_score

from summarizer.batch.stories.copies import copy_groups
from summarizer.batch.stories.cut import label_stories, story_labels
from summarizer.types import Article
from tests.helpers.stories import article, period, story_sentences


def copies_of(original: Article, count: int, rng: random.Random, first_id: int) -> list[Article]:
    """``count`` wire copies: a fifth of the sentences dropped, the rest shuffled."""
    parts = [s + "." for s in original.text.split(". ") if s]
    out = []
    for number in range(count):
        kept = rng.sample(parts, len(parts) - max(1, len(parts) // 5))
        rng.shuffle(kept)
        out.append(article(first_id + number, kept))
    return out


def test_copies_of_one_article_stay_one_story_with_their_original() -> None:
    articles, truth = period(stories=6, per_story=4, seed=1)
    rng = random.Random(7)
    copies = [c for i, a in enumerate(articles) for c in copies_of(a, 5, rng, 1000 + 10 * i)]
    before = story_labels(articles)
    labels = story_labels(articles + copies)
    assert adjusted_rand_score(truth, before) == 1.0
    for index in range(len(articles)):  # every article's five copies sit with it
        assert {int(labels[len(articles) + 5 * index + k]) for k in range(5)} == {int(labels[index])}
    assert adjusted_rand_score(before, labels[: len(articles)]) == 1.0  # and the stories are cut as without copies
    groups = copy_groups([a.text for a in articles[:1] + copies[:5]] + [articles[-1].text])
    assert len(set(groups[:6].tolist())) == 1 and groups[6] != groups[0]


def test_a_big_story_mixing_the_same_sentences_stays_one_story() -> None:
    rng = random.Random(3)
    big_pool = story_sentences(rng)
    small, small_truth = period(stories=5, per_story=3, seed=4)
    big = []
    for number in range(80):
        chosen = [s for s in big_pool if rng.random() < 0.4] or big_pool[:2]
        rng.shuffle(chosen)
        big.append(article(500 + number, chosen))
    labels = story_labels(small + big)
    assert len(set(labels[len(small) :].tolist())) == 1
    assert adjusted_rand_score(small_truth, labels[: len(small)]) == 1.0
    assert int(labels[-1]) not in set(labels[: len(small)].tolist())
    # the same small stories are cut the same way whether the big story has 8 articles or 80
    assert adjusted_rand_score(story_labels(small + big[:8])[: len(small)], labels[: len(small)]) == 1.0


def test_unrelated_articles_stay_apart() -> None:
    rng = random.Random(5)
    articles = [article(i, story_sentences(rng)[:5]) for i in range(12)]
    assert len(set(story_labels(articles).tolist())) == 12
    texts = ["Rebels seized the northern city.", "The central bank raised rates.", "A storm flooded coastal towns."]
    assert story_labels([article(i, [t]) for i, t in enumerate(texts)]).tolist() == [0, 1, 2]
    assert story_labels([]).tolist() == [] and story_labels(articles[:1]).tolist() == [0]


def test_stories_are_found_whatever_their_number_and_labels_come_in_order() -> None:
    articles, truth = period(stories=8, per_story=5, seed=6)
    labels = story_labels(articles)
    assert adjusted_rand_score(truth, labels) == 1.0
    assert (
        labels[0] == 0
        and all(  # 0.. in order of first appearance
            labels[i] <= max(labels[:i].tolist(), default=-1) + 1 for i in range(len(labels))
        )
    )
    assert len(set(label_stories(articles, cut=50.0).tolist())) > len(set(labels.tolist()))  # the threshold cuts


def test_labels_are_deterministic_and_independent_of_input_order() -> None:
    articles, _ = period(stories=6, per_story=6, seed=8)
    rng = random.Random(9)
    articles += copies_of(articles[0], 4, rng, 900)
    labels = story_labels(articles)
    assert np.array_equal(labels, story_labels(articles))
    for seed in range(3):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        permuted = story_labels([articles[i] for i in order])
        back = np.empty_like(permuted)
        back[order] = permuted
        assert adjusted_rand_score(labels, back) == 1.0
