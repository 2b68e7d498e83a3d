"""The same input and options give the same bytes, whatever the threads, workers, engine or cache.

Every CLI run here starts from an empty embedding cache of its own (the cache
is on, so a vector written by one worker and read by another is exercised),
and the outputs are compared byte for byte.
"""

from __future__ import annotations

import ctypes
import glob
import os
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import run_cli
from tests.helpers.dumps import fresh_env, seed_records, tree, write_dump

SAME_LENGTH = [  # six sentences of one token count, so a batching embedder would put them together
    "Rebels seized the northern city on Monday.",
    "Voters chose a new parliament on Sunday.",
    "Storms flooded the coastal towns last week.",
    "Shares fell sharply in early trading today.",
    "Police arrested two men after the raid.",
    "The minister resigned over the housing plan.",
]


def openmp_library() -> ctypes.CDLL:
    """The OpenMP runtime torch runs on (libgomp in the CPU wheels), to read a thread's own setting."""
    import torch

    found = sorted(glob.glob(os.path.join(os.path.dirname(torch.__file__), "lib", "libgomp*")))
    if not found:
        pytest.skip("torch here does not ship libgomp")
    return ctypes.CDLL(found[0])


def test_every_batch_runs_on_one_openmp_thread_whatever_thread_runs_it() -> None:
    """A new thread starts with OpenMP's default team size; each embedding thread must set one for itself."""
    import torch

    from summarizer.embed.bert import run_batches

    gomp = openmp_library()
    before = torch.get_num_threads()
    torch.set_num_threads(2)  # what the caller may have; new threads would otherwise start from the machine default
    try:
        seen: list[int] = []
        run_batches(lambda batch: seen.append(gomp.omp_get_max_threads()), [[0], [1], [2], [3]], 2, torch)
        run_batches(lambda batch: seen.append(gomp.omp_get_max_threads()), [[0], [1]], 1, torch)
    finally:
        torch.set_num_threads(before)
    assert seen == [1] * 6


@pytest.mark.slow
def test_a_vector_depends_on_its_sentence_alone() -> None:
    """Sentences of one token count, embedded alone, together, in another order, on 1 or 2 threads: the same bits."""
    from summarizer.embed.embedder import Embedder

    for backend in ("native", "sentence-transformers"):
        alone = np.stack([Embedder(backend=backend, threads=1).encode([text])[0] for text in SAME_LENGTH])
        for threads in (1, 2):
            embedder = Embedder(backend=backend, threads=threads)
            assert np.array_equal(embedder.encode(SAME_LENGTH), alone), (backend, threads)
            assert np.array_equal(embedder.encode(SAME_LENGTH[::-1])[::-1], alone), (backend, threads)
            assert np.array_equal(embedder.encode([*SAME_LENGTH[2:4], "Another sentence of a different length, longer."])[:2], alone[2:4])


@pytest.mark.slow
@pytest.mark.parametrize("budget", [[], ["--max-words", "100"]], ids=["automatic", "exact-under-a-budget"])
def test_brief_gives_the_same_bytes_on_one_or_two_threads(tmp_path: Path, seeds: Path, budget: list[str]) -> None:
    outputs = {}
    for threads in ("1", "2"):
        target = tmp_path / f"brief-{threads}.json"
        env = fresh_env(tmp_path, f"brief-{threads}", OMP_NUM_THREADS=threads)
        done = run_cli("brief", str(seeds), *budget, "-o", str(target), env=env)
        assert done.returncode == 0, done.stderr
        outputs[threads] = target.read_bytes()
    assert outputs["1"] == outputs["2"]


BATCH_RUNS = {
    "inline-1-thread": ["-w", "1", "--threads", "1"],
    "inline-2-threads": ["-w", "1", "--threads", "2"],
    "pool-2-workers": ["-w", "2", "--threads", "1", "--chunk", "1"],
    "pool-2-workers-again": ["-w", "2", "--threads", "1", "--chunk", "1"],
}


@pytest.mark.slow
def test_batch_gives_the_same_bytes_on_any_threads_and_workers(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "dump.jsonl", seed_records())
    trees = {}
    for name, options in BATCH_RUNS.items():
        out = tmp_path / name
        done = run_cli("batch", str(dump), "-o", str(out), "-q", *options, env=fresh_env(tmp_path, name))
        assert done.returncode == 0, done.stderr
        trees[name] = tree(out)
    reference = trees.pop("inline-1-thread")
    assert reference and all(files == reference for files in trees.values()), [name for name, files in trees.items() if files != reference]


@pytest.mark.slow
def test_ray_gives_the_same_bytes_as_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    dump = write_dump(tmp_path / "dump.jsonl", seed_records())
    trees = {}
    for name, options in {"local": ["-w", "1"], "ray": ["--engine", "ray", "-w", "2", "--chunk", "2"]}.items():
        out = tmp_path / name
        done = run_cli("batch", str(dump), "-o", str(out), "-q", *options, env=fresh_env(tmp_path, name))
        assert done.returncode == 0, done.stderr
        trees[name] = tree(out)
    assert trees["local"] == trees["ray"]


def test_a_full_fixed_shape_batch_gives_each_sentence_the_bits_it_has_alone() -> None:
    """More sentences of one token count than one forward pass holds: full batches, a filled-up last one, batch-mates
    that differ from run to run (reversed, interleaved with others), on 1 and 2 threads, both backends."""
    from summarizer.embed.bert import FIXED_SHAPES, rows_per_pass
    from summarizer.embed.embedder import CPU_BATCH_SIZE, Embedder

    assert CPU_BATCH_SIZE == FIXED_SHAPES
    words = ["harbour", "river", "market", "school", "bridge", "station", "garden", "library", "stadium", "museum", "hospital", "airport"]
    texts = [f"The {a} near the {b} stays closed today." for a in words for b in words if a != b]
    lengths = {len(ids) for ids in embedder_lengths(texts)}
    assert len(lengths) == 1 and len(texts) > 2 * rows_per_pass(lengths.pop())  # at least two full passes and a partial one
    for backend in ("native", "sentence-transformers"):
        alone = np.stack([Embedder(backend=backend, threads=1).encode([text])[0] for text in texts[:5]])
        for threads in (1, 2):
            together = Embedder(backend=backend, threads=threads).encode(texts[::-1])[::-1]
            assert np.array_equal(together[:5], alone), (backend, threads)
        mixed = Embedder(backend=backend, threads=2).encode([texts[0], *SAME_LENGTH, texts[1], *texts[100:]])
        assert np.array_equal(mixed[[0, len(SAME_LENGTH) + 1]], alone[:2]), backend


def embedder_lengths(texts: list[str]) -> list[list[int]]:
    """The token ids the default model gives each text (to check the test's sentences share one length)."""
    from tokenizers import Tokenizer

    from summarizer.embed.models import resolve_model

    tokenizer = Tokenizer.from_file(str(resolve_model(None).path / "tokenizer.json"))
    tokenizer.no_padding()
    return [encoding.ids for encoding in tokenizer.encode_batch(texts)]
