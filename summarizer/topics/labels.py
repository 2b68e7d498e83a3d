"""Short topic labels: the most distinctive phrase of each topic, by class-based TF-IDF.

c-TF-IDF (Grootendorst, BERTopic, 2022) treats all sentences of a topic as
one document and scores each phrase by its frequency there against its
frequency across topics; here frequency counts articles, so one article's
rewrite cannot crown its own wording. Phrases are runs of 1-3 content words
("minerals deal", "defence spending") or "X of (the) Y" ("coalition of the willing").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
MAX_PHRASE = 4
LABEL_WORDS = 6


def stop_words() -> frozenset[str]:
    """English stop words (scikit-learn's list) plus news reporting verbs."""
    from summarizer.text.tfidf import english_stop_words

    reporting = {"said", "says", "told", "according", "mr", "mrs", "ms", "sir", "also", "new", "added", "asked", "reported"}
    generic = {
        "billion",
        "million",
        "thousand",
        "percent",
        "cent",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "today",
        "time",
        "times",
        "people",
        "way",
        "lot",
        "number",
        "part",
        "end",
        "point",
    }
    return english_stop_words() | reporting | generic


def phrases(text: str, stops: frozenset[str]) -> list[str]:
    """Noun-phrase-like n-grams, lower-cased: 1-3 content words in a row, or "X of (the) Y"."""
    return [lower for lower, _ in phrases_with_surface(text, stops)]


def phrases_with_surface(text: str, stops: frozenset[str]) -> list[tuple[str, str]]:
    """(lower-cased phrase, phrase as written) for every phrase of ``text``."""
    raw = WORD.findall(text)
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


def topic_phrases(texts: Sequence[str], labels: np.ndarray, article_of: np.ndarray) -> dict[int, list[str]]:
    """For each topic, its phrases ranked by c-TF-IDF; only phrases from 2+ articles when any are."""
    stops = stop_words()
    topics = sorted({int(label) for label in labels})
    counts: dict[int, Counter[str]] = {topic: Counter() for topic in topics}
    articles: dict[int, dict[str, set[int]]] = {topic: {} for topic in topics}
    surfaces: dict[str, Counter[str]] = {}
    for text, label, article in zip(texts, labels, article_of, strict=True):
        found = phrases_with_surface(text, stops)
        for lower, surface in found:
            surfaces.setdefault(lower, Counter())[surface] += 1
        for phrase in {lower for lower, _ in found}:
            counts[int(label)][phrase] += 1
            articles[int(label)].setdefault(phrase, set()).add(int(article))
    overall: Counter[str] = Counter()
    for counter in counts.values():
        overall.update(counter)
    average = sum(overall.values()) / max(len(topics), 1)
    return {topic: [as_written(phrase, surfaces[phrase]) for phrase in ranked_phrases(counts[topic], articles[topic], overall, average)] for topic in topics}


def as_written(phrase: str, surfaces: Counter[str]) -> str:
    """The most frequent way the phrase is written ("Keir Starmer", "sanctions"); lower case wins ties."""
    return min(surfaces, key=lambda surface: (-surfaces[surface], not surface.islower(), surface)) if surfaces else phrase


def ranked_phrases(counts: Counter[str], articles: dict[str, set[int]], overall: Counter[str], average: float, keep: int = 12) -> list[str]:
    """Phrases by c-TF-IDF weight, tf x log(1 + average / overall frequency), longer ones a little ahead."""

    def weight(phrase: str) -> tuple[float, int, str]:
        value = counts[phrase] * float(np.log(1 + average / overall[phrase])) * (1 + 0.25 * phrase.count(" "))
        return (value, -len(phrase), phrase)

    most = max((len(found) for found in articles.values()), default=0)
    floor = 2 if most >= 2 else 1
    candidates = [phrase for phrase in counts if len(articles[phrase]) >= floor]
    return sorted(candidates, key=weight, reverse=True)[:keep]


def label_for(ranked: Sequence[str], text: str) -> str:
    """The label of a bullet: a phrase of the topic that its own text contains, else the topic's best.

    Among the topic's top phrases found in the text, a multi-word phrase
    ("mineral reserves") beats a lone word ("Trump") ranked a little higher.
    """
    words = " ".join(word.lower().replace("’", "'") for word in WORD.findall(text))
    padded = f" {words} "
    found = [(rank, phrase) for rank, phrase in enumerate(ranked) if f" {phrase.lower().replace('’', chr(39))} " in padded]
    if found:
        _, best = min(found, key=lambda item: ((item[0] + 5) / (1 + item[1].count(" ")), item[0]))
        return " ".join(best.split()[:LABEL_WORDS])
    return " ".join(ranked[0].split()[:LABEL_WORDS]) if ranked else "other"


def topic_labels(texts: Sequence[str], labels: np.ndarray, article_of: np.ndarray) -> dict[int, str]:
    """One label per topic: its best-ranked phrase."""
    return {topic: label_for(ranked, "") for topic, ranked in topic_phrases(texts, labels, article_of).items()}
