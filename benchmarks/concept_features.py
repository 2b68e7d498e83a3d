"""Features of a concept (a stemmed bigram) within one cluster, for a learned concept weight.

The supervised view of concept weights (Li, Qian & Liu, ACL 2013; Hong &
Nenkova, EACL 2014, RegSum): how widely and how early the sources use a
bigram, how often, how central the sentences that carry it are, and what
kind of words it joins, predict whether human summaries use it. Every
feature is computed from the cluster alone, so it needs no background corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from summarizer.rank.concepts import TOKEN, stem

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

FEATURES = (
    "family_share",  # share of the source families using it
    "lone_recurring",  # 1 when a single family uses it, in two sentences or more
    "earliness",  # mean over the families using it of 1/sqrt(1 + index of its first sentence there)
    "first_sentence",  # share of families using it in their first sentence
    "sentence_share",  # log of the share of sentences containing it
    "best_score",  # the best score among the sentences containing it
    "mean_score",  # the mean score of the sentences containing it
    "stop_words",  # how many of its two words are stop words
    "capitalised",  # share of its uses where both words are capitalised (names)
    "digits",  # 1 when a word of it is a number
    "families",  # log of the number of families in the cluster
)
CASED_TOKEN = re.compile(r"[A-Za-z0-9]+")


def capitalised_share(texts: Sequence[str], matrix: csr_matrix, columns: dict[tuple[str, str], int]) -> np.ndarray:
    """Per concept: the share of its sentence-level uses where both of its words start with a capital."""
    capital = np.zeros(matrix.shape[1])
    for text in texts:
        seen: dict[int, bool] = {}
        for a, b in pairwise(CASED_TOKEN.findall(text)):
            column = columns.get((stem(a.lower()), stem(b.lower())))
            if column is not None:
                seen[column] = seen.get(column, False) or (a[:1].isupper() and b[:1].isupper())
        for column, both in seen.items():
            capital[column] += both
    uses = np.asarray(matrix.sum(axis=0)).ravel()
    return np.divide(capital, uses, out=np.zeros_like(capital), where=uses > 0)


def concept_columns(texts: Sequence[str]) -> dict[tuple[str, str], int]:
    """The column of each concept in ``incidence(texts)`` (concepts numbered in sorted order)."""
    from summarizer.rank.concepts import bigrams
    from summarizer.text.words import stop_words

    stops = stop_words()
    return {concept: index for index, concept in enumerate(sorted(set().union(*(bigrams(t, stops) for t in texts))))}


def word_kinds(columns: dict[tuple[str, str], int]) -> tuple[np.ndarray, np.ndarray]:
    """Per concept: how many of its words are stop words, and whether one is a number."""
    from summarizer.text.words import stop_words

    stemmed_stops = {stem(w) for w in stop_words()}
    stops = np.zeros(len(columns))
    digits = np.zeros(len(columns))
    for (a, b), column in columns.items():
        stops[column] = (a in stemmed_stops) + (b in stemmed_stops)
        digits[column] = float(a.isdigit() or b.isdigit())
    return stops, digits


def family_features(matrix: csr_matrix, family_of: np.ndarray, index_in_article: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per concept: the number of families using it, the summed earliness there, and the first-sentence uses."""
    users = np.zeros(matrix.shape[1])
    earliness = np.zeros(matrix.shape[1])
    first = np.zeros(matrix.shape[1])
    prior = 1.0 / np.sqrt(1.0 + index_in_article)
    weighted = matrix.multiply(prior[:, None]).tocsr()
    leads = matrix.multiply((index_in_article == 0)[:, None]).tocsr()
    for family in np.unique(family_of):
        rows = np.flatnonzero(family_of == family)
        best = weighted[rows].max(axis=0).toarray().ravel()
        users += best > 0
        earliness += best
        first += leads[rows].max(axis=0).toarray().ravel() > 0
    return users, earliness, first


def score_features(matrix: csr_matrix, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per concept: the best and the mean score of the sentences containing it."""
    columns = matrix.tocsc()
    best = np.zeros(matrix.shape[1])
    mean = np.zeros(matrix.shape[1])
    for j in range(matrix.shape[1]):
        found = scores[columns.indices[columns.indptr[j] : columns.indptr[j + 1]]]
        if len(found):
            best[j], mean[j] = found.max(), found.mean()
    return best, mean


def concept_features(texts: Sequence[str], matrix: csr_matrix, family_of: np.ndarray, index_in_article: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """A concepts x FEATURES matrix for the concepts of ``matrix = incidence(texts)``."""
    n_concepts = matrix.shape[1]
    if n_concepts == 0:
        return np.zeros((0, len(FEATURES)))
    n_families = len(np.unique(family_of))
    columns = concept_columns(texts)
    users, earliness, first = family_features(matrix, family_of, index_in_article)
    uses = np.asarray(matrix.sum(axis=0)).ravel()
    best, mean = score_features(matrix, scores)
    stops, digits = word_kinds(columns)
    return np.column_stack(
        [
            users / n_families,
            ((users == 1) & (uses >= 2)).astype(np.float64),
            earliness / np.maximum(users, 1),
            first / np.maximum(users, 1),
            np.log(uses / len(texts)),
            best,
            mean,
            stops,
            capitalised_share(texts, matrix, columns),
            digits,
            np.full(n_concepts, np.log(n_families)),
        ]
    )


def reference_presence(matrix_columns: dict[tuple[str, str], int], references: Sequence[str]) -> np.ndarray:
    """Per concept: the share of the references that contain it (the training target)."""
    presence = np.zeros(len(matrix_columns))
    for reference in references:
        words = TOKEN.findall(reference.lower())
        found = {(stem(a), stem(b)) for a, b in pairwise(words)}
        for concept in found & matrix_columns.keys():
            presence[matrix_columns[concept]] += 1
    return presence / max(len(references), 1)
