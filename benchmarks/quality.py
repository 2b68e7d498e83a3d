"""Quality tables: every system and ablation on the development sets and the shipped MultiLing set.

    python -m benchmarks.quality [--limit N] [--out benchmarks/results/quality.md]

Runs the bench library (what `summarizer bench` runs) with the literature's preset for each set, prints the
tables, and writes them with the command, the commit and the date. DUC 2003 and
the Multi-News sample are read from ../shared/data (skipped when absent).
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.bench.session import BenchRun

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SYSTEMS = "ours,ours-greedy,ours-no-topics,ours-no-fold,ours-no-redundancy,lead,lead-rr,lexrank,textrank,centroid,random,oracle"
SETS = [
    ("DUC 2003 task 2 (development)", DATA / "duc2003_task2.jsonl", "duc"),
    ("Multi-News validation sample (development)", DATA / "multinews_validation_sample250.jsonl", "multinews"),
    ("MultiLing 2011 English (shipped, not tuned on)", ROOT / "benchmarks" / "data" / "multiling2011_en.jsonl", "multiling"),
]


def commit() -> str:
    """The current commit, marked dirty when the tree has changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT).stdout
    return head + ("-dirty" if dirty.strip() else "")


PAIRED = ("ours-greedy", "ours-no-topics", "lead-rr", "centroid")  # each compared with ours on the same clusters


def shown(command: list[str]) -> str:
    """A command as a reader would type it, with the data's path relative to the project."""
    return " ".join(command).replace(str(ROOT) + "/", "").replace(str(DATA), "../shared/data")


def bench(path: Path, preset: str, limit: int | None) -> tuple[str, BenchRun]:
    """The `summarizer bench` command this run is, and the run (the bench library, called here, as the CLI calls it)."""
    from summarizer.bench.session import BenchRequest, run_bench

    command = ["summarizer", "bench", str(path), "--preset", preset, "--systems", SYSTEMS, "--quiet", "--no-cache"]
    command += ["--limit", str(limit)] if limit else []
    return shown(command), run_bench(BenchRequest(dataset=path, systems=tuple(SYSTEMS.split(",")), preset=preset, limit=limit, cache=False))


def paired_table(run: BenchRun) -> str:
    """ours against its ablation and the strongest baselines, on the same clusters: R-2 difference with a paired bootstrap 95% CI."""
    from summarizer.bench.report import difference_text, summarise

    rows = ["| ours − | R-2 difference [95% CI] |", "|---|---|"]
    for other in PAIRED:
        ours = next(row for row in summarise(run.results, other, run.config.seed) if row.system == "ours")
        rows.append(f"| {other} | {difference_text(ours, other)} |")
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "quality.md")
    args = parser.parse_args()
    lines = ["# Quality", "", f"Commit `{commit()}`, {datetime.date.today().isoformat()}; `python -m benchmarks.quality`.", ""]
    lines += ["R-1/R-2/R-L in percent (rouge-score); the R-2 difference to sumy's LexRank with a paired bootstrap 95% CI (seed 0).", ""]
    for title, path, preset in SETS:
        if not path.is_file():
            print(f"skipped {title}: {path} is absent", file=sys.stderr)
            continue
        from summarizer.bench.report import markdown_table

        command, run = bench(path, preset, args.limit)
        table, paired = markdown_table(run.rows, run.reference), paired_table(run)
        print(f"## {title}\n\n{table}\n{paired}", flush=True)
        lines += [f"## {title}", "", f"`{command}`", "", table.rstrip(), ""]
        lines += ["Paired on the same clusters (the same summaries' scores, compared with `--reference-system`):", ""]
        lines += [paired.rstrip(), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
