"""How good a bullet each sentence would make: centrality, corroboration, position, form.

Centrality is LexRank on embedding similarities (Erkan & Radev 2004). Position
and support across articles are the strongest cues of importance in news
(the lead bias, Nenkova 2005; document frequency of content, Hong & Nenkova 2014).
Coverage is the SumBasic idea (Nenkova & Vanderwende 2005) read across articles:
a sentence whose content words many articles use carries the story's core.
Form multiplies in: sentences that cannot stand alone or run long rank lower.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.text.features import length_factor, standalone_factor
from summarizer.types import Sentence


@dataclass(frozen=True)
class ScoreWeights:
    """The weights of the additive signals; form factors multiply the sum."""

    centrality: float = 1.0
    support: float = 2.0
    position: float = 1.0
    coverage: float = 1.0
    centroid: float = 1.0
    form: float = 1.0  # exponent on the standalone factor: 0 ignores it
    length: float = 1.0  # exponent on the length factor: 0 ignores it


CONTENT_WORD = re.compile(r"[^\W\d_][\w'’-]+")


def content_words(text: str, stops: frozenset[str]) -> set[str]:
    """Lower-cased words of three letters or more that are not stop words."""
    return {w for w in (m.lower() for m in CONTENT_WORD.findall(text)) if len(w) > 2 and w not in stops}


def coverage(sentences: Sequence[Sentence], group_of: np.ndarray) -> np.ndarray:
    """Sum over a sentence's content words of the share of article groups using the word."""
    from summarizer.text.words import stop_words

    stops = stop_words()
    words = [content_words(s.text, stops) for s in sentences]
    groups: dict[str, set[int]] = {}
    for found, group in zip(words, group_of, strict=True):
        for word in found:
            groups.setdefault(word, set()).add(int(group))
    total = max(len(np.unique(group_of)), 1)
    return np.array([sum(len(groups[w]) for w in found) / total for found in words], dtype=np.float64)


def normalise(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the maximum (all zeros stay zeros)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=np.float64)


def position_prior(sentences: Sequence[Sentence]) -> np.ndarray:
    """1 for an article's first sentence, decaying as 1/sqrt(1 + index)."""
    return np.array([1.0 / np.sqrt(1.0 + sentence.index) for sentence in sentences])


def form_factors(sentences: Sequence[Sentence], standalone: float = 1.0, length: float = 1.0) -> np.ndarray:
    """Standalone and length multipliers per sentence, each raised to its exponent."""
    return np.array([standalone_factor(s.text) ** standalone * length_factor(s.text) ** length for s in sentences])


def centroid_similarity(sentences: Sequence[Sentence], group_of: np.ndarray) -> np.ndarray:
    """Cosine of each sentence's TF-IDF vector to the centroid of the groups' vectors (Radev et al. 2004)."""
    from summarizer.topics.lexical import tfidf_vectors

    texts = [s.text for s in sentences]
    groups = sorted({int(g) for g in group_of})
    joined = [" ".join(t for t, g in zip(texts, group_of, strict=True) if g == group) for group in groups]
    vectors = tfidf_vectors([*joined, *texts])
    documents, rows = vectors[: len(groups)], vectors[len(groups) :]
    center = np.asarray(documents.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(center))
    return np.asarray(rows @ center / norm).ravel() if norm > 0 else np.zeros(len(texts))


def sentence_scores(
    sentences: Sequence[Sentence],
    centrality: np.ndarray,
    support: np.ndarray,
    group_of: np.ndarray,
    weights: ScoreWeights = ScoreWeights(),
    form: np.ndarray | None = None,
) -> np.ndarray:
    """A score in [0, 1] per sentence: weighted signals, times form (computed if not given), over the best possible."""
    if not sentences:
        return np.zeros(0)
    n_groups = len(np.unique(group_of))
    corroboration = (support - 1) / max(n_groups - 1, 1)
    signals = (
        weights.centrality * normalise(centrality)
        + weights.support * corroboration
        + weights.position * position_prior(sentences)
        + (weights.coverage * normalise(coverage(sentences, group_of)) if weights.coverage else 0.0)
        + (weights.centroid * normalise(centroid_similarity(sentences, group_of)) if weights.centroid else 0.0)
    )
    total = weights.centrality + weights.support + weights.position + weights.coverage + weights.centroid
    if form is None:
        form = form_factors(sentences, weights.form, weights.length)
    return np.asarray(signals * form / total)
