"""Speed, from ONE run on the same sentences: embedding paths, end-to-end briefs, stage shares, and sumy's LexRank.

    python -m benchmarks.speed [--dump ../shared/data/dump_duc2003.jsonl] [--no-write]

1. Embedding: the distinct sentences of the dump's articles (our embedder
   embeds a repeated sentence once, so every path gets each sentence once),
   embedded by sentence-transformers' default fp32 ``encode`` (the baseline)
   and by the other paths; sentences per second, the ratio to the baseline,
   and the minimum cosine to the baseline's vectors. Models are loaded and
   warmed first.
2. End to end, cold processes (imports and model load included), cache off:
   ``summarizer --help`` and ``summarizer brief seeds/`` (best of 3), and
   ``summarizer brief`` on the whole dump as one input (one run); wall time
   and peak memory (the process tree's RSS, sampled every 20 ms). The dump is
   compared with the baseline's encode of all its sentences, repeats included,
   at the rate measured in 1.
3. The share of each pipeline stage on the dump, in this process.
4. sumy's LexRank on the same sentences (the peer), 100 words.
Writes benchmarks/results/speed.md with the command, the commit and the date.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from benchmarks.scale import tree_rss

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "data" / "dump_duc2003.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "speed.md"


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    """The fastest of ``runs`` timings, and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def embedding_paths() -> dict[str, Callable[[Sequence[str]], np.ndarray] | None]:
    """Every embedding path measured, by name (the baseline first)."""
    import torch
    from sentence_transformers import SentenceTransformer

    from summarizer.embed.embedder import Embedder
    from summarizer.embed.models import resolve_model

    path = str(resolve_model(None).path)
    cores = torch.get_num_threads()  # before any of our code runs
    st32 = SentenceTransformer(path, device="cpu", local_files_only=True)
    from summarizer.embed.hardware import BF16_CPU_FLAGS, cpu_flags

    native_bf16 = bool(cpu_flags() & BF16_CPU_FLAGS)  # emulated bf16 runs at a few dozen sentences a second: not worth minutes
    st16 = SentenceTransformer(path, device="cpu", local_files_only=True).to(torch.bfloat16) if native_bf16 else None
    st8 = torch.ao.quantization.quantize_dynamic(SentenceTransformer(path, device="cpu", local_files_only=True), {torch.nn.Linear}, dtype=torch.qint8)

    def st(model: object) -> Callable[[Sequence[str]], np.ndarray]:
        return lambda texts: np.asarray(model.encode(list(texts), normalize_embeddings=True, convert_to_tensor=True).float().numpy())  # type: ignore[attr-defined]

    ours = Embedder()

    def one_batch_at_a_time(texts: Sequence[str]) -> np.ndarray:
        from summarizer.embed.embedder import load_native

        before = torch.get_num_threads()
        torch.set_num_threads(cores)
        try:
            return np.asarray(load_native(ours.spec, ours.device, ours.precision).encode(texts, ours.batch_size, workers=1))
        finally:
            torch.set_num_threads(before)

    paths = {
        "sentence-transformers fp32 `encode` (baseline)": st(st32),
        "sentence-transformers bf16 weights": st(st16) if st16 is not None else None,
        "sentence-transformers int8 dynamic quantisation": st(st8),
        f"ours: lean encoder, fp32, fixed-shape batches, {cores} at a time": Embedder(precision="fp32", backend="native").encode,
        f"ours: {ours.precision}, one batch at a time on {cores} torch threads": one_batch_at_a_time,
        f"**ours: default** ({ours.backend}, {ours.precision}, {cores} batches at a time, 1 torch thread each)": ours.encode,
        "ours: default on one torch thread (not pinned to a core)": lambda texts: Embedder(threads=1).encode(texts),
    }
    return {name: encode for name, encode in paths.items() if encode is not None} | {name: None for name, encode in paths.items() if encode is None}


def embedding_table(texts: Sequence[str]) -> tuple[list[str], float]:
    """Rows of the embedding table and the baseline's seconds."""
    rows, baseline, reference = [], 0.0, None
    for name, encode in embedding_paths().items():
        if encode is None:
            rows.append(f"| {name} | not run: this CPU has no native bf16 (emulated, it is many times slower than fp32) | | |")
            continue
        encode(texts[:64])  # warm up
        seconds, vectors = best_of(1, lambda encode=encode: encode(texts))  # type: ignore[misc]
        vectors = np.asarray(vectors)
        if reference is None:
            reference, baseline = vectors, seconds
        cosine = float((vectors * reference).sum(axis=1).min())
        rows.append(f"| {name} | {len(texts) / seconds:,.0f} | {baseline / seconds:.2f}× | {cosine:.5f} |")
        print(rows[-1], flush=True)
    return rows, baseline


