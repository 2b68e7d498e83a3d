"""The same-story model: a logistic regression over the evidence blocks of two articles, fitted once, shipped as JSON.

A pair's log-odds of being one story is ``b + sum_k w_k <e_k(i), e_k(j)>``
over the evidence blocks of ``story_evidence``: a weighted sum of dot
products, so it is itself one dot product ``x_i . u_j + b``, with ``x`` the
stacked blocks and ``u`` the same blocks times their weights. That keeps
average linkage exact from cluster sums (``story_graph``), and the decision
for a pair depends on the pair alone. This is the learned pairwise
similarity of news-stream clustering (Miranda et al., EMNLP 2018), over
sparse evidence only, so the cut is the same on any machine.

``story_model.json`` holds the weights, the intercept and the cut (the mean
log-odds at or above which average linkage joins two clusters). It is
written by ``python -m benchmarks.story_model``, which fits the weights with
scikit-learn on labelled pairs of the development dumps and chooses the cut
by leaving one dump out in turn (``benchmarks/results/stories.md``).
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.batch.stories.evidence import BLOCKS, MONTH_DAYS, NEAR_DAYS, TIME_BLOCKS
from summarizer.batch.stories.graph import Scorer, TimeScore
from summarizer.errors import ModelError

MODEL_FILE = Path(__file__).with_name("model.json")
MODEL_VARIABLE = "SUMMARIZER_STORY_MODEL"  # the path of another fitted model (as ``benchmarks/story_model.py --write`` writes them)


@dataclass(frozen=True)
class StoryModel:
    """Weights per evidence block, the intercept, and the cut on the mean log-odds of two clusters."""

    weights: dict[str, float]
    intercept: float
    cut: float

    def scorer(self, blocks: dict[str, Any]) -> Scorer:
        """The pairwise log-odds of these evidence rows, as ``x_i . u_j + intercept`` (content blocks, then time)."""
        from scipy.sparse import hstack

        def stacked(names: tuple[str, ...], weighted: bool) -> Any:
            return hstack([blocks[name] * (self.weights[name] if weighted else 1.0) for name in names], format="csr", dtype="float64")

        content = tuple(name for name in BLOCKS if name not in TIME_BLOCKS)
        ordered = content + TIME_BLOCKS
        kernels = ((NEAR_DAYS, self.weights["near"]), (MONTH_DAYS, self.weights["month"]))
        time = TimeScore(blocks["days"], kernels)
        return Scorer(stacked(ordered, False), stacked(ordered, True), self.intercept, stacked(content, False), stacked(content, True), time)


def model_from(data: dict[str, Any]) -> StoryModel:
    """A model from its JSON form; a missing or unknown block is a clear error."""
    weights = {str(name): float(value) for name, value in data["weights"].items()}
    if set(weights) != set(BLOCKS):
        raise ValueError(f"story model weights name {sorted(weights)}, expected {sorted(BLOCKS)}")
    return StoryModel(weights, float(data["intercept"]), float(data["cut"]))


@functools.lru_cache(maxsize=4)
def model_at(path: str) -> StoryModel:
    """The model in a JSON file (read once per path); an unreadable one is a ``ModelError`` (one line, exit 3)."""
    try:
        return model_from(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(f"cannot read the story model {path} ({MODEL_VARIABLE} names it): {error}") from error


def shipped_model() -> StoryModel:
    """The model in use: the one ``SUMMARIZER_STORY_MODEL`` names, else the one shipped with the package."""
    return model_at(os.environ.get(MODEL_VARIABLE) or str(MODEL_FILE))
