"""What a vector that depends on its sentence alone costs: one sentence a forward pass against batches, one run.

    python -m benchmarks.batching [--dump ../shared/data/dump_duc2003.jsonl] [--sentences 1500] [--no-write]

On the seeds' sentences and on the first distinct sentences of the dump:
sentence-transformers' default fp32 ``encode`` (the baseline), our encoder
with batches of 64 sentences of one token count (the default before
determinism was made independent of batch-mates), and our default (one
sentence a forward pass on the CPU). Seconds, the ratio to the baseline and
to batches of 64, and, for our default, how many vectors differ in any bit
when the same sentences are embedded on 1 and 2 threads and in reverse
order (must be 0). Writes benchmarks/results/batching.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "data" / "dump_duc2003.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "batching.md"


def sentences_of(texts: Sequence[str]) -> list[str]:
    """The distinct candidate sentences of some article texts, in order."""
    from summarizer.text.split import segment_article
    from summarizer.types import Article

    found = [s.text for number, text in enumerate(texts) for s in segment_article(Article(id=number, text=text))[0]]
    return list(dict.fromkeys(found))


def timed(work: Callable[[], np.ndarray]) -> tuple[float, np.ndarray]:
    """Seconds and result of one call."""
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def rows_differing(a: np.ndarray, b: np.ndarray) -> int:
    """How many rows differ in any bit."""
    return int((a != b).any(axis=1).sum())


def measure(name: str, texts: list[str]) -> list[str]:
    """The table rows of one set of sentences."""
    from sentence_transformers import SentenceTransformer

    from summarizer.embed.embedder import Embedder
    from summarizer.embed.models import resolve_model

    baseline_model = SentenceTransformer(str(resolve_model(None).path), device="cpu", local_files_only=True)
    ours, batched = Embedder(), Embedder(batch_size=64)
    for model in (ours, batched):
        model.encode(texts[:4])  # load and warm
    baseline_model.encode(texts[:4])
    base_s, _ = timed(lambda: baseline_model.encode(texts, convert_to_numpy=True))
    batched_s, batched_vectors = timed(lambda: batched.encode(texts))
    ours_s, ours_vectors = timed(lambda: ours.encode(texts))
    one_thread = Embedder(threads=1).encode(texts)
    reversed_order = ours.encode(texts[::-1])[::-1]
    differ = rows_differing(ours_vectors, one_thread) + rows_differing(ours_vectors, reversed_order)
    cosine = float((ours_vectors * batched_vectors).sum(axis=1).min())
    return [
        f"| {name} | {len(texts)} | sentence-transformers fp32 `encode` (baseline) | {base_s:.2f} | 1.00 | | |",
        f"| {name} | {len(texts)} | ours, batches of 64 of one token count | {batched_s:.2f} | {base_s / batched_s:.2f} | 1.00 | |",
        f"| {name} | {len(texts)} | **ours, one sentence a pass (default)** | {ours_s:.2f} | {base_s / ours_s:.2f} | {batched_s / ours_s:.2f} "
        f"| {differ} (cosine to batched ≥ {cosine:.6f}) |",
    ]


def main() -> None:
    """Print the table, and write it unless --no-write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=DUMP)
    parser.add_argument("--sentences", type=int, default=1500)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    seeds = sentences_of([p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))])
    records = [json.loads(line) for line in args.dump.read_text(encoding="utf-8").splitlines() if line.strip()]
    dump = sentences_of([r["text"] for r in records])[: args.sentences]
    from summarizer.embed.hardware import cpu_info

    lines = [
        "| input | sentences | path | seconds | speed vs baseline | speed vs batches of 64 | vectors that differ on 1 vs 2 threads or reversed order |",
        "|---|---|---|---|---|---|---|",
        *measure("seeds", seeds),
        *measure(args.dump.name, dump),
    ]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    header = [
        "# One sentence a forward pass: the cost of vectors that depend on their sentence alone",
        "",
        f"`python -m benchmarks.batching` at {commit}, {datetime.date.today()}, on {cpu_info().get('model name', 'an unknown CPU')} "
        f"({len(os.sched_getaffinity(0))} cores); speed ratios above 1 are faster than the compared path, all from one run.",
        "",
    ]
    text = "\n".join(header + lines) + "\n"
    sys.stdout.write(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
