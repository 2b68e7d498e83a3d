"""Story clustering against gold stories: ARI, NMI, V-measure, B-cubed F1, stories found, seconds.

    python -m benchmarks.stories [DUMP.jsonl ...] [--thresholds a,b,...] [--no-write]

A dump line's ``story`` field is read here, to score, and nowhere else. All
articles of a dump form one period (as ``summarizer batch --period all``):
gold stories span weeks, so day-by-day periods would split them by design.
Dates are read as ``batch`` reads them (``with_dates``). Five dumps, built at
run time in a scratch folder (nothing from ../shared/data is written here):

- DUC 2003: ../shared/data/dump_duc2003.jsonl (298 lines, 289 distinct
  articles, 30 stories; an article in two stories counts in the first);
- Multi-News: the 250-cluster validation sample, each cluster's documents
  one story (690 articles, undated, no headlines);
- MultiLing 2011: the 10 English clusters, each one story (100 WikiNews
  articles, with headlines and dates);
- DUC copies: every DUC article five times, each copy with a fifth of its
  sentences dropped (rounded) and the rest shuffled (seeded): 1,445
  articles, 30 stories;
- DUC big: 3,000 articles, each the shuffled sentences of two or three
  articles of one DUC story, every sentence kept with probability 1/2
  (seeded): 100 articles a story, 30 stories.

Clustering runs on the nearest-neighbour graph, as ``batch`` runs it; the
last two columns of the first table give the all-pairs reference
(``exact_story_labels``: scipy's average linkage on every distance) on the
same dump, with its time, so the two can be compared.

The threshold is cross-validated on the three development dumps (DUC,
Multi-News, MultiLing): chosen on one (best ARI on the grid, ties to the
lowest threshold), reported on the others. Dumps named on the command line
(with gold ``story`` fields) are scored instead, each one in both roles. Writes the tables to
benchmarks/results/stories.md, keeping its hand-written ``## Reading``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summarizer.batch.dump import read_dumps
from summarizer.batch.stories import STORY_THRESHOLD, exact_story_labels, graph_stories, label_stories, story_groups
from summarizer.dates import with_dates
from summarizer.topics.cluster import first_seen_order

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUC = DATA / "dump_duc2003.jsonl"
MULTINEWS = DATA / "multinews_validation_sample250.jsonl"
MULTILING = DATA / "multiling2011_en.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "stories.md"
GRID = "1.0,1.25,1.5,1.75,2.0,2.25,2.5,3.0,3.5,4.0,5.0"
DEVELOPMENT = ("DUC 2003", "Multi-News", "MultiLing 2011")
COPIES, BIG_ARTICLES, SEED = 5, 3000, 2026


def records(path: Path) -> list[dict[str, Any]]:
    """The JSON records of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_dump(rows: Sequence[dict[str, Any]], target: Path) -> Path:
    """``rows`` as a JSONL dump at ``target``."""
    with target.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    return target


def duc_articles() -> list[dict[str, Any]]:
    """The DUC dump's distinct articles, each with the story of its first line."""
    seen: dict[str, dict[str, Any]] = {}
    for row in records(DUC):
        seen.setdefault(str(row["id"]), row)
    return list(seen.values())


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the pipeline's splitter)."""
    from summarizer.text.split import split_sentences

    return [text[start:end] for start, end in split_sentences(text)]


def multinews_dump(folder: Path) -> Path:
    """The Multi-News sample as a dump: every document a line, its cluster its gold story (undated)."""
    rows = []
    for cluster in records(MULTINEWS):
        for index, document in enumerate(cluster["documents"]):
            text = document["text"] if isinstance(document, dict) else document
            if text.strip():
                rows.append({"id": f"{cluster['id']}-{index}", "story": cluster["id"], "text": text})
    return write_dump(rows, folder / "dump_multinews.jsonl")


def multiling_dump(folder: Path) -> Path:
    """MultiLing 2011 English as a dump: headline, ISO date (from "Saturday, January 8, 2005") and text; a cluster a story."""
    rows = []
    for cluster in records(MULTILING):
        for document in cluster["documents"]:
            when = document.get("date", "").strip()
            iso = datetime.datetime.strptime(when, "%A, %B %d, %Y").date().isoformat() if when else ""
            rows.append({"id": document["id"], "story": cluster["id"], "title": document.get("title", ""), "date": iso, "text": document["text"]})
    return write_dump(rows, folder / "dump_multiling2011.jsonl")


