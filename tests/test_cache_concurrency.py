"""The embedding cache shared by several processes that open a fresh file at the same moment."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from summarizer.embed.cache import EmbeddingCache, while_locked

PROCESSES = 6
ROUNDS = 20


def fill(folder: str, worker: int) -> int:
    """Open the shared cache, write and read back vectors; the count read back."""
    cache = EmbeddingCache(Path(folder))
    seen = 0
    for round_ in range(5):
        keys = [f"{worker}-{round_}-{n}".encode().ljust(32, b"\0") for n in range(40)]
        cache.get(keys)
        cache.put({key: key * 48 for key in keys})
        seen += len(cache.get(keys))
    cache.close()
    return seen


def test_workers_opening_a_fresh_cache_together_never_see_it_locked(tmp_path: Path) -> None:
    # One run in about forty hit "database is locked" before WAL setup was retried.
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        for round_ in range(ROUNDS):
            folder = tmp_path / f"cache-{round_}"
            counts = pool.starmap(fill, [(str(folder), worker) for worker in range(PROCESSES)])
            assert counts == [200] * PROCESSES
            assert sqlite3.connect(folder / "embeddings.sqlite3").execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == 200 * PROCESSES


def test_a_lock_is_waited_out_and_other_errors_pass_through() -> None:
    calls = []

    def locked_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert while_locked(locked_twice) == "done" and len(calls) == 3
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        while_locked(lambda: (_ for _ in ()).throw(sqlite3.OperationalError("no such table: x")))
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        while_locked(lambda: (_ for _ in ()).throw(sqlite3.OperationalError("database is locked")), wait=0.05)
