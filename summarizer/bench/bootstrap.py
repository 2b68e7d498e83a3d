"""Paired bootstrap confidence intervals (Efron & Tibshirani 1993; Koehn, EMNLP 2004).

Clusters are resampled with replacement; the same resample is applied to both
systems, so the interval is for the difference of their means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000


@dataclass(frozen=True)
class Interval:
    """A mean difference and its confidence interval."""

    mean: float
    low: float
    high: float


def paired_bootstrap(system: Sequence[float], reference: Sequence[float], seed: int = 0, resamples: int = RESAMPLES, confidence: float = 0.95) -> Interval:
    """Mean of ``system - reference`` with a percentile bootstrap interval."""
    differences = np.asarray(system, dtype=np.float64) - np.asarray(reference, dtype=np.float64)
    if len(differences) == 0:
        return Interval(0.0, 0.0, 0.0)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(differences), size=(resamples, len(differences)))
    means = differences[picks].mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Interval(float(differences.mean()), float(low), float(high))
