"""Candidate label phrases ranked per topic, and the best ranked phrase a bullet's sentence holds.

Noun phrases and n-grams are weighted by class-based TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    pass

from summarizer.text.words import LABEL_WORD, stop_words

MAX_PHRASE = 4


LABEL_WORDS = 6


KEEP_PHRASES = 12  # ranked phrases kept per topic


def phrases(text: str, stops: frozenset[str]) -> list[str]:
    """Noun-phrase-like n-grams, lower-cased: 1-3 content words in a row, or "X of (the) Y"."""
    return [lower for lower, _ in phrases_with_surface(text, stops)]


def phrases_with_surface(text: str, stops: frozenset[str]) -> list[tuple[str, str]]:
    """(lower-cased phrase, phrase as written) for every phrase of ``text``."""
    raw = LABEL_WORD.findall(text)
    words = [word.lower().replace("’", "'") for word in raw]
    content = [word not in stops and len(word) > 1 for word in words]
    found = []
    for start in range(len(words)):
        end = start
        while end < len(words) and end - start < 3 and content[end]:  # runs of 1-3 content words
            end += 1
            found.append((" ".join(words[start:end]), " ".join(raw[start:end])))
        for size in (3, 4):
            gram = words[start : start + size]
            if len(gram) == size and is_of_phrase(gram, content[start : start + size]):
                found.append((" ".join(gram), " ".join(raw[start : start + size])))
    return found


def is_of_phrase(gram: list[str], flags: list[bool]) -> bool:
    """True for "coalition of the willing" and "lifting of sanctions"."""
    if len(gram) == 3:
        return flags[0] and gram[1] == "of" and flags[2]
    if len(gram) == 4:
        return flags[0] and gram[1] == "of" and gram[2] == "the" and flags[3]
    return False


def phrase_incidence(texts: Sequence[str], stops: frozenset[str]) -> tuple[Any, list[str], dict[str, Counter[str]]]:
    """A binary sentence-by-phrase matrix (phrases in sorted order), the phrases, and how each is written."""
    from scipy.sparse import csr_matrix

    surfaces: dict[str, Counter[str]] = {}
    found = []
    for text in texts:
        pairs = phrases_with_surface(text, stops)
        for lower, surface in pairs:
            surfaces.setdefault(lower, Counter())[surface] += 1
        found.append({lower for lower, _ in pairs})
    vocabulary = sorted(surfaces)
    column = {phrase: index for index, phrase in enumerate(vocabulary)}
    rows = [sorted(column[p] for p in phrases) for phrases in found]
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    indices = np.array([c for r in rows for c in r], dtype=np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(texts), len(vocabulary))), vocabulary, surfaces


def one_hot(keys: np.ndarray) -> tuple[Any, np.ndarray]:
    """A sparse row-per-item, column-per-distinct-key 0/1 matrix, and the distinct keys."""
    from scipy.sparse import csr_matrix

    distinct, column = np.unique(keys, return_inverse=True)
    column = column.ravel()
    return csr_matrix((np.ones(len(column)), (np.arange(len(column)), column)), shape=(len(column), len(distinct))), distinct


def topic_phrases(texts: Sequence[str], labels: np.ndarray, article_of: np.ndarray) -> dict[int, list[str]]:
    """For each topic, its phrases ranked by c-TF-IDF; only phrases from 2+ articles when any are."""
    incidence, vocabulary, surfaces = phrase_incidence(texts, stop_words())
    by_topic, topics = one_hot(np.asarray(labels, dtype=np.int64))
    counts = (by_topic.T @ incidence).tocsr()  # [topic, phrase]: sentences of the topic using it
    pair = np.asarray(labels, dtype=np.int64) * (int(np.max(article_of, initial=0)) + 1) + np.asarray(article_of, dtype=np.int64)
    by_pair, pairs = one_hot(pair)
    used = (by_pair.T @ incidence).tocsr()
    used.data[:] = 1.0
    pair_topic, _ = one_hot(pairs // (int(np.max(article_of, initial=0)) + 1))
    spread = (pair_topic.T @ used).tocsr()  # [topic, phrase]: articles of the topic using it
    overall = np.asarray(incidence.sum(axis=0)).ravel()
    average = float(overall.sum()) / max(len(topics), 1)
    words = np.array([phrase.count(" ") for phrase in vocabulary])
    lengths = np.array([len(phrase) for phrase in vocabulary])
    ranked = {}
    for row, topic in enumerate(topics.tolist()):
        start, stop = counts.indptr[row], counts.indptr[row + 1]
        columns, tf = counts.indices[start:stop], counts.data[start:stop]
        articles = np.asarray(spread[row, columns].todense()).ravel()
        keep = articles >= (2 if articles.max(initial=0) >= 2 else 1)
        columns, tf = columns[keep], tf[keep]
        value = tf * np.log1p(average / overall[columns]) * (1 + 0.25 * words[columns])
        order = np.lexsort((-columns, lengths[columns], -value))[:KEEP_PHRASES]
        ranked[int(topic)] = [as_written(vocabulary[c], surfaces[vocabulary[c]]) for c in columns[order]]
    return ranked


def as_written(phrase: str, surfaces: Counter[str]) -> str:
    """The most frequent way the phrase is written ("Keir Starmer", "sanctions"); lower case wins ties."""
    return min(surfaces, key=lambda surface: (-surfaces[surface], not surface.islower(), surface)) if surfaces else phrase


def label_for(ranked: Sequence[str], text: str) -> str:
    """The label of a bullet: a phrase of the topic that its own text contains, else the topic's best.

    Among the topic's top phrases found in the text, a multi-word phrase
    ("mineral reserves") beats a lone word ("Trump") ranked a little higher.
    """
    words = " ".join(word.lower().replace("’", "'") for word in LABEL_WORD.findall(text))
    padded = f" {words} "
    found = [(rank, phrase) for rank, phrase in enumerate(ranked) if f" {phrase.lower().replace('’', chr(39))} " in padded]
    if found:
        _, best = min(found, key=lambda item: ((item[0] + 5) / (1 + item[1].count(" ")), item[0]))
        return " ".join(best.split()[:LABEL_WORDS])
    return " ".join(ranked[0].split()[:LABEL_WORDS]) if ranked else "other"


def topic_labels(texts: Sequence[str], labels: np.ndarray, article_of: np.ndarray) -> dict[int, str]:
    """One label per topic: its best-ranked phrase."""
    return {topic: label_for(ranked, "") for topic, ranked in topic_phrases(texts, labels, article_of).items()}