def copies_dump(folder: Path, copies: int = COPIES, seed: int = SEED) -> Path:
    """Every DUC article ``copies`` times, each copy missing a fifth of its sentences (rounded), the rest shuffled."""
    rng = random.Random(seed)
    rows = []
    for article in duc_articles():
        parts = sentences(article["text"])
        for number in range(copies):
            dropped = set(rng.sample(range(len(parts)), round(len(parts) / 5)))
            kept = [s for i, s in enumerate(parts) if i not in dropped] or parts[:1]
            rng.shuffle(kept)
            rows.append(dict(article, id=f"{article['id']}-copy{number}", text=" ".join(kept)))
    return write_dump(rows, folder / "dump_duc2003_copies.jsonl")


def big_dump(folder: Path, count: int = BIG_ARTICLES, seed: int = SEED) -> Path:
    """``count`` articles, story by story in turn: each half the sentences of two or three articles of one DUC story, shuffled."""
    rng = random.Random(seed)
    stories: dict[str, list[dict[str, Any]]] = {}
    for article in duc_articles():
        stories.setdefault(str(article["story"]), []).append(article)
    names = sorted(stories)
    rows = []
    for number in range(count):
        chosen = rng.sample(stories[names[number % len(names)]], rng.choice((2, 3)))
        mixed = [s for article in chosen for s in sentences(article["text"]) if rng.random() < 0.5] or sentences(chosen[0]["text"])[:1]
        rng.shuffle(mixed)
        rows.append(dict(chosen[0], id=f"big{number:04d}", text=" ".join(mixed)))
    return write_dump(rows, folder / "dump_duc2003_big.jsonl")


def gold_stories(path: Path) -> dict[str, str]:
    """The gold story of every article id: that of its first line, the one ``batch`` keeps when an article repeats."""
    gold: dict[str, str] = {}
    for row in records(path):
        gold.setdefault(str(row["id"]), str(row["story"]))
    return gold


def bcubed_f1(truth: Sequence[str], labels: Sequence[int]) -> float:
    """B-cubed F1 (Bagga & Baldwin 1998; Amigó et al. 2009): item-averaged precision and recall of each item's cluster."""
    pairs = Counter(zip(truth, labels, strict=True))
    classes, clusters = Counter(truth), Counter(labels)
    precision = sum(count * count / clusters[label] for (_, label), count in pairs.items()) / len(truth)
    recall = sum(count * count / classes[gold] for (gold, _), count in pairs.items()) / len(truth)
    return 2 * precision * recall / (precision + recall)


