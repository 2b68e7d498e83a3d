"""Does the default precision change quality? `ours` on the development sets, fp32 against the default, one run.

    python -m benchmarks.precision [--limit N] [--no-write]

Runs `summarizer bench --systems ours` with `--precision fp32` and with the
default (`auto`: bf16 on CPUs with native bf16 units), cache off, on DUC 2003
(preset duc) and the Multi-News sample (preset multinews). Prints R-1/R-2, the
R-2 change and how many clusters got a different summary, and writes
`results/precision.md` with the command, commit and date. Data is read from
../shared/data.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.quality import DATA, ROOT, commit

SETS = [("DUC 2003", DATA / "duc2003_task2.jsonl", "duc"), ("Multi-News sample", DATA / "multinews_validation_sample250.jsonl", "multinews")]
OUT = ROOT / "benchmarks" / "results" / "precision.md"


def ours(path: Path, preset: str, precision: str, limit: int | None, summaries: Path) -> tuple[float, float]:
    """R-1 and R-2 of `ours` in one bench run; every summary is saved to ``summaries``."""
    command = [sys.executable, "-m", "summarizer", "bench", str(path), "--preset", preset, "--systems", "ours", "--quiet", "--no-cache"]
    command += ["--precision", precision, "--save-outputs", str(summaries)] + (["--limit", str(limit)] if limit else [])
    table = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    row = next(line for line in table.splitlines() if line.startswith("| ours "))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    return float(cells[1]), float(cells[2])


def summaries_by_cluster(path: Path) -> dict[str, str]:
    """Cluster id -> summary text, from a bench --save-outputs file."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {str(row["id"]): str(row["summary"]) for row in rows}


def compare(name: str, path: Path, preset: str, limit: int | None, work: Path) -> str:
    """One table row: fp32 and default scores, the R-2 change, and the clusters whose summary changed."""
    scores = {}
    texts = {}
    for precision in ("fp32", "auto"):
        saved = work / f"{preset}-{precision}.jsonl"
        scores[precision] = ours(path, preset, precision, limit, saved)
        texts[precision] = summaries_by_cluster(saved)
    changed = sum(texts["fp32"][cluster] != texts["auto"].get(cluster) for cluster in texts["fp32"])
    (r1_32, r2_32), (r1, r2) = scores["fp32"], scores["auto"]
    return f"| {name} | {r1_32:.2f} / {r2_32:.2f} | {r1:.2f} / {r2:.2f} | {r2 - r2_32:+.2f} | {changed} of {len(texts['fp32'])} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-write", action="store_true", help="print only; do not write results/precision.md")
    args = parser.parse_args()
    rows = ["| set | fp32 R-1 / R-2 | default R-1 / R-2 | R-2 change | clusters whose summary changed |", "|---|---|---|---|---|"]
    print("\n".join(rows), flush=True)
    with tempfile.TemporaryDirectory() as work:
        for name, path, preset in SETS:
            if not path.is_file():
                print(f"skipped {name}: {path} is absent", file=sys.stderr)
                continue
            rows.append(compare(name, path, preset, args.limit, Path(work)))
            print(rows[-1], flush=True)
    if not args.no_write and args.limit is None:
        stamp = f"Commit `{commit()}`, {datetime.date.today().isoformat()}; `python -m benchmarks.precision`."
        about = "`ours` with `--precision fp32` and with the default (bf16 here), cache off."
        OUT.write_text("\n".join(["# Precision and quality", "", stamp, "", about, "", *rows]) + "\n")


if __name__ == "__main__":
    main()
