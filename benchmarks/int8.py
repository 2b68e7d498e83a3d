"""Is int8 good enough on CPUs without native bf16? Dynamic int8 quantisation against fp32, speed and cosine.

    python -m benchmarks.int8 [--sentences 1000]

On the first distinct sentences of two development dumps: sentence-transformers
fp32 ``encode`` and the same model with its linear layers quantised to int8
(torch's dynamic quantisation, the standard CPU path), one run each, in this
process. Prints the speed ratio and the cosine of each int8 vector to its fp32
vector; issue 27 accepts int8 only if the cosine stays at or above 0.995.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np

from benchmarks.batching import sentences_of

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUMPS = ("dump_duc2003.jsonl", "dump_gva_dev.jsonl")
THRESHOLD = 0.995


def main() -> None:
    """Print the table."""
    import torch
    from sentence_transformers import SentenceTransformer

    from summarizer.embed.hardware import cpu_info
    from summarizer.embed.models import resolve_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--sentences", type=int, default=1000)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=UserWarning)  # torch's deprecation notes on its own quantisation API
    path = str(resolve_model(None).path)
    fp32 = SentenceTransformer(path, device="cpu", local_files_only=True)
    int8 = torch.ao.quantization.quantize_dynamic(SentenceTransformer(path, device="cpu", local_files_only=True), {torch.nn.Linear}, dtype=torch.qint8)
    print(f"{cpu_info().get('model name', 'an unknown CPU')}; torch {torch.__version__}\n")
    print("| dump | sentences | int8 speed vs fp32 | min cosine | 1st percentile | median | share at or above 0.995 |")
    print("|---|---|---|---|---|---|---|")
    for name in DUMPS:
        records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = sentences_of([record["text"] for record in records])[: args.sentences]
        fp32.encode(texts[:8])
        int8.encode(texts[:8])
        started = time.perf_counter()
        exact = fp32.encode(texts, normalize_embeddings=True)
        fp32_seconds = time.perf_counter() - started
        started = time.perf_counter()
        quantised = int8.encode(texts, normalize_embeddings=True)
        int8_seconds = time.perf_counter() - started
        cosine = (exact * quantised).sum(axis=1)
        print(
            f"| {name} | {len(texts)} | {fp32_seconds / int8_seconds:.2f} | {cosine.min():.4f} | {np.percentile(cosine, 1):.4f} "
            f"| {np.median(cosine):.4f} | {(cosine >= THRESHOLD).mean():.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
