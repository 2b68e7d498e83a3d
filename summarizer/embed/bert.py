"""A lean BERT sentence encoder (Devlin et al., NAACL 2019) for sentence-transformers folders.

It computes exactly what sentence-transformers computes for a BERT model with
mean pooling (and optional normalisation), from the same files: tokenizer.json
through the `tokenizers` library, weights through `safetensors`, the forward
pass in torch. It skips importing transformers and sentence-transformers,
which costs seconds before the first sentence is embedded. A test checks that
both give the same vectors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

Batch = TypeVar("Batch")


def is_supported(path: Path) -> bool:
    """True for a BERT model whose sentence-transformers modules are Transformer, mean Pooling, Normalize."""
    try:
        config = json.loads((path / "config.json").read_text())
        modules = json.loads((path / "modules.json").read_text())
    except (OSError, json.JSONDecodeError):
        return False
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if config.get("model_type") != "bert" or kinds[:2] != ["Transformer", "Pooling"] or set(kinds[2:]) - {"Normalize"}:
        return False
    pooling = json.loads((path / modules[1]["path"] / "config.json").read_text())
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens")
    )
    has_files = (path / "tokenizer.json").is_file() and (path / "model.safetensors").is_file()
    return bool(mean_only and has_files)


def max_length(path: Path) -> int:
    """The sequence length sentence-transformers truncates to."""
    try:
        return int(json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 512


class BertEncoder:
    """Mean-pooled BERT embeddings, batch by batch, sentences sorted by length."""

    def __init__(self, path: Path, device: str = "cpu", dtype: Any = None) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        self.torch = torch
        self.config = json.loads((path / "config.json").read_text())
        modules = json.loads((path / "modules.json").read_text())
        self.normalize = any(m.get("type", "").endswith("Normalize") for m in modules)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_length(path))
        self.tokenizer.no_padding()
        self.device = device
        self.dtype = dtype or torch.float32
        weights = load_file(str(path / "model.safetensors"), device=device)
        self.weights = fuse_qkv({k.removeprefix("bert."): v.to(self.dtype) for k, v in weights.items() if v.is_floating_point()}, torch)

    def layer_norm(self, x: Any, name: str) -> Any:
        """LayerNorm with the checkpoint's weight and bias."""
        w = self.weights
        return self.torch.nn.functional.layer_norm(x, x.shape[-1:], w[f"{name}.weight"], w[f"{name}.bias"], self.config["layer_norm_eps"])

    def linear(self, x: Any, name: str) -> Any:
        """A dense layer of the checkpoint."""
        return self.torch.nn.functional.linear(x, self.weights[f"{name}.weight"], self.weights[f"{name}.bias"])

    def embed_tokens(self, ids: Any) -> Any:
        """Word + position + token-type embeddings, normalised."""
        w = self.weights
        positions = self.torch.arange(ids.shape[1], device=ids.device)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][positions]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        return self.layer_norm(x, "embeddings.LayerNorm")

    def attention(self, x: Any, prefix: str) -> Any:
        """Multi-head self-attention: one fused query-key-value product, then scaled dot-product attention."""
        batch, length, hidden = x.shape
        heads = self.config["num_attention_heads"]
        qkv = self.linear(x, f"{prefix}.attention.self.qkv").view(batch, length, 3, heads, hidden // heads)
        q, k, v = qkv.permute(2, 0, 3, 1, 4).unbind(0)
        out = self.torch.nn.functional.scaled_dot_product_attention(q, k, v)
        out = out.transpose(1, 2).reshape(batch, length, hidden)
        return self.layer_norm(self.linear(out, f"{prefix}.attention.output.dense") + x, f"{prefix}.attention.output.LayerNorm")

    def layer(self, x: Any, index: int) -> Any:
        """One transformer block: attention, then the GELU feed-forward."""
        prefix = f"encoder.layer.{index}"
        x = self.attention(x, prefix)
        hidden = self.torch.nn.functional.gelu(self.linear(x, f"{prefix}.intermediate.dense"))
        return self.layer_norm(self.linear(hidden, f"{prefix}.output.dense") + x, f"{prefix}.output.LayerNorm")

    def forward(self, ids: Any) -> Any:
        """Mean-pooled (and optionally normalised) sentence vectors of one batch of equal-length token ids."""
        x = self.embed_tokens(ids)
        for index in range(self.config["num_hidden_layers"]):
            x = self.layer(x, index)
        pooled = x.float().mean(1)
        return self.torch.nn.functional.normalize(pooled, dim=-1) if self.normalize else pooled

    def encode(self, texts: Sequence[str], batch_size: int = 64, workers: int = 1) -> np.ndarray:
        """One vector per text, in input order.

        Texts are batched only with texts of the same token count, so no
        sentence is padded with pad tokens. With ``batch_size`` ``FIXED_SHAPES``
        (the embedder's choice on CPUs) every forward pass over sentences of
        ``n`` tokens has the one shape ``rows_per_pass(n)`` x ``n``, a short
        batch filled up by repeating a sentence: the kernels, their blocking
        and their summation order are then the same for a sentence whatever
        its batch-mates, so its vector is a function of its tokens alone
        (``tests/test_determinism.py`` checks it bit for bit). With ``workers`` above 1, that many
        threads each run whole batches, one intra-op thread each (torch
        releases the GIL): on two cores this is faster than splitting every
        matrix product across both.
        """
        encodings = self.tokenizer.encode_batch(list(texts))
        out = np.zeros((len(texts), self.config["hidden_size"]), dtype=np.float32)
        lengths = [len(e.ids) for e in encodings]
        batches = fixed_shape_batches(lengths) if batch_size == FIXED_SHAPES else same_length_batches(lengths, batch_size)

        def embed(chunk: list[int]) -> None:
            rows = padded(chunk, rows_per_pass(lengths[chunk[0]])) if batch_size == FIXED_SHAPES else chunk
            ids = self.torch.from_numpy(np.array([encodings[i].ids for i in rows], dtype=np.int64)).to(self.device)
            with self.torch.inference_mode():
                out[chunk] = self.forward(ids).cpu().numpy()[: len(chunk)]

        run_batches(embed, batches, workers, self.torch)
        return out


FIXED_SHAPES = 0  # the batch size that asks for fixed-shape batches (``fixed_shape_batches``)
TOKENS_PER_PASS = 128  # chosen with benchmarks/batching.py; see rows_per_pass
MAX_ROWS = 32


def run_batches(embed: Callable[[Batch], None], batches: Sequence[Batch], workers: int, torch: Any) -> None:
    """Run ``embed`` on every batch: in this thread, or on ``workers`` threads, each batch on one intra-op thread.

    OpenMP keeps its thread count per thread: a new thread starts with the
    machine's default, whatever ``torch.set_num_threads`` said in the thread
    that made it, and oneDNN then splits a batch's products across threads,
    which changes how their sums round (seen on Intel AMX). So every pool
    thread sets one intra-op thread for itself before its first batch.
    """
    if workers <= 1 or len(batches) <= 1:
        torch.set_num_threads(1)
        for batch in batches:
            embed(batch)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers, initializer=torch.set_num_threads, initargs=(1,)) as pool:
        list(pool.map(embed, batches))


