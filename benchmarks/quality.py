"""Quality tables: every system and ablation on the development sets and the shipped MultiLing set.

    python -m benchmarks.quality [--limit N] [--out benchmarks/results/quality.md]

Runs `summarizer bench` with the literature's preset for each set, prints the
tables, and writes them with the command, the commit and the date. DUC 2003 and
the Multi-News sample are read from ../shared/data (skipped when absent).
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path

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


def bench(path: Path, preset: str, limit: int | None) -> tuple[str, str]:
    """The command and the table `summarizer bench` prints for one set."""
    command = [sys.executable, "-m", "summarizer", "bench", str(path), "--preset", preset, "--systems", SYSTEMS, "--quiet", "--no-cache"]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    shown = " ".join(["summarizer", *command[3:]]).replace(str(ROOT) + "/", "").replace(str(DATA), "../shared/data")
    return shown, done.stdout


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
        command, table = bench(path, preset, args.limit)
        print(f"## {title}\n\n{table}", flush=True)
        lines += [f"## {title}", "", f"`{command}`", "", table.rstrip(), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
