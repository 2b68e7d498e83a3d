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

BATCH_SIZE = 64
VECTOR_REVISION = 2  # bumped whenever the same model and text could give other bits (2: unpadded batches)


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
        batch_size: int = BATCH_SIZE,
        backend: str = "auto",
        threads: int | None = None,
        precision: str = "auto",
    ) -> None:
        self.spec = resolve_model(model)
        self.device = resolve_device(device)  # imports torch only where a GPU may exist
        self.batch_size = batch_size
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
        return f"{self.spec.name}|{self.spec.path}|{self.backend}|{self.device}|{self.precision}|r{VECTOR_REVISION}"

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
        before = torch.get_num_threads()
        try:
            if self.backend == "native":
                on_cpu = self.device != "cuda"
                if on_cpu:
                    torch.set_num_threads(1)  # the cores run whole batches side by side, one thread each
                vectors = load_native(self.spec, self.device, self.precision).encode(texts, self.batch_size, cores if on_cpu else 1)
                return np.asarray(vectors, dtype=np.float32)
            torch.set_num_threads(cores)
            vectors = self.encode_with_sentence_transformers(texts)
        finally:
            torch.set_num_threads(before)  # the caller's setting, as it was
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)  # in fp32, whatever the model ran in
        return vectors / np.where(norms > 0, norms, 1.0)

    def encode_with_sentence_transformers(self, texts: Sequence[str]) -> np.ndarray:
        """Raw vectors from sentence-transformers, batched by token count as the native encoder does."""
        import numpy as np

        from summarizer.embed.bert import same_length_batches

        model = load_model(self.spec, self.device, self.precision)
        lengths = [len(ids) for ids in model.tokenizer(list(texts), truncation=True, max_length=model.max_seq_length)["input_ids"]]
        dimension_of = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # renamed in sentence-transformers 5
        dimension = dimension_of() or 1
        out = np.zeros((len(texts), dimension), dtype=np.float32)
        for batch in same_length_batches(lengths, self.batch_size):
            tensor = model.encode([texts[i] for i in batch], batch_size=len(batch), convert_to_tensor=True, show_progress_bar=False)
            out[batch] = tensor.float().cpu().numpy()
        return out
