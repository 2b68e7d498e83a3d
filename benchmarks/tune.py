"""Tune the pipeline's scoring on the DEVELOPMENT sets only (DUC 2003, Multi-News sample).

Embeddings are computed once per sentence and kept in memory, so each variant
costs only clustering, ranking and ROUGE. Prints one line per variant:

    python -m benchmarks.tune [--variants NAME,...]

Data is read from ../shared/data at run time and never committed.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from summarizer.bench.data import Cluster, load_clusters
from summarizer.bench.metrics import rouge, truncate_words
from summarizer.embed.embedder import Embedder
from summarizer.options import Options
from summarizer.pipeline import run, split_all, topics_to_fill
from summarizer.rank.score import ScoreWeights
from summarizer.tuning import Tuning

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEV_SETS = {
    "duc2003": (DATA / "duc2003_task2.jsonl", "recall", True, 100),
    "multinews": (DATA / "multinews_validation_sample250.jsonl", "f1", True, 300),
}


class MemoEmbedder(Embedder):
    """An Embedder that remembers every sentence it has embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.memory: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memory]
        if missing:
            for text, vector in zip(missing, super().encode(missing), strict=True):
                self.memory[text] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.memory[t] for t in texts])


def evaluate(clusters: Sequence[Cluster], embedder: Embedder, metric: str, stem: bool, budget: int, tuning: Tuning) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 of the pipeline on the clusters."""
    r1, r2 = [], []
    for cluster in clusters:
        sentences, _ = split_all(cluster.documents)
        briefing = run(list(cluster.documents), Options(bullets=topics_to_fill(budget, sentences)), embedder, tuning)
        summary = truncate_words(" ".join(b.text for b in briefing.bullets), budget)
        scores = rouge(summary, cluster.references, metric, stem)
        r1.append(100 * scores.rouge1)
        r2.append(100 * scores.rouge2)
    return float(np.mean(r1)), float(np.mean(r2))


def variant_tuning(variant: str) -> Tuning:
    """``key=value;...``: keys of ScoreWeights, or of Tuning (relative_cut, embedding_weight, topic_breadth, topic_surplus)."""
    changes = {k: float(v) for k, v in (item.split("=") for item in variant.split(";") if item)}
    weight_keys = {f.name for f in dataclasses.fields(ScoreWeights)}
    weights = dataclasses.replace(ScoreWeights(), **{k: v for k, v in changes.items() if k in weight_keys})
    return dataclasses.replace(Tuning(), weights=weights, **{k: v for k, v in changes.items() if k not in weight_keys})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--grid", default="", help="variants separated by |, each key=value;...")
    parser.add_argument("--sets", default="duc2003,multinews")
    args = parser.parse_args()
    embedder = MemoEmbedder()
    wanted = args.sets.split(",")
    sets = {name: (load_clusters(path, args.limit), metric, stem, budget) for name, (path, metric, stem, budget) in DEV_SETS.items() if name in wanted}
    for variant in args.grid.split("|"):
        tuning = variant_tuning(variant)
        line = [variant or "defaults"]
        for name, (clusters, metric, stem, budget) in sets.items():
            r1, r2 = evaluate(clusters, embedder, metric, stem, budget, tuning)
            line.append(f"{name} R1 {r1:.2f} R2 {r2:.2f}")
        print(" | ".join(line), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
