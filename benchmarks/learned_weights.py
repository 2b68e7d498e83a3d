"""Learned concept weights (Li et al. 2013; RegSum, Hong & Nenkova 2014) against the rule weights, on the development sets.

    python -m benchmarks.learned_weights [--limit N]

For every concept of every cluster of DUC 2003 and the Multi-News sample, the
features of ``benchmarks/concept_features.py`` and the share of the human
summaries that use it. Two learners, a fractional logistic regression and
gradient boosting, are trained with 5-fold cross-validation grouped by cluster,
so that each cluster's weights come from a model that never saw it. Each
cluster is then summarised by the exact coverage program of ``brief
--max-words`` with four weightings: the rule (the pipeline's own), the learned
probability, and the rule times the probability or its square root. Prints
ROUGE per set and the R-2 difference to the rule with a paired bootstrap 95%
CI. Data is read from ../shared/data at run time and never committed.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.concept_features import FEATURES, concept_columns, concept_features, reference_presence
from benchmarks.tune import DEV_SETS, MemoEmbedder
from summarizer.bench.bootstrap import paired_bootstrap
from summarizer.bench.data import Cluster, load_clusters
from summarizer.bench.metrics import rouge, truncate_words
from summarizer.blas import one_blas_thread
from summarizer.dates import with_dates
from summarizer.options import Options
from summarizer.pipeline import Analysis, analyse
from summarizer.rank.ilp import exact_sentences
from summarizer.tuning import Tuning

FOLDS = 5


@dataclasses.dataclass
class Case:
    """One development cluster: its analysis under the budget, concept features and targets."""

    dataset: str
    cluster: Cluster
    analysis: Analysis
    features: np.ndarray
    target: np.ndarray


def cases(name: str, path: Path, budget: int, limit: int | None, embedder: MemoEmbedder) -> list[Case]:
    """Every cluster of one set, analysed as ``brief --max-words budget`` analyses it."""
    found = []
    for cluster in load_clusters(path, limit):
        analysis = analyse(with_dates(list(cluster.documents), ""), Options(max_words=budget), embedder, Tuning())
        texts = [s.text for s in analysis.sentences]
        index = np.array([s.index for s in analysis.sentences])
        features = concept_features(texts, analysis.pool.concepts, analysis.family_of, index, analysis.scores)
        found.append(Case(name, cluster, analysis, features, reference_presence(concept_columns(texts), cluster.references)))
    return found


def logistic() -> Any:
    """Fractional logistic regression on standardised features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))


def boosting() -> Any:
    """Gradient-boosted trees regressing the share."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    return HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)


def fit_predict(kind: str, train: Sequence[Case], test: Sequence[Case]) -> list[np.ndarray]:
    """Train on the weighted concepts of ``train``; a probability for every concept of each ``test`` case."""
    rows = [case.analysis.pool.weights > 0 for case in train]
    features = np.vstack([case.features[mask] for case, mask in zip(train, rows, strict=True)])
    target = np.concatenate([case.target[mask] for case, mask in zip(train, rows, strict=True)])
    if kind == "logistic":
        model = logistic()
        doubled = np.vstack([features, features])
        labels = np.concatenate([np.ones(len(target)), np.zeros(len(target))])
        model.fit(doubled, labels, logisticregression__sample_weight=np.concatenate([target, 1 - target]))
        return [model.predict_proba(case.features)[:, 1] for case in test]
    model = boosting()
    model.fit(features, target)
    return [np.clip(model.predict(case.features), 1e-3, 1.0) for case in test]


def out_of_fold(kind: str, all_cases: Sequence[Case]) -> list[np.ndarray]:
    """Each case's probabilities from the model of the fold that held it out (folds grouped by cluster)."""
    from sklearn.model_selection import GroupKFold

    predictions: list[np.ndarray] = [np.zeros(0)] * len(all_cases)
    index = np.arange(len(all_cases))
    for train, test in GroupKFold(n_splits=FOLDS).split(index, groups=index):
        for position, found in zip(test, fit_predict(kind, [all_cases[i] for i in train], [all_cases[i] for i in test]), strict=True):
            predictions[position] = found
    return predictions


WEIGHTINGS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "learned": lambda rule, p: np.where(rule > 0, p, 0.0),
    "rule x p": lambda rule, p: rule * p,
    "rule x sqrt p": lambda rule, p: rule * np.sqrt(p),
}


def summary_r2(case: Case, weights: np.ndarray, budget: int, metric: str, stem: bool) -> tuple[float, float]:
    """R-1 and R-2 of the exact choice under ``weights``."""
    pool = dataclasses.replace(case.analysis.pool, weights=weights)
    picks = exact_sentences(pool, len(set(case.analysis.labels.tolist())), None, budget)
    text = truncate_words(" ".join(case.analysis.sentences[i].text for _, i in picks), budget)
    scores = rouge(text, case.cluster.references, metric, stem)
    return 100 * scores.rouge1, 100 * scores.rouge2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    embedder = MemoEmbedder()
    with one_blas_thread():
        all_cases = [case for name, (path, _, _, budget) in DEV_SETS.items() if path.is_file() for case in cases(name, path, budget, args.limit, embedder)]
        print(f"features: {', '.join(FEATURES)}; {len(all_cases)} clusters, {FOLDS}-fold by cluster\n")
        print("| set | weights | R-1 | R-2 | R-2 − rule [95% CI] |\n|---|---|---|---|---|")
        predictions = {kind: out_of_fold(kind, all_cases) for kind in ("logistic", "boosting")}
        for name, (_, metric, stem, budget) in DEV_SETS.items():
            chosen = [(i, case) for i, case in enumerate(all_cases) if case.dataset == name]
            if not chosen:
                continue
            rule = [summary_r2(case, case.analysis.pool.weights, budget, metric, stem) for _, case in chosen]
            print(f"| {name} | rule | {np.mean([r[0] for r in rule]):.2f} | {np.mean([r[1] for r in rule]):.2f} | (reference) |")
            for kind, found in predictions.items():
                for label, weighting in WEIGHTINGS.items():
                    scored = [summary_r2(case, weighting(case.analysis.pool.weights, found[i]), budget, metric, stem) for i, case in chosen]
                    gap = paired_bootstrap([s[1] for s in scored], [r[1] for r in rule])
                    r1, r2 = np.mean([s[0] for s in scored]), np.mean([s[1] for s in scored])
                    print(f"| {name} | {kind}: {label} | {r1:.2f} | {r2:.2f} | {gap.mean:+.2f} [{gap.low:+.2f}, {gap.high:+.2f}] |", flush=True)


if __name__ == "__main__":
    main()
