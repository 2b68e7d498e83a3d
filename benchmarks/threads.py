"""Threads against gold stories, each dated dump read by day as ``summarizer batch --period day`` reads it, leaving it out of the model.

    python -m benchmarks.threads [--no-write]

Runs ``batch``'s own planning and cutting (``job.plan``, ``link.cut_periods``,
period after period into a scratch folder, so later periods read the kept
articles of earlier ones from disk): no embedding model is needed, since
stories and threads come from the articles' words and dates. Every article
then has a thread, scored against its gold story over the whole dump:

- thread ARI and NMI; B-cubed F1;
- the share of gold stories kept in one thread, and threads found;
- the ARI of each period's stories against gold within the period (the mean
  over periods of two or more articles, weighted by articles);
- the no-linking baseline (every period's story a thread of its own), and
  the whole dump as one period (``--period all``).

Each development dump is scored with the story model fitted without it
(``benchmarks/results/story_models``, written by ``benchmarks.story_model
--write``): DUC 2003, and one year of the Gun Violence Archive pool (GVA
2014: 384 articles on 299 incidents). A busier year (2016: 2,515 articles) cut with the model
fitted without GVA joins incidents wholesale, and average linkage then merges
one cluster at a time, round after round: it did not finish in a session. The mix puts
DUC 2003 and a slice of GVA (its articles of as many days as DUC spans,
moved onto DUC's days) into one dump, and each dump's own articles are
scored in the mix and alone, with the model fitted without that dump. The
port strike (``tests/data/port_strike``, eight invented articles on one
story over four days) uses the shipped model. Writes
benchmarks/results/threads.md, keeping its hand-written ``## Reading``.
"""

from __future__ import annotations

import dataclasses
import datetime
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.report import commit, publish, wants_write
from benchmarks.stories import DUC, bcubed_f1, gold_stories, records, using_model, write_dump
from benchmarks.story_model import GVA, held_out_path
from summarizer.batch.dump import read_dumps
from summarizer.batch.job import BatchSettings, plan
from summarizer.batch.stories.cut import story_labels
from summarizer.batch.threads import follow as threads
from summarizer.batch.threads import link
from summarizer.dates import with_dates
from summarizer.options import Options

RESULTS = Path(__file__).resolve().parent / "results" / "threads.md"
GVA_YEAR = "2014"
STRIKE = Path(__file__).resolve().parents[1] / "tests" / "data" / "port_strike" / "port_strike.jsonl"


@dataclasses.dataclass(frozen=True)
class Run:
    """One dump by one period kind: the gold story and thread of every article, the period ARIs, seconds."""

    truth: list[str]
    found: list[str]
    alone: list[str]
    period_ari: float
    seconds: float
    refs: list[str]


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
    truth, found, alone, scores, weights, refs = [], [], [], [], [], []
    for task in tasks:
        labels = np.zeros(len(task.articles), dtype=np.int64)
        for number, story in enumerate(task.stories):
            for position in story:
                labels[position] = number
                truth.append(gold[task.articles[position].ref])
                refs.append(task.articles[position].ref)
                found.append(task.threads[number] if task.threads else f"{task.key}-{number}")
                alone.append(f"{task.key}-{number}")
        if len(task.articles) > 1:
            scores.append(adjusted_rand_score([gold[a.ref] for a in task.articles], labels))
            weights.append(len(task.articles))
    return Run(truth, found, alone, float(np.average(scores, weights=weights)) if scores else 1.0, seconds, refs)


