"""The real model: the lean BERT path gives what sentence-transformers gives."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.embed.embedder import Embedder
from summarizer.errors import SummarizerError

TEXTS = [
    "Sir Keir Starmer announced a coalition of the willing to defend a peace deal in Ukraine.",
    "The UK will provide £1.6bn of export finance for more than 5,000 air defence missiles.",
    "Allies agreed there should be no easing of sanctions on Russia.",
    "Short one.",
]


def test_native_and_sentence_transformers_agree(embedder: Embedder) -> None:
    native = Embedder(backend="native", precision="fp32").encode(TEXTS)
    reference = Embedder(backend="sentence-transformers", precision="fp32").encode(TEXTS)
    assert native.shape == reference.shape == (4, 384)
    assert float((native * reference).sum(axis=1).min()) > 0.9999


def test_bf16_stays_within_cosine_0995_of_fp32() -> None:
    fp32 = Embedder(backend="native", precision="fp32").encode(TEXTS)
    for backend in ("native", "sentence-transformers"):
        bf16 = Embedder(backend=backend, precision="bf16").encode(TEXTS)
        assert bf16.dtype == np.float32 and np.allclose(np.linalg.norm(bf16, axis=1), 1.0, atol=1e-3)
        assert float((fp32 * bf16).sum(axis=1).min()) >= 0.995


def test_precision_auto_follows_the_cpu(monkeypatch) -> None:
    from summarizer.embed import hardware

    monkeypatch.setattr(hardware, "cpu_flags", lambda: frozenset({"avx2"}))
    assert Embedder(precision="auto", device="cpu").precision == "fp32"
    monkeypatch.setattr(hardware, "cpu_flags", lambda: frozenset({"avx512f", "amx_bf16"}))
    assert Embedder(precision="auto", device="cpu").precision == "bf16"


def test_vectors_are_unit_length_and_meaningful(embedder: Embedder) -> None:
    vectors = embedder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    paraphrase = embedder.encode(["Allies said sanctions against Russia must not be lifted."])[0]
    similarities = vectors @ paraphrase
    assert similarities.argmax() == 2


def test_empty_input_gives_empty_matrix(embedder: Embedder) -> None:
    assert embedder.encode([]).shape[0] == 0


def test_a_sentence_gets_the_same_bits_whatever_it_is_embedded_with() -> None:
    texts = [
        "Rebels seized the city.",
        "The central bank raised interest rates by a quarter point on Tuesday, citing persistent inflation.",
        "Talks resume in Geneva next week.",
        "Officials said the storm had left thousands of homes without power across the region.",
    ]
    for backend in ("native", "sentence-transformers"):
        embedder = Embedder(backend=backend)
        together = embedder.encode(texts)
        for index, text in enumerate(texts):
            assert np.array_equal(embedder.encode([text])[0], together[index]), (backend, text)
        assert np.array_equal(embedder.encode(texts[::-1])[::-1], together), backend


def test_device_auto_takes_a_gpu_when_torch_sees_one(monkeypatch) -> None:
    import torch

    from summarizer.embed import hardware

    assert hardware.resolve_device("auto") == ("cuda" if torch.cuda.is_available() else "cpu")
    # No GPU here: only the device node and torch's answers are faked.
    monkeypatch.setattr(hardware, "gpu_may_exist", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: False)
    monkeypatch.setattr(hardware, "cpu_flags", lambda: frozenset({"avx512f", "avx512_bf16"}))
    assert hardware.resolve_device("auto") == "cuda"
    assert hardware.resolve_device("cuda") == "cuda"
    assert hardware.resolve_device("cpu") == "cpu"  # an explicit cpu is never overridden, even with a GPU in sight
    assert Embedder(device="cpu").device == "cpu"
    with pytest.raises(SummarizerError, match=r"unknown (--)?device 'gpu'"):
        hardware.resolve_device("gpu")
    on_gpu = Embedder(device="auto")
    assert (on_gpu.device, on_gpu.precision) == ("cuda", "fp32")  # the GPU's bf16 support decides, not the CPU's
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: True)
    monkeypatch.setattr(hardware, "cpu_flags", lambda: frozenset({"avx2"}))
    assert Embedder(device="auto").precision == "bf16"
    assert Embedder(device="cpu").precision == "fp32"
    assert "|cuda|" in on_gpu.identity and "|cpu|" in Embedder(device="cpu").identity  # cached vectors are kept apart


def test_encode_leaves_torch_threads_as_it_found_them(embedder: Embedder) -> None:
    import torch

    before = torch.get_num_threads()
    embedder.encode(["Threads are restored after a batch.", "And after another one, too."])
    assert torch.get_num_threads() == before


def test_unavailable_device_and_unknown_precision_are_one_line_errors(seeds) -> None:
    import torch

    from tests.conftest import run_cli

    if torch.cuda.is_available():
        pytest.skip("a GPU is present: --device cuda is valid here")
    for option in (["--device", "cuda"], ["--precision", "int4"]):
        done = run_cli("brief", str(seeds), "--no-cache", *option)
        assert done.returncode != 0 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
