"""Fit the same-story model on labelled pairs of the development dumps, leaving one dump out in turn.

    python -m benchmarks.story_model [--write] [--only NAME,...]

For every development dump (DUC 2003, the Gun Violence Archive pool, ECB+,
Multi-News, MultiLing 2011), near-copies are folded as ``batch`` folds them,
and the candidate pairs are each group's nearest neighbours by plain
evidence (names and near-lead cosines, 30 a group) plus every same-story
pair. Each pair's evidence (``story_evidence.BLOCKS``) and gold label
(same story or not) is one training row.

Leave one dump out: the weights are fitted (scikit-learn's logistic
regression, every dump weighing the same, its pairs as they come) on the other dumps, the cut is the one on ``CUTS`` with the
best mean ARI over those dumps (``--period all``), and the dump left out is
scored at that cut. The shipped model (``--write``) is fitted on all
dumps, its cut chosen on all of them. Prints a table; ``--write`` writes
``summarizer/batch/stories/model.json``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.stories import DATA, DUC, gold_stories, metrics, multiling_dump, multinews_dump
from summarizer.batch.dump import read_dumps
from summarizer.batch.stories.cut import graph_stories, story_groups
from summarizer.batch.stories.evidence import BLOCKS, Group, evidence_blocks, pair_evidence
from summarizer.batch.stories.graph import neighbourhood
from summarizer.batch.stories.model import MODEL_FILE, StoryModel
from summarizer.dates import with_dates
from summarizer.topics.cluster import first_seen_order
from summarizer.types import Article

GVA = DATA / "dump_gva_dev.jsonl"
ECB = DATA / "dump_ecbplus.jsonl"
CUTS = tuple(float(c) for c in np.round(np.arange(-3.0, 0.01, 0.5), 2))
CANDIDATES = 30
RANDOM = 30
NEARBY_DAYS = 7
SEED = 2026
SELECTION_ARTICLES = 1000
HELD_OUT = Path(__file__).resolve().parent / "results" / "story_models"
PLAIN = StoryModel({name: 1.0 if name in ("names", "lead_near") else 0.0 for name in BLOCKS}, 0.0, 0.0)


@dataclass
class Dump:
    """One development dump: its groups' evidence, gold per article, labelled candidate pairs, and the part of it
    a cut is chosen on (itself, or its first ``SELECTION_ARTICLES`` articles by date)."""

    name: str
    groups: np.ndarray
    sources: list[Group]
    blocks: dict
    truth: list[str]
    pairs: np.ndarray
    labels: np.ndarray
    selection: Dump | None = None


def selection_of(name: str, articles: Sequence[Article], truth: Sequence[str]) -> Dump | None:
    """The first ``SELECTION_ARTICLES`` articles by date (undated last), when the dump is longer: a cut is chosen by
    clustering each dump at every cut on the grid, and a dump of five years as one period costs the most."""
    if len(articles) <= SELECTION_ARTICLES:
        return None
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date or "9999", articles[i].ref))[:SELECTION_ARTICLES]
    chosen = [articles[i] for i in order]
    groups, sources = story_groups(chosen)
    empty = np.zeros((0, 2), dtype=np.int64)
    return Dump(f"{name} (first {SELECTION_ARTICLES})", groups, sources, evidence_blocks(sources), [truth[i] for i in order], empty, np.zeros(0))


def load(name: str, path: Path) -> Dump:
    """Read a dump, fold its copies, and mine its labelled pairs."""
    articles = with_dates(read_dumps([str(path)]).articles)
    gold = gold_stories(path)
    truth = [gold[a.ref] for a in articles]
    groups, sources = story_groups(articles)
    group_story = {}
    for article_story, group in zip(truth, groups, strict=True):
        group_story.setdefault(int(group), article_story)
    blocks = evidence_blocks(sources)
    hood = neighbourhood(PLAIN.scorer(blocks), 0.0, CANDIDATES)
    members: dict[str, list[int]] = {}
    for group, story in sorted(group_story.items()):
        members.setdefault(story, []).append(group)
    positives = [(a, b) for chosen in members.values() for i, a in enumerate(chosen) for b in chosen[i + 1 :]]
    pairs = {(int(h), int(t)) for h, t in zip(hood.heads, hood.tails, strict=True)} | set(positives) | random_pairs(sources)
    ordered = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    labels = np.array([group_story[a] == group_story[b] for a, b in ordered], dtype=np.int64)
    print(f"{name}: {len(articles)} articles, {len(sources)} groups, {len(ordered)} pairs, {labels.sum()} same-story", flush=True)
    return Dump(name, groups, sources, blocks, truth, ordered, labels, selection_of(name, articles, truth))


def random_pairs(sources: Sequence[Group], count: int = RANDOM, days: int = NEARBY_DAYS) -> set[tuple[int, int]]:
    """``count`` random partners of each group from the whole dump, and ``count`` from the groups dated within ``days``
    of it (seeded): the pairs with little in common that a period is mostly made of."""
    rng = np.random.default_rng(SEED)
    n = len(sources)
    pairs: set[tuple[int, int]] = set()
    dated = sorted((source.day, index) for index, source in enumerate(sources) if source.day is not None)
    day_of = np.array([day for day, _ in dated])
    index_of = np.array([index for _, index in dated])
    for index, source in enumerate(sources):
        partners = list(rng.integers(0, n, count))
        if source.day is not None and len(dated):
            low, high = np.searchsorted(day_of, source.day - days), np.searchsorted(day_of, source.day + days, side="right")
            partners += list(index_of[rng.integers(low, high, count)])
        pairs |= {(min(index, int(p)), max(index, int(p))) for p in partners if int(p) != index}
    return pairs


def fit(dumps: Sequence[Dump], cut: float = 0.0) -> StoryModel:
    """Logistic regression on the dumps' pairs, each dump weighing the same, its classes as often as its pairs hold
    them (so the log-odds are calibrated to a period's pairs, and 0 is a natural cut)."""
    from sklearn.linear_model import LogisticRegression

    features, labels, weights = [], [], []
    for dump in dumps:
        evidence = pair_evidence(dump.blocks, dump.pairs[:, 0], dump.pairs[:, 1])
        features.append(evidence)
        labels.append(dump.labels)
        weights.append(np.full(len(dump.labels), 1.0 / len(dump.labels)))
    regression = LogisticRegression(C=1.0, max_iter=1000)
    weight = np.concatenate(weights)
    regression.fit(np.concatenate(features), np.concatenate(labels), sample_weight=weight / weight.mean())
    coefficients = dict(zip(BLOCKS, (float(round(c, 6)) for c in regression.coef_[0]), strict=True))
    return StoryModel(coefficients, float(round(regression.intercept_[0], 6)), cut)


def scores_at(dump: Dump, model: StoryModel, cuts: Sequence[float]) -> dict[float, dict[str, float]]:
    """Metrics of the dump's stories at each cut."""
    found = graph_stories(dump.sources, cuts, model=model)
    return {cut: metrics(dump.truth, first_seen_order(labels[dump.groups])) for cut, labels in zip(cuts, found, strict=True)}


def chosen_cut(dumps: Sequence[Dump], model: StoryModel) -> tuple[float, dict[str, dict[float, dict[str, float]]]]:
    """The cut with the best mean ARI over ``dumps`` (ties: the lowest), and every dump's grid."""
    grids = {dump.name: scores_at(dump.selection or dump, model, CUTS) for dump in dumps}
    mean = {cut: float(np.mean([grids[name][cut]["ari"] for name in grids])) for cut in CUTS}
    return max(CUTS, key=lambda cut: (round(mean[cut], 6), -cut)), grids


def development(folder: Path) -> list[tuple[str, Path]]:
    """The development dumps, by name."""
    return [
        ("DUC 2003", DUC),
        ("GVA", GVA),
        ("ECB+", ECB),
        ("Multi-News", multinews_dump(folder)),
        ("MultiLing 2011", multiling_dump(folder)),
    ]


def slug(names: Sequence[str]) -> str:
    """A file name part for a set of dumps left out: ``duc-2003+gva``."""
    return "+".join("".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") for name in names)


def held_out_model(dumps: Sequence[Dump], left_out: Sequence[str]) -> tuple[StoryModel, float]:
    """The model fitted on every dump but ``left_out``, with its cut chosen on those dumps too."""
    rest = [dump for dump in dumps if dump.name not in left_out]
    model = fit(rest)
    cut, _ = chosen_cut(rest, model)
    return StoryModel(model.weights, model.intercept, cut), cut


def save(model: StoryModel, path: Path) -> None:
    """A model as the JSON ``story_model.model_from`` reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"weights": model.weights, "intercept": model.intercept, "cut": model.cut}, indent=2) + "\n", encoding="utf-8")


def held_out_path(left_out: Sequence[str]) -> Path:
    """Where the model fitted without ``left_out`` is kept."""
    return HELD_OUT / f"without_{slug(left_out)}.json"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the held-out models and the model fitted on all dumps")
    parser.add_argument("--only", default="", help="comma-separated dump names to load (default: all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        wanted = set(filter(None, args.only.split(",")))
        dumps = [load(name, path) for name, path in development(Path(scratch)) if not wanted or name in wanted]
    print("| left out | weights (" + ", ".join(BLOCKS) + ") | intercept | cut | ARI | B-cubed F1 | stories / gold |")
    print("|---|---|---|---|---|---|---|")
    for left_out in [[dump.name] for dump in dumps]:
        model, cut = held_out_model(dumps, left_out)
        if args.write:
            save(model, held_out_path(left_out))
        weights = ", ".join(f"{model.weights[name]:.2f}" for name in BLOCKS)
        for held in (dump for dump in dumps if dump.name in left_out and len(left_out) == 1):  # a long dump: its selection
            result = scores_at(held.selection or held, model, [cut])[cut]
            found = f"{int(result['found'])}/{len(set((held.selection or held).truth))}"
            print(f"| {held.name} | {weights} | {model.intercept:.2f} | {cut} | {result['ari']:.3f} | {result['b3']:.3f} | {found} |", flush=True)
    model = fit(dumps)
    cut, grids = chosen_cut(dumps, model)
    print(f"all dumps: cut {cut}; " + "; ".join(f"{name} {grid[cut]['ari']:.3f}" for name, grid in grids.items()))
    if args.write:
        save(StoryModel(model.weights, model.intercept, cut), MODEL_FILE)
        print(f"wrote {MODEL_FILE} and the held-out models in {HELD_OUT}")


if __name__ == "__main__":
    main()