def machine() -> str:
    """The CPU, its cores, its native bf16 units, the GPU (if any) and torch's version, as one line."""
    import torch

    from summarizer.embed.hardware import BF16_CPU_FLAGS, cpu_flags, cpu_info

    model = cpu_info().get("model name", "unknown CPU")
    bf16 = ", ".join(sorted(cpu_flags() & BF16_CPU_FLAGS)) or "none"
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return f"Machine: {model}, {os.cpu_count()} cores; native bf16 units: {bf16}; {gpu}; torch {torch.__version__}."


def cold(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes) of a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read() if process.stderr else ''}")
    return seconds, peak


def stage_shares(articles: Sequence[object]) -> list[str]:
    """Seconds and share of each pipeline stage on the articles, in this process (model warm)."""
    from summarizer.embed.embedder import Embedder
    from summarizer.options import Options
    from summarizer.pipeline import run
    from summarizer.render import render
    from summarizer.stopwatch import Stopwatch

    clock = Stopwatch()
    embedder = Embedder()
    embedder.encode(["warm up"])
    briefing = run(list(articles), Options(), embedder, clock=clock)  # type: ignore[arg-type]
    with clock.stage("render"):
        render(briefing, "json")
    total = sum(clock.seconds.values())
    return [f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |" for name, seconds in clock.seconds.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", type=Path, default=DUMP)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from summarizer.bench import sumy_systems
    from summarizer.ingest.readers import read_inputs
    from summarizer.pipeline import split_all

    articles = list(read_inputs([str(args.dump)]).articles)
    sentences, _ = split_all(articles)
    texts = [s.text for s in sentences]
    distinct = list(dict.fromkeys(texts))
    print(f"{len(articles)} articles, {len(texts)} sentences, {len(distinct)} distinct", flush=True)
    embed_rows, baseline_distinct = embedding_table(distinct)
    baseline = baseline_distinct * len(texts) / len(distinct)  # the baseline's encode of every sentence, at its rate
    python = [sys.executable, "-m", "summarizer"]
    help_s, _ = min(cold([*python, "--help"]) for _ in range(3))
    seeds_s, seeds_peak = min(cold([*python, "brief", "seeds/", "--no-cache"]) for _ in range(3))
    dump_s, dump_peak = cold([*python, "brief", str(args.dump), "--no-cache", "-f", "json"])
    sumy_s, _ = best_of(1, lambda: sumy_systems.lexrank(sentences, 100))
    shares = stage_shares(articles)
    tables = [
        f"{len(articles)} articles, {len(texts):,} sentences, {len(distinct):,} distinct (`{args.dump.name}`).",
        "",
        machine(),
        "",
        "## Embedding the same distinct sentences",
        "",
        "| path | sentences/s | vs baseline | min cosine to baseline |",
        "|---|---|---|---|",
        *embed_rows,
        "",
        "## End to end (cold process, imports and model load included, cache off; best of 3 except the dump)",
        "",
        "| command | wall s | peak memory MB | against |",
        "|---|---|---|---|",
        f"| `summarizer --help` | {help_s:.2f} | | target ≤ 0.3 s |",
        f"| `summarizer brief seeds/` | {seeds_s:.2f} | {seeds_peak / 2**20:,.0f} | target ≤ 3 s |",
        f"| `summarizer brief {args.dump.name}` (one briefing) | {dump_s:.1f} | {dump_peak / 2**20:,.0f} | "
        f"{dump_s / baseline:.2f}× the baseline's encode alone ({baseline:.1f} s for all {len(texts):,} sentences at its rate; target ≤ 0.5×); "
        f"{sumy_s / dump_s:.1f}× faster than sumy LexRank (target ≥ 10×) |",
        f"| sumy LexRank on the same sentences, in process | {sumy_s:.1f} | | the peer |",
        "",
        "## Share of each stage (the dump, one process, model loaded)",
        "",
        "| stage | s | share |",
        "|---|---|---|",
        *shares,
    ]
    text = "\n".join(tables) + "\n"
    print(text)
    if not args.no_write:
        from benchmarks.quality import commit

        stamp = f"Commit `{commit()}`, {datetime.date.today().isoformat()}; `python -m benchmarks.speed`."
        RESULTS.write_text(f"# Speed\n\n{stamp}\n\n{text}", encoding="utf-8")


if __name__ == "__main__":
    main()
