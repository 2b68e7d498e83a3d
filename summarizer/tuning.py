"""The pipeline's internal constants, in one record: fixed by tuning on development data, not by users.

``benchmarks/tune.py`` varies them on the development sets (DUC 2003, the
Multi-News sample); the defaults here are what it chose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.rank.score import ScoreWeights
from summarizer.topics.cluster import RELATIVE_CUT

EMBEDDING_WEIGHT = 0.5


@dataclass(frozen=True)
class Tuning:
    """Signal weights, the topic tree's cut, the embedding share of topic vectors,
    how much a topic's weight rests on its coverage across families (1) or on its best sentence (0),
    how many topics to cut per bullet asked for (the bullets come from the best of them, one each),
    and, for the exact choice under a word budget, what a concept of one source family weighs."""

    weights: ScoreWeights = field(default_factory=ScoreWeights)
    relative_cut: float = RELATIVE_CUT
    embedding_weight: float = EMBEDDING_WEIGHT
    topic_breadth: float = 1.0
    topic_surplus: float = 3.0
    lone_concept_share: float = 0.3  # under a word budget: the weight share of a concept only one family uses