def metrics(truth: Sequence[str], labels: np.ndarray) -> dict[str, float]:
    """ARI, NMI, V-measure, B-cubed F1 and the number of stories found."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, v_measure_score

    found = labels.tolist()
    return {
        "ari": adjusted_rand_score(truth, found),
        "nmi": normalized_mutual_info_score(truth, found),
        "v": v_measure_score(truth, found),
        "b3": bcubed_f1(truth, found),
        "found": float(len(set(found))),
    }


class Scored:
    """One dump: its articles, gold stories, the default labels timed, and labels at every threshold of a grid."""

    def __init__(self, name: str, path: Path, thresholds: Sequence[float]) -> None:
        articles = with_dates(read_dumps([str(path)]).articles)
        gold = gold_stories(path)
        self.name, self.count = name, len(articles)
        self.truth = [gold[a.ref] for a in articles]
        started = time.perf_counter()
        self.default = label_stories(articles)
        self.seconds = time.perf_counter() - started
        started = time.perf_counter()
        self.exact = exact_story_labels(articles)
        self.exact_seconds = time.perf_counter() - started
        groups, texts = story_groups(articles)
        self.groups = len(texts)
        labels = graph_stories(texts, thresholds)
        self.grid = {t: metrics(self.truth, first_seen_order(found[groups])) for t, found in zip(thresholds, labels, strict=True)}
        print(f"{name}: {self.count} articles, {self.groups} copy groups, {self.seconds:.1f} s", flush=True)

    def row(self) -> str:
        """The table row at the default threshold."""
        m = metrics(self.truth, self.default)
        gold = len(set(self.truth))
        scores = " | ".join(f"{m[key]:.3f}" for key in ("ari", "nmi", "v", "b3"))
        exact = metrics(self.truth, self.exact)["ari"]
        found = f"{int(m['found'])} ({m['found'] / gold - 1:+.0%})"
        return f"| {self.name} | {self.count} | {self.groups} | {gold} | {found} | {scores} | {self.seconds:.1f} | {exact:.3f} | {self.exact_seconds:.1f} |"

    def best(self) -> float:
        """The grid threshold of highest ARI (ties: the lowest)."""
        return max(self.grid, key=lambda t: (round(self.grid[t]["ari"], 12), -t))


def tables(scored: list[Scored], thresholds: Sequence[float], development: Sequence[str] = DEVELOPMENT) -> str:
    """The Markdown tables: default threshold, cross-validation, and the grid."""
    lines = [
        f"### At the default threshold ({STORY_THRESHOLD})",
        "",
        "| dump | articles | copy groups | gold stories | stories found | ARI | NMI | V-measure | B-cubed F1 | seconds | all-pairs ARI | all-pairs seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *[s.row() for s in scored],
        "",
        "### Cross-validation: threshold chosen on one development dump (best ARI), reported on all",
        "",
        "| chosen on | threshold | " + " | ".join(f"{name} ARI (stories)" for name in development) + " |",
        "|---|---|" + "---|" * len(development),
    ]
    chosen_on = [s for s in scored if s.name in development]
    for source in chosen_on:
        chosen = source.best()
        cells = [f"{s.grid[chosen]['ari']:.3f} ({int(s.grid[chosen]['found'])}/{len(set(s.truth))})" + (" *" if s is source else "") for s in chosen_on]
        lines.append(f"| {source.name} | {chosen} | " + " | ".join(cells) + " |")
    lines += ["", "`*`: the dump the threshold was chosen on (not held out).", "", "### ARI (stories found) at each threshold", ""]
    lines.append("| threshold | " + " | ".join(s.name for s in scored) + " |")
    lines.append("|---|" + "---|" * len(scored))
    for t in thresholds:
        mark = " (default)" if t == STORY_THRESHOLD else ""
        lines.append(f"| {t}{mark} | " + " | ".join(f"{s.grid[t]['ari']:.3f} ({int(s.grid[t]['found'])})" for s in scored) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dumps", nargs="*", type=Path, help="dumps with gold 'story' fields (default: the five described above)")
    parser.add_argument("--thresholds", default=GRID, help="comma-separated thresholds of mean scaled similarity (the grid)")
    parser.add_argument("--no-write", action="store_true", help="print the tables only")
    args = parser.parse_args()
    thresholds = sorted({float(t) for t in args.thresholds.split(",")} | {STORY_THRESHOLD})
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        dumps = [(path.name, path) for path in args.dumps] or [
            ("DUC 2003", DUC),
            ("Multi-News", multinews_dump(folder)),
            ("MultiLing 2011", multiling_dump(folder)),
            ("DUC copies", copies_dump(folder)),
            ("DUC big", big_dump(folder)),
        ]
        scored = [Scored(name, path, thresholds) for name, path in dumps]
    table = tables(scored, thresholds, [name for name, _ in dumps] if args.dumps else DEVELOPMENT)
    print(table)
    if not args.no_write:
        from benchmarks.quality import commit

        reading = ""
        if RESULTS.exists():
            previous = RESULTS.read_text(encoding="utf-8")
            reading = previous[previous.index("## Reading") :] if "## Reading" in previous else ""
        named = "".join(f" {str(path).replace(str(DATA), '../shared/data')}" for path in args.dumps)
        command = "python -m benchmarks.stories" + named + ("" if args.thresholds == GRID else f" --thresholds {args.thresholds}")
        stamp = f"Commit `{commit()}`, {datetime.date.today().isoformat()}; `{command}`, all articles of a dump as one period (`--period all`)."
        RESULTS.write_text(f"# Story clustering of `summarizer batch`\n\n{stamp}\n\n{table}\n{reading}", encoding="utf-8")


if __name__ == "__main__":
    main()
