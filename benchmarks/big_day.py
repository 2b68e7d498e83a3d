"""A big day of distinct news through `summarizer batch --period day`: time, memory, sentences a second, stage shares.

    python -m benchmarks.big_day [--sizes 2000,5000,10000] [--profile 5000] [--workers 2] [--no-write]

Issue 27 asks for a day of 100,000 *distinct* articles (at least 1.5 million
distinct sentences), so that the embedding cache cannot reuse a sentence.
Each size is a one-day dump of ``benchmarks/scale_data.py --distinct``: the
development stories (DUC 2003, Multi-News, MultiLing and the Gun Violence
Archive pool) rewritten and wire-copied, every sentence edited to be unlike
any before it. Each run is a cold ``batch --period day`` process with an
empty embedding cache of its own (on, as a newsroom runs it). Peak memory is
the largest resident sum of the process tree (``benchmarks.scale.tree_rss``).

The ``--profile`` size is run once more under py-spy (sampling every process,
idle threads left out), and its CPU samples are sorted into stages by the
frames they are in (``STAGES``): the share of each stage. Driver stages
(reading, story cutting, writing) run on one core; the rest runs on the
workers. The two-node projection keeps the driver's seconds and halves the
workers' (Amdahl's law), an upper bound on what a second node can give.

Sizes past what fits a session are projected linearly per distinct sentence
(the `--sizes` rows say how linear it is). Writes benchmarks/results/big_day.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.scale import measure
from benchmarks.scale_data import write

RESULTS = Path(__file__).resolve().parent / "results" / "big_day.md"
TARGET_ARTICLES = 100_000
TARGET_SENTENCES = 1_500_000
STAGES = (  # (stage, a frame that marks it); the first match from this list wins
    ("embedding", "(summarizer/embed/"),
    ("start-up (imports)", "_find_and_load"),
    ("reading and splitting", "read_dumps"),
    ("reading and splitting", "split_all"),
    ("story cutting", "cut_periods"),
    ("writing", "write_period"),
    ("writing", "write_top"),
    ("briefing (all but embedding)", "(summarizer/pipeline.py"),
    ("briefing (all but embedding)", "(summarizer/batch/work.py"),
)
DRIVER_STAGES = ("reading and splitting", "story cutting", "writing")


def stage_of(stack: str) -> str:
    """The stage a sampled stack belongs to."""
    for stage, marker in STAGES:
        if marker in stack:
            return stage
    return "other (engine, waiting on results, interpreter)"


def profile(dump: Path, outdir: Path, workers: int, cache: Path) -> Counter[str]:
    """CPU samples per stage of one batch run under py-spy (all processes, idle threads left out)."""
    samples = outdir.with_suffix(".spy.txt")
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(outdir), "-q", "--workers", str(workers), "--period", "day"]
    spy = ["py-spy", "record", "--subprocesses", "--rate", "20", "--format", "raw", "-o", str(samples), "--"]
    subprocess.run(spy + command, check=True, capture_output=True, env={**os.environ, "SUMMARIZER_CACHE_DIR": str(cache)})
    counts: Counter[str] = Counter()
    for line in samples.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if count.isdigit():
            counts[stage_of(stack)] += int(count)
    return counts


def timed_rows(sizes: list[int], workers: int, scratch: Path) -> list[tuple[int, int, float, int]]:
    """(articles, distinct sentences, wall seconds, peak bytes) per size, printed as they come."""
    rows = []
    for size in sizes:
        dump = scratch / f"day-{size}.jsonl"
        distinct = write(size, dump, distinct=True)
        seconds, peak, _ = measure(dump, scratch / f"out-{size}", workers, "day", cache=scratch / f"cache-{size}")
        rows.append((size, distinct, seconds, peak))
        rate = distinct / seconds
        print(f"{size:,} articles, {distinct:,} distinct sentences: {seconds:.0f} s, {rate:.0f} sentences/s, peak {peak / 2**20:,.0f} MB", flush=True)
        shutil.rmtree(scratch / f"out-{size}", ignore_errors=True)
        shutil.rmtree(scratch / f"cache-{size}", ignore_errors=True)
    return rows


def size_table(rows: list[tuple[int, int, float, int]]) -> str:
    """The measured sizes, with seconds per 1,000 distinct sentences against the smallest."""
    lines = ["| articles | distinct sentences | wall s | sentences/s | s per 1,000 sentences | vs smallest | peak memory MB |", "|---|---|---|---|---|---|---|"]
    base = rows[0][2] / rows[0][1]
    for size, distinct, seconds, peak in rows:
        per = seconds / distinct
        lines.append(f"| {size:,} | {distinct:,} | {seconds:.0f} | {distinct / seconds:.0f} | {1000 * per:.2f} | {per / base:.2f} | {peak / 2**20:,.0f} |")
    return "\n".join(lines)


def projection(rows: list[tuple[int, int, float, int]], shares: Counter[str]) -> str:
    """The 100,000-article day projected from the largest measured size: one node, and two by Amdahl's law."""
    size, distinct, seconds, _ = rows[-1]
    per_sentence = seconds / distinct
    per_article_sentences = distinct / size
    sentences = max(TARGET_SENTENCES, round(per_article_sentences * TARGET_ARTICLES))
    one_node = per_sentence * sentences
    total = sum(shares.values()) or 1
    driver = sum(shares[s] for s in DRIVER_STAGES) / total
    two_nodes = one_node * driver + one_node * (1 - driver) / 2
    return "\n".join(
        [
            "| day | distinct sentences | wall, one 2-core node | vs the 60-minute target | wall, two 2-core Ray nodes (projected) |",
            "|---|---|---|---|---|",
            f"| {TARGET_ARTICLES:,} articles (projected from {size:,}) | {sentences:,} | {one_node / 60:.0f} min | {one_node / 3600:.1f}×"
            f" | {two_nodes / 60:.0f} min |",
        ]
    )


