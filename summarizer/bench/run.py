"""Run systems over clusters: summarise, cut at the budget, score, time."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from summarizer.bench.data import Cluster
from summarizer.bench.metrics import RougeScores, copied_share, embedding_similarity, rouge, truncate_words
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
    uncut: str = ""  # the summary before the word cut (ROUGE-1.5.5's -l cuts it, and the references, itself)
    similarity: float = math.nan  # embedding cosine to the references (NaN when not asked for)


def prepare(cluster: Cluster) -> Prepared:
    """Split a cluster's articles once, for every system."""
    sentences, _ = split_all(cluster.documents)
    return Prepared(cluster, cluster.documents, tuple(sentences))


def run_one(name: str, system: System, prepared: Prepared, config: BenchConfig, timed: bool = True, encoder: Any = None) -> Result:
    """Summarise one cluster with one system (or look up a summary made elsewhere, untimed), cut it at the budget, score it."""
    began = time.perf_counter()
    sentences = system(prepared, config)
    seconds = time.perf_counter() - began if timed else None
    uncut = " ".join(sentences)
    summary = truncate_words(uncut, config.budget)
    scores = rouge(summary, prepared.cluster.references, config.metric, config.stem)
    copied = copied_share(summary, [a.text for a in prepared.articles])
    similarity = embedding_similarity(summary, prepared.cluster.references, encoder) if encoder is not None else math.nan
    return Result(name, prepared.cluster.id, summary, scores, seconds, len(summary.split()), copied, uncut, similarity)


def perl_rescored(results: Sequence[Result], clusters: Sequence[Cluster], config: BenchConfig, convention: str) -> list[Result]:
    """Every result scored again by the original ROUGE-1.5.5 (one Perl run for all), with the preset's arguments.

    Summaries go in uncut when the arguments cut (``-l``), as the published
    setups did; MultiLing's run takes the summaries already cut. ROUGE-L is
    absent (NaN) where the arguments leave it out (``-x``).
    """
    from summarizer.bench.perl_rouge import check_perl, perl_rouge, preset_args

    check_perl()
    args = preset_args(convention, config.budget, config.stem)
    references = {cluster.id: cluster.references for cluster in clusters}
    texts = [r.uncut if "-l" in args else r.summary for r in results]
    scored = perl_rouge(texts, [references[r.cluster] for r in results], args)
    side = "r" if config.metric == "recall" else "f"
    rescored = []
    for result, score in zip(results, scored, strict=True):
        value = {name: score[name][side] if name in score else math.nan for name in ("rouge-1", "rouge-2", "rouge-l", "rouge-su4")}
        scores = RougeScores(value["rouge-1"], value["rouge-2"], value["rouge-l"], value["rouge-su4"])
        rescored.append(replace(result, scores=scores))
    return rescored


def outside_system(summaries: dict[str, str]) -> System:
    """A system whose summaries were made elsewhere: each cluster's, looked up by id."""
    return lambda prepared, config: [summaries[prepared.cluster.id]]


def run_all(
    systems: dict[str, System],
    clusters: Sequence[Cluster],
    config: BenchConfig,
    progress: bool = True,
    untimed: frozenset[str] = frozenset(),
    encoder: Any = None,
) -> list[Result]:
    """Every system on every cluster, one progress bar per system (on stderr); ``untimed`` systems were run
    elsewhere; with an ``encoder``, each summary's embedding similarity to the references too."""
    from tqdm import tqdm

    prepared = [prepare(cluster) for cluster in clusters]
    results = []
    for name, system in systems.items():
        for item in tqdm(prepared, desc=f"{name:>14}", unit="cluster", file=sys.stderr, disable=not progress or not sys.stderr.isatty(), leave=True):
            results.append(run_one(name, system, item, config, timed=name not in untimed, encoder=encoder))
    return results
