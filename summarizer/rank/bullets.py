"""Turn a chosen sentence into a Bullet: its citations and the runners-up of its topic."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarizer.topics.duplicates import DUPLICATE_THRESHOLD, SHOWN_DECIMALS, best_matches
from summarizer.types import Bullet, Citation, RunnerUp, Sentence

RUNNERS_UP = 2
DECIMALS = SHOWN_DECIMALS


def citations_for(index: int, sentences: Sequence[Sentence], similarity: np.ndarray, article_of: np.ndarray, fold: bool) -> tuple[Citation, ...]:
    """The sentence itself first, then its best near-duplicate in each other article."""
    own = sentences[index]
    cited = [Citation(own.article_id, own.start, own.end, 1.0)]
    if fold:
        for match in best_matches(similarity, article_of, index):
            other = sentences[match.sentence]
            cited.append(Citation(other.article_id, other.start, other.end, round(match.similarity, DECIMALS)))
    return tuple(cited)


def runners_up(index: int, members: Sequence[int], sentences: Sequence[Sentence], scores: np.ndarray, similarity: np.ndarray) -> tuple[RunnerUp, ...]:
    """The best other sentences of the topic that are not rewrites of the chosen one."""
    others = [m for m in members if m != index and similarity[index, m] < DUPLICATE_THRESHOLD]
    others.sort(key=lambda m: (-round(float(scores[m]), DECIMALS), m))  # as shown, then by position
    return tuple(
        RunnerUp(sentences[m].article_id, sentences[m].start, sentences[m].end, sentences[m].text, round(float(scores[m]), DECIMALS))
        for m in others[:RUNNERS_UP]
    )


def make_bullet(
    topic: int,
    label: str,
    index: int,
    members: Sequence[int],
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    similarity: np.ndarray,
    article_of: np.ndarray,
    fold: bool = True,
) -> Bullet:
    """The Bullet for sentence ``index`` chosen from ``topic``."""
    return Bullet(
        topic_id=topic,
        label=label,
        text=sentences[index].text,
        score=round(float(scores[index]), DECIMALS),
        citations=citations_for(index, sentences, similarity, article_of, fold),
        runners_up=runners_up(index, members, sentences, scores, similarity),
        topic_size=len(members),
    )
