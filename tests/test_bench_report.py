"""report.html of ``summarizer bench``: self-contained, script-free, hostile names as text, charts drawn to scale."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from summarizer.bench.metrics import RougeScores
from summarizer.bench.report import summarise
from summarizer.bench.report_html import CAVEAT, report_html
from summarizer.bench.run import Result
from tests.helpers.pages import PageParser, html_problems, page_texts

HOSTILE_NAMES = ["<script>alert(1)</script>", '"><svg onload=alert(1)>', "javascript:alert(1)", "x' style='background:url(//evil)"]
REPORT_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "strong", "div", "dl", "dt", "dd"),
    *("table", "thead", "tbody", "tr", "th", "td", "details", "summary"),
    *("svg", "g", "rect", "line", "circle", "text"),
}
SETTINGS: dict[str, Any] = {"dataset": "duc.jsonl", "scorer": "ROUGE (rouge-score)", "budget": 100, "metric": "recall", "stem": True, "limit": None}


def result(system: str, cluster: str, rouge2: float, rougeL: float = 0.2, seconds: float | None = 0.5) -> Result:
    """One hand-made result (scores as fractions)."""
    return Result(system, cluster, "summary", RougeScores(0.4, rouge2, rougeL, 0.1), seconds, 100, 0.25)


def results_for(systems: list[str], clusters: list[str], rougeL: float = 0.2) -> list[Result]:
    """Every system on every cluster, each with its own R-2 per cluster."""
    return [
        result(system, cluster, 0.02 + 0.01 * s + 0.013 * ((c * 7 + s * 3) % 5), rougeL)
        for s, system in enumerate(systems)
        for c, cluster in enumerate(clusters)
    ]


def page_for(systems: list[str], clusters: list[str], reference: str | None, rougeL: float = 0.2) -> str:
    """The report of hand-made results."""
    results = results_for(systems, clusters, rougeL)
    rows = summarise(results, reference, seed=0)
    return report_html(rows, results, {**SETTINGS, "clusters_scored": clusters}, reference)


def tags_of(page: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of the page with its attributes, in order."""
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser.tags


def problems(page: str) -> list[str]:
    """html_problems of the briefing tests, with this page's own allowed tags in place of the briefing's."""
    found = [p for p in html_problems(page, live_links=0) if not (p.startswith("tag ") and p[4:] in REPORT_TAGS)]
    return found + [f"tag {tag}" for tag, _ in tags_of(page) if tag not in REPORT_TAGS]


def scatter_points(page: str) -> list[int]:
    """How many points each <details> scatter holds."""
    counts: list[int] = []
    for tag, attrs in tags_of(page):
        if tag == "details":
            counts.append(0)
        elif tag == "circle" and attrs.get("class") == "point":
            counts[-1] += 1
    return counts


def test_page_is_self_contained_and_script_free() -> None:
    page = page_for(["lexrank", "ours", "lead"], [f"c{i}" for i in range(12)], "lexrank")
    assert problems(page) == [], problems(page)
    lowered = page.lower()
    for needle in ("<script", "<img", "src=", "url(", "@import", "data:", "<link", "<iframe", "<object"):
        assert needle not in lowered, needle
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "img-src 'none'" in page and "default-src 'none'" in page
    assert CAVEAT not in page


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_system_names_and_cluster_ids_stay_text(name: str) -> None:
    clusters = [name, name + " 2", "c3"]
    page = page_for(["lexrank", name], clusters, "lexrank")
    assert problems(page) == [], problems(page)
    assert "<script" not in page.lower()
    for tag, attrs in tags_of(page):
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)
            assert "alert" not in value and "evil" not in value, (tag, key, value)
    texts = page_texts(page)
    assert name in texts["td"]
    assert name in texts["summary"][0]
    tips = [text for text in texts["title"] if ": lexrank " in text]
    assert len(tips) == 3, texts["title"]
    assert tips[0] == f"{name}: lexrank {100 * 0.02:.2f}, {name} {100 * (0.02 + 0.01 + 0.013 * 3):.2f}"


