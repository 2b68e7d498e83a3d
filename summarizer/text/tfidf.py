"""TF-IDF rows (Salton & Buckley 1988) with scikit-learn's exact conventions, without importing scikit-learn.

Importing ``sklearn.feature_extraction`` costs about 2 s (it pulls in
scipy.stats), a third of a cold briefing. This module computes what
``TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=...)``
computes (lower-cased tokens, smooth idf ``ln((1+n)/(1+df)) + 1``, ``1 + ln(tf)``,
rows scaled to unit length, vocabulary in sorted order), and the tests hold it
to scikit-learn's output. The English stop-word list is scikit-learn's own,
read from its source file so that the package is never imported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

WORD_PATTERN = r"(?u)\b[^\W\d_][\w’'-]+\b"


STOP_WORDS_FILE = Path(__file__).resolve().parent / "stop_words_en.txt"  # scikit-learn's list, vendored with its BSD licence


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's ENGLISH_STOP_WORDS, read from our copy of it (importing scikit-learn's text module costs a
    second of a cold briefing; ``tests/test_text.py`` checks the copy against it)."""
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def token_counts(texts: Sequence[str], pattern: str, stops: frozenset[str]) -> list[Counter[str]]:
    """Lower-cased token counts per text, stop words dropped."""
    compiled = re.compile(pattern)
    return [Counter(t for t in compiled.findall(text.lower()) if t not in stops) for text in texts]


def tfidf_matrix(texts: Sequence[str], pattern: str = WORD_PATTERN, min_df: int = 1, max_df: float = 1.0, sublinear: bool = True) -> csr_matrix:
    """Sparse unit-length TF-IDF rows; raises ValueError when no word is left (as scikit-learn does)."""
    from scipy.sparse import csr_matrix

    counts = token_counts(texts, pattern, english_stop_words())
    frequency: Counter[str] = Counter()
    for found in counts:
        frequency.update(found.keys())
    vocabulary = sorted(word for word, df in frequency.items() if min_df <= df <= max_df * len(texts))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    column = {word: index for index, word in enumerate(vocabulary)}
    idf = np.log((1.0 + len(texts)) / (1.0 + np.array([frequency[w] for w in vocabulary], dtype=np.float64))) + 1.0
    indptr, indices, values = [0], [], []
    for found in counts:
        kept = sorted((column[word], count) for word, count in found.items() if word in column)
        indices += [col for col, _ in kept]
        values += [count for _, count in kept]
        indptr.append(len(indices))
    columns = np.array(indices, dtype=np.int64)
    weights = np.array(values, dtype=np.float64)
    weights = (1.0 + np.log(weights) if sublinear else weights) * idf[columns]
    matrix = csr_matrix((weights, columns, np.array(indptr, dtype=np.int64)), shape=(len(texts), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(matrix.indptr))
    return matrix
