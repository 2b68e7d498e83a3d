"""The benchmark as one self-contained HTML page (``report.html``): settings, table, R-2 plot, per-cluster scatters.

Python computes the charts' geometry as plain numbers; the template
(summarizer/render/templates/bench_report.html, extending base.html) draws them
as inline SVG and escapes every text. System names and cluster ids come from
user files: they only ever reach the page as escaped text, never as attributes
or CSS. No script, no image, no remote asset; the output is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from summarizer.bench.report import Row, difference_text, number, per_system
from summarizer.bench.run import Result
from summarizer.render.escape import clean_text
from summarizer.render.html import environment

MIN_CLUSTERS = 10
CAVEAT = f"Fewer than {MIN_CLUSTERS} clusters: the bootstrap intervals are rough."
DASH = "—"

# Bar chart of mean ROUGE-2 (pixels).
BAR_LEFT, BAR_TOP, BAR_HEIGHT, BAR_WIDTH, BAR_GAP, BAR_BOTTOM = 64, 16, 200, 36, 20, 96
LABEL_CHARS = 20
# Scatter of per-cluster ROUGE-2 (pixels).
DOT_LEFT, DOT_TOP, DOT_SIZE, DOT_RIGHT, DOT_BOTTOM, DOT_RADIUS = 56, 12, 260, 16, 44, 3.5
OURS, OTHER = "#2b6cb0", "#a0aec0"

SETTINGS = (
    ("dataset", "Dataset"),
    ("scorer", "Scorer"),
    ("convention", "Conventions"),
    ("conventions_from", "Conventions from"),
    ("budget", "Budget"),
    ("metric", "Metric"),
    ("stem", "Stemming"),
    ("limit", "Limit"),
    ("coverage", "Coverage"),
    ("seed", "Seed"),
    ("model", "Model"),
    ("version", "Version"),
    ("commit", "Commit"),
)


def px(value: float) -> float:
    """A coordinate rounded to hundredths, so the page is stable."""
    return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def missing(value: float | None) -> bool:
    """Whether a score is absent (None or NaN)."""
    return value is None or math.isnan(value)


def nice_axis(largest: float) -> tuple[float, float]:
    """The top of an axis from zero and its tick step: 1, 2 or 5 times a power of ten, at most five steps."""
    if missing(largest) or largest <= 0:
        return 1.0, 0.2
    power = 10 ** math.floor(math.log10(largest / 5))
    for factor in (1, 2, 5, 10, 20, 50):
        step = factor * power
        if largest <= step * 5 + 1e-12:
            return round(step * math.ceil(largest / step - 1e-9), 10), step
    return largest, largest / 5  # unreachable: 50 * power * 5 >= largest


def ticks(top: float, step: float) -> list[float]:
    """The tick values 0, step, ..., top."""
    count = round(top / step)
    return [round(i * step, 10) for i in range(count + 1)]


def tick_text(value: float) -> str:
    """A tick label: no trailing zeros."""
    return f"{value:g}"


def short(name: str) -> str:
    """A system name cut to fit under a bar (the whole name is in the tooltip)."""
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def setting_text(key: str, value: Any) -> str:
    """One setting as the header shows it."""
    if key == "budget":
        return f"{value} words"
    if key == "stem":
        return "on (Porter)" if value else "off"
    if key == "limit":
        return f"first {value} clusters"
    return str(value)


def cluster_count(settings: dict[str, Any], results: Sequence[Result]) -> int:
    """How many clusters were scored: the settings' list, else the distinct clusters of the results."""
    scored = settings.get("clusters_scored")
    if isinstance(scored, (list, tuple)):
        return len(scored)
    if isinstance(scored, int) and not isinstance(scored, bool):
        return scored
    return len({r.cluster for r in results})


def settings_view(settings: dict[str, Any], reference: str | None, clusters: int) -> list[dict[str, str]]:
    """The header's definition list: every setting present (None and empty ones left out)."""
    items = []
    for key, label in SETTINGS:
        value = settings.get(key)
        if value is None or value == "" or value == [] or value == {}:
            continue
        items.append({"term": label, "value": clean_text(setting_text(key, value))})
    items.append({"term": "Reference system", "value": clean_text(reference) if reference else "none"})
    items.append({"term": "Clusters scored", "value": str(clusters)})
    return items


