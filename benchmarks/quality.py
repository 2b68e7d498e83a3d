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
import tempfile
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


PAIRED = ("ours-greedy", "ours-no-topics", "lead-rr", "centroid")  # each compared with ours on the same clusters


def shown(command: list[str]) -> str:
    """A command as a reader would type it, with the data's path relative to the project."""
    return " ".join(["summarizer", *command[3:]]).replace(str(ROOT) + "/", "").replace(str(DATA), "../shared/data")


def bench(path: Path, preset: str, limit: int | None, saved: Path) -> tuple[str, str]:
    """The command and the table `summarizer bench` prints for one set (its summaries saved to ``saved``)."""
    command = [sys.executable, "-m", "summarizer", "bench", str(path), "--preset", preset, "--systems", SYSTEMS, "--quiet", "--no-cache"]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run([*command, "--save-outputs", str(saved)], capture_output=True, text=True, cwd=ROOT, check=True)
    return shown(command), done.stdout


def paired_difference(path: Path, preset: str, limit: int | None, saved: Path, other: str) -> str:
    """The row of ``ours`` in a re-scoring of the saved summaries against ``other``: its R-2 difference and CI."""
    command = [sys.executable, "-m", "summarizer", "bench", str(path), "--preset", preset, "--systems", "none", "--outputs", str(saved)]
    command += ["--reference-system", other, "--quiet", "--no-embedding-score"] + (["--limit", str(limit)] if limit else [])
    table = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    header = next(line for line in table.splitlines() if line.startswith("| system"))
    column = [cell.strip() for cell in header.split("|")].index(next(c.strip() for c in header.split("|") if c.strip().startswith("R-2 −")))
    row = next(line for line in table.splitlines() if line.startswith("| ours |"))
    return row.split("|")[column].strip()


def paired_table(path: Path, preset: str, limit: int | None, saved: Path) -> str:
    """ours against its ablation and the strongest baselines: R-2 difference with a paired bootstrap 95% CI."""
    rows = ["| ours − | R-2 difference [95% CI] |", "|---|---|"]
    rows += [f"| {other} | {paired_difference(path, preset, limit, saved, other)} |" for other in PAIRED]
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
        with tempfile.TemporaryDirectory() as folder:
            saved = Path(folder) / "outputs.jsonl"
            command, table = bench(path, preset, args.limit, saved)
            paired = paired_table(path, preset, args.limit, saved)
        print(f"## {title}\n\n{table}\n{paired}", flush=True)
        lines += [f"## {title}", "", f"`{command}`", "", table.rstrip(), ""]
        lines += ["Paired on the same clusters (the saved summaries re-scored with `--reference-system`):", ""]
        lines += [paired.rstrip(), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
