"""Sentence embeddings (Sentence-BERT, Reimers & Gurevych, EMNLP 2019) from a local model, offline.

BERT mean-pooling models (the default all-MiniLM-L6-v2 among them) run through
the lean encoder in ``bert.py``, which never imports transformers or
sentence-transformers; any other model runs through sentence-transformers.
torch is imported only when the first sentence is embedded (or, for the
device, where a GPU may exist), so --help, input errors and briefings served
from the cache stay fast.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from summarizer.embed.hardware import resolve_device, resolve_precision, torch_dtype
from summarizer.embed.models import ModelSpec, resolve_model
from summarizer.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

CPU_BATCH_SIZE = 0  # bert.FIXED_SHAPES (not imported here: bert imports numpy): one batch shape per token count, so a vector is a function of its own tokens
GPU_BATCH_SIZE = 64  # on a GPU, sentences of one token count are batched together (nothing is padded)
VECTOR_REVISION = 4  # bumped whenever the same model and text could give other bits (2: unpadded batches; 3: one sentence a pass on CPUs; 4: fixed shapes)


class Encoder(Protocol):
    """What the pipeline needs of an embedder: a model name and unit vectors for sentences."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def offline_environment() -> None:
    """Forbid any download from a model hub: weights come from local folders only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


@lru_cache(maxsize=1)
def default_threads() -> int:
    """The threads torch would use on its own (the cores it sees), read before anything changes it."""
    import torch

    return int(torch.get_num_threads())


@lru_cache(maxsize=4)
def load_native(spec: ModelSpec, device: str, precision: str) -> Any:
    """Load the lean BERT encoder once per process."""
    offline_environment()
    from summarizer.embed.bert import BertEncoder

    return BertEncoder(spec.path, device=device, dtype=torch_dtype(precision))


@lru_cache(maxsize=4)
def load_model(spec: ModelSpec, device: str, precision: str) -> Any:
    """Load a sentence-transformers model once per process."""
    offline_environment()
    from sentence_transformers import SentenceTransformer

    try:
        model = SentenceTransformer(str(spec.path), device=device, local_files_only=True)
    except (OSError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        raise ModelError(f"cannot load model {spec.name!r} from {spec.path}: {first_line}") from None
    return model.to(torch_dtype(precision))


BACKENDS = ("auto", "native", "sentence-transformers")


def choose_backend(spec: ModelSpec, backend: str) -> str:
    """``native`` for BERT mean-pooling models (no transformers import), else sentence-transformers."""
    from summarizer.embed.bert import is_supported

    if backend not in BACKENDS:
        raise ModelError(f"unknown embedding backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "native" and not is_supported(spec.path):
        raise ModelError(f"model {spec.name!r} is not a BERT mean-pooling model: use --backend sentence-transformers")
    if backend == "auto":
        return "native" if is_supported(spec.path) else "sentence-transformers"
    return backend


class Embedder:
    """Embeds sentences as unit-length float32 vectors with one local model."""

    def __init__(
        self,
        model: str | None = None,
        device: str = "auto",
        batch_size: int | None = None,
        backend: str = "auto",
        threads: int | None = None,
        precision: str = "auto",
    ) -> None:
        self.spec = resolve_model(model)
        self.device = resolve_device(device)  # imports torch only where a GPU may exist
        self.batch_size = batch_size if batch_size is not None else (GPU_BATCH_SIZE if self.device == "cuda" else CPU_BATCH_SIZE)
        self.backend = choose_backend(self.spec, backend)
        self.threads = threads
        self.precision = resolve_precision(precision, self.device)

    @property
    def name(self) -> str:
        """The model's name, as recorded in a briefing's provenance."""
        return self.spec.name

    @property
    def identity(self) -> str:
        """What a cached vector depends on: the model's name and folder, how it is run, and how we batch."""
        return f"{self.spec.name}|{self.spec.path}|{self.backend}|{self.device}|{self.precision}|b{self.batch_size}|r{VECTOR_REVISION}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised row per text (an empty input gives a 0-row matrix); repeated texts are embedded once."""
        import numpy as np

        unique = list(dict.fromkeys(texts))
        if 0 < len(unique) < len(texts):
            rows = self.encode(unique)
            position = {text: index for index, text in enumerate(unique)}
            return rows[[position[text] for text in texts]]
        if not texts:
            return np.zeros((0, self.spec.dimension or 1), dtype=np.float32)
        import torch

        cores = self.threads or default_threads()
        workers = cores if self.device != "cuda" else 1  # CPU: whole batches side by side, one intra-op thread each
        before = torch.get_num_threads()
        try:
            if self.backend == "native":
                vectors = load_native(self.spec, self.device, self.precision).encode(texts, self.batch_size, workers)
                return np.asarray(vectors, dtype=np.float32)
            vectors = self.encode_with_sentence_transformers(texts, workers)
        finally:
            torch.set_num_threads(before)  # the caller's setting, as it was
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)  # in fp32, whatever the model ran in
        return vectors / np.where(norms > 0, norms, 1.0)

    def encode_with_sentence_transformers(self, texts: Sequence[str], workers: int) -> np.ndarray:
        """Raw vectors from sentence-transformers, batched by token count and threaded as the native encoder does.

        The tokenizer runs in this thread only (fast tokenizers are not safe
        to share between threads); the forward passes run on ``workers``
        threads, one intra-op thread each.
        """
        import numpy as np
        import torch

        from summarizer.embed.bert import FIXED_SHAPES, fixed_shape_batches, padded, rows_per_pass, run_batches, same_length_batches

        model = load_model(self.spec, self.device, self.precision)
        lengths = [len(ids) for ids in model.tokenizer(list(texts), truncation=True, max_length=model.max_seq_length)["input_ids"]]
        dimension_of = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # renamed in sentence-transformers 5
        out = np.zeros((len(texts), dimension_of() or 1), dtype=np.float32)
        prepare = getattr(model, "preprocess", None) or model.tokenize  # tokenize was renamed in sentence-transformers 6
        fixed = self.batch_size == FIXED_SHAPES
        batches = fixed_shape_batches(lengths) if fixed else same_length_batches(lengths, self.batch_size)
        jobs = [(batch, prepare([texts[i] for i in (padded(batch, rows_per_pass(lengths[batch[0]])) if fixed else batch)])) for batch in batches]

        def embed(job: tuple[list[int], Any]) -> None:
            batch, features = job
            moved = {key: value.to(model.device) if hasattr(value, "to") else value for key, value in features.items()}
            with torch.inference_mode():
                out[batch] = model(moved)["sentence_embedding"].float().cpu().numpy()[: len(batch)]

        run_batches(embed, jobs, workers, torch)
        return out
