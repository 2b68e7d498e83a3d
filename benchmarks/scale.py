"""How `summarizer batch` scales: wall time and peak memory for growing dumps.

    python -m benchmarks.scale [--sizes 300,1000,3000,10000] [--workers N] [--periods day,all]
    python -m benchmarks.scale --one-day 10000,30000,100000 [--workers N]

``--one-day`` runs the large single periods of ``benchmarks/scale_data.py``
(rewrites and wire copies of the development stories, all on one day, with
gold stories): each size once with ``--period all``, with an empty embedding
cache of its own (the inputs reuse the pool's sentences, so most of them are
embedded once: the row measures everything but repeated embedding; the
``--sizes`` rows price embedding with the cache off). It adds the stories'
ARI against the gold stories, and the ARI of the all-pairs reference up to
30,000 articles, and writes benchmarks/results/scale.md's second table.

Dumps are built by resampling the development dumps (../shared/data: the DUC
2003 dump and the Multi-News sample's documents): each copy of the pool is
shifted by the pool's span in days and its ids made unique, so a bigger dump
has more days, as a longer stretch of real news would. Each dump is briefed
twice: by day (``--period day``, many small periods) and as one period
(``--period all``, the hardest case for story clustering: every article
against every other). Every run is a cold process with the embedding cache
off (copies would otherwise be free). Peak memory is the largest sum of
resident memory over the process and its workers, sampled from /proc every
0.1 s (Linux). Writes the table to benchmarks/results/scale.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "scale.md"
ONE_DAY = "## One period of 10,000 to 100,000 articles"


def pool() -> list[dict[str, str]]:
    """Dated articles of the development sets: the DUC dump, then the Multi-News documents spread over its days."""
    duc = [json.loads(line) for line in (DATA / "dump_duc2003.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    days = sorted({row["date"] for row in duc})
    articles = [{k: v for k, v in row.items() if k != "story"} for row in duc]
    for number, line in enumerate((DATA / "multinews_validation_sample250.jsonl").read_text(encoding="utf-8").splitlines()):
        cluster = json.loads(line)
        for index, document in enumerate(cluster["documents"]):
            text = document["text"] if isinstance(document, dict) else document
            if text.strip():
                articles.append({"id": f"mn-{cluster['id']}-{index}", "date": days[number % len(days)], "source": "Multi-News", "text": text})
    return articles


def resample(articles: list[dict[str, str]], size: int) -> list[dict[str, str]]:
    """``size`` articles: copies of the pool, each shifted by the pool's span in days, ids made unique."""
    dates = sorted(dt.date.fromisoformat(a["date"]) for a in articles)
    span = (dates[-1] - dates[0]).days + 1
    out: list[dict[str, str]] = []
    copy = 0
    while len(out) < size:
        for article in articles[: size - len(out)]:
            day = dt.date.fromisoformat(article["date"]) + dt.timedelta(days=copy * span)
            out.append(dict(article, id=f"{article['id']}~{copy}", date=day.isoformat()))
        copy += 1
    return out


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(dump: Path, outdir: Path, workers: int, period: str, cache: Path | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS and the summary line of one cold batch run (embedding cache off, or in ``cache``)."""
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(outdir), "-q", "--workers", str(workers)]
    command += ["--period", period] + ([] if cache else ["--no-cache"])
    environment = dict(os.environ, SUMMARIZER_CACHE_DIR=str(cache)) if cache else None
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode:
        raise SystemExit(f"batch failed: {err.strip().splitlines()[-1] if err.strip() else process.returncode}")
    return seconds, peak, out.strip()


def found_stories(outdir: Path) -> dict[str, int]:
    """The story of every article in a ``--period all`` output, by its id."""
    index = json.loads((outdir / "all" / "index.json").read_text(encoding="utf-8"))
    return {ref: number for number, story in enumerate(index["stories"]) for ref in story["articles"]}


def reference_ari(dump: Path, gold: dict[str, str]) -> float:
    """ARI of the all-pairs reference clustering of the dump (one period)."""
    from sklearn.metrics import adjusted_rand_score

    from summarizer.batch.dump import read_dumps
    from summarizer.batch.stories.cut import exact_story_labels

    articles = read_dumps([str(dump)]).articles
    return float(adjusted_rand_score([gold[a.ref] for a in articles], exact_story_labels(articles)))


def one_day_rows(sizes: list[int], workers: int, scratch: Path) -> list[str]:
    """One row per size: a single period of that many articles, with story ARI."""
    from sklearn.metrics import adjusted_rand_score

    from benchmarks.scale_data import write

    rows, base = [], None
    for size in sizes:
        dump, gold_file = scratch / f"day-{size}.jsonl", scratch / f"gold-{size}.json"
        distinct = write(size, dump, gold_file)
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        outdir = scratch / f"out-day-{size}"
        seconds, peak, _ = measure(dump, outdir, workers, "all", cache=scratch / f"cache-{size}")
        found = found_stories(outdir)
        ari = adjusted_rand_score([gold[ref] for ref in gold], [found[ref] for ref in gold])
        reference = f"{reference_ari(dump, gold):.3f}" if size <= 30_000 else "—"
        per_thousand = 1000 * seconds / size
        base = base or per_thousand
        timing = (f"{seconds:.0f}", f"{per_thousand:.1f}", f"{per_thousand / base:.2f}", f"{peak / 2**20:,.0f}")
        cells = (f"{size:,}", f"{distinct:,}", f"{max(found.values()) + 1:,}", f"{ari:.3f}", reference, *timing)
        rows.append("| " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
        shutil.rmtree(outdir, ignore_errors=True)
    return rows


def write_one_day(rows: list[str], sizes: str, workers: int) -> None:
    """Replace (or add) the one-period table of scale.md, keeping the rest."""
    from benchmarks.quality import commit

    header = (
        "| articles | distinct sentences | stories found | ARI | all-pairs ARI | wall s | s per 1,000 articles | vs smallest | peak memory MB |\n"
        "|---|---|---|---|---|---|---|---|---|"
    )
    command = f"python -m benchmarks.scale --one-day {sizes} --workers {workers}"
    stamp = f"Commit `{commit()}`, {dt.date.today().isoformat()}; `{command}`; 2 cores, no GPU, an empty embedding cache per run."
    section = f"{ONE_DAY}\n\n{stamp}\n\n{header}\n" + "\n".join(rows) + "\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Scale of `summarizer batch`\n"
    if ONE_DAY in text:
        start = text.index(ONE_DAY)
        rest = text[start + len(ONE_DAY) :]
        end = rest.find("\n## ")
        text = text[:start] + section + (rest[end:] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300,1000,3000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--periods", default="day,all", help="the --period values to run, in order")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    parser.add_argument("--one-day", help="comma-separated sizes of single-period dumps (benchmarks/scale_data.py)")
    args = parser.parse_args()
    if args.one_day:
        with tempfile.TemporaryDirectory() as scratch:
            rows = one_day_rows([int(s) for s in args.one_day.split(",")], args.workers, Path(scratch))
        if not args.no_write:
            write_one_day(rows, args.one_day, args.workers)
        return
    articles = pool()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for period in args.periods.split(","):
            base = None
            for size in (int(s) for s in args.sizes.split(",")):
                dump = Path(scratch) / f"dump-{size}.jsonl"
                if not dump.exists():
                    dump.write_text("".join(json.dumps(a) + "\n" for a in resample(articles, size)), encoding="utf-8")
                seconds, peak, line = measure(dump, Path(scratch) / f"out-{period}-{size}", args.workers, period)
                per_thousand = 1000 * seconds / size
                base = base or per_thousand
                stories = line.split(" stories")[0].rsplit(" ", 1)[-1]
                periods = line.split("batch: ")[1].split(" ")[0]
                cells = (period, f"{size:,}", periods, stories, f"{seconds:.1f}", f"{per_thousand:.1f}", f"{per_thousand / base:.2f}", f"{peak / 2**20:,.0f}")
                rows.append("| " + " | ".join(cells) + " |")
                print(rows[-1], flush=True)
    header = "| --period | articles | periods | stories | wall s | s per 1,000 articles | vs smallest | peak memory MB |\n|---|---|---|---|---|---|---|---|"
    table = header + "\n" + "\n".join(rows) + "\n"
    print(table)
    if not args.no_write:
        from benchmarks.quality import commit

        command = f"python -m benchmarks.scale --sizes {args.sizes} --workers {args.workers} --periods {args.periods}"
        stamp = f"Commit `{commit()}`, {dt.date.today().isoformat()}; `{command}`; 2 cores, no GPU, embedding cache off."
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        kept = "\n" + previous[previous.index(ONE_DAY) :] if ONE_DAY in previous else ""  # the --one-day table stays
        RESULTS.write_text(f"# Scale of `summarizer batch`\n\n{stamp}\n\n{table}{kept}", encoding="utf-8")


if __name__ == "__main__":
    main()