def test_hostile_dataset_name_stays_text() -> None:
    results = results_for(["a", "b"], ["c1"])
    page = report_html(summarise(results, None, seed=0), results, {"dataset": "<script>alert(1)</script>.jsonl"}, None)
    assert problems(page) == []
    assert page_texts(page)["h1"] == ["Benchmark: <script>alert(1)</script>.jsonl"]


def test_a_point_per_cluster_in_each_scatter_the_first_open() -> None:
    clusters = [f"c{i}" for i in range(7)]
    page = page_for(["lexrank", "ours", "lead", "random"], clusters, "lexrank")
    assert scatter_points(page) == [7, 7, 7]
    details = [attrs for tag, attrs in tags_of(page) if tag == "details"]
    assert ["open" in attrs for attrs in details] == [True, False, False]
    summaries = page_texts(page)["summary"]
    assert summaries == ["ours against lexrank", "lead against lexrank", "random against lexrank"]
    assert len([attrs for tag, attrs in tags_of(page) if tag == "line" and attrs.get("class") == "diagonal"]) == 3
    assert CAVEAT in page


def test_without_a_reference_every_system_against_the_first() -> None:
    page = page_for(["lead", "ours", "random"], ["a", "b", "c"], None)
    assert page_texts(page)["summary"] == ["ours against lead", "random against lead"]
    assert scatter_points(page) == [3, 3]


def test_above_and_below_the_diagonal_are_counted() -> None:
    results = [result("lexrank", c, r2) for c, r2 in zip("abcd", (0.1, 0.1, 0.1, 0.1), strict=True)]
    results += [result("ours", c, r2) for c, r2 in zip("abcd", (0.2, 0.3, 0.05, 0.1), strict=True)]
    page = report_html(summarise(results, "lexrank", seed=0), results, SETTINGS, "lexrank")
    assert "2 above the diagonal (ours higher), 1 below (lexrank higher), 1 on it." in page


def test_points_sit_where_their_scores_say() -> None:
    results = [result("lexrank", "a", 0.0), result("lexrank", "b", 0.1), result("ours", "a", 0.05), result("ours", "b", 0.0)]
    page = report_html(summarise(results, "lexrank", seed=0), results, SETTINGS, "lexrank")
    (left, right, top, bottom) = next(
        (float(a["x1"]), float(a["x2"]), float(a["y2"]), float(a["y1"])) for t, a in tags_of(page) if a.get("class") == "diagonal"
    )
    points = [(float(a["cx"]), float(a["cy"])) for t, a in tags_of(page) if a.get("class") == "point"]
    assert points == [(left, (top + bottom) / 2), (right, bottom)]


def test_bar_heights_are_proportional_to_the_means() -> None:
    page = page_for(["lexrank", "ours", "lead", "random"], [f"c{i}" for i in range(10)], "lexrank")
    results = results_for(["lexrank", "ours", "lead", "random"], [f"c{i}" for i in range(10)])
    rows = summarise(results, "lexrank", seed=0)
    heights = [float(attrs["height"]) for tag, attrs in tags_of(page) if tag == "rect" and attrs.get("class") == "bar"]
    assert len(heights) == len(rows)
    ratios = [height / row.rouge2 for height, row in zip(heights, rows, strict=True)]
    assert max(ratios) - min(ratios) < 0.01 * max(ratios), ratios
    bars = [attrs for tag, attrs in tags_of(page) if tag == "rect" and attrs.get("class") == "bar"]
    baseline = {round(float(a["y"]) + float(a["height"]), 2) for a in bars}
    assert len(baseline) == 1
    tips = [text for text in page_texts(page)["title"] if "95% CI" in text]
    assert tips[0] == f"lexrank: R-2 {rows[0].rouge2:.2f} [95% CI {rows[0].rouge2_interval.low:.2f}, {rows[0].rouge2_interval.high:.2f}]"


