"""Classic extractive baselines, on the same sentences our pipeline sees.

Each returns sentences in the order it would print them; the runner joins
them and cuts the text at the word budget.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from summarizer.types import Article, Sentence

REDUNDANCY = 0.5


def until_budget(ordered: Sequence[str], budget: int | None) -> list[str]:
    """The leading sentences of ``ordered`` that reach ``budget`` words (all when None)."""
    if budget is None:
        return list(ordered)
    taken, words = [], 0
    for text in ordered:
        if words >= budget:
            break
        taken.append(text)
        words += len(text.split())
    return taken


def by_article(sentences: Sequence[Sentence]) -> dict[int, list[Sentence]]:
    """Sentences grouped by article id, in reading order."""
    grouped: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        grouped.setdefault(sentence.article_id, []).append(sentence)
    return grouped


def published_key(article: Article) -> tuple[int, float, int]:
    """Sort key: articles with a parseable date by date, then those without, by position."""
    try:
        from dateutil import parser

        return (1, parser.parse(article.published).timestamp(), article.id) if article.published else (0, 0.0, article.id)
    except (ValueError, OverflowError, ImportError):
        return (0, 0.0, article.id)


def lead(articles: Sequence[Article], sentences: Sequence[Sentence], budget: int | None) -> list[str]:
    """Lead: the first sentences of the most recent article (the last one when undated)."""
    grouped = by_article(sentences)
    for article in sorted(articles, key=published_key, reverse=True):
        if grouped.get(article.id):
            return until_budget([s.text for s in grouped[article.id]], budget)
    return []


def lead_round_robin(articles: Sequence[Article], sentences: Sequence[Sentence], budget: int | None) -> list[str]:
    """Lead-RR: first sentence of every article in turn, then every second sentence, and so on."""
    grouped = by_article(sentences)
    depth = max((len(group) for group in grouped.values()), default=0)
    ordered = [grouped[a.id][i].text for i in range(depth) for a in articles if i < len(grouped.get(a.id, []))]
    return until_budget(ordered, budget)


def random_sentences(sentences: Sequence[Sentence], budget: int | None, seed: int, key: str) -> list[str]:
    """Random: sentences in a shuffled order, seeded by ``seed`` and the cluster ``key``."""
    digest = int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()[:16], 16)
    order = np.random.default_rng(digest).permutation(len(sentences))
    return until_budget([sentences[i].text for i in order], budget)


def centroid(articles: Sequence[Article], sentences: Sequence[Sentence], budget: int | None) -> list[str]:
    """Centroid (Radev, Jing, Styś & Tam, IP&M 2004): closest to the cluster's TF-IDF centroid, minus redundancy."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not sentences:
        return []
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        documents = vectorizer.fit_transform([a.text for a in articles])
    except ValueError:
        return until_budget([s.text for s in sentences], budget)
    center = np.asarray(documents.mean(axis=0)).ravel()
    rows = vectorizer.transform([s.text for s in sentences]).toarray()
    scores = rows @ center / (np.linalg.norm(rows, axis=1) * np.linalg.norm(center) + 1e-12)
    chosen: list[int] = []
    for index in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
        if all(float(rows[index] @ rows[other]) < REDUNDANCY for other in chosen):
            chosen.append(index)
        if budget is not None and sum(len(sentences[i].text.split()) for i in chosen) >= budget:
            break
    return [sentences[i].text for i in chosen]
