"""Run systems over clusters: summarise, cut at the budget, score, time."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.bench.data import Cluster
from summarizer.bench.metrics import RougeScores, rouge, truncate_words
from summarizer.bench.systems import BenchConfig, Prepared, System
from summarizer.pipeline import split_all


@dataclass(frozen=True)
class Result:
    """One system's summary of one cluster, its scores and the seconds it took."""

    system: str
    cluster: str
    summary: str
    scores: RougeScores
    seconds: float


def prepare(cluster: Cluster) -> Prepared:
    """Split a cluster's articles once, for every system."""
    sentences, _ = split_all(cluster.documents)
    return Prepared(cluster, cluster.documents, tuple(sentences))


def run_one(name: str, system: System, prepared: Prepared, config: BenchConfig) -> Result:
    """Summarise one cluster with one system and score it."""
    began = time.perf_counter()
    sentences = system(prepared, config)
    seconds = time.perf_counter() - began
    summary = truncate_words(" ".join(sentences), config.budget)
    scores = rouge(summary, prepared.cluster.references, config.metric, config.stem)
    return Result(name, prepared.cluster.id, summary, scores, seconds)


def run_all(systems: dict[str, System], clusters: Sequence[Cluster], config: BenchConfig, progress: bool = True) -> list[Result]:
    """Every system on every cluster, one progress bar per system (on stderr)."""
    from tqdm import tqdm

    prepared = [prepare(cluster) for cluster in clusters]
    results = []
    for name, system in systems.items():
        for item in tqdm(prepared, desc=f"{name:>14}", unit="cluster", file=sys.stderr, disable=not progress or not sys.stderr.isatty(), leave=True):
            results.append(run_one(name, system, item, config))
    return results
