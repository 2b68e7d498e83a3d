"""Story clustering against gold stories: ARI, NMI and the number of stories found.

    python -m benchmarks.stories [DUMP.jsonl ...] [--thresholds a,b] [--neighbour K] [--no-write]

A dump line's ``story`` field is read here, to score, and nowhere else. All
articles form one period (as ``summarizer batch --period all``): gold stories
span weeks, so day-by-day periods would split them by design. Default input:
../shared/data/dump_duc2003.jsonl (298 lines, 289 distinct articles, 30
stories; an article in two stories counts in the first) and the Multi-News
sample as a dump (each cluster's documents a story, 690 articles). Writes the
table to benchmarks/results/stories.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from summarizer.batch.dump import read_dumps
from summarizer.batch.stories import STORY_NEIGHBOUR, STORY_THRESHOLD, cluster_stories, story_distances

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT = DATA / "dump_duc2003.jsonl"
MULTINEWS = DATA / "multinews_validation_sample250.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "stories.md"


def gold_stories(path: Path) -> dict[str, str]:
    """The gold story of every article id: that of its first line, the one ``batch`` keeps when an article repeats."""
    gold: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold.setdefault(str(row["id"]), str(row["story"]))
    return gold


def score(path: Path, thresholds: list[float], neighbour: int) -> list[str]:
    """Table rows for one dump: all articles as one period at each threshold, then day by day."""
    dump = read_dumps([str(path)])
    articles = list(dump.articles)
    started = time.perf_counter()
    condensed = story_distances([a.text for a in articles], neighbour)
    gold = gold_stories(path)
    truth = [gold[a.ref] for a in articles]  # every article read has its line's story
    lines = []
    for threshold in thresholds:
        labels = cluster_stories(condensed, len(articles), threshold)
        lines.append(row(path.name, len(articles), truth, labels, threshold))
    print(f"{path.name}: {time.perf_counter() - started:.1f} s", flush=True)
    return lines


def row(name: str, count: int, truth: list[str], labels: Any, threshold: float) -> str:
    """One table row: ARI and NMI of ``labels`` against ``truth``."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    mark = " (default)" if threshold == STORY_THRESHOLD else ""
    found = len(set(np.asarray(labels).tolist()))
    ari, nmi = adjusted_rand_score(truth, labels), normalized_mutual_info_score(truth, labels)
    return f"| {name} | {count} | {len(set(truth))} | {threshold:.2f}{mark} | {found} | {ari:.3f} | {nmi:.3f} |"


def multinews_dump(folder: Path) -> Path:
    """The Multi-News sample as a dump: every document a line, its cluster its gold story (undated)."""
    target = folder / "dump_multinews.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for line in MULTINEWS.read_text(encoding="utf-8").splitlines():
            cluster = json.loads(line)
            for index, document in enumerate(cluster["documents"]):
                text = document["text"] if isinstance(document, dict) else document
                if text.strip():
                    out.write(json.dumps({"id": f"{cluster['id']}-{index}", "story": cluster["id"], "text": text}) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dumps", nargs="*", type=Path, help="dumps with gold 'story' fields (default: the DUC 2003 dump and the Multi-News sample as a dump)")
    parser.add_argument("--thresholds", default=f"{STORY_THRESHOLD}", help="comma-separated thresholds of mean scaled similarity")
    parser.add_argument("--neighbour", type=int, default=STORY_NEIGHBOUR, help="which nearest neighbour sets an article's scale")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        dumps = args.dumps or [DEFAULT, multinews_dump(Path(scratch))]
        rows = [line for path in dumps for line in score(path, thresholds, args.neighbour)]
    header = "| dump | articles | gold stories | threshold | stories found | ARI | NMI |\n|---|---|---|---|---|---|---|\n"
    table = header + "\n".join(rows) + "\n"
    print(table)
    if not args.no_write:
        from benchmarks.quality import commit

        command = " ".join(["python -m benchmarks.stories", *(str(p).replace(str(DATA), "../shared/data") for p in args.dumps)])
        command += f" --thresholds {args.thresholds} --neighbour {args.neighbour}"
        stamp = f"Commit `{commit()}`, {datetime.date.today().isoformat()}; `{command.strip()}`, all articles as one period (`--period all`)."
        RESULTS.write_text(f"# Story clustering of `summarizer batch`\n\n{stamp}\n\n{table}", encoding="utf-8")


if __name__ == "__main__":
    main()
