"""What a vector that depends on its sentence alone costs: fixed-shape batches against one sentence a pass and free batches.

    python -m benchmarks.batching [--dump DUC] [--check GVA] [--sentences 1500] [--tokens 64,128,256,512] [--no-write]

On the seeds' sentences and on the first distinct sentences of two dumps:
sentence-transformers' default fp32 ``encode`` (the baseline), our encoder
with one sentence a forward pass (the default before), with free batches of
64 sentences of one token count (fast, but a vector's bits then depend on its
batch-mates), and with fixed-shape batches (``bert.rows_per_pass``) at each
``TOKENS_PER_PASS`` of the sweep. The constant is chosen on ``--dump`` and
reported on ``--check``, left out. For the default: how many vectors differ in
any bit on 1 and 2 threads and in reverse order (must be 0). A second table
sets the default against the machine's ceiling: the useful floating-point
work of the forward passes (the sentences' own tokens, no padding or spare
rows) a second, against what torch's fp32 matrix product reaches on all cores
for a large product of the model's own shape, measured in the same run. Writes
benchmarks/results/batching.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "data" / "dump_duc2003.jsonl"
CHECK = ROOT.parent / "shared" / "data" / "dump_gva_dev.jsonl"
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


def fixed_shapes(tokens: int) -> Callable[[list[str]], np.ndarray]:
    """Our default encoder with ``TOKENS_PER_PASS`` set to ``tokens`` for the call (the constant being chosen)."""
    from summarizer.embed import bert
    from summarizer.embed.embedder import Embedder

    def encode(texts: list[str]) -> np.ndarray:
        saved = bert.TOKENS_PER_PASS
        bert.TOKENS_PER_PASS = tokens
        try:
            return Embedder().encode(texts)
        finally:
            bert.TOKENS_PER_PASS = saved

    return encode


def useful_flops(texts: Sequence[str]) -> float:
    """Operations a BERT forward pass needs on the sentences' own tokens: per token and layer, 2 per weight of the
    dense layers, and 4 x tokens x hidden for attention's two products."""
    from tokenizers import Tokenizer

    from summarizer.embed.bert import max_length
    from summarizer.embed.models import resolve_model

    path = resolve_model(None).path
    config = json.loads((path / "config.json").read_text())
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_length(path))
    tokenizer.no_padding()
    hidden, inner = config["hidden_size"], config["intermediate_size"]
    dense = 2 * (4 * hidden * hidden + 2 * hidden * inner)
    lengths = [len(e.ids) for e in tokenizer.encode_batch(list(texts))]
    return float(config["num_hidden_layers"] * sum(n * (dense + 4 * n * hidden) for n in lengths))


def gemm_peak() -> float:
    """Operations a second of torch's fp32 matrix product on all cores, for 4,096 tokens through a 384 x 1,536 layer
    (best of three)."""
    import torch

    torch.set_num_threads(len(os.sched_getaffinity(0)))
    tokens, weight = torch.randn(4096, 384), torch.randn(1536, 384)
    torch.nn.functional.linear(tokens, weight)
    best = min(timed(lambda: [torch.nn.functional.linear(tokens, weight) for _ in range(20)])[0] for _ in range(3))  # type: ignore[arg-type,return-value]
    return 20 * 2 * 4096 * 384 * 1536 / best