def mixed_dump(folder: Path) -> tuple[Path, Path, set[str], set[str]]:
    """DUC 2003 and a slice of GVA on the same days: the mix, the GVA slice alone, and each dump's article ids."""
    duc = records(DUC)
    days = sorted({row["date"] for row in duc})
    first, last = datetime.date.fromisoformat(days[0]), datetime.date.fromisoformat(days[-1])
    gva = records(GVA)
    start = datetime.date.fromisoformat(sorted(row["date"] for row in gva)[len(gva) // 2])  # the middle of the pool
    shift = first - start
    chosen = []
    for row in gva:
        day = datetime.date.fromisoformat(row["date"])
        if start <= day <= start + (last - first):
            chosen.append(dict(row, date=(day + shift).isoformat()))
    alone = write_dump(chosen, folder / "dump_gva_slice.jsonl")
    mix = write_dump(sorted([*duc, *chosen], key=lambda row: (row["date"], str(row["id"]))), folder / "dump_mixed.jsonl")
    return mix, alone, {str(row["id"]) for row in duc}, {str(row["id"]) for row in chosen}


def gva_year(folder: Path, year: str = GVA_YEAR) -> Path:
    """The GVA articles of one year (2014: 384 articles on 299 incidents): a year of local news, read day by day."""
    return write_dump([row for row in records(GVA) if str(row["date"]).startswith(year)], folder / f"dump_gva_{year}.jsonl")


def restricted(run: Run, refs: Sequence[str], wanted: set[str]) -> tuple[list[str], list[str]]:
    """The gold stories and threads of the articles of one dump within a run."""
    kept = [i for i, ref in enumerate(refs) if ref in wanted]
    return [run.truth[i] for i in kept], [run.found[i] for i in kept]


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


HEADER = [
    "| dump | model | periods | method | ARI | NMI | B-cubed F1 | gold stories kept whole | threads or stories / gold | story ARI within a day | seconds |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def dump_rows(name: str, path: Path, model: Path | None, scratch: Path) -> list[str]:
    """A dump by day (linked, and the no-linking baseline) and as one period, with ``model``."""
    label = f"without {model.stem.removeprefix('without_')}" if model is not None else "shipped"
    with using_model(model):
        run = cut_dump(path, "day", scratch)
        truth, labels = whole_dump(path)
    rows = [
        f"| {name} | {label} | day | linked threads | {scores(run.truth, run.found)} | {run.period_ari:.3f} | {run.seconds:.1f} |",
        f"| {name} | {label} | day | no linking (baseline) | {scores(run.truth, run.alone)} | {run.period_ari:.3f} | |",
        f"| {name} | {label} | all | `--period all` | {scores(truth, labels)} | | |",
    ]
    print("\n".join(rows), flush=True)
    return rows


def mixed_rows(scratch: Path) -> list[str]:
    """DUC 2003 and the GVA slice by day, each alone and mixed onto the same days, each with the model fitted without it."""
    mix, gva_slice, duc_ids, gva_ids = mixed_dump(scratch)
    rows = []
    for name, path, ids, held in (("DUC 2003", DUC, duc_ids, "DUC 2003"), ("GVA slice", gva_slice, gva_ids, "GVA")):
        with using_model(held_out_path([held])):
            mixed = cut_dump(mix, "day", scratch)
            alone = cut_dump(path, "day", scratch)
        truth, found = restricted(mixed, mixed.refs, ids)
        label = f"without {held}"
        rows.append(f"| {name} | {label} | day | alone | {scores(alone.truth, alone.found)} | {alone.period_ari:.3f} | {alone.seconds:.1f} |")
        rows.append(f"| {name} | {label} | day | mixed with the other | {scores(truth, found)} | | {mixed.seconds:.1f} |")
        print("\n".join(rows[-2:]), flush=True)
    return rows


def main() -> None:
    """Score threads on every dump; print the tables and write them."""
    write = wants_write(__doc__ or "")
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        rows = list(HEADER)
        for name, path, held in (("DUC 2003", DUC, "DUC 2003"), (f"GVA {GVA_YEAR}", gva_year(scratch), "GVA")):
            rows += dump_rows(name, path, held_out_path([held]), scratch)
        rows += dump_rows("port strike", STRIKE, None, scratch)
        mixed = HEADER + mixed_rows(scratch)
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.threads`: each dump cut and linked day by day, as `batch --period day` does, "
        f"with the story model fitted without it; every article scored by its thread against its gold story. Context window {threads.CONTEXT_DAYS} days."
    )
    sections = [("Each dump left out of the model", rows), ("Mixed onto the same days", mixed)]
    publish(RESULTS, "Threads of `summarizer batch`", intro, sections, write)


if __name__ == "__main__":
    main()
