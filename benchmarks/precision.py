"""Does the default precision change quality? `ours` on the development sets, fp32 against the default, one run.

    python -m benchmarks.precision [--limit N]

Runs `summarizer bench --systems ours` with `--precision fp32` and with the
default (`auto`: bf16 on CPUs with native bf16 units), cache off, on DUC 2003
(preset duc) and the Multi-News sample (preset multinews), and prints R-1/R-2
and the R-2 difference. Data is read from ../shared/data.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from benchmarks.quality import DATA, ROOT

SETS = [("DUC 2003", DATA / "duc2003_task2.jsonl", "duc"), ("Multi-News sample", DATA / "multinews_validation_sample250.jsonl", "multinews")]


def ours(path: Path, preset: str, precision: str, limit: int | None) -> tuple[float, float]:
    """R-1 and R-2 of `ours` in one bench run."""
    command = [sys.executable, "-m", "summarizer", "bench", str(path), "--preset", preset, "--systems", "ours", "--quiet", "--no-cache"]
    command += ["--precision", precision] + (["--limit", str(limit)] if limit else [])
    table = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    row = next(line for line in table.splitlines() if line.startswith("| ours "))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    return float(cells[1]), float(cells[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    print("| set | fp32 R-1 / R-2 | default R-1 / R-2 | R-2 change |\n|---|---|---|---|")
    for name, path, preset in SETS:
        if not path.is_file():
            print(f"skipped {name}: {path} is absent", file=sys.stderr)
            continue
        r1_32, r2_32 = ours(path, preset, "fp32", args.limit)
        r1, r2 = ours(path, preset, "auto", args.limit)
        print(f"| {name} | {r1_32:.2f} / {r2_32:.2f} | {r1:.2f} / {r2:.2f} | {r2 - r2_32:+.2f} |", flush=True)


if __name__ == "__main__":
    main()
