"""The systems ``summarizer bench`` knows, by name: ours, its ablations, and the classic baselines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from summarizer.bench import baselines, oracle, sumy_systems
from summarizer.bench.data import Cluster
from summarizer.errors import InputError
from summarizer.types import Article, Sentence


@dataclass(frozen=True)
class BenchConfig:
    """What every system is asked for: a word budget, and how ROUGE is read (for the oracle)."""

    budget: int | None
    metric: str
    stem: bool
    seed: int = 0


@dataclass(frozen=True)
class Prepared:
    """A cluster's articles and candidate sentences, split once for all systems."""

    cluster: Cluster
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]


System = Callable[[Prepared, BenchConfig], list[str]]


def pipeline_system(embedder: Any, **switches: Any) -> System:
    """Our pipeline (with ablation switches), run as a user runs it: ``brief --max-words BUDGET``.

    The bullets come in order of importance, so that were the summary cut, the
    least important bullet would go; under ``--max-words`` they always fit.
    """

    def run(prepared: Prepared, config: BenchConfig) -> list[str]:
        from dataclasses import replace

        from summarizer.options import Options
        from summarizer.pipeline import run as run_pipeline

        options = replace(Options(max_words=config.budget, seed=config.seed, order="importance"), **switches)
        articles = [replace(article, id=number) for number, article in enumerate(prepared.articles)]
        return [bullet.text for bullet in run_pipeline(articles, options, embedder).bullets]

    return run


def classic_systems() -> dict[str, System]:
    """Baselines that need no model."""
    return {
        "lead": lambda p, c: baselines.lead(p.articles, p.sentences, c.budget),
        "lead-rr": lambda p, c: baselines.lead_round_robin(p.articles, p.sentences, c.budget),
        "random": lambda p, c: baselines.random_sentences(p.sentences, c.budget, c.seed, p.cluster.id),
        "centroid": lambda p, c: baselines.centroid(p.articles, p.sentences, c.budget),
        "lexrank": lambda p, c: sumy_systems.lexrank(p.sentences, c.budget),
        "textrank": lambda p, c: sumy_systems.textrank(p.sentences, c.budget),
        "oracle": lambda p, c: oracle.oracle(p.sentences, p.cluster.references, c.budget, c.metric, c.stem),
    }


OURS = {
    "ours": {},
    "ours-no-topics": {"topics": False},
    "ours-no-fold": {"fold_duplicates": False},
    "ours-no-redundancy": {"redundancy": False},
    "ours-greedy": {"exact_coverage": False},
}
DEFAULT_SYSTEMS = ("ours", "lead", "lead-rr", "lexrank", "textrank", "centroid", "random", "oracle")
ALL_SYSTEMS = (*OURS, "lead", "lead-rr", "lexrank", "textrank", "centroid", "random", "oracle")


def resolve_systems(names: list[str], embedder_factory: Callable[[], Any]) -> dict[str, System]:
    """The systems asked for, in the order given; an unknown name is an InputError."""
    unknown = [name for name in names if name not in ALL_SYSTEMS]
    if unknown:
        raise InputError(f"unknown system(s) {', '.join(unknown)}: choose from {', '.join(ALL_SYSTEMS)}")
    classic = classic_systems()
    embedder = embedder_factory() if any(name in OURS for name in names) else None
    return {name: pipeline_system(embedder, **OURS[name]) if name in OURS else classic[name] for name in dict.fromkeys(names)}
