"""Aggregate results into a table; write it as Markdown, JSON, CSV and a PNG plot."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from summarizer.bench.bootstrap import Interval, paired_bootstrap
from summarizer.bench.run import Result


@dataclass(frozen=True)
class Row:
    """One system's means (as percentages), its R-2 difference to the reference system, its speed."""

    system: str
    rouge1: float
    rouge2: float
    rougeL: float
    rougeSU4: float
    rouge2_interval: Interval
    difference: Interval | None
    seconds_per_cluster: float | None  # None for summaries made elsewhere
    words: float = 0.0
    copied: float = 0.0
    similarity: float = math.nan  # mean embedding cosine to the references, NaN when not measured


def per_system(results: Sequence[Result]) -> dict[str, list[Result]]:
    """Results grouped by system, clusters in the same order for every system."""
    grouped: dict[str, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.system, []).append(result)
    return grouped


def mean_interval(values: Sequence[float], seed: int) -> Interval:
    """A bootstrap interval of a mean (the difference to zero)."""
    return paired_bootstrap(values, [0.0] * len(values), seed=seed)


def mean_seconds(items: Sequence[Result]) -> float | None:
    """Mean seconds per cluster, None when the system ran elsewhere."""
    seconds = [r.seconds for r in items if r.seconds is not None]
    return float(np.mean(seconds)) if seconds and len(seconds) == len(items) else None


def summarise(results: Sequence[Result], reference: str | None, seed: int) -> list[Row]:
    """One Row per system, in the order the systems ran."""
    grouped = per_system(results)
    base = [100 * r.scores.rouge2 for r in grouped[reference]] if reference in grouped else None
    rows = []
    for system, items in grouped.items():
        r2 = [100 * r.scores.rouge2 for r in items]
        rows.append(
            Row(
                system=system,
                rouge1=float(np.mean([100 * r.scores.rouge1 for r in items])),
                rouge2=float(np.mean(r2)),
                rougeL=float(np.mean([100 * r.scores.rougeL for r in items])),
                rougeSU4=float(np.mean([100 * r.scores.rougeSU4 for r in items])),
                rouge2_interval=mean_interval(r2, seed),
                difference=None if base is None or system == reference else paired_bootstrap(r2, base, seed=seed),
                seconds_per_cluster=mean_seconds(items),
                words=float(np.mean([r.words for r in items])),
                copied=float(np.mean([100 * r.copied for r in items])),
                similarity=float(np.mean([r.similarity for r in items])),
            )
        )
    return rows


def number(value: float) -> str:
    """A score with two decimals, or a dash where the scorer gave none (ROUGE-1.5.5 without ROUGE-L)."""
    return "—" if math.isnan(value) else f"{value:.2f}"


def cosine(value: float) -> str:
    """An embedding cosine with three decimals, or a dash when not measured."""
    return "—" if math.isnan(value) else f"{value:.3f}"


def interval_text(interval: Interval) -> str:
    """``+1.23 [+0.40, +2.10]``."""
    return f"{interval.mean:+.2f} [{interval.low:+.2f}, {interval.high:+.2f}]"


def difference_text(row: Row, reference: str | None) -> str:
    """The R-2 difference to the reference system, "(reference)" on its own row, a dash with no reference."""
    if reference is None:
        return "—"
    if row.difference is None:
        return "(reference)"
    return "—" if math.isnan(row.difference.mean) else interval_text(row.difference)


def markdown_table(rows: Sequence[Row], reference: str | None) -> str:
    """The results table in Markdown."""
    header = f"| system | R-1 | R-2 | R-L | R-SU4 | R-2 − {reference or 'ref'} [95% CI] | s / cluster | words | copied bigrams % | emb cos |"
    lines = [header, "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        seconds = "—" if row.seconds_per_cluster is None else f"{row.seconds_per_cluster:.3f}"
        scores = " | ".join(number(value) for value in (row.rouge1, row.rouge2, row.rougeL, row.rougeSU4))
        lines.append(
            f"| {row.system} | {scores} | {difference_text(row, reference)} | {seconds} | {row.words:.0f} | {row.copied:.1f} | {cosine(row.similarity)} |"
        )
    return "\n".join(lines) + "\n"


def results_csv(results: Sequence[Result]) -> str:
    """Per-cluster scores and times as CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["system", "cluster", "rouge1", "rouge2", "rougeL", "rougeSU4", "seconds", "words", "copied", "similarity"])
    for r in results:
        seconds = "" if r.seconds is None else f"{r.seconds:.4f}"
        scores = ["" if math.isnan(value) else f"{value:.5f}" for value in (r.scores.rouge1, r.scores.rouge2, r.scores.rougeL, r.scores.rougeSU4)]
        similarity = "" if math.isnan(r.similarity) else f"{r.similarity:.5f}"
        writer.writerow([r.system, r.cluster, *scores, seconds, r.words, f"{r.copied:.5f}", similarity])
    return buffer.getvalue()


def plain(value: Any) -> Any:
    """A JSON-safe copy: NaN (a score the scorer did not give) becomes null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def cluster_record(r: Result) -> dict[str, Any]:
    """One system's scores, seconds (None when run elsewhere), length and copied share on one cluster."""
    seconds = None if r.seconds is None else round(r.seconds, 4)
    similarity = None if math.isnan(r.similarity) else round(r.similarity, 5)
    record = {"system": r.system, "cluster": r.cluster, "scores": asdict(r.scores), "seconds": seconds, "words": r.words, "copied": round(r.copied, 5)}
    return {**record, "similarity": similarity}


def results_json(rows: Sequence[Row], results: Sequence[Result], config: dict[str, Any]) -> str:
    """The table, the configuration and every per-cluster score, as JSON (no NaN: null where a score is absent)."""
    record = {"config": config, "table": [asdict(row) for row in rows], "clusters": [cluster_record(r) for r in results]}
    return json.dumps(plain(record), indent=2) + "\n"


def plot(rows: Sequence[Row], title: str) -> bytes:
    """A bar chart of mean ROUGE-2 per system with its 95% interval, as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [row.system for row in rows]
    means = [row.rouge2 for row in rows]
    errors = [[row.rouge2 - row.rouge2_interval.low for row in rows], [row.rouge2_interval.high - row.rouge2 for row in rows]]
    figure, axis = plt.subplots(figsize=(max(6, 0.9 * len(rows)), 4))
    axis.bar(names, means, yerr=errors, capsize=4, color=["#2b6cb0" if n.startswith("ours") else "#a0aec0" for n in names])
    axis.set_ylabel("ROUGE-2 (mean, 95% bootstrap CI)")
    axis.set_title(title)
    axis.tick_params(axis="x", rotation=30)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120)
    plt.close(figure)
    return buffer.getvalue()


def outputs_jsonl(results: Sequence[Result]) -> str:
    """Every summary as JSONL ``{"id", "system", "summary"}``."""
    return "".join(json.dumps({"id": r.cluster, "system": r.system, "summary": r.summary}, ensure_ascii=False) + "\n" for r in results)
