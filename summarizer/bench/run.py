"""Run systems over clusters: summarise, cut at the budget, score, time."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.bench.data import Cluster
from summarizer.bench.metrics import RougeScores, copied_share, rouge, truncate_words
from summarizer.bench.systems import BenchConfig, Prepared, System
from summarizer.pipeline import split_all


@dataclass(frozen=True)
class Result:
    """One system's summary of one cluster, its scores and the seconds it took."""

    system: str
    cluster: str
    summary: str
    scores: RougeScores
    seconds: float | None  # None for summaries made elsewhere
    words: int = 0
    copied: float = 0.0


def prepare(cluster: Cluster) -> Prepared:
    """Split a cluster's articles once, for every system."""
    sentences, _ = split_all(cluster.documents)
    return Prepared(cluster, cluster.documents, tuple(sentences))


def run_one(name: str, system: System, prepared: Prepared, config: BenchConfig, timed: bool = True) -> Result:
    """Summarise one cluster with one system (or look up a summary made elsewhere, untimed), cut it at the budget, score it."""
    began = time.perf_counter()
    sentences = system(prepared, config)
    seconds = time.perf_counter() - began if timed else None
    summary = truncate_words(" ".join(sentences), config.budget)
    scores = rouge(summary, prepared.cluster.references, config.metric, config.stem)
    copied = copied_share(summary, [a.text for a in prepared.articles])
    return Result(name, prepared.cluster.id, summary, scores, seconds, len(summary.split()), copied)


def outside_system(summaries: dict[str, str]) -> System:
    """A system whose summaries were made elsewhere: each cluster's, looked up by id."""
    return lambda prepared, config: [summaries[prepared.cluster.id]]


def run_all(
    systems: dict[str, System], clusters: Sequence[Cluster], config: BenchConfig, progress: bool = True, untimed: frozenset[str] = frozenset()
) -> list[Result]:
    """Every system on every cluster, one progress bar per system (on stderr); ``untimed`` systems were run elsewhere."""
    from tqdm import tqdm

    prepared = [prepare(cluster) for cluster in clusters]
    results = []
    for name, system in systems.items():
        for item in tqdm(prepared, desc=f"{name:>14}", unit="cluster", file=sys.stderr, disable=not progress or not sys.stderr.isatty(), leave=True):
            results.append(run_one(name, system, item, config, timed=name not in untimed))
    return results