def share_table(shares: Counter[str]) -> str:
    """CPU samples per stage, largest first."""
    total = sum(shares.values()) or 1
    lines = ["| stage | share of CPU samples | runs on |", "|---|---|---|"]
    for stage, count in shares.most_common():
        lines.append(f"| {stage} | {count / total:.0%} | {'the driver' if stage in DRIVER_STAGES else 'workers (and the driver at start)'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,5000,10000")
    parser.add_argument("--profile", type=int, default=5000, help="the size to run again under py-spy for stage shares (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shares: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        rows = timed_rows(sizes, args.workers, scratch)
        if args.profile:
            dump = scratch / f"day-{args.profile}.jsonl"
            write(args.profile, dump, distinct=True)
            shares = profile(dump, scratch / "profiled", args.workers, scratch / "profiled-cache")
    tables = [size_table(rows), share_table(shares), projection(rows, shares)]
    print("\n\n".join(tables))
    if not args.no_write:
        from benchmarks.report import commit, write_results

        command = f"python -m benchmarks.big_day --sizes {args.sizes} --profile {args.profile} --workers {args.workers}"
        stamp = f"Commit `{commit()}`, {dt.date.today().isoformat()}; `{command}`; {cpu_name()}, 2 cores, no GPU, an empty embedding cache per run."
        write_results(RESULTS, f"# A big day of distinct news\n\n{stamp}\n\n" + "\n\n".join(tables) + "\n")


def cpu_name() -> str:
    """The CPU's model name and whether it has native bf16."""
    from summarizer.embed.hardware import BF16_CPU_FLAGS, cpu_flags, cpu_info

    native = sorted(cpu_flags() & BF16_CPU_FLAGS)
    return f"{cpu_info().get('model name', 'unknown CPU')} ({', '.join(native) if native else 'no native bf16: fp32'})"


if __name__ == "__main__":
    main()