def test_whiskers_span_the_interval() -> None:
    page = page_for(["lexrank", "ours"], [f"c{i}" for i in range(10)], "lexrank")
    rows = summarise(results_for(["lexrank", "ours"], [f"c{i}" for i in range(10)]), "lexrank", seed=0)
    bars = [a for t, a in tags_of(page) if t == "rect" and a.get("class") == "bar"]
    whiskers = [a for t, a in tags_of(page) if t == "line" and a.get("class") == "whisker"]
    scale = float(bars[0]["height"]) / rows[0].rouge2
    bottom = float(bars[0]["y"]) + float(bars[0]["height"])
    for whisker, row in zip(whiskers, rows, strict=True):
        assert float(whisker["y1"]) == pytest.approx(bottom - scale * row.rouge2_interval.low, abs=0.05)
        assert float(whisker["y2"]) == pytest.approx(bottom - scale * row.rouge2_interval.high, abs=0.05)


def test_nan_and_none_show_as_a_dash() -> None:
    results = results_for(["lexrank", "ours"], ["a", "b"], rougeL=math.nan)
    results = [Result(r.system, r.cluster, r.summary, r.scores, None, r.words, r.copied) if r.system == "ours" else r for r in results]
    page = report_html(summarise(results, None, seed=0), results, SETTINGS, None)
    cells = page_texts(page)["td"]
    rows = [cells[i : i + 9] for i in range(0, len(cells), 9)]
    assert [row[0] for row in rows] == ["lexrank", "ours"]
    assert [row[3] for row in rows] == ["—", "—"]  # R-L
    assert [row[5] for row in rows] == ["—", "—"]  # no reference: no difference
    assert [row[6] for row in rows] == ["0.500", "—"]  # ours ran elsewhere
    assert "nan" not in page.lower()


def test_table_columns_match_the_markdown_table() -> None:
    page = page_for(["lexrank", "ours"], ["a", "b", "c"], "lexrank")
    heads = page_texts(page)["th"]
    assert heads == ["system", "R-1", "R-2", "R-L", "R-SU4", "R-2 − lexrank [95% CI]", "s / cluster", "words", "copied bigrams %"]
    cells = page_texts(page)["td"]
    assert cells[5] == "(reference)" and re.fullmatch(r"[+-]\d+\.\d\d \[[+-]\d+\.\d\d, [+-]\d+\.\d\d\]", cells[14])


def test_settings_are_listed_and_output_is_deterministic() -> None:
    first = page_for(["lexrank", "ours"], ["a", "b", "c"], "lexrank")
    assert first == page_for(["lexrank", "ours"], ["a", "b", "c"], "lexrank")
    texts = page_texts(first)
    terms = dict(zip(texts["dt"], texts["dd"], strict=True))
    assert terms["Dataset"] == "duc.jsonl" and terms["Budget"] == "100 words" and terms["Stemming"] == "on (Porter)"
    assert terms["Clusters scored"] == "3" and terms["Reference system"] == "lexrank"
    assert "Limit" not in terms
    assert CAVEAT in first


def test_one_system_has_no_scatter() -> None:
    page = page_for(["lead"], ["a", "b"], None)
    assert problems(page) == []
    assert scatter_points(page) == []


def test_a_system_without_rouge2_shows_dashes_not_nan() -> None:
    nan = RougeScores(math.nan, math.nan, math.nan, math.nan)
    results = [Result("lexrank", "a", "s", nan, None, 0, 0.0), result("ours", "a", 0.1)]
    page = report_html(summarise(results, "lexrank", seed=0), results, SETTINGS, "lexrank")
    assert problems(page) == []
    assert "nan" not in page.lower()
    cells = page_texts(page)["td"]
    assert cells[1:5] == ["—"] * 4 and cells[14] == "—"