def measure(name: str, texts: list[str], sweep: Sequence[int]) -> list[str]:
    """The table rows of one set of sentences: the baseline, one sentence a pass, batches of 64, fixed shapes at each
    ``TOKENS_PER_PASS`` of the sweep (the default marked), and whether the default's bits depend on threads or order."""
    from sentence_transformers import SentenceTransformer

    from summarizer.embed.bert import TOKENS_PER_PASS
    from summarizer.embed.embedder import Embedder
    from summarizer.embed.models import resolve_model

    baseline_model = SentenceTransformer(str(resolve_model(None).path), device="cpu", local_files_only=True)
    one_a_pass, batched = Embedder(batch_size=1), Embedder(batch_size=64)
    for model in (one_a_pass, batched):
        model.encode(texts[:4])  # load and warm
    baseline_model.encode(texts[:4])
    base_s, _ = timed(lambda: baseline_model.encode(texts, convert_to_numpy=True))
    single_s, _ = timed(lambda: one_a_pass.encode(texts))
    batched_s, batched_vectors = timed(lambda: batched.encode(texts))
    rows = [
        f"| {name} | {len(texts)} | sentence-transformers fp32 `encode` (baseline) | {base_s:.2f} | 1.00 | | |",
        f"| {name} | {len(texts)} | ours, one sentence a pass (the default before) | {single_s:.2f} | {base_s / single_s:.2f} | 1.00 | |",
        f"| {name} | {len(texts)} | ours, batches of 64 of one token count (bits depend on batch-mates) | {batched_s:.2f} "
        f"| {base_s / batched_s:.2f} | {single_s / batched_s:.2f} | |",
    ]
    for tokens in sweep:
        seconds, vectors = timed(lambda tokens=tokens: fixed_shapes(tokens)(texts))  # type: ignore[misc]
        label = f"ours, fixed shapes of {tokens} tokens a pass"
        check = ""
        if tokens == TOKENS_PER_PASS:
            label = f"**{label} (default)**"
            differ = rows_differing(vectors, Embedder(threads=1).encode(texts)) + rows_differing(vectors, Embedder(threads=2).encode(texts[::-1])[::-1])
            check = f"{differ} (cosine to batched ≥ {float((vectors * batched_vectors).sum(axis=1).min()):.6f})"
        rows.append(f"| {name} | {len(texts)} | {label} | {seconds:.2f} | {base_s / seconds:.2f} | {single_s / seconds:.2f} | {check} |")
        print(rows[-1], file=sys.stderr, flush=True)
        if tokens == TOKENS_PER_PASS:
            CEILING.append((name, useful_flops(texts), seconds, base_s))
    return rows


CEILING: list[tuple[str, float, float, float]] = []  # (input, useful operations, default's seconds, baseline's seconds)


def ceiling_rows(peak: float) -> list[str]:
    """The default's and the baseline's useful operations a second, as shares of the matrix-product peak."""
    rows = [
        "| input | useful GFLOP | default GFLOP/s | baseline GFLOP/s | fp32 matrix-product peak GFLOP/s | default's share of the peak |",
        "|---|---|---|---|---|---|",
    ]
    for name, flops, seconds, base_s in CEILING:
        rows.append(
            f"| {name} | {flops / 1e9:,.0f} | {flops / seconds / 1e9:.0f} | {flops / base_s / 1e9:.0f} | {peak / 1e9:.0f} | {flops / seconds / peak:.0%} |"
        )
    return rows


def main() -> None:
    """Print the table, and write it unless --no-write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=DUMP, help="the development dump the constant is chosen on")
    parser.add_argument("--check", type=Path, default=CHECK, help="the dump left out of the choice, reported on")
    parser.add_argument("--sentences", type=int, default=1500)
    parser.add_argument("--tokens", default="64,128,256,512", help="TOKENS_PER_PASS values to compare")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    sweep = [int(t) for t in args.tokens.split(",")]
    seeds = sentences_of([p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))])
    from summarizer.embed.hardware import cpu_info

    lines = [
        "| input | sentences | path | seconds | speed vs baseline | speed vs one a pass | vectors that differ on 1 vs 2 threads or reversed order |",
        "|---|---|---|---|---|---|---|",
        *measure("seeds", seeds, sweep),
    ]
    for path in (args.dump, args.check):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        lines += measure(path.name, sentences_of([r["text"] for r in records])[: args.sentences], sweep)
    peak = gemm_peak()
    from benchmarks.report import commit, publish

    intro = (
        f"`python -m benchmarks.batching` at {commit()}, {datetime.date.today()}, on {cpu_info().get('model name', 'an unknown CPU')} "
        f"({len(os.sched_getaffinity(0))} cores); speed ratios above 1 are faster than the compared path, all from one run. "
        f"The tokens a pass are chosen on {args.dump.name} and reported on {args.check.name}, left out."
    )
    publish(
        RESULTS,
        "Fixed-shape batches: vectors that depend on their sentence alone, computed in batches",
        intro,
        [("", lines), ("The ceiling: useful work a second against the machine's fp32 matrix product", ceiling_rows(peak))],
        not args.no_write,
    )


if __name__ == "__main__":
    main()
