"""How `summarizer batch` scales: wall time and peak memory for growing dumps.

    python -m benchmarks.scale [--sizes 300,1000,3000,10000] [--workers N] [--periods day,all]

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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "scale.md"


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


def measure(dump: Path, outdir: Path, workers: int, period: str) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS and the summary line of one cold batch run."""
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(outdir), "--no-cache", "-q", "--workers", str(workers)]
    command += ["--period", period]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode:
        raise SystemExit(f"batch failed: {err.strip().splitlines()[-1] if err.strip() else process.returncode}")
    return seconds, peak, out.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300,1000,3000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--periods", default="day,all", help="the --period values to run, in order")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
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
        RESULTS.write_text(f"# Scale of `summarizer batch`\n\n{stamp}\n\n{table}", encoding="utf-8")


if __name__ == "__main__":
    main()
