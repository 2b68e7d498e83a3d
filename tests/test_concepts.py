"""Concepts: stemmed bigrams and their weights by source families and position."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.rank.concepts import bigrams, concept_weights, incidence
from summarizer.text.words import stop_words


def test_bigrams_are_stemmed_and_skip_pairs_of_stop_words() -> None:
    found = bigrams("The rebels seized the cities of the north.", stop_words())
    assert ("rebel", "seiz") in found
    assert ("citi", "of") in found  # one content word is enough
    assert ("of", "the") not in found


def test_incidence_marks_each_sentence_concepts_once() -> None:
    matrix = incidence(["Rebels seized Kandar and rebels seized Basra.", "Bakers sold bread."])
    assert matrix.shape[0] == 2
    assert matrix[0].sum() == 5  # rebel seiz (twice, counted once), seiz kandar, kandar and, and rebel, seiz basra
    assert matrix[1].sum() == 2


def weights_for(texts: list[str], families: list[int], positions: list[float]) -> dict[tuple[str, ...], float]:
    """Concept weights by concept, from sentences with given families and position priors."""
    matrix = incidence(texts)
    weights = concept_weights(matrix, np.array(families), np.array(positions))
    column_of = {}
    for row, text in enumerate(texts):
        for concept in bigrams(text, stop_words()):
            column_of[concept] = matrix[row].indices[sorted(bigrams(text, stop_words())).index(concept)]
    return {concept: float(weights[column]) for concept, column in column_of.items()}


def test_a_concept_weighs_the_earliest_use_in_each_family_that_uses_it() -> None:
    texts = ["Rebels seized Kandar.", "Troops said rebels seized Kandar.", "Rebels seized Kandar at dawn.", "Bakers sold bread."]
    weights = weights_for(texts, [0, 1, 1, 2], [1.0, 0.5, 0.25, 1.0])
    assert weights[("rebel", "seiz")] == pytest.approx(1.0 + 0.5)  # family 1 counts its earlier sentence only
    assert weights[("baker", "sold")] == 0.0  # one family only
    assert weights[("troop", "said")] == 0.0


def test_a_single_family_needs_a_concept_to_recur() -> None:
    texts = ["Rebels seized Kandar.", "Rebels seized the airport.", "Bakers sold bread."]
    weights = weights_for(texts, [0, 0, 0], [1.0, 0.7, 0.5])
    assert weights[("rebel", "seiz")] == pytest.approx(1.0)
    assert weights[("baker", "sold")] == 0.0


def test_no_text_gives_no_concepts() -> None:
    matrix = incidence([])
    assert matrix.shape == (0, 0)
    assert concept_weights(matrix, np.zeros(0, dtype=np.int64), np.zeros(0)).shape == (0,)


def test_a_lone_concept_weighs_its_share_only_when_it_recurs_in_its_family() -> None:
    texts = ["Rebels seized Kandar.", "Troops said rebels seized Kandar.", "Bakers sold bread.", "Bakers sold cakes.", "Troops left."]
    matrix = incidence(texts)
    plain = concept_weights(matrix, np.array([0, 1, 2, 2, 1]), np.array([1.0, 1.0, 1.0, 0.5, 0.5]))
    shared = concept_weights(matrix, np.array([0, 1, 2, 2, 1]), np.array([1.0, 1.0, 1.0, 0.5, 0.5]), lone_share=0.3)
    bakers = int(matrix[2].indices[sorted(bigrams(texts[2], stop_words())).index(("baker", "sold"))])
    troops = int(matrix[4].indices[0])
    assert plain[bakers] == 0.0 and shared[bakers] == pytest.approx(0.3)  # one family, in two of its sentences
    assert shared[troops] == 0.0  # "troop left" appears once
    assert np.array_equal(plain > 0, (shared > 0) & (plain > 0))
