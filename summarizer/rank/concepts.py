"""Concepts: the word bigrams a summary should cover, weighted by how many sources report them, and how early.

The concept-coverage view of extractive summarisation (Gillick & Favre, ILP
for NLP 2009): a summary is worth the summed weight of the distinct concepts
its sentences contain, a concept being a stemmed word bigram that is not made
of stop words alone, and counting once however many sentences repeat it.
A concept's weight is the sum, over the source families that use it, of how
early each first uses it: document frequency and position of first
occurrence, the two strongest cues of word importance in news (Hong & Nenkova,
EACL 2014). A concept that only one family uses weighs nothing, unless the
input is a single family, where it must recur in two of its sentences; with a
``lone_share``, a concept of one family that recurs in two of its sentences
weighs that share of its weight (the exact program of ``summarizer.rank.ilp``
gains from them, the greedy choice does not).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from summarizer.text.words import FOLDED_WORD

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

TOKEN = FOLDED_WORD


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) stem of a lower-case word."""
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def bigrams(text: str, stops: frozenset[str]) -> set[tuple[str, str]]:
    """Stemmed word bigrams of ``text``, except those whose two words are both stop words."""
    words = TOKEN.findall(text.lower())
    return {(stem(a), stem(b)) for a, b in pairwise(words) if not (a in stops and b in stops)}


def incidence(texts: Sequence[str]) -> csr_matrix:
    """A binary sentence-by-concept matrix (concepts numbered in sorted order)."""
    from scipy.sparse import csr_matrix

    from summarizer.text.words import stop_words

    stops = stop_words()
    found = [bigrams(text, stops) for text in texts]
    column = {concept: index for index, concept in enumerate(sorted(set().union(*found)))}
    rows = [sorted(column[c] for c in concepts) for concepts in found]
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    indices = np.array([c for r in rows for c in r], dtype=np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(texts), len(column)))


def concept_weights(matrix: csr_matrix, family_of: np.ndarray, position: np.ndarray, lone_share: float = 0.0) -> np.ndarray:
    """Per concept: the sum over families using it of the position prior of its earliest sentence there
    (times ``lone_share`` for a concept of one family recurring in two of its sentences)."""
    n_concepts = matrix.shape[1]
    families = np.unique(family_of)
    if n_concepts == 0 or len(families) == 0:
        return np.zeros(n_concepts)
    weighted = matrix.multiply(position[:, None]).tocsr()
    total = np.zeros(n_concepts)
    users = np.zeros(n_concepts)
    for family in families:
        rows = weighted[np.flatnonzero(family_of == family)]
        earliest = rows.max(axis=0).toarray().ravel()
        total += earliest
        users += earliest > 0
    repeated = np.asarray(matrix.sum(axis=0)).ravel() >= 2
    if len(families) < 2:
        return np.where(repeated, total, 0.0)
    return np.where(users >= 2, total, np.where(repeated, lone_share * total, 0.0))
