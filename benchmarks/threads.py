"""Threads against gold stories: each dated dump read by day (and by week), cut and linked as ``summarizer batch`` does.

    python -m benchmarks.threads [--no-write]

Runs ``batch``'s own planning and cutting (``job.plan``, ``link.cut_periods``,
period after period into a scratch folder, so later periods read the kept
articles of earlier ones from disk): no model is needed, since stories and
threads come from the articles' words. Every article then has a thread,
scored against its gold story over the whole dump:

- thread ARI and NMI; B-cubed F1;
- the share of gold stories kept in one thread, and threads found;
- the ARI of each period's stories against gold within the period (the mean
  over periods of two or more articles, weighted by articles);
- two baselines from the same run: every period's story a thread of its own
  (no linking), and the whole dump clustered at once (``--period all``, which
  sees the future; a ceiling, not a method).

Dumps: DUC 2003 (``dump_duc2003.jsonl``; the development dump), its two
halves (every other gold story: 15 stories each, the same days), DUC copies
(every article five times, see ``benchmarks.stories``), and MultiLing 2011
(whose gold stories are topics spread over years: a check, not a target).
The context window (``CONTEXT_DAYS``) is varied on DUC by day. Writes
benchmarks/results/threads.md, keeping its hand-written ``## Reading``.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.report import commit, publish, wants_write
from benchmarks.stories import DUC, bcubed_f1, copies_dump, gold_stories, multiling_dump, records, write_dump
from summarizer.batch import link, threads
from summarizer.batch.dump import read_dumps
from summarizer.batch.job import BatchSettings, plan
from summarizer.batch.stories import story_labels
from summarizer.dates import with_dates
from summarizer.options import Options

RESULTS = Path(__file__).resolve().parent / "results" / "threads.md"
WINDOWS = (7, 14, 30, 60, 90, 365)


@dataclasses.dataclass(frozen=True)
class Run:
    """One dump by one period kind: the gold story and thread of every article, the period ARIs, seconds."""

    truth: list[str]
    found: list[str]
    alone: list[str]
    period_ari: float
    seconds: float


def cut_dump(path: Path, period: str, scratch: Path, days: int = threads.CONTEXT_DAYS) -> Run:
    """Plan and cut the dump as ``batch --period PERIOD`` does; every article's gold story and thread."""
    from sklearn.metrics import adjusted_rand_score

    dump = read_dumps([str(path)])
    gold = gold_stories(path)
    settings = BatchSettings(period, Options(), "none")
    outdir = Path(tempfile.mkdtemp(dir=scratch))
    started = time.perf_counter()
    tasks = link.cut_periods(plan(dump, settings), outdir, period, days)
    seconds = time.perf_counter() - started
    truth, found, alone, scores, weights = [], [], [], [], []
    for task in tasks:
        labels = np.zeros(len(task.articles), dtype=np.int64)
        for number, story in enumerate(task.stories):
            for position in story:
                labels[position] = number
                truth.append(gold[task.articles[position].ref])
                found.append(task.threads[number] if task.threads else f"{task.key}-{number}")
                alone.append(f"{task.key}-{number}")
        if len(task.articles) > 1:
            scores.append(adjusted_rand_score([gold[a.ref] for a in task.articles], labels))
            weights.append(len(task.articles))
    return Run(truth, found, alone, float(np.average(scores, weights=weights)) if scores else 1.0, seconds)


def duc_half(folder: Path, half: int) -> Path:
    """Every other DUC gold story (sorted by id), from the first (half 0) or the second: a sparser dump of the same news."""
    rows = records(DUC)
    stories = sorted({str(row["story"]) for row in rows})[half::2]
    return write_dump([row for row in rows if str(row["story"]) in stories], folder / f"dump_duc2003_half{half}.jsonl")


def kept_whole(truth: Sequence[str], found: Sequence[str]) -> float:
    """The share of gold stories whose articles are all in one thread."""
    threads_of: dict[str, set[str]] = {}
    for gold, thread in zip(truth, found, strict=True):
        threads_of.setdefault(gold, set()).add(thread)
    return sum(len(found) == 1 for found in threads_of.values()) / len(threads_of)


def scores(truth: Sequence[str], found: Sequence[str]) -> str:
    """ARI | NMI | B-cubed F1 | stories kept whole | threads (against gold)."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    labels = [str(x) for x in found]
    numbered = list(Counter(labels))
    index = [numbered.index(x) for x in labels]
    return (
        f"{adjusted_rand_score(truth, labels):.3f} | {normalized_mutual_info_score(truth, labels):.3f} | {bcubed_f1(truth, index):.3f} | "
        f"{kept_whole(truth, labels):.0%} | {len(set(labels))}/{len(set(truth))}"
    )


def whole_dump(path: Path) -> tuple[list[str], list[str]]:
    """Gold and ``--period all`` labels of a dump (the ceiling: it sees every day at once)."""
    articles = with_dates(read_dumps([str(path)]).articles)
    gold = gold_stories(path)
    return [gold[a.ref] for a in articles], [str(x) for x in story_labels(articles)]


def main_table(dumps: dict[str, Path], scratch: Path) -> list[str]:
    """Rows: each dump by day and by week, with the no-linking baseline and the whole-dump ceiling."""
    rows = [
        "| dump | periods | method | thread ARI | NMI | B-cubed F1 | gold stories kept whole | threads / gold | story ARI within a period | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, path in dumps.items():
        for period in ("day", "week"):
            run = cut_dump(path, period, scratch)
            rows.append(f"| {name} | {period} | linked threads | {scores(run.truth, run.found)} | {run.period_ari:.3f} | {run.seconds:.1f} |")
            rows.append(f"| {name} | {period} | no linking (baseline) | {scores(run.truth, run.alone)} | {run.period_ari:.3f} | |")
            print(rows[-2], flush=True)
        truth, labels = whole_dump(path)
        rows.append(f"| {name} | all at once | `--period all` (ceiling) | {scores(truth, labels)} | | |")
    return rows


def window_table(path: Path, scratch: Path) -> list[str]:
    """Thread ARI on DUC by day at each context window."""
    rows = ["| context window (days) | thread ARI | NMI | B-cubed F1 | kept whole | threads / gold | seconds |", "|---|---|---|---|---|---|---|"]
    for days in WINDOWS:
        run = cut_dump(path, "day", scratch, days)
        mark = " (default)" if days == threads.CONTEXT_DAYS else ""
        rows.append(f"| {days}{mark} | {scores(run.truth, run.found)} | {run.seconds:.1f} |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    """Score threads on every dump and window; print the tables and write them."""
    write = wants_write(__doc__ or "")
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        dumps = {
            "DUC 2003": DUC,
            "DUC half A": duc_half(scratch, 0),
            "DUC half B": duc_half(scratch, 1),
            "DUC copies": copies_dump(scratch),
            "MultiLing 2011": multiling_dump(scratch),
        }
        main_rows = main_table(dumps, scratch)
        windows = window_table(DUC, scratch)
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.threads`: each dump cut and linked period by period, as `batch --period day` "
        f"(or `week`) does; every article scored by its thread against its gold story. Context window {threads.CONTEXT_DAYS} days."
    )
    sections = [("", main_rows), ("Context window (DUC 2003 by day)", windows)]
    publish(RESULTS, "Threads of `summarizer batch`", intro, sections, write)


if __name__ == "__main__":
    main()
