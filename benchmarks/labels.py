"""Labels and titles for review: every bullet's label and every briefing's title, with the rules they break.

    python -m benchmarks.labels [--no-write]

Briefs the 30 DUC 2003 development clusters (``duc2003_task2.jsonl``, as
``summarizer brief`` would, bullets chosen from the data) and the stories of
the DUC 2003 dump (``dump_duc2003.jsonl``, cut as ``summarizer batch
--period all`` does: ``story_labels`` over the whole dump), and lists each
briefing's title and labels. Each label is checked by
``summarizer.topics.labels.label_violations`` against its own bullet (1-4
words, no possessive, no verb form, no function word at an end, written in
the bullet, not repeated); a title is flagged when it is a list of labels or
names no actor. Writes benchmarks/results/labels.md, keeping its
hand-written ``## Reading``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.report import commit, publish, wants_write
from summarizer.batch.dump import read_dumps
from summarizer.batch.stories.cut import story_labels
from summarizer.bench.data import load_clusters
from summarizer.dates import with_dates
from summarizer.embed.embedder import Embedder, Encoder
from summarizer.options import Options
from summarizer.pipeline import run
from summarizer.topics.labels import label_violations
from summarizer.types import Article, Briefing

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CLUSTERS = DATA / "duc2003_task2.jsonl"
DUMP = DATA / "dump_duc2003.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "labels.md"


def title_problems(briefing: Briefing) -> list[str]:
    """A title is no list of labels ("Briefing: a, b and c") and is not empty."""
    title = briefing.title.strip()
    if not title or title == "Briefing":
        return [f"title {title!r}: empty"] if briefing.bullets else []
    if title.startswith("Briefing:") or title.count(",") >= 2:
        return [f"title {title!r}: a list of labels"]
    return []


def review(name: str, articles: Sequence[Article], embedder: Encoder) -> tuple[str, int, int, float]:
    """A table row for one briefing (its labels and problems), the labels, the violations, and the seconds."""
    started = time.perf_counter()
    briefing = run(list(articles), Options(), embedder)
    seconds = time.perf_counter() - started
    labels = [bullet.label for bullet in briefing.bullets]
    problems = label_violations(labels, [bullet.text for bullet in briefing.bullets]) + title_problems(briefing)
    cell = "; ".join(labels) or "(no bullet)"
    row = f"| {name} | {cell_text(briefing.title)} | {cell_text(cell)} | {cell_text('; '.join(problems)) or '—'} |"
    print(row, flush=True)
    return row, len(labels), len(problems), seconds


def cell_text(text: str) -> str:
    """Text safe in a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def table(briefs: Sequence[tuple[str, Sequence[Article]]], embedder: Encoder) -> tuple[list[str], str]:
    """The review table of a set of briefings, and its summary line."""
    rows = ["| briefing | title | labels | rule violations |", "|---|---|---|---|"]
    labels = violations = 0
    seconds = 0.0
    for name, articles in briefs:
        row, count, broken, took = review(name, articles, embedder)
        rows.append(row)
        labels, violations, seconds = labels + count, violations + broken, seconds + took
    summary = f"{len(briefs)} briefings, {labels} labels, **{violations} rule violations**; {seconds / max(len(briefs), 1):.2f} s per briefing."
    return rows, summary


def clusters() -> list[tuple[str, list[Article]]]:
    """The DUC 2003 development clusters as briefs."""
    return [(cluster.id, list(cluster.documents)) for cluster in load_clusters(CLUSTERS)]


def dump_stories() -> list[tuple[str, list[Article]]]:
    """The DUC 2003 dump's stories, found over the whole dump at once (``batch --period all``)."""
    articles = with_dates(read_dumps([str(DUMP)]).articles)
    labels = story_labels(articles)
    stories: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels.tolist(), strict=True):
        stories.setdefault(int(label), []).append(article)
    return [(f"story {label}", [dataclasses.replace(a, id=i) for i, a in enumerate(group)]) for label, group in sorted(stories.items())]


def main() -> None:
    """Brief every cluster and story, print the review tables and write them."""
    write = wants_write(__doc__ or "")
    embedder = Embedder()
    sections = []
    summaries = []
    for title, briefs in (("DUC 2003 development clusters", clusters()), ("DUC 2003 dump, stories of `batch --period all`", dump_stories())):
        rows, summary = table(briefs, embedder)
        sections.append((title, [summary, "", *rows]))
        summaries.append(f"{title}: {summary}")
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.labels`: each briefing's title and bullet labels (in bullet order), checked by "
        "`label_violations` (1-4 words, no possessive, no verb form, no function word at an end, written in the bullet, not repeated) "
        "and for titles that list labels.\n\n" + "\n".join(f"- {line}" for line in summaries)
    )
    publish(RESULTS, "Labels and titles", intro, sections, write)


if __name__ == "__main__":
    main()
