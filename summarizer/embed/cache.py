"""An on-disk embedding cache shared by ``brief``, ``batch`` and ``bench``: SQLite, keyed by model and sentence.

A sentence is embedded once per model, ever: reruns and overlapping dumps read
its vector back. SQLite (WAL mode) lets several worker processes share one
file. The cache holds at most ``max_bytes`` of vectors; past that, the least
recently written entries are dropped first.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from summarizer.errors import CacheWarning

if TYPE_CHECKING:
    import numpy as np

    from summarizer.embed.embedder import Embedder

T = TypeVar("T")
DEFAULT_MAX_BYTES = 2 * 1024**3
CACHE_ENV = "SUMMARIZER_CACHE_DIR"
SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL, stamp INTEGER NOT NULL)"
LOCK_WAIT_SECONDS = 120.0


def is_lock_error(error: sqlite3.OperationalError) -> bool:
    """True for SQLITE_BUSY / SQLITE_LOCKED, which another process holding the file causes."""
    message = str(error).lower()
    return "locked" in message or "busy" in message


def while_locked(action: Callable[[], T], wait: float = LOCK_WAIT_SECONDS) -> T:
    """Run ``action``, retrying with backoff while another process holds the database.

    SQLite's busy timeout does not cover every case: switching a new file to WAL
    and WAL recovery return SQLITE_BUSY at once, which several workers opening a
    fresh cache together do hit. The result never depends on the timing.
    """
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not is_lock_error(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def default_cache_dir() -> Path:
    """``$SUMMARIZER_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarizer``, else ``~/.cache/summarizer``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


def cache_key(model_key: str, text: str) -> bytes:
    """SHA-256 of the model's identity and the sentence."""
    return hashlib.sha256(f"{model_key}\0{text}".encode()).digest()


class EmbeddingCache:
    """Vectors by (model, sentence) in one SQLite file, bounded in size."""

    def __init__(self, folder: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = (folder or default_cache_dir()) / "embeddings.sqlite3"
        self.max_bytes = max_bytes
        self._connection: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        """Open (and create) the database on first use."""
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            try:
                while_locked(lambda: self.prepare(connection))
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    @staticmethod
    def prepare(connection: sqlite3.Connection) -> None:
        """WAL mode (kept in the file once set) and the table."""
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(SCHEMA)

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored vectors (raw float32 bytes) of the keys that are present."""
        found: dict[bytes, bytes] = {}
        connection = self.connection()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
            found.update(while_locked(lambda: connection.execute(query, chunk).fetchall()))  # noqa: B023
        return found

    def put(self, items: dict[bytes, bytes]) -> None:
        """Store vectors, then trim the oldest entries if the cache outgrew its bound."""
        if not items:
            return
        connection = self.connection()
        while_locked(lambda: self.write(connection, items))

    def write(self, connection: sqlite3.Connection, items: dict[bytes, bytes]) -> None:
        """One transaction: insert the vectors under a new stamp and trim."""
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            stamp = connection.execute("SELECT COALESCE(MAX(stamp), 0) + 1 FROM vectors").fetchone()[0]
            connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", [(k, v, stamp) for k, v in items.items()])
            self.trim(connection, len(next(iter(items.values()))))

    def trim(self, connection: sqlite3.Connection, row_bytes: int) -> None:
        """Drop the oldest entries beyond ``max_bytes`` (vectors of ``row_bytes`` each, plus key overhead)."""
        limit = max(1, self.max_bytes // (row_bytes + 64))
        count = connection.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        if count > limit:
            connection.execute("DELETE FROM vectors WHERE key IN (SELECT key FROM vectors ORDER BY stamp, key LIMIT ?)", (count - limit,))

    def close(self) -> None:
        """Close the database (it reopens on next use)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class CachedEmbedder:
    """An Embedder that reads vectors from an EmbeddingCache and embeds only the sentences it lacks.

    The cache is an optimisation: when it cannot be used (a folder that cannot
    be written, a corrupted or read-only file), a ``CacheWarning`` says so once
    and the run goes on without it, with the same vectors and so the same bytes.
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.broken = False

    def guarded(self, action: Callable[[], T], otherwise: T) -> T:
        """Run a cache operation; when the cache fails, warn once, stop using it and return ``otherwise``."""
        if self.broken:
            return otherwise
        try:
            return action()
        except (sqlite3.DatabaseError, OSError) as error:
            self.broken = True
            self.cache.close()
            reason = f"{error.strerror or error}" if isinstance(error, OSError) else str(error)
            message = f"the embedding cache {self.cache.path} cannot be used ({reason}); going on without it (delete it to rebuild it)"
            warnings.warn(CacheWarning(message), stacklevel=2)
            return otherwise

    @property
    def name(self) -> str:
        """The wrapped model's name."""
        return self.embedder.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text, from the cache where possible."""
        import numpy as np

        unique = list(dict.fromkeys(texts))
        keys = {text: cache_key(self.embedder.identity, text) for text in unique}
        nothing: dict[bytes, bytes] = {}
        stored = self.guarded(lambda: self.cache.get(list(keys.values())), nothing)
        missing = [text for text in unique if keys[text] not in stored]
        if missing:
            fresh = self.embedder.encode(missing)
            new = {keys[text]: np.ascontiguousarray(row, dtype=np.float32).tobytes() for text, row in zip(missing, fresh, strict=True)}
            self.guarded(lambda: self.cache.put(new), None)
            stored.update(new)
        if not texts:
            return self.embedder.encode([])
        return np.stack([np.frombuffer(stored[keys[text]], dtype=np.float32) for text in texts])


def cached(embedder: Any, cache: bool) -> Any:
    """The embedder behind the on-disk embedding cache, unless ``cache`` is off."""
    if not cache:
        return embedder
    return CachedEmbedder(embedder, EmbeddingCache())