def fuse_qkv(weights: dict[str, Any], torch: Any) -> dict[str, Any]:
    """Each layer's query, key and value projections stacked into one ``qkv`` projection (one matrix product, not three)."""
    fused = dict(weights)
    layers = sorted({k.split(".attention.self.")[0] for k in weights if ".attention.self." in k})
    for layer in layers:
        for part in ("weight", "bias"):
            names = [f"{layer}.attention.self.{n}.{part}" for n in ("query", "key", "value")]
            fused[f"{layer}.attention.self.qkv.{part}"] = torch.cat([fused.pop(name) for name in names], dim=0).contiguous()
    return fused


def rows_per_pass(length: int) -> int:
    """How many sentences of ``length`` tokens one CPU forward pass holds: about ``TOKENS_PER_PASS`` tokens, at most
    ``MAX_ROWS`` sentences. A function of the token count alone, so every pass over sentences of one length has one shape."""
    return max(1, min(MAX_ROWS, TOKENS_PER_PASS // max(length, 1)))


def fixed_shape_batches(lengths: Sequence[int]) -> list[list[int]]:
    """Positions grouped by token count (shortest first, input order within), cut into batches of ``rows_per_pass``
    of that count; a short last batch is filled up to that shape by ``padded`` when it runs."""
    groups: dict[int, list[int]] = {}
    for position, length in enumerate(lengths):
        groups.setdefault(length, []).append(position)
    return [
        group[start : start + rows_per_pass(length)]
        for length in sorted(groups)
        for group in [groups[length]]
        for start in range(0, len(group), rows_per_pass(length))
    ]


def padded(batch: Sequence[int], rows: int) -> list[int]:
    """The batch filled up to ``rows`` by repeating its first sentence: the spare rows are computed and dropped."""
    return [*batch, *[batch[0]] * (rows - len(batch))]


def same_length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Positions grouped by length (shortest first, input order within), cut into batches of ``batch_size``."""
    groups: dict[int, list[int]] = {}
    for position, length in enumerate(lengths):
        groups.setdefault(length, []).append(position)
    return [group[start : start + batch_size] for length in sorted(groups) for group in [groups[length]] for start in range(0, len(group), batch_size)]