def difference_cell(row: Row, reference: str | None) -> str:
    """The R-2 difference to the reference as the Markdown table writes it, a dash where it is NaN (no R-2 scored)."""
    if row.difference is not None and any(missing(v) for v in (row.difference.mean, row.difference.low, row.difference.high)):
        return DASH
    return difference_text(row, reference)


def table_view(rows: Sequence[Row], reference: str | None) -> dict[str, Any]:
    """The results table, cells as text, the same columns as the Markdown table."""
    lines = [
        {
            "system": clean_text(row.system),
            "scores": [number(value) for value in (row.rouge1, row.rouge2, row.rougeL, row.rougeSU4)],
            "difference": clean_text(difference_cell(row, reference)),
            "seconds": DASH if missing(row.seconds_per_cluster) else f"{row.seconds_per_cluster:.3f}",
            "words": DASH if missing(row.words) else f"{row.words:.0f}",
            "copied": DASH if missing(row.copied) else f"{row.copied:.1f}",
        }
        for row in rows
    ]
    return {"difference_head": f"R-2 − {clean_text(reference) if reference else 'ref'} [95% CI]", "rows": lines}


def colour(system: str) -> str:
    """Our systems in blue, the others in grey (as in rouge2.png)."""
    return OURS if system.startswith("ours") else OTHER


def bars_view(rows: Sequence[Row]) -> dict[str, Any]:
    """The geometry of the bar chart: a bar per system as tall as its mean R-2, a whisker for its 95% interval."""
    highest = max((v for row in rows for v in (row.rouge2, row.rouge2_interval.high) if not missing(v)), default=0.0)
    top, step = nice_axis(highest)
    bottom = BAR_TOP + BAR_HEIGHT

    def y(value: float) -> float:
        return BAR_TOP + BAR_HEIGHT * (1 - max(0.0, min(value, top)) / top)

    bars = []
    for i, row in enumerate(rows):
        x = BAR_LEFT + BAR_GAP + i * (BAR_WIDTH + BAR_GAP)
        centre = x + BAR_WIDTH / 2
        mean = 0.0 if missing(row.rouge2) else row.rouge2
        interval = row.rouge2_interval
        name = clean_text(row.system)
        value = DASH if missing(row.rouge2) else f"{row.rouge2:.2f}"
        bars.append(
            {
                "x": px(x),
                "y": px(y(mean)),
                "height": px(bottom - y(mean)),
                "centre": px(centre),
                "low": px(y(0.0 if missing(interval.low) else interval.low)),
                "high": px(y(0.0 if missing(interval.high) else interval.high)),
                "cap_left": px(centre - 6),
                "cap_right": px(centre + 6),
                "fill": colour(row.system),
                "tip": f"{name}: R-2 {value} [95% CI {number(interval.low)}, {number(interval.high)}]",
                "interval": f"{name} {value} [{number(interval.low)}, {number(interval.high)}]",
                "value": value,
                "value_y": px(y(max(mean, 0.0 if missing(interval.high) else interval.high)) - 4),
                "label": short(name),
                "label_y": px(bottom + 12),
            }
        )
    width = BAR_LEFT + BAR_GAP + len(rows) * (BAR_WIDTH + BAR_GAP)
    return {
        "width": px(max(width, 240)),
        "height": px(bottom + BAR_BOTTOM),
        "left": BAR_LEFT,
        "right": px(max(width, 240)),
        "top": BAR_TOP,
        "bottom": bottom,
        "bar": BAR_WIDTH,
        "bars": bars,
        "ticks": [{"y": px(y(t)), "text_y": px(y(t) + 4), "text": tick_text(t)} for t in ticks(top, step)],
        "axis_x": 14,
        "axis_y": px(BAR_TOP + BAR_HEIGHT / 2),
    }


def scatter_view(base: str, other: str, grouped: dict[str, list[Result]]) -> dict[str, Any]:
    """The geometry of one scatter: a point per cluster both systems scored, x the base system's R-2, y the other's."""
    base_scores = {r.cluster: 100 * r.scores.rouge2 for r in grouped[base]}
    pairs = [(r.cluster, base_scores[r.cluster], 100 * r.scores.rouge2) for r in grouped[other] if r.cluster in base_scores]
    shown = [(cluster, x, y) for cluster, x, y in pairs if not (missing(x) or missing(y))]
    top, step = nice_axis(max((v for _, x, y in shown for v in (x, y)), default=0.0))
    bottom, right = DOT_TOP + DOT_SIZE, DOT_LEFT + DOT_SIZE
    base_name, other_name = clean_text(base), clean_text(other)

    def to_x(value: float) -> float:
        return DOT_LEFT + DOT_SIZE * value / top

    def to_y(value: float) -> float:
        return DOT_TOP + DOT_SIZE * (1 - value / top)

    points = [{"x": px(to_x(x)), "y": px(to_y(y)), "tip": f"{clean_text(cluster)}: {base_name} {x:.2f}, {other_name} {y:.2f}"} for cluster, x, y in shown]
    above = sum(1 for _, x, y in shown if y > x and not math.isclose(x, y, abs_tol=1e-9))
    below = sum(1 for _, x, y in shown if y < x and not math.isclose(x, y, abs_tol=1e-9))
    return {
        "base": base_name,
        "other": other_name,
        "width": right + DOT_RIGHT,
        "height": bottom + DOT_BOTTOM,
        "left": DOT_LEFT,
        "right": right,
        "top": DOT_TOP,
        "bottom": bottom,
        "radius": DOT_RADIUS,
        "fill": colour(other),
        "points": points,
        "x_ticks": [{"x": px(to_x(t)), "text": tick_text(t)} for t in ticks(top, step)],
        "y_ticks": [{"y": px(to_y(t)), "text_y": px(to_y(t) + 4), "text": tick_text(t)} for t in ticks(top, step)],
        "label_x": px(DOT_LEFT + DOT_SIZE / 2),
        "label_y": px(DOT_TOP + DOT_SIZE / 2),
        "axis_y": 14,
        "x_label_y": bottom + 34,
        "above": above,
        "below": below,
        "level": len(shown) - above - below,
        "unpaired": len(grouped[other]) - len(shown),
    }


def scatters_view(results: Sequence[Result], reference: str | None) -> list[dict[str, Any]]:
    """A scatter per system against the reference system (or, with none, against the first system)."""
    grouped = per_system(results)
    if not grouped:
        return []
    base = reference if reference in grouped else next(iter(grouped))
    return [scatter_view(base, other, grouped) for other in grouped if other != base]


def report_view(rows: Sequence[Row], results: Sequence[Result], settings: dict[str, Any], reference: str | None) -> dict[str, Any]:
    """Everything report.html shows, as plain (unescaped) values."""
    clusters = cluster_count(settings, results)
    dataset = clean_text(str(settings.get("dataset") or ""))
    grouped = per_system(results)
    base = reference if reference in grouped else next(iter(grouped), None)
    return {
        "title": f"Benchmark: {dataset}" if dataset else "Benchmark",
        "settings": settings_view(settings, reference, clusters),
        "caveat": CAVEAT if clusters < MIN_CLUSTERS else "",
        "table": table_view(rows, reference),
        "plot": bars_view(rows) if rows else None,
        "base": clean_text(base) if base is not None else "",
        "base_is_reference": base is not None and base == reference,
        "scatters": scatters_view(results, reference),
    }


def report_html(rows: Sequence[Row], results: Sequence[Result], settings: dict[str, Any], reference: str | None) -> str:
    """``report.html``: the settings, the table, the R-2 bars with their intervals and the per-cluster scatters, self-contained."""
    return environment().get_template("bench_report.html").render(report_view(rows, results, settings, reference))
